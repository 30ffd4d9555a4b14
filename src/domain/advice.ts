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

/** A range of estimates: the low and the high end. */
export interface Range {
  low: number;
  high: number;
}

/** One item of an option's recurring operations work, counted for this workload. */
export interface EffortLine {
  item: string;
  /** What is counted: "per estate", "× 3 clusters", "× 4 node pools, + 120 nodes". */
  counted: string;
  hoursPerMonth: Range;
  confidence: 'high' | 'medium' | 'low';
  sources: Array<{ title: string; url: string; date?: string }>;
}

/** The recurring platform work an option puts on the team: engineer-hours a month, always an estimate. */
export interface OperationsEffort {
  hoursPerMonth: Range;
  items: EffortLine[];
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

/** The people side of an option: operations effort, in dollars when the team gave a rate. */
export interface PeopleCost extends OperationsEffort {
  /** Share of one engineer's month (160 h). */
  engineers: Range;
  /** USD a month at `team.engineerCostPerYear`; null when no rate was given. */
  monthly: Range | null;
}

/** A one-time move from `input.current.platform` to this option. */
export interface MigrationEstimate {
  from: OptionId;
  /** Engineer-weeks (40 h), not calendar weeks; zero when this option is the current platform. */
  weeks: Range;
  /** USD at `team.engineerCostPerYear`; null when no rate was given. */
  cost: Range | null;
  /** Months until the lower monthly total cost repays the move; `high` is null when it may never. */
  paybackMonths: Range | { low: number; high: null } | null;
  /** `stay`: the current platform; `pays-back`; `may-not-pay-back` (only at the favourable end); `never`; `unknown` (no rate given). */
  payback: 'stay' | 'pays-back' | 'may-not-pay-back' | 'never' | 'unknown';
  /** How the range was made, in one sentence. */
  basis: string;
  confidence: 'high' | 'medium' | 'low';
  sources: Array<{ title: string; url: string; date?: string }>;
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
  /** 0–100; null when the option is blocked (it cannot run the workload, so it has no score). */
  score: number | null;
  blockers: Blocker[];
  reasons: Reason[];
  /** What a team operates day to day with this option. */
  operates?: string[];
  /** The AWS bill. For a blocked option it is computed for comparison only (`eligible: false`). */
  monthlyCost: MonthlyCost;
  sizing: OptionSizing;
  costCurve: CurvePoint[];
  breakEvenUtilization: number | null;
  /** The people who run it: recurring operations effort, never mixed into `monthlyCost`. */
  people: PeopleCost;
  /** `monthlyCost.total` plus the people cost, low and high; null when no engineer rate was given. */
  totalCostOfOwnership: Range | null;
  /** The move from the current platform; null when `current.platform` is not given or is `none`. */
  migration: MigrationEstimate | null;
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
  /** The options it concerns; never a blocked one. */
  options: OptionId[];
  text: string;
  fix?: string;
  /** Every source as "Title — URL", joined with "; " (the same documents as `sources`). */
  source?: string;
  sources?: Array<{ title: string; url: string; date?: string }>;
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

export interface Recommendation {
  option: OptionId;
  runnerUp: OptionId | null;
  summary: string;
  /** false when every option is blocked: `option` then names none of them as runnable. */
  eligible: boolean;
  /** The recommended option's score; null when nothing is eligible. */
  score: number | null;
  /** The recommended option's AWS bill a month; null when nothing is eligible. */
  monthlyCost: number | null;
  /** Points between the recommendation and the runner-up; null without an eligible runner-up. */
  margin: number | null;
  /** The margin is below the close-call threshold: scores do not separate the two. */
  closeCall: boolean;
}

export interface Advice {
  schemaVersion: 1;
  tool: { name: 'ecs-or-eks'; version: string };
  input: Workload;
  pricing: PricingInfo;
  recommendation: Recommendation;
  options: OptionAdvice[];
  caseStudies: CaseStudyMatch[];
  pitfalls: PitfallHit[];
  whatIf: WhatIf[];
  /** Every rule, fired or not; reports print it only with `--explain`. */
  trace: RuleTrace[];
  warnings: string[];
}
