/** `prices refresh` and `prices show`. */
import { renderPriceBook } from '../../reports/listings.js';
import type { PriceSourceKind } from '../../schema/enums.js';
import { PriceSourceError } from '../errors.js';
import type { CliContext } from '../io.js';
import type { ProgramDeps } from '../deps.js';
import { choosePriceBook } from '../prices/choose.js';
import { summarize } from '../prices/completeness.js';
import { refreshRegion, RefreshFailure } from '../prices/refresh.js';
import { lazyLiveFetcher, terminalWidth } from './shared.js';

/**
 * Refreshes each region in turn. A region that fails (no answer, an incomplete answer, a cache
 * that cannot be written) is reported and the next one is tried; the command then exits 3 naming
 * every region that failed. Each region's cache is replaced only by a complete answer.
 */
export async function runPricesRefresh(ctx: CliContext, deps: ProgramDeps, regions: readonly string[]): Promise<void> {
  const failed: string[] = [];
  const all = [...new Set(regions)];
  for (const region of all) {
    ctx.stderr.write(`fetching prices for ${region}…\n`);
    try {
      const result = await refreshRegion(region, ctx, deps.fetchLive ?? lazyLiveFetcher);
      for (const warning of result.warnings) ctx.stderr.write(`warning: ${region}: ${warning}\n`);
      if (result.writeError) {
        failed.push(region);
        ctx.stderr.write(`error: ${region}: ${result.writeError}\n`);
        continue;
      }
      ctx.stdout.write(`${region}: cached at ${result.entry.fetchedAt} (${summarize(result.entry.prices)}) in ${result.file}\n`);
    } catch (error) {
      if (!(error instanceof RefreshFailure)) throw error;
      failed.push(region);
      ctx.stderr.write(`error: ${region}: ${error.message}\n`);
    }
  }
  if (failed.length > 0) {
    const cachedCount = all.length - failed.length;
    throw new PriceSourceError(
      `prices refresh failed for ${failed.join(', ')}${cachedCount > 0 ? ` (${cachedCount} of ${all.length} regions were cached)` : ''}; the cache of a failed region is unchanged`,
    );
  }
}

export async function runPricesShow(
  ctx: CliContext,
  deps: ProgramDeps,
  flags: { region?: string; prices?: PriceSourceKind; format: 'table' | 'json' },
): Promise<void> {
  const region = flags.region ?? ctx.env.AWS_REGION ?? 'us-east-1';
  const book = await choosePriceBook({ mode: flags.prices, region }, ctx, deps.fetchLive ?? lazyLiveFetcher);
  ctx.stdout.write(renderPriceBook(book, flags.format, terminalWidth(ctx)));
}
