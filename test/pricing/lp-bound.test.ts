/**
 * The LP lower bound the bench holds the packing to: the bounded simplex on textbook LPs, the bound on
 * instances solved by hand, equal to the whole LP solved directly on small random instances, never above
 * a real packing nor below the plain per-resource bound, and never above the model's fleets.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/cli/prices/snapshot.js';
import { ALL_OPTIONS } from '../../src/domain/options.js';
import { poolLowerBounds } from '../../src/pricing/ec2/index.js';
import { maximiseBounded, packingLowerBound, type LpGroup, type LpType } from '../../src/pricing/ec2/lp.js';
import { priceOptions, resolvePriceBook } from '../../src/pricing/index.js';
import { packNodes } from '../../src/pricing/packing.js';
import { loadWorkload } from '../../src/schema/load.js';
import { FIXTURES } from '../helpers.js';

describe('maximiseBounded', () => {
  it('solves a textbook LP with an upper bound', () => {
    // max 3x + 2y; x + y ≤ 4, x + 3y ≤ 6, 0 ≤ x ≤ 3 → x = 3, y = 1.
    const { value, x } = maximiseBounded(
      [3, 2],
      [
        [1, 1],
        [1, 3],
      ],
      [4, 6],
      [3, Infinity],
    );
    expect(value).toBeCloseTo(11, 9);
    expect([...x]).toEqual([expect.closeTo(3, 9), expect.closeTo(1, 9)]);
  });

  it('flips a variable to its bound when no constraint stops it first', () => {
    const { value } = maximiseBounded([1, 1], [[1, 1]], [10], [2, 3]);
    expect(value).toBeCloseTo(5, 9);
  });
});

const type = (capacity: number[], cost: number, ref = ''): LpType<string> => ({ capacity, cost, ref });

describe('packingLowerBound', () => {
  it('one shape on one type: tasks over tasks per node', () => {
    const r = packingLowerBound([{ count: 10, use: [1, 1] }], [type([4, 8], 1)]);
    expect(r.bound).toBeCloseTo(2.5, 6);
    expect(r.optimal).toBe(true);
  });

  it('complementary shapes share nodes', () => {
    const groups: LpGroup[] = [
      { count: 10, use: [3, 1] },
      { count: 10, use: [1, 3] },
    ];
    expect(packingLowerBound(groups, [type([4, 4], 1)]).bound).toBeCloseTo(10, 6);
  });

  it('puts each shape on the type that suits it', () => {
    const groups: LpGroup[] = [
      { count: 10, use: [2, 1] },
      { count: 10, use: [1, 2] },
    ];
    const r = packingLowerBound(groups, [type([4, 2], 1, 'cpu'), type([2, 4], 1, 'mem'), type([4, 4], 2.5, 'big')]);
    expect(r.bound).toBeCloseTo(10, 6);
    expect(r.mix.map((m) => m.ref).sort()).toEqual(['cpu', 'mem']);
  });

  it('counts slots and host ports', () => {
    // 12 tiny tasks, 3 slots per node → 4 nodes; with one task per node (a host port) → 12.
    expect(packingLowerBound([{ count: 12, use: [0.1, 0.1, 1] }], [type([4, 4, 3], 1)]).bound).toBeCloseTo(4, 6);
    expect(
      packingLowerBound([{ count: 12, use: [0.1, 0.1, 1], maxPerNode: 1 }], [type([4, 4, 3], 1), type([16, 16, 12], 3)]).bound,
    ).toBeCloseTo(12, 6);
  });

  it('keeps a node per zone', () => {
    // One tiny task, but three zones: three of the cheapest nodes, not a third of one.
    const r = packingLowerBound([{ count: 1, use: [1, 1] }], [type([4, 4], 1, 'small'), type([64, 64], 10, 'big')], { minNodes: 3 });
    expect(r.bound).toBeCloseTo(3, 6);
    // Enough tasks for more nodes than zones: the node count does not bind.
    expect(packingLowerBound([{ count: 40, use: [1, 1] }], [type([4, 4], 1)], { minNodes: 3 }).bound).toBeCloseTo(10, 6);
  });

  const instance = fc.record({
    groups: fc.array(
      fc.record({
        count: fc.integer({ min: 1, max: 60 }),
        cpu: fc.integer({ min: 100, max: 4000 }),
        mem: fc.integer({ min: 128, max: 16384 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    types: fc.array(
      fc.record({
        vcpu: fc.constantFrom(2, 4, 8, 16),
        ratio: fc.constantFrom(2, 4, 8),
        slots: fc.integer({ min: 3, max: 110 }),
        price: fc.double({ min: 0.05, max: 3, noNaN: true }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  });

  /** The same LP written out whole (tasks of each shape on each type, fractional nodes), solved through its dual. */
  function assignmentLp(groups: readonly LpGroup[], types: readonly LpType<string>[], minNodes: number): number {
    const G = groups.length;
    const T = types.length;
    const R = types[0]!.capacity.length;
    // Variables: π_g, then μ_tr, then ν_gt, then ζ for Σ nodes ≥ minNodes (all ≥ 0); maximise Σ n_g π_g + minNodes·ζ.
    const n = G + T * R + G * T + 1;
    const mu = (t: number, r: number) => G + t * R + r;
    const nu = (g: number, t: number) => G + T * R + g * T + t;
    const rows: number[][] = [];
    const rhs: number[] = [];
    for (let t = 0; t < T; t++) {
      const row = new Array<number>(n).fill(0);
      for (let r = 0; r < R; r++) row[mu(t, r)] = types[t]!.capacity[r]!;
      for (let g = 0; g < G; g++) row[nu(g, t)] = Math.min(groups[g]!.count, groups[g]!.maxPerNode ?? Infinity);
      row[n - 1] = 1;
      rows.push(row);
      rhs.push(types[t]!.cost);
    }
    for (let g = 0; g < G; g++)
      for (let t = 0; t < T; t++) {
        const row = new Array<number>(n).fill(0);
        row[g] = 1;
        for (let r = 0; r < R; r++) row[mu(t, r)] = -groups[g]!.use[r]!;
        row[nu(g, t)] = -1;
        rows.push(row);
        rhs.push(0);
      }
    const objective = new Array<number>(n).fill(0);
    groups.forEach((g, i) => (objective[i] = g.count));
    objective[n - 1] = minNodes;
    return maximiseBounded(objective, rows, rhs, new Array<number>(n).fill(Infinity)).value;
  }

  it('equals the whole LP solved directly, on small instances', () => {
    const small = fc.record({
      groups: fc.array(
        fc.record({
          count: fc.integer({ min: 1, max: 30 }),
          cpu: fc.integer({ min: 1, max: 8 }),
          mem: fc.integer({ min: 1, max: 8 }),
          port: fc.boolean(),
        }),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
      types: fc.array(
        fc.record({
          cpu: fc.integer({ min: 8, max: 32 }),
          mem: fc.integer({ min: 8, max: 32 }),
          slots: fc.integer({ min: 2, max: 20 }),
          cost: fc.integer({ min: 1, max: 9 }),
        }),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
      zones: fc.constantFrom(0, 0, 2, 3, 6),
    });
    fc.assert(
      fc.property(small, ({ groups, types, zones }) => {
        const lpGroups: LpGroup[] = groups.map((g) => ({ count: g.count, use: [g.cpu, g.mem, 1], ...(g.port ? { maxPerNode: 1 } : {}) }));
        const lpTypes = types.map((t, i) => type([t.cpu, t.mem, t.slots], t.cost, String(i)));
        const r = packingLowerBound(lpGroups, lpTypes, { tolerance: 0, minNodes: zones });
        expect(r.optimal).toBe(true);
        expect(r.bound).toBeCloseTo(assignmentLp(lpGroups, lpTypes, zones), 6);
      }),
      { numRuns: 150 },
    );
  });

  it('is never above a real packing and never below the per-resource bound', () => {
    fc.assert(
      fc.property(instance, ({ groups, types }) => {
        const caps = types.map((t) => ({ cpuMillicores: t.vcpu * 1000, memoryMiB: t.vcpu * t.ratio * 1024, gpus: 0, slots: t.slots }));
        const fits = (g: (typeof groups)[number]) => caps.some((c) => c.cpuMillicores >= g.cpu && c.memoryMiB >= g.mem);
        fc.pre(groups.every(fits));
        const lpGroups = groups.map((g) => ({ count: g.count, use: [g.cpu, g.mem, 0, 1] }));
        const lpTypes = types.map((t, i) => type([caps[i]!.cpuMillicores, caps[i]!.memoryMiB, 0, t.slots], t.price, String(i)));
        const { bound } = packingLowerBound(lpGroups, lpTypes);
        // A real fleet: each group on its own cheapest type, packed.
        let fleet = 0;
        for (const g of groups) {
          let best = Infinity;
          caps.forEach((cap, i) => {
            const r = packNodes([{ count: g.count, cpuMillicores: g.cpu, memoryMiB: g.mem, gpus: 0 }], cap);
            if (r.unplaced === 0) best = Math.min(best, r.nodes * types[i]!.price);
          });
          fleet += best;
        }
        expect(bound).toBeLessThanOrEqual(fleet * (1 + 1e-9));
        // Each resource alone at the best price per unit of it.
        for (const [r, demand] of [
          [0, groups.reduce((s, g) => s + g.count * g.cpu, 0)],
          [1, groups.reduce((s, g) => s + g.count * g.mem, 0)],
        ] as const) {
          const perUnit = Math.min(...lpTypes.map((t) => t.cost / t.capacity[r]!));
          expect(bound).toBeGreaterThanOrEqual(demand * perUnit * (1 - 1e-9));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('poolLowerBounds', () => {
  const book = resolvePriceBook(loadSnapshot(), 'us-east-1', { source: 'snapshot' });
  it.each(FIXTURES)('%s: no EC2 option’s always-on nodes cost less than the bound', (name) => {
    const loaded = loadWorkload(readFileSync(`fixtures/${name}.yaml`));
    if (!loaded.ok) throw new Error(name);
    const w = loaded.workload;
    const fixtureBook = w.region === 'us-east-1' ? book : resolvePriceBook(loadSnapshot(), w.region, { source: 'snapshot' });
    const priced = priceOptions(w, fixtureBook);
    for (const option of ALL_OPTIONS.filter((o) => o.ec2)) {
      const bounds = poolLowerBounds(w, fixtureBook, option, w.cost.utilization / 100);
      const sizing = priced[option.id].sizing;
      if (!('pools' in sizing)) continue;
      for (const p of sizing.pools) {
        const b = bounds.find((x) => x.pool === p.pool && x.cluster === p.cluster);
        if (!b) continue;
        const rate = b.ratePerHour(p.instanceType)!;
        expect(p.nodes * rate).toBeGreaterThanOrEqual(b.boundPerHour * (1 - 1e-6));
        expect(b.boundOn(p.instanceType)!).toBeGreaterThanOrEqual(b.boundPerHour * (1 - 1e-6));
      }
    }
  });
});
