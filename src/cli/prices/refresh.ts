/**
 * One region's live refresh, shared by `prices refresh`, `--prices live` and `--prices auto`: fetch,
 * check the answer is complete, merge it over the cached prices item by item (never shrinking the
 * cache), write it atomically. An incomplete answer replaces nothing.
 */
import type { PriceCacheEntry, RegionPrices } from '../../domain/price-book.js';
import type { CliContext } from '../io.js';
import { clip } from '../sanitize.js';
import { PriceCacheError, readPriceCache, writePriceCache } from './cache.js';
import { fetchScope, mergeRegionPrices, missingEssentials, relabelLive } from './completeness.js';

/** Fetches one region's live prices (the real one is `fetchRegionPrices`; tests inject their own). */
export interface LiveFetcher {
  (
    region: string,
    options: {
      instanceTypes?: string[];
      debug?: boolean;
      onProgress?: (message: string) => void;
      onWarning?: (message: string) => void;
    },
  ): Promise<RegionPrices>;
}

/** A refresh that produced nothing usable; `message` says why, for the user. */
export class RefreshFailure extends Error {
  override readonly name = 'RefreshFailure';
}

export interface RefreshResult {
  /** What the cache holds now (or would, had the write worked). */
  entry: PriceCacheEntry;
  /** For a price book: this fetch's prices labelled `live`, the older cached ones `cache`. */
  overlay: RegionPrices;
  /** The cache file written, or why it could not be. */
  file?: string;
  writeError?: string;
  warnings: string[];
}

function emptyPrices(region: string): RegionPrices {
  return { region, fargate: {}, eks: {}, ecs: {}, ec2: { onDemandHour: {} } };
}

export async function refreshRegion(
  region: string,
  ctx: CliContext,
  fetchLive: LiveFetcher,
  options: { instanceTypes?: readonly string[] } = {},
): Promise<RefreshResult> {
  const warnings: string[] = [];
  const instanceTypes = options.instanceTypes && options.instanceTypes.length > 0 ? [...options.instanceTypes] : undefined;
  let fresh: RegionPrices;
  try {
    fresh = await fetchLive(region, {
      instanceTypes,
      debug: Boolean(ctx.env.DEBUG),
      onProgress: (message) => ctx.stderr.write(`${message}\n`),
      onWarning: (message) => warnings.push(message),
    });
  } catch (error) {
    throw new RefreshFailure(clip(error instanceof Error ? error.message : String(error), 600), { cause: error });
  }
  const existing = readPriceCache(region, ctx.env, ctx.now());
  const missing = missingEssentials(fresh, fetchScope(instanceTypes));
  if (missing.length > 0) {
    throw new RefreshFailure(
      `the Price List API's answer for ${region} is incomplete (no ${missing.join('; no ')}); ` +
        (existing ? `kept the cached prices from ${existing.entry.fetchedAt.slice(0, 10)}` : 'nothing was cached'),
    );
  }
  // A type-by-type fetch refreshes a few EC2 prices, not the region: an existing cache keeps its
  // date (and so its staleness); only a region-wide fetch makes the whole entry new.
  const partial = fetchScope(instanceTypes).instanceTypes !== undefined;
  const fetchedAt = partial && existing ? existing.entry.fetchedAt : ctx.now().toISOString();
  const prices = existing ? mergeRegionPrices(existing.entry.prices, fresh) : fresh;
  const entry: PriceCacheEntry = { schemaVersion: 1, region, fetchedAt, prices };
  const overlay = mergeRegionPrices(relabelLive(existing?.entry.prices ?? emptyPrices(region), 'cache'), fresh);
  try {
    return { entry, overlay, file: writePriceCache(entry, ctx.env), warnings };
  } catch (error) {
    if (!(error instanceof PriceCacheError)) throw error;
    return { entry, overlay, writeError: error.message, warnings };
  }
}
