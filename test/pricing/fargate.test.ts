import { describe, expect, test } from 'vitest';
import { fargateSize } from '../../src/domain/fargate-sizes.js';
import { priceOptions, resolvePriceBook } from '../../src/pricing/index.js';
import type { LineItem } from '../../src/domain/advice.js';
import { fargateSizing, snapshot, workload } from './helpers.js';

const us = () => resolvePriceBook(snapshot(), 'us-east-1');
const item = (items: LineItem[], name: string): LineItem => {
  const found = items.find((i) => i.name === name);
  if (!found) throw new Error(`no line item "${name}" in ${items.map((i) => i.name).join(', ')}`);
  return found;
};

describe('fargateSize: cheapest valid size covering the request', () => {
  test.each([
    // [vCPU, GiB, options, expected]
    [0.25, 0.5, {}, { cpu: 0.25, memoryGiB: 0.5 }],
    [0.25, 1.5, {}, { cpu: 0.25, memoryGiB: 2 }],
    [0.25, 3, {}, { cpu: 0.5, memoryGiB: 3 }],
    [0.3, 0.5, {}, { cpu: 0.5, memoryGiB: 1 }],
    [1, 8, {}, { cpu: 1, memoryGiB: 8 }],
    [1, 8.5, {}, { cpu: 2, memoryGiB: 9 }],
    [3, 7, {}, { cpu: 4, memoryGiB: 8 }],
    [4, 31, {}, { cpu: 8, memoryGiB: 32 }],
    [8, 61, {}, { cpu: 16, memoryGiB: 64 }],
    [16, 120, {}, { cpu: 16, memoryGiB: 120 }],
    // The 32 vCPU row (Linux only): exactly 60, 120 or 244 GB.
    [16, 121, {}, { cpu: 32, memoryGiB: 244 }],
    [17, 32, {}, { cpu: 32, memoryGiB: 60 }],
    [16, 58, {}, { cpu: 16, memoryGiB: 64 }],
    [32, 61, {}, { cpu: 32, memoryGiB: 120 }],
    [32, 244, {}, { cpu: 32, memoryGiB: 244 }],
    [32, 245, {}, null],
    [33, 60, {}, null],
    [32, 60, { os: 'windows' as const }, null],
    [0.25, 0.5, { os: 'windows' as const }, { cpu: 1, memoryGiB: 2 }],
    [4, 30, { os: 'windows' as const }, { cpu: 4, memoryGiB: 30 }],
    [8, 16, { os: 'windows' as const }, null],
  ])('%s vCPU + %s GiB %o → %o', (cpu, mem, opts, expected) => {
    expect(fargateSize(cpu, mem, 'ecs', 'os' in opts ? opts.os : 'linux')).toEqual(expected);
  });

  // EKS user guide: 1 vCPU + 8 GB → +256 MB → 2 vCPU + 9 GB; observed mappings from pricing-facts §1.6.
  test.each([
    [1, 8, { cpu: 2, memoryGiB: 9 }],
    [0.25, 1000 / 1024, { cpu: 0.25, memoryGiB: 2 }],
    [0.255, 1000 / 1024, { cpu: 0.5, memoryGiB: 2 }],
    [0.26, 1750 / 1024, { cpu: 0.5, memoryGiB: 2 }],
    [0.255, 1800 / 1024, { cpu: 0.5, memoryGiB: 3 }],
    [0.255, 10, { cpu: 2, memoryGiB: 11 }],
    [16, 119.9, null],
  ])('EKS on Fargate: %s vCPU + %s GiB → %o', (cpu, mem, expected) => {
    expect(fargateSize(cpu, mem, 'eks')).toEqual(expected);
  });
});

describe('Fargate prices reproduce AWS and peer arithmetic', () => {
  test('infracost golden: 5 tasks × 730 h × $0.04048 = $147.75 of vCPU', () => {
    const w = workload({ services: [{ name: 'web', cpu: 1, memory: 2, replicas: 5 }] });
    const p = priceOptions(w, us())['ecs-fargate'];
    expect(item(p.monthlyCost.items, 'Fargate vCPU (Linux/x86)')).toMatchObject({ quantity: 3650, unitPrice: 0.04048, monthly: 147.75 });
    expect(item(p.monthlyCost.items, 'Fargate memory (Linux/x86)')).toMatchObject({ quantity: 7300, unitPrice: 0.004445, monthly: 32.45 });
    // The running time matches the published figure to the cent; the model adds what AWS also bills:
    // the image-pull time of each task start and its image layers through NAT, on lines of their own.
    const extra = p.monthlyCost.items.filter((i) => !/^Fargate (vCPU|memory) \(Linux\/x86\)$/.test(i.name)).map((i) => i.name);
    expect(extra).toEqual([
      'Fargate vCPU during image pulls (Linux/x86)',
      'Fargate memory during image pulls (Linux/x86)',
      'NAT gateway data processing (image pulls)',
    ]);
    // 5 starts × 20 s of a 300 MB pull at 15 MB/s; 5 × 300 MB = 1.46 GB through NAT at $0.045.
    expect(item(p.monthlyCost.items, 'Fargate vCPU during image pulls (Linux/x86)').quantity).toBeCloseTo((5 * 20) / 3600, 4);
    expect(item(p.monthlyCost.items, 'NAT gateway data processing (image pulls)')).toMatchObject({ quantity: 1.4648, monthly: 0.07 });
    expect(p.monthlyCost.total).toBe(180.27);
  });

  test('calculator transcript: 2 tasks/day × 24 h, 4 vCPU, 8 GB (calculator rounds the task count to 60.83)', () => {
    const w = workload({ services: [], jobs: [{ name: 'daily', cpu: 4, memory: 8, runsPerDay: 2, minutesPerRun: 1440 }] });
    const items = priceOptions(w, us())['ecs-fargate'].monthlyCost.items;
    // Calculator: 60.83 × 4 × 24 × 0.04048 = 236.39; full precision 5,840 vCPU-hours → 236.40.
    expect(item(items, 'Fargate vCPU (Linux/x86)').quantity).toBe(5840);
    expect(item(items, 'Fargate vCPU (Linux/x86)').monthly).toBeCloseTo(236.39, 1);
    expect(item(items, 'Fargate memory (Linux/x86)').monthly).toBeCloseTo(51.91, 1);
    expect(items.some((i) => i.name.includes('storage'))).toBe(false);
  });

  test('EKS on Fargate bills 1 vCPU + 8 GiB as 2 vCPU + 9 GiB, plus the control plane', () => {
    const w = workload({ services: [{ name: 'api', cpu: 1, memory: 8, replicas: 1 }] });
    const p = priceOptions(w, us())['eks-fargate'];
    expect(item(p.monthlyCost.items, 'Fargate vCPU (Linux/x86)')).toMatchObject({ quantity: 1460, monthly: 59.1 });
    expect(item(p.monthlyCost.items, 'Fargate memory (Linux/x86)')).toMatchObject({ quantity: 6570, monthly: 29.2 });
    expect(item(p.monthlyCost.items, 'EKS control plane (standard support)')).toMatchObject({ quantity: 730, unitPrice: 0.1, monthly: 73 });
    const tasks = fargateSizing(p).tasks;
    expect(tasks[0]).toMatchObject({ requested: { cpu: 1, memoryGiB: 8 }, billed: { cpu: 2, memoryGiB: 9 } });
  });

  test('services: replicas all month plus the peak for its hours', () => {
    const w = workload({ services: [{ name: 'api', cpu: 0.5, memory: 1, replicas: 2, peakReplicas: 6, peakHoursPerDay: 4 }] });
    const items = priceOptions(w, us())['ecs-fargate'].monthlyCost.items;
    const hours = 2 * 730 + 4 * 4 * (730 / 24);
    expect(item(items, 'Fargate vCPU (Linux/x86)').quantity).toBeCloseTo(0.5 * hours, 3);
  });

  test('jobs: per-second with a one-minute minimum per run (Windows: five minutes, flagged)', () => {
    const linux = workload({ services: [], jobs: [{ name: 'tick', cpu: 1, memory: 2, runsPerDay: 24, minutesPerRun: 0.25 }] });
    const q = item(priceOptions(linux, us())['ecs-fargate'].monthlyCost.items, 'Fargate vCPU (Linux/x86)').quantity;
    expect(q).toBeCloseTo((24 * (730 / 24) * 60) / 3600, 4);
    const win = workload({ services: [], jobs: [{ name: 'tick', cpu: 1, memory: 2, runsPerDay: 24, minutesPerRun: 0.25, os: 'windows' }] });
    const pw = priceOptions(win, us())['ecs-fargate'];
    expect(item(pw.monthlyCost.items, 'Fargate vCPU (Windows)').quantity).toBeCloseTo((24 * (730 / 24) * 300) / 3600, 4);
    // The five-minute Windows minimum is stated on the Fargate pricing page: sourced, not an estimate.
    expect(pw.estimates.map((e) => e.item)).not.toContain('Fargate Windows minimum charge per task');
  });

  test('Windows on ECS Fargate: vCPU + OS licence + memory, marked as estimates', () => {
    const w = workload({ services: [{ name: 'legacy', cpu: 1, memory: 2, replicas: 1, os: 'windows' }] });
    const p = priceOptions(w, us())['ecs-fargate'];
    expect(item(p.monthlyCost.items, 'Fargate vCPU (Windows)')).toMatchObject({ unitPrice: 0.09148, monthly: 66.78, estimate: true });
    expect(item(p.monthlyCost.items, 'Fargate Windows OS licence')).toMatchObject({ unitPrice: 0.046, monthly: 33.58 });
    expect(item(p.monthlyCost.items, 'Fargate memory (Windows)')).toMatchObject({ quantity: 1460, unitPrice: 0.01005, monthly: 14.67 });
    expect(p.estimates.some((e) => /conflict/.test(e.reason))).toBe(true);
  });

  test('storage above 20 GB and ARM rates', () => {
    const w = workload({ services: [{ name: 'arm', cpu: 1, memory: 2, replicas: 1, arch: 'arm64', storage: 50 }] });
    const items = priceOptions(w, us())['ecs-fargate'].monthlyCost.items;
    expect(item(items, 'Fargate vCPU (Linux/ARM)')).toMatchObject({ quantity: 730, unitPrice: 0.03238, monthly: 23.64 });
    expect(item(items, 'Fargate ephemeral storage above 20 GB')).toMatchObject({ unitPrice: 0.000111, monthly: 2.43 });
    expect(item(items, 'Fargate ephemeral storage above 20 GB').quantity).toBeCloseTo(30 * 730, 0);
  });

  test('daemons become sidecars that can move the task to a bigger size', () => {
    const w = workload({
      services: [{ name: 'api', cpu: 1, memory: 2, replicas: 1 }],
      daemons: [{ name: 'agent', cpu: 0.25, memory: 0.5 }],
    });
    const tasks = fargateSizing(priceOptions(w, us())['ecs-fargate']).tasks;
    expect(tasks[0]!.billed).toEqual({ cpu: 2, memoryGiB: 4 });
  });

  test('FARGATE_SPOT: sourced Spot rates in us-east-1; the default discount, flagged, elsewhere; never on EKS', () => {
    const w = workload({ services: [{ name: 'api', cpu: 1, memory: 2, replicas: 10 }], cost: { fargate: { spotPercent: 50 } } });
    const p = priceOptions(w, us());
    const spotItem = item(p['ecs-fargate'].monthlyCost.items, 'Fargate Spot vCPU (Linux/x86)');
    expect(spotItem.unitPrice).toBe(0.01288871);
    expect(spotItem.quantity).toBeCloseTo(3650, 0);
    expect(p['ecs-fargate'].estimates).toEqual([]);
    expect(p['eks-fargate'].monthlyCost.items.some((i) => i.name.includes('Spot'))).toBe(false);
    expect(p['eks-fargate'].warnings.join(' ')).toMatch(/Spot is not available on EKS/);
    const euc = priceOptions({ ...w, region: 'eu-central-1' }, resolvePriceBook(snapshot(), 'eu-central-1'))['ecs-fargate'];
    const spot = item(euc.monthlyCost.items, 'Fargate Spot vCPU (Linux/x86)');
    expect(spot.unitPrice).toBeCloseTo(0.04656 * 0.32, 8);
    expect(spot.estimate).toBe(true);
    expect(euc.estimates.find((e) => e.item.startsWith('Fargate Spot'))?.fix).toMatch(/prices refresh --region eu-central-1/);
  });

  test('Compute Savings Plan on the always-on baseline of on-demand Fargate compute (or on all of it when asked)', () => {
    const web = { name: 'web', cpu: 1, memory: 2, replicas: 5, peakReplicas: 10, peakHoursPerDay: 6 };
    const baseline = workload({ services: [web], cost: { fargate: { discountPercent: 20 } } });
    const sp = priceOptions(baseline, us())['ecs-fargate'].monthlyCost.items.find((i) => i.name.startsWith('Compute Savings Plan'))!;
    expect(sp).toMatchObject({ quantity: 180.2, unitPrice: -0.2, monthly: -36.04 }); // 5 replicas × 730 h, not the peak
    const all = workload({ services: [web], cost: { fargate: { discountPercent: 20, discountAppliesTo: 'all' } } });
    const items = priceOptions(all, us())['ecs-fargate'].monthlyCost.items;
    const covered = items.filter((i) => /^Fargate (vCPU|memory)/.test(i.name)).reduce((a, i) => a + i.monthly, 0);
    expect(items.find((i) => i.name.startsWith('Compute Savings Plan'))!.quantity).toBeCloseTo(covered, 2);
  });

  test('tasks beyond 32 vCPU / 244 GiB: task-too-large on both Fargate options, cost still well-formed', () => {
    const w = workload({ services: [{ name: 'huge', cpu: 48, memory: 256, replicas: 1 }] });
    const p = priceOptions(w, us());
    for (const id of ['ecs-fargate', 'eks-fargate'] as const) {
      expect(p[id].blockers.map((b) => b.rule)).toContain('task-too-large');
      expect(Number.isFinite(p[id].monthlyCost.total)).toBe(true);
      expect(p[id].monthlyCost.total).toBeGreaterThan(0);
    }
    expect(p['ecs-ec2'].blockers).toEqual([]);
  });

  test('32 vCPU / 128 GiB: ECS Fargate bills the 32 vCPU / 244 GB size; EKS Fargate stops at 16 vCPU', () => {
    const w = workload({ services: [{ name: 'huge', cpu: 32, memory: 128, replicas: 1 }] });
    const p = priceOptions(w, us());
    expect(p['ecs-fargate'].blockers).toEqual([]);
    expect(p['eks-fargate'].blockers.map((b) => b.rule)).toContain('task-too-large');
    const sizing = p['ecs-fargate'].sizing;
    expect('tasks' in sizing && sizing.tasks[0]!.billed).toEqual({ cpu: 32, memoryGiB: 244 });
  });

  test('32 vCPU on arm64 is priced with a warning: no source says whether Graviton offers that size', () => {
    const w = workload({ services: [{ name: 'huge', cpu: 32, memory: 60, replicas: 1, arch: 'arm64' }] });
    const p = priceOptions(w, us());
    expect(p['ecs-fargate'].blockers).toEqual([]);
    expect(p['ecs-fargate'].warnings.join(' ')).toMatch(/32 vCPU on arm64.*confirm/);
  });

  test('ARM and Windows on EKS Fargate: pricing blockers, priced as x86 for comparison', () => {
    const w = workload({
      services: [
        { name: 'a', cpu: 1, memory: 2, replicas: 1, arch: 'arm64' },
        { name: 'w', cpu: 1, memory: 2, replicas: 1, os: 'windows' },
      ],
    });
    const p = priceOptions(w, us())['eks-fargate'];
    expect(p.blockers.map((b) => b.rule).sort()).toEqual(['arm', 'windows']);
    expect(p.monthlyCost.items.every((i) => !i.name.includes('ARM') && !i.name.includes('Windows'))).toBe(true);
  });

  test('Fargate curves are flat and have no break-even', () => {
    const w = workload({ services: [{ name: 'web', cpu: 1, memory: 2, replicas: 5 }] });
    const p = priceOptions(w, us())['ecs-fargate'];
    expect(p.breakEvenUtilization).toBeNull();
    expect(new Set(p.costCurve.map((c) => c.monthly))).toEqual(new Set([p.monthlyCost.total]));
    expect(p.costCurve.map((c) => c.utilization)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });
});
