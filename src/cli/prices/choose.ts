/**
 * Chooses the price book for a run (SPEC §5):
 * - no `--prices`: a fresh cache if present, else the bundled snapshot — never the network;
 * - `snapshot`: the snapshot;
 * - `cache`: the cache even when stale (with a warning saying how old), else the snapshot;
 * - `live`: a live fetch, merged into the cache; failure is fatal (exit 3);
 * - `auto`: a fresh cache; else a live refresh; if that fails, the stale cache, else the snapshot —
 *   each fallback with a warning that reaches every output format through `PriceBook.warnings`.
 * Every price a book takes from the cache is labelled `cache`, every one fetched in this run `live`;
 * the snapshot's keep their own sources.
 */
import type { PriceBook } from '../../domain/price-book.js';
import { resolvePriceBook } from '../../pricing/index.js';
import type { PriceSourceKind } from '../../schema/enums.js';
import { PriceSourceError } from '../errors.js';
import type { CliContext } from '../io.js';
import { describeAge, readPriceCache, type CachedPrices } from './cache.js';
import { relabelLive } from './completeness.js';
import { refreshRegion, RefreshFailure, type LiveFetcher } from './refresh.js';

import { loadSnapshot } from './snapshot.js';

export interface PriceChoice {
  mode: PriceSourceKind | undefined;
  region: string;
  /** Instance types the live fetch should price (the candidates the model will consider). */
  instanceTypes?: string[];
}

const refreshHint = (region: string) => `run \`ecs-or-eks prices refresh --region ${region}\``;

export async function choosePriceBook(choice: PriceChoice, ctx: CliContext, fetchLive: LiveFetcher): Promise<PriceBook> {
  const snapshot = loadSnapshot();
  const { region } = choice;
  const notes: string[] = [];
  const fromSnapshot = (): PriceBook => resolvePriceBook(snapshot, region, { source: 'snapshot', warnings: unique(notes) });
  const fromCache = (cached: CachedPrices): PriceBook =>
    resolvePriceBook(snapshot, region, {
      source: 'cache',
      overlay: relabelLive(cached.entry.prices, 'cache'),
      asOf: cached.entry.fetchedAt.slice(0, 10),
      warnings: unique(notes),
    });
  const fromLive = async (instanceTypes: readonly string[] | undefined): Promise<PriceBook> => {
    const result = await refreshRegion(region, ctx, fetchLive, { instanceTypes });
    for (const warning of result.warnings) notes.push(warning);
    if (result.writeError) notes.push(`${result.writeError}; these live prices were used but not cached`);
    return resolvePriceBook(snapshot, region, {
      source: 'live',
      overlay: result.overlay,
      asOf: ctx.now().toISOString().slice(0, 10),
      warnings: unique(notes),
    });
  };

  if (choice.mode === 'snapshot') return resolvePriceBook(snapshot, region, { source: 'snapshot' });

  if (choice.mode === 'live') {
    try {
      return await fromLive(choice.instanceTypes);
    } catch (error) {
      if (error instanceof RefreshFailure) throw new PriceSourceError(`live prices for ${region} failed: ${error.message}`);
      throw error;
    }
  }

  const cached = readPriceCache(region, ctx.env, ctx.now(), notes);

  if (choice.mode === 'cache') {
    if (!cached) {
      notes.push(
        `no cached prices for ${region}; used the bundled snapshot. Run \`ecs-or-eks prices refresh --region ${region}\` to cache live prices.`,
      );
      return fromSnapshot();
    }
    if (cached.stale) notes.push(`cached prices for ${region} are stale (${describeAge(cached)}); ${refreshHint(region)}`);
    return fromCache(cached);
  }

  if (cached && !cached.stale) return fromCache(cached);

  if (choice.mode === 'auto') {
    try {
      // The whole region, not just the requested types: a refresh that makes the cache fresh again.
      return await fromLive(undefined);
    } catch (error) {
      if (!(error instanceof RefreshFailure)) throw error;
      const why = `live prices for ${region} failed (${error.message})`;
      if (cached) {
        notes.push(`${why}; used the stale cached prices (${describeAge(cached)})`);
        return fromCache(cached);
      }
      notes.push(`${why}; used the bundled snapshot (prices as of ${snapshot.asOf})`);
      return fromSnapshot();
    }
  }

  // Default: no network. A stale cache is not used, but the user hears about it.
  if (cached) {
    notes.push(
      `cached prices for ${region} are stale (${describeAge(cached)}), so the bundled snapshot was used; ${refreshHint(region)}, or pass --prices auto to refresh stale prices automatically`,
    );
  }
  return fromSnapshot();
}

/** Warnings in first-seen order, each once (a Set: linear, however many there are). */
function unique(warnings: readonly string[]): string[] {
  return [...new Set(warnings)];
}
