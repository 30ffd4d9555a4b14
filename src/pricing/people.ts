/**
 * The people side of the total cost of ownership (docs/tco.md): the recurring operations effort of
 * each option for this fleet, its dollars when the team gave a rate, and the one-time move from the
 * current platform with its payback. Kept apart from the AWS bill: nothing here is added to
 * `monthlyCost`.
 */
import type { MigrationEstimate, OperationsEffort, PeopleCost, Range } from '../domain/advice.js';
import {
  ENGINEER_HOURS_PER_MONTH,
  ENGINEER_HOURS_PER_WEEK,
  EXTRA_CLUSTER_SETUP_WEEKS,
  MIGRATION_EFFORT,
  effortSources,
} from '../domain/operations-effort.js';
import { plural } from '../domain/text.js';
import type { OptionId } from '../schema/enums.js';
import type { Workload } from '../schema/workload.js';

/** USD per engineer-hour at the team's rate, or null when the team gave none. */
export function hourlyRate(w: Workload): number | null {
  const perYear = w.team.engineerCostPerYear;
  return perYear === undefined ? null : perYear / (12 * ENGINEER_HOURS_PER_MONTH);
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const range = (low: number, high: number): Range => ({ low: round1(low), high: round1(high) });

const dollars = (hours: Range, rate: number): Range => ({ low: Math.round(hours.low * rate), high: Math.round(hours.high * rate) });

export function peopleCost(effort: OperationsEffort, w: Workload): PeopleCost {
  const rate = hourlyRate(w);
  return {
    ...effort,
    engineers: {
      low: Math.round((effort.hoursPerMonth.low / ENGINEER_HOURS_PER_MONTH) * 100) / 100,
      high: Math.round((effort.hoursPerMonth.high / ENGINEER_HOURS_PER_MONTH) * 100) / 100,
    },
    monthly: rate === null ? null : dollars(effort.hoursPerMonth, rate),
  };
}

/** Infrastructure plus people, low and high; null without a rate. */
export function totalCostOfOwnership(infrastructure: number, people: PeopleCost): Range | null {
  if (people.monthly === null) return null;
  return { low: Math.round(infrastructure + people.monthly.low), high: Math.round(infrastructure + people.monthly.high) };
}

/** How many services (and jobs) would move: `current.services`, or every service and job. */
function movingUnits(w: Workload): number {
  return w.current?.services ?? w.services.length + w.jobs.length;
}

/**
 * The move from `current.platform` to `target`. The payback compares the monthly total cost of
 * ownership at the same end of both ranges (low with low, high with high: the same assumptions).
 */
export function migrationTo(target: OptionId, w: Workload, tco: Record<OptionId, Range | null>): MigrationEstimate | null {
  const from = w.current?.platform;
  if (from === undefined || from === 'none') return null;
  const rate = hourlyRate(w);
  if (from === target) {
    return {
      from,
      weeks: { low: 0, high: 0 },
      cost: rate === null ? null : { low: 0, high: 0 },
      paybackMonths: null,
      payback: 'stay',
      basis: 'The current platform: nothing to move.',
      confidence: 'high',
      sources: [],
    };
  }
  const effort = MIGRATION_EFFORT[`${from}->${target}`];
  if (!effort) return null;
  const clusters = w.cost.clusters;
  const units = effort.per === 'cluster' ? clusters : movingUnits(w);
  const setup = effort.setupWeeks ?? [0, 0];
  const extra = effort.setupWeeks ? EXTRA_CLUSTER_SETUP_WEEKS.map((x) => x * (clusters - 1)) : [0, 0];
  const weeks = range(effort.weeks[0] * units + setup[0] + extra[0]!, effort.weeks[1] * units + setup[1] + extra[1]!);
  const basis = [
    `${effort.weeks[0]}–${effort.weeks[1]} engineer-weeks per ${effort.per} × ${plural(units, effort.per)}`,
    effort.setupWeeks ? `${setup[0]}–${setup[1]} to set up the target once` : '',
    effort.setupWeeks && clusters > 1 ? `${EXTRA_CLUSTER_SETUP_WEEKS.join('–')} for each further cluster` : '',
  ]
    .filter(Boolean)
    .join(', plus ');
  const base = { from, weeks, basis: `${basis}.`, confidence: effort.confidence, sources: effortSources(effort.sources) };
  if (rate === null) return { ...base, cost: null, paybackMonths: null, payback: 'unknown' };
  const cost = dollars({ low: weeks.low * ENGINEER_HOURS_PER_WEEK, high: weeks.high * ENGINEER_HOURS_PER_WEEK }, rate);
  const now = tco[from];
  const next = tco[target];
  if (!now || !next) return { ...base, cost, paybackMonths: null, payback: 'unknown' };
  const savings = [now.low - next.low, now.high - next.high].sort((a, b) => a - b) as [number, number];
  if (savings[1] <= 0) return { ...base, cost, paybackMonths: null, payback: 'never' };
  const low = round1(cost.low / savings[1]);
  if (savings[0] <= 0) return { ...base, cost, paybackMonths: { low, high: null }, payback: 'may-not-pay-back' };
  return { ...base, cost, paybackMonths: { low, high: round1(cost.high / savings[0]) }, payback: 'pays-back' };
}
