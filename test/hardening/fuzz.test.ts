/**
 * Issue 13, fuzzing (fast-check, fixed seeds, bounded runs): arbitrary workload documents (mostly
 * plausible, some broken on purpose) and arbitrary Price List answers through the whole in-process
 * CLI. Whatever comes in: exit 0 or 2 (workloads) / 0 (prices, with `--prices auto` falling back);
 * no stack trace; nothing on stdout on error; on success, JSON valid against the shipped schema and
 * every total finite and equal to the sum of its (cent-rounded) items.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { PricingClient } from '@aws-sdk/client-pricing';
import { fetchRegionPrices } from '../../src/cli/prices/live.js';
import type { LiveFetcher } from '../../src/cli/prices/refresh.js';
import { sampleCatalog } from '../live/catalog.js';
import { run, type RunResult } from '../helpers.js';

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync('schema/advice.schema.json', 'utf8')));

const cents = (n: number) => Math.round(n * 100);

/** Every `{ total, items: [{ monthly }] }` anywhere in the document: finite, and the sum of its items. */
function checkTotals(value: unknown, path = '$'): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkTotals(v, `${path}[${i}]`));
    return;
  }
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
    return;
  }
  const record = value as Record<string, unknown>;
  const items = record['items'];
  if (
    typeof record['total'] === 'number' &&
    Array.isArray(items) &&
    items.every((i) => typeof (i as { monthly?: unknown })?.monthly === 'number')
  ) {
    const total = record['total'];
    expect(Number.isFinite(total), `${path}.total`).toBe(true);
    const sum = (items as Array<{ monthly: number }>).reduce((n, i) => n + cents(i.monthly), 0);
    expect(cents(total), `${path}.total is the sum of its items`).toBe(sum);
  }
  for (const [k, v] of Object.entries(record)) checkTotals(v, `${path}.${k}`);
}

function checkOutcome(result: RunResult, allowed: readonly number[]): void {
  expect(allowed, result.stderr).toContain(result.code);
  expect(result.stderr).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
  expect(result.stderr).not.toMatch(/internal error|Maximum call stack|TypeError|RangeError/);
  if (result.code !== 0) {
    expect(result.stdout).toBe('');
    expect(result.stderr.length).toBeGreaterThan(0);
    return;
  }
  const doc = JSON.parse(result.stdout) as unknown;
  const ok = validate(doc);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
  expect(ok).toBe(true);
  checkTotals(doc);
}

// ---------------------------------------------------------------------------------------------
// Workload documents
// ---------------------------------------------------------------------------------------------

const weird = fc.constantFrom<unknown>(-1, 0, -0, 1e308, 1e-12, 2 ** 53 + 1, 'two', '', null, true, [], {}, [1, 2], { a: 1 }, 'x\u001b[2J');
/** Mostly `arb`; about one value in 80 is something no schema allows. */
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> =>
  fc.oneof({ arbitrary: arb, weight: 80 }, { arbitrary: weird, weight: 1 });
const size = (min: number, max: number) =>
  maybe(fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true })));
const count = (min: number, max: number) => maybe(fc.integer({ min, max }));

/** Names are made unique and valid afterwards (by index); a broken one comes from `oddity`. */
const named = <T extends object>(prefix: string, list: T[]) => list.map((item, i) => ({ name: `${prefix}-${i}`, ...item }));

const service = fc
  .record(
    {
      cpu: size(0.25, 16),
      memory: size(0.5, 120),
      replicas: count(0, 200),
      extraAtPeak: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
      peakHoursPerDay: size(0.5, 24),
      arch: maybe(fc.constantFrom('x86_64', 'arm64')),
      os: maybe(fc.constantFrom('linux', 'linux', 'linux', 'windows')),
      gpus: maybe(fc.constantFrom(0, 0, 0, 1, 4)),
      storage: size(20, 200),
    },
    { requiredKeys: ['cpu', 'memory', 'replicas'] },
  )
  .map(({ extraAtPeak, peakHoursPerDay, ...s }) => {
    const out: Record<string, unknown> = { ...s };
    if (extraAtPeak !== undefined && typeof s.replicas === 'number') {
      out['peakReplicas'] = s.replicas + extraAtPeak;
      if (extraAtPeak > 0) out['peakHoursPerDay'] = peakHoursPerDay ?? 4;
    }
    // Windows runs on x86 only, without GPUs (a cross-field rule); broken pairs come from `weird`.
    if (out['os'] === 'windows') Object.assign(out, { arch: 'x86_64', gpus: 0 });
    return out;
  });
const job = fc.record(
  {
    cpu: size(0.25, 16),
    memory: size(0.5, 64),
    runsPerDay: size(1, 48),
    minutesPerRun: size(1, 600),
    parallelism: count(1, 50),
    arch: maybe(fc.constantFrom('x86_64', 'arm64')),
  },
  { requiredKeys: ['cpu', 'memory', 'runsPerDay', 'minutesPerRun'] },
);
const daemon = fc.record(
  { cpu: size(0.05, 1), memory: size(0.05, 2), hostAccess: maybe(fc.boolean()) },
  { requiredKeys: ['cpu', 'memory'] },
);

const workloadArb = fc.record(
  {
    version: maybe(fc.constant(1)),
    name: maybe(fc.constantFrom('shop', 'checkout', 'etl', 'x')),
    region: maybe(fc.constantFrom('us-east-1', 'eu-west-1', 'ap-northeast-1', 'sa-east-1', 'me-south-1')),
    services: fc.array(service, { minLength: 1, maxLength: 3 }).map((l) => named('svc', l)),
    jobs: fc.array(job, { maxLength: 2 }).map((l) => named('job', l)),
    daemons: fc.array(daemon, { maxLength: 2 }).map((l) => named('agent', l)),
    requirements: fc.record(
      {
        privileged: maybe(fc.boolean()),
        blockStorage: maybe(fc.boolean()),
        hostNetworking: maybe(fc.boolean()),
        isolation: maybe(fc.constantFrom('shared', 'per-task')),
        compliance: maybe(fc.subarray(['soc2', 'pci', 'hipaa', 'fedramp', 'iso27001'])),
        portability: maybe(fc.constantFrom('none', 'preferred', 'required')),
        coldStartSeconds: size(1, 600),
        interruptible: maybe(fc.boolean()),
      },
      { requiredKeys: [] },
    ),
    team: fc
      .record(
        { engineers: count(1, 200), platformEngineers: count(0, 20), kubernetes: maybe(fc.constantFrom('none', 'some', 'expert')) },
        { requiredKeys: [] },
      )
      .map((t) =>
        typeof t.engineers === 'number' && typeof t.platformEngineers === 'number' && t.platformEngineers > t.engineers
          ? { ...t, platformEngineers: t.engineers }
          : t,
      ),
    network: fc.record(
      { subnets: maybe(fc.subarray(['10.0.0.0/22', '10.0.4.0/24', '10.1.0.0/28'])), privateSubnets: maybe(fc.boolean()) },
      { requiredKeys: [] },
    ),
    cost: fc.record(
      {
        utilization: size(1, 100),
        hoursPerMonth: size(1, 744),
        clusters: count(1, 5),
        ec2: fc.record(
          {
            instanceTypes: maybe(fc.subarray(['m5.large', 'c6a.xlarge', 'm7g.large', 'g5.xlarge', 'zz9.large'])),
            spotPercent: size(0, 100),
            discountPercent: size(0, 60),
          },
          { requiredKeys: [] },
        ),
        fargate: fc.record({ spotPercent: size(0, 100), discountPercent: size(0, 60) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['version', 'name', 'services'] },
);

/** Occasionally something a user (or an attacker) would write that no schema-shaped generator does. */
const oddity: fc.Arbitrary<(doc: Record<string, unknown>) => unknown> = fc.oneof(
  { arbitrary: fc.constant((doc: Record<string, unknown>) => doc), weight: 20 },
  {
    arbitrary: fc.constantFrom<(doc: Record<string, unknown>) => unknown>(
      (doc) => ({ ...doc, 'colour\u001b]8;;http://x\u0007': 1 }),
      (doc) => ({ ...doc, services: [{ ...((doc['services'] as object[])[0] ?? {}), name: 'Bad Name\u0007' }] }),
      (doc) => ({ ...doc, services: 'abc' }),
      (doc) => ({ ...doc, services: [[[[[[[[1]]]]]]]] }),
      (doc) => [doc],
      () => 'just a string',
      () => 42,
    ),
    weight: 3,
  },
);

describe('fuzz: workload documents through `advise --format json`', () => {
  it('exit 0 or 2, no stack trace, nothing on stdout on error, valid JSON with honest totals', async () => {
    const outcomes: number[] = [];
    await fc.assert(
      fc.asyncProperty(workloadArb, oddity, fc.boolean(), async (doc, odd, asYaml) => {
        const value = odd(doc as Record<string, unknown>);
        const text = asYaml ? YAML.stringify(value) : JSON.stringify(value);
        const result = await run(['advise', '-i', '-', '--format', 'json', '--prices', 'snapshot'], { stdin: text });
        outcomes.push(result.code);
        checkOutcome(result, [0, 2]);
      }),
      { seed: 13_2026, numRuns: 150, endOnFailure: true },
    );
    // The generator must mostly produce workloads that get advice, or the fuzz tests little.
    expect(outcomes.filter((c) => c === 0).length).toBeGreaterThan(outcomes.length / 3);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// Price List answers
// ---------------------------------------------------------------------------------------------

type Item = Record<string, unknown>;
const CATALOG = Object.values(sampleCatalog()).flat() as Item[];

/** A copy of `item` whose on-demand prices say `usd` (any string: a price, junk, a huge number). */
function withPrice(item: Item, usd: string): Item {
  const copy = structuredClone(item);
  const terms =
    (copy['terms'] as { OnDemand?: Record<string, { priceDimensions?: Record<string, { pricePerUnit?: { USD?: string } }> }> } | undefined)
      ?.OnDemand ?? {};
  for (const term of Object.values(terms)) for (const dim of Object.values(term.priceDimensions ?? {})) dim.pricePerUnit = { USD: usd };
  return copy;
}

const priceString = fc.oneof(
  { arbitrary: fc.double({ min: 0.0001, max: 50, noNaN: true }).map((n) => n.toFixed(8)), weight: 6 },
  { arbitrary: fc.constantFrom('0', '-1', '0.0000000000', 'abc', '', 'NaN', 'Infinity', '1e400', '99999', '1e-300', ' 0.1 '), weight: 2 },
);

const pageItem: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...CATALOG).map((item) => JSON.stringify(item)), weight: 8 },
  { arbitrary: fc.tuple(fc.constantFrom(...CATALOG), priceString).map(([item, usd]) => JSON.stringify(withPrice(item, usd))), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      '{',
      'null',
      '[]',
      '"x"',
      '{"product": 5}',
      '{"product": {"attributes": {"regionCode": "us-east-1"}}, "terms": 7}',
      '\u001b[2J',
    ),
    weight: 1,
  },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), weight: 1 },
);

/** A fake PricingClient that serves `pages` in order (one per request, the same for every query). */
function fakeClient(pages: unknown[][]): PricingClient {
  const served = new Map<string, number>();
  return {
    send: async (command: { input: { ServiceCode?: string; NextToken?: string } }) => {
      const key = command.input.ServiceCode ?? '';
      const n = command.input.NextToken ? Number(command.input.NextToken) : 0;
      served.set(key, n);
      const page = pages[n] ?? [];
      return { PriceList: page, ...(n + 1 < pages.length ? { NextToken: String(n + 1) } : {}) };
    },
    destroy: () => undefined,
  } as unknown as PricingClient;
}

/**
 * Either a few pages of arbitrary items (almost never complete: the fallback path), or the whole
 * sample catalog with some prices and items broken and junk mixed in (often complete: the live path).
 */
const answers: fc.Arbitrary<unknown[][]> = fc.oneof(
  fc.array(fc.array(pageItem, { maxLength: 40 }), { minLength: 1, maxLength: 3 }),
  fc
    .tuple(
      fc.array(fc.tuple(fc.nat({ max: CATALOG.length - 1 }), priceString), { maxLength: 8 }),
      fc.array(pageItem, { maxLength: 10 }),
      fc.integer({ min: 1, max: 3 }),
    )
    .map(([broken, junk, pageCount]) => {
      const prices = new Map(broken);
      const items: unknown[] = CATALOG.map((item, i) => JSON.stringify(prices.has(i) ? withPrice(item, prices.get(i)!) : item));
      items.push(...junk);
      const per = Math.ceil(items.length / pageCount);
      return Array.from({ length: pageCount }, (_, p) => items.slice(p * per, (p + 1) * per));
    }),
);

describe('fuzz: Price List answers through `advise --prices auto`', () => {
  it('always a report (live, or the snapshot with a warning), valid JSON, honest totals', async () => {
    const workload = readFileSync('fixtures/startup-api.yaml', 'utf8');
    const sources: string[] = [];
    await fc.assert(
      fc.asyncProperty(answers, async (pages) => {
        const fetchLive: LiveFetcher = (region, options) => fetchRegionPrices(region, { ...options, client: fakeClient(pages) });
        const result = await run(['advise', '-i', '-', '--format', 'json', '--prices', 'auto'], { stdin: workload, deps: { fetchLive } });
        checkOutcome(result, [0]);
        const doc = JSON.parse(result.stdout) as { pricing: { source: string }; warnings: string[] };
        sources.push(doc.pricing.source);
        if (doc.pricing.source === 'snapshot') expect(doc.warnings.join(' ')).toMatch(/live prices for us-east-1 failed/);
      }),
      { seed: 20_261_127, numRuns: 30, endOnFailure: true },
    );
    // Both paths were exercised: answers used live, and answers refused with a fallback.
    expect(sources).toContain('live');
    expect(sources).toContain('snapshot');
  }, 120_000);
});
