/**
 * The bill of an EC2-backed option from its pool plans: instance-hours on-demand and on Spot, the
 * Savings Plan on the baseline, the Windows licence, the management fee, EBS root and data volumes,
 * public IPv4 per node and image pulls through NAT. Every line is priced from the price book.
 */
import type { OptionSpec } from '../../domain/options.js';
import type { PriceBook, SourcedPrice } from '../../domain/price-book.js';
import { taskHours } from '../../domain/tasks.js';
import { FARGATE_INCLUDED_STORAGE_GIB } from '../../domain/fargate-sizes.js';
import type { Workload } from '../../schema/workload.js';
import type { Bill } from '../collector.js';
import { fmt, roundTo } from '../money.js';
import { addImagePulls, addPublicIpv4 } from '../network.js';
import type { Candidate } from './candidates.js';
import type { PoolPlan } from './plan.js';

export interface PlacedPlan {
  plan: PoolPlan;
  /** Identical clusters this plan stands for. */
  copies: number;
}

export interface Ec2Pricing {
  spotShare: number;
  spotDiscount: number;
  savingsPlan: number;
  savingsPlanOnBursts: boolean;
  fee: (c: Candidate) => SourcedPrice | null;
  windowsLicence: (c: Candidate) => SourcedPrice;
  volume: SourcedPrice | undefined;
  dataVolume: SourcedPrice | undefined;
}

const sum = <T>(xs: readonly T[], f: (x: T) => number): number => xs.reduce((a, x) => a + f(x), 0);
const nodeHours = (p: PlacedPlan): number => (p.plan.baseNodeHours + p.plan.peakNodeHours + p.plan.jobNodeHours) * p.copies;

/** Instance-hours of one type and OS across pools and clusters. */
interface TypeUsage {
  candidate: Candidate;
  windows: boolean;
  hours: number;
  baseline: number;
}

export function addEc2Items(
  bill: Bill,
  placed: readonly PlacedPlan[],
  option: OptionSpec,
  w: Workload,
  book: PriceBook,
  pricing: Ec2Pricing,
): void {
  const region = book.region;
  const facts = option.ec2!;
  const H = w.cost.hoursPerMonth;
  const { spotShare, spotDiscount, savingsPlan } = pricing;
  const byType = new Map<string, TypeUsage>();
  for (const p of placed) {
    const windows = p.plan.pool.os === 'windows';
    for (const u of p.plan.usage) {
      const key = `${u.candidate.shape.instanceType}${windows ? ' (Windows)' : ''}`;
      const cur = byType.get(key) ?? { candidate: u.candidate, windows, hours: 0, baseline: 0 };
      cur.hours += (u.baseHours + u.burstHours) * p.copies;
      cur.baseline += u.baseHours * p.copies;
      byType.set(key, cur);
    }
  }
  const keys = [...byType.keys()].sort();
  let coveredMonthly = 0;
  for (const key of keys) {
    const { candidate: c, hours, baseline, windows } = byType.get(key)!;
    const type = c.shape.instanceType;
    const price = bill.use(c.price, `EC2 on-demand price for ${type} in ${region}`);
    const before = bill.items.length;
    bill.add(`EC2 ${key} on-demand`, hours * (1 - spotShare), 'instance-hours', price, { estimate: !!c.price.estimate });
    const od = bill.items.slice(before)[0];
    if (od && savingsPlan > 0) coveredMonthly += pricing.savingsPlanOnBursts ? od.monthly : (od.monthly * baseline) / hours;
    if (spotShare > 0) {
      bill.add(
        `EC2 ${key} Spot (${fmt(spotDiscount * 100)}% off)`,
        hours * spotShare,
        'instance-hours',
        roundTo(price * (1 - spotDiscount), 8),
        {
          estimate: true,
        },
      );
    }
    if (windows) {
      const licence = pricing.windowsLicence(c);
      const usd = bill.use(licence, 'Windows Server licence on EC2');
      bill.add(`Windows Server licence (${type}, ${c.shape.vcpu} vCPU)`, hours * c.shape.vcpu, 'vCPU-hours', usd, {
        estimate: !!licence.estimate,
      });
    }
  }
  if (savingsPlan > 0 && coveredMonthly > 0) {
    const scope = pricing.savingsPlanOnBursts ? 'on-demand EC2' : 'baseline on-demand EC2';
    bill.add(`Savings Plan (${fmt(savingsPlan * 100)}% off ${scope})`, roundTo(coveredMonthly, 2), 'USD', -savingsPlan, {
      note: pricing.savingsPlanOnBursts
        ? 'cost.ec2.discountAppliesTo: all'
        : 'a Savings Plan is an hourly commitment sized to the always-on baseline; peaks and job runs pay on-demand',
    });
  }
  if (option.managementFee !== 'none') {
    const label = option.managementFee === 'auto-mode' ? 'EKS Auto Mode fee' : 'ECS Managed Instances fee';
    for (const key of keys) {
      const { candidate: c, hours } = byType.get(key)!;
      const fee = pricing.fee(c)!;
      const usd = bill.use(fee, `${label} per instance-hour (${c.shape.instanceType}) in ${region}`);
      bill.add(`${label} (${c.shape.instanceType}${key.endsWith('(Windows)') ? ', Windows' : ''})`, hours, 'instance-hours', usd, {
        estimate: !!fee.estimate,
        note: 'not reduced by Spot or Savings Plans',
      });
    }
  }
  // Root volumes: every node has one, for its lifetime.
  const volume = facts.rootVolume.value;
  if (pricing.volume) {
    for (const os of ['linux', 'windows'] as const) {
      const hours = sum(
        placed.filter((p) => p.plan.pool.os === os),
        nodeHours,
      );
      if (!(hours > 0)) continue;
      const gib = os === 'windows' ? volume.windowsGiB : volume.linuxGiB;
      const usd = bill.use(pricing.volume, `EBS ${volume.volumeType} price in ${region}`);
      bill.add(
        `EBS root volumes (${volume.volumeType}, ${gib} GiB per ${os === 'windows' ? 'Windows ' : ''}node)`,
        (hours * gib) / H,
        'GB-months',
        usd,
        {
          estimate: !!pricing.volume.estimate || facts.rootVolume.estimate !== undefined,
        },
      );
    }
  } else if (placed.length > 0) {
    bill.warn(`no EBS ${volume.volumeType} price for ${region}; node volumes are not priced`);
  }
  // Task storage beyond what Fargate includes: an EBS data volume on the node while the task runs.
  const storageGbMonths = sum(
    placed,
    (p) =>
      [...p.plan.pool.services, ...p.plan.pool.jobs]
        .filter((t) => t.storageGiB > FARGATE_INCLUDED_STORAGE_GIB)
        .reduce((a, t) => a + (t.storageGiB * taskHours(t, H, 60)) / H, 0) * p.copies,
  );
  if (storageGbMonths > 0 && pricing.dataVolume) {
    const usd = bill.use(pricing.dataVolume, `EBS gp3 price in ${region}`);
    bill.add('EBS data volumes for task storage (gp3)', storageGbMonths, 'GB-months', usd, {
      estimate: !!pricing.dataVolume.estimate,
      note: `tasks that ask for more than ${FARGATE_INCLUDED_STORAGE_GIB} GiB get it on a node volume while they run`,
    });
  }
  const allHours = sum(placed, nodeHours);
  addPublicIpv4(bill, w, book, allHours, 'node');
  addImagePulls(
    bill,
    w,
    book,
    sum(placed, (p) => p.plan.pulledMBPerMonth * p.copies),
    'each node pulls an image once when it starts; later tasks reuse its cache',
  );
}
