import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Blocker } from '../../src/domain/advice.js';
import { OPTION_IDS, type OptionId } from '../../src/schema/enums.js';
import { WorkloadSchema, resolveWorkload, type Workload } from '../../src/schema/workload.js';
import { evaluateRules, findPitfalls, matchCaseStudies } from '../../src/rules/index.js';
import { CLOSE_SIMILARITY, MAX_MATCHES } from '../../src/rules/case-studies.js';
import { CLOSE_CALL_POINTS } from '../../src/rules/weights.js';
import { FIXTURES, fakePricing, fixture } from './helpers.js';

const FARGATE: OptionId[] = ['ecs-fargate', 'eks-fargate'];
const EKS: OptionId[] = ['eks-managed-nodes', 'eks-fargate', 'eks-auto-mode'];

/** Price variants: the fixtures' answers should not hinge on one cost assumption. */
const PRICINGS = {
  neutral: fakePricing(),
  'Fargate 30 % dearer': fakePricing({ 'ecs-fargate': 1300, 'eks-fargate': 1300 }),
  'Fargate 30 % cheaper': fakePricing({ 'ecs-fargate': 700, 'eks-fargate': 700 }),
};

const EXPECTED: Record<(typeof FIXTURES)[number], { in?: OptionId[]; notIn?: OptionId[] }> = {
  'startup-api': { in: ['ecs-fargate'] },
  'gpu-inference': { notIn: FARGATE },
  'regulated-fintech': { in: EKS },
  'security-telemetry': { in: ['ecs-fargate'] },
  'nightly-etl': { in: ['ecs-fargate', 'ecs-ec2'] },
};

describe('fixtures get sensible answers', () => {
  for (const name of FIXTURES) {
    for (const [label, pricing] of Object.entries(PRICINGS)) {
      it(`${name} (${label})`, () => {
        const r = evaluateRules(fixture(name), pricing);
        const e = EXPECTED[name];
        if (e.in) expect(e.in).toContain(r.recommendation.option);
        if (e.notIn) expect(e.notIn).not.toContain(r.recommendation.option);
      });
    }
  }

  it('gpu-inference: both Fargate options are blocked by gpu and host-daemons', () => {
    const r = evaluateRules(fixture('gpu-inference'), fakePricing());
    for (const id of FARGATE) {
      expect(r.options.find((o) => o.id === id)!.blockers.map((b) => b.rule)).toEqual(expect.arrayContaining(['gpu', 'host-daemons']));
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------------------

interface TaskValue {
  cpu: number;
  memory: number;
  arch: 'x86_64' | 'arm64';
  os: 'linux' | 'windows';
  gpus: number;
  imageSizeMB: number;
}

const taskArb: fc.Arbitrary<TaskValue> = fc.record({
  cpu: fc.constantFrom(0.25, 0.5, 1, 2, 4, 8, 16, 32),
  memory: fc.constantFrom(0.5, 1, 2, 4, 8, 16, 30, 64, 128),
  arch: fc.constantFrom<'x86_64' | 'arm64'>('x86_64', 'arm64'),
  os: fc.constantFrom<'linux' | 'windows'>('linux', 'linux', 'linux', 'windows'),
  gpus: fc.constantFrom(0, 0, 0, 1),
  imageSizeMB: fc.constantFrom(50, 300, 1200, 6000),
});

const workloadArb: fc.Arbitrary<Workload> = fc
  .record({
    services: fc.array(fc.record({ task: taskArb, replicas: fc.integer({ min: 0, max: 600 }), burst: fc.constantFrom(1, 1, 2, 5) }), {
      minLength: 1,
      maxLength: 3,
    }),
    jobs: fc.array(fc.record({ task: taskArb, parallelism: fc.integer({ min: 1, max: 300 }) }), { maxLength: 2 }),
    hostDaemon: fc.boolean(),
    sidecarDaemon: fc.boolean(),
    privileged: fc.boolean(),
    blockStorage: fc.boolean(),
    hostNetworking: fc.boolean(),
    isolation: fc.constantFrom('shared', 'per-task'),
    compliance: fc.subarray(['soc2', 'pci', 'hipaa', 'fedramp', 'iso27001'] as const),
    portability: fc.constantFrom('none', 'preferred', 'required'),
    coldStartSeconds: fc.constantFrom(10, 60, 300, 1200),
    interruptible: fc.boolean(),
    engineers: fc.integer({ min: 1, max: 120 }),
    platformShare: fc.double({ min: 0, max: 1, noNaN: true }),
    kubernetes: fc.constantFrom('none', 'some', 'expert'),
    kubernetesEcosystem: fc.constantFrom('none', 'some', 'central'),
    region: fc.constantFrom('us-east-1', 'eu-west-1', 'us-gov-west-1'),
    privateSubnets: fc.boolean(),
  })
  .map((r) => {
    // Windows tasks must be x86_64 and GPU-free (schema rule); make the generator respect it.
    const fix = (t: TaskValue): TaskValue => (t.os === 'windows' ? { ...t, arch: 'x86_64', gpus: 0 } : t);
    const input = {
      version: 1,
      name: 'prop',
      region: r.region,
      services: r.services.map((s, i) => {
        const peak = s.replicas * s.burst;
        return {
          name: `svc-${i}`,
          ...fix(s.task),
          replicas: s.replicas,
          peakReplicas: peak,
          ...(peak > s.replicas ? { peakHoursPerDay: 4 } : {}),
        };
      }),
      jobs: r.jobs.map((j, i) => ({ name: `job-${i}`, ...fix(j.task), runsPerDay: 1, minutesPerRun: 30, parallelism: j.parallelism })),
      daemons: [
        ...(r.hostDaemon ? [{ name: 'agent', cpu: 0.1, memory: 0.25, hostAccess: true }] : []),
        ...(r.sidecarDaemon ? [{ name: 'logs', cpu: 0.1, memory: 0.25 }] : []),
      ],
      requirements: {
        privileged: r.privileged,
        blockStorage: r.blockStorage,
        hostNetworking: r.hostNetworking,
        isolation: r.isolation,
        compliance: r.compliance,
        portability: r.portability,
        coldStartSeconds: r.coldStartSeconds,
        interruptible: r.interruptible,
      },
      team: {
        engineers: r.engineers,
        platformEngineers: Math.floor(r.engineers * r.platformShare * 0.3),
        kubernetes: r.kubernetes,
        kubernetesEcosystem: r.kubernetesEcosystem,
      },
      network: { privateSubnets: r.privateSubnets },
    };
    return resolveWorkload(WorkloadSchema.parse(input));
  });

const pricingArb = fc
  .record({
    totals: fc.tuple(...OPTION_IDS.map(() => fc.double({ min: 1, max: 100_000, noNaN: true }))),
    blocked: fc.subarray([...OPTION_IDS]),
  })
  .map(({ totals, blocked }) =>
    fakePricing(
      Object.fromEntries(OPTION_IDS.map((id, i) => [id, Math.round(totals[i]! * 100) / 100])),
      Object.fromEntries(blocked.map((id) => [id, [{ rule: 'pricing-test', text: 'blocked by the pricing model' } satisfies Blocker]])),
    ),
  );

/** Ways to add a blocker to a workload, and the options each one blocks (SPEC §6). */
const ADD_BLOCKER: Array<{ name: string; blocks: OptionId[]; apply: (w: Workload) => Workload }> = [
  { name: 'privileged', blocks: FARGATE, apply: (w) => ({ ...w, requirements: { ...w.requirements, privileged: true } }) },
  { name: 'host-networking', blocks: FARGATE, apply: (w) => ({ ...w, requirements: { ...w.requirements, hostNetworking: true } }) },
  { name: 'block-storage', blocks: ['eks-fargate'], apply: (w) => ({ ...w, requirements: { ...w.requirements, blockStorage: true } }) },
  {
    name: 'host-daemons',
    blocks: FARGATE,
    apply: (w) => ({ ...w, daemons: [...w.daemons, { name: 'edr-added', cpu: 0.1, memory: 0.25, hostAccess: true }] }),
  },
  {
    name: 'gpu',
    blocks: FARGATE,
    apply: (w) => ({ ...w, services: w.services.map((s, i) => (i === 0 && s.os === 'linux' ? { ...s, gpus: Math.max(1, s.gpus) } : s)) }),
  },
  {
    name: 'arm',
    blocks: ['eks-fargate'],
    apply: (w) => ({ ...w, services: w.services.map((s, i) => (i === 0 && s.os === 'linux' ? { ...s, arch: 'arm64' as const } : s)) }),
  },
];

describe('invariants (fast-check)', () => {
  it('a blocked option never wins while any option is eligible', () => {
    fc.assert(
      fc.property(workloadArb, pricingArb, (w, p) => {
        const r = evaluateRules(w, p);
        const winner = r.options.find((o) => o.id === r.recommendation.option)!;
        if (r.options.some((o) => o.eligible)) {
          expect(winner.eligible).toBe(true);
          expect(winner.rank).toBe(1);
        } else {
          expect(r.recommendation.summary).toMatch(/^No option can run this workload/);
          expect(r.recommendation.eligible).toBe(false);
        }
        for (const o of r.options) if (!o.eligible) expect(o.score).toBeNull();
        // A close call is exactly a margin below the threshold between two eligible options.
        const m = r.recommendation.margin;
        expect(r.recommendation.closeCall).toBe(m !== null && m < CLOSE_CALL_POINTS);
      }),
      { numRuns: 300 },
    );
  });

  it('adding a blocker never raises the score of an option it blocks', () => {
    fc.assert(
      fc.property(workloadArb, pricingArb, fc.constantFrom(...ADD_BLOCKER), (w, p, add) => {
        const before = evaluateRules(w, p);
        const after = evaluateRules(add.apply(w), p);
        for (const id of add.blocks) {
          const a = after.options.find((o) => o.id === id)!;
          const b = before.options.find((o) => o.id === id)!;
          // A blocked option has no score and ranks below every eligible option; nothing but cost
          // (which is compared among eligible options only) changes in its own reasons.
          expect(a.score).toBeNull();
          for (const o of after.options) if (o.eligible) expect(o.rank).toBeLessThan(a.rank);
          const nonCost = (o: typeof a) => o.reasons.filter((x) => x.rule !== 'cost').reduce((n, x) => n + x.points, 0);
          expect(nonCost(a)).toBeLessThanOrEqual(nonCost(b) + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the same input gives the same output, and the input is not mutated', () => {
    fc.assert(
      fc.property(workloadArb, pricingArb, (w, p) => {
        const snapshot = JSON.stringify([w, p]);
        const a = JSON.stringify([evaluateRules(w, p), findPitfalls(w, p), matchCaseStudies(w)]);
        const b = JSON.stringify([evaluateRules(structuredClone(w), structuredClone(p)), findPitfalls(w, p), matchCaseStudies(w)]);
        expect(a).toBe(b);
        expect(JSON.stringify([w, p])).toBe(snapshot);
      }),
      { numRuns: 150 },
    );
  });

  it('case studies: an unconfirmed case is never shown alone, and a case below the threshold says why', () => {
    fc.assert(
      fc.property(workloadArb, (w) => {
        const m = matchCaseStudies(w);
        expect(m.length).toBeLessThanOrEqual(MAX_MATCHES + 1);
        if (m.length > 0) expect(m.some((x) => x.confirmed)).toBe(true);
        for (const x of m) {
          if (x.similarity < CLOSE_SIMILARITY) expect(x.note).toBeDefined();
          if (x.note !== undefined) {
            expect(x.confirmed).toBe(true);
            expect(x.note).toMatch(/not confirmed by public sources/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('always six options, ranked 1..6, scores within 0–100, every score point from a listed reason', () => {
    fc.assert(
      fc.property(workloadArb, pricingArb, (w, p) => {
        const r = evaluateRules(w, p);
        expect(r.options.map((o) => o.rank)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(new Set(r.options.map((o) => o.id)).size).toBe(6);
        for (const o of r.options) {
          expect(o.unblockedScore).toBeGreaterThanOrEqual(0);
          expect(o.unblockedScore).toBeLessThanOrEqual(100);
          const sum = Math.round((50 + o.reasons.reduce((a, x) => a + x.points, 0)) * 10) / 10;
          expect(o.unblockedScore).toBeCloseTo(Math.max(0, Math.min(100, sum)), 6);
          expect(o.score).toBe(o.eligible ? o.unblockedScore : null);
        }
        const eligible = r.options.filter((o) => o.eligible);
        for (let i = 1; i < eligible.length; i++) expect(eligible[i - 1]!.score!).toBeGreaterThanOrEqual(eligible[i]!.score!);
      }),
      { numRuns: 200 },
    );
  });
});
