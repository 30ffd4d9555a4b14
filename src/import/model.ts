/**
 * What every source reader produces before the draft is assembled: one `ImportedTask` per workload
 * found, each number with the note that says where it came from, and `todo` set where the number is
 * a default or an assumption rather than something the file says.
 */
import type { Architecture, OperatingSystem } from '../schema/enums.js';
import { isRegionCode } from '../schema/regions.js';

/** A value with its provenance. `todo`: a default or an assumption; the draft marks it `# TODO`. */
export interface Sourced<T> {
  value: T;
  note: string;
  todo?: boolean;
}

export type TaskKind = 'service' | 'job' | 'daemon';

export interface ImportedTask {
  kind: TaskKind;
  /** The name in the source, before tidying. */
  name: string;
  /** `file:line: Deployment shop/frontend, 2 containers` — the line above the item in the draft. */
  origin: string;
  cpu: Sourced<number>;
  memory: Sourced<number>;
  gpus?: Sourced<number>;
  storage?: Sourced<number>;
  arch?: Sourced<Architecture>;
  os?: Sourced<OperatingSystem>;
  replicas?: Sourced<number>;
  peakReplicas?: Sourced<number>;
  peakHoursPerDay?: Sourced<number>;
  runsPerDay?: Sourced<number>;
  minutesPerRun?: Sourced<number>;
  parallelism?: Sourced<number>;
  hostAccess?: Sourced<boolean>;
  /** Why this task needs each workload-wide requirement, e.g. `container app is privileged`. */
  needs: { privileged?: string; hostNetworking?: string; blockStorage?: string };
  /** ECS tasks placed on FARGATE_SPOT, for `cost.fargate.spotPercent`. */
  spot?: { tasks: number; spotTasks: number; note: string };
}

/** An object the reader recognised but does not import (a Service, a ConfigMap, a CRD, a VPC…). */
export interface Skipped {
  file: string;
  kind: string;
  name: string;
  /** Why, when it is not simply "not a workload". */
  reason?: string;
}

/** A hint about the platform the files run on today (from a Terraform plan or ECS service). */
export interface PlatformHint {
  /** An option id or a plain description. */
  platform: string;
  evidence: string;
}

/** A Kubernetes tool the files show in use (Helm's chart labels), for `team.kubernetesEcosystem`. */
export interface EcosystemHint {
  tool: 'Helm';
  /** How many objects carry its labels. */
  objects: number;
}

/** A region named by the files (a provider block, an ARN, a log configuration). */
export interface RegionHint {
  region: string;
  evidence: string;
}

/**
 * Something the user should know: where, about what, and the message. Warnings with the same file,
 * kind and message are printed as one line naming every object.
 */
export interface Warning {
  /** `file:line`, or `file: resource.address` for a Terraform plan. */
  at: string;
  file: string;
  subject?: { kind: string; name: string };
  message: string;
}

/** What one source reader returns. */
export interface SourceResult {
  tasks: ImportedTask[];
  skipped: Skipped[];
  warnings: Warning[];
  platforms: PlatformHint[];
  regions: RegionHint[];
  ecosystem: EcosystemHint[];
}

export function emptyResult(): SourceResult {
  return { tasks: [], skipped: [], warnings: [], platforms: [], regions: [], ecosystem: [] };
}

/** Adds `b` into `a`. */
export function mergeInto(a: SourceResult, b: SourceResult): void {
  a.tasks.push(...b.tasks);
  a.skipped.push(...b.skipped);
  a.warnings.push(...b.warnings);
  a.platforms.push(...b.platforms);
  a.regions.push(...b.regions);
  a.ecosystem.push(...b.ecosystem);
}

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Json {
  return isRecord(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The default size of a task the files give no size for: the smallest Fargate task. */
export const DEFAULT_CPU = 0.25;
export const DEFAULT_MEMORY_GIB = 0.5;
/** Hours a day at the autoscaling maximum, when the files say only min and max. */
export const ASSUMED_PEAK_HOURS = 4;
/** Minutes a job run takes, when the files set no deadline. */
export const ASSUMED_MINUTES_PER_RUN = 10;

/** The Regions the workload schema accepts (AWS commercial and GovCloud (US)); others are not taken from the files. */
export const REGION_PATTERN = { test: isRegionCode } as const;

/** Regions found in an ARN (`arn:aws:ecs:us-east-2:…`). */
export function regionOfArn(arn: unknown): string | undefined {
  if (typeof arn !== 'string') return undefined;
  const m = /^arn:aws[a-z-]*:[a-z0-9-]+:([a-z0-9-]+):/.exec(arn);
  return m && REGION_PATTERN.test(m[1]!) ? m[1] : undefined;
}
