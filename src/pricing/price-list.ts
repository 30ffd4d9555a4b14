/**
 * Pure parsing of AWS Price List Query API `GetProducts` items into a `RegionPrices`.
 *
 * Each `PriceList` item arrives as a JSON-encoded string (the SDK may hand it over as a plain
 * string, a `String`-like `LazyJsonString`, or an already-decoded object). We read only the
 * on-demand term (`JRTCKXETXF`) and map items by the *suffix* of their `usagetype`, after an
 * optional region prefix (`USE1-`, `EU-`, `APN1-` …); we never build prefixes ourselves, because
 * AWS's prefix table is irregular (us-east-1 EC2 has none, eu-west-1 is `EU`).
 *
 * No I/O, no clock: the caller gives the items and gets prices plus warnings back.
 */
import type { RatePair, RegionPrices, SourcedPrice } from '../domain/price-book.js';

/** The offer term code AWS uses for on-demand prices in every service. */
export const ON_DEMAND_TERM_CODE = 'JRTCKXETXF';

/** The decoded shape of one `PriceList` item (only the fields we read). */
export interface PriceListItem {
  serviceCode: string;
  productFamily: string;
  sku: string;
  attributes: Record<string, string>;
  terms: { OnDemand?: Record<string, OnDemandTerm> };
  publicationDate?: string;
  version?: string;
}

export interface OnDemandTerm {
  offerTermCode?: string;
  effectiveDate?: string;
  priceDimensions?: Record<string, PriceDimension>;
}

export interface PriceDimension {
  unit?: string;
  beginRange?: string;
  endRange?: string;
  description?: string;
  pricePerUnit?: Record<string, string>;
}

/** The on-demand USD price of one item. */
export interface OnDemandPrice {
  usd: number;
  unit: string;
  description: string;
  /** `YYYY-MM-DD` of the price list publication, else the term's effective date, else ''. */
  asOf: string;
  /** True when the item had several tiers and the first paid tier was picked. */
  tiered: boolean;
}

export class PriceListParseError extends Error {
  override readonly name = 'PriceListParseError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

/**
 * Turns one raw `PriceList` element into a plain object. Accepts a JSON string, a `String`
 * object / `LazyJsonString` (anything whose `toString()` is the JSON text, or that offers
 * `deserializeJSON()`), or an already-decoded object.
 */
export function decodePriceListItem(raw: unknown): PriceListItem {
  let value: unknown = raw;
  if (typeof value === 'string' || value instanceof String) {
    value = parseJson(String(value));
  } else if (isRecord(value) && typeof (value as { deserializeJSON?: unknown }).deserializeJSON === 'function') {
    value = (value as { deserializeJSON: () => unknown }).deserializeJSON();
  }
  if (!isRecord(value)) throw new PriceListParseError('PriceList item is not a JSON object');
  const product = value['product'];
  if (!isRecord(product)) throw new PriceListParseError('PriceList item has no "product"');
  const terms = isRecord(value['terms']) ? value['terms'] : {};
  const onDemand = isRecord(terms['OnDemand']) ? (terms['OnDemand'] as Record<string, OnDemandTerm>) : undefined;
  const attributes = stringRecord(product['attributes']);
  const item: PriceListItem = {
    serviceCode: str(value['serviceCode']) || attributes['servicecode'] || '',
    productFamily: str(product['productFamily']),
    sku: str(product['sku']),
    attributes,
    terms: onDemand ? { OnDemand: onDemand } : {},
  };
  const publicationDate = str(value['publicationDate']);
  if (publicationDate) item.publicationDate = publicationDate;
  const version = str(value['version']);
  if (version) item.version = version;
  return item;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PriceListParseError(`PriceList item is not valid JSON: ${(error as Error).message}`);
  }
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** `2022-11-21T18:21:30Z` → `2022-11-21`; anything unparsable → ''. */
export function isoDay(value: string | undefined): string {
  if (!value) return '';
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return match?.[1] ?? '';
}

function rangeStart(dimension: PriceDimension): number {
  const n = Number(dimension.beginRange ?? '0');
  return Number.isFinite(n) ? n : 0;
}

/**
 * The on-demand USD price of an item, or null when it has no on-demand term or no USD price.
 *
 * Tiers: a dimension list like "first 2,200 h free, then $0.01025" is ordered by `beginRange`
 * and the first tier with a non-zero price wins — the steady-state rate a long-running workload
 * pays. An item whose only price is $0 returns `usd: 0` so the caller can decide (metering SKUs).
 */
export function onDemandPrice(item: PriceListItem): OnDemandPrice | null {
  const terms = item.terms.OnDemand;
  if (!terms) return null;
  const entries = Object.entries(terms);
  const chosen =
    entries.find(([key, term]) => term.offerTermCode === ON_DEMAND_TERM_CODE || key.endsWith(`.${ON_DEMAND_TERM_CODE}`)) ??
    (entries.length === 1 ? entries[0] : undefined);
  if (!chosen) return null;
  const term = chosen[1];
  const dimensions = Object.values(isRecord(term.priceDimensions) ? term.priceDimensions : {})
    .filter((d): d is PriceDimension => isRecord(d))
    .map((d) => ({ d, usd: Number(d.pricePerUnit?.['USD']) }))
    .filter((x) => typeof x.d.pricePerUnit?.['USD'] === 'string' && Number.isFinite(x.usd) && x.usd >= 0)
    .sort((a, b) => rangeStart(a.d) - rangeStart(b.d));
  if (dimensions.length === 0) return null;
  const pick = dimensions.find((x) => x.usd > 0) ?? dimensions[0]!;
  return {
    usd: pick.usd,
    unit: pick.d.unit ?? '',
    description: pick.d.description ?? '',
    asOf: isoDay(item.publicationDate) || isoDay(term.effectiveDate),
    tiered: dimensions.length > 1,
  };
}

/** Strips a region prefix such as `USE1-`, `EU-`, `APN1-`, `UGW1-` from a usage type. */
export function usageTypeSuffix(usageType: string): string {
  return usageType.replace(/^[A-Z]{2,5}[0-9]{0,2}-(?=[A-Za-z])/, '');
}

/** Which `RegionPrices` slot a price list item fills, if any. */
export type PriceSlot =
  | {
      kind: 'fargate';
      family: 'linuxX86' | 'linuxArm' | 'windows' | 'spotX86' | 'spotArm';
      dimension: 'vcpuHour' | 'gbHour' | 'osLicenseVcpuHour';
    }
  | { kind: 'fargateStorage' }
  | { kind: 'eksControlPlane' }
  | { kind: 'eksExtendedSupport' }
  | { kind: 'eksAutoMode'; instanceType: string }
  | { kind: 'ecsManagedInstances'; instanceType: string }
  | { kind: 'ec2'; instanceType: string };

const FARGATE_SUFFIXES: Record<string, PriceSlot> = {
  'Fargate-vCPU-Hours:perCPU': { kind: 'fargate', family: 'linuxX86', dimension: 'vcpuHour' },
  'Fargate-GB-Hours': { kind: 'fargate', family: 'linuxX86', dimension: 'gbHour' },
  'Fargate-ARM-vCPU-Hours:perCPU': { kind: 'fargate', family: 'linuxArm', dimension: 'vcpuHour' },
  'Fargate-ARM-GB-Hours': { kind: 'fargate', family: 'linuxArm', dimension: 'gbHour' },
  'Fargate-Windows-vCPU-Hours:perCPU': { kind: 'fargate', family: 'windows', dimension: 'vcpuHour' },
  'Fargate-Windows-GB-Hours': { kind: 'fargate', family: 'windows', dimension: 'gbHour' },
  'Fargate-Windows-OS-Hours:perCPU': { kind: 'fargate', family: 'windows', dimension: 'osLicenseVcpuHour' },
  'Fargate-EphemeralStorage-GB-Hours': { kind: 'fargateStorage' },
  // Spot is normally absent from the price list (AWS publishes it in a separate feed); map it if present.
  'SpotUsage-Fargate-vCPU-Hours:perCPU': { kind: 'fargate', family: 'spotX86', dimension: 'vcpuHour' },
  'SpotUsage-Fargate-GB-Hours': { kind: 'fargate', family: 'spotX86', dimension: 'gbHour' },
  'SpotUsage-Fargate-ARM-vCPU-Hours:perCPU': { kind: 'fargate', family: 'spotArm', dimension: 'vcpuHour' },
  'SpotUsage-Fargate-ARM-GB-Hours': { kind: 'fargate', family: 'spotArm', dimension: 'gbHour' },
};

function attr(item: PriceListItem, ...names: string[]): string {
  for (const name of names) {
    const v = item.attributes[name];
    if (v) return v;
  }
  return '';
}

/** Maps one item to the slot it prices, or null when it is not something this tool uses. */
export function classifyItem(item: PriceListItem): PriceSlot | null {
  const usageType = item.attributes['usagetype'] ?? '';
  const suffix = usageTypeSuffix(usageType);
  switch (item.serviceCode) {
    case 'AmazonECS': {
      const slot = FARGATE_SUFFIXES[suffix];
      if (slot) return slot;
      // ECS Managed Instances: a per-instance-type management fee. Its exact usage type is not
      // documented in our sources, so recognise it by name and require an instance type.
      const instanceType = attr(item, 'instanceType', 'instancetype');
      const label = `${usageType} ${item.attributes['operation'] ?? ''} ${item.productFamily}`;
      if (instanceType && /managed[\s-]?instance/i.test(label)) return { kind: 'ecsManagedInstances', instanceType };
      return null;
    }
    case 'AmazonEKS': {
      if (suffix === 'AmazonEKS-Hours:perCluster') return { kind: 'eksControlPlane' };
      if (suffix === 'AmazonEKS-Hours:extendedSupport') return { kind: 'eksExtendedSupport' };
      const instanceType = attr(item, 'instancetype', 'instanceType');
      if (item.attributes['operation'] === 'EKSAutoUsage' && instanceType) return { kind: 'eksAutoMode', instanceType };
      return null;
    }
    case 'AmazonEC2': {
      const box = /^BoxUsage:(.+)$/.exec(suffix);
      if (!box) return null;
      const a = item.attributes;
      // Linux (`RunInstances`, no licence-included software), shared tenancy, used capacity.
      if (a['operatingSystem'] !== undefined && a['operatingSystem'] !== 'Linux') return null;
      if (a['tenancy'] !== undefined && a['tenancy'] !== 'Shared') return null;
      if (a['capacitystatus'] !== undefined && a['capacitystatus'] !== 'Used') return null;
      if (a['preInstalledSw'] !== undefined && a['preInstalledSw'] !== 'NA') return null;
      if (a['operation'] !== undefined && a['operation'] !== 'RunInstances') return null;
      const instanceType = a['instanceType'] || box[1]!;
      return { kind: 'ec2', instanceType };
    }
    default:
      return null;
  }
}

export interface ParsedPriceList {
  prices: RegionPrices;
  /** Things a user may want to know (partial rate pairs, conflicting duplicates, bad items). */
  warnings: string[];
  /** Items that filled a slot. */
  mapped: number;
  /** Items ignored: other products, other regions, $0 or no on-demand price. */
  skipped: number;
}

export function emptyRegionPrices(region: string): RegionPrices {
  return { region, fargate: {}, eks: {}, ecs: {}, ec2: { onDemandHour: {} } };
}

type FargateFamily = 'linuxX86' | 'linuxArm' | 'windows' | 'spotX86' | 'spotArm';
type Partial3 = { vcpuHour?: SourcedPrice; gbHour?: SourcedPrice; osLicenseVcpuHour?: SourcedPrice };

/**
 * Parses `PriceList` items (any mix of services) for one region into a `RegionPrices`.
 * Items whose `regionCode` names another region are skipped; items without one (price lists
 * before 2021) are trusted to be for `region`, since every live query filters on it. A rate pair (vCPU + GB) is only
 * set when both halves were found; Windows also needs its OS licence rate.
 *
 * `extendedSupportHour` is the *total* per cluster-hour on extended support (standard fee plus
 * the `AmazonEKS-Hours:extendedSupport` surcharge), matching how the snapshot states it ($0.60).
 */
export function parsePriceList(region: string, items: readonly unknown[], source = 'live'): ParsedPriceList {
  const prices = emptyRegionPrices(region);
  const warnings: string[] = [];
  let mapped = 0;
  let skipped = 0;
  let badItems = 0;
  const fargate: Partial<Record<FargateFamily, Partial3>> = {};
  let extendedSurcharge: SourcedPrice | undefined;

  const conflicts: string[] = [];
  const set = <K extends string>(bag: Partial<Record<K, SourcedPrice>>, key: K, price: SourcedPrice, what: string): void => {
    const existing = bag[key];
    if (existing && existing.usd !== price.usd) {
      // Two SKUs for one slot: keep the newer publication (the first on a tie), and report it.
      conflicts.push(`${what} ${existing.usd} vs ${price.usd}`);
      if (existing.asOf >= price.asOf) return;
    }
    bag[key] = price;
  };

  for (const raw of items) {
    let item: PriceListItem;
    try {
      item = decodePriceListItem(raw);
    } catch {
      badItems += 1;
      continue;
    }
    const itemRegion = item.attributes['regionCode'];
    if (itemRegion && itemRegion !== region) {
      skipped += 1;
      continue;
    }
    const slot = classifyItem(item);
    const price = slot ? onDemandPrice(item) : null;
    if (!slot || !price || price.usd <= 0) {
      skipped += 1;
      continue;
    }
    const sourced: SourcedPrice = { usd: price.usd, source, asOf: price.asOf };
    mapped += 1;
    switch (slot.kind) {
      case 'fargate': {
        const bag = (fargate[slot.family] ??= {});
        set(bag, slot.dimension, sourced, `Fargate ${slot.family} ${slot.dimension}`);
        break;
      }
      case 'fargateStorage':
        set(prices.fargate, 'ephemeralStorageGbHour', sourced, 'Fargate ephemeral storage');
        break;
      case 'eksControlPlane':
        set(prices.eks, 'controlPlaneHour', sourced, 'EKS control plane');
        break;
      case 'eksExtendedSupport':
        extendedSurcharge = sourced;
        break;
      case 'eksAutoMode':
        set((prices.eks.autoModeFee ??= {}), slot.instanceType, sourced, `EKS Auto Mode fee ${slot.instanceType}`);
        break;
      case 'ecsManagedInstances':
        set((prices.ecs.managedInstancesFee ??= {}), slot.instanceType, sourced, `ECS Managed Instances fee ${slot.instanceType}`);
        break;
      case 'ec2':
        set(prices.ec2.onDemandHour, slot.instanceType, sourced, `EC2 ${slot.instanceType}`);
        break;
    }
  }

  for (const family of ['linuxX86', 'linuxArm', 'spotX86', 'spotArm'] as const) {
    const bag = fargate[family];
    if (!bag) continue;
    if (bag.vcpuHour && bag.gbHour) {
      const pair: RatePair = { vcpuHour: bag.vcpuHour, gbHour: bag.gbHour };
      prices.fargate[family] = pair;
    } else {
      warnings.push(`Fargate ${family}: found only the ${bag.vcpuHour ? 'vCPU' : 'GB'} rate in the price list; ignoring it`);
    }
  }
  const windows = fargate.windows;
  if (windows) {
    if (windows.vcpuHour && windows.gbHour && windows.osLicenseVcpuHour) {
      prices.fargate.windows = { vcpuHour: windows.vcpuHour, gbHour: windows.gbHour, osLicenseVcpuHour: windows.osLicenseVcpuHour };
    } else {
      warnings.push('Fargate Windows: the price list lacked one of the vCPU, GB or OS-licence rates; ignoring Windows');
    }
  }
  if (extendedSurcharge) {
    const standard = prices.eks.controlPlaneHour;
    if (standard) {
      prices.eks.extendedSupportHour = {
        usd: roundRate(standard.usd + extendedSurcharge.usd),
        source,
        asOf: extendedSurcharge.asOf > standard.asOf ? extendedSurcharge.asOf : standard.asOf,
      };
    } else {
      warnings.push('EKS extended support: surcharge found but no standard control-plane fee; ignoring it');
    }
  }
  if (conflicts.length > 0) {
    const shown = conflicts.slice(0, 3).join('; ');
    const more = conflicts.length > 3 ? ` and ${conflicts.length - 3} more` : '';
    warnings.push(`${conflicts.length} price(s) appeared twice with different values (${shown}${more}); used the newer publication`);
  }
  if (badItems > 0) warnings.push(`${badItems} price list item(s) could not be decoded and were ignored`);
  return { prices, warnings, mapped, skipped: skipped + badItems };
}

/** Removes binary floating-point noise from a sum of two 10-decimal rates. */
function roundRate(usd: number): number {
  return Math.round(usd * 1e10) / 1e10;
}
