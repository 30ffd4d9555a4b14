/**
 * The people side of the decision in words, shared by the Markdown and HTML reports: operations
 * effort, the total cost of ownership and the move from the current platform. Always kept beside the
 * AWS bill, never added into it.
 */
import type { Advice, MigrationEstimate, Range } from '../domain/advice.js';
import { optionName } from '../domain/options.js';
import { formatNumber } from '../schema/numbers.js';
import { quantity } from './format.js';

/** "21–84" (or "4" when both ends agree). */
export function span(r: Range, format: (x: number) => string = quantity): string {
  return r.low === r.high ? format(r.low) : `${format(r.low)}–${format(r.high)}`;
}

/** "$1,234–$5,678": the people-side figures are whole dollars (estimates; cents would claim precision). */
export function moneySpan(r: Range): string {
  return span(r, dollars);
}

/** "$190,000" */
export function dollars(x: number): string {
  return `${x < 0 ? '−' : ''}$${formatNumber(Math.abs(Math.round(x)))}`;
}

/** The engineer rate the dollars come from, or null when the workload gave none. */
export function engineerRate(advice: Advice): number | null {
  return advice.input.team.engineerCostPerYear ?? null;
}

/** One sentence on how the effort (and the dollars, when there are any) were estimated. */
export function peopleBasis(advice: Advice): string {
  const rate = engineerRate(advice);
  const how =
    'Estimated, not measured: each option’s recurring operations work (upgrades, node and image patching, scaling, add-ons, on-call), ' +
    'item by item, counted for this workload (clusters, node pools, nodes), from the public sources listed with each item; ' +
    '160 engineer-hours make one engineer-month.';
  return rate === null
    ? `${how} Set team.engineerCostPerYear in the workload to see the effort in dollars and the total cost of ownership.`
    : `${how} Dollars at the workload’s ${dollars(rate)} a year per engineer, fully loaded; the total cost of ownership is the AWS bill plus that.`;
}

/** "6–14 engineer-weeks", "nothing to move" */
export function migrationWeeks(m: MigrationEstimate): string {
  if (m.payback === 'stay') return 'none';
  return `${span(m.weeks)} engineer-weeks`;
}

/** When the move pays for itself, in words. */
export function describePayback(m: MigrationEstimate): string {
  switch (m.payback) {
    case 'stay':
      return 'the current platform';
    case 'pays-back':
      return m.paybackMonths
        ? `pays back in ${span({ low: m.paybackMonths.low, high: m.paybackMonths.high ?? m.paybackMonths.low })} months`
        : 'pays back';
    case 'may-not-pay-back':
      return `pays back in ${quantity(m.paybackMonths?.low ?? 0)} months at best; at the unfavourable end it may never`;
    case 'never':
      return `never pays back: it costs more a month to own than ${optionName(m.from)}`;
    case 'unknown':
      return 'payback unknown without an engineer rate (team.engineerCostPerYear)';
  }
}

/** "Migration from ECS on EC2 (ecs-ec2)" header line, or null when no option has a migration estimate. */
export function migrationFrom(advice: Advice): MigrationEstimate['from'] | null {
  return advice.options.find((o) => o.migration)?.migration?.from ?? null;
}
