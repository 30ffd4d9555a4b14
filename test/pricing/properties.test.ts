import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { OPTION_IDS } from '../../src/schema/enums.js';
import { lowerBoundNodes, packNodes, priceOptions, resolvePriceBook, type NodeCapacity, type TaskGroup } from '../../src/pricing/index.js';
import type { OptionPricing } from '../../src/domain/advice.js';
import { ec2Sizing, snapshot, workload, type TestWorkloadInput } from './helpers.js';

const book = resolvePriceBook(snapshot(), 'us-east-1');
const books = { 'us-east-1': book, 'eu-central-1': resolvePriceBook(snapshot(), 'eu-central-1') };

const capArb: fc.Arbitrary<NodeCapacity> = fc.record({
  cpuMillicores: fc.integer({ min: 1000, max: 64000 }),
  memoryMiB: fc.integer({ min: 1024, max: 262144 }),
  gpus: fc.constantFrom(0, 0, 1, 4),
  slots: fc.oneof(fc.integer({ min: 1, max: 250 }), fc.constant(Infinity)),
});
const groupsArb: fc.Arbitrary<TaskGroup[]> = fc.array(
  fc.record({
    count: fc.integer({ min: 0, max: 400 }),
    cpuMillicores: fc.integer({ min: 1, max: 16000 }),
    memoryMiB: fc.integer({ min: 1, max: 65536 }),
    gpus: fc.constantFrom(0, 0, 0, 1),
  }),
  { minLength: 1, maxLength: 12 },
);

describe('packing properties', () => {
  test('never exceeds any capacity or density limit; places every task that fits; node count ≥ lower bound', () => {
    fc.assert(
      fc.property(capArb, groupsArb, (cap, groups) => {
        const r = packNodes(groups, cap);
        let placed = 0;
        for (const b of r.batches) {
          expect(b.nodes).toBeGreaterThan(0);
          expect(b.cpuMillicores).toBeLessThanOrEqual(cap.cpuMillicores);
          expect(b.memoryMiB).toBeLessThanOrEqual(cap.memoryMiB);
          expect(b.gpus).toBeLessThanOrEqual(cap.gpus);
          expect(b.tasks).toBeLessThanOrEqual(cap.slots);
          placed += b.nodes * b.tasks;
        }
        const fits = groups.filter(
          (g) => g.count > 0 && g.cpuMillicores <= cap.cpuMillicores && g.memoryMiB <= cap.memoryMiB && g.gpus <= cap.gpus,
        );
        const expected = fits.reduce((n, g) => n + g.count, 0);
        expect(placed).toBe(expected);
        expect(r.unplaced).toBe(groups.reduce((n, g) => n + Math.max(0, g.count), 0) - expected);
        expect(r.nodes).toBeGreaterThanOrEqual(lowerBoundNodes(fits, cap));
        expect(r.nodes).toBeGreaterThanOrEqual(r.lowerBound);
      }),
      { numRuns: 300 },
    );
  });
});

const serviceArb = fc.record({
  cpu: fc.constantFrom(0.25, 0.5, 1, 2, 4, 8),
  memory: fc.constantFrom(0.5, 1, 2, 4, 8, 16),
  replicas: fc.integer({ min: 0, max: 40 }),
  extraPeak: fc.integer({ min: 0, max: 20 }),
  peakHoursPerDay: fc.integer({ min: 1, max: 12 }),
  arch: fc.constantFrom('x86_64' as const, 'arm64' as const),
  storage: fc.constantFrom(20, 20, 50),
});
const jobArb = fc.record({
  cpu: fc.constantFrom(0.25, 1, 4),
  memory: fc.constantFrom(0.5, 2, 8),
  runsPerDay: fc.integer({ min: 1, max: 24 }),
  minutesPerRun: fc.constantFrom(0.5, 5, 30, 120),
  parallelism: fc.integer({ min: 1, max: 10 }),
});
const workloadArb = fc.record({
  services: fc.array(serviceArb, { minLength: 1, maxLength: 4 }),
  jobs: fc.array(jobArb, { maxLength: 2 }),
  daemons: fc.array(fc.record({ cpu: fc.constantFrom(0.1, 0.25), memory: fc.constantFrom(0.128, 0.5) }), { maxLength: 1 }),
  utilization: fc.integer({ min: 10, max: 100 }),
  ec2Spot: fc.constantFrom(0, 0, 30),
  fargateSpot: fc.constantFrom(0, 0, 50),
  discount: fc.constantFrom(0, 0, 20),
  region: fc.constantFrom('us-east-1' as const, 'eu-central-1' as const),
  extras: fc.boolean(),
});
type Gen = typeof workloadArb extends fc.Arbitrary<infer T> ? T : never;

function toInput(g: Gen, bump = 0): TestWorkloadInput {
  return {
    region: g.region,
    services: g.services.map((s, i) => ({
      name: `s${i}`,
      cpu: s.cpu,
      memory: s.memory,
      replicas: s.replicas + (i === 0 ? bump : 0),
      ...(s.extraPeak > 0 ? { peakReplicas: s.replicas + (i === 0 ? bump : 0) + s.extraPeak, peakHoursPerDay: s.peakHoursPerDay } : {}),
      arch: s.arch,
      storage: s.storage,
    })),
    jobs: g.jobs.map((j, i) => ({ name: `j${i}`, ...j })),
    daemons: g.daemons.map((d, i) => ({ name: `d${i}`, ...d })),
    cost: {
      utilization: g.utilization,
      ec2: { spotPercent: g.ec2Spot, discountPercent: g.discount },
      fargate: { spotPercent: g.fargateSpot, discountPercent: g.discount },
      ...(g.extras ? { extras: { natGateways: 1, natGbPerMonth: 10, publicIpv4Addresses: 2 } } : {}),
    },
  };
}

describe('pricing properties', () => {
  test('totals are exactly the sum of the (cent-rounded) items; every item is well-formed', () => {
    fc.assert(
      fc.property(workloadArb, (g) => {
        const priced = priceOptions(workload(toInput(g)), books[g.region]);
        for (const id of OPTION_IDS) {
          const o = priced[id];
          const cents = o.monthlyCost.items.reduce((s, i) => s + Math.round(i.monthly * 100), 0);
          expect(Math.round(o.monthlyCost.total * 100)).toBe(cents);
          for (const i of o.monthlyCost.items) {
            expect(Number.isFinite(i.monthly)).toBe(true);
            expect(Math.round(i.monthly * 100) / 100).toBe(i.monthly);
            expect(Math.abs(i.quantity * i.unitPrice - i.monthly)).toBeLessThanOrEqual(0.005 + 1e-9);
          }
          expect(o.costCurve).toHaveLength(10);
          for (const e of o.estimates) expect(e.fix.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 100 },
    );
  });

  // On a given instance type the model is monotone: more replicas or one more job never cost less. With a
  // free choice of type, the cheapest type is searched over a shortlist ranked on estimates, so a bigger
  // workload can find a type a little cheaper for both; that effect is bounded here at 1 %.
  const fixedType = (input: TestWorkloadInput, type: string): TestWorkloadInput => ({
    ...input,
    cost: { ...input.cost, ec2: { ...input.cost?.ec2, instanceTypes: [type] } },
  });
  const TYPES = ['m5.xlarge', 'c6g.2xlarge', 'r6i.large'];
  const withJob = (input: TestWorkloadInput, job: Gen['jobs'][number]): TestWorkloadInput => ({
    ...input,
    jobs: [...(input.jobs ?? []), { name: 'extra-job', ...job }],
  });
  // Compared where both sides are real fleets: not blocked (a task no type holds is not priced) and on the
  // same candidate types (a restriction no type of which fits falls back to the defaults, with a warning).
  const comparable = (o: OptionPricing) => o.blockers.length === 0 && !o.warnings.some((m) => m.includes('cost.ec2.instanceTypes'));
  const noLess = (before: ReturnType<typeof priceOptions>, after: ReturnType<typeof priceOptions>, tolerance: number) => {
    for (const id of OPTION_IDS) {
      if (!comparable(before[id]) || !comparable(after[id])) continue;
      expect(after[id].monthlyCost.total, id).toBeGreaterThanOrEqual(before[id].monthlyCost.total * (1 - tolerance) - 0.005);
    }
  };

  test('more replicas never cost less (strictly on a given type; within 1 % with a free choice of type)', () => {
    fc.assert(
      fc.property(workloadArb, fc.integer({ min: 1, max: 10 }), fc.constantFrom(...TYPES), (g, bump, type) => {
        noLess(
          priceOptions(workload(fixedType(toInput(g), type)), books[g.region]),
          priceOptions(workload(fixedType(toInput(g, bump), type)), books[g.region]),
          0,
        );
        noLess(priceOptions(workload(toInput(g)), books[g.region]), priceOptions(workload(toInput(g, bump)), books[g.region]), 0.01);
      }),
      { numRuns: 60 },
    );
  });

  test('one more job never costs less (strictly on a given type; within 1 % with a free choice of type)', () => {
    fc.assert(
      fc.property(workloadArb, jobArb, fc.constantFrom(...TYPES), (g, job, type) => {
        const input = toInput(g);
        noLess(
          priceOptions(workload(fixedType(input, type)), books[g.region]),
          priceOptions(workload(fixedType(withJob(input, job), type)), books[g.region]),
          0,
        );
        noLess(priceOptions(workload(input), books[g.region]), priceOptions(workload(withJob(input, job)), books[g.region]), 0.01);
      }),
      { numRuns: 60 },
    );
  });

  test('every cluster that runs services keeps a node per zone in use', () => {
    fc.assert(
      fc.property(workloadArb, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), (g, clusters, zones) => {
        const input = toInput(g);
        const w = workload({ ...input, network: { availabilityZones: zones }, cost: { ...input.cost, clusters } });
        const priced = priceOptions(w, books[g.region]);
        for (const id of ['ecs-ec2', 'eks-managed-nodes', 'ecs-managed-instances', 'eks-auto-mode'] as const) {
          for (const pool of ec2Sizing(priced[id]).pools) {
            expect(pool.zonesInUse).toBeLessThanOrEqual(zones);
            expect(pool.nodes).toBeGreaterThanOrEqual(pool.zonesInUse);
          }
          // Clusters with services: each has at least min(zones, its largest service's replicas) nodes.
          const withServices = new Set(
            ec2Sizing(priced[id])
              .pools.filter((p) => p.zonesInUse > 0)
              .map((p) => p.cluster),
          );
          const nodes = ec2Sizing(priced[id])
            .pools.filter((p) => p.zonesInUse > 0)
            .reduce((n, p) => n + p.nodes * p.copies, 0);
          expect(nodes).toBeGreaterThanOrEqual(withServices.size);
        }
      }),
      { numRuns: 60 },
    );
  });

  test('EC2 node count is at least the lower bound (demand / node capacity, sized for utilisation)', () => {
    fc.assert(
      fc.property(workloadArb, (g) => {
        const w = workload(toInput(g));
        const priced = priceOptions(w, books[g.region]);
        for (const id of ['ecs-ec2', 'eks-managed-nodes', 'ecs-managed-instances', 'eks-auto-mode'] as const) {
          for (const pool of ec2Sizing(priced[id]).pools) {
            expect(pool.packedNodes).toBeGreaterThanOrEqual(pool.lowerBoundNodes);
            expect(pool.nodes).toBeGreaterThanOrEqual(pool.packedNodes);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
