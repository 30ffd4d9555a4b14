/**
 * ECS on Fargate and EKS on Fargate: every task billed at its rounded Fargate size, per second from
 * the start of its image pull; daemons ride along as sidecars in every task; the Savings Plan covers
 * the always-on baseline; public IPv4 per task in public subnets and image pulls through NAT.
 */
import type { FargateSizing, FargateTaskSizing } from '../domain/advice.js';
import { CAPACITY } from '../domain/capacity.js';
import {
  EKS_FARGATE_POD_OVERHEAD_GIB,
  FARGATE_INCLUDED_STORAGE_GIB,
  fargateSize,
  largestFargateSize,
  FARGATE_UNCONFIRMED_ARM_CPU,
  type FargateSize,
} from '../domain/fargate-sizes.js';
import type { OptionSpec } from '../domain/options.js';
import type { PriceBook, RatePair, SourcedPrice } from '../domain/price-book.js';
import { baselineTaskHours, taskHours, taskStartsPerMonth, type Task } from '../domain/tasks.js';
import type { Workload } from '../schema/workload.js';
import { Bill } from './collector.js';
import { cents, fmt, roundTo } from './money.js';
import { addImagePulls, addPublicIpv4 } from './network.js';

type Platform = 'x86' | 'arm' | 'windows';
const PULL_NOTE =
  'Fargate bills from the start of the image pull; each task start pulls its whole image (pull time estimated from the image size)';
const PLATFORM_LABEL: Record<Platform, string> = { x86: 'Linux/x86', arm: 'Linux/ARM', windows: 'Windows' };

export interface FargateResult {
  bill: Bill;
  sizing: FargateSizing;
}

interface Quantities {
  vcpu: number;
  gb: number;
  /** Billed while the image is pulled, before the task runs (its own line, so running time reads as AWS's examples). */
  pullVcpu: number;
  pullGb: number;
  /** The always-on share (a Savings Plan covers it by default). */
  baseVcpu: number;
  baseGb: number;
}

const zero = (): Quantities => ({ vcpu: 0, gb: 0, pullVcpu: 0, pullGb: 0, baseVcpu: 0, baseGb: 0 });

export function priceFargate(w: Workload, tasks: readonly Task[], book: PriceBook, option: OptionSpec): FargateResult {
  const eks = option.orchestrator === 'eks';
  const variant = option.orchestrator;
  const bill = new Bill();
  const p = book.prices.fargate;
  const region = book.region;
  const H = w.cost.hoursPerMonth;
  const defaults = book.snapshot.defaults;
  // With `replicate`, every cluster runs its own copy of every task.
  const copies = w.cost.clusterSplit === 'replicate' ? w.cost.clusters : 1;
  const sidecarCpu = w.daemons.reduce((s, d) => s + d.cpu, 0);
  const sidecarMem = w.daemons.reduce((s, d) => s + d.memory, 0);
  const spotShare = option.fargateSpot ? w.cost.fargate.spotPercent / 100 : 0;
  if (!option.fargateSpot && w.cost.fargate.spotPercent > 0)
    bill.warn('Fargate Spot is not available on EKS; cost.fargate.spotPercent is ignored for EKS on Fargate');
  const pairFor = (platform: Platform): RatePair | undefined =>
    platform === 'x86' ? p.linuxX86 : platform === 'arm' ? p.linuxArm : p.windows;
  const pullSeconds = (mb: number): number => mb / CAPACITY.imagePullMBps.value;

  const od = new Map<Platform, Quantities>();
  const spot = new Map<'x86' | 'arm', Quantities>();
  let storageGbHours = 0;
  let taskHoursAll = 0;
  let pulledMB = 0;
  const add = <K>(m: Map<K, Quantities>, k: K, size: FargateSize, hours: number, pullHours: number, baseHours: number): void => {
    const cur = m.get(k) ?? zero();
    cur.vcpu += size.cpu * hours;
    cur.gb += size.memoryGiB * hours;
    cur.pullVcpu += size.cpu * pullHours;
    cur.pullGb += size.memoryGiB * pullHours;
    cur.baseVcpu += size.cpu * baseHours;
    cur.baseGb += size.memoryGiB * baseHours;
    m.set(k, cur);
  };

  const tooLarge: string[] = [];
  const armOnEks: string[] = [];
  const windowsOnEks: string[] = [];
  const gpuTasks: string[] = [];
  const sized: FargateTaskSizing[] = [];

  for (const t of tasks) {
    let platform: Platform = t.os === 'windows' ? 'windows' : t.arch === 'arm64' ? 'arm' : 'x86';
    if (eks && platform !== 'x86') {
      (platform === 'arm' ? armOnEks : windowsOnEks).push(t.name);
      platform = 'x86';
    }
    if (t.gpus > 0) gpuTasks.push(t.name);
    const pair = pairFor(platform);
    if (!pair) {
      bill.warn(`no Fargate ${PLATFORM_LABEL[platform]} rate for ${region}; ${t.name} is not priced on Fargate`);
      continue;
    }
    const reqCpu = t.cpu + sidecarCpu;
    const reqMem = t.memoryGiB + sidecarMem;
    const os = platform === 'windows' ? 'windows' : 'linux';
    const billed = fargateSize(reqCpu, reqMem, variant, os);
    if (!billed) tooLarge.push(`${t.name} (${fmt(reqCpu)} vCPU, ${fmt(reqMem + (eks ? EKS_FARGATE_POD_OVERHEAD_GIB : 0))} GiB)`);
    if (billed?.cpu === FARGATE_UNCONFIRMED_ARM_CPU && platform === 'arm')
      bill.warn(
        `${t.name} is billed at ${FARGATE_UNCONFIRMED_ARM_CPU} vCPU on arm64: AWS lists that size for Linux without saying whether Graviton offers it; confirm before relying on it`,
      );
    const size: FargateSize = billed ?? { cpu: reqCpu, memoryGiB: reqMem + (eks ? EKS_FARGATE_POD_OVERHEAD_GIB : 0) };

    const minimum = os === 'windows' ? defaults.windowsMinimumSeconds : defaults.linuxMinimumSeconds;
    if (t.kind === 'job' && os === 'windows' && t.minutesPerRun * 60 < minimum.usd)
      bill.use(minimum, 'Fargate Windows minimum charge per task');
    // Fargate bills from the start of the image pull: every launch adds the pull time.
    const running = taskHours(t, H, minimum.usd) * copies;
    const hours = taskHours(t, H, minimum.usd, pullSeconds(t.imageSizeMB)) * copies;
    const pulling = hours - running;
    const baseHours = baselineTaskHours(t, H) * copies;
    const share = platform === 'windows' ? 0 : spotShare;
    if (platform === 'windows' && spotShare > 0) bill.warn(`Windows tasks cannot use Fargate Spot; ${t.name} is priced on-demand`);
    add(od, platform, size, running * (1 - share), pulling * (1 - share), baseHours * (1 - share));
    if (share > 0 && platform !== 'windows') add(spot, platform, size, running * share, pulling * share, 0);
    storageGbHours += Math.max(0, t.storageGiB - FARGATE_INCLUDED_STORAGE_GIB) * hours;
    taskHoursAll += hours;
    pulledMB += taskStartsPerMonth(t, H) * t.imageSizeMB * copies;
    sized.push({
      name: t.name,
      kind: t.kind,
      platform: PLATFORM_LABEL[platform],
      requested: { cpu: t.cpu, memoryGiB: t.memoryGiB },
      added: { cpu: sidecarCpu, memoryGiB: sidecarMem + (eks ? EKS_FARGATE_POD_OVERHEAD_GIB : 0) },
      billed,
      taskHoursPerMonth: roundTo(hours, 4),
      spotShare: share,
    });
  }

  blockers(bill, { tooLarge, armOnEks, windowsOnEks, gpuTasks }, variant, eks, sized, w);
  const odCompute = computeItems(bill, od, spot, { p, region, pairFor, spotRate: spotRateFn(bill, book, pairFor) });
  if (eks) addCoreDns(bill, w, book);
  if (storageGbHours > 0) {
    const storage: SourcedPrice | undefined = p.ephemeralStorageGbHour;
    if (storage) {
      const rate = bill.use(storage, `Fargate ephemeral storage rate in ${region}`);
      bill.add(`Fargate ephemeral storage above ${FARGATE_INCLUDED_STORAGE_GIB} GB`, storageGbHours, 'GB-hours', rate, {
        estimate: !!storage.estimate,
      });
    } else {
      bill.warn(`no Fargate ephemeral-storage rate for ${region}; storage above ${FARGATE_INCLUDED_STORAGE_GIB} GB is not priced`);
    }
  }
  const sp = w.cost.fargate.discountPercent;
  const all = w.cost.fargate.discountAppliesTo === 'all';
  const covered = all ? odCompute.all : odCompute.baseline;
  if (sp > 0 && covered > 0) {
    bill.add(
      `Compute Savings Plan (${fmt(sp)}% off ${all ? 'on-demand' : 'baseline'} Fargate vCPU and memory)`,
      cents(covered),
      'USD',
      -sp / 100,
      {
        note: all
          ? 'cost.fargate.discountAppliesTo: all'
          : 'a Savings Plan is an hourly commitment sized to the always-on baseline; peaks and job runs pay on-demand',
      },
    );
  }
  // EKS Fargate pods run in private subnets only: no public addresses.
  if (!eks) addPublicIpv4(bill, w, book, taskHoursAll, 'task');
  addImagePulls(bill, w, book, pulledMB, 'every Fargate task start pulls its whole image (nothing is cached between tasks)');

  return {
    bill,
    sizing: {
      launchType: option.launchLabel,
      sidecars: w.daemons.map((d) => d.name),
      podOverheadGiB: eks ? EKS_FARGATE_POD_OVERHEAD_GIB : 0,
      spotShare,
      savingsPlanPercent: sp,
      tasks: sized,
    },
  };
}

/** EKS on Fargate runs CoreDNS as Fargate pods too: two per cluster, all month, at their rounded size. */
function addCoreDns(bill: Bill, w: Workload, book: PriceBook): void {
  const dns = CAPACITY.coreDns.value;
  const size = fargateSize(dns.cpuMillicores / 1000, dns.memoryMiB / 1024, 'eks');
  const pair = book.prices.fargate.linuxX86;
  if (!size || !pair) return;
  const podHours = dns.replicas * w.cost.hoursPerMonth * w.cost.clusters;
  const what = `CoreDNS, ${dns.replicas} pods per cluster at ${fmt(size.cpu)} vCPU / ${fmt(size.memoryGiB)} GB`;
  bill.add(`Fargate vCPU (${what})`, podHours * size.cpu, 'vCPU-hours', pair.vcpuHour.usd, { estimate: !!pair.vcpuHour.estimate });
  bill.add(`Fargate memory (${what})`, podHours * size.memoryGiB, 'GB-hours', pair.gbHour.usd, { estimate: !!pair.gbHour.estimate });
}

/** Spot rates: sourced where the region has them, else on-demand × (1 − the default discount), flagged. */
function spotRateFn(bill: Bill, book: PriceBook, pairFor: (platform: Platform) => RatePair | undefined) {
  const p = book.prices.fargate;
  const region = book.region;
  return (platform: 'x86' | 'arm', dim: 'vcpuHour' | 'gbHour'): number => {
    const sourced = platform === 'x86' ? p.spotX86 : p.spotArm;
    const item = `Fargate Spot rates (${PLATFORM_LABEL[platform]}) in ${region}`;
    if (sourced) return bill.use(sourced[dim], item);
    const onDemand = pairFor(platform)?.[dim];
    if (!onDemand) return 0;
    const d = book.snapshot.defaults.fargateSpotDiscountPercent;
    bill.estimate({
      item,
      reason: `no Fargate Spot price for ${region} in the snapshot; the on-demand rate less the default ${d.usd}% Spot discount (${d.estimate?.reason ?? d.source})`,
      fix: `run \`ecs-or-eks prices refresh --region ${region}\``,
    });
    return roundTo(onDemand.usd * (1 - d.usd / 100), 8);
  };
}

/** The vCPU, memory and licence lines, on-demand then Spot; returns the on-demand compute dollars (all, and baseline). */
function computeItems(
  bill: Bill,
  od: Map<Platform, Quantities>,
  spot: Map<'x86' | 'arm', Quantities>,
  ctx: {
    p: PriceBook['prices']['fargate'];
    region: string;
    pairFor: (platform: Platform) => RatePair | undefined;
    spotRate: (platform: 'x86' | 'arm', dim: 'vcpuHour' | 'gbHour') => number;
  },
): { all: number; baseline: number } {
  let all = 0;
  let baseline = 0;
  for (const platform of ['x86', 'arm', 'windows'] as const) {
    const q = od.get(platform);
    const pair = ctx.pairFor(platform);
    if (!q || !pair) continue;
    const label = PLATFORM_LABEL[platform];
    const item = `Fargate ${label} rates in ${ctx.region}`;
    const vcpuRate = bill.use(pair.vcpuHour, item);
    const gbRate = bill.use(pair.gbHour, item);
    const before = bill.items.length;
    bill.add(`Fargate vCPU (${label})`, q.vcpu, 'vCPU-hours', vcpuRate, { estimate: !!pair.vcpuHour.estimate });
    bill.add(`Fargate memory (${label})`, q.gb, 'GB-hours', gbRate, { estimate: !!pair.gbHour.estimate });
    bill.add(`Fargate vCPU during image pulls (${label})`, q.pullVcpu, 'vCPU-hours', vcpuRate, { estimate: true, note: PULL_NOTE });
    bill.add(`Fargate memory during image pulls (${label})`, q.pullGb, 'GB-hours', gbRate, { estimate: true, note: PULL_NOTE });
    for (const it of bill.items.slice(before)) all += it.monthly;
    baseline += q.baseVcpu * vcpuRate + q.baseGb * gbRate;
    if (platform === 'windows' && ctx.p.windows) {
      const lic = bill.use(ctx.p.windows.osLicenseVcpuHour, item);
      bill.add('Fargate Windows OS licence', q.vcpu + q.pullVcpu, 'vCPU-hours', lic, {
        estimate: !!ctx.p.windows.osLicenseVcpuHour.estimate,
      });
    }
  }
  for (const platform of ['x86', 'arm'] as const) {
    const q = spot.get(platform);
    if (!q) continue;
    const label = PLATFORM_LABEL[platform];
    const sourced = platform === 'x86' ? ctx.p.spotX86 : ctx.p.spotArm;
    bill.add(`Fargate Spot vCPU (${label})`, q.vcpu + q.pullVcpu, 'vCPU-hours', ctx.spotRate(platform, 'vcpuHour'), { estimate: !sourced });
    bill.add(`Fargate Spot memory (${label})`, q.gb + q.pullGb, 'GB-hours', ctx.spotRate(platform, 'gbHour'), { estimate: !sourced });
  }
  return { all, baseline };
}

function blockers(
  bill: Bill,
  found: { tooLarge: string[]; armOnEks: string[]; windowsOnEks: string[]; gpuTasks: string[] },
  variant: 'ecs' | 'eks',
  eks: boolean,
  sized: readonly FargateTaskSizing[],
  w: Workload,
): void {
  const { tooLarge, armOnEks, windowsOnEks, gpuTasks } = found;
  if (tooLarge.length > 0) {
    const max = largestFargateSize(variant);
    const windowsMax = largestFargateSize(variant, 'windows');
    bill.block(
      'task-too-large',
      `${tooLarge.join(', ')} exceed${tooLarge.length === 1 ? 's' : ''} the largest ${eks ? 'EKS' : 'ECS'} Fargate size (${max.cpu} vCPU / ${max.memoryGiB} GiB${
        sized.some((t) => t.platform === 'Windows') ? `; Windows: ${windowsMax.cpu} vCPU / ${windowsMax.memoryGiB} GiB` : ''
      }${w.daemons.length > 0 ? ', counting daemon sidecars' : ''}); priced at the requested size for comparison only`,
    );
  }
  if (armOnEks.length > 0) {
    bill.block(
      'arm',
      `EKS on Fargate runs x86 Linux pods only; ${armOnEks.join(', ')} ${armOnEks.length === 1 ? 'is' : 'are'} arm64 (priced as x86 for comparison only)`,
    );
  }
  if (windowsOnEks.length > 0) {
    bill.block(
      'windows',
      `EKS on Fargate runs Linux pods only; ${windowsOnEks.join(', ')} ${windowsOnEks.length === 1 ? 'is' : 'are'} Windows (priced as Linux/x86 for comparison only)`,
    );
  }
  if (gpuTasks.length > 0)
    bill.warn(`Fargate has no GPUs; ${gpuTasks.join(', ')} ${gpuTasks.length === 1 ? 'is' : 'are'} priced without them`);
}
