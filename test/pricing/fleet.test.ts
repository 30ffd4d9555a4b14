/**
 * A fleet an architect would sign: zones, clusters, system pods, job runs on nodes of their own,
 * whole GPUs, host ports, ECS ENI trunking, prefix delegation, and every line that differs by option.
 */
import { describe, expect, test } from 'vitest';
import type { OptionPricing } from '../../src/domain/advice.js';
import { priceOptions, resolvePriceBook } from '../../src/pricing/index.js';
import { loadWorkload } from '../../src/schema/load.js';
import { readFileSync } from 'node:fs';
import { ec2Sizing, snapshot, workload, type TestWorkloadInput } from './helpers.js';

const us = () => resolvePriceBook(snapshot(), 'us-east-1');
const EC2 = ['ecs-ec2', 'eks-managed-nodes', 'ecs-managed-instances', 'eks-auto-mode'] as const;
const price = (input: TestWorkloadInput) => priceOptions(workload(input), us());
const item = (o: OptionPricing, name: string | RegExp) =>
  o.monthlyCost.items.find((i) => (typeof name === 'string' ? i.name === name : name.test(i.name)));
const shape = (type: string) => snapshot().instances.find((i) => i.instanceType === type)!;
const days = 730 / 24;

describe('jobs on EC2 get nodes of their own for each run', () => {
  const etl = { name: 'etl', cpu: 4, memory: 8, runsPerDay: 1, minutesPerRun: 60, parallelism: 20 };

  test('a daily run of 20 parallel 4-vCPU tasks costs node-hours close to its Fargate task-hours plus start and scale-in', () => {
    const p = price({ jobs: [etl] });
    const taskVcpuHours = 20 * 4 * 1 * days;
    for (const id of ['ecs-ec2', 'ecs-managed-instances'] as const) {
      const s = ec2Sizing(p[id]);
      const nodeVcpuHours = p[id].monthlyCost.items
        .filter((i) => /^EC2 .* on-demand$/.test(i.name))
        .reduce((sum, i) => sum + i.quantity * shape(i.name.split(' ')[1]!).vcpu, 0);
      expect(s.nodeHoursPerMonth).toBeGreaterThan(0);
      // At least the task-hours; at most the task-hours stretched by start + pull + scale-in (ECS: 2 + 0.3 + 15 min per 60) and packing slack.
      expect(nodeVcpuHours).toBeGreaterThanOrEqual(taskVcpuHours);
      expect(nodeVcpuHours).toBeLessThanOrEqual(taskVcpuHours * ((60 + 2 + 0.4 + 15) / 60) * 1.25);
    }
    // The Fargate bill of the same run is of the same order (no $0 EC2 job any more).
    expect(p['ecs-ec2'].monthlyCost.total / p['ecs-fargate'].monthlyCost.total).toBeGreaterThan(0.7);
  });

  test('nightly-etl: ten parallel 4-vCPU tasks are not packed onto one 4-vCPU node', () => {
    const loaded = loadWorkload(readFileSync('fixtures/nightly-etl.yaml'));
    if (!loaded.ok) throw new Error('fixture');
    const p = priceOptions(loaded.workload, us());
    const job = loaded.workload.jobs.find((j) => j.parallelism >= 10)!;
    const s = ec2Sizing(p['ecs-ec2']);
    const jobHours = s.pools.reduce((n, pool) => n + pool.jobNodeHours, 0);
    // Node-hours × vCPU per node hold every task for its run time.
    const perRunTaskVcpuHours = job.parallelism * job.cpu * (job.minutesPerRun / 60);
    const vcpu = Math.min(
      ...p['ecs-ec2'].monthlyCost.items.filter((i) => /^EC2 .* on-demand$/.test(i.name)).map((i) => shape(i.name.split(' ')[1]!).vcpu),
    );
    expect(jobHours * Math.max(vcpu, 1)).toBeGreaterThan(0);
    expect(jobHours).toBeGreaterThanOrEqual((perRunTaskVcpuHours * job.runsPerDay * days) / 192 - 1e-9);
  });

  test('a 2-minute cron pays for the instance start and the wait before scale-in', () => {
    const p = price({ jobs: [{ name: 'cron', cpu: 0.25, memory: 0.5, runsPerDay: 1, minutesPerRun: 2 }] });
    const s = ec2Sizing(p['ecs-ec2']);
    // ECS managed scaling: 2 min start + 20 s pull + 2 min run + 15 min of scale-in alarms, per run.
    expect(s.nodeHoursPerMonth).toBeCloseTo((days * (120 + 20 + 120 + 900)) / 3600, 2);
    expect(p['ecs-ec2'].monthlyCost.total).toBeGreaterThan(0.5);
  });

  test('a run that fits the baseline’s real spare room adds no node', () => {
    const spare = price({
      services: [{ name: 'web', cpu: 0.25, memory: 0.5, replicas: 3 }],
      jobs: [{ name: 'tick', cpu: 0.25, memory: 0.5, runsPerDay: 24, minutesPerRun: 5 }],
      cost: { ec2: { instanceTypes: ['m5.large'] } },
    });
    expect(ec2Sizing(spare['ecs-ec2']).pools[0]!.jobNodeHours).toBe(0);
  });
});

describe('high availability and clusters', () => {
  const api = { name: 'api', cpu: 16, memory: 32, replicas: 10 };

  test('a production API sits on at least one node per zone in use, on every EC2 option', () => {
    const p = price({ services: [api], cost: { ec2: { spotPercent: 70 } } });
    for (const id of EC2) {
      const pool = ec2Sizing(p[id]).pools.find((x) => x.pool === 'linux/x86_64' && x.zonesInUse > 0)!;
      expect(pool.zonesInUse).toBe(3);
      expect(pool.nodes).toBeGreaterThanOrEqual(3);
    }
    const two = price({ services: [{ ...api, cpu: 0.25, memory: 0.5 }], network: { availabilityZones: 2 } });
    for (const id of EC2) expect(ec2Sizing(two[id]).pools.find((x) => x.zonesInUse > 0)!.nodes).toBeGreaterThanOrEqual(2);
  });

  test('each of cost.clusters clusters gets its own nodes (divide: services assigned whole)', () => {
    const services = Array.from({ length: 11 }, (_, i) => ({ name: `svc-${i}`, cpu: 0.5, memory: 1, replicas: 3 }));
    const p = price({ services, cost: { clusters: 6 } });
    for (const id of EC2) {
      const s = ec2Sizing(p[id]);
      const clusters = new Set(s.pools.filter((x) => x.zonesInUse > 0).map((x) => x.cluster));
      expect(clusters.size).toBe(6);
      expect(s.nodeCount).toBeGreaterThanOrEqual(6 * 3);
    }
  });

  test('replicate: every cluster runs the whole workload, Fargate included', () => {
    const base = { services: [{ name: 'api', cpu: 1, memory: 2, replicas: 4 }] };
    const one = price(base);
    const three = price({ ...base, cost: { clusters: 3, clusterSplit: 'replicate' } });
    expect(item(three['ecs-fargate'], 'Fargate vCPU (Linux/x86)')!.quantity).toBeCloseTo(
      3 * item(one['ecs-fargate'], 'Fargate vCPU (Linux/x86)')!.quantity,
      2,
    );
    expect(ec2Sizing(three['ecs-ec2']).nodeCount).toBe(3 * ec2Sizing(one['ecs-ec2']).nodeCount);
  });
});

describe('EKS system capacity', () => {
  const cron = { jobs: [{ name: 'cron', cpu: 0.25, memory: 0.5, runsPerDay: 4, minutesPerRun: 3 }] };

  test('cron-only EKS with managed node groups keeps a node for CoreDNS; Auto Mode keeps one node', () => {
    const p = price(cron);
    const mng = ec2Sizing(p['eks-managed-nodes']);
    expect(mng.nodeCount).toBeGreaterThanOrEqual(1);
    expect(mng.pools[0]!.bindingLimit).toMatch(/system pods|cpu|memory|pods/);
    expect(ec2Sizing(p['eks-auto-mode']).nodeCount).toBeGreaterThanOrEqual(1);
    // ECS clusters need no node between runs.
    expect(ec2Sizing(p['ecs-ec2']).nodeCount).toBe(0);
  });

  test('EKS on Fargate bills CoreDNS as two Fargate pods per cluster', () => {
    const p = price({ ...cron, cost: { clusters: 2 } });
    const dns = item(p['eks-fargate'], /^Fargate vCPU \(CoreDNS/)!;
    expect(dns.quantity).toBeCloseTo(2 * 2 * 730 * 0.25, 4);
  });

  test('Windows on EKS: a Linux node group for CoreDNS beside the Windows nodes', () => {
    const p = price({ services: [{ name: 'legacy', cpu: 1, memory: 2, replicas: 3, os: 'windows' }] });
    const pools = ec2Sizing(p['eks-managed-nodes']).pools.map((x) => x.pool);
    expect(pools).toEqual(expect.arrayContaining(['linux/x86_64', 'windows/x86_64']));
  });
});

describe('density', () => {
  test('GPU nodes = ⌈GPU tasks ÷ GPUs per node⌉ at baseline: no utilisation headroom on whole GPUs', () => {
    const p = price({ services: [{ name: 'infer', cpu: 2, memory: 8, gpus: 1, replicas: 6 }], cost: { utilization: 60 } });
    for (const id of EC2) {
      const gpu = ec2Sizing(p[id]).pools.find((x) => x.pool.endsWith('/gpu'))!;
      expect(gpu.nodes).toBe(Math.max(3, Math.ceil(6 / gpu.instance.gpus)));
    }
  });

  test('host networking with a fixed port: one task of a service per node', () => {
    const p = price({
      services: [{ name: 'game', cpu: 0.5, memory: 1, replicas: 6 }],
      requirements: { hostNetworking: true },
      cost: { utilization: 100 },
    });
    for (const id of EC2) {
      const pool = ec2Sizing(p[id]).pools.find((x) => x.zonesInUse > 0)!;
      expect(pool.nodes).toBeGreaterThanOrEqual(6);
      expect(pool.tasksPerNode).toBeLessThanOrEqual(1);
      expect(['ports', 'zones']).toContain(pool.bindingLimit);
    }
  });

  test('100 ECS awsvpc tasks on m5.large at 100 % utilisation need 10 nodes (ECS ENI trunking table)', () => {
    const p = price({
      services: [{ name: 'tiny', cpu: 0.1, memory: 0.25, replicas: 100 }],
      cost: { utilization: 100, ec2: { instanceTypes: ['m5.large'] } },
    });
    const pool = ec2Sizing(p['ecs-ec2']).pools[0]!;
    expect(pool).toMatchObject({ nodes: 10, bindingLimit: 'ENIs' });
    expect(pool.capacityPerNode['ENIs']).toBe(10);
  });

  test('ENI trunking is not in every family: g4dn.xlarge runs ENIs − 1 = 2 awsvpc tasks', () => {
    const p = price({
      services: [{ name: 'g', cpu: 0.25, memory: 0.5, gpus: 1, replicas: 1 }],
      cost: { ec2: { instanceTypes: ['g4dn.xlarge'] } },
    });
    const pool = ec2Sizing(p['ecs-ec2']).pools.find((x) => x.instanceType === 'g4dn.xlarge')!;
    expect(pool.capacityPerNode['ENIs']).toBe(2);
  });

  test('EKS max pods: 29 on m5.large without prefix delegation, 110 with it; Auto Mode always 110', () => {
    const input = { services: [{ name: 'tiny', cpu: 0.01, memory: 0.01, replicas: 30 }], cost: { ec2: { instanceTypes: ['m5.large'] } } };
    const off = price(input);
    const on = price({ ...input, cost: { ...input.cost, eks: { prefixDelegation: true } } });
    expect(ec2Sizing(off['eks-managed-nodes']).pools[0]!.capacityPerNode['pods']).toBe(29);
    expect(ec2Sizing(on['eks-managed-nodes']).pools[0]!.capacityPerNode['pods']).toBe(110);
    expect(ec2Sizing(off['eks-auto-mode']).pools[0]!.capacityPerNode['pods']).toBe(110);
    // More pods per node leave less memory: the kubelet reserves 11 MiB per pod.
    const memOff = ec2Sizing(off['eks-managed-nodes']).pools[0]!.capacityPerNode.memoryGiB;
    const memOn = ec2Sizing(on['eks-managed-nodes']).pools[0]!.capacityPerNode.memoryGiB;
    expect((memOff - memOn) * 1024).toBeCloseTo(11 * (110 - 29), 0);
  });

  test('Auto Mode launches only types with more than 1 vCPU that are not nano, micro or small', () => {
    const p = price({ services: [{ name: 'a', cpu: 0.25, memory: 0.5, replicas: 3 }] });
    for (const pool of ec2Sizing(p['eks-auto-mode']).pools) {
      expect(pool.instance.vcpu).toBeGreaterThan(1);
      expect(pool.instanceType).not.toMatch(/\.(nano|micro|small)$/);
    }
  });
});

describe('the whole bill that differs by option', () => {
  const web = { name: 'web', cpu: 1, memory: 2, replicas: 6 };

  test('EBS root volumes per node: ECS AMI 30 GiB gp3, managed node groups 20 GiB gp2, Auto Mode 80 GiB gp3', () => {
    const p = price({ services: [web], cost: { ec2: { instanceTypes: ['m5.large'] } } });
    const nodeHours = (id: (typeof EC2)[number]) => ec2Sizing(p[id]).nodeHoursPerMonth;
    expect(item(p['ecs-ec2'], 'EBS root volumes (gp3, 30 GiB per node)')).toMatchObject({ unitPrice: 0.08 });
    expect(item(p['ecs-ec2'], /^EBS root/)!.quantity).toBeCloseTo((nodeHours('ecs-ec2') * 30) / 730, 3);
    expect(item(p['eks-managed-nodes'], 'EBS root volumes (gp2, 20 GiB per node)')).toMatchObject({ unitPrice: 0.1 });
    expect(item(p['eks-auto-mode'], 'EBS root volumes (gp3, 80 GiB per node)')).toBeDefined();
    expect(p['ecs-fargate'].monthlyCost.items.some((i) => i.name.startsWith('EBS'))).toBe(false);
  });

  test('task storage above the 20 GiB Fargate includes: a gp3 data volume on EC2', () => {
    const p = price({ services: [{ ...web, storage: 500 }], cost: { ec2: { instanceTypes: ['m5.large'] } } });
    expect(item(p['ecs-ec2'], 'EBS data volumes for task storage (gp3)')!.quantity).toBeCloseTo(6 * 500, 0);
  });

  test('public subnets: a public IPv4 per Fargate task, per EC2 node; none for EKS Fargate pods (private only)', () => {
    const p = price({ services: [web], network: { privateSubnets: false } });
    expect(item(p['ecs-fargate'], 'Public IPv4 addresses (one per task)')!.quantity).toBeCloseTo(6 * 730, 0);
    expect(item(p['ecs-ec2'], 'Public IPv4 addresses (one per node)')!.quantity).toBeCloseTo(ec2Sizing(p['ecs-ec2']).nodeHoursPerMonth, 2);
    expect(item(p['eks-fargate'], /^Public IPv4/)).toBeUndefined();
    expect(item(price({ services: [web] })['ecs-fargate'], /^Public IPv4/)).toBeUndefined();
  });

  test('image pulls through NAT: every Fargate task start pulls the image, an EC2 node pulls it once; VPC endpoints cost nothing per GB', () => {
    const peaky = { ...web, peakReplicas: 16, peakHoursPerDay: 4, imageSizeMB: 1024 };
    const nat = price({ services: [peaky] });
    const gb = item(nat['ecs-fargate'], 'NAT gateway data processing (image pulls)')!.quantity;
    expect(gb).toBeCloseTo(6 + 10 * days, 1); // 6 baseline starts + 10 peak starts a day, 1 GB each
    expect(item(nat['ecs-ec2'], 'NAT gateway data processing (image pulls)')!.quantity).toBeLessThan(gb);
    const endpoints = price({ services: [peaky], network: { imagePulls: 'vpc-endpoints' } });
    expect(item(endpoints['ecs-fargate'], /NAT/)).toBeUndefined();
  });

  test('Fargate bills the image pull: a 2-minute job with a 2 GB image pays for the pull too', () => {
    const p = price({ jobs: [{ name: 'j', cpu: 1, memory: 2, runsPerDay: 24, minutesPerRun: 2, imageSizeMB: 2048 }] });
    const pull = item(p['ecs-fargate'], 'Fargate vCPU during image pulls (Linux/x86)')!;
    expect(pull.quantity).toBeCloseTo((24 * days * (2048 / 15)) / 3600, 3);
  });

  test('Savings Plans cover the always-on baseline of EC2, not the peak (unless discountAppliesTo: all)', () => {
    const peaky = { ...web, peakReplicas: 30, peakHoursPerDay: 6 };
    const input = { services: [peaky], cost: { ec2: { instanceTypes: ['m5.large'], discountPercent: 30 } } };
    const p = price(input);
    const od = item(p['ecs-ec2'], 'EC2 m5.large on-demand')!;
    const sp = item(p['ecs-ec2'], /^Savings Plan/)!;
    const s = ec2Sizing(p['ecs-ec2']);
    expect(sp.quantity).toBeCloseTo((od.monthly * s.pools[0]!.nodes * 730) / od.quantity, 1);
    const all = price({ ...input, cost: { ...input.cost, ec2: { ...input.cost.ec2, discountAppliesTo: 'all' } } });
    expect(item(all['ecs-ec2'], /^Savings Plan/)!.quantity).toBe(item(all['ecs-ec2'], 'EC2 m5.large on-demand')!.monthly);
  });

  test('a Windows t3.medium node costs $0.0600/h (the Windows premium of burstable types is small)', () => {
    const p = price({
      services: [{ name: 'w', cpu: 0.5, memory: 1, replicas: 1, os: 'windows' }],
      network: { availabilityZones: 1 },
      cost: { ec2: { instanceTypes: ['t3.medium'] } },
    });
    const od = item(p['ecs-ec2'], 'EC2 t3.medium (Windows) on-demand')!;
    const licence = item(p['ecs-ec2'], /^Windows Server licence \(t3\.medium/)!;
    expect(od.unitPrice + (licence.unitPrice * licence.quantity) / od.quantity).toBeCloseTo(0.06, 6); // infracost: 730 h = $43.80
  });

  test('ECS Managed Instances: the c6a.2xlarge fee is AWS’s published $0.037/h, not an estimate', () => {
    const p = price({ services: [{ name: 'x', cpu: 2, memory: 4, replicas: 6 }], cost: { ec2: { instanceTypes: ['c6a.2xlarge'] } } });
    expect(item(p['ecs-managed-instances'], 'ECS Managed Instances fee (c6a.2xlarge)')).toMatchObject({ unitPrice: 0.037 });
    expect(item(p['ecs-managed-instances'], 'ECS Managed Instances fee (c6a.2xlarge)')!.estimate).toBeUndefined();
  });

  test('every line adds up to the total', () => {
    const p = price({
      services: [{ ...web, peakReplicas: 12, peakHoursPerDay: 3 }],
      jobs: [{ name: 'j', cpu: 2, memory: 4, runsPerDay: 2, minutesPerRun: 20, parallelism: 5 }],
      network: { privateSubnets: false },
    });
    for (const o of Object.values(p)) {
      const sum = o.monthlyCost.items.reduce((a, i) => a + Math.round(i.monthly * 100), 0) / 100;
      expect(o.monthlyCost.total).toBe(sum);
    }
  });
});
