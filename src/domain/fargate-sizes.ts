/**
 * The valid Fargate task (pod) sizes and the rounding AWS applies: a request is billed as the smallest
 * valid size that covers it. EKS on Fargate first adds 256 MiB per pod (kubelet, kube-proxy,
 * containerd), then rounds.
 * ECS Fargate adds a Linux-only 32 vCPU row with exactly 60, 120 or 244 GB; EKS Fargate still ends at
 * 16 vCPU (aws/containers-roadmap#2020 is open). Neither source says whether Graviton offers 32 vCPU,
 * so the pricing model prices it and says so.
 * Sources: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
 * and https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html
 */
import type { OperatingSystem } from '../schema/enums.js';

export interface FargateSize {
  cpu: number;
  memoryGiB: number;
}

/** Which table: ECS Fargate tasks, or EKS Fargate pods. */
export type FargateVariant = 'ecs' | 'eks';

/** Ephemeral storage every Fargate task includes; more is billed per GB-hour. */
export const FARGATE_INCLUDED_STORAGE_GIB = 20;

/**
 * The most ephemeral storage a task may ask for: ECS Fargate 21–200 GiB (API EphemeralStorage), EKS
 * Fargate up to 175 GiB (EKS User Guide, Fargate pod configuration).
 */
export const FARGATE_MAX_STORAGE_GIB: Readonly<Record<FargateVariant, number>> = { ecs: 200, eks: 175 };

/** The vCPU size whose architecture support no source states (priced, with a warning on arm64). */
export const FARGATE_UNCONFIRMED_ARM_CPU = 32;

/** Memory EKS on Fargate adds to every pod before rounding. */
export const EKS_FARGATE_POD_OVERHEAD_GIB = 0.25;

const range = (min: number, max: number, step: number): number[] => {
  const out: number[] = [];
  for (let m = min; m <= max + 1e-9; m += step) out.push(m);
  return out;
};

const ROWS: readonly { cpu: number; memoryGiB: readonly number[] }[] = [
  { cpu: 0.25, memoryGiB: [0.5, 1, 2] },
  { cpu: 0.5, memoryGiB: range(1, 4, 1) },
  { cpu: 1, memoryGiB: range(2, 8, 1) },
  { cpu: 2, memoryGiB: range(4, 16, 1) },
  { cpu: 4, memoryGiB: range(8, 30, 1) },
  { cpu: 8, memoryGiB: range(16, 60, 4) },
  { cpu: 16, memoryGiB: range(32, 120, 8) },
];

/** ECS Fargate only, Linux only. */
const ECS_ONLY_ROWS: readonly { cpu: number; memoryGiB: readonly number[] }[] = [{ cpu: 32, memoryGiB: [60, 120, 244] }];

const sizesOf = (rows: typeof ROWS): FargateSize[] => rows.flatMap((r) => r.memoryGiB.map((memoryGiB) => ({ cpu: r.cpu, memoryGiB })));

/** Every valid EKS Fargate size, in table order (vCPU, then memory). */
const EKS_SIZES: readonly FargateSize[] = sizesOf(ROWS);
/** Every valid ECS Fargate Linux size, the 32 vCPU row included. */
const ECS_LINUX_SIZES: readonly FargateSize[] = sizesOf([...ROWS, ...ECS_ONLY_ROWS]);
/** Windows tasks: the 1, 2 and 4 vCPU rows only (ECS only). */
const WINDOWS_SIZES: readonly FargateSize[] = EKS_SIZES.filter((s) => s.cpu >= 1 && s.cpu <= 4);

/** The valid sizes of one table, in table order. */
export function fargateSizes(variant: FargateVariant, os: OperatingSystem = 'linux'): readonly FargateSize[] {
  if (variant === 'eks') return EKS_SIZES;
  return os === 'windows' ? WINDOWS_SIZES : ECS_LINUX_SIZES;
}

/** The largest size of one table. */
export function largestFargateSize(variant: FargateVariant, os: OperatingSystem = 'linux'): FargateSize {
  const sizes = fargateSizes(variant, os);
  return sizes.reduce((a, b) => (b.cpu > a.cpu || (b.cpu === a.cpu && b.memoryGiB > a.memoryGiB) ? b : a));
}

const EPS = 1e-9;

/**
 * The size a request is billed at: the first valid size in table order that covers `cpu` vCPU and
 * `memoryGiB` GiB (plus the pod overhead on EKS), or null when none does. A row's minimum memory never
 * falls as vCPU grows, so a later row saves at most a few GB while adding at least twice the vCPUs: the
 * first covering size is also the cheapest at AWS's rates (a vCPU-hour costs about nine GB-hours).
 */
export function fargateSize(cpu: number, memoryGiB: number, variant: FargateVariant, os: OperatingSystem = 'linux'): FargateSize | null {
  const mem = memoryGiB + (variant === 'eks' ? EKS_FARGATE_POD_OVERHEAD_GIB : 0);
  const found = fargateSizes(variant, os).find((size) => size.cpu + EPS >= cpu && size.memoryGiB + EPS >= mem);
  return found ? { ...found } : null;
}
