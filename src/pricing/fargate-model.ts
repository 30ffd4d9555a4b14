/**
 * ECS on Fargate and EKS on Fargate: every task billed at its rounded Fargate size for its
 * task-hours (SPEC §4). Daemons ride along as sidecars in every task.
 */
import type { FargateSizing, FargateTaskSizing } from '../domain/advice.js';
import { EKS_FARGATE_POD_OVERHEAD_GIB, fargateSize, largestFargateSize, type FargateSize } from '../domain/fargate-sizes.js';
import type { OptionSpec } from '../domain/options.js';
import type { PriceBook, RatePair, SourcedPrice } from '../domain/price-book.js';
import { taskHours, type Task } from '../domain/tasks.js';
import type { Workload } from '../schema/workload.js';
import { Bill } from './collector.js';
import { cents, fmt, roundTo } from './money.js';

export const FARGATE_FREE_STORAGE_GIB = 20;

type Platform = 'x86' | 'arm' | 'windows';
const PLATFORM_LABEL: Record<Platform, string> = { x86: 'Linux/x86', arm: 'Linux/ARM', windows: 'Windows' };

export interface FargateResult {
  bill: Bill;
  sizing: FargateSizing;
}

export function priceFargate(w: Workload, tasks: readonly Task[], book: PriceBook, option: OptionSpec): FargateResult {
  const eks = option.orchestrator === 'eks';
  const variant = option.orchestrator;
  const bill = new Bill();
  const p = book.prices.fargate;
  const region = book.region;
  const H = w.cost.hoursPerMonth;
  const sidecarCpu = w.daemons.reduce((s, d) => s + d.cpu, 0);
  const sidecarMem = w.daemons.reduce((s, d) => s + d.memory, 0);
  const spotShare = option.fargateSpot ? w.cost.fargate.spotPercent / 100 : 0;
  if (!option.fargateSpot && w.cost.fargate.spotPercent > 0)
    bill.warn('Fargate Spot is not available on EKS; cost.fargate.spotPercent is ignored for EKS on Fargate');

  const defaults = book.snapshot.defaults;
  const pairFor = (platform: Platform): RatePair | undefined =>
    platform === 'x86' ? p.linuxX86 : platform === 'arm' ? p.linuxArm : p.windows;

  // Spot rates: sourced where the region has them, else on-demand × (1 − default discount).
  const spotRate = (platform: 'x86' | 'arm', dim: 'vcpuHour' | 'gbHour'): number => {
    const sourced = platform === 'x86' ? p.spotX86 : p.spotArm;
    const item = `Fargate Spot rates (${PLATFORM_LABEL[platform]}) in ${region}`;
    if (sourced) {
      bill.use(sourced[dim], item);
      return sourced[dim].usd;
    }
    const od = pairFor(platform)?.[dim];
    if (!od) return 0;
    const d = defaults.fargateSpotDiscountPercent;
    bill.estimate({
      item,
      reason: `no Fargate Spot price for ${region} in the snapshot; the on-demand rate less the default ${d.usd}% Spot discount (${d.estimate?.reason ?? d.source})`,
      fix: `run \`ecs-or-eks prices refresh --region ${region}\``,
    });
    return roundTo(od.usd * (1 - d.usd / 100), 8);
  };

  const q = {
    od: new Map<Platform, { vcpu: number; gb: number }>(),
    spot: new Map<'x86' | 'arm', { vcpu: number; gb: number }>(),
    storage: 0,
  };
  const addQ = <K>(m: Map<K, { vcpu: number; gb: number }>, k: K, vcpu: number, gb: number): void => {
    const cur = m.get(k) ?? { vcpu: 0, gb: 0 };
    cur.vcpu += vcpu;
    cur.gb += gb;
    m.set(k, cur);
  };

  const tooLarge: string[] = [];
  const armOnEks: string[] = [];
  const windowsOnEks: string[] = [];
  const gpuTasks: string[] = [];
  const sized: FargateTaskSizing[] = [];
  let usedWindowsMinimum = false;

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
    const size: FargateSize = billed ?? { cpu: reqCpu, memoryGiB: reqMem + (eks ? EKS_FARGATE_POD_OVERHEAD_GIB : 0) };

    const minimum = os === 'windows' ? defaults.windowsMinimumSeconds : defaults.linuxMinimumSeconds;
    if (t.kind === 'job' && os === 'windows' && t.minutesPerRun * 60 < minimum.usd) usedWindowsMinimum = true;
    const hours = taskHours(t, H, minimum.usd);
    const spot = platform === 'windows' ? 0 : spotShare;
    if (platform === 'windows' && spotShare > 0) bill.warn(`Windows tasks cannot use Fargate Spot; ${t.name} is priced on-demand`);
    addQ(q.od, platform, size.cpu * hours * (1 - spot), size.memoryGiB * hours * (1 - spot));
    if (spot > 0 && platform !== 'windows') addQ(q.spot, platform, size.cpu * hours * spot, size.memoryGiB * hours * spot);
    q.storage += Math.max(0, t.storageGiB - FARGATE_FREE_STORAGE_GIB) * hours;
    sized.push({
      name: t.name,
      kind: t.kind,
      platform: PLATFORM_LABEL[platform],
      requested: { cpu: t.cpu, memoryGiB: t.memoryGiB },
      added: { cpu: sidecarCpu, memoryGiB: sidecarMem + (eks ? EKS_FARGATE_POD_OVERHEAD_GIB : 0) },
      billed,
      taskHoursPerMonth: roundTo(hours, 4),
      spotShare: spot,
    });
  }

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
  if (usedWindowsMinimum) bill.use(defaults.windowsMinimumSeconds, 'Fargate Windows minimum charge per task');

  // Line items, in a fixed order.
  const odCompute: number[] = [];
  for (const platform of ['x86', 'arm', 'windows'] as const) {
    const od = q.od.get(platform);
    const pair = pairFor(platform);
    if (!od || !pair) continue;
    const label = PLATFORM_LABEL[platform];
    const item = `Fargate ${label} rates in ${region}`;
    const vcpuRate = bill.use(pair.vcpuHour, item);
    const gbRate = bill.use(pair.gbHour, item);
    const before = bill.items.length;
    bill.add(`Fargate vCPU (${label})`, od.vcpu, 'vCPU-hours', vcpuRate, { estimate: !!pair.vcpuHour.estimate });
    bill.add(`Fargate memory (${label})`, od.gb, 'GB-hours', gbRate, { estimate: !!pair.gbHour.estimate });
    for (const it of bill.items.slice(before)) odCompute.push(it.monthly);
    if (platform === 'windows' && p.windows) {
      const lic = bill.use(p.windows.osLicenseVcpuHour, item);
      bill.add('Fargate Windows OS licence', od.vcpu, 'vCPU-hours', lic, { estimate: !!p.windows.osLicenseVcpuHour.estimate });
    }
  }
  for (const platform of ['x86', 'arm'] as const) {
    const s = q.spot.get(platform);
    if (!s) continue;
    const label = PLATFORM_LABEL[platform];
    const sourced = platform === 'x86' ? p.spotX86 : p.spotArm;
    bill.add(`Fargate Spot vCPU (${label})`, s.vcpu, 'vCPU-hours', spotRate(platform, 'vcpuHour'), { estimate: !sourced });
    bill.add(`Fargate Spot memory (${label})`, s.gb, 'GB-hours', spotRate(platform, 'gbHour'), { estimate: !sourced });
  }
  if (q.storage > 0) {
    const storage: SourcedPrice | undefined = p.ephemeralStorageGbHour;
    if (storage) {
      const rate = bill.use(storage, `Fargate ephemeral storage rate in ${region}`);
      bill.add(`Fargate ephemeral storage above ${FARGATE_FREE_STORAGE_GIB} GB`, q.storage, 'GB-hours', rate, {
        estimate: !!storage.estimate,
      });
    } else {
      bill.warn(`no Fargate ephemeral-storage rate for ${region}; storage above 20 GB is not priced`);
    }
  }
  const sp = w.cost.fargate.discountPercent;
  if (sp > 0 && odCompute.length > 0) {
    const base = cents(odCompute.reduce((a, b) => a + b, 0));
    bill.add(`Compute Savings Plan (${fmt(sp)}% off on-demand Fargate vCPU and memory)`, base, 'USD', -sp / 100);
  }

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
