/**
 * `--fail-on`: conditions that turn `diff` (and `advise --base`) into a CI gate. They are computed
 * from the advice data of both designs — never from rendered text — after the full report has been
 * written; when one holds, the command ends with exit code 4 and a one-line reason on stderr.
 */
import type { Advice } from '../domain/advice.js';
import { optionName } from '../domain/options.js';
import { money } from '../domain/text.js';
import { quantity } from '../reports/format.js';
import { OPTION_IDS, type OptionId } from '../schema/enums.js';
import { GateError, UsageError } from './errors.js';
import type { CliContext } from './io.js';
import { clip } from './sanitize.js';

export type FailOnCondition =
  | { kind: 'recommendation-change' }
  /** `option: null` is the recommended option of each design. */
  | { kind: 'cost-increase'; percent: number; option: OptionId | null };

/** The valid forms, as the error message and the help list them. */
export const FAIL_ON_FORMS = [
  'recommendation-change',
  'cost-increase:PCT (the recommended option, e.g. cost-increase:10)',
  `cost-increase:PCT:option:ID (one option; ID is one of ${OPTION_IDS.join(', ')})`,
] as const;

const PERCENT = /^\d+(\.\d+)?%?$/;

/**
 * Parses every `--fail-on` value (the flag repeats, and each value may list several conditions
 * separated by commas). A value that is not a condition is a usage error listing the valid forms.
 */
export function parseFailOn(values: readonly string[]): FailOnCondition[] {
  const conditions: FailOnCondition[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    const items = value.split(',').map((item) => item.trim());
    for (const item of items) {
      const condition = parseOne(item);
      const key = conditionText(condition);
      if (!seen.has(key)) conditions.push(condition);
      seen.add(key);
    }
  }
  return conditions;
}

function parseOne(item: string): FailOnCondition {
  if (item === 'recommendation-change') return { kind: 'recommendation-change' };
  const parts = item.split(':');
  if (parts[0] === 'cost-increase' && (parts.length === 2 || parts.length === 4)) {
    const pct = parts[1] ?? '';
    if (!PERCENT.test(pct)) throw invalid(item, `PCT must be a number of percent, 0 or more (got "${clip(pct, 40)}")`);
    const percent = Number(pct.replace(/%$/, ''));
    if (parts.length === 2) return { kind: 'cost-increase', percent, option: null };
    const id = parts[3] ?? '';
    if (parts[2] === 'option' && isOptionId(id)) return { kind: 'cost-increase', percent, option: id };
    if (parts[2] === 'option') throw invalid(item, `"${clip(id, 40)}" is not an option id`);
  }
  throw invalid(item, item === '' ? 'an empty condition' : 'not a condition');
}

function isOptionId(id: string): id is OptionId {
  return (OPTION_IDS as readonly string[]).includes(id);
}

function invalid(item: string, why: string): UsageError {
  return new UsageError(`--fail-on "${clip(item, 80)}": ${why}. Valid conditions: ${FAIL_ON_FORMS.join('; ')}`);
}

/** The canonical spelling of a condition, as the reason names it. */
export function conditionText(c: FailOnCondition): string {
  if (c.kind === 'recommendation-change') return c.kind;
  return `cost-increase:${c.percent}${c.option ? `:option:${c.option}` : ''}`;
}

/** One workload in both designs: `file` names it in reasons (the head side's path). */
export interface ComparedAdvice {
  file: string;
  base: Advice;
  head: Advice;
}

export interface FailOnOutcome {
  /** One entry per condition that holds for a workload, "condition: detail". */
  holds: string[];
  /** Conditions that could not be checked (nothing eligible to price), said rather than passed silently. */
  notes: string[];
}

/** Which conditions hold between each base and head design. Pure: data in, sentences out. */
export function evaluateFailOn(conditions: readonly FailOnCondition[], pairs: readonly ComparedAdvice[]): FailOnOutcome {
  const outcome: FailOnOutcome = { holds: [], notes: [] };
  for (const pair of pairs) {
    for (const condition of conditions) {
      const text = conditionText(condition);
      const subject = `${text} in ${clip(pair.file)}`;
      if (condition.kind === 'recommendation-change') {
        const [a, b] = [pair.base.recommendation, pair.head.recommendation];
        if (a.option !== b.option || a.eligible !== b.eligible) outcome.holds.push(`${subject}: ${recommended(a)} → ${recommended(b)}`);
        continue;
      }
      const before = monthlyOf(pair.base, condition.option);
      const after = monthlyOf(pair.head, condition.option);
      const what = condition.option ? `${optionName(condition.option)}'s monthly cost` : "the recommended option's monthly cost";
      if (before.usd === null || after.usd === null) {
        const side = before.usd === null ? 'the base' : 'the head';
        outcome.notes.push(`--fail-on ${subject} not checked: ${side} design has ${before.usd === null ? before.why : after.why}`);
        continue;
      }
      const [a, b] = [Math.round(before.usd * 100), Math.round(after.usd * 100)];
      // In whole cents, so "rose by more than PCT %" has no floating-point edge: (b − a) / a > PCT / 100.
      if (b > a && (a === 0 || (b - a) * 100 > condition.percent * a)) {
        const rise = a === 0 ? 'from nothing' : `${quantity(((b - a) / a) * 100)} %`;
        outcome.holds.push(`${subject}: ${what} rises ${rise} (${before.label} → ${after.label})`);
      }
    }
  }
  return outcome;
}

function recommended(r: Advice['recommendation']): string {
  return r.eligible ? `${optionName(r.option)} (${r.option})` : 'no eligible option';
}

function monthlyOf(advice: Advice, option: OptionId | null): { usd: number | null; label: string; why: string } {
  if (option === null) {
    const r = advice.recommendation;
    const usd = r.eligible ? r.monthlyCost : null;
    return { usd, label: usd === null ? '—' : `${money(usd)} ${r.option}`, why: 'no eligible option' };
  }
  const found = advice.options.find((o) => o.id === option);
  const usd = found ? found.monthlyCost.total : null;
  return { usd, label: usd === null ? '—' : money(usd), why: `no priced ${option}` };
}

/** At most this many reasons on the one line; the rest are counted. */
const MAX_REASONS = 10;

/**
 * Called after the report was written: notes go to stderr, and a condition that holds ends the
 * command with exit code 4 (through `main()`), its reason on one line.
 */
export function enforceFailOn(ctx: CliContext, conditions: readonly FailOnCondition[], pairs: readonly ComparedAdvice[]): void {
  if (conditions.length === 0) return;
  const { holds, notes } = evaluateFailOn(conditions, pairs);
  for (const note of notes) ctx.stderr.write(`warning: ${note}\n`);
  if (holds.length === 0) return;
  const shown = holds.slice(0, MAX_REASONS).join('; ');
  const more = holds.length > MAX_REASONS ? `; … and ${holds.length - MAX_REASONS} more` : '';
  throw new GateError(`--fail-on ${holds.length === 1 ? 'condition holds' : `conditions hold (${holds.length})`}: ${shown}${more}`);
}

/** `--fail-on` compares two designs: `advise` needs `--base`, and `--base` is there only for `--fail-on`. */
export function checkBaseFlags(base: string | undefined, conditions: readonly FailOnCondition[]): void {
  if (conditions.length > 0 && base === undefined) {
    throw new UsageError(
      '--fail-on compares two designs: give the one to compare against with --base FILE (or use `ecs-or-eks diff A B --fail-on …`)',
    );
  }
  if (base !== undefined && conditions.length === 0) {
    throw new UsageError('--base is the design --fail-on compares against; add --fail-on CONDITION (or use `ecs-or-eks diff A B`)');
  }
}
