import { describe, expect, it } from 'vitest';
import {
  classifyItem,
  decodePriceListItem,
  onDemandPrice,
  parsePriceList,
  usageTypeSuffix,
  PriceListParseError,
} from '../../src/pricing/price-list.js';
import { botocoreExample, priceListItem, realEc2M5Large, realEcsStrings, sampleCatalog } from './catalog.js';

describe('decodePriceListItem', () => {
  it('decodes the real JSON-encoded PriceList strings', () => {
    const item = decodePriceListItem(realEcsStrings()[0]);
    expect(item.serviceCode).toBe('AmazonECS');
    expect(item.productFamily).toBe('Compute');
    expect(item.sku).toBe('8CESGAFWKAJ98PME');
    expect(item.attributes['usagetype']).toBe('USE1-Fargate-vCPU-Hours:perCPU');
    expect(item.publicationDate).toBe('2022-11-21T18:21:30Z');
  });

  it('accepts decoded objects, String objects and LazyJsonString-like values', () => {
    const text = realEcsStrings()[0]!;
    const lazy = { deserializeJSON: () => JSON.parse(text) as unknown, toString: () => text };
    for (const raw of [JSON.parse(text) as unknown, new String(text), lazy]) {
      expect(decodePriceListItem(raw).sku).toBe('8CESGAFWKAJ98PME');
    }
  });

  it('rejects garbage with a typed error', () => {
    expect(() => decodePriceListItem('{not json')).toThrow(PriceListParseError);
    expect(() => decodePriceListItem(42)).toThrow(PriceListParseError);
    expect(() => decodePriceListItem('{"terms":{}}')).toThrow(/no "product"/);
  });
});

describe('onDemandPrice', () => {
  it('reads the JRTCKXETXF term of the real EC2 item and ignores Reserved', () => {
    const price = onDemandPrice(decodePriceListItem(realEc2M5Large()));
    expect(price).toEqual({
      usd: 0.096,
      unit: 'Hrs',
      description: '$0.096 per On Demand Linux m5.large Instance Hour',
      asOf: '2020-07-09',
      tiered: false,
    });
  });

  it('returns $0 for a metering SKU so the caller can skip it', () => {
    const price = onDemandPrice(decodePriceListItem(realEcsStrings()[4]));
    expect(price?.usd).toBe(0);
  });

  it('picks the first paid tier of a tiered item, whatever the key order', () => {
    const item = priceListItem({
      serviceCode: 'AmazonECS',
      productFamily: 'Compute',
      attributes: { usagetype: 'USE1-ECS-Anywhere-Instance-hours-With-Free' },
      usd: [
        ['2200', 'Inf', 0.01025],
        ['0', '2200', 0],
      ],
      unit: 'hours',
      description: 'x',
    });
    expect(onDemandPrice(decodePriceListItem(item))).toMatchObject({ usd: 0.01025, tiered: true });
  });

  it('falls back to the effective date when there is no publication date, and handles a missing OnDemand term', () => {
    const item = decodePriceListItem(realEc2M5Large());
    delete item.publicationDate;
    expect(onDemandPrice(item)?.asOf).toBe('2020-07-01');
    expect(onDemandPrice({ ...item, terms: {} })).toBeNull();
  });
});

describe('classifyItem', () => {
  it('matches usage-type suffixes after any region prefix', () => {
    expect(usageTypeSuffix('USE1-Fargate-GB-Hours')).toBe('Fargate-GB-Hours');
    expect(usageTypeSuffix('EU-Fargate-GB-Hours')).toBe('Fargate-GB-Hours');
    expect(usageTypeSuffix('APN2-BoxUsage:t3.medium')).toBe('BoxUsage:t3.medium');
    expect(usageTypeSuffix('BoxUsage:m5.large')).toBe('BoxUsage:m5.large');
    expect(usageTypeSuffix('USE1-SpotUsage-Fargate-GB-Hours')).toBe('SpotUsage-Fargate-GB-Hours');
  });

  it('maps each real AmazonECS sample to its slot', () => {
    const slots = realEcsStrings().map((s) => classifyItem(decodePriceListItem(s)));
    expect(slots).toEqual([
      { kind: 'fargate', family: 'linuxX86', dimension: 'vcpuHour' },
      { kind: 'fargate', family: 'linuxArm', dimension: 'vcpuHour' },
      { kind: 'fargateStorage' },
      { kind: 'fargate', family: 'windows', dimension: 'osLicenseVcpuHour' },
      null,
    ]);
  });

  it('does not take Spot for on-demand', () => {
    const item = decodePriceListItem(realEcsStrings()[0]);
    item.attributes['usagetype'] = 'USE1-SpotUsage-Fargate-vCPU-Hours:perCPU';
    expect(classifyItem(item)).toEqual({ kind: 'fargate', family: 'spotX86', dimension: 'vcpuHour' });
  });

  it('maps the real EC2 item and rejects Windows, reserved-capacity and dedicated look-alikes', () => {
    expect(classifyItem(decodePriceListItem(realEc2M5Large()))).toEqual({ kind: 'ec2', instanceType: 'm5.large' });
    const catalog = sampleCatalog();
    const ec2 = catalog['AmazonEC2']!.map((i) => decodePriceListItem(i)).filter((i) => i.attributes['regionCode'] === 'us-east-1');
    const rejected = ec2.filter((i) => classifyItem(i) === null).map((i) => i.attributes['usagetype']);
    expect(rejected).toEqual(['BoxUsage:m5.large', 'UnusedBox:m5.large', 'DedicatedUsage:m5.large']);
  });

  it('ignores other services (the botocore EBS example)', () => {
    expect(classifyItem(decodePriceListItem(botocoreExample().output.PriceList[0]))).toBeNull();
  });
});

describe('parsePriceList', () => {
  const all = (): unknown[] => Object.values(sampleCatalog()).flat();

  it('builds a RegionPrices for us-east-1 from real and real-shaped items', () => {
    const { prices, warnings, mapped } = parsePriceList('us-east-1', all());
    expect(warnings).toEqual([]);
    expect(mapped).toBeGreaterThan(10);
    expect(prices.region).toBe('us-east-1');
    expect(prices.fargate.linuxX86).toEqual({
      vcpuHour: { usd: 0.04048, source: 'live', asOf: '2022-11-21' },
      gbHour: { usd: 0.004445, source: 'live', asOf: '2026-09-11' },
    });
    expect(prices.fargate.linuxArm?.vcpuHour.usd).toBe(0.03238);
    expect(prices.fargate.linuxArm?.gbHour.usd).toBe(0.00356);
    expect(prices.fargate.windows).toMatchObject({
      vcpuHour: { usd: 0.09148 },
      gbHour: { usd: 0.01005 },
      osLicenseVcpuHour: { usd: 0.046 },
    });
    expect(prices.fargate.ephemeralStorageGbHour?.usd).toBe(0.000111);
    expect(prices.fargate.spotX86).toBeUndefined();
    expect(prices.eks.controlPlaneHour?.usd).toBe(0.1);
    expect(prices.eks.extendedSupportHour?.usd).toBe(0.6);
    expect(prices.eks.autoModeFee).toEqual({
      'm5.large': { usd: 0.01152, source: 'live', asOf: '2026-09-11' },
      'c6a.2xlarge': { usd: 0.03672, source: 'live', asOf: '2026-09-11' },
    });
    expect(prices.ecs.managedInstancesFee?.['m5.large']?.usd).toBe(0.01152);
    expect(prices.ec2.onDemandHour).toMatchObject({
      'm5.large': { usd: 0.096, source: 'live', asOf: '2020-07-09' },
      'c6a.2xlarge': { usd: 0.306, source: 'live', asOf: '2026-09-11' },
      't3.medium': { usd: 0.0416, source: 'live', asOf: '2026-09-11' },
      'm7g.large': { usd: 0.0816, source: 'live', asOf: '2026-09-11' },
    });
  });

  it('keeps to its region (prefixed usage types, other regions skipped)', () => {
    const { prices } = parsePriceList('eu-west-1', all());
    expect(prices.ec2.onDemandHour).toMatchObject({
      'm5.large': { usd: 0.107, source: 'live', asOf: '2026-09-11' },
      't3.medium': { usd: 0.0456, source: 'live', asOf: '2026-09-11' },
    });
    expect(prices.eks.autoModeFee).toEqual({ 'm5.large': { usd: 0.01284, source: 'live', asOf: '2026-09-11' } });
  });

  it('never records a half rate pair, and says so', () => {
    const { prices, warnings } = parsePriceList('us-east-1', realEcsStrings());
    expect(prices.fargate.linuxX86).toBeUndefined();
    expect(prices.fargate.linuxArm).toBeUndefined();
    expect(prices.fargate.windows).toBeUndefined();
    expect(prices.fargate.ephemeralStorageGbHour?.usd).toBe(0.000111);
    expect(warnings.join('\n')).toMatch(/linuxX86: found only the vCPU rate/);
  });

  it('trusts items without regionCode (pre-2021 price lists) to be for the queried region', () => {
    expect(parsePriceList('eu-west-1', [realEc2M5Large()]).prices.ec2.onDemandHour['m5.large']?.usd).toBe(0.096);
  });

  it('resolves two SKUs for one slot to the newer publication, with one summary warning', () => {
    const older = realEc2M5Large();
    const newer = JSON.parse(
      JSON.stringify(older).replace('0.0960000000', '0.0990000000').replace('2020-07-09T22:30:13Z', '2026-09-09T00:00:00Z'),
    ) as unknown;
    for (const items of [
      [older, newer],
      [newer, older],
    ]) {
      const { prices, warnings } = parsePriceList('us-east-1', items);
      expect(prices.ec2.onDemandHour['m5.large']).toEqual({ usd: 0.099, source: 'live', asOf: '2026-09-09' });
      expect(warnings).toEqual([
        '1 price(s) appeared twice with different values (EC2 m5.large 0.096 vs 0.099); used the newer publication'.replace(
          '0.096 vs 0.099',
          items[0] === older ? '0.096 vs 0.099' : '0.099 vs 0.096',
        ),
      ]);
    }
  });

  it('counts undecodable items instead of crashing', () => {
    const { warnings, skipped } = parsePriceList('us-east-1', ['garbage', 7, ...realEcsStrings()]);
    expect(skipped).toBe(3); // 2 bad + the $0 metering SKU
    expect(warnings).toContain('2 price list item(s) could not be decoded and were ignored');
  });

  it('returns an empty, well-formed RegionPrices when nothing matches', () => {
    expect(parsePriceList('sa-east-1', all())).toMatchObject({
      mapped: 0,
      prices: { region: 'sa-east-1', fargate: {}, eks: {}, ecs: {}, ec2: { onDemandHour: {} } },
    });
  });
});
