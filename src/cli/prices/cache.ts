/**
 * The local price cache (SPEC §5): one JSON file per region, `<cacheDir>/prices-<region>.json`,
 * holding a `PriceCacheEntry`. Written atomically (temp file in the same folder, then rename), so
 * a reader never sees half a file. Older than `CACHE_MAX_AGE_DAYS` counts as stale. A file that
 * does not parse or does not match the shape is reported and ignored — never a crash.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { PriceCacheEntry } from '../../domain/price-book.js';

export const CACHE_MAX_AGE_DAYS = 7;
const CACHE_MAX_AGE_MS = CACHE_MAX_AGE_DAYS * 24 * 60 * 60 * 1000;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const FILE_PATTERN = /^prices-([a-z0-9-]+)\.json$/;

/**
 * The cache folder: `ECS_OR_EKS_CACHE_DIR`, else `$XDG_CACHE_HOME/ecs-or-eks` (XDG requires an
 * absolute path; a relative one is ignored), else `~/.cache/ecs-or-eks`.
 */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  const override = env['ECS_OR_EKS_CACHE_DIR'];
  if (override) return override;
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'ecs-or-eks');
  const home = env['HOME'] || env['USERPROFILE'] || homedir();
  return join(home, '.cache', 'ecs-or-eks');
}

/** The cache file of one region. Throws on something that is not a region code (no path tricks). */
export function priceCachePath(region: string, env: NodeJS.ProcessEnv): string {
  if (!REGION_PATTERN.test(region)) throw new Error(`"${region}" is not an AWS region code (like us-east-1)`);
  return join(cacheDir(env), `prices-${region}.json`);
}

const sourcedPrice = z.object({
  usd: z.number().nonnegative(),
  source: z.string(),
  asOf: z.string(),
  estimate: z.object({ reason: z.string(), fix: z.string() }).optional(),
});
const ratePair = z.object({ vcpuHour: sourcedPrice, gbHour: sourcedPrice });
const priceMap = z.record(z.string(), sourcedPrice);
const regionPrices = z.object({
  region: z.string(),
  fargate: z.object({
    linuxX86: ratePair.optional(),
    linuxArm: ratePair.optional(),
    windows: ratePair.extend({ osLicenseVcpuHour: sourcedPrice }).optional(),
    ephemeralStorageGbHour: sourcedPrice.optional(),
    spotX86: ratePair.optional(),
    spotArm: ratePair.optional(),
  }),
  eks: z.object({
    controlPlaneHour: sourcedPrice.optional(),
    extendedSupportHour: sourcedPrice.optional(),
    autoModeFee: priceMap.optional(),
  }),
  ecs: z.object({ managedInstancesFee: priceMap.optional() }),
  ec2: z.object({ onDemandHour: priceMap }),
});
const cacheEntry = z.object({
  schemaVersion: z.literal(1),
  region: z.string(),
  fetchedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a timestamp'),
  prices: regionPrices,
});

/** Checks an unknown value against the `PriceCacheEntry` shape; returns the problem or the entry. */
export function parsePriceCacheEntry(value: unknown): { entry: PriceCacheEntry } | { problem: string } {
  const result = cacheEntry.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    return { problem: first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid' };
  }
  return { entry: result.data as PriceCacheEntry };
}

/**
 * The cached prices of `region`, and whether they are stale (fetched more than 7 days before
 * `now`). Null when there is no cache file, or when it is unreadable/corrupt — then a warning
 * saying so (and how to fix it) is pushed to `warnings`.
 */
export function readPriceCache(
  region: string,
  env: NodeJS.ProcessEnv,
  now: Date,
  warnings?: string[],
): { entry: PriceCacheEntry; stale: boolean } | null {
  let file: string;
  try {
    file = priceCachePath(region, env);
  } catch {
    return null;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      warnings?.push(`could not read the price cache ${file} (${(error as Error).message}); ignoring it`);
    }
    return null;
  }
  const fix = `run \`ecs-or-eks prices refresh --region ${region}\` to rewrite it`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    warnings?.push(`the price cache ${file} is corrupt (not JSON); ignoring it — ${fix}`);
    return null;
  }
  const parsed = parsePriceCacheEntry(value);
  if ('problem' in parsed) {
    warnings?.push(`the price cache ${file} is corrupt (${parsed.problem}); ignoring it — ${fix}`);
    return null;
  }
  if (parsed.entry.region !== region || parsed.entry.prices.region !== region) {
    warnings?.push(`the price cache ${file} holds prices for ${parsed.entry.region}, not ${region}; ignoring it — ${fix}`);
    return null;
  }
  const age = now.getTime() - Date.parse(parsed.entry.fetchedAt);
  return { entry: parsed.entry, stale: age > CACHE_MAX_AGE_MS };
}

/**
 * Writes the cache file of `entry.region` atomically and returns its path: the JSON goes to a
 * uniquely named temp file in the same folder, is flushed to disk, then renamed over the target
 * (rename within one file system is atomic). The temp file is removed if anything fails.
 */
export function writePriceCache(entry: PriceCacheEntry, env: NodeJS.ProcessEnv): string {
  const file = priceCachePath(entry.region, env);
  const dir = cacheDir(env);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.prices-${entry.region}.json.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeSync(fd, `${JSON.stringify(entry, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return file;
}

/** The regions that have a cache file (for `prices show`), sorted. */
export function listCachedRegions(env: NodeJS.ProcessEnv): string[] {
  let names: string[];
  try {
    names = readdirSync(cacheDir(env));
  } catch {
    return [];
  }
  return names
    .map((name) => FILE_PATTERN.exec(name)?.[1])
    .filter((region): region is string => region !== undefined && REGION_PATTERN.test(region))
    .sort();
}
