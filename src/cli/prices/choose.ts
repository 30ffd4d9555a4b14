/**
 * Chooses the price book for a run: a fresh cache if present, else the bundled snapshot;
 * `--prices live` fetches from the Price List API and fails hard (exit 3) if that fails.
 */
import type { PriceBook, RegionPrices } from '../../domain/price-book.js';
import { resolvePriceBook } from '../../pricing/index.js';
import { fetchRegionPrices } from './live.js';
import type { PriceSourceKind } from '../../schema/enums.js';
import { PriceSourceError } from '../errors.js';
import type { CliContext } from '../io.js';
import { readPriceCache, writePriceCache } from './cache.js';
import { loadSnapshot } from './snapshot.js';

export interface PriceChoice {
  mode: PriceSourceKind | undefined;
  region: string;
  /** Instance types the live fetch should price (the candidates the model will consider). */
  instanceTypes?: string[];
}

export interface LiveFetcher {
  (
    region: string,
    options: { instanceTypes?: string[]; onProgress?: (message: string) => void; onWarning?: (message: string) => void },
  ): Promise<RegionPrices>;
}

export async function choosePriceBook(
  choice: PriceChoice,
  ctx: CliContext,
  fetchLive: LiveFetcher = fetchRegionPrices,
): Promise<PriceBook> {
  const snapshot = loadSnapshot();
  const { region } = choice;
  const cacheWarnings: string[] = [];
  const cacheHit = () => readPriceCache(region, ctx.env, ctx.now(), cacheWarnings);

  if (choice.mode === 'snapshot') return resolvePriceBook(snapshot, region, { source: 'snapshot' });

  if (choice.mode === 'live') {
    let prices: RegionPrices;
    const warnings: string[] = [];
    try {
      prices = await fetchLive(region, {
        instanceTypes: choice.instanceTypes && choice.instanceTypes.length > 0 ? choice.instanceTypes : undefined,
        onProgress: (message) => ctx.stderr.write(`${message}\n`),
        onWarning: (message) => warnings.push(message),
      });
    } catch (error) {
      throw new PriceSourceError(`live prices for ${region} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const fetchedAt = ctx.now().toISOString();
    try {
      writePriceCache({ schemaVersion: 1, region, fetchedAt, prices }, ctx.env);
    } catch (error) {
      warnings.push(`could not write the price cache: ${error instanceof Error ? error.message : String(error)}`);
    }
    return resolvePriceBook(snapshot, region, { source: 'live', overlay: prices, asOf: fetchedAt.slice(0, 10), warnings });
  }

  const cached = cacheHit();
  if (choice.mode === 'cache') {
    if (!cached) {
      return resolvePriceBook(snapshot, region, {
        source: 'snapshot',
        warnings: [
          ...cacheWarnings,
          `no cached prices for ${region}; used the bundled snapshot. Run \`ecs-or-eks prices refresh --region ${region}\` to cache live prices.`,
        ],
      });
    }
    return resolvePriceBook(snapshot, region, {
      source: 'cache',
      overlay: cached.entry.prices,
      asOf: cached.entry.fetchedAt.slice(0, 10),
      warnings: [...cacheWarnings, ...(cached.stale ? [staleWarning(region, cached.entry.fetchedAt)] : [])],
    });
  }

  // Default: a fresh cache wins; a stale one is ignored in favour of the dated snapshot.
  if (cached && !cached.stale) {
    return resolvePriceBook(snapshot, region, {
      source: 'cache',
      overlay: cached.entry.prices,
      asOf: cached.entry.fetchedAt.slice(0, 10),
      warnings: cacheWarnings,
    });
  }
  return resolvePriceBook(snapshot, region, { source: 'snapshot', warnings: cacheWarnings });
}

function staleWarning(region: string, fetchedAt: string): string {
  return `cached prices for ${region} were fetched ${fetchedAt.slice(0, 10)}, more than 7 days ago; run \`ecs-or-eks prices refresh --region ${region}\``;
}
