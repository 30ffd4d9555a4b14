/**
 * The local price cache (SPEC §5): one JSON file per region, `<cacheDir>/prices-<region>.json`,
 * holding a `PriceCacheEntry`. Written atomically (temp file in the same folder, then rename), so
 * a reader never sees half a file. Older than `CACHE_MAX_AGE_DAYS` counts as stale, and so does a
 * fetch time in the future. A file that does not parse, does not match the shape, has a malformed
 * date or lacks the essential prices is reported and ignored — never a crash, never trusted.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, parse as parsePath, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { PriceCacheEntry } from '../../domain/price-book.js';
import { clip } from '../sanitize.js';
import { missingEssentials } from './completeness.js';

export const CACHE_MAX_AGE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const CACHE_MAX_AGE_MS = CACHE_MAX_AGE_DAYS * DAY_MS;
/** A fetch time up to this far ahead of the local clock is clock skew, not a date in the future. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
/** A cache file larger than this is not read (a full region is about 1 MB). */
export const MAX_CACHE_FILE_BYTES = 32 * 1024 * 1024;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const FILE_PATTERN = /^prices-([a-z0-9-]+)\.json$/;
/** Kernel file systems: never a cache (mkdir under /proc can even loop forever in Node). */
const VIRTUAL_ROOTS = ['/proc', '/sys', '/dev'];

export type CacheLocation = { dir: string; problem?: undefined } | { dir?: undefined; problem: string };

const noCache = (why: string): CacheLocation => ({
  problem: `${why}, so no price cache is used; set ECS_OR_EKS_CACHE_DIR to an absolute folder to cache prices`,
});

/**
 * The cache folder: `ECS_OR_EKS_CACHE_DIR`, else `$XDG_CACHE_HOME/ecs-or-eks`, else
 * `$HOME/.cache/ecs-or-eks`. Every one must be an absolute path (XDG requires it; a relative one
 * would put a cache in whatever folder the command runs in) outside /proc, /sys and /dev. Without
 * one there is no cache, and `problem` says why.
 */
export function cacheLocation(env: NodeJS.ProcessEnv): CacheLocation {
  const override = env['ECS_OR_EKS_CACHE_DIR'];
  let dir: string;
  if (override) {
    if (!isAbsolute(override)) return noCache(`ECS_OR_EKS_CACHE_DIR "${clip(override, 80)}" is not an absolute path`);
    dir = override;
  } else {
    const xdg = env['XDG_CACHE_HOME'];
    const home = [env['HOME'], env['USERPROFILE']].find((h) => h && isAbsolute(h));
    if (xdg && isAbsolute(xdg)) dir = join(xdg, 'ecs-or-eks');
    else if (home) dir = join(home, '.cache', 'ecs-or-eks');
    else return noCache(env['HOME'] ? `HOME "${clip(env['HOME'], 80)}" is not an absolute path` : 'HOME is not set');
  }
  const full = resolve(dir);
  const root = VIRTUAL_ROOTS.find((r) => full === r || full.startsWith(`${r}/`));
  if (root) return noCache(`the price cache folder ${clip(full, 80)} is on the kernel's ${root} file system`);
  return { dir: full };
}

/** Thrown when the cache cannot be located or written; the message says what to do. */
export class PriceCacheError extends Error {
  override readonly name = 'PriceCacheError';
}

/** The cache file of one region. Throws on something that is not a region code (no path tricks). */
export function priceCachePath(region: string, env: NodeJS.ProcessEnv): string {
  if (!REGION_PATTERN.test(region)) throw new PriceCacheError(`"${clip(region, 40)}" is not an AWS region code (like us-east-1)`);
  const location = cacheLocation(env);
  if (location.dir === undefined) throw new PriceCacheError(location.problem);
  return join(location.dir, `prices-${region}.json`);
}

/** A UTC timestamp as `Date#toISOString` writes it, that names a real instant after 2000. */
export function isIsoTimestamp(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value)) return false;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms < Date.UTC(2000, 0, 1)) return false;
  // Date.parse rolls 2026-02-30 over to March; a real date survives the round trip.
  return new Date(ms).toISOString().slice(0, 19) === value.slice(0, 19);
}

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})?$/;

/**
 * The cache file's schema, built on first use: zod schemas cost milliseconds to construct, and most
 * runs (`--prices snapshot`, no cache file, `--help`) never read a cache.
 */
let cacheEntrySchema: ReturnType<typeof buildCacheEntrySchema> | undefined;
function buildCacheEntrySchema() {
  const sourcedPrice = z.object({
    usd: z.number().nonnegative().max(100_000),
    source: z.string().max(64),
    asOf: z.string().regex(ISO_DAY, 'not a YYYY-MM-DD date'),
    estimate: z.object({ reason: z.string().max(1000), fix: z.string().max(1000) }).optional(),
  });
  const ratePair = z.object({ vcpuHour: sourcedPrice, gbHour: sourcedPrice });
  const priceMap = z.record(z.string().max(64), sourcedPrice);
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
  return z.object({
    schemaVersion: z.literal(1),
    region: z.string(),
    fetchedAt: z.string().refine(isIsoTimestamp, 'not an ISO timestamp (like 2026-10-01T12:00:00.000Z)'),
    prices: regionPrices,
  });
}

/** Checks an unknown value against the `PriceCacheEntry` shape; returns the problem or the entry. */
export function parsePriceCacheEntry(value: unknown): { entry: PriceCacheEntry } | { problem: string } {
  const result = (cacheEntrySchema ??= buildCacheEntrySchema()).safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    return { problem: first ? `${clip(first.path.join('.'), 80) || '(root)'}: ${first.message}` : 'invalid' };
  }
  return { entry: result.data as PriceCacheEntry };
}

export interface CachedPrices {
  entry: PriceCacheEntry;
  /** Fetched more than `CACHE_MAX_AGE_DAYS` before now, or dated in the future. */
  stale: boolean;
  /** now − fetchedAt; negative when the file is dated in the future. */
  ageMs: number;
}

/**
 * The cached prices of `region`. Null when there is no cache file, or when it cannot be used
 * (unreadable, corrupt, incomplete, no cache folder) — then a warning saying so, and how to fix
 * it, is pushed to `warnings`.
 */
export function readPriceCache(region: string, env: NodeJS.ProcessEnv, now: Date, warnings?: string[]): CachedPrices | null {
  let file: string;
  try {
    file = priceCachePath(region, env);
  } catch (error) {
    warnings?.push((error as Error).message);
    return null;
  }
  const shown = clip(file, 160);
  const fix = `run \`ecs-or-eks prices refresh --region ${region}\` to rewrite it`;
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_CACHE_FILE_BYTES) {
      warnings?.push(`the price cache ${shown} is ${size} bytes, larger than any real price list; ignoring it — ${fix}`);
      return null;
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      warnings?.push(`could not read the price cache ${shown} (${code ?? clip((error as Error).message)}); ignoring it`);
    }
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    warnings?.push(`the price cache ${shown} is corrupt (not JSON); ignoring it — ${fix}`);
    return null;
  }
  const parsed = parsePriceCacheEntry(value);
  if ('problem' in parsed) {
    warnings?.push(`the price cache ${shown} is corrupt (${parsed.problem}); ignoring it — ${fix}`);
    return null;
  }
  if (parsed.entry.region !== region || parsed.entry.prices.region !== region) {
    warnings?.push(`the price cache ${shown} holds prices for ${clip(parsed.entry.region, 40)}, not ${region}; ignoring it — ${fix}`);
    return null;
  }
  const missing = missingEssentials(parsed.entry.prices);
  if (missing.length > 0) {
    warnings?.push(`the price cache ${shown} is incomplete (no ${missing.join('; no ')}); ignoring it — ${fix}`);
    return null;
  }
  const ageMs = now.getTime() - Date.parse(parsed.entry.fetchedAt);
  return { entry: parsed.entry, stale: ageMs > CACHE_MAX_AGE_MS || ageMs < -FUTURE_TOLERANCE_MS, ageMs };
}

/** "3 days old", "11 hours old", or "dated in the future (…)" — for warnings about a cache's age. */
export function describeAge(cached: Pick<CachedPrices, 'ageMs' | 'entry'>): string {
  const { ageMs } = cached;
  if (ageMs < -FUTURE_TOLERANCE_MS) return `dated ${cached.entry.fetchedAt}, in the future (was the clock wrong when it was written?)`;
  if (ageMs < DAY_MS) {
    const hours = Math.max(0, Math.floor(ageMs / (60 * 60 * 1000)));
    return `fetched ${cached.entry.fetchedAt.slice(0, 10)}, ${hours} hour${hours === 1 ? '' : 's'} old`;
  }
  const days = Math.floor(ageMs / DAY_MS);
  return `fetched ${cached.entry.fetchedAt.slice(0, 10)}, ${days} day${days === 1 ? '' : 's'} old`;
}

/**
 * Creates `dir` and its missing parents one level at a time — a bounded loop, unlike
 * `mkdirSync(…, { recursive: true })`, which can spin forever on some kernel file systems.
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  let current = dir;
  const root = parsePath(dir).root;
  while (current !== root) {
    try {
      if (statSync(current).isDirectory()) break;
      throw new PriceCacheError(`${clip(current, 160)} is not a folder`);
    } catch (error) {
      if (error instanceof PriceCacheError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    missing.push(current);
    current = dirname(current);
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function describeWriteError(error: unknown, dir: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  const where = clip(dir, 160);
  if (error instanceof PriceCacheError) return error.message;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied in ${where}`;
  if (code === 'EROFS') return `${where} is on a read-only file system`;
  if (code === 'ENOSPC' || code === 'EDQUOT') return `no space left on the device of ${where}`;
  if (code === 'ENOTDIR' || code === 'EISDIR') return `${where} (or a folder above it) is not a folder`;
  return `${code ?? clip((error as Error).message)} in ${where}`;
}

/**
 * Writes the cache file of `entry.region` atomically and returns its path: the JSON goes to a
 * uniquely named temp file in the same folder, is flushed to disk, then renamed over the target
 * (rename within one file system is atomic). The temp file is removed if anything fails. Throws a
 * `PriceCacheError` that says why and what to do.
 */
export function writePriceCache(entry: PriceCacheEntry, env: NodeJS.ProcessEnv): string {
  const file = priceCachePath(entry.region, env);
  const dir = dirname(file);
  const temp = join(dir, `.prices-${entry.region}.json.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    makeDirs(dir);
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeSync(fd, `${JSON.stringify(entry, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was created (the folder is not there or not a folder): nothing to clean up.
    }
    throw new PriceCacheError(
      `could not write the price cache ${clip(file, 160)}: ${describeWriteError(error, dir)}; set ECS_OR_EKS_CACHE_DIR to a writable folder`,
    );
  }
  return file;
}

/** The regions that have a cache file (for `prices show`), sorted. */
export function listCachedRegions(env: NodeJS.ProcessEnv): string[] {
  const location = cacheLocation(env);
  if (location.dir === undefined) return [];
  let names: string[];
  try {
    names = readdirSync(location.dir);
  } catch {
    return [];
  }
  return names
    .map((name) => FILE_PATTERN.exec(name)?.[1])
    .filter((region): region is string => region !== undefined && REGION_PATTERN.test(region))
    .sort();
}
