/**
 * The live price path end to end: the built CLI's real `@aws-sdk/client-pricing` talks to a local
 * Price List API on 127.0.0.1 (AWS_ENDPOINT_URL_PRICING), fills the cache, and `advise` uses it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_DENIED, AWS_ENV_TO_CLEAR, startPriceListServer, type PriceListServer } from '../live/pricelist-server.js';
import { tempDir } from '../helpers.js';

const BIN = join(process.cwd(), 'bin', 'ecs-or-eks.js');

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const base = { ...process.env };
  for (const key of AWS_ENV_TO_CLEAR) delete base[key];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...base, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!existsSync('dist/cli/main.js'))('live prices through the built CLI', () => {
  let server: PriceListServer;
  beforeAll(async () => {
    server = await startPriceListServer({ pageSize: 3 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('prices refresh fills the cache; advise then uses the fresh cache by default', async () => {
    const cache = join(tempDir(), 'cache');
    const env = { ...server.env(), ECS_OR_EKS_CACHE_DIR: cache };
    const refresh = await cli(['prices', 'refresh', '--region', 'us-east-1'], env);
    expect(refresh.stderr + refresh.stdout).toMatch(/us-east-1/);
    expect(refresh.code).toBe(0);
    expect(readdirSync(cache).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const advice = await cli(['advise', '-i', 'fixtures/startup-api.yaml', '-f', 'json'], env);
    expect(advice.code).toBe(0);
    expect(JSON.parse(advice.stdout).pricing.source).toBe('cache');
    const snapshot = await cli(['advise', '-i', 'fixtures/startup-api.yaml', '-f', 'json', '--prices', 'snapshot'], env);
    expect(JSON.parse(snapshot.stdout).pricing.source).toBe('snapshot');
  });

  it("prices refresh keeps the SDK's own warnings (its Node-version notice included) off stderr", async () => {
    const env = { ...server.env(), ECS_OR_EKS_CACHE_DIR: join(tempDir(), 'cache') };
    const refresh = await cli(['prices', 'refresh', '--region', 'us-east-1'], env);
    expect(refresh.code).toBe(0);
    expect(refresh.stderr).not.toMatch(/Warning|trace-warnings|@smithy|aws-sdk|NodeVersion/i);
    // Only the tool's own progress lines.
    for (const line of refresh.stderr.trim().split('\n')) expect(line).toMatch(/^(fetching|Amazon[A-Z0-9]+ )/);
    const major = Number(process.versions.node.split('.')[0]);
    if (major < 22) {
      // The notice is real on this Node: DEBUG shows it.
      const debug = await cli(['prices', 'refresh', '--region', 'us-east-1'], { ...env, DEBUG: '1' });
      expect(debug.stderr).toMatch(/NodeVersionSupportWarning/);
    }
  });

  it('advise --prices live uses live prices', async () => {
    const env = { ...server.env(), ECS_OR_EKS_CACHE_DIR: join(tempDir(), 'cache') };
    const { code, stdout } = await cli(['advise', '-i', 'fixtures/startup-api.yaml', '-f', 'json', '--prices', 'live'], env);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).pricing.source).toBe('live');
  });

  it('--prices live exits 3 when the Price List API refuses, with nothing on stdout', async () => {
    server.failAlways(ACCESS_DENIED);
    try {
      const env = { ...server.env(), ECS_OR_EKS_CACHE_DIR: join(tempDir(), 'cache') };
      const { code, stdout, stderr } = await cli(['advise', '-i', 'fixtures/startup-api.yaml', '--prices', 'live'], env);
      expect(code).toBe(3);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/pricing:GetProducts|access|denied/i);
    } finally {
      server.clearFaults();
    }
  });
});
