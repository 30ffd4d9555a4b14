/**
 * Issue 13, live prices: the REAL @aws-sdk/client-pricing against a local Price List server that
 * hangs, drops connections, stalls mid-body, answers with 50 MB of one repeated item or hands out
 * pages without end. Each request must time out and be retried with backoff, each answer be capped
 * in size, each region in requests — and the user must be told which cap was hit.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchRegionPrices, LivePriceError, MAX_REQUESTS_PER_REGION } from '../../src/cli/prices/live.js';
import { AWS_ENV_TO_CLEAR, startPriceListServer, type PriceListServer } from '../live/pricelist-server.js';

let server: PriceListServer;
const savedEnv = { ...process.env };

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
beforeEach(async () => {
  // Let the previous test's cancelled requests reach the server before counting this test's.
  await new Promise((resolve) => setTimeout(resolve, 100));
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

const fast = { requestTimeoutMs: 300, timeoutMs: 20_000 };

describe('per-request timeouts that fail, and retries', () => {
  it('a request that is never answered times out after the per-request limit and is retried', async () => {
    server.misbehaveNext({ kind: 'hang' }, 1);
    const started = Date.now();
    const prices = await fetchRegionPrices('us-east-1', { ...fast, instanceTypes: ['m5.large'] });
    expect(prices.ec2.onDemandHour['m5.large']?.usd).toBe(0.096);
    // One hung attempt (300 ms) and its retry — not the overall deadline.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.requests.length).toBeGreaterThan(3);
  });

  it('gives up with "timeout" once every attempt has hung, well before the overall deadline', async () => {
    server.misbehaveAlways({ kind: 'hang' });
    const started = Date.now();
    const error = await failure(fetchRegionPrices('us-east-1', { ...fast, maxAttempts: 2 }));
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(10_000);
    // Two attempts per query, three queries.
    expect(server.requests.length).toBeGreaterThanOrEqual(6);
  });

  it('retries a dropped connection', async () => {
    server.misbehaveNext({ kind: 'drop' }, 2);
    const prices = await fetchRegionPrices('us-east-1', { ...fast, instanceTypes: ['t3.medium'] });
    expect(prices.ec2.onDemandHour['t3.medium']?.usd).toBe(0.0416);
  });

  it('times out a body that stops arriving after the headers, and retries it', async () => {
    server.misbehaveNext({ kind: 'stall-body' }, 1);
    const started = Date.now();
    const prices = await fetchRegionPrices('us-east-1', { ...fast, instanceTypes: ['t3.medium'] });
    expect(prices.fargate.linuxX86?.vcpuHour.usd).toBe(0.04048);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('caps', () => {
  it('refuses a 50 MB answer of one repeated item without reading all of it', async () => {
    server.misbehaveAlways({ kind: 'huge', bytes: 50 * 1024 * 1024 });
    const error = await failure(fetchRegionPrices('us-east-1', { ...fast, maxAttempts: 1 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/more than 16 MiB/);
  });

  it('refuses an answer whose declared length is over the cap before reading it', async () => {
    server.misbehaveAlways({ kind: 'huge', bytes: 20 * 1024 * 1024, declareLength: true });
    const error = await failure(fetchRegionPrices('us-east-1', { ...fast, maxAttempts: 1 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/20 MiB response/);
  });

  it('stops at the request cap per region when the pages never end, and says the cap', async () => {
    server.misbehaveAlways({ kind: 'endless' });
    const error = await failure(fetchRegionPrices('us-east-1', { ...fast, maxAttempts: 1 }));
    expect(error.code).toBe('too-many-requests');
    expect(error.message).toContain(`${MAX_REQUESTS_PER_REGION} Price List requests`);
    expect(server.requests.length).toBeLessThanOrEqual(MAX_REQUESTS_PER_REGION);
  });

  it('counts an item repeated many times over once', async () => {
    server.misbehaveAlways({ kind: 'repeat', times: 100 });
    const warnings: string[] = [];
    const prices = await fetchRegionPrices('us-east-1', { ...fast, onWarning: (w) => warnings.push(w) });
    // One AmazonEC2 item, one AmazonECS item, one AmazonEKS item: nothing repeated survives.
    expect(Object.keys(prices.ec2.onDemandHour).length).toBeLessThanOrEqual(1);
    expect(warnings.join(' ')).not.toMatch(/appeared twice/);
  });
});

describe("the server's own error text", () => {
  it('is shown sanitised and cut short', async () => {
    const evil = `\u001b]8;;https://evil.example\u0007click here\u001b]8;;\u0007\u001b[2J\u0000${'x'.repeat(5000)}`;
    server.failAlways({ status: 400, type: 'ValidationException', message: evil });
    const error = await failure(fetchRegionPrices('us-east-1', { ...fast, maxAttempts: 1 }));
    expect(error.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(error.message).toContain('\\x1b]8;;https://evil.example\\x07click here');
    expect(error.message.length).toBeLessThan(500);
  });
});
