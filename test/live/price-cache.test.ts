import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheLocation, listCachedRegions, priceCachePath, readPriceCache, writePriceCache } from '../../src/cli/prices/cache.js';
import type { PriceCacheEntry } from '../../src/domain/price-book.js';
import { parsePriceList } from '../../src/pricing/price-list.js';
import { sampleCatalog } from './catalog.js';

let root: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ecs-or-eks-cache-'));
  env = { ECS_OR_EKS_CACHE_DIR: join(root, 'cache') };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function entry(region = 'us-east-1', fetchedAt = '2026-10-01T12:00:00.000Z'): PriceCacheEntry {
  const { prices } = parsePriceList(region, Object.values(sampleCatalog()).flat());
  return { schemaVersion: 1, region, fetchedAt, prices };
}

const day = 24 * 60 * 60 * 1000;

describe('cacheDir', () => {
  it('prefers ECS_OR_EKS_CACHE_DIR, then an absolute XDG_CACHE_HOME, then ~/.cache', () => {
    const dir = (e: NodeJS.ProcessEnv) => cacheLocation(e).dir;
    expect(dir({ ECS_OR_EKS_CACHE_DIR: '/x/y', XDG_CACHE_HOME: '/xdg', HOME: '/home/u' })).toBe('/x/y');
    expect(dir({ XDG_CACHE_HOME: '/xdg', HOME: '/home/u' })).toBe('/xdg/ecs-or-eks');
    expect(dir({ XDG_CACHE_HOME: 'relative/xdg', HOME: '/home/u' })).toBe('/home/u/.cache/ecs-or-eks');
    expect(dir({ ECS_OR_EKS_CACHE_DIR: '', HOME: '/home/u' })).toBe('/home/u/.cache/ecs-or-eks');
  });

  it('names one file per region and refuses path tricks', () => {
    expect(priceCachePath('eu-west-1', { ECS_OR_EKS_CACHE_DIR: '/c' })).toBe('/c/prices-eu-west-1.json');
    expect(() => priceCachePath('../../etc/passwd', env)).toThrow(/not an AWS region/);
  });
});

describe('writePriceCache / readPriceCache', () => {
  it('round-trips an entry, creating the folder', () => {
    const written = entry();
    const file = writePriceCache(written, env);
    expect(file).toBe(join(root, 'cache', 'prices-us-east-1.json'));
    const read = readPriceCache('us-east-1', env, new Date('2026-10-02T00:00:00Z'));
    expect(read).toMatchObject({ entry: written, stale: false });
  });

  it('is fresh up to 7 days and stale after', () => {
    writePriceCache(entry(), env);
    const fetched = Date.parse('2026-10-01T12:00:00.000Z');
    expect(readPriceCache('us-east-1', env, new Date(fetched + 7 * day))?.stale).toBe(false);
    expect(readPriceCache('us-east-1', env, new Date(fetched + 7 * day + 1000))?.stale).toBe(true);
  });

  it('returns null without a warning when there is no cache', () => {
    const warnings: string[] = [];
    expect(readPriceCache('us-east-1', env, new Date(), warnings)).toBeNull();
    expect(warnings).toEqual([]);
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1, "region": "us-'],
    ['wrong shape', JSON.stringify({ schemaVersion: 1, region: 'us-east-1', fetchedAt: 'yesterday', prices: {} })],
    [
      'negative price',
      JSON.stringify({ ...entry(), prices: { ...entry().prices, eks: { controlPlaneHour: { usd: -1, source: 'live', asOf: '' } } } }),
    ],
    ['future schema', JSON.stringify({ ...entry(), schemaVersion: 2 })],
    ['empty file', ''],
  ])('treats a corrupt file (%s) as no cache, with a warning', (_, text) => {
    mkdirSync(cacheLocation(env).dir!, { recursive: true });
    writeFileSync(priceCachePath('us-east-1', env), text);
    const warnings: string[] = [];
    expect(readPriceCache('us-east-1', env, new Date(), warnings)).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/price cache .*prices-us-east-1\.json is corrupt .*prices refresh --region us-east-1/);
  });

  it('ignores a file that holds another region', () => {
    mkdirSync(cacheLocation(env).dir!, { recursive: true });
    writeFileSync(priceCachePath('eu-west-1', env), JSON.stringify(entry('us-east-1')));
    const warnings: string[] = [];
    expect(readPriceCache('eu-west-1', env, new Date(), warnings)).toBeNull();
    expect(warnings[0]).toMatch(/holds prices for us-east-1, not eu-west-1/);
  });

  it('writes atomically: the target is replaced whole and no temp file is left behind', () => {
    writePriceCache(entry('us-east-1', '2026-10-01T00:00:00.000Z'), env);
    writePriceCache(entry('us-east-1', '2026-10-05T00:00:00.000Z'), env);
    expect(readdirSync(cacheLocation(env).dir!)).toEqual(['prices-us-east-1.json']);
    const text = readFileSync(priceCachePath('us-east-1', env), 'utf8');
    expect((JSON.parse(text) as PriceCacheEntry).fetchedAt).toBe('2026-10-05T00:00:00.000Z');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('leaves the previous file intact and cleans up when the write fails', () => {
    writePriceCache(entry('us-east-1', '2026-10-01T00:00:00.000Z'), env);
    // A directory where the target file should be makes the rename fail.
    const blockedEnv = { ECS_OR_EKS_CACHE_DIR: join(root, 'blocked') };
    mkdirSync(priceCachePath('us-east-1', blockedEnv), { recursive: true });
    expect(() => writePriceCache(entry(), blockedEnv)).toThrow();
    expect(readdirSync(join(root, 'blocked'))).toEqual(['prices-us-east-1.json']);
    expect(readPriceCache('us-east-1', env, new Date('2026-10-02T00:00:00Z'))?.entry.fetchedAt).toBe('2026-10-01T00:00:00.000Z');
  });

  it('lists the cached regions', () => {
    expect(listCachedRegions(env)).toEqual([]);
    writePriceCache(entry('us-east-1'), env);
    writePriceCache(entry('eu-west-1'), env);
    writeFileSync(join(cacheLocation(env).dir!, 'notes.txt'), 'x');
    expect(listCachedRegions(env)).toEqual(['eu-west-1', 'us-east-1']);
  });
});
