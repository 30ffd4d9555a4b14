/**
 * Fargate task sizes (reference/pricing-facts.md §1.5, AWS "task CPU and memory" docs) and the
 * rounding AWS applies: a request is billed as the cheapest valid size that covers it. EKS on
 * Fargate first adds 256 MiB per pod (kubelet, kube-proxy, containerd), then rounds.
 */
import type { OperatingSystem } from '../schema/enums.js';

export interface FargateSize {
  cpu: number;
  memoryGiB: number;
}

/** The largest Fargate task (Linux, platform 1.4.0+). */
export const FARGATE_MAX: FargateSize = { cpu: 16, memoryGiB: 120 };
/** Memory EKS on Fargate adds to every pod before rounding. */
export const EKS_FARGATE_POD_OVERHEAD_GIB = 0.25;

const range = (min: number, max: number, step: number): number[] => {
  const out: number[] = [];
  for (let m = min; m <= max + 1e-9; m += step) out.push(m);
  return out;
};

const ROWS: { cpu: number; memoryGiB: number[] }[] = [
  { cpu: 0.25, memoryGiB: [0.5, 1, 2] },
  { cpu: 0.5, memoryGiB: range(1, 4, 1) },
  { cpu: 1, memoryGiB: range(2, 8, 1) },
  { cpu: 2, memoryGiB: range(4, 16, 1) },
  { cpu: 4, memoryGiB: range(8, 30, 1) },
  { cpu: 8, memoryGiB: range(16, 60, 4) },
  { cpu: 16, memoryGiB: range(32, 120, 8) },
];

/** Every valid Linux size, in table order. */
export const FARGATE_SIZES: readonly FargateSize[] = ROWS.flatMap((r) => r.memoryGiB.map((memoryGiB) => ({ cpu: r.cpu, memoryGiB })));
/** Windows tasks: the 1, 2 and 4 vCPU rows only. */
export const FARGATE_WINDOWS_SIZES: readonly FargateSize[] = FARGATE_SIZES.filter((s) => s.cpu >= 1 && s.cpu <= 4);

export interface FargateSizeOptions {
  os?: OperatingSystem;
  /** EKS on Fargate: +256 MiB per pod before rounding. */
  eks?: boolean;
  /** Rates used to pick the cheapest covering size; defaults to the us-east-1 Linux/x86 ratio. */
  rates?: { vcpuHour: number; gbHour: number };
}

const EPS = 1e-9;

/**
 * The cheapest valid Fargate size covering `cpu` vCPU and `memoryGiB` GiB, or null when none does
 * (beyond 16 vCPU / 120 GiB, or beyond 4 vCPU / 30 GiB for Windows). Ties go to the smaller vCPU.
 */
export function fargateSize(cpu: number, memoryGiB: number, opts: FargateSizeOptions = {}): FargateSize | null {
  const mem = memoryGiB + (opts.eks ? EKS_FARGATE_POD_OVERHEAD_GIB : 0);
  const rates = opts.rates ?? { vcpuHour: 0.04048, gbHour: 0.004445 };
  const table = opts.os === 'windows' ? FARGATE_WINDOWS_SIZES : FARGATE_SIZES;
  let best: FargateSize | null = null;
  let bestCost = Infinity;
  for (const size of table) {
    if (size.cpu + EPS < cpu || size.memoryGiB + EPS < mem) continue;
    const cost = size.cpu * rates.vcpuHour + size.memoryGiB * rates.gbHour;
    if (cost < bestCost - 1e-12) {
      best = size;
      bestCost = cost;
    }
  }
  return best ? { ...best } : null;
}
