/** `prices refresh` and `prices show`. */
import { renderPriceBook } from '../../reports/listings.js';
import type { PriceSourceKind } from '../../schema/enums.js';
import type { CliContext } from '../io.js';
import type { ProgramDeps } from '../deps.js';
import { readPriceCache } from '../prices/cache.js';
import { choosePriceBook } from '../prices/choose.js';
import { lazyLiveFetcher } from './shared.js';

export async function runPricesRefresh(ctx: CliContext, deps: ProgramDeps, regions: readonly string[]): Promise<void> {
  for (const region of regions) {
    ctx.stderr.write(`fetching prices for ${region}…\n`);
    await choosePriceBook({ mode: 'live', region }, ctx, deps.fetchLive ?? lazyLiveFetcher);
    const cached = readPriceCache(region, ctx.env, ctx.now());
    ctx.stdout.write(`${region}: cached ${cached ? `at ${cached.entry.fetchedAt}` : '(cache not written)'}\n`);
  }
}

export async function runPricesShow(
  ctx: CliContext,
  deps: ProgramDeps,
  flags: { region?: string; prices?: PriceSourceKind; format: 'table' | 'json' },
): Promise<void> {
  const region = flags.region ?? ctx.env.AWS_REGION ?? 'us-east-1';
  const book = await choosePriceBook({ mode: flags.prices, region }, ctx, deps.fetchLive ?? lazyLiveFetcher);
  ctx.stdout.write(renderPriceBook(book, flags.format));
}
