import { describe, expect, test } from 'vitest';
import { lowerBoundNodes, packNodes, priceOptions, resolvePriceBook } from '../../src/pricing/index.js';
import type { OptionPricing } from '../../src/domain/advice.js';
import { ec2Sizing, snapshot, workload } from './helpers.js';

const us = () => resolvePriceBook(snapshot(), 'us-east-1');
type Pool = {
  pool: string;
  instanceType: string;
  nodes: number;
  peakNodes: number;
  tasksPerNode: number;
  bindingLimit: string;
  capacityPerNode: Record<string, number | null>;
};
const pools = (o: OptionPricing): Pool[] => ec2Sizing(o).pools as Pool[];

describe('packNodes', () => {
  test('packs complementary tasks together and reports the binding limit', () => {
    const cap = { cpuMillicores: 4000, memoryMiB: 16384, gpus: 0, slots: 100 };
    const r = packNodes(
      [
        { count: 8, cpuMillicores: 1000, memoryMiB: 1024, gpus: 0 },
        { count: 8, cpuMillicores: 250, memoryMiB: 6144, gpus: 0 },
      ],
      cap,
    );
    expect(r.lowerBound).toBe(4);
    expect(r.nodes).toBe(4);
    expect(r.unplaced).toBe(0);
  });

  test('density limits bind (ECS awsvpc ENIs / EKS max pods)', () => {
    const r = packNodes([{ count: 10, cpuMillicores: 100, memoryMiB: 128, gpus: 0 }], {
      cpuMillicores: 2000,
      memoryMiB: 8000,
      gpus: 0,
      slots: 2,
    });
    expect(r).toMatchObject({ nodes: 5, bindingLimit: 'slots' });
  });

  test('tasks larger than a node are reported, not placed', () => {
    const r = packNodes([{ count: 3, cpuMillicores: 9000, memoryMiB: 128, gpus: 0 }], {
      cpuMillicores: 8000,
      memoryMiB: 8000,
      gpus: 0,
      slots: 10,
    });
    expect(r).toMatchObject({ nodes: 0, unplaced: 3 });
    expect(
      lowerBoundNodes([{ count: 4, cpuMillicores: 0, memoryMiB: 0, gpus: 1 }], { cpuMillicores: 1, memoryMiB: 1, gpus: 0, slots: 9 }),
    ).toBe(Infinity);
  });
});

describe('EC2-backed options', () => {
  const web = { name: 'web', cpu: 1, memory: 2, replicas: 10 };

  test('chooses the cheapest fleet, reports type, count, tasks per node and the binding limit', () => {
    const p = priceOptions(workload({ services: [web] }), us());
    for (const id of ['ecs-ec2', 'eks-managed-nodes', 'ecs-managed-instances', 'eks-auto-mode'] as const) {
      const [pool] = pools(p[id]);
      expect(pool).toBeDefined();
      expect(pool!.pool).toBe('linux/x86_64');
      expect(pool!.nodes).toBeGreaterThan(0);
      expect(['cpu', 'memory', 'pods', 'ENIs', 'utilization', 'zones']).toContain(pool!.bindingLimit);
      expect(ec2Sizing(p[id]).nodeTypes.length).toBe(1);
    }
  });

  test('cost.ec2.instanceTypes restricts the candidates; ECS without trunking (Windows) = ENIs − 1 tasks per node', () => {
    const w = workload({
      services: [{ ...web, cpu: 0.1, memory: 0.25, replicas: 40 }],
      cost: { utilization: 100, ec2: { instanceTypes: ['c5.large'] } },
    });
    const p = priceOptions(w, us());
    expect(pools(p['ecs-ec2'])[0]).toMatchObject({ instanceType: 'c5.large', bindingLimit: 'ENIs', nodes: 4 });
    expect(pools(p['ecs-ec2'])[0]!.capacityPerNode['ENIs']).toBe(10); // c5.large: 10 tasks with ENI trunking (ECS's table)
    const win = priceOptions(
      workload({
        services: [{ ...web, cpu: 0.25, memory: 0.5, os: 'windows' }],
        cost: { utilization: 100, ec2: { instanceTypes: ['c5.large'] } },
      }),
      us(),
    );
    expect(pools(win['ecs-ec2'])[0]).toMatchObject({ nodes: 5, tasksPerNode: 2 }); // 3 ENIs − 1 → 2 tasks (ECS best-practices example)
    expect(win['ecs-ec2'].estimates.map((e) => e.item)).toContain('Windows Server licence on EC2');
  });

  test('EKS allocatable and max pods on m5.large: 29 pods, 1.93 vCPU less the per-node add-ons', () => {
    const w = workload({
      services: [{ ...web, cpu: 0.01, memory: 0.01, replicas: 85 }],
      cost: { utilization: 100, ec2: { instanceTypes: ['m5.large'] } },
    });
    const [pool] = pools(priceOptions(w, us())['eks-managed-nodes']);
    // Karpenter's allocatable 1.93 vCPU, minus aws-node, its network-policy agent and kube-proxy (150m).
    expect(pool!.capacityPerNode).toMatchObject({ cpu: 1.78, pods: 29 });
    expect(pool).toMatchObject({ nodes: 3, bindingLimit: 'pods' }); // 85 pods + 2 CoreDNS on 29-pod nodes
  });

  test('daemons run once per node and take node capacity', () => {
    const base = workload({ services: [web], cost: { ec2: { instanceTypes: ['m5.large'] } } });
    const withDaemon = workload({
      services: [web],
      daemons: [{ name: 'agent', cpu: 0.5, memory: 1 }],
      cost: { ec2: { instanceTypes: ['m5.large'] } },
    });
    const a = pools(priceOptions(base, us())['ecs-ec2'])[0]!;
    const b = pools(priceOptions(withDaemon, us())['ecs-ec2'])[0]!;
    expect(b.capacityPerNode['cpu']).toBe((a.capacityPerNode['cpu'] as number) - 0.5);
    expect(b.nodes).toBeGreaterThan(a.nodes);
  });

  test('GPU tasks go to GPU instances', () => {
    const w = workload({ services: [{ name: 'infer', cpu: 2, memory: 8, gpus: 1, replicas: 2 }] });
    const pool = pools(priceOptions(w, us())['eks-managed-nodes']).find((p) => p.pool.endsWith('/gpu'));
    expect(pool!.pool).toBe('linux/x86_64/gpu');
    expect(snapshot().instances.find((i) => i.instanceType === pool!.instanceType)!.gpus).toBeGreaterThanOrEqual(1);
  });

  test('utilisation sizing: lower utilisation never costs less, 100% equals the packing', () => {
    const w = workload({ services: [{ ...web, replicas: 40 }], cost: { ec2: { instanceTypes: ['m5.xlarge'] } } });
    const p = priceOptions(w, us())['ecs-ec2'];
    const curve = p.costCurve.map((c) => c.monthly);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!).toBeLessThanOrEqual(curve[i - 1]!);
    const full = priceOptions({ ...w, cost: { ...w.cost, utilization: 100 } }, us())['ecs-ec2'];
    expect(pools(full)[0]!.nodes).toBe(10); // 40 × 1 vCPU on 4-vCPU nodes
    expect(pools(p)[0]!.nodes).toBe(Math.ceil(40 / 4 / 0.7));
  });

  test('peaks add node-hours for the peak hours only; jobs fill spare capacity first', () => {
    const flat = workload({ services: [web], cost: { ec2: { instanceTypes: ['m5.large'] } } });
    const peak = workload({ services: [{ ...web, peakReplicas: 30, peakHoursPerDay: 6 }], cost: { ec2: { instanceTypes: ['m5.large'] } } });
    const a = priceOptions(flat, us())['ecs-ec2'];
    const b = priceOptions(peak, us())['ecs-ec2'];
    const extraNodes = pools(b)[0]!.peakNodes - pools(b)[0]!.nodes;
    expect(extraNodes).toBeGreaterThan(0);
    // The peak nodes run 6 hours a day, plus their start (2 min) and ECS managed scaling's 15 minutes before scale-in.
    expect(ec2Sizing(b).nodeHoursPerMonth).toBeCloseTo(
      ec2Sizing(a).nodeHoursPerMonth + extraNodes * (6 + (120 + 900) / 3600) * (730 / 24),
      1,
    );
    const tinyJob = workload({
      services: [web],
      jobs: [{ name: 'j', cpu: 0.25, memory: 0.5, runsPerDay: 1, minutesPerRun: 5 }],
      cost: { ec2: { instanceTypes: ['m5.large'] } },
    });
    expect(priceOptions(tinyJob, us())['ecs-ec2'].monthlyCost.total).toBe(a.monthlyCost.total);
    const jobsOnly = workload({
      services: [],
      jobs: [{ name: 'j', cpu: 2, memory: 3, runsPerDay: 2, minutesPerRun: 30, parallelism: 4 }],
      cost: { ec2: { instanceTypes: ['c5.xlarge'] } },
    });
    const [pool] = pools(priceOptions(jobsOnly, us())['ecs-ec2']);
    expect(pool!.nodes).toBe(0);
    // 4 tasks → 2 nodes per run, each billed for its start (120 s), the image pull (300 MB at 15 MB/s), the run and 15 min before scale-in.
    expect(ec2Sizing(priceOptions(jobsOnly, us())['ecs-ec2']).nodeHoursPerMonth).toBeCloseTo(
      (2 * (730 / 24) * 2 * (120 + 20 + 1800 + 900)) / 3600,
      2,
    );
  });

  test('Spot share, Savings Plan, and fees that are not discounted', () => {
    const w = workload({ services: [web], cost: { ec2: { instanceTypes: ['m5.large'], spotPercent: 50, discountPercent: 20 } } });
    const p = priceOptions(w, us());
    const items = p['eks-auto-mode'].monthlyCost.items;
    const od = items.find((i) => i.name === 'EC2 m5.large on-demand')!;
    const spot = items.find((i) => i.name.startsWith('EC2 m5.large Spot'))!;
    expect(spot.unitPrice).toBeCloseTo(0.096 * 0.4, 8);
    expect(spot.quantity).toBe(od.quantity);
    expect(items.find((i) => i.name.startsWith('Savings Plan'))).toMatchObject({ quantity: od.monthly, unitPrice: -0.2 });
    const fee = items.find((i) => i.name === 'EKS Auto Mode fee (m5.large)')!;
    expect(fee).toMatchObject({ quantity: od.quantity * 2, unitPrice: 0.01152, estimate: true });
    expect(p['eks-auto-mode'].estimates.map((e) => e.item)).toEqual(
      expect.arrayContaining(['EC2 Spot discount', 'EKS Auto Mode fee per instance-hour (m5.large) in us-east-1']),
    );
    const sourcedDiscount = priceOptions(
      workload({ ...w, cost: { ec2: { instanceTypes: ['m5.large'], spotPercent: 50, spotDiscountPercent: 70 } } }),
      us(),
    );
    expect(sourcedDiscount['ecs-ec2'].estimates.map((e) => e.item)).not.toContain('EC2 Spot discount');
  });

  test('EKS control plane × clusters, standard and extended support', () => {
    const w = workload({ services: [web], cost: { clusters: 3, eks: { support: 'extended' } } });
    const p = priceOptions(w, us());
    for (const id of ['eks-managed-nodes', 'eks-fargate', 'eks-auto-mode'] as const) {
      expect(p[id].monthlyCost.items.find((i) => i.name.startsWith('EKS control plane'))).toMatchObject({
        quantity: 2190,
        unitPrice: 0.6,
        monthly: 1314,
      });
    }
    expect(p['ecs-ec2'].monthlyCost.items.some((i) => i.name.startsWith('EKS'))).toBe(false);
  });

  test('extras are added identically to every option, only when asked for', () => {
    const none = priceOptions(workload({ services: [web] }), us());
    const withExtras = priceOptions(
      workload({ services: [web], cost: { extras: { natGateways: 2, natGbPerMonth: 100, publicIpv4Addresses: 3 } } }),
      us(),
    );
    for (const id of Object.keys(none) as (keyof typeof none)[]) {
      expect(none[id].monthlyCost.items.some((i) => /^NAT gateway( data processing)?$|^Public IPv4/.test(i.name))).toBe(false);
      const diff = Math.round((withExtras[id].monthlyCost.total - none[id].monthlyCost.total) * 100) / 100;
      expect(diff).toBe(Math.round((2 * 730 * 0.045 + 100 * 0.045 + 3 * 730 * 0.005) * 100) / 100);
    }
  });

  test('break-even against the Fargate counterpart', () => {
    const p = priceOptions(workload({ services: [{ ...web, replicas: 50 }] }), us());
    const be = p['ecs-ec2'].breakEvenUtilization;
    expect(be).not.toBeNull();
    const curve = p['ecs-ec2'].costCurve;
    const fargate = p['ecs-fargate'].monthlyCost.total;
    // Below the break-even EC2 costs more, at or above it no more than Fargate.
    for (const point of curve) {
      if (point.utilization >= be!) expect(point.monthly).toBeLessThanOrEqual(fargate);
      else expect(point.monthly).toBeGreaterThan(fargate);
    }
  });

  test('a task no instance can hold: blocker, not a crash', () => {
    const w = workload({ services: [{ name: 'g', cpu: 1, memory: 1, gpus: 16, replicas: 1 }] });
    const p = priceOptions(w, us());
    expect(p['ecs-ec2'].blockers.map((b) => b.rule)).toContain('no-instance-fits');
    expect(Number.isFinite(p['ecs-ec2'].monthlyCost.total)).toBe(true);
  });

  test('EC2 in a region without EC2 prices: flagged estimates with the refresh fix', () => {
    const w = workload({ region: 'eu-central-1', services: [web] });
    const p = priceOptions(w, resolvePriceBook(snapshot(), 'eu-central-1'))['ecs-ec2'];
    expect(p.monthlyCost.items[0]!.estimate).toBe(true);
    expect(p.estimates.find((e) => e.item.startsWith('EC2 on-demand price for'))?.fix).toBe(
      'run `ecs-or-eks prices refresh --region eu-central-1`',
    );
  });

  test('deterministic: the same input gives byte-identical pricing', () => {
    const w = workload({
      services: [web, { name: 'b', cpu: 2, memory: 8, replicas: 3, arch: 'arm64' }],
      jobs: [{ name: 'j', cpu: 1, memory: 2, runsPerDay: 4, minutesPerRun: 10 }],
    });
    expect(JSON.stringify(priceOptions(w, us()))).toBe(JSON.stringify(priceOptions(w, us())));
  });
});

describe('docs/pricing-model.md worked example', () => {
  test('the numbers in the document', () => {
    const w = workload({ services: [{ name: 'web', cpu: 1, memory: 2, replicas: 10 }], cost: { ec2: { instanceTypes: ['m5.large'] } } });
    const p = priceOptions(w, us());
    expect(p['ecs-fargate'].monthlyCost.total).toBe(360.53);
    expect(p['ecs-ec2'].monthlyCost.total).toBe(579.95);
    expect(p['ecs-ec2'].costCurve.at(-1)!.monthly).toBe(362.47);
    expect(p['ecs-ec2'].breakEvenUtilization).toBeNull();
    expect(pools(p['ecs-ec2'])[0]!.nodes).toBe(8);
    expect(p['eks-managed-nodes'].monthlyCost.total).toBe(793.93);
    expect(p['eks-fargate'].monthlyCost.total).toBe(484);
  });
});
