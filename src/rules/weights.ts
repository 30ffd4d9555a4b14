/**
 * The weights that turn two continuous facts into points — the team's time (operations effort against
 * the team's capacity) and money (the bill gap) — and the margin below which two options are too close
 * to call. Each constant carries the reasoning behind it; docs/rules.md explains them for readers.
 *
 * The scale: every option starts at 50. A categorical fact an AWS guide treats as decisive (portability
 * required, per-task isolation, a Kubernetes ecosystem at the centre) is worth 10–12 points; a clear
 * preference 6–8; a caveat 2–4. The continuous contributions below are calibrated against that scale.
 */
import { REFERENCE_ENGINEER_COST, ENGINEER_HOURS_PER_MONTH } from '../domain/operations-effort.js';
import type { Workload } from '../schema/workload.js';

export const OPERATIONS_WEIGHTS = {
  /**
   * Hours a platform engineer gives the platform each month: all of them (160), the unit the effort
   * ranges are written in.
   */
  platformEngineerHours: ENGINEER_HOURS_PER_MONTH,
  /**
   * The share of a product engineer's month that goes to running the platform when nobody owns it: one
   * tenth (about two days a month). A judgement, not a measurement: it makes a 10–15-person team with no
   * platform engineers able to carry roughly one EKS cluster's upkeep at a quarter of its spare time,
   * which is where AWS's startup guidance puts the line ("EKS for teams above 10–15 engineers"; "20–40 %
   * of one engineer" for its upkeep).
   */
  productEngineerShare: 0.1,
  /**
   * Points per unit of load (effort ÷ capacity): an option that takes 10 % of the team's platform time
   * loses 6 points, a caveat's worth; 25 % loses 15, the cap.
   */
  pointsPerLoad: 60,
  /**
   * No option loses more than this for its upkeep: at a quarter of the team's platform time an option is
   * already out of reach for that team, and a larger penalty would outvote every categorical fact.
   */
  maxPenalty: 15,
} as const;

/** The hours a month the team can give the platform: platform engineers in full, product engineers in part. */
export function platformCapacityHours(w: Workload): number {
  const { engineers, platformEngineers } = w.team;
  const W = OPERATIONS_WEIGHTS;
  return W.platformEngineerHours * (platformEngineers + W.productEngineerShare * Math.max(0, engineers - platformEngineers));
}

export const COST_WEIGHTS = {
  /**
   * The absolute part: a bill gap is measured in engineer-months (the team's `engineerCostPerYear` ÷ 12,
   * or a reference engineer when none is given). A gap of one engineer-month a month is worth 10 points
   * — as much as a decisive operational fact, since it buys about one engineer — and the points approach
   * 20 as the gap grows: points = 20 × gap ÷ (gap + engineer-month).
   */
  absolutePoints: 20,
  /**
   * The relative part: up to 6 points for being several times dearer, damped on small bills so that
   * "twice as much" on a $30 bill counts for almost nothing: points = 6 × r ÷ (1 + r) × gap ÷ (gap +
   * $500), where r = gap ÷ cheapest.
   */
  relativePoints: 6,
  relativeDampingDollars: 500,
} as const;

/** USD a month of one engineer: the team's rate, or the reference engineer (used for weighing only). */
export function engineerMonthDollars(w: Workload): { dollars: number; reference: boolean } {
  const perYear = w.team.engineerCostPerYear;
  return perYear === undefined
    ? { dollars: REFERENCE_ENGINEER_COST.perYear / 12, reference: true }
    : { dollars: perYear / 12, reference: false };
}

/**
 * Below this margin the top two options are a close call. 2 points is the smallest caveat any single
 * fact carries (a Fargate launch queue, PCI host patching, Spot on Managed Instances): a lead smaller
 * than that rests on no fact of its own, only on rounding of the continuous terms, so the report says
 * what would decide it instead of naming a winner.
 */
export const CLOSE_CALL_POINTS = 2;

/** Points are kept to one decimal: enough to order options, few enough to read. */
export function roundPoints(x: number): number {
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}
