/**
 * The data model that flows from the pure core to the reports. The JSON report is this object,
 * serialised; the table and Markdown reports are views of it. Field names are part of the published
 * JSON document (version 1) and are fixed: fields may be added, never renamed or removed.
 */
import type { OptionId, PriceSourceKind } from '../schema/enums.js';
import type { Workload } from '../schema/workload.js';

/** One line of a bill. `monthly` is already rounded to cents; items add up to the total exactly. */
export interface LineItem {
  name: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  monthly: number;
  /** Set when the unit price is an estimate rather than a sourced price. */
  estimate?: boolean;
  note?: string;
}

export interface MonthlyCost {
  total: number;
  items: LineItem[];
}

export interface CurvePoint {
  utilization: number;
  monthly: number;
}

/** A price the model had to estimate: what, why, and how to get the exact number. */
export interface PriceEstimate {
  item: string;
  reason: string;
  fix: string;
}

/** A blocker: the rule that makes an option ineligible (e.g. `gpu`, or the pricing-derived `task-too-large`). */
export interface Blocker {
  rule: string;
  text: string;
}

export interface TaskSize {
  cpu: number;
  memoryGiB: number;
}

/** How one service or job is billed on Fargate. */
export interface FargateTaskSizing {
  name: string;
  kind: 'service' | 'job';
  platform: string;
  requested: TaskSize;
  /** Sidecars (daemons) and, on EKS, the 256 MiB pod overhead, added before rounding. */
  added: TaskSize;
  /** null when no Fargate size covers the request (priced at the requested size, for comparison only). */
  billed: TaskSize | null;
  taskHoursPerMonth: number;
  spotShare: number;
}

/** The sizing of a Fargate option: every task's billed size. */
export interface FargateSizing {
  launchType: string;
  sidecars: string[];
  podOverheadGiB: number;
  spotShare: number;
  savingsPlanPercent: number;
  tasks: FargateTaskSizing[];
}

/** One pool of identical EC2 nodes (per OS, architecture and GPU need). */
export interface PoolSizing {
  pool: string;
  /** The cluster this pool belongs to (1-based), and how many identical clusters it stands for. */
  cluster: number;
  copies: number;
  instanceType: string;
  instance: { vcpu: number; memoryGiB: number; gpus: number };
  /** What one node offers to tasks after system overhead and daemons; the slot key names the density limit. */
  capacityPerNode: { cpu: number; memoryGiB: number; gpus: number; pods?: number | null; ENIs?: number | null; tasks?: number | null };
  nodes: number;
  peakNodes: number;
  packedNodes: number;
  lowerBoundNodes: number;
  /** Zones the pool's services spread over: at least one node in each. */
  zonesInUse: number;
  tasksPerNode: number;
  bindingLimit: string;
  serviceNodeHours: number;
  jobNodeHours: number;
  candidatesConsidered: number;
}

/** The sizing of an EC2-backed option: the fleet, per pool. */
export interface Ec2Sizing {
  launchType: string;
  utilizationPercent: number;
  nodeTypes: string[];
  nodeCount: number;
  peakNodeCount: number;
  nodeHoursPerMonth: number;
  bindingLimit: string | null;
  pools: PoolSizing[];
  breakEven: { against: OptionId; note: string };
}

export type OptionSizing = FargateSizing | Ec2Sizing;

export function isEc2Sizing(s: OptionSizing): s is Ec2Sizing {
  return 'pools' in s;
}

/** What the pricing model says about one option. */
export interface OptionPricing {
  option: OptionId;
  monthlyCost: MonthlyCost;
  /** Billed Fargate sizes, or the EC2 fleet: node types and counts, tasks per node, binding limit. */
  sizing: OptionSizing;
  costCurve: CurvePoint[];
  breakEvenUtilization: number | null;
  /** Pricing-derived blockers, e.g. a task larger than any Fargate size. */
  blockers: Blocker[];
  estimates: PriceEstimate[];
  warnings: string[];
}

export interface Reason {
  rule: string;
  points: number;
  text: string;
}

export interface OptionAdvice {
  id: OptionId;
  name: string;
  rank: number;
  eligible: boolean;
  score: number;
  blockers: Blocker[];
  reasons: Reason[];
  /** What a team operates day to day with this option. */
  operates?: string[];
  monthlyCost: MonthlyCost;
  sizing: OptionSizing;
  costCurve: CurvePoint[];
  breakEvenUtilization: number | null;
}

export interface CaseStudyMatch {
  id: string;
  name?: string;
  /** The option the company chose, or the closest of the six when it ran something else (see `exact`). */
  option: OptionId;
  similarity: number;
  matches: string[];
  differs: string[];
  lesson?: string;
  /** The first source as one line, "Title — URL"; every source is in `sources`. */
  source?: string;
  /** What the company really ran, in words. */
  chose: string;
  /** true when the sources confirm exactly `option`; false when it is only the closest option. */
  exact: boolean;
  /** false when the company evaluated `option` and decided against it. */
  adopted: boolean;
  year: number;
  confidence: 'high' | 'medium' | 'low';
  /** Confidence high or medium: the sources confirm what the company chose. */
  confirmed: boolean;
  /** What the sources do not confirm, as a sentence; null when they confirm everything the case says. */
  unconfirmed: string | null;
  /** Why a case below the similarity threshold is shown; absent for close matches. */
  note?: string;
  sources: Array<{ title: string; url: string; date?: string; publisher?: string }>;
}

export interface PitfallHit {
  id: string;
  severity: 'high' | 'medium' | 'low';
  options: OptionId[];
  text: string;
  fix?: string;
  source?: string;
}

/** A what-if value: a number, a string, a boolean, or a list (compliance regimes). */
export type WhatIfValue = number | string | boolean | string[];

export interface WhatIf {
  change: string;
  /** The field changed (`team.engineers`, `cost.utilization` …), or `scale`: a factor on replicas, peakReplicas and job parallelism. */
  path: string;
  from: WhatIfValue;
  to: WhatIfValue;
  recommendation: OptionId;
}

/** One rule's outcome, fired or not — the `--explain` trace. */
export interface RuleTrace {
  rule: string;
  fired: boolean;
  why: string;
  effects: Partial<Record<OptionId, number | 'blocker'>>;
}

export interface PricingInfo {
  source: PriceSourceKind;
  asOf: string;
  region: string;
  currency: 'USD';
  hoursPerMonth: number;
  estimates: PriceEstimate[];
}

export interface Advice {
  schemaVersion: 1;
  tool: { name: 'ecs-or-eks'; version: string };
  input: Workload;
  pricing: PricingInfo;
  recommendation: { option: OptionId; runnerUp: OptionId | null; summary: string };
  options: OptionAdvice[];
  caseStudies: CaseStudyMatch[];
  pitfalls: PitfallHit[];
  whatIf: WhatIf[];
  /** Every rule, fired or not; reports print it only with `--explain`. */
  trace: RuleTrace[];
  warnings: string[];
}
