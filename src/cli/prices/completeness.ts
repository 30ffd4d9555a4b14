/**
 * What a region's prices must hold before they may replace or extend a good cache, and how two sets
 * of prices merge. A Price List answer can be partial (a page lost, a service missing) or almost
 * empty (one item); written as is, it would replace a good cache, and every report would say
 * "cache" while every price in it was really the snapshot's.
 *
 * A complete answer for a region has:
 * - the Fargate Linux/x86 vCPU and GB rates (every Fargate option is priced from them);
 * - the EKS control-plane fee (every EKS option pays it);
 * - EC2 on-demand prices: at least one of the instance types asked for, or — when the whole
 *   region's list was fetched — at least `MIN_REGION_EC2_TYPES` types (every region offers hundreds;
 *   fewer means the list was cut short).
 * Anything beyond that (ARM, Windows, Spot, storage, Auto Mode and Managed Instances fees) is merged
 * item by item when present and kept from the older cache when absent.
 */
import type { RegionPrices, SourcedPrice } from '../../domain/price-book.js';

export const MIN_REGION_EC2_TYPES = 20;
/** Up to this many requested EC2 types are fetched one query each; more → one region-wide query. */
export const PER_TYPE_QUERY_LIMIT = 30;

/** What a fetch for `instanceTypes` must bring back to be complete (see the rules above). */
export function fetchScope(instanceTypes: readonly string[] = []): { instanceTypes?: readonly string[]; minEc2Types?: number } {
  const types = [...new Set(instanceTypes)];
  return types.length > 0 && types.length <= PER_TYPE_QUERY_LIMIT ? { instanceTypes: types } : { minEc2Types: MIN_REGION_EC2_TYPES };
}

/**
 * What `prices` lacks to count as complete, in words (empty when complete). `instanceTypes` are the
 * EC2 types a type-by-type fetch asked for; without them the whole region's list is expected, unless
 * `minEc2Types` says otherwise (a cache file needs only one EC2 price: a type-by-type refresh wrote it).
 */
export function missingEssentials(prices: RegionPrices, scope: { instanceTypes?: readonly string[]; minEc2Types?: number } = {}): string[] {
  const missing: string[] = [];
  if (!prices.fargate.linuxX86) missing.push('Fargate Linux/x86 vCPU and GB rates');
  if (!prices.eks.controlPlaneHour) missing.push('EKS control-plane fee');
  const ec2 = prices.ec2.onDemandHour;
  const requested = scope.instanceTypes ?? [];
  if (requested.length > 0) {
    if (!requested.some((t) => Object.hasOwn(ec2, t))) missing.push(`EC2 on-demand price for any of ${listed(requested)}`);
  } else {
    const needed = scope.minEc2Types ?? 1;
    const have = Object.keys(ec2).length;
    if (have < needed) missing.push(`EC2 on-demand prices for at least ${needed} instance types (got ${have})`);
  }
  return missing;
}

function listed(types: readonly string[]): string {
  return types.length <= 5 ? types.join(', ') : `${types.slice(0, 5).join(', ')} and ${types.length - 5} more`;
}

function defined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function mergeMap(
  a: Record<string, SourcedPrice> | undefined,
  b: Record<string, SourcedPrice> | undefined,
): Record<string, SourcedPrice> | undefined {
  if (!a && !b) return undefined;
  return { ...(a ?? {}), ...(b ?? {}) };
}

/**
 * `top` over `base`, item by item: every price `top` has wins (a rate pair counts as one item),
 * every price only `base` has is kept, with its own source and date. Never loses a price.
 */
export function mergeRegionPrices(base: RegionPrices, top: RegionPrices): RegionPrices {
  const autoModeFee = mergeMap(base.eks.autoModeFee, top.eks.autoModeFee);
  const managedInstancesFee = mergeMap(base.ecs.managedInstancesFee, top.ecs.managedInstancesFee);
  const merged: RegionPrices = {
    region: top.region,
    fargate: { ...defined(base.fargate), ...defined(top.fargate) },
    eks: {
      ...defined({ controlPlaneHour: base.eks.controlPlaneHour, extendedSupportHour: base.eks.extendedSupportHour }),
      ...defined({ controlPlaneHour: top.eks.controlPlaneHour, extendedSupportHour: top.eks.extendedSupportHour }),
      ...(autoModeFee ? { autoModeFee } : {}),
    },
    ecs: managedInstancesFee ? { managedInstancesFee } : {},
    ec2: { onDemandHour: { ...base.ec2.onDemandHour, ...top.ec2.onDemandHour } },
  };
  const extras = { ...defined(base.extras ?? {}), ...defined(top.extras ?? {}) };
  if (Object.keys(extras).length > 0) merged.extras = extras;
  return merged;
}

/**
 * A copy of `prices` whose every price fetched live is labelled `label` instead: prices read back
 * from the cache say "cache", so every printed line names its real source.
 */
export function relabelLive(prices: RegionPrices, label: string): RegionPrices {
  const walk = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map(walk);
    const record = value as Record<string, unknown>;
    if (typeof record['usd'] === 'number' && typeof record['source'] === 'string') {
      return record['source'] === 'live' ? { ...record, source: label } : { ...record };
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, walk(v)]));
  };
  return walk(prices) as RegionPrices;
}

/** How many prices `prices` holds, by kind, for a one-line summary ("3 Fargate rates, 412 EC2 types …"). */
export function summarize(prices: RegionPrices): string {
  const fargate = Object.values(prices.fargate).filter(Boolean).length;
  const ec2 = Object.keys(prices.ec2.onDemandHour).length;
  const fees = Object.keys(prices.eks.autoModeFee ?? {}).length + Object.keys(prices.ecs.managedInstancesFee ?? {}).length;
  return `${fargate} Fargate rate${fargate === 1 ? '' : 's'}, EKS fee${prices.eks.controlPlaneHour ? '' : ' missing'}, ${ec2} EC2 type${ec2 === 1 ? '' : 's'}, ${fees} management fee${fees === 1 ? '' : 's'}`;
}
