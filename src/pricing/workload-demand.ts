/**
 * What the workload asks for, in the units the pricing model bills: task-hours per month for each
 * service and job (SPEC §4). Shared by the Fargate and the EC2 models.
 */
import type { Architecture, OperatingSystem } from '../schema/enums.js';
import type { Workload } from '../schema/workload.js';

export interface TaskSpec {
  name: string;
  kind: 'service' | 'job';
  cpu: number;
  memoryGiB: number;
  arch: Architecture;
  os: OperatingSystem;
  gpus: number;
  storageGiB: number;
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
}

export function daysPerMonth(hoursPerMonth: number): number {
  return hoursPerMonth / 24;
}

export function taskSpecs(w: Workload): TaskSpec[] {
  const days = daysPerMonth(w.cost.hoursPerMonth);
  const services: TaskSpec[] = w.services.map((s) => ({
    name: s.name,
    kind: 'service',
    cpu: s.cpu,
    memoryGiB: s.memory,
    arch: s.arch,
    os: s.os,
    gpus: s.gpus,
    storageGiB: s.storage,
    replicas: s.replicas,
    peakExtra: Math.max(0, s.peakReplicas - s.replicas),
    peakHoursPerDay: s.peakReplicas > s.replicas ? s.peakHoursPerDay : 0,
    runsPerMonth: 0,
    parallelism: 0,
    minutesPerRun: 0,
  }));
  const jobs: TaskSpec[] = w.jobs.map((j) => ({
    name: j.name,
    kind: 'job',
    cpu: j.cpu,
    memoryGiB: j.memory,
    arch: j.arch,
    os: j.os,
    gpus: j.gpus,
    storageGiB: j.storage,
    replicas: 0,
    peakExtra: 0,
    peakHoursPerDay: 0,
    runsPerMonth: j.runsPerDay * days,
    parallelism: j.parallelism,
    minutesPerRun: j.minutesPerRun,
  }));
  return [...services, ...jobs];
}

/**
 * Task-hours per month. Services: replicas × hours + (peak − replicas) × peak hours × days. Jobs:
 * runs × parallelism × max(duration, minimum charge).
 */
export function taskHours(t: TaskSpec, hoursPerMonth: number, minimumSeconds: number): number {
  if (t.kind === 'service') {
    return t.replicas * hoursPerMonth + t.peakExtra * t.peakHoursPerDay * daysPerMonth(hoursPerMonth);
  }
  const seconds = Math.max(t.minutesPerRun * 60, minimumSeconds);
  return (t.runsPerMonth * t.parallelism * seconds) / 3600;
}
