/**
 * The people side of each option in the terminal report: recurring operations effort, its dollars
 * and the total cost of ownership when the team gave a rate, and the move from the current platform.
 * Always beside the AWS bill, never inside it.
 */
import type { ChalkInstance } from 'chalk';
import type { Advice, MigrationEstimate } from '../domain/advice.js';
import { optionName } from '../domain/options.js';
import { money } from '../domain/text.js';
import { range } from './format.js';
import { wrap } from './text.js';

export function renderPeople(advice: Advice, width: number, c: ChalkInstance): string[] {
  const rate = advice.input.team.engineerCostPerYear;
  const out: string[] = [c.bold('The people who run it (an estimate, not part of the AWS bill)')];
  const eligible = advice.options.filter((o) => o.eligible);
  const nameWidth = Math.max(6, ...eligible.map((o) => o.name.length));
  // With a rate: effort, its dollars and the TCO; without: effort and the share of an engineer.
  const head = [
    'Option'.padEnd(nameWidth),
    'Effort/month'.padStart(12),
    ...(rate === undefined ? ['Engineers'.padStart(10)] : ['People/month'.padStart(12), 'TCO/month'.padStart(12)]),
  ];
  out.push(`  ${head.join('  ')}`);
  for (const o of eligible) {
    const p = o.people;
    const cells = [o.name.padEnd(nameWidth), range(p.hoursPerMonth.low, p.hoursPerMonth.high, 'h').padStart(12)];
    if (p.monthly && o.totalCostOfOwnership)
      cells.push(
        range(p.monthly.low, p.monthly.high, 'usd').padStart(12),
        range(o.totalCostOfOwnership.low, o.totalCostOfOwnership.high, 'usd').padStart(12),
      );
    else cells.push(`${p.engineers.low.toFixed(2)}–${p.engineers.high.toFixed(2)}`.padStart(10));
    out.push(`  ${cells.join('  ')}`);
  }
  out.push(
    wrap(
      c.dim(
        `How: sourced ranges of recurring platform work (upgrades, add-ons, patching, autoscaling, on-call) counted per estate, cluster, node pool and 100 nodes of this fleet; ` +
          (rate === undefined
            ? 'give team.engineerCostPerYear to see dollars and the total cost of ownership.'
            : `dollars at ${money(rate).replace(/\.00$/, '')} a year per engineer (1,920 h); TCO = the AWS bill + people.`) +
          ' `--format json` lists every item and its sources.',
      ),
      width,
      '  ',
    ),
  );
  const moves = eligible.filter((o) => o.migration && o.migration.payback !== 'stay');
  const from = advice.input.current?.platform;
  if (moves.length > 0 && from && from !== 'none') {
    out.push(`  ${c.bold(`Moving from ${optionName(from)}`)} ${c.dim('(engineer-weeks of effort, not calendar weeks)')}`);
    for (const o of moves) out.push(wrap(`${o.name}: ${describeMove(o.migration!)}`, width, '      ', '    '));
  }
  return out;
}

/** "5.5–18 engineer-weeks ($22k–72k); pays back in 7.3–36 months" */
export function describeMove(m: MigrationEstimate): string {
  const weeks = `${m.weeks.low}–${m.weeks.high} engineer-weeks`;
  const cost = m.cost ? ` (${range(m.cost.low, m.cost.high, 'usd')})` : '';
  const payback =
    m.payback === 'pays-back' && m.paybackMonths && m.paybackMonths.high !== null
      ? `pays back in ${m.paybackMonths.low}–${m.paybackMonths.high} months`
      : m.payback === 'may-not-pay-back' && m.paybackMonths
        ? `pays back in ${m.paybackMonths.low} months at best, never at worst`
        : m.payback === 'never'
          ? 'never pays back: it costs more a month than staying'
          : 'payback unknown without team.engineerCostPerYear';
  return `${weeks}${cost}; ${payback}`;
}
