/**
 * A Price List catalog for the mock server: the real items of `fixtures/` plus synthetic items
 * built in exactly the same shape for what no real sample exists (their SKUs start `SYNTH`).
 * Prices are the reference figures of `pricing-facts.md` (us-east-1) or plausible ones (eu-west-1).
 */
import { readFileSync } from 'node:fs';

export type PriceListObject = Record<string, unknown>;
/** serviceCode → decoded PriceList items (the server JSON-encodes them on the wire). */
export type Catalog = Record<string, PriceListObject[]>;

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

/** The 5 verbatim AmazonECS us-east-1 strings (2022-11-21). */
export function realEcsStrings(): string[] {
  return fixture('amazonecs-fargate-us-east-1-getproducts-2022-11.json')['PriceList'] as string[];
}

/** The verbatim AmazonEC2 m5.large us-east-1 item (2020-07-09), decoded. */
export function realEc2M5Large(): PriceListObject {
  return fixture('amazonec2-m5.large-us-east-1-2020-07.json')['PriceListEntryDecoded'] as PriceListObject;
}

/** AWS's own GetProducts example (an EBS item in ca-central-1). */
export function botocoreExample(): { input: Record<string, unknown>; output: { PriceList: string[]; NextToken: string } } {
  return fixture('botocore-getproducts-example.json') as unknown as {
    input: Record<string, unknown>;
    output: { PriceList: string[]; NextToken: string };
  };
}

let skuCounter = 0;

export interface ItemSpec {
  serviceCode: string;
  productFamily: string;
  attributes: Record<string, string>;
  /** One price, or tiers `[beginRange, endRange, usd]`. */
  usd: number | Array<[string, string, number]>;
  unit: string;
  description: string;
  publicationDate?: string;
  effectiveDate?: string;
}

/** A PriceList item of the real shape (product, serviceCode, terms.OnDemand[sku.JRTCKXETXF] …). */
export function priceListItem(spec: ItemSpec): PriceListObject {
  skuCounter += 1;
  const sku = `SYNTH${String(skuCounter).padStart(11, '0')}`;
  const term = `${sku}.JRTCKXETXF`;
  const tiers = typeof spec.usd === 'number' ? [['0', 'Inf', spec.usd] as [string, string, number]] : spec.usd;
  const priceDimensions: Record<string, unknown> = {};
  tiers.forEach(([beginRange, endRange, usd], i) => {
    const rateCode = `${term}.${['6YS6EN2CT7', 'PGHJ3S3EYE', 'Q7UJUT2CE6'][i] ?? `RATE${i}`}`;
    priceDimensions[rateCode] = {
      unit: spec.unit,
      endRange,
      description: spec.description,
      appliesTo: [],
      rateCode,
      beginRange,
      pricePerUnit: { USD: usd.toFixed(10) },
    };
  });
  const publicationDate = spec.publicationDate ?? '2026-09-11T18:21:30Z';
  return {
    product: { productFamily: spec.productFamily, attributes: { ...spec.attributes, servicecode: spec.serviceCode }, sku },
    serviceCode: spec.serviceCode,
    terms: {
      OnDemand: {
        [term]: {
          priceDimensions,
          sku,
          effectiveDate: spec.effectiveDate ?? '2026-09-01T00:00:00Z',
          offerTermCode: 'JRTCKXETXF',
          termAttributes: {},
        },
      },
    },
    version: publicationDate.replace(/\D/g, '').slice(0, 14),
    publicationDate,
  };
}

const LOCATIONS: Record<string, { prefix: string; location: string; ec2Prefix: string }> = {
  'us-east-1': { prefix: 'USE1', location: 'US East (N. Virginia)', ec2Prefix: '' },
  'eu-west-1': { prefix: 'EU', location: 'EU (Ireland)', ec2Prefix: 'EU-' },
  'ap-northeast-1': { prefix: 'APN1', location: 'Asia Pacific (Tokyo)', ec2Prefix: 'APN1-' },
};

interface RegionFigures {
  fargate: { x86: [number, number]; arm: [number, number]; windows: [number, number, number]; storage: number };
  eks: { standard: number; extendedSurcharge: number; autoMode: Record<string, number> };
  ec2: Record<string, number>;
}

const FIGURES: Record<string, RegionFigures> = {
  'us-east-1': {
    fargate: { x86: [0.04048, 0.004445], arm: [0.03238, 0.00356], windows: [0.09148, 0.01005, 0.046], storage: 0.000111 },
    eks: { standard: 0.1, extendedSurcharge: 0.5, autoMode: { 'm5.large': 0.01152, 'c6a.2xlarge': 0.03672 } },
    ec2: { 'm5.large': 0.096, 'c6a.2xlarge': 0.306, 't3.medium': 0.0416, 'm7g.large': 0.0816 },
  },
  'eu-west-1': {
    fargate: { x86: [0.04048, 0.004445], arm: [0.03238, 0.00356], windows: [0.09148, 0.01005, 0.046], storage: 0.000111 },
    eks: { standard: 0.1, extendedSurcharge: 0.5, autoMode: { 'm5.large': 0.01284 } },
    ec2: { 'm5.large': 0.107, 't3.medium': 0.0456 },
  },
  'ap-northeast-1': {
    fargate: { x86: [0.05056, 0.00553], arm: [0.04045, 0.00442], windows: [0.1, 0.011, 0.046], storage: 0.000133 },
    eks: { standard: 0.1, extendedSurcharge: 0.5, autoMode: {} },
    ec2: { 'm5.large': 0.124 },
  },
};

function ecsItems(region: string): PriceListObject[] {
  const { prefix, location } = LOCATIONS[region]!;
  const f = FIGURES[region]!.fargate;
  const common = {
    regionCode: region,
    locationType: 'AWS Region',
    location,
    servicename: 'Amazon Elastic Container Service',
    operation: '',
  };
  const fargate = (usagetype: string, usd: number, extra: Record<string, string>, unit = 'hours'): PriceListObject =>
    priceListItem({
      serviceCode: 'AmazonECS',
      productFamily: 'Compute',
      attributes: { ...common, tenancy: 'Shared', usagetype: `${prefix}-${usagetype}`, ...extra },
      usd,
      unit,
      description: `AWS Fargate - ${usagetype} - ${location}`,
    });
  const items: PriceListObject[] = [];
  if (region === 'us-east-1') {
    // Real: x86 vCPU, ARM vCPU, ephemeral storage, Windows OS licence, ECS-on-EC2 $0 metering.
    items.push(...realEcsStrings().map((s) => JSON.parse(s) as PriceListObject));
  } else {
    items.push(
      fargate('Fargate-vCPU-Hours:perCPU', f.x86[0], { cputype: 'perCPU' }),
      fargate('Fargate-ARM-vCPU-Hours:perCPU', f.arm[0], { cputype: 'perCPU', cpuArchitecture: 'ARM' }),
      fargate('Fargate-EphemeralStorage-GB-Hours', f.storage, { storagetype: 'default' }, 'GB-Hours'),
      fargate('Fargate-Windows-OS-Hours:perCPU', f.windows[2], { cputype: 'perCPU OS License Fee', operatingSystem: 'Windows' }),
    );
  }
  items.push(
    fargate('Fargate-GB-Hours', f.x86[1], { memorytype: 'perGB' }),
    fargate('Fargate-ARM-GB-Hours', f.arm[1], { memorytype: 'perGB', cpuArchitecture: 'ARM' }),
    fargate('Fargate-Windows-vCPU-Hours:perCPU', f.windows[0], { cputype: 'perCPU', operatingSystem: 'Windows' }),
    fargate('Fargate-Windows-GB-Hours', f.windows[1], { memorytype: 'perGB', operatingSystem: 'Windows' }),
    // ECS Anywhere "With Free": a tiered SKU, first 2,200 h free.
    priceListItem({
      serviceCode: 'AmazonECS',
      productFamily: 'Compute',
      attributes: { ...common, usagetype: `${prefix}-ECS-Anywhere-Instance-hours-With-Free` },
      usd: [
        ['0', '2200', 0],
        ['2200', 'Inf', 0.01025],
      ],
      unit: 'hours',
      description: 'ECS Anywhere instance hours',
    }),
    // ECS Managed Instances management fee (shape not documented; named and typed).
    priceListItem({
      serviceCode: 'AmazonECS',
      productFamily: 'Compute',
      attributes: {
        ...common,
        usagetype: `${prefix}-ECS-ManagedInstances:m5.large`,
        operation: 'ECSManagedInstances',
        instanceType: 'm5.large',
      },
      usd: 0.01152,
      unit: 'hours',
      description: 'ECS Managed Instances management fee m5.large',
    }),
  );
  return items;
}

function eksItems(region: string): PriceListObject[] {
  const { prefix, location } = LOCATIONS[region]!;
  const e = FIGURES[region]!.eks;
  const common = {
    regionCode: region,
    locationType: 'AWS Region',
    location,
    servicename: 'Amazon Elastic Container Service for Kubernetes',
  };
  const eks = (usagetype: string, operation: string, usd: number, extra: Record<string, string> = {}): PriceListObject =>
    priceListItem({
      serviceCode: 'AmazonEKS',
      productFamily: 'Compute',
      attributes: { ...common, usagetype: `${prefix}-${usagetype}`, operation, ...extra },
      usd,
      unit: 'Hours',
      description: `Amazon EKS ${usagetype} ${location}`,
    });
  return [
    eks('AmazonEKS-Hours:perCluster', 'CreateOperation', e.standard, { tenancy: 'Shared' }),
    eks('AmazonEKS-Hours:extendedSupport', 'ExtendedSupport', e.extendedSurcharge, { tenancy: 'Shared' }),
    eks('AmazonEKS-Hours-Outposts:perCluster', 'CreateOperation', 0.1, { tenancy: 'Shared' }),
    eks('AmazonEKS-HybridNodes-vCPU-Hours', 'HybridNodesUsage', 0.02),
    ...Object.entries(e.autoMode).map(([type, usd]) =>
      eks(`AutoMode-Usage:${type}`, 'EKSAutoUsage', usd, { instancetype: type, eksproducttype: 'AutoMode' }),
    ),
  ];
}

function ec2Items(region: string): PriceListObject[] {
  const { ec2Prefix, location } = LOCATIONS[region]!;
  const items: PriceListObject[] = [];
  const linux = (type: string, usd: number, over: Record<string, string> = {}, usagePrefix = 'BoxUsage'): PriceListObject =>
    priceListItem({
      serviceCode: 'AmazonEC2',
      productFamily: 'Compute Instance',
      attributes: {
        regionCode: region,
        location,
        locationType: 'AWS Region',
        instanceType: type,
        operatingSystem: 'Linux',
        tenancy: 'Shared',
        capacitystatus: 'Used',
        preInstalledSw: 'NA',
        licenseModel: 'No License required',
        operation: 'RunInstances',
        usagetype: `${ec2Prefix}${usagePrefix}:${type}`,
        marketoption: 'OnDemand',
        ...over,
      },
      usd,
      unit: 'Hrs',
      description: `$${usd} per On Demand Linux ${type} Instance Hour`,
    });
  for (const [type, usd] of Object.entries(FIGURES[region]!.ec2)) {
    if (region === 'us-east-1' && type === 'm5.large') {
      // The real 2020 item predates the `regionCode` attribute that every live query filters on.
      const real = realEc2M5Large();
      const product = real['product'] as { attributes: Record<string, string> };
      product.attributes = { ...product.attributes, regionCode: region };
      items.push(real);
    } else items.push(linux(type, usd));
  }
  // Enough further types that a region-wide answer counts as complete (MIN_REGION_EC2_TYPES).
  for (const [type, usd] of fillerEc2(region)) items.push(linux(type, usd));
  const first = Object.keys(FIGURES[region]!.ec2)[0]!;
  // Look-alikes the filters (server side) and the parser (client side) must both reject.
  items.push(linux(first, 0.188, { operatingSystem: 'Windows', operation: 'RunInstances:0002' }));
  items.push(linux(first, 0.096, { capacitystatus: 'UnusedCapacityReservation' }, 'UnusedBox'));
  items.push(linux(first, 0.5, { tenancy: 'Dedicated' }, 'DedicatedUsage'));
  return items;
}

/** The regional price level against us-east-1 used for the filler types. */
const REGION_FACTOR: Record<string, number> = { 'us-east-1': 1, 'eu-west-1': 1.11, 'ap-northeast-1': 1.29 };
export const FILLER_EC2_TYPES = 24;

/**
 * Region-wide EC2 answers hold more than the few hand-picked types: the first `FILLER_EC2_TYPES`
 * non-GPU types the snapshot prices in us-east-1 (and that FIGURES does not already set), at the
 * snapshot's price × the region's factor.
 */
function fillerEc2(region: string): Array<[string, number]> {
  const snapshot = JSON.parse(readFileSync(new URL('../../data/price-snapshot.json', import.meta.url), 'utf8')) as {
    instances: Array<{ instanceType: string; gpus: number }>;
    regions: Record<string, { ec2: { onDemandHour: Record<string, { usd: number }> } }>;
  };
  const prices = snapshot.regions['us-east-1']!.ec2.onDemandHour;
  const taken = new Set(Object.keys(FIGURES[region]!.ec2));
  return snapshot.instances
    .filter((i) => i.gpus === 0 && prices[i.instanceType] && !taken.has(i.instanceType))
    .map((i) => i.instanceType)
    .sort()
    .slice(0, FILLER_EC2_TYPES)
    .map((type) => [type, Math.round(prices[type]!.usd * REGION_FACTOR[region]! * 10000) / 10000]);
}

/** The default catalog: AmazonECS, AmazonEKS and AmazonEC2 items for us-east-1, eu-west-1, ap-northeast-1. */
export function sampleCatalog(): Catalog {
  const regions = Object.keys(LOCATIONS);
  return {
    AmazonECS: regions.flatMap(ecsItems),
    AmazonEKS: regions.flatMap(eksItems),
    AmazonEC2: regions.flatMap(ec2Items),
  };
}
