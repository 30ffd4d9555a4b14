/**
 * The data model that flows from the pure core to the reports. The JSON report is this object,
 * serialised; the table and Markdown reports are views of it. Field names follow SPEC §7 and are fixed.
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

/** A blocker id from SPEC §6 (or a pricing-derived one such as `task-too-large`). */
export interface Blocker {
  rule: string;
  text: string;
}

/** What the pricing model says about one option. */
export interface OptionPricing {
  option: OptionId;
  monthlyCost: MonthlyCost;
  /** Billed Fargate sizes, node types and counts, tasks per node, binding limit … (free-form, documented). */
  sizing: Record<string, unknown>;
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
  sizing: Record<string, unknown>;
  costCurve: CurvePoint[];
  breakEvenUtilization: number | null;
}

export interface CaseStudyMatch {
  id: string;
  name?: string;
  option: OptionId;
  similarity: number;
  matches: string[];
  differs: string[];
  lesson?: string;
  source?: string;
}

export interface PitfallHit {
  id: string;
  severity: 'high' | 'medium' | 'low';
  options: OptionId[];
  text: string;
  fix?: string;
  source?: string;
}

export interface WhatIf {
  change: string;
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
