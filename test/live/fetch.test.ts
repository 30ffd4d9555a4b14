/**
 * The REAL @aws-sdk/client-pricing against the local Price List server: endpoint override by
 * `AWS_ENDPOINT_URL_PRICING`, SigV4 with fake credentials, paging, retries on throttling, the
 * overall timeout and every typed failure. No request leaves 127.0.0.1 (IMDS disabled, no
 * shared config files).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PricingClient } from '@aws-sdk/client-pricing';
import { fetchRegionPrices, liveQueries, LivePriceError, pricingEndpointRegion, PER_TYPE_QUERY_LIMIT } from '../../src/cli/prices/live.js';
import { readPriceCache, writePriceCache } from '../../src/cli/prices/cache.js';
import { FILLER_EC2_TYPES } from './catalog.js';
import { ACCESS_DENIED, AWS_ENV_TO_CLEAR, THROTTLING, startPriceListServer, type PriceListServer } from './pricelist-server.js';

let server: PriceListServer;
const savedEnv = { ...process.env };

function restoreEnv(): void {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
}

beforeAll(async () => {
  server = await startPriceListServer();
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
});
afterEach(() => server.clearFaults());

async function failure(promise: Promise<unknown>): Promise<LivePriceError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LivePriceError);
    return error as LivePriceError;
  }
  throw new Error('expected a LivePriceError');
}

describe('pricingEndpointRegion', () => {
  it('uses the three documented endpoint regions', () => {
    expect(pricingEndpointRegion('us-east-1')).toBe('us-east-1');
    expect(pricingEndpointRegion('us-west-2')).toBe('us-east-1');
    expect(pricingEndpointRegion('eu-west-1')).toBe('eu-central-1');
    expect(pricingEndpointRegion('eu-central-1')).toBe('eu-central-1');
    expect(pricingEndpointRegion('ap-northeast-1')).toBe('ap-south-1');
    expect(pricingEndpointRegion('sa-east-1')).toBe('us-east-1');
    expect(pricingEndpointRegion('me-south-1')).toBe('us-east-1');
  });
});

describe('liveQueries', () => {
  it('filters every query on regionCode and EC2 on Linux/Shared/Used/NA', () => {
    const queries = liveQueries('eu-west-1', ['m5.large', 'm5.large', 'c6a.2xlarge']);
    expect(queries.map((q) => q.input.ServiceCode)).toEqual(['AmazonECS', 'AmazonEKS', 'AmazonEC2', 'AmazonEC2']);
    for (const q of queries) expect(q.input.Filters?.[0]).toEqual({ Type: 'TERM_MATCH', Field: 'regionCode', Value: 'eu-west-1' });
    expect(queries[2]!.input.Filters?.map((f) => `${f.Field}=${f.Value}`)).toEqual([
      'regionCode=eu-west-1',
      'instanceType=c6a.2xlarge',
      'operatingSystem=Linux',
      'tenancy=Shared',
      'capacitystatus=Used',
      'preInstalledSw=NA',
    ]);
  });

  it('switches to one region-wide EC2 query for no or many instance types', () => {
    const many = Array.from({ length: PER_TYPE_QUERY_LIMIT + 1 }, (_, i) => `m5.${i}xlarge`);
    for (const types of [[], many]) {
      const ec2 = liveQueries('us-east-1', types).filter((q) => q.input.ServiceCode === 'AmazonEC2');
      expect(ec2).toHaveLength(1);
      expect(ec2[0]!.input.Filters).toContainEqual({ Type: 'TERM_MATCH', Field: 'productFamily', Value: 'Compute Instance' });
    }
  });
});

describe('fetchRegionPrices (real SDK, local server)', () => {
  it('fetches every page of every service and parses a RegionPrices', async () => {
    const progress: string[] = [];
    const warnings: string[] = [];
    const prices = await fetchRegionPrices('us-east-1', { onProgress: (m) => progress.push(m), onWarning: (m) => warnings.push(m) });
    expect(prices.fargate.linuxX86?.vcpuHour).toEqual({ usd: 0.04048, source: 'live', asOf: '2022-11-21' });
    expect(prices.fargate.linuxX86?.gbHour.usd).toBe(0.004445);
    expect(prices.fargate.windows?.osLicenseVcpuHour.usd).toBe(0.046);
    expect(prices.eks.controlPlaneHour?.usd).toBe(0.1);
    expect(prices.eks.extendedSupportHour?.usd).toBe(0.6);
    expect(Object.keys(prices.ec2.onDemandHour)).toEqual(expect.arrayContaining(['c6a.2xlarge', 'm5.large', 'm7g.large', 't3.medium']));
    expect(Object.keys(prices.ec2.onDemandHour)).toHaveLength(4 + FILLER_EC2_TYPES);
    expect(warnings).toEqual([]);

    // awsJson1_1 + SigV4 for the pricing service in the endpoint region, through the override URL.
    const first = server.requests[0]!;
    expect(first.target).toBe('AWSPriceListService.GetProducts');
    expect(first.contentType).toMatch(/^application\/x-amz-json-1\.1/);
    expect(first.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/us-east-1\/pricing\/aws4_request/);
    // Page size 3 on the server → several pages per service, each following the NextToken.
    const ecs = server.requests.filter((r) => r.body.ServiceCode === 'AmazonECS');
    expect(ecs.length).toBeGreaterThan(2);
    expect(ecs[0]!.body.NextToken).toBeUndefined();
    expect(ecs.slice(1).every((r) => typeof r.body.NextToken === 'string')).toBe(true);
    expect(ecs[0]!.body).toMatchObject({ FormatVersion: 'aws_v1', MaxResults: 100 });
    expect(progress[0]).toMatch(/fetching live prices for us-east-1 from the Price List API in us-east-1 \(3 queries\)/);
  });

  it('signs for the nearest endpoint region and queries per instance type when given a few', async () => {
    const warnings: string[] = [];
    const prices = await fetchRegionPrices('eu-west-1', { instanceTypes: ['m5.large', 'r7i.large'], onWarning: (m) => warnings.push(m) });
    expect(prices.ec2.onDemandHour).toEqual({ 'm5.large': { usd: 0.107, source: 'live', asOf: '2026-09-11' } });
    expect(warnings).toEqual(['no EC2 on-demand Linux price for r7i.large in eu-west-1']);
    expect(server.requests.every((r) => /\/eu-central-1\/pricing\/aws4_request/.test(r.authorization))).toBe(true);
    const ec2Types = server.requests
      .filter((r) => r.body.ServiceCode === 'AmazonEC2')
      .map((r) => r.body.Filters?.find((f) => f.Field === 'instanceType')?.Value);
    expect(ec2Types.sort()).toEqual(['m5.large', 'r7i.large']);
  });

  it('retries a ThrottlingException with backoff and then succeeds', async () => {
    server.failNext(THROTTLING, 2);
    const prices = await fetchRegionPrices('us-east-1', { instanceTypes: ['m5.large'] });
    expect(prices.ec2.onDemandHour['m5.large']?.usd).toBe(0.096);
    // Two throttled attempts were answered with the fault and then repeated.
    const keys = server.requests.map((r) => JSON.stringify(r.body));
    expect(new Set(keys).size).toBeLessThan(keys.length);
  });

  it('gives up with code "throttled" when throttling outlasts the retries', async () => {
    server.failAlways(THROTTLING);
    const error = await failure(fetchRegionPrices('us-east-1', { maxAttempts: 2 }));
    expect(error.code).toBe('throttled');
    expect(error.message).toMatch(/kept throttling/);
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('stops at the overall deadline with code "timeout"', async () => {
    server.delayNext(5_000, 10);
    const started = Date.now();
    const error = await failure(fetchRegionPrices('us-east-1', { timeoutMs: 400, maxAttempts: 1 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/did not return prices for us-east-1 within 400 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('reports access denied with the IAM permission to add', async () => {
    server.failAlways(ACCESS_DENIED);
    const error = await failure(fetchRegionPrices('us-east-1', { maxAttempts: 1 }));
    expect(error.code).toBe('access-denied');
    expect(error.message).toMatch(/pricing:GetProducts/);
  });

  it('reports missing credentials without any network lookup', async () => {
    delete process.env['AWS_ACCESS_KEY_ID'];
    delete process.env['AWS_SECRET_ACCESS_KEY'];
    const error = await failure(fetchRegionPrices('us-east-1', { maxAttempts: 1, timeoutMs: 10_000 }));
    expect(error.code).toBe('credentials');
    expect(error.message).toMatch(/AWS_PROFILE/);
    expect(server.requests).toHaveLength(0);
  });

  it('reports an unreachable endpoint as "network"', async () => {
    const dead = await startPriceListServer();
    const url = dead.url;
    await dead.close();
    process.env['AWS_ENDPOINT_URL_PRICING'] = url;
    const error = await failure(fetchRegionPrices('us-east-1', { maxAttempts: 1 }));
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('says "empty" when the price list knows nothing for the region', async () => {
    const error = await failure(fetchRegionPrices('sa-east-1', {}));
    expect(error.code).toBe('empty');
  });

  it('refuses a malformed region before any request', async () => {
    const error = await failure(fetchRegionPrices('../etc', {}));
    expect(error.code).toBe('invalid-region');
    expect(server.requests).toHaveLength(0);
  });

  it('uses a caller-supplied client and leaves it usable', async () => {
    const client = new PricingClient({ region: 'us-east-1', credentials: { accessKeyId: 'other', secretAccessKey: 'other' } });
    await fetchRegionPrices('us-east-1', { client, instanceTypes: ['t3.medium'] });
    expect(server.requests[0]!.authorization).toMatch(/Credential=other\//);
    const again = await fetchRegionPrices('us-east-1', { client, instanceTypes: ['t3.medium'] });
    expect(again.ec2.onDemandHour['t3.medium']?.usd).toBe(0.0416);
    client.destroy();
  });
});

describe('endpoint configuration and reuse', () => {
  it('honours the global AWS_ENDPOINT_URL too', async () => {
    delete process.env['AWS_ENDPOINT_URL_PRICING'];
    process.env['AWS_ENDPOINT_URL'] = server.url;
    const prices = await fetchRegionPrices('us-east-1', { instanceTypes: ['m5.large'] });
    expect(prices.ec2.onDemandHour['m5.large']?.usd).toBe(0.096);
    expect(server.requests.length).toBeGreaterThan(0);
  });

  it('serves a child process given server.env() (how the built CLI is tested)', async () => {
    const script = [
      "import { PricingClient, GetProductsCommand } from '@aws-sdk/client-pricing';",
      "const c = new PricingClient({ region: 'us-east-1', maxAttempts: 1 });",
      "const out = await c.send(new GetProductsCommand({ ServiceCode: 'AmazonEKS', Filters: [{ Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-east-1' }] }));",
      'console.log(out.PriceList.length, Boolean(out.NextToken));',
    ].join('\n');
    const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: process.env['HOME'], ...server.env() };
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env, cwd: process.cwd() });
    expect(stdout.trim()).toBe('3 true');
  });

  it('refresh flow: live fetch → atomic cache write → fresh cache read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-or-eks-refresh-'));
    try {
      const env = { ECS_OR_EKS_CACHE_DIR: dir };
      const now = new Date('2026-10-01T00:00:00Z');
      const prices = await fetchRegionPrices('ap-northeast-1', {});
      writePriceCache({ schemaVersion: 1, region: 'ap-northeast-1', fetchedAt: now.toISOString(), prices }, env);
      const read = readPriceCache('ap-northeast-1', env, now);
      expect(read?.stale).toBe(false);
      expect(read?.entry.prices).toEqual(prices);
      expect(read?.entry.prices.fargate.linuxX86?.vcpuHour.usd).toBe(0.05056);
      expect(server.requests.every((r) => /\/ap-south-1\/pricing\//.test(r.authorization))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
