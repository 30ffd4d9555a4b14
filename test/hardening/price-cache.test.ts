/**
 * Issue 13, the price cache: `prices refresh` that cannot write fails; a partial, one-item or huge
 * answer never replaces a good cache; `--prices live` with instanceTypes merges instead of
 * shrinking; every price is labelled by its real source; `--prices auto` falls back to the cache,
 * then the snapshot, with a warning; dates are checked; several regions are refreshed independently;
 * odd cache folders fall back to no cache. The CLI runs in-process; live prices come from the REAL
 * SDK talking to the local Price List server.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LiveFetcher } from '../../src/cli/prices/refresh.js';
import { fetchRegionPrices } from '../../src/cli/prices/live.js';
import type { PriceCacheEntry } from '../../src/domain/price-book.js';
import { ACCESS_DENIED, AWS_ENV_TO_CLEAR, startPriceListServer, type PriceListServer } from '../live/pricelist-server.js';
import { sampleCatalog, type Catalog } from '../live/catalog.js';
import { run, tempDir, type RunOptions } from '../helpers.js';

let server: PriceListServer;
const savedEnv = { ...process.env };
const NOW = new Date('2026-11-27T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

function restoreEnv(): void {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
}

beforeAll(async () => {
  server = await startPriceListServer({ pageSize: 100 });
});
afterAll(async () => {
  await server.close();
  restoreEnv();
});
beforeEach(() => {
  restoreEnv();
  for (const key of AWS_ENV_TO_CLEAR) delete process.env[key];
  Object.assign(process.env, server.env());
  server.requests.length = 0;
  server.clearFaults();
  server.setCatalog(sampleCatalog());
});
afterEach(() => server.clearFaults());

/** The real fetcher, with short per-request timeouts so failing tests fail fast. */
const fetchLive: LiveFetcher = (region, options) => fetchRegionPrices(region, { ...options, requestTimeoutMs: 500, maxAttempts: 2 });

function cli(argv: string[], cache: string, options: RunOptions = {}) {
  return run(argv, { now: NOW, ...options, env: { ECS_OR_EKS_CACHE_DIR: cache, ...options.env }, deps: { fetchLive, ...options.deps } });
}

const cacheFile = (cache: string, region = 'us-east-1') => join(cache, `prices-${region}.json`);
const readEntry = (cache: string, region = 'us-east-1') => JSON.parse(readFileSync(cacheFile(cache, region), 'utf8')) as PriceCacheEntry;

/** A cache refreshed from the full sample catalog. */
async function goodCache(): Promise<string> {
  const cache = join(tempDir(), 'cache');
  const refresh = await cli(['prices', 'refresh', '--region', 'us-east-1'], cache);
  expect(refresh.code, refresh.stderr).toBe(0);
  return cache;
}

function writeEntry(cache: string, entry: PriceCacheEntry): void {
  mkdirSync(cache, { recursive: true });
  writeFileSync(cacheFile(cache, entry.region), JSON.stringify(entry));
}

const workload = (extra = '') => `version: 1\nname: x\nservices: [{name: a, cpu: 1, memory: 2, replicas: 2}]\n${extra}`;

describe('prices refresh reports a cache it could not write', () => {
  it('exits 3 with a clear message when the cache folder cannot be created', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const result = await cli(['prices', 'refresh', '--region', 'us-east-1'], join(dir, 'a-file', 'cache'));
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/could not write the price cache .*a-file.*not a folder/);
    expect(result.stderr).toMatch(/ECS_OR_EKS_CACHE_DIR/);
    expect(result.stdout).not.toMatch(/cached at/);
  });

  it.skipIf(process.getuid?.() === 0)('exits 3 for a read-only cache folder', async () => {
    const cache = join(tempDir(), 'cache');
    mkdirSync(cache);
    chmodSync(cache, 0o500);
    const result = await cli(['prices', 'refresh', '--region', 'us-east-1'], cache);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/permission denied/);
  });
});

describe('a refresh must be complete before it replaces anything', () => {
  const partialCatalogs: Array<[string, () => Catalog]> = [
    ['one item', () => ({ AmazonECS: [sampleCatalog()['AmazonECS']![0]!] })],
    ['no EKS and no EC2', () => ({ AmazonECS: sampleCatalog()['AmazonECS']! })],
    ['EC2 cut short to three types', () => ({ ...sampleCatalog(), AmazonEC2: sampleCatalog()['AmazonEC2']!.slice(0, 3) })],
  ];
  it.each(partialCatalogs)('a partial answer (%s) keeps the old cache and exits 3', async (_, catalog) => {
    const cache = await goodCache();
    const before = readFileSync(cacheFile(cache), 'utf8');
    server.setCatalog(catalog());
    const result = await cli(['prices', 'refresh', '--region', 'us-east-1'], cache, { now: new Date(NOW.getTime() + DAY) });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/incomplete \(no /);
    expect(result.stderr).toMatch(/kept the cached prices from 2026-11-27/);
    expect(readFileSync(cacheFile(cache), 'utf8')).toBe(before);
  });

  it('a 50 MB answer of one repeated item keeps the old cache', async () => {
    const cache = await goodCache();
    const before = readFileSync(cacheFile(cache), 'utf8');
    server.misbehaveAlways({ kind: 'huge', bytes: 50 * 1024 * 1024 });
    const result = await cli(['prices', 'refresh', '--region', 'us-east-1'], cache);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/refusing it/);
    expect(readFileSync(cacheFile(cache), 'utf8')).toBe(before);
  });

  it('a cache file that lacks the essential prices is not used, with a warning', async () => {
    const cache = join(tempDir(), 'cache');
    writeEntry(cache, {
      schemaVersion: 1,
      region: 'us-east-1',
      fetchedAt: NOW.toISOString(),
      prices: {
        region: 'us-east-1',
        fargate: {},
        eks: {},
        ecs: {},
        ec2: { onDemandHour: { 'm5.large': { usd: 1, source: 'live', asOf: '2026-11-01' } } },
      },
    });
    const { code, stdout } = await cli(['advise', '-i', '-', '-f', 'json'], cache, { stdin: workload() });
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.pricing.source).toBe('snapshot');
    expect(doc.warnings.join(' ')).toMatch(/incomplete/);
  });
});

describe('--prices live merges into the cache, never shrinks it', () => {
  it('pricing a few instance types keeps every other cached type', async () => {
    const cache = await goodCache();
    const typesBefore = Object.keys(readEntry(cache).prices.ec2.onDemandHour).sort();
    expect(typesBefore.length).toBeGreaterThan(20);
    const { code } = await cli(['advise', '-i', '-', '--prices', 'live', '-f', 'json'], cache, {
      stdin: workload("cost:\n  ec2:\n    instanceTypes: ['m5.large', 't3.medium']\n"),
    });
    expect(code).toBe(0);
    expect(Object.keys(readEntry(cache).prices.ec2.onDemandHour).sort()).toEqual(typesBefore);
    // The per-type queries did happen.
    expect(server.requests.some((r) => r.body.Filters?.some((f) => f.Field === 'instanceType' && f.Value === 'm5.large'))).toBe(true);
  });
});

describe('every price is labelled by its real source', () => {
  it('prices read back from the cache say "cache", not "live"', async () => {
    const cache = await goodCache();
    const { code, stdout } = await cli(['prices', 'show', '-f', 'json'], cache);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as {
      source: string;
      prices: Array<{ source: string }>;
      ec2OnDemandHour: Record<string, { source: string }>;
    };
    expect(doc.source).toBe('cache');
    const sources = new Set([...doc.prices.map((p) => p.source), ...Object.values(doc.ec2OnDemandHour).map((p) => p.source)]);
    expect(sources.has('live')).toBe(false);
    expect(sources.has('cache')).toBe(true);
  });

  it('with --prices live, what was fetched now says "live" and what came from the cache "cache"', async () => {
    const cache = await goodCache();
    const { code, stdout } = await cli(['prices', 'show', '--prices', 'live', '-f', 'json'], cache);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { source: string; prices: Array<{ item: string; source: string }> };
    expect(doc.source).toBe('live');
    expect(doc.prices.find((p) => p.item === 'Fargate Linux/x86 vCPU')?.source).toBe('live');
  });
});

describe('--prices auto: refresh when stale, else fall back with a warning', () => {
  const stale = (cache: string) => {
    const entry = readEntry(cache);
    writeEntry(cache, { ...entry, fetchedAt: new Date(NOW.getTime() - 12 * DAY).toISOString() });
  };

  it('a fresh cache is used without any request', async () => {
    const cache = await goodCache();
    server.requests.length = 0;
    const { code, stdout } = await cli(['advise', '-i', '-', '--prices', 'auto', '-f', 'json'], cache, { stdin: workload() });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).pricing.source).toBe('cache');
    expect(server.requests).toHaveLength(0);
  });

  it('a stale cache is refreshed live, and the cache updated', async () => {
    const cache = await goodCache();
    stale(cache);
    const { code, stdout } = await cli(['advise', '-i', '-', '--prices', 'auto', '-f', 'json'], cache, { stdin: workload() });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).pricing.source).toBe('live');
    expect(readEntry(cache).fetchedAt).toBe(NOW.toISOString());
  });

  it('when the refresh fails, a stale cache is used with a warning saying how old it is', async () => {
    const cache = await goodCache();
    stale(cache);
    server.failAlways(ACCESS_DENIED);
    const { code, stdout } = await cli(['advise', '-i', '-', '--prices', 'auto', '-f', 'json'], cache, { stdin: workload() });
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.pricing.source).toBe('cache');
    expect(doc.warnings.join('\n')).toMatch(
      /live prices for us-east-1 failed .*pricing:GetProducts.*used the stale cached prices \(fetched 2026-11-15, 12 days old\)/,
    );
  });

  it.each(['table', 'markdown', 'json'])('without a cache it falls back to the snapshot, with a warning in %s', async (format) => {
    const cache = join(tempDir(), 'cache');
    server.failAlways(ACCESS_DENIED);
    const { code, stdout, stderr } = await cli(['advise', '-i', '-', '--prices', 'auto', '-f', format], cache, { stdin: workload() });
    expect(code, stderr).toBe(0);
    // The table puts warnings in a box whose lines wrap: compare the words.
    const text = stdout.replace(/[│\s]+/g, ' ');
    expect(text).toMatch(/live prices for us-east-1 failed/);
    expect(text).toMatch(/used the bundled snapshot/);
  });

  it('--prices live still fails hard (exit 3) where auto falls back', async () => {
    const cache = join(tempDir(), 'cache');
    server.failAlways(ACCESS_DENIED);
    const { code, stdout } = await cli(['advise', '-i', '-', '--prices', 'live'], cache, { stdin: workload() });
    expect(code).toBe(3);
    expect(stdout).toBe('');
  });

  it('without --prices nothing goes to the network; a stale cache is reported, not used', async () => {
    const cache = await goodCache();
    stale(cache);
    server.requests.length = 0;
    const { code, stdout } = await cli(['advise', '-i', '-', '-f', 'json'], cache, { stdin: workload() });
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.pricing.source).toBe('snapshot');
    expect(doc.warnings.join(' ')).toMatch(/stale \(fetched 2026-11-15, 12 days old\).*prices refresh --region us-east-1.*--prices auto/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('dates in the cache', () => {
  it('a fetch time in the future is not fresh forever', async () => {
    const cache = await goodCache();
    writeEntry(cache, { ...readEntry(cache), fetchedAt: '2099-01-01T00:00:00.000Z' });
    const { stdout } = await cli(['advise', '-i', '-', '--prices', 'cache', '-f', 'json'], cache, { stdin: workload() });
    expect(JSON.parse(stdout).warnings.join(' ')).toMatch(/stale \(dated 2099-01-01T00:00:00.000Z, in the future/);
    const byDefault = await cli(['advise', '-i', '-', '-f', 'json'], cache, { stdin: workload() });
    expect(JSON.parse(byDefault.stdout).pricing.source).toBe('snapshot');
  });

  it.each(['2026-02-30T00:00:00.000Z', '1', 'yesterday', '2026-11-27', '2026-11-27T12:00:00+01:00', '1970-01-01T00:00:00.000Z'])(
    'a malformed fetch time (%s) makes the cache corrupt, not fresh',
    async (fetchedAt) => {
      const cache = await goodCache();
      writeEntry(cache, { ...readEntry(cache), fetchedAt });
      const { stdout } = await cli(['advise', '-i', '-', '-f', 'json'], cache, { stdin: workload() });
      const doc = JSON.parse(stdout);
      expect(doc.pricing.source).toBe('snapshot');
      expect(doc.warnings.join(' ')).toMatch(/corrupt \(fetchedAt: not an ISO timestamp/);
    },
  );

  it('a stale cache used on request says how old it is and how to refresh', async () => {
    const cache = await goodCache();
    writeEntry(cache, { ...readEntry(cache), fetchedAt: new Date(NOW.getTime() - 30 * DAY).toISOString() });
    const { stdout } = await cli(['advise', '-i', '-', '--prices', 'cache', '-f', 'json'], cache, { stdin: workload() });
    const doc = JSON.parse(stdout);
    expect(doc.pricing.source).toBe('cache');
    expect(doc.warnings.join(' ')).toMatch(/30 days old\).*ecs-or-eks prices refresh --region us-east-1/);
  });
});

describe('prices refresh over several regions', () => {
  it('continues past a failing region, reports each, and exits 3', async () => {
    const cache = join(tempDir(), 'cache');
    const result = await cli(['prices', 'refresh', '--region', 'us-east-1', 'sa-east-1', 'eu-west-1'], cache);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^us-east-1: cached at/m);
    expect(result.stdout).toMatch(/^eu-west-1: cached at/m);
    expect(result.stderr).toMatch(/^error: sa-east-1: .*no usable prices/m);
    expect(result.stderr).toMatch(/prices refresh failed for sa-east-1 \(2 of 3 regions were cached\)/);
    expect(readdirSync(cache).sort()).toEqual(['prices-eu-west-1.json', 'prices-us-east-1.json']);
  });
});

describe('cache folders that cannot hold a cache', () => {
  const fake: LiveFetcher = async (region, options) => fetchLive(region, options);

  it.each([
    ['under /proc', { ECS_OR_EKS_CACHE_DIR: '/proc/ecs-or-eks-test/cache' }, /kernel's \/proc file system/],
    ['HOME empty', { ECS_OR_EKS_CACHE_DIR: '', HOME: '' }, /HOME is not set/],
    ['HOME unset', { ECS_OR_EKS_CACHE_DIR: '' }, /HOME is not set/],
    ['HOME relative', { ECS_OR_EKS_CACHE_DIR: '', HOME: 'home' }, /HOME "home" is not an absolute path/],
    ['a relative override', { ECS_OR_EKS_CACHE_DIR: 'cache' }, /is not an absolute path/],
  ])('%s: no cache, no file in the current folder, no hang — a warning', async (_, env, pattern) => {
    const cwd = tempDir();
    const options = { cwd, env, deps: { fetchLive: fake } };
    const started = Date.now();
    const advice = await cli(['advise', '-i', '-', '--prices', 'cache', '-f', 'json'], '', { ...options, stdin: workload() });
    expect(advice.code).toBe(0);
    expect(JSON.parse(advice.stdout).warnings.join(' ')).toMatch(pattern);
    const live = await cli(['advise', '-i', '-', '--prices', 'live', '-f', 'json'], '', { ...options, stdin: workload() });
    expect(live.code, live.stderr).toBe(0);
    expect(JSON.parse(live.stdout).warnings.join(' ')).toMatch(/not cached/);
    const refresh = await cli(['prices', 'refresh'], '', options);
    expect(refresh.code).toBe(3);
    expect(refresh.stderr).toMatch(pattern);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(readdirSync(cwd)).toEqual([]);
    expect(existsSync(join(cwd, '.cache'))).toBe(false);
  });
});
