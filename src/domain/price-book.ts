/**
 * The price data model shared by the bundled snapshot, the price cache and the live Price List
 * fetcher. Every number carries where it came from; a number the tool had to derive is an estimate
 * and says so. Pricing code never reads files: the CLI edge loads a snapshot/cache and hands the
 * resolved `PriceBook` to the pure core.
 */
import type { PriceSourceKind } from '../schema/enums.js';
import type { PriceEstimate } from './advice.js';

/** A sourced price in USD. `source` is a key of `PriceSnapshot.sources` (or `live`/`cache`). */
export interface SourcedPrice {
  usd: number;
  source: string;
  /** Date of the price data (publication or effective date), ISO `YYYY-MM-DD` where known. */
  asOf: string;
  /** Present when the number is derived rather than quoted; says why and how to get an exact one. */
  estimate?: { reason: string; fix: string };
}

export interface RatePair {
  vcpuHour: SourcedPrice;
  gbHour: SourcedPrice;
}

/** Prices for one region. Missing entries mean "not known" — never zero. */
export interface RegionPrices {
  region: string;
  fargate: {
    linuxX86?: RatePair;
    linuxArm?: RatePair;
    windows?: RatePair & { osLicenseVcpuHour: SourcedPrice };
    ephemeralStorageGbHour?: SourcedPrice;
    spotX86?: RatePair;
    spotArm?: RatePair;
  };
  eks: {
    controlPlaneHour?: SourcedPrice;
    extendedSupportHour?: SourcedPrice;
    /** Auto Mode management fee per instance type, per instance-hour. */
    autoModeFee?: Record<string, SourcedPrice>;
  };
  ecs: {
    /** ECS Managed Instances management fee per instance type, per instance-hour. */
    managedInstancesFee?: Record<string, SourcedPrice>;
  };
  ec2: {
    /** Linux, shared tenancy, on-demand, per instance-hour. */
    onDemandHour: Record<string, SourcedPrice>;
  };
  /** EBS volumes per GB-month: node root and data volumes on the EC2-backed options. */
  ebs?: {
    gp3GbMonth?: SourcedPrice;
    gp2GbMonth?: SourcedPrice;
  };
  /** Networking prices: NAT gateways and public IPv4 (per task or node where they differ by option, or in `cost.extras`). */
  extras?: {
    natGatewayHour?: SourcedPrice;
    /** NAT gateway data processing, per GB. */
    natGatewayGb?: SourcedPrice;
    /** In-use public IPv4 address, per hour. */
    publicIpv4Hour?: SourcedPrice;
  };
}

/** The shape of one EC2 instance type, as the bin-packer needs it. */
export interface InstanceShape {
  instanceType: string;
  family: string;
  generation: number;
  arch: 'amd64' | 'arm64';
  vcpu: number;
  memoryMiB: number;
  gpus: number;
  gpuName: string | null;
  burstable: boolean;
  eksAllocatable: { cpuMillicores: number; memoryMiB: number; pods: number };
  vpc: { interfaces: number; ipv4PerInterface: number; trunking: boolean; branchInterfaces: number; bareMetal: boolean };
  /**
   * ECS `awsvpc` tasks per instance, without and with ENI trunking: from the ECS trunking table, estimated
   * from the same size of an older sibling family the table lists, or ENIs − 1 where trunking is unsupported.
   */
  ecsAwsvpcTasks: { withoutTrunking: number; withTrunking: number | null; basis: 'table' | 'estimate' | 'no-trunking'; from?: string };
}

export interface SourceInfo {
  title: string;
  kind: string;
  url?: string;
  repo?: string;
  path?: string;
  commit?: string;
  date?: string;
  note?: string;
}

/** The bundled snapshot (`data/price-snapshot.json`), produced by `scripts/build-snapshot.mjs`. */
export interface PriceSnapshot {
  schemaVersion: 1;
  /** The newest price date in the snapshot. */
  asOf: string;
  generatedFrom: string[];
  sources: Record<string, SourceInfo>;
  instances: InstanceShape[];
  /** Documented assumptions the model uses where AWS publishes no per-item price. */
  defaults: {
    ec2SpotDiscountPercent: SourcedPrice;
    fargateSpotDiscountPercent: SourcedPrice;
    autoModeFeeRatio: SourcedPrice;
    managedInstancesFeeRatio: SourcedPrice;
    linuxMinimumSeconds: SourcedPrice;
    windowsMinimumSeconds: SourcedPrice;
    /** Windows Server licence on EC2, per vCPU-hour, on top of the Linux price (non-burstable types). */
    ec2WindowsLicenceVcpuHour: SourcedPrice;
    /** The same for burstable (T) types, whose Windows premium is much smaller. */
    ec2WindowsBurstableLicenceVcpuHour: SourcedPrice;
  };
  regions: Record<string, RegionPrices>;
}

/** What `prices refresh` stores per region (`<cache>/prices-<region>.json`). */
export interface PriceCacheEntry {
  schemaVersion: 1;
  region: string;
  /** ISO timestamp of the fetch. */
  fetchedAt: string;
  prices: RegionPrices;
}

/** Everything the pure core needs to price one workload in one region. */
export interface PriceBook {
  source: PriceSourceKind;
  asOf: string;
  region: string;
  snapshot: PriceSnapshot;
  prices: RegionPrices;
  /** Region-level estimates (e.g. EC2 prices scaled from us-east-1) and their reasons. */
  estimates: PriceEstimate[];
  /** E.g. a stale cache or a failed live fetch that fell back. */
  warnings: string[];
}
