/**
 * Facts derived once from a workload, so every rule reads the same numbers (peak tasks, burstiness,
 * the largest task, the image that has to be pulled during scale-out, usable subnet IPs …).
 */
import type { Workload } from '../schema/workload.js';

export interface TaskShape {
  kind: 'service' | 'job';
  name: string;
  cpu: number;
  memory: number;
  arch: 'x86_64' | 'arm64';
  os: 'linux' | 'windows';
  gpus: number;
  storage: number;
  imageSizeMB: number;
  /** Whether this task's count grows at some point (a peak above the baseline, or a job run). */
  scalesOut: boolean;
}

export interface Traits {
  tasks: TaskShape[];
  /** Σ replicas: tasks running all the time. */
  steadyTasks: number;
  /** Σ peakReplicas. */
  peakServiceTasks: number;
  /** Σ job parallelism: job tasks if every job ran at once (an upper bound). */
  jobTasks: number;
  /** Services at peak plus every job at once. */
  peakTasks: number;
  /** Tasks started during a scale-out: Σ(peak − replicas) + job tasks. */
  scaleOutTasks: number;
  /** Services whose peak is at least twice their baseline (or that start from zero). */
  burstyServices: string[];
  bursty: boolean;
  hasJobs: boolean;
  scalesOut: boolean;
  gpuTasks: string[];
  windowsTasks: string[];
  armTasks: string[];
  hostDaemons: string[];
  sidecarDaemons: string[];
  largest: TaskShape | undefined;
  /** The largest image among tasks that scale out (else among all tasks): what a scale-out pulls. */
  scaleOutImageMB: number;
  /** The largest service at peak (its rolling deploy surges by up to this many tasks). */
  largestServicePeak: number;
  largestServiceName: string | null;
  /** Usable IPv4 addresses across `network.subnets` (AWS reserves 5 per subnet); null when none are given. */
  subnetIps: number | null;
  govCloud: boolean;
}

/** AWS keeps 5 addresses in every subnet: a /24 holds 251 (domain-facts 4.1). */
export function usableIps(cidr: string): number {
  const prefix = Number(cidr.split('/')[1]);
  return 2 ** (32 - prefix) - 5;
}

export function deriveTraits(w: Workload): Traits {
  const tasks: TaskShape[] = [
    ...w.services.map((s) => ({
      kind: 'service' as const,
      name: s.name,
      cpu: s.cpu,
      memory: s.memory,
      arch: s.arch,
      os: s.os,
      gpus: s.gpus,
      storage: s.storage,
      imageSizeMB: s.imageSizeMB,
      scalesOut: s.peakReplicas > s.replicas,
    })),
    ...w.jobs.map((j) => ({
      kind: 'job' as const,
      name: j.name,
      cpu: j.cpu,
      memory: j.memory,
      arch: j.arch,
      os: j.os,
      gpus: j.gpus,
      storage: j.storage,
      imageSizeMB: j.imageSizeMB,
      scalesOut: true,
    })),
  ];
  const steadyTasks = sum(w.services.map((s) => s.replicas));
  const peakServiceTasks = sum(w.services.map((s) => s.peakReplicas));
  const jobTasks = sum(w.jobs.map((j) => j.parallelism));
  const burstyServices = w.services
    .filter((s) => s.peakReplicas > 0 && (s.replicas === 0 || s.peakReplicas >= 2 * s.replicas))
    .map((s) => s.name);
  const scaling = tasks.filter((t) => t.scalesOut);
  const largest = [...tasks].sort((a, b) => b.cpu - a.cpu || b.memory - a.memory)[0];
  const largestService = [...w.services].sort((a, b) => b.peakReplicas - a.peakReplicas)[0];
  return {
    tasks,
    steadyTasks,
    peakServiceTasks,
    jobTasks,
    peakTasks: peakServiceTasks + jobTasks,
    scaleOutTasks: sum(w.services.map((s) => s.peakReplicas - s.replicas)) + jobTasks,
    burstyServices,
    bursty: burstyServices.length > 0 || w.jobs.length > 0,
    hasJobs: w.jobs.length > 0,
    scalesOut: scaling.length > 0,
    gpuTasks: tasks.filter((t) => t.gpus > 0).map((t) => t.name),
    windowsTasks: tasks.filter((t) => t.os === 'windows').map((t) => t.name),
    armTasks: tasks.filter((t) => t.arch === 'arm64').map((t) => t.name),
    hostDaemons: w.daemons.filter((d) => d.hostAccess).map((d) => d.name),
    sidecarDaemons: w.daemons.filter((d) => !d.hostAccess).map((d) => d.name),
    largest,
    scaleOutImageMB: Math.max(0, ...(scaling.length > 0 ? scaling : tasks).map((t) => t.imageSizeMB)),
    largestServicePeak: largestService?.peakReplicas ?? 0,
    largestServiceName: largestService?.name ?? null,
    subnetIps: w.network.subnets.length > 0 ? sum(w.network.subnets.map(usableIps)) : null,
    govCloud: w.region.includes('-gov-'),
  };
}

/** The valid Fargate sizes (domain-facts 1.1): vCPU → the GiB values allowed with it. */
const FARGATE_SIZES: ReadonlyArray<readonly [number, readonly number[]]> = [
  [0.25, [0.5, 1, 2]],
  [0.5, range(1, 4, 1)],
  [1, range(2, 8, 1)],
  [2, range(4, 16, 1)],
  [4, range(8, 30, 1)],
  [8, range(16, 60, 4)],
  [16, range(32, 120, 8)],
];

export const FARGATE_MAX = { cpu: 16, memory: 120 } as const;
/** EKS Fargate adds 256 MiB for kubelet, kube-proxy and containerd before rounding (domain-facts 1.15). */
export const EKS_FARGATE_OVERHEAD_GIB = 0.25;

/** The smallest valid Fargate size that holds the request, or null if none does. */
export function fargateSize(cpu: number, memory: number): { cpu: number; memory: number } | null {
  for (const [c, mems] of FARGATE_SIZES) {
    if (c < cpu) continue;
    const m = mems.find((x) => x >= memory);
    if (m !== undefined) return { cpu: c, memory: m };
  }
  return null;
}

/**
 * Realistic seconds until a new task serves traffic during a scale-out, per option — an estimate from
 * the documented ranges, not a benchmark. The pull term assumes about 15 MB/s, which reproduces the
 * measured 53–62 s for a 413 MB image on ECS Fargate without SOCI (domain-facts 2.4).
 */
export const SCALE_OUT_MODEL = {
  pullMBps: 15,
  /** ECS Fargate: capacity + ENI attach + start, 30–45 s or more before the pull (2.1, 2.2). */
  ecsFargateBase: 35,
  /** EKS Fargate: a node per pod, about 30–45 s to create and register, then the pull (2.3). */
  eksFargateBase: 45,
  /** A new EC2 instance "usually takes a few minutes" (2.2); Cluster Autoscaler 3–4 min end to end (2.8, 3p). */
  newInstanceBase: 180,
  /** Karpenter-based Auto Mode provisions from pending pods directly; about a minute (2.8, 2.9, 3p, low confidence). */
  autoModeBase: 60,
} as const;

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let x = from; x <= to; x += step) out.push(x);
  return out;
}
