import { describe, expect, it, vi } from 'vitest';
import type { OptionId } from '../../src/schema/enums.js';
import { MAX_WHAT_IF_CALLS, PITFALLS, describePitfalls, evaluateRules, findPitfalls, findWhatIfs } from '../../src/rules/index.js';
import { fakePricing, fixture, workload } from './helpers.js';

const api = { name: 'api', cpu: 1, memory: 2, replicas: 4 };
const hit = (w: ReturnType<typeof workload>, id: string) => findPitfalls(w, fakePricing()).find((p) => p.id === id);

describe('pitfalls', () => {
  it('has the SPEC §6 ids, each with options, a trigger, a fix and a source', () => {
    const ids = PITFALLS.map((p) => p.id);
    for (const id of [
      'image-pull-no-route',
      'eni-exhaustion',
      'circuit-breaker',
      'deregistration-delay',
      'kubectl-skew',
      'control-plane-logs',
      'irsa-trust-policy',
      'spot-sigterm',
      'cross-region-pulls',
      'eks-fargate-limits',
      'extended-support-cost',
    ]) {
      expect(ids).toContain(id);
    }
    for (const p of describePitfalls()) {
      expect(p.options.length).toBeGreaterThan(0);
      expect(p.trigger && p.fix && p.source).toBeTruthy();
    }
  });

  it('image-pull-no-route: private subnets without NAT or endpoints', () => {
    expect(hit(workload({ services: [api] }), 'image-pull-no-route')).toBeUndefined();
    const p = hit(workload({ services: [api], network: { natOrEndpoints: false } }), 'image-pull-no-route')!;
    expect(p.severity).toBe('high');
    expect(p.fix).toContain('S3 gateway endpoint');
  });

  it('eni-exhaustion: two /24s hold 502 IPs, less than 400 peak tasks plus a 400-task surge', () => {
    const p = hit(
      workload({
        services: [{ ...api, replicas: 100, peakReplicas: 400, peakHoursPerDay: 2 }],
        network: { subnets: ['10.0.0.0/24', '10.0.1.0/24'] },
      }),
      'eni-exhaustion',
    )!;
    expect(p.severity).toBe('high');
    // ECS Fargate: 400 tasks at peak plus a 400-task surge (maximumPercent 200).
    expect(p.text).toContain('ecs-fargate 800');
    expect(p.text).toContain('hold 502 usable IPs');
    expect(p.text).toContain('a /24 holds 251');
    expect(p.text).toContain('WARM_ENI_TARGET=1');
    expect(hit(workload({ services: [api], network: { subnets: ['10.0.0.0/22'] } }), 'eni-exhaustion')).toBeUndefined();
  });

  it('deregistration-delay: deploy time for this service with 300 s', () => {
    const p = hit(workload({ services: [{ ...api, replicas: 12, peakReplicas: 24, peakHoursPerDay: 4 }] }), 'deregistration-delay')!;
    expect(p.text).toContain('300 s');
    expect(p.text).toContain('api (24 tasks at peak');
    expect(p.text).toContain('at least 5 minutes');
    // EKS: no waiting for the load balancer, so the risk is 5xx errors, at maxSurge 6 / maxUnavailable 6.
    expect(p.text).toContain('maxSurge 6, maxUnavailable 6');
    expect(p.text).toContain('5xx');
    expect(p.text).not.toMatch(/waves/);
  });

  it('circuit-breaker: threshold for this service, and cumulative counting since July 2026', () => {
    const p = hit(workload({ services: [{ ...api, replicas: 25 }] }), 'circuit-breaker')!;
    expect(p.text).toContain('after 13 failed tasks');
    expect(p.text).toContain('July 2026');
    expect(p.options).toEqual(['ecs-fargate', 'ecs-ec2', 'ecs-managed-instances']);
    expect(hit(workload({ services: [{ ...api, replicas: 1 }] }), 'circuit-breaker')!.text).toContain('after 3 failed tasks');
  });

  it('spot-sigterm: Fargate Spot on a workload not marked interruptible is high', () => {
    const p = hit(workload({ services: [api], cost: { fargate: { spotPercent: 30 } } }), 'spot-sigterm')!;
    expect(p.severity).toBe('high');
    expect(p.text).toContain('2-minute notice');
    expect(p.text).toContain('30 s by default');
    expect(hit(workload({ services: [api] }), 'spot-sigterm')).toBeUndefined();
  });

  it('spot-sigterm: an interruptible workload with only EC2 Spot is told about Fargate Spot first, before the generic advice', () => {
    const p = hit(
      workload({ services: [api], requirements: { interruptible: true }, cost: { ec2: { spotPercent: 50 } } }),
      'spot-sigterm',
    )!;
    expect(p.options).toContain('ecs-fargate');
    expect(p.text).toMatch(
      /^50 % of EC2 capacity on Spot\. The workload is interruptible, so Fargate Spot .* Spot gives a 2-minute notice/,
    );
    const noSpot = hit(workload({ services: [api], requirements: { interruptible: true } }), 'spot-sigterm')!;
    expect(noSpot.text).toMatch(/^The workload is interruptible, so Fargate Spot/);
  });

  it('cross-region-pulls: images in another Region', () => {
    const p = hit(workload({ services: [{ ...api, imageSizeMB: 800 }], network: { registryRegion: 'eu-west-1' } }), 'cross-region-pulls')!;
    expect(p.text).toContain('eu-west-1');
    expect(p.text).toContain('800 MB');
  });

  it('extended-support-cost: $73 → $438 a month per cluster', () => {
    const p = hit(workload({ services: [api], cost: { eks: { support: 'extended' } } }), 'extended-support-cost')!;
    expect(p.severity).toBe('high');
    expect(p.text).toContain('$73.00 to $438.00');
  });

  it('control-plane-logs is high when a compliance regime is set', () => {
    expect(hit(workload({ services: [api], requirements: { compliance: ['pci'] } }), 'control-plane-logs')!.severity).toBe('high');
    expect(hit(workload({ services: [api] }), 'control-plane-logs')!.severity).toBe('low');
  });

  it('irsa-trust-policy explains that EKS Fargate means IRSA', () => {
    const p = hit(workload({ services: [api], cost: { clusters: 3 } }), 'irsa-trust-policy')!;
    expect(p.text).toContain('cannot use Pod Identity');
    expect(p.fix).toMatch(/aud.*sub/);
  });

  it('sorts high before medium before low', () => {
    const order = { high: 0, medium: 1, low: 2 } as const;
    const hits = findPitfalls(fixture('security-telemetry'), fakePricing());
    const ranks = hits.map((h) => order[h.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe('what-if', () => {
  const recommend = (w: ReturnType<typeof workload>): OptionId => evaluateRules(w, fakePricing()).recommendation.option;

  it('finds the smallest platform-team change that moves a Kubernetes-ready team to EKS', () => {
    const w = workload({
      services: [{ ...api, replicas: 30 }],
      requirements: { portability: 'preferred' },
      team: { engineers: 8, platformEngineers: 0, kubernetes: 'expert', kubernetesEcosystem: 'some' },
    });
    expect(recommend(w)).not.toMatch(/^eks-managed-nodes$/);
    const whatIfs = findWhatIfs(w, recommend);
    const platform = whatIfs.find((x) => x.change.startsWith('team.platformEngineers'));
    expect(platform).toBeDefined();
    expect(platform!.change).toMatch(/^team\.platformEngineers 0 → \d$/);
    expect(platform!.recommendation).not.toBe(recommend(w));
  });

  it('stays within the call budget and is deterministic', () => {
    const spy = vi.fn(recommend);
    const w = fixture('regulated-fintech');
    const a = findWhatIfs(w, spy);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(MAX_WHAT_IF_CALLS);
    expect(findWhatIfs(w, recommend)).toEqual(a);
  });

  it('every reported change really changes the recommendation', () => {
    const w = fixture('gpu-inference');
    const base = recommend(w);
    for (const x of findWhatIfs(w, recommend)) expect(x.recommendation).not.toBe(base);
  });
});
