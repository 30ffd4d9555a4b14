#!/usr/bin/env node
/**
 * Builds the bundled price snapshot (`data/price-snapshot.json`, type `PriceSnapshot` in
 * `src/pricing/price-book.ts`) from the research data in `../shared/data`:
 *
 *   node scripts/build-snapshot.mjs ../shared/data data/price-snapshot.json
 *
 * Only facts with a source go in; every number keeps its source key and date. Numbers the
 * facts do not source (Windows minimum charge, EC2 Spot discount) are written as documented
 * estimates with a reason and a fix. The output is deterministic: keys and arrays are sorted and
 * nothing depends on the clock, so re-running gives a byte-identical file.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const FIX = (region) => `run \`ecs-or-eks prices refresh --region ${region}\` for exact prices`;
const FIX_ANY = 'run `ecs-or-eks prices refresh --region <region>` for exact prices';

/** First ISO date (YYYY-MM-DD, else YYYY-MM) in a free-text date string. */
export function isoDate(text) {
  if (typeof text !== 'string') return undefined;
  const full = /(\d{4}-\d{2}-\d{2})/.exec(text);
  if (full) return full[1];
  const month = /(\d{4}-\d{2})(?!\d)/.exec(text);
  return month ? month[1] : undefined;
}

function sourceDate(src) {
  if (!src) return undefined;
  return isoDate(src.date) ?? isoDate(src.commit);
}

/** Deterministic JSON: object keys sorted recursively (arrays keep their — already sorted — order). */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      if (value[key] !== undefined) out[key] = sortKeys(value[key]);
    }
    return out;
  }
  return value;
}

const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * ECS awsvpc tasks per instance: the ECS trunking table where it lists the type; for a newer family the
 * table does not list but EC2 marks as trunking-capable, the same size of the nearest older sibling
 * family (an estimate, named); otherwise ENIs − 1 without trunking.
 */
export function ecsAwsvpcTasks(instance, trunking) {
  const [family, size] = instance.instanceType.split('.');
  const withoutTrunking = Math.max(0, instance.vpc.interfaces - 1);
  const unsupported = trunking.unsupportedFamilies.includes(family) || trunking.unsupportedInstanceTypes.includes(instance.instanceType);
  const row = trunking.types[instance.instanceType];
  if (row) {
    const [without, withT] = row;
    // The table lists a few families it also calls unsupported, and has typos where trunking is lower.
    return unsupported || !(withT > without)
      ? { withoutTrunking: without, withTrunking: null, basis: 'table' }
      : { withoutTrunking: without, withTrunking: withT, basis: 'table' };
  }
  if (unsupported || !instance.vpc.trunking) return { withoutTrunking, withTrunking: null, basis: 'no-trunking' };
  const m = /^([a-z]+?)(\d+)([a-z0-9-]*)$/.exec(family);
  if (m) {
    const [, prefix, gen, suffix] = m;
    const suffixes = [suffix, suffix.replace(/-flex$/, ''), suffix.replace(/[dn]+$/, ''), ''];
    for (let g = Number(gen) - 1; g >= Number(gen) - 4 && g > 0; g--) {
      for (const sfx of suffixes) {
        const sibling = `${prefix}${g}${sfx}.${size}`;
        const r = trunking.types[sibling];
        if (r && r[1] > r[0] && !trunking.unsupportedFamilies.includes(`${prefix}${g}${sfx}`)) {
          return { withoutTrunking, withTrunking: r[1], basis: 'estimate', from: sibling };
        }
      }
    }
  }
  return { withoutTrunking, withTrunking: null, basis: 'no-trunking' };
}

export function buildSnapshot(facts, catalog, repoFacts, trunking) {
  const notes = [];
  const sources = {};
  for (const [key, src] of Object.entries(facts.sources)) {
    const title =
      (src.where && src.where.trim()) ||
      (src.repo ? `${src.repo}${src.path ? `: ${src.path}` : ''}` : '') ||
      (src.url ? src.url.split(' ')[0] : '') ||
      key;
    sources[key] = {
      title,
      kind: src.kind,
      url: src.url ? src.url.split(' ')[0] : undefined,
      repo: src.repo,
      path: src.path ?? (Array.isArray(src.paths) ? src.paths.join(', ') : undefined),
      commit: src.commit,
      date: src.date ?? sourceDate(src),
      note: src.note,
    };
  }
  sources['ec2_instances_catalog'] = {
    title: 'EC2 instance catalog (ec2-instances.json): shapes, EKS allocatable, VPC limits, us-east-1 on-demand prices',
    kind: 'secondary, generated from aws/karpenter-provider-aws (instance types, pricing, VPC limits)',
    repo: catalog.meta.sources.onDemandUsdPerHour.repo,
    path: catalog.meta.sources.onDemandUsdPerHour.path,
    commit: catalog.meta.sources.onDemandUsdPerHour.commit[0],
    date: catalog.meta.sources.onDemandUsdPerHour.generatedAt,
    note: undefined, // filled below
  };
  sources['spec_assumption'] = {
    title: 'ecs-or-eks pricing model assumption (docs/pricing-model.md), not an AWS price',
    kind: 'assumption of this tool',
  };
  sources['ecs_eni_trunking'] = {
    title: trunking.source.title,
    kind: 'AWS documentation',
    url: trunking.source.url,
    date: trunking.source.date,
  };
  for (const [key, src] of Object.entries(repoFacts.sources)) {
    sources[key] = { title: src.title, kind: src.kind, url: src.url, date: src.date };
  }

  /** A sourced fact `{value, source, asOf}` → SourcedPrice, or undefined when unsourced. */
  const sp = (fact, fallbackAsOf) => {
    if (!fact || fact.value === null || fact.value === undefined || fact.source === 'UNSOURCED') return undefined;
    if (typeof fact.value !== 'number') return undefined;
    const asOf = isoDate(fact.asOf) ?? fallbackAsOf ?? sourceDate(facts.sources[fact.source]) ?? 'unknown';
    return { usd: fact.value, source: fact.source, asOf };
  };
  const pair = (p) => {
    if (!p) return undefined;
    const fallback = isoDate(p.vcpuHour?.asOf) ?? isoDate(p.gbHour?.asOf);
    const vcpuHour = sp(p.vcpuHour, fallback);
    const gbHour = sp(p.gbHour, fallback);
    if (!vcpuHour || !gbHour) return undefined;
    return { vcpuHour, gbHour };
  };
  const lowConfidence = (price, why) => ({ ...price, estimate: { reason: why, fix: FIX_ANY } });

  const fg = facts.fargate;
  const regionNames = new Set([...Object.keys(fg.onDemandByRegion), ...Object.keys(fg.linuxX86AllRegions_fgcalc)]);
  const regions = {};
  const emptyRegion = (region) => ({ region, fargate: {}, eks: {}, ecs: {}, ec2: { onDemandHour: {} } });
  for (const region of [...regionNames].sort(byString)) {
    const r = emptyRegion(region);
    const od = fg.onDemandByRegion[region] ?? {};
    const all = fg.linuxX86AllRegions_fgcalc[region];
    r.fargate.linuxX86 = pair(od.x86) ?? (all ? pair({ vcpuHour: all.vcpuHour, gbHour: all.gbHour }) : undefined);
    const arm = pair(od.arm);
    if (arm) {
      const lowConf = [od.arm.vcpuHour?.note, od.arm.gbHour?.note].some((n) => typeof n === 'string' && /low confidence/i.test(n));
      r.fargate.linuxArm = lowConf
        ? {
            vcpuHour: lowConfidence(arm.vcpuHour, `Fargate ARM rate in ${region} comes from an undated, low-confidence third-party note`),
            gbHour: lowConfidence(arm.gbHour, `Fargate ARM rate in ${region} comes from an undated, low-confidence third-party note`),
          }
        : arm;
    }
    const storage = sp(od.ephemeralStorageGbHour);
    if (storage) r.fargate.ephemeralStorageGbHour = storage;
    if (od.windows) {
      // Two sources conflict (pricing-facts §1.3). We keep the 2022 real GetProducts response: it is
      // primary wire data, agrees with the vantage blog and with the rate AWS's pricing-page example
      // implies; the 2026 extraction (vCPU 0.046552, GB 0.00511175 — exactly 1.15 × the Linux rates) is
      // third-party and its own author flags it as conflicting. The higher rate is also the
      // conservative choice. Marked as an estimate until a live fetch confirms it.
      const w = od.windows.price2022;
      const alt = od.windows.price2026;
      const reason =
        `Fargate Windows rates conflict: a real 2022 GetProducts response says vCPU $${w.vcpuHour.value} + OS licence $${w.osLicenseVcpuHour.value} per vCPU-hour and $${w.gbHour.value} per GB-hour; ` +
        `a 2026 third-party extraction says vCPU $${alt.vcpuHour.value} + licence $${alt.osLicenseVcpuHour.value} and $${alt.gbHour.value} per GB-hour. ` +
        'The tool uses the 2022 primary data (higher, matches the pricing-page example); it may overstate Windows on Fargate';
      const est = (p) => ({ ...p, estimate: { reason, fix: FIX(region) } });
      r.fargate.windows = {
        vcpuHour: est(sp(w.vcpuHour)),
        gbHour: est(sp(w.gbHour)),
        osLicenseVcpuHour: est(sp(w.osLicenseVcpuHour)),
      };
    }
    const spotKey = Object.keys(od).find((k) => k.startsWith('spotSnapshot_'));
    if (spotKey) {
      const s = od[spotKey];
      const asOf = isoDate(spotKey.replace(/_/g, '-')) ?? sourceDate(facts.sources[s.source]);
      const mk = (v) => ({ usd: v, source: s.source, asOf });
      if (s.x86) r.fargate.spotX86 = { vcpuHour: mk(s.x86.vcpuHour), gbHour: mk(s.x86.gbHour) };
      if (s.arm) r.fargate.spotArm = { vcpuHour: mk(s.arm.vcpuHour), gbHour: mk(s.arm.gbHour) };
    }
    regions[region] = r;
  }

  // EKS control plane: sourced for us-east-1 (eks_verified) and, per its note, the same $0.10 in
  // ap-south-1, ap-southeast-1, ap-northeast-1 (r4) and eu-west-1 (euw1_ec2). Extended support total
  // $0.60 is AWS's global announcement (aws_eks_extended_blog). Other regions are estimated at run time.
  const eks = facts.eks;
  const standard = sp(eks.controlPlaneStandard);
  const extended = sp(eks.extendedSupportTotal);
  const eksRegions = {
    'us-east-1': standard,
    'ap-south-1': { usd: standard.usd, source: 'r4_bulk_2026_09', asOf: '2026-08-31' },
    'ap-southeast-1': { usd: standard.usd, source: 'r4_bulk_2026_09', asOf: '2026-08-31' },
    'ap-northeast-1': { usd: standard.usd, source: 'r4_bulk_2026_09', asOf: '2026-08-31' },
    'eu-west-1': { usd: standard.usd, source: 'euw1_ec2_2026_09', asOf: '2026-09-14' },
  };
  for (const [region, price] of Object.entries(eksRegions)) {
    regions[region] ??= emptyRegion(region);
    regions[region].eks.controlPlaneHour = price;
    regions[region].eks.extendedSupportHour = extended;
  }
  // Auto Mode: one sourced per-type fee (the EKS pricing-page example); the rest is ratio × EC2.
  const ex = eks.autoMode.example;
  regions['us-east-1'].eks.autoModeFee = {
    [ex.value.instanceType]: { usd: ex.value.fee, source: ex.source, asOf: 'unknown' },
  };
  // ECS Managed Instances: two sourced fees in ap-south-1.
  const mi = facts.ecs.managedInstancesFee;
  const miAsOf = isoDate(mi.asOf);
  for (const [key, value] of Object.entries(mi.value)) {
    if (key === 'ratio') continue;
    const [type, region] = key.split('@');
    regions[region] ??= emptyRegion(region);
    regions[region].ecs.managedInstancesFee ??= {};
    regions[region].ecs.managedInstancesFee[type] = { usd: value, source: mi.source, asOf: miAsOf };
  }

  // Instance shapes for the bin-packer; us-east-1 on-demand prices for the whole catalog.
  const catalogAsOf = isoDate(catalog.meta.sources.onDemandUsdPerHour.generatedAt);
  const instances = [];
  const unpriced = [];
  const noVpc = [];
  for (const i of catalog.instances) {
    if (!i.vpc) {
      noVpc.push(i.instanceType);
      continue;
    }
    instances.push({
      instanceType: i.instanceType,
      family: i.family,
      generation: i.generation,
      arch: i.arch,
      vcpu: i.vcpu,
      memoryMiB: i.memoryMiB,
      gpus: i.gpus,
      gpuName: i.gpuName,
      burstable: i.burstable,
      eksAllocatable: i.eksAllocatable,
      vpc: {
        interfaces: i.vpc.interfaces,
        ipv4PerInterface: i.vpc.ipv4PerInterface,
        trunking: i.vpc.trunking,
        branchInterfaces: i.vpc.branchInterfaces,
        bareMetal: i.vpc.bareMetal,
      },
      ecsAwsvpcTasks: ecsAwsvpcTasks(i, trunking),
    });
    if (typeof i.onDemandUsdPerHour === 'number') {
      regions['us-east-1'].ec2.onDemandHour[i.instanceType] = {
        usd: i.onDemandUsdPerHour,
        source: 'ec2_instances_catalog',
        asOf: catalogAsOf,
      };
    } else {
      unpriced.push(i.instanceType);
    }
  }
  for (const i of catalog.instances) {
    if (!i.vpc && typeof i.onDemandUsdPerHour !== 'number') unpriced.push(i.instanceType);
  }
  instances.sort((a, b) => byString(a.instanceType, b.instanceType));
  unpriced.sort(byString);
  noVpc.sort(byString);
  sources['ec2_instances_catalog'].note =
    `${catalog.instances.length} types in the catalog. Left out of the instance shapes (no VPC/ENI limits, so they cannot be bin-packed): ${noVpc.join(', ') || 'none'}. ` +
    `No us-east-1 on-demand price in the source, so left out of the price table (shapes kept): ${unpriced.filter((t) => !noVpc.includes(t)).join(', ') || 'none'}.`;
  notes.push(`dropped from shapes (no VPC limits): ${noVpc.join(', ')}`);
  notes.push(`no us-east-1 price: ${unpriced.join(', ')}`);

  // Other-region EC2 rows that are sourced (r4: ap-south-1, ap-southeast-1, ap-northeast-1; eu-west-1; Tokyo GPUs).
  const other = facts.ec2.otherRegions;
  const otherAsOf = isoDate(other.asOf);
  for (const [type, byRegion] of Object.entries(other.rows)) {
    for (const [region, usd] of Object.entries(byRegion)) {
      if (region === 'us-east-1') continue; // the catalog is the us-east-1 source; r4 agrees where both have it
      regions[region] ??= emptyRegion(region);
      regions[region].ec2.onDemandHour[type] = { usd, source: other.source, asOf: otherAsOf };
    }
  }
  const euw1 = facts.ec2.euWest1;
  for (const [type, usd] of Object.entries(euw1.rows)) {
    regions['eu-west-1'].ec2.onDemandHour[type] = { usd, source: euw1.source, asOf: '2026-09-10' };
  }
  const tokyo = facts.ec2.apNortheast1Gpu;
  for (const [type, usd] of Object.entries(tokyo.rows)) {
    regions['ap-northeast-1'].ec2.onDemandHour[type] = { usd, source: tokyo.source, asOf: isoDate(tokyo.asOf) };
  }

  // Networking extras (only priced when the workload asks for them).
  const net = facts.networkingExtras;
  const netAsOf = isoDate(net.publicIpv4Hour.asOf);
  for (const region of Object.keys(net.natGatewayHour.value)) {
    regions[region] ??= emptyRegion(region);
    regions[region].extras = {
      natGatewayHour: { usd: net.natGatewayHour.value[region], source: net.natGatewayHour.source, asOf: netAsOf },
      natGatewayGb: { usd: net.natGatewayPerGB.value[region], source: net.natGatewayPerGB.source, asOf: netAsOf },
      publicIpv4Hour: { usd: net.publicIpv4Hour.value, source: net.publicIpv4Hour.source, asOf: netAsOf },
    };
  }

  // EBS per GB-month: gp3 (four regions, r4) and gp2 (us-east-1, infracost golden).
  for (const [region, usd] of Object.entries(net.gp3GbMonth.value)) {
    regions[region] ??= emptyRegion(region);
    regions[region].ebs = { ...(regions[region].ebs ?? {}), gp3GbMonth: { usd, source: net.gp3GbMonth.source, asOf: netAsOf } };
  }
  for (const [region, f] of Object.entries(repoFacts.ebs.gp2GbMonth)) {
    regions[region] ??= emptyRegion(region);
    regions[region].ebs = { ...(regions[region].ebs ?? {}), gp2GbMonth: { usd: f.value, source: f.source, asOf: f.asOf } };
  }
  // ECS Managed Instances: the fee AWS's ECS pricing page shows for c6a.2xlarge in us-east-1.
  for (const [key, f] of Object.entries(repoFacts.ecsManagedInstancesFee)) {
    const [type, region] = key.split('@');
    regions[region] ??= emptyRegion(region);
    regions[region].ecs.managedInstancesFee ??= {};
    regions[region].ecs.managedInstancesFee[type] = { usd: f.value, source: f.source, asOf: f.asOf };
  }

  // Defaults: documented assumptions where AWS publishes no per-item price.
  const usSpot = regions['us-east-1'].fargate.spotX86;
  const usX86 = regions['us-east-1'].fargate.linuxX86;
  const observedFargateSpot = Math.round((1 - usSpot.vcpuHour.usd / usX86.vcpuHour.usd) * 100);
  const defaults = {
    fargateSpotDiscountPercent: {
      usd: observedFargateSpot,
      source: 'regimes_2026_09_28',
      asOf: '2026-09-28',
      estimate: {
        reason: `Fargate Spot prices float and are not in the price list; the default is the discount observed in us-east-1 and eu-west-1 on 2026-09-28 (~${observedFargateSpot}% off; AWS says "up to 70%")`,
        fix: FIX_ANY,
      },
    },
    ec2SpotDiscountPercent: {
      usd: 60,
      source: 'spec_assumption',
      asOf: 'unknown',
      estimate: {
        reason:
          'EC2 Spot prices vary by type, zone and hour and none are in the bundled data; the model assumes 60% off on-demand (AWS advertises up to 90%)',
        fix: 'set cost.ec2.spotDiscountPercent to the discount you see in the Spot price history for your instance types',
      },
    },
    autoModeFeeRatio: {
      usd: ex.value.ratio,
      source: ex.source,
      asOf: 'unknown',
      estimate: {
        reason: `EKS Auto Mode fees are per instance type and not in the bundled data; the model uses 12% of the EC2 on-demand price, the ratio of AWS's example (c6a.2xlarge: $${ex.value.fee}/h on $${ex.value.ec2}/h)`,
        fix: FIX_ANY,
      },
    },
    managedInstancesFeeRatio: {
      usd: mi.value.ratio,
      source: mi.source,
      asOf: miAsOf,
      estimate: {
        reason:
          'ECS Managed Instances fees are per instance type; the model uses 12% of the EC2 on-demand price (m7g.large in ap-south-1: $0.006996/h on $0.0583/h)',
        fix: FIX_ANY,
      },
    },
    linuxMinimumSeconds: { usd: fg.billingRules.linuxMinimum.value, source: fg.billingRules.linuxMinimum.source, asOf: '2021-04-22' },
    ec2WindowsLicenceVcpuHour: {
      usd: repoFacts.windowsOnEc2.licenceVcpuHour.value,
      source: repoFacts.windowsOnEc2.licenceVcpuHour.source,
      asOf: repoFacts.windowsOnEc2.licenceVcpuHour.asOf,
      estimate: {
        reason:
          'the bundled data has Linux EC2 prices only; Windows instances are priced as the Linux price plus $0.046 per vCPU-hour, the licence rate that fits published Windows prices of m5, c5 and r5 types',
        fix: FIX_ANY,
      },
    },
    ec2WindowsBurstableLicenceVcpuHour: {
      usd: repoFacts.windowsOnEc2.burstableLicenceVcpuHour.value,
      source: repoFacts.windowsOnEc2.burstableLicenceVcpuHour.source,
      asOf: repoFacts.windowsOnEc2.burstableLicenceVcpuHour.asOf,
      estimate: {
        reason:
          'burstable (T) types carry a much smaller Windows premium: $0.0092 per vCPU-hour, from the t3.medium Windows price ($0.0600/h against $0.0416/h on Linux)',
        fix: FIX_ANY,
      },
    },
    // The AWS Fargate pricing page: "For Windows containers, billing is calculated per second with a 5-minute minimum."
    windowsMinimumSeconds: { usd: 300, source: 'aws_fargate_pricing_page', asOf: 'unknown' },
  };

  const dates = [];
  const collect = (v) => {
    if (v && typeof v === 'object') {
      if (typeof v.usd === 'number' && typeof v.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.asOf)) dates.push(v.asOf);
      for (const child of Object.values(v)) collect(child);
    }
  };
  collect(regions);
  dates.sort(byString);

  const snapshot = {
    schemaVersion: 1,
    asOf: dates[dates.length - 1],
    generatedFrom: ['pricing-facts.json', 'ec2-instances.json', 'data/sourced-facts.json', 'data/ecs-eni-trunking.json'],
    sources,
    instances,
    defaults,
    regions,
  };
  return { snapshot: sortKeys(snapshot), notes };
}

export function renderSnapshot(snapshot) {
  // One instance per line keeps diffs readable while staying compact.
  const head = JSON.stringify({ ...snapshot, instances: [] });
  const body = snapshot.instances.map((i) => JSON.stringify(i)).join(',\n');
  return head.replace('"instances":[]', `"instances":[\n${body}\n]`) + '\n';
}

/** The sourced facts this repository keeps itself (not in ../shared): extra prices and the ECS trunking table. */
export function readRepoFacts() {
  const read = (name) => JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8'));
  return { repoFacts: read('sourced-facts.json'), trunking: read('ecs-eni-trunking.json') };
}

function main() {
  const [dataDir, outFile] = process.argv.slice(2);
  if (!dataDir || !outFile) {
    console.error('usage: node scripts/build-snapshot.mjs <shared-data-dir> <out.json>');
    process.exit(2);
  }
  const facts = JSON.parse(readFileSync(join(dataDir, 'pricing-facts.json'), 'utf8'));
  const catalog = JSON.parse(readFileSync(join(dataDir, 'ec2-instances.json'), 'utf8'));
  const { repoFacts, trunking } = readRepoFacts();
  const { snapshot, notes } = buildSnapshot(facts, catalog, repoFacts, trunking);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, renderSnapshot(snapshot));
  console.error(
    `wrote ${outFile}: ${Object.keys(snapshot.regions).length} regions, ${snapshot.instances.length} instance shapes, as of ${snapshot.asOf}`,
  );
  for (const n of notes) console.error(`note: ${n}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
