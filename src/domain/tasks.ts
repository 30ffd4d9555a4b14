/**
 * The workload turned into one list of tasks, once per advice: every service and job with what one
 * task asks for and how often it runs. Pricing, rules, pitfalls, case studies and what-if all read
 * this list (and the same billing arithmetic), so they cannot disagree about what the workload is.
 */
import type { Architecture, OperatingSystem } from '../schema/enums.js';
import type { Workload } from '../schema/workload.js';

export interface Task {
  name: string;
  kind: 'service' | 'job';
  /** vCPU per task. */
  cpu: number;
  memoryGiB: number;
  arch: Architecture;
  os: OperatingSystem;
  gpus: number;
  storageGiB: number;
  imageSizeMB: number;
  /** Services: replicas running all month. */
  replicas: number;
  /** Services: extra replicas during the peak. */
  peakExtra: number;
  /** Services: hours per day the peak lasts. */
  peakHoursPerDay: number;
  /** Jobs: runs per month (runsPerDay × days). */
  runsPerMonth: number;
  /** Jobs: tasks per run. */
  parallelism: number;
  /** Jobs: minutes per run, before any minimum charge. */
  minutesPerRun: number;
  /** Whether this task's count grows at some point (a peak above the baseline, or a job run). */
  scalesOut: boolean;
}

export function daysPerMonth(hoursPerMonth: number): number {
  return hoursPerMonth / 24;
}

export function tasksOf(w: Workload): Task[] {
  const days = daysPerMonth(w.cost.hoursPerMonth);
  const services: Task[] = w.services.map((s) => ({
    name: s.name,
    kind: 'service',
    cpu: s.cpu,
    memoryGiB: s.memory,
    arch: s.arch,
    os: s.os,
    gpus: s.gpus,
    storageGiB: s.storage,
    imageSizeMB: s.imageSizeMB,
    replicas: s.replicas,
    peakExtra: Math.max(0, s.peakReplicas - s.replicas),
    peakHoursPerDay: s.peakReplicas > s.replicas ? s.peakHoursPerDay : 0,
    runsPerMonth: 0,
    parallelism: 0,
    minutesPerRun: 0,
    scalesOut: s.peakReplicas > s.replicas,
  }));
  const jobs: Task[] = w.jobs.map((j) => ({
    name: j.name,
    kind: 'job',
    cpu: j.cpu,
    memoryGiB: j.memory,
    arch: j.arch,
    os: j.os,
    gpus: j.gpus,
    storageGiB: j.storage,
    imageSizeMB: j.imageSizeMB,
    replicas: 0,
    peakExtra: 0,
    peakHoursPerDay: 0,
    runsPerMonth: j.runsPerDay * days,
    parallelism: j.parallelism,
    minutesPerRun: j.minutesPerRun,
    scalesOut: true,
  }));
  return [...services, ...jobs];
}

/**
 * Task launches per month: a service's baseline once (deploys aside), its extra peak tasks every day,
 * and every task of every job run.
 */
export function taskStartsPerMonth(t: Task, hoursPerMonth: number): number {
  if (t.kind === 'service') return t.replicas + t.peakExtra * (t.peakHoursPerDay > 0 ? daysPerMonth(hoursPerMonth) : 0);
  return t.runsPerMonth * t.parallelism;
}

/**
 * Task-hours per month. Services: replicas × hours + (peak − replicas) × peak hours × days. Jobs:
 * runs × parallelism × max(duration, minimum charge). `startSeconds` is billed on top of every launch
 * (Fargate bills from the start of the image pull).
 */
export function taskHours(t: Task, hoursPerMonth: number, minimumSeconds: number, startSeconds = 0): number {
  if (t.kind === 'service') {
    const running = t.replicas * hoursPerMonth + t.peakExtra * t.peakHoursPerDay * daysPerMonth(hoursPerMonth);
    return running + (taskStartsPerMonth(t, hoursPerMonth) * startSeconds) / 3600;
  }
  const seconds = Math.max(t.minutesPerRun * 60 + startSeconds, minimumSeconds);
  return (t.runsPerMonth * t.parallelism * seconds) / 3600;
}

/** The always-on share of a task's hours: a service's baseline replicas (what a Savings Plan is sized to). */
export function baselineTaskHours(t: Task, hoursPerMonth: number): number {
  return t.kind === 'service' ? t.replicas * hoursPerMonth : 0;
}
