/**
 * The design-review examples an AWS container specialist checked against AWS's documentation, run
 * through the whole pipeline with the bundled prices: each gets the answer an expert would give.
 */
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/advise.js';
import { loadSnapshot } from '../../src/cli/prices/snapshot.js';
import { resolvePriceBook } from '../../src/pricing/index.js';
import type { OptionId } from '../../src/schema/enums.js';
import { fixture, workload } from './helpers.js';

const EKS: OptionId[] = ['eks-managed-nodes', 'eks-fargate', 'eks-auto-mode'];
const snapshot = loadSnapshot();
const adviceOf = (w: ReturnType<typeof workload>) =>
  advise(w, resolvePriceBook(snapshot, w.region, { source: 'snapshot' }), { toolVersion: 'test', whatIf: false });
const run = (input: Parameters<typeof workload>[0]) => adviceOf(workload(input));
const option = (a: ReturnType<typeof run>, id: OptionId) => a.options.find((o) => o.id === id)!;

describe('answers an expert would give', () => {
  it('Helm charts and operators at the centre, EBS, no platform engineers ⇒ EKS Auto Mode, built for that case', () => {
    const a = run({
      services: [
        { name: 'api', cpu: 1, memory: 2, replicas: 6 },
        { name: 'worker', cpu: 2, memory: 4, replicas: 4 },
      ],
      requirements: { blockStorage: true },
      team: { engineers: 12, platformEngineers: 0, kubernetes: 'some', kubernetesEcosystem: 'central' },
    });
    expect(a.recommendation.option).toBe('eks-auto-mode');
    expect(a.recommendation.closeCall).toBe(false);
    // Auto Mode takes less of the team's time than node groups it would run itself.
    const ops = (id: OptionId) => option(a, id).reasons.find((r) => r.rule === 'operations-effort')!.points;
    expect(ops('eks-auto-mode')).toBeGreaterThan(ops('eks-managed-nodes'));
  });

  it('an ECS shop with no Kubernetes: the runner-up is an ECS option, not EKS', () => {
    const a = run({
      services: Array.from({ length: 40 }, (_, i) => ({ name: `svc-${i}`, cpu: 1, memory: 2, replicas: 10 })),
      team: { engineers: 60, platformEngineers: 4, kubernetes: 'none' },
    });
    expect(EKS).not.toContain(a.recommendation.option);
    expect(EKS).not.toContain(a.recommendation.runnerUp);
  });

  it('a .NET (Windows) app of a small team: Managed Instances are blocked (Linux only), never runner-up', () => {
    const a = run({ services: [{ name: 'web', cpu: 2, memory: 4, replicas: 4, os: 'windows' }], team: { engineers: 6 } });
    expect(option(a, 'ecs-managed-instances').eligible).toBe(false);
    expect(option(a, 'ecs-managed-instances').score).toBeNull();
    expect(a.recommendation.runnerUp).not.toBe('ecs-managed-instances');
    // EKS with Windows nodes keeps Linux nodes for CoreDNS.
    const sizing = option(a, 'eks-managed-nodes').sizing;
    expect('pools' in sizing && sizing.pools.some((p) => p.pool.startsWith('linux/'))).toBe(true);
  });

  it('a 32 vCPU / 120 GiB Linux task runs on ECS Fargate (not sent to Managed Instances)', () => {
    const a = run({ services: [{ name: 'big', cpu: 32, memory: 120, replicas: 2 }], team: { engineers: 10 } });
    expect(option(a, 'ecs-fargate').eligible).toBe(true);
    expect(option(a, 'eks-fargate').blockers.map((b) => b.rule)).toContain('task-too-large');
    expect(a.recommendation.option).toBe('ecs-fargate');
  });

  it('500 GiB of ephemeral storage is not priced and recommended on Fargate', () => {
    const a = run({ services: [{ name: 'big', cpu: 2, memory: 4, replicas: 2, storage: 500 }], team: { engineers: 10 } });
    for (const id of ['ecs-fargate', 'eks-fargate'] as const)
      expect(option(a, id).blockers.map((b) => b.rule)).toContain('storage-too-large');
    expect(['ecs-fargate', 'eks-fargate']).not.toContain(a.recommendation.option);
  });

  it('ties and small margins are close calls that say what decides them, in text and JSON', () => {
    const a = run({
      services: [{ name: 'api', cpu: 1, memory: 2, replicas: 6 }],
      team: { engineers: 12, platformEngineers: 0, kubernetes: 'none', kubernetesEcosystem: 'central' },
    });
    expect(a.recommendation.closeCall).toBe(true);
    expect(a.recommendation.margin).toBeLessThan(2);
    expect(a.recommendation.summary).toMatch(/^Too close to call on scores: .* is cheaper than .* by \$[\d,.]+\/month \(\d+ %\)\.$/);
  });

  it('GPU inference: when the top two are close, the cheaper one is named; a clear winner is never much dearer', () => {
    const a = adviceOf(fixture('gpu-inference'));
    const winner = option(a, a.recommendation.option);
    const runnerUp = option(a, a.recommendation.runnerUp!);
    if (a.recommendation.closeCall) expect(a.recommendation.summary).toMatch(/cheaper than/);
    else expect(winner.monthlyCost.total - runnerUp.monthlyCost.total).toBeLessThan(1_000);
    expect(['ecs-fargate', 'eks-fargate']).not.toContain(a.recommendation.option);
  });

  it('a five-person startup gets ECS on Fargate, clearly, with a confirmed case study', () => {
    const a = run({ services: [{ name: 'api', cpu: 0.5, memory: 1, replicas: 2 }], team: { engineers: 5, platformEngineers: 0 } });
    expect(a.recommendation.option).toBe('ecs-fargate');
    expect(a.recommendation.closeCall).toBe(false);
    expect(a.caseStudies.some((c) => c.confirmed)).toBe(true);
  });

  it('the demo fixture shows at least one confirmed case study', () => {
    expect(adviceOf(fixture('startup-api')).caseStudies.some((c) => c.confirmed)).toBe(true);
  });

  it('nothing fits: the summary names no option to choose, and the recommendation says it is not eligible', () => {
    // 16 GPUs in one 180 vCPU task: no GPU instance holds it, and Fargate has no GPUs.
    const a = run({ services: [{ name: 'giant', cpu: 180, memory: 20_000, replicas: 1, gpus: 16 }] });
    expect(a.options.every((o) => !o.eligible && o.score === null)).toBe(true);
    expect(a.recommendation).toMatchObject({ eligible: false, score: null, monthlyCost: null, margin: null, closeCall: false });
    expect(a.recommendation.summary).toMatch(/^No option can run this workload/);
    expect(a.pitfalls).toEqual([]);
  });

  it('pitfalls: the recommended option’s come first, and none concern a blocked option', () => {
    for (const name of ['startup-api', 'gpu-inference', 'regulated-fintech', 'security-telemetry', 'nightly-etl'] as const) {
      const a = adviceOf(fixture(name));
      const blocked = new Set(a.options.filter((o) => !o.eligible).map((o) => o.id));
      for (const p of a.pitfalls) for (const id of p.options) expect(blocked.has(id), `${name}: ${p.id} → ${id}`).toBe(false);
      const mine = a.pitfalls.map((p) => p.options.includes(a.recommendation.option));
      expect(mine.indexOf(false) === -1 || mine.lastIndexOf(true) < mine.indexOf(false), name).toBe(true);
    }
  });

  it('GPU pitfalls: drivers and the device plugin, capacity, large images', () => {
    const a = run({
      services: [{ name: 'infer', cpu: 4, memory: 16, gpus: 1, replicas: 2, peakReplicas: 6, peakHoursPerDay: 4, imageSizeMB: 6000 }],
      team: { engineers: 20, platformEngineers: 2, kubernetes: 'expert' },
    });
    const ids = a.pitfalls.map((p) => p.id);
    for (const id of ['gpu-drivers', 'gpu-capacity', 'gpu-large-images']) expect(ids).toContain(id);
  });

  it('sidecars that push a Fargate size are said with both sizes', () => {
    const a = run({
      services: [{ name: 'api', cpu: 0.5, memory: 1, replicas: 2 }],
      daemons: [{ name: 'log-router', cpu: 0.25, memory: 0.5 }],
    });
    const p = a.pitfalls.find((x) => x.id === 'sidecar-size')!;
    expect(p.text).toContain('api 0.5 vCPU / 1 GiB + log-router → billed 1 vCPU / 2 GiB');
  });
});
