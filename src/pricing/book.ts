/**
 * Resolves the prices for one region: the snapshot's region (if any), with cached or live prices
 * on top, and every gap filled by a flagged estimate derived from us-east-1 — never a silent zero.
 */
import type { PriceEstimate } from '../domain/advice.js';
import type { PriceSourceKind } from '../schema/enums.js';
import { roundTo } from './money.js';
import type { PriceBook, PriceSnapshot, RatePair, RegionPrices, SourcedPrice } from '../domain/price-book.js';

export const REFERENCE_REGION = 'us-east-1';

export interface ResolveOptions {
  source?: PriceSourceKind;
  /** Cached or live prices for the region; they win over the snapshot's. */
  overlay?: RegionPrices;
  asOf?: string;
  warnings?: string[];
}

export const refreshFix = (region: string): string => `run \`ecs-or-eks prices refresh --region ${region}\``;

function estimated(base: SourcedPrice, factor: number, reason: string, region: string): SourcedPrice {
  return {
    usd: roundTo(base.usd * factor, 8),
    source: base.source,
    asOf: base.asOf,
    estimate: { reason, fix: refreshFix(region) },
  };
}

function scalePair(pair: RatePair, vcpuFactor: number, gbFactor: number, reason: string, region: string): RatePair {
  return { vcpuHour: estimated(pair.vcpuHour, vcpuFactor, reason, region), gbHour: estimated(pair.gbHour, gbFactor, reason, region) };
}

function emptyRegion(region: string): RegionPrices {
  return { region, fargate: {}, eks: {}, ecs: {}, ec2: { onDemandHour: {} } };
}

function mergeRegion(region: string, base: RegionPrices | undefined, overlay: RegionPrices | undefined): RegionPrices {
  const b = base ?? emptyRegion(region);
  const o = overlay ?? emptyRegion(region);
  const defined = <T extends object>(obj: T): Partial<T> =>
    Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
  const merged: RegionPrices = {
    region,
    fargate: { ...b.fargate, ...defined(o.fargate ?? {}) },
    eks: {
      ...b.eks,
      ...defined({ controlPlaneHour: o.eks?.controlPlaneHour, extendedSupportHour: o.eks?.extendedSupportHour }),
      autoModeFee: { ...(b.eks.autoModeFee ?? {}), ...(o.eks?.autoModeFee ?? {}) },
    },
    ecs: { managedInstancesFee: { ...(b.ecs.managedInstancesFee ?? {}), ...(o.ecs?.managedInstancesFee ?? {}) } },
    ec2: { onDemandHour: { ...b.ec2.onDemandHour, ...(o.ec2?.onDemandHour ?? {}) } },
  };
  const ebs = { ...(b.ebs ?? {}), ...defined(o.ebs ?? {}) };
  if (Object.keys(ebs).length > 0) merged.ebs = ebs;
  const extras = { ...(b.extras ?? {}), ...defined(o.extras ?? {}) };
  if (Object.keys(extras).length > 0) merged.extras = extras;
  return merged;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The regional EC2 price factor against us-east-1: the median ratio of the region's sourced EC2
 * rows when it has some, else the ratio of its Fargate x86 vCPU rate, else 1.
 */
export function ec2RegionFactor(prices: RegionPrices, reference: RegionPrices): { factor: number; basis: string } {
  const ratios: number[] = [];
  for (const [type, price] of Object.entries(prices.ec2.onDemandHour)) {
    const ref = reference.ec2.onDemandHour[type];
    if (ref && !price.estimate && ref.usd > 0) ratios.push(price.usd / ref.usd);
  }
  if (ratios.length > 0 && prices.region !== reference.region) {
    return {
      factor: roundTo(median(ratios), 4),
      basis: `the median ratio of the ${ratios.length} EC2 prices the snapshot has for ${prices.region}`,
    };
  }
  const fx = prices.fargate.linuxX86;
  const rx = reference.fargate.linuxX86;
  if (fx && rx && !fx.vcpuHour.estimate) {
    return { factor: roundTo(fx.vcpuHour.usd / rx.vcpuHour.usd, 4), basis: `the region's Fargate x86 vCPU price ratio` };
  }
  return { factor: 1, basis: 'no regional data at all (us-east-1 prices, unscaled)' };
}

export function resolvePriceBook(snapshot: PriceSnapshot, region: string, opts: ResolveOptions = {}): PriceBook {
  const reference = snapshot.regions[REFERENCE_REGION];
  if (!reference) throw new Error(`the price snapshot has no ${REFERENCE_REGION} prices to estimate from`);
  const known = snapshot.regions[region];
  const prices = mergeRegion(region, known, opts.overlay);
  const estimates: PriceEstimate[] = [];
  const fix = refreshFix(region);

  if (!known && !opts.overlay) {
    estimates.push({
      item: `all prices in ${region}`,
      reason: `the bundled snapshot has no prices for ${region}; every price is a us-east-1 price (scaled where a ratio is known) and marked as an estimate`,
      fix,
    });
  }

  const ref = reference.fargate;
  // Fargate Linux/x86.
  if (!prices.fargate.linuxX86 && ref.linuxX86) {
    prices.fargate.linuxX86 = scalePair(
      ref.linuxX86,
      1,
      1,
      `no Fargate x86 rate for ${region} in the snapshot; using the us-east-1 rate`,
      region,
    );
  }
  const x86 = prices.fargate.linuxX86;
  const vcpuFactor = x86 && ref.linuxX86 ? x86.vcpuHour.usd / ref.linuxX86.vcpuHour.usd : 1;
  const gbFactor = x86 && ref.linuxX86 ? x86.gbHour.usd / ref.linuxX86.gbHour.usd : 1;
  // Fargate ARM: x86 × the sourced us-east-1 ARM/x86 ratio.
  if (!prices.fargate.linuxArm && x86 && ref.linuxArm && ref.linuxX86) {
    const rv = ref.linuxArm.vcpuHour.usd / ref.linuxX86.vcpuHour.usd;
    const rg = ref.linuxArm.gbHour.usd / ref.linuxX86.gbHour.usd;
    const reason = `no Fargate ARM rate for ${region} in the snapshot; estimated as the region's x86 rate × the us-east-1 ARM/x86 ratio (${roundTo(rv, 4)} vCPU, ${roundTo(rg, 4)} GB)`;
    prices.fargate.linuxArm = {
      vcpuHour: { ...estimated(x86.vcpuHour, rv, reason, region) },
      gbHour: { ...estimated(x86.gbHour, rg, reason, region) },
    };
  }
  // Fargate Windows: us-east-1 × the region's x86 ratio (the OS licence is a flat per-vCPU rate).
  if (!prices.fargate.windows && ref.windows) {
    const reason = `no Fargate Windows rate for ${region} in the snapshot; estimated from us-east-1 × the region's Fargate x86 price ratio`;
    prices.fargate.windows = {
      vcpuHour: estimated(ref.windows.vcpuHour, vcpuFactor, reason, region),
      gbHour: estimated(ref.windows.gbHour, gbFactor, reason, region),
      osLicenseVcpuHour: estimated(ref.windows.osLicenseVcpuHour, 1, reason, region),
    };
  }
  if (!prices.fargate.ephemeralStorageGbHour && ref.ephemeralStorageGbHour) {
    prices.fargate.ephemeralStorageGbHour = estimated(
      ref.ephemeralStorageGbHour,
      gbFactor,
      `no Fargate ephemeral-storage rate for ${region} in the snapshot; estimated from us-east-1 × the region's Fargate GB price ratio`,
      region,
    );
  }
  // EKS: $0.10 / $0.60 per cluster-hour wherever a source states it; assumed the same elsewhere.
  if (!prices.eks.controlPlaneHour && reference.eks.controlPlaneHour) {
    prices.eks.controlPlaneHour = estimated(
      reference.eks.controlPlaneHour,
      1,
      `no EKS control-plane price for ${region} in the snapshot; assumed equal to us-east-1 (it is $0.10 in every region the sources cover)`,
      region,
    );
  }
  if (!prices.eks.extendedSupportHour && reference.eks.extendedSupportHour) {
    prices.eks.extendedSupportHour = estimated(
      reference.eks.extendedSupportHour,
      1,
      `no EKS extended-support price for ${region} in the snapshot; assumed equal to us-east-1`,
      region,
    );
  }
  // EC2: every us-east-1 type the region lacks, scaled.
  const { factor, basis } = ec2RegionFactor(prices, reference);
  let scaled = 0;
  if (region !== REFERENCE_REGION) {
    const reason = `no EC2 price for this type in ${region} in the snapshot; estimated as the us-east-1 price × ${factor} (${basis})`;
    for (const [type, price] of Object.entries(reference.ec2.onDemandHour)) {
      if (prices.ec2.onDemandHour[type]) continue;
      prices.ec2.onDemandHour[type] = estimated(price, factor, reason, region);
      scaled++;
    }
  }
  if (scaled > 0 && known) {
    estimates.push({
      item: `EC2 on-demand prices in ${region}`,
      reason: `the snapshot has EC2 prices for us-east-1 only (plus ${Object.keys(known.ec2.onDemandHour).length} sourced rows here); ${scaled} types are estimated as us-east-1 × ${factor} (${basis})`,
      fix,
    });
  }
  // Networking extras.
  const refExtras = reference.extras ?? {};
  const extras = { ...(prices.extras ?? {}) };
  const extraReason = `no price for this networking item in ${region} in the snapshot; estimated as us-east-1 × ${factor} (${basis})`;
  if (!extras.natGatewayHour && refExtras.natGatewayHour)
    extras.natGatewayHour = estimated(refExtras.natGatewayHour, factor, extraReason, region);
  if (!extras.natGatewayGb && refExtras.natGatewayGb) extras.natGatewayGb = estimated(refExtras.natGatewayGb, factor, extraReason, region);
  if (!extras.publicIpv4Hour && refExtras.publicIpv4Hour) {
    extras.publicIpv4Hour = estimated(
      refExtras.publicIpv4Hour,
      1,
      `no public IPv4 price for ${region} in the snapshot; assumed equal to us-east-1 ($0.005/h in every region the sources cover)`,
      region,
    );
  }
  if (Object.keys(extras).length > 0) prices.extras = extras;
  // EBS volumes: the region's sourced rate, else us-east-1 × the regional factor.
  const refEbs = reference.ebs ?? {};
  const ebs = { ...(prices.ebs ?? {}) };
  if (!ebs.gp3GbMonth && refEbs.gp3GbMonth) {
    ebs.gp3GbMonth = estimated(
      refEbs.gp3GbMonth,
      factor,
      `no EBS gp3 price for ${region} in the snapshot; estimated as us-east-1 × ${factor} (${basis})`,
      region,
    );
  }
  if (!ebs.gp2GbMonth && refEbs.gp2GbMonth) {
    // gp2 is sourced for us-east-1 only: scale it by the region's own gp3 ratio when that is sourced.
    const gp3 = ebs.gp3GbMonth;
    const ratio = gp3 && !gp3.estimate && refEbs.gp3GbMonth ? gp3.usd / refEbs.gp3GbMonth.usd : factor;
    ebs.gp2GbMonth = estimated(
      refEbs.gp2GbMonth,
      roundTo(ratio, 4),
      `no EBS gp2 price for ${region} in the snapshot; estimated as us-east-1 × ${roundTo(ratio, 4)} (the region's gp3 ratio)`,
      region,
    );
  }
  if (Object.keys(ebs).length > 0) prices.ebs = ebs;

  return {
    source: opts.source ?? 'snapshot',
    asOf: opts.asOf ?? snapshot.asOf,
    region,
    snapshot,
    prices,
    estimates,
    warnings: [...(opts.warnings ?? [])],
  };
}
