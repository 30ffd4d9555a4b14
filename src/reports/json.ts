/**
 * The versioned JSON document. Key order follows the model, so the same advice always serialises to
 * the same bytes. The rule trace is included only when asked for (`--explain`).
 *
 * The document states effort as pairs, as its contract fixes them: `people.hoursPerMonth` (and each
 * item's) and `migration.weeks` are `[low, high]`, and `migration.paybackMonths` is one number or
 * null, with the range beside it as `paybackMonthsRange`. Money ranges stay `{ low, high }`.
 */
import type { Advice, MigrationEstimate, OptionAdvice, PeopleCost, Range } from '../domain/advice.js';

export interface JsonReportOptions {
  explain?: boolean;
}

export function renderJson(advice: Advice, options: JsonReportOptions = {}): string {
  const { trace, ...rest } = advice;
  const document = { ...rest, options: rest.options.map(optionDocument) };
  return `${JSON.stringify(options.explain ? { ...document, trace } : document, null, 2)}\n`;
}

const pair = (r: Range): [number, number] => [r.low, r.high];

function optionDocument(o: OptionAdvice) {
  return { ...o, people: peopleDocument(o.people), migration: o.migration && migrationDocument(o.migration) };
}

function peopleDocument(p: PeopleCost) {
  return { ...p, hoursPerMonth: pair(p.hoursPerMonth), items: p.items.map((i) => ({ ...i, hoursPerMonth: pair(i.hoursPerMonth) })) };
}

/**
 * `paybackMonths`: months until the move is repaid at the unfavourable end of the ranges, or at the
 * favourable end when only that end repays it (`payback: may-not-pay-back`); 0 for staying put; null
 * when it never pays back or no engineer rate was given (`payback` says which).
 */
function migrationDocument(m: MigrationEstimate) {
  const { paybackMonths: range, ...rest } = m;
  const months = m.payback === 'stay' ? 0 : range === null ? null : (range.high ?? range.low);
  return { ...rest, weeks: pair(m.weeks), paybackMonths: months, paybackMonthsRange: range };
}
