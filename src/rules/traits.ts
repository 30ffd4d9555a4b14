/**
 * Facts derived once from a workload, so every rule reads the same numbers (peak tasks, burstiness,
 * the largest task, the image that has to be pulled during scale-out, usable subnet IPs …).
 */
import type { ScaleOutModel } from '../domain/options.js';
import { tasksOf, type Task } from '../domain/tasks.js';
import type { Workload } from '../schema/workload.js';

export interface Traits {
  tasks: readonly Task[];
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
  largest: Task | undefined;
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

/** What every rule, pitfall and case study reads about one workload, computed once per advice. */
export interface WorkloadFacts {
  tasks: readonly Task[];
  traits: Traits;
}

export function factsOf(w: Workload, tasks: readonly Task[] = tasksOf(w)): WorkloadFacts {
  return { tasks, traits: deriveTraits(w, tasks) };
}

/** The traits of a workload, from the task list the pipeline made once. */
export function deriveTraits(w: Workload, tasks: readonly Task[]): Traits {
  const steadyTasks = sum(w.services.map((s) => s.replicas));
  const peakServiceTasks = sum(w.services.map((s) => s.peakReplicas));
  const jobTasks = sum(w.jobs.map((j) => j.parallelism));
  const burstyServices = w.services
    .filter((s) => s.peakReplicas > 0 && (s.replicas === 0 || s.peakReplicas >= 2 * s.replicas))
    .map((s) => s.name);
  const scaling = tasks.filter((t) => t.scalesOut);
  // The first of the largest (what a stable sort would put first), in one pass: the what-if search
  // derives these for every probe of a 10,000-service fleet.
  let largest: Task | undefined;
  for (const t of tasks) if (!largest || t.cpu > largest.cpu || (t.cpu === largest.cpu && t.memoryGiB > largest.memoryGiB)) largest = t;
  let largestService: Workload['services'][number] | undefined;
  for (const s of w.services) if (!largestService || s.peakReplicas > largestService.peakReplicas) largestService = s;
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

/**
 * Realistic seconds until a new task serves traffic during a scale-out, per option — an estimate from
 * the documented ranges, not a benchmark. The pull term assumes about 15 MB/s, which reproduces the
 * measured 53–62 s for a 413 MB image on ECS Fargate without SOCI (domain-facts 2.4).
 */
export const SCALE_OUT_MODEL = {
  pullMBps: 15,
  /** Seconds before the image pull, per way new capacity arrives. */
  baseSeconds: {
    /** ECS Fargate: capacity + ENI attach + start, 30–45 s or more before the pull. */
    'fargate-task': 35,
    /** EKS Fargate: a node per pod, about 30–45 s to create and register, then the pull. */
    'fargate-pod': 45,
    /** Karpenter-based Auto Mode provisions from pending pods directly; about a minute (third-party, low confidence). */
    'pending-pod-node': 60,
    /** A new EC2 instance "usually takes a few minutes"; Cluster Autoscaler 3–4 min end to end (third-party). */
    'new-instance': 180,
  } satisfies Record<ScaleOutModel, number>,
} as const;

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
