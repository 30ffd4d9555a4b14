/**
 * What the input checks need from the price data, which the schema floor cannot read: the instance
 * types the tool knows (the bundled catalog, plus whatever a `prices refresh` cached), the Regions it
 * has prices for, and the warning for a Region it must estimate.
 */
import type { PriceBook } from '../domain/price-book.js';
import type { InstanceTypeCatalog } from '../schema/instance-types.js';
import { regionName } from '../schema/regions.js';
import type { CliContext } from './io.js';
import { listCachedRegions, readPriceCache } from './prices/cache.js';
import { loadSnapshot } from './prices/snapshot.js';

/**
 * The bundled catalog's instance types (the bin-packer knows their vCPU, memory, GPUs and network
 * limits), and the types cached prices name beyond them. The cache is read only when asked for.
 */
export function instanceTypeCatalog(ctx: CliContext): InstanceTypeCatalog {
  const known = new Set(loadSnapshot().instances.map((s) => s.instanceType));
  let priceOnly: Set<string> | undefined;
  return {
    known,
    get priceOnly() {
      priceOnly ??= cachedTypes(ctx, known);
      return priceOnly;
    },
  };
}

function cachedTypes(ctx: CliContext, known: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const region of listCachedRegions(ctx.env)) {
    const cached = readPriceCache(region, ctx.env, ctx.now());
    for (const type of Object.keys(cached?.entry.prices.ec2.onDemandHour ?? {})) if (!known.has(type)) out.add(type);
  }
  return out;
}

/** Instance types for the questionnaire's search: each with its size, so the list explains itself. */
export function instanceTypeChoices(): { value: string; description: string }[] {
  return loadSnapshot()
    .instances.map((s) => ({
      value: s.instanceType,
      description:
        `${s.vcpu} vCPU, ${Math.round((s.memoryMiB / 1024) * 100) / 100} GiB, ${s.arch === 'arm64' ? 'ARM (Graviton)' : 'x86_64'}` +
        `${s.gpus > 0 ? `, ${s.gpus} GPU${s.gpus === 1 ? '' : 's'}${s.gpuName ? ` (${s.gpuName})` : ''}` : ''}`,
    }))
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** Regions with their own prices: in the bundled snapshot or in the price cache. */
export function pricedRegions(ctx: CliContext): string[] {
  return [...new Set([...Object.keys(loadSnapshot().regions), ...listCachedRegions(ctx.env)])].sort();
}

/**
 * The book with a warning first when its Region is not in the bundled snapshot and no cached or live
 * prices replace it: every price is then an estimate, which the reader should know before the numbers.
 */
export function withRegionEstimateWarning(book: PriceBook): PriceBook {
  if (book.source !== 'snapshot' || book.snapshot.regions[book.region] !== undefined) return book;
  const name = regionName(book.region);
  const warning =
    `${book.region}${name ? ` (${name})` : ''} is not in the bundled price snapshot, so every price is estimated from us-east-1 prices; ` +
    `for exact prices run \`ecs-or-eks prices refresh --region ${book.region}\``;
  return { ...book, warnings: [warning, ...book.warnings.filter((w) => w !== warning)] };
}
