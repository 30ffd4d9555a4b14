/**
 * The what-if search reuses prices, packings and task lists between its probes; this test holds it to
 * the answers of the plain search: every probe of every ladder priced afresh (a new advice, no memo),
 * nearest first, the first flip per ladder reported, within the same call budget. On the fixtures
 * and on generated workloads (fast-check, the fixed seed of test/setup.ts).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/advise.js';
import { loadSnapshot } from '../../src/cli/prices/snapshot.js';
import type { WhatIf } from '../../src/domain/advice.js';
import type { PriceBook } from '../../src/domain/price-book.js';
import { resolvePriceBook } from '../../src/pricing/index.js';
import { factsOf } from '../../src/rules/traits.js';
import { MAX_WHAT_IF_CALLS, whatIfProbes } from '../../src/rules/what-if.js';
import { loadWorkload } from '../../src/schema/load.js';
import { WorkloadSchema, resolveWorkload, type Workload } from '../../src/schema/workload.js';
import { FIXTURES } from '../helpers.js';

const books = new Map<string, PriceBook>();
const bookFor = (region: string): PriceBook => {
  let book = books.get(region);
  if (!book) books.set(region, (book = resolvePriceBook(loadSnapshot(), region, { source: 'snapshot' })));
  return book;
};

/** A fresh advice's recommendation: its own pricing memo, nothing shared with any other probe. */
const freshRecommendation = (w: Workload): string =>
  advise(w, bookFor(w.region), { toolVersion: 'test', whatIf: false }).recommendation.option;

/** Every probe evaluated on its own, in ladder order, until the budget runs out. */
function exhaustiveWhatIfs(w: Workload): WhatIf[] {
  const base = freshRecommendation(w);
  let calls = 1;
  const out: WhatIf[] = [];
  for (const ladder of whatIfProbes(w)) {
    const answers = ladder.map((probe) => ({ probe, answer: freshRecommendation(probe.apply(w)) }));
    for (const { probe, answer } of answers) {
      if (calls >= MAX_WHAT_IF_CALLS) return out;
      calls += 1;
      if (answer !== base) {
        out.push({
          change: probe.change,
          path: probe.path,
          from: probe.from,
          to: probe.to,
          recommendation: answer as WhatIf['recommendation'],
        });
        break;
      }
    }
  }
  return out;
}

const whatIfsOf = (w: Workload): WhatIf[] => advise(w, bookFor(w.region), { toolVersion: 'test' }).whatIf;

describe('what-if reuses what a probe does not change', () => {
  it.each(FIXTURES)('%s: every probe but scale leaves the facts (tasks and traits) as they were', (name) => {
    const loaded = loadWorkload(readFileSync(`fixtures/${name}.yaml`));
    if (!loaded.ok) throw new Error(`fixture ${name} does not validate`);
    const w = loaded.workload;
    const facts = factsOf(w);
    for (const probe of whatIfProbes(w).flat()) {
      if (probe.reach === 'scale') continue;
      expect(factsOf(probe.apply(w)), probe.change).toEqual(facts);
    }
  });
});

describe('what-if equals the exhaustive search', () => {
  it.each(FIXTURES)('%s', (name) => {
    const loaded = loadWorkload(readFileSync(`fixtures/${name}.yaml`));
    if (!loaded.ok) throw new Error(`fixture ${name} does not validate`);
    expect(whatIfsOf(loaded.workload)).toEqual(exhaustiveWhatIfs(loaded.workload));
  });

  const service = fc.record({
    cpu: fc.constantFrom(0.25, 0.5, 1, 2, 4),
    ratio: fc.constantFrom(2, 4, 8),
    replicas: fc.integer({ min: 0, max: 40 }),
    burst: fc.constantFrom(1, 1, 3),
    arch: fc.constantFrom<'x86_64' | 'arm64'>('x86_64', 'x86_64', 'arm64'),
  });
  const generated = fc
    .record({
      services: fc.array(service, { minLength: 1, maxLength: 5 }),
      job: fc.option(fc.record({ cpu: fc.constantFrom(1, 4), parallelism: fc.integer({ min: 1, max: 30 }) }), { nil: undefined }),
      daemon: fc.boolean(),
      utilization: fc.constantFrom(40, 60, 70, 85, 100),
      engineers: fc.integer({ min: 2, max: 60 }),
      platformEngineers: fc.integer({ min: 0, max: 6 }),
      kubernetes: fc.constantFrom('none', 'some', 'expert'),
      compliance: fc.subarray(['soc2', 'pci', 'hipaa'] as const),
      portability: fc.constantFrom('none', 'preferred', 'required'),
      interruptible: fc.boolean(),
      hostNetworking: fc.boolean(),
      clusters: fc.constantFrom(1, 1, 2),
    })
    .map((r) =>
      resolveWorkload(
        WorkloadSchema.parse({
          version: 1,
          name: 'generated',
          services: r.services.map((s, i) => ({
            name: `svc-${i}`,
            cpu: s.cpu,
            memory: s.cpu * s.ratio,
            arch: s.arch,
            replicas: s.replicas,
            ...(s.burst > 1 && s.replicas > 0 ? { peakReplicas: s.replicas * s.burst, peakHoursPerDay: 6 } : {}),
          })),
          jobs: r.job
            ? [{ name: 'batch', cpu: r.job.cpu, memory: r.job.cpu * 2, parallelism: r.job.parallelism, runsPerDay: 2, minutesPerRun: 20 }]
            : [],
          daemons: r.daemon ? [{ name: 'agent', cpu: 0.1, memory: 0.25 }] : [],
          requirements: {
            compliance: r.compliance,
            portability: r.portability,
            interruptible: r.interruptible,
            hostNetworking: r.hostNetworking,
          },
          team: { engineers: Math.max(r.engineers, r.platformEngineers), platformEngineers: r.platformEngineers, kubernetes: r.kubernetes },
          cost: { utilization: r.utilization, clusters: r.clusters },
        }),
      ),
    );

  it('on generated workloads', { timeout: 120_000 }, () => {
    let flips = 0;
    fc.assert(
      fc.property(generated, (w) => {
        const found = whatIfsOf(w);
        expect(found).toEqual(exhaustiveWhatIfs(w));
        flips += found.length;
      }),
      { numRuns: 12 },
    );
    // The generated workloads exercise the search: some probes do flip the answer.
    expect(flips).toBeGreaterThan(0);
  });
});
