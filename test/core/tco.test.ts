/**
 * The people side of the total cost of ownership: effort counted per estate, cluster, node pool and
 * node; dollars only at the team's own rate; TCO beside the bill; migration with payback. The
 * arithmetic is pinned by hand-computed rows from the effort catalog.
 */
import { describe, expect, it } from 'vitest';
import type { Ec2Sizing, FargateSizing, PoolSizing } from '../../src/domain/advice.js';
import { operationsEffort } from '../../src/domain/operations.js';
import { MIGRATION_EFFORT, OPERATIONS_EFFORT } from '../../src/domain/operations-effort.js';
import { migrationTo, peopleCost, totalCostOfOwnership } from '../../src/pricing/people.js';
import { advise } from '../../src/advise.js';
import { loadSnapshot } from '../../src/cli/prices/snapshot.js';
import { resolvePriceBook } from '../../src/pricing/index.js';
import { OPTION_IDS, type OptionId } from '../../src/schema/enums.js';
import { workload } from '../rules/helpers.js';

const fargate: FargateSizing = { launchType: 'test', sidecars: [], podOverheadGiB: 0, spotShare: 0, savingsPlanPercent: 0, tasks: [] };
const pool = (copies: number, peakNodes: number): PoolSizing => ({
  pool: 'linux/x86_64',
  cluster: 1,
  copies,
  instanceType: 'm7i.large',
  instance: { vcpu: 2, memoryGiB: 8, gpus: 0 },
  capacityPerNode: { cpu: 1.9, memoryGiB: 7, gpus: 0 },
  nodes: peakNodes,
  peakNodes,
  packedNodes: peakNodes,
  lowerBoundNodes: peakNodes,
  zonesInUse: 3,
  tasksPerNode: 1,
  bindingLimit: 'cpu',
  serviceNodeHours: 0,
  jobNodeHours: 0,
  candidatesConsidered: 1,
});
const ec2 = (pools: PoolSizing[]): Ec2Sizing => ({
  launchType: 'test',
  utilizationPercent: 70,
  nodeTypes: ['m7i.large'],
  nodeCount: pools.reduce((n, p) => n + p.nodes * p.copies, 0),
  peakNodeCount: pools.reduce((n, p) => n + p.peakNodes * p.copies, 0),
  nodeHoursPerMonth: 0,
  bindingLimit: 'cpu',
  pools,
  breakEven: { against: 'ecs-fargate', note: '' },
});

const api = { name: 'api', cpu: 1, memory: 2, replicas: 4 };

describe('operations effort, counted for the fleet', () => {
  it('every option has items, every item a source with an https URL, low ≤ high', () => {
    for (const id of OPTION_IDS) {
      expect(OPERATIONS_EFFORT[id].length).toBeGreaterThan(0);
      for (const item of OPERATIONS_EFFORT[id]) {
        expect(item.hoursPerMonth[0]).toBeLessThanOrEqual(item.hoursPerMonth[1]);
        expect(item.sources.length, `${id}: ${item.what}`).toBeGreaterThan(0);
      }
    }
    const effort = operationsEffort('eks-managed-nodes', workload({ services: [api] }), ec2([pool(1, 3)]));
    for (const line of effort.items) for (const s of line.sources) expect(s.url).toMatch(/^https:\/\//);
  });

  // Managed node groups, 1 cluster, 2 node pools, 300 nodes:
  //   estate: upgrades planning 2–6, IAM 2–6, on-call 4–12 (+0.5–2 per cluster)
  //   per cluster: upgrade execution 1–5, add-ons 0.5–4, autoscaler 1–4, capacity 1–3
  //   per node pool: AMI rotation 0.25–1.5 × 2 pools, + 0.5–2 per 100 nodes × 3
  it.each([
    [
      'eks-managed-nodes',
      1,
      [pool(1, 150), pool(1, 150)],
      2 + 2 + 4 + 0.5 + 1 + 0.5 + 1 + 1 + 0.5 + 1.5,
      6 + 6 + 12 + 2 + 5 + 4 + 4 + 3 + 3 + 6,
    ],
    // 3 clusters of one pool (copies 3, 12 nodes): 8 + 1.5 on-call + 3 × 3.5 + 3 × 0.25 + 0.5 × 0.12
    ['eks-managed-nodes', 3, [pool(3, 4)], 8 + 1.5 + 10.5 + 0.75 + 0.06, 24 + 6 + 48 + 4.5 + 0.24],
    ['ecs-fargate', 5, [], 0 + 0 + 0.5 + 0, 0 + 1 + 2 + 1],
    [
      'eks-auto-mode',
      2,
      [pool(2, 6)],
      1.5 + 2 * 0.5 + 2 * 0.3 + 0 + 2 * 0.5 + 1 + 3 + 2 * 0.3,
      5 + 2 * 2 + 2 * 3 + 2 * 0.5 + 2 * 2 + 4 + 10 + 2 * 1.5,
    ],
  ] as Array<[OptionId, number, PoolSizing[], number, number]>)('%s with %i cluster(s)', (option, clusters, pools, low, high) => {
    const w = workload({ services: [api], cost: { clusters } });
    const effort = operationsEffort(option, w, pools.length > 0 ? ec2(pools) : fargate);
    expect(effort.hoursPerMonth.low).toBeCloseTo(low, 1);
    if (high > 0) expect(effort.hoursPerMonth.high).toBeCloseTo(high, 1);
  });

  it('the sum of the items is the total', () => {
    const effort = operationsEffort('eks-managed-nodes', workload({ services: [api], cost: { clusters: 2 } }), ec2([pool(2, 10)]));
    expect(effort.items.reduce((n, i) => n + i.hoursPerMonth.low, 0)).toBeCloseTo(effort.hoursPerMonth.low, 1);
    expect(effort.items.find((i) => i.item.startsWith('Node AMI'))!.counted).toContain('× 2 node pools');
  });
});

describe('dollars only at the team’s own rate', () => {
  const effort = operationsEffort('eks-managed-nodes', workload({ services: [api] }), ec2([pool(1, 3)]));

  it('without engineerCostPerYear: hours and a share of an engineer, no dollars, no TCO', () => {
    const p = peopleCost(effort, workload({ services: [api] }));
    expect(p.monthly).toBeNull();
    expect(p.engineers.low).toBeCloseTo(effort.hoursPerMonth.low / 160, 2);
    expect(totalCostOfOwnership(1000, p)).toBeNull();
  });

  it('$192,000 a year is $100 an hour (1,920 h): dollars and TCO = bill + people', () => {
    const p = peopleCost(effort, workload({ services: [api], team: { engineerCostPerYear: 192_000 } }));
    expect(p.monthly).toEqual({ low: Math.round(effort.hoursPerMonth.low * 100), high: Math.round(effort.hoursPerMonth.high * 100) });
    expect(totalCostOfOwnership(1000, p)).toEqual({ low: 1000 + p.monthly!.low, high: 1000 + p.monthly!.high });
  });
});

describe('migration from the current platform', () => {
  const tco = (values: Partial<Record<OptionId, [number, number]>>) =>
    Object.fromEntries(OPTION_IDS.map((id) => [id, values[id] ? { low: values[id]![0], high: values[id]![1] } : null])) as Record<
      OptionId,
      { low: number; high: number } | null
    >;
  const rate = { engineerCostPerYear: 192_000 }; // $4,000 per engineer-week

  it('staying put costs nothing', () => {
    const w = workload({ services: [api], current: { platform: 'ecs-ec2' }, team: rate });
    expect(migrationTo('ecs-ec2', w, tco({}))).toMatchObject({ weeks: { low: 0, high: 0 }, cost: { low: 0, high: 0 }, payback: 'stay' });
  });

  it('no current platform, or a first deployment: no migration', () => {
    expect(migrationTo('ecs-fargate', workload({ services: [api] }), tco({}))).toBeNull();
    expect(migrationTo('ecs-fargate', workload({ services: [api], current: { platform: 'none' } }), tco({}))).toBeNull();
  });

  it('ECS on EC2 → EKS managed nodes, 3 services: 0.5–2 weeks each plus 4–12 to set up; payback from the TCO saving', () => {
    const effort = MIGRATION_EFFORT['ecs-ec2->eks-managed-nodes']!;
    expect(effort.weeks).toEqual([0.5, 2]);
    expect(effort.setupWeeks).toEqual([4, 12]);
    const w = workload({ services: [api, { ...api, name: 'b' }, { ...api, name: 'c' }], current: { platform: 'ecs-ec2' }, team: rate });
    const m = migrationTo('eks-managed-nodes', w, tco({ 'ecs-ec2': [10_000, 12_000], 'eks-managed-nodes': [8_000, 9_000] }))!;
    expect(m.weeks).toEqual({ low: 5.5, high: 18 });
    expect(m.cost).toEqual({ low: 22_000, high: 72_000 });
    // Savings at the same end of both ranges: 2,000 (low) and 3,000 (high).
    expect(m.payback).toBe('pays-back');
    expect(m.paybackMonths).toEqual({ low: 7.3, high: 36 });
  });

  it('a dearer target never pays back; one cheaper only at one end may not', () => {
    const w = workload({ services: [api], current: { platform: 'ecs-ec2' }, team: rate });
    expect(migrationTo('eks-managed-nodes', w, tco({ 'ecs-ec2': [1_000, 2_000], 'eks-managed-nodes': [3_000, 9_000] }))!.payback).toBe(
      'never',
    );
    const maybe = migrationTo('eks-managed-nodes', w, tco({ 'ecs-ec2': [5_000, 9_000], 'eks-managed-nodes': [4_000, 10_000] }))!;
    expect(maybe.payback).toBe('may-not-pay-back');
    expect(maybe.paybackMonths).toMatchObject({ high: null });
  });

  it('current.services counts the services that move; further clusters add set-up', () => {
    const base = { services: [api, { ...api, name: 'b' }, { ...api, name: 'c' }], team: rate };
    const all = migrationTo('eks-auto-mode', workload({ ...base, current: { platform: 'ecs-fargate' } }), tco({}))!;
    const one = migrationTo('eks-auto-mode', workload({ ...base, current: { platform: 'ecs-fargate', services: 1 } }), tco({}))!;
    expect(all.weeks.low - one.weeks.low).toBeCloseTo(2 * 0.5, 6);
    const three = migrationTo(
      'eks-auto-mode',
      workload({ ...base, current: { platform: 'ecs-fargate' }, cost: { clusters: 3 } }),
      tco({}),
    )!;
    expect(three.weeks.low - all.weeks.low).toBeCloseTo(2 * 1, 6);
    expect(all.payback).toBe('unknown');
  });
});

describe('what a team sees', () => {
  const book = (region = 'us-east-1') => resolvePriceBook(loadSnapshot(), region, { source: 'snapshot' });
  const run = (input: Parameters<typeof workload>[0]) => advise(workload(input), book(), { toolVersion: 'test', whatIf: false });
  const byId = (a: ReturnType<typeof run>, id: OptionId) => a.options.find((o) => o.id === id)!;

  it('a five-person team with no platform engineers sees EKS’s effort and its TCO gap to ECS on Fargate', () => {
    const a = run({ services: [{ ...api, replicas: 2 }], team: { engineers: 5, platformEngineers: 0, engineerCostPerYear: 180_000 } });
    const f = byId(a, 'ecs-fargate');
    const m = byId(a, 'eks-managed-nodes');
    expect(m.people.hoursPerMonth.low).toBeGreaterThan(3 * f.people.hoursPerMonth.high);
    expect(m.totalCostOfOwnership!.low - f.totalCostOfOwnership!.low).toBeGreaterThan(1_000);
    expect(a.recommendation.option).toBe('ecs-fargate');
    // The bill itself is never mixed with people: monthlyCost has no people line.
    expect(m.monthlyCost.items.some((i) => /engineer|people|effort/i.test(i.name))).toBe(false);
  });

  it('for a 60-engineer organisation with a platform team, the people gap per service shrinks as the fleet grows', () => {
    const fleet = (n: number) =>
      run({
        services: Array.from({ length: n }, (_, i) => ({ ...api, name: `svc-${i}` })),
        team: { engineers: 60, platformEngineers: 4, kubernetes: 'expert', engineerCostPerYear: 200_000 },
      });
    const gapPerService = (n: number) => {
      const a = fleet(n);
      return (byId(a, 'eks-managed-nodes').people.monthly!.high - byId(a, 'ecs-fargate').people.monthly!.high) / n;
    };
    expect(gapPerService(100)).toBeLessThan(gapPerService(10) / 5);
  });

  it('a team on ECS on EC2 considering EKS sees the migration range and the payback or that it never pays back', () => {
    const a = run({
      services: [api, { ...api, name: 'worker' }],
      current: { platform: 'ecs-ec2' },
      team: { engineerCostPerYear: 200_000 },
    });
    const m = byId(a, 'eks-managed-nodes').migration!;
    expect(m.from).toBe('ecs-ec2');
    expect(m.weeks.low).toBeGreaterThan(0);
    expect(m.cost!.high).toBeGreaterThan(m.cost!.low);
    expect(['never', 'may-not-pay-back', 'pays-back']).toContain(m.payback);
    expect(byId(a, 'ecs-ec2').migration!.payback).toBe('stay');
  });
});
