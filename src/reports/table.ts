/**
 * The terminal report, compact: the answer in one screen at the terminal's width. The header (the
 * workload, the prices and their date, estimates said up front), a box for warnings that change the
 * numbers, the recommendation with its margin, one options matrix (blocked options show their
 * blocker, not a price), the recommended option's top pitfalls, what would change the answer, and
 * where to read more. `--details` (details.ts) holds everything else.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Advice, OptionAdvice } from '../domain/advice.js';
import { OPTIONS, optionName } from '../domain/options.js';
import { money } from '../domain/text.js';
import { describePitfalls } from '../rules/index.js';
import { compactMoney, percent, quantity, range, signed } from './format.js';
import { visibleLength, wrap } from './text.js';
import { BREAK_EVEN_NOTE, breakEvenLabel, describeScale } from './view.js';

export interface TableReportOptions {
  color?: boolean;
  explain?: boolean;
  /** Terminal width (80 when unknown); the report never goes wider. */
  width?: number;
  /** The full report instead of the compact one. */
  details?: boolean;
}

/** The width a terminal report is laid out for: the terminal's, within 60–160 columns. */
export function reportWidth(width: number | undefined): number {
  return Math.max(60, Math.min(width ?? 80, 160));
}

const TOP_PITFALLS = 3;
const TOP_WHAT_IFS = 3;
/** Lines a pitfall may take in the compact report; the full text is in `--details`. */
const PITFALL_LINES = 3;

export function renderTable(advice: Advice, options: TableReportOptions = {}): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = reportWidth(options.width);
  const out: string[] = [renderCompactBody(advice, options, c, width), ''];
  const rec = advice.recommendation;

  const titles = new Map(describePitfalls().map((p) => [p.id, p.title]));
  const mine = rec.eligible ? advice.pitfalls.filter((p) => p.options.includes(rec.option)).slice(0, TOP_PITFALLS) : [];
  if (mine.length > 0) {
    out.push(c.bold(`Top pitfalls for ${optionName(rec.option)}`));
    for (const p of mine) {
      const sev = p.severity === 'high' ? c.red('high') : p.severity === 'medium' ? c.yellow('medium') : c.dim('low');
      const text = wrap(`${sev} · ${c.bold(titles.get(p.id) ?? p.id)}: ${p.text}`, width, '    ', '  ').split('\n');
      out.push(...clipLines(text, PITFALL_LINES));
    }
    const more = advice.pitfalls.length - mine.length;
    if (more > 0) out.push(c.dim(`  … and ${more} more in --details`));
    out.push('');
  }

  out.push(c.bold('What would change the answer'));
  if (advice.whatIf.length === 0)
    out.push(wrap('No single small change to the team, utilisation, scale, compliance, portability or Spot tolerance.', width, '  '));
  for (const w of advice.whatIf.slice(0, TOP_WHAT_IFS))
    out.push(wrap(`${w.change}  ⇒  ${optionName(w.recommendation)}`, width, '    ', '  '));
  if (advice.whatIf.length > TOP_WHAT_IFS) out.push(c.dim(`  … and ${advice.whatIf.length - TOP_WHAT_IFS} more in --details`));
  out.push('');
  const like = advice.caseStudies.find((cs) => cs.confirmed) ?? advice.caseStudies[0];
  if (like) {
    const more = advice.caseStudies.length - 1;
    const confidence = `${like.year}, ${like.confidence} confidence${like.confirmed ? '' : ', not confirmed'}`;
    out.push(
      wrap(
        `${c.bold('Looks like:')} ${like.name ?? like.id} — ${like.chose} (${confidence})${more > 0 ? c.dim(` · ${more} more in --details`) : ''}`,
        width,
        '  ',
        '',
      ),
      '',
    );
  }
  if (options.explain) out.push(...renderTrace(advice, width, c), '');
  out.push(
    wrap(
      c.dim(
        'Next: --details for the reasons, bills, people, pitfalls and case studies; -f markdown -o decision.md for a record; -f html for a page.',
      ),
      width,
      '  ',
      '',
    ),
  );
  return `${out.join('\n')}\n`;
}

/** The part both reports start with: header, warnings, recommendation and the options matrix. */
export function renderCompactBody(advice: Advice, options: TableReportOptions, c: ChalkInstance, width: number): string {
  const { input, pricing, recommendation: rec } = advice;
  const out: string[] = [];
  out.push(wrap(c.bold(`ecs-or-eks · ${input.name}`) + c.dim(` · ${input.region} · ${describeScale(advice)}`), width, '  ', ''));
  out.push(
    wrap(
      c.dim(
        `Prices: ${pricing.source} of ${pricing.asOf} for ${pricing.region} · USD a month of ${quantity(pricing.hoursPerMonth)} h · EC2 sized for ${percent(input.cost.utilization)} utilisation`,
      ),
      width,
      '  ',
      '',
    ),
  );
  if (pricing.estimates.length > 0) {
    const items = pricing.estimates.map((e) => e.item);
    const shown = items.length > 2 ? `${items.slice(0, 2).join('; ')} and ${items.length - 2} more` : items.join('; ');
    out.push(wrap(c.yellow(`Estimated prices: ${shown} (why and how to get exact ones: --details)`), width, '  ', ''));
  }
  if (advice.warnings.length > 0) out.push('', ...box('Warnings', advice.warnings, width, c));
  out.push('');

  const winner = advice.options.find((o) => o.id === rec.option);
  if (rec.eligible && winner) {
    const lead = rec.closeCall ? c.bold.yellow('Recommendation (a close call):') : c.bold.green('Recommendation:');
    out.push(
      wrap(`${lead} ${c.bold(winner.name)} · ${c.bold(money(winner.monthlyCost.total))}/month · score ${fmt(rec.score)}`, width, '  ', ''),
    );
  } else {
    out.push(c.bold.red('No option can run this workload as described.'));
  }
  out.push(wrap(rec.summary, width, '  '));
  out.push('');
  out.push(...matrix(advice, width, c));
  return out.join('\n');
}

/** One row per option, no separators; blocked options show their blockers where the numbers would be. */
function matrix(advice: Advice, width: number, c: ChalkInstance): string[] {
  const rec = advice.options.find((o) => o.id === advice.recommendation.option);
  const recCost = rec?.eligible ? rec.monthlyCost.total : null;
  const rate = advice.input.team.engineerCostPerYear !== undefined;
  // Short names, so that every column — break-even included — fits 80 columns.
  const short = (o: OptionAdvice) => OPTIONS[o.id].shortName;
  const nameW = Math.max(...advice.options.map((o) => short(o).length));
  const cols = [
    { head: 'Score', w: 5 },
    { head: 'Monthly', w: 9 },
    { head: 'vs pick', w: 10 },
    { head: rate ? 'TCO/month' : 'Ops/month', w: 11 },
    { head: 'Break-even', w: 10 },
  ];
  // Drop columns from the right until the row fits.
  while (cols.length > 2 && 4 + nameW + cols.reduce((n, col) => n + 2 + col.w, 0) > width) cols.pop();
  const line = (rank: string, name: string, cells: string[]) =>
    `  ${rank.padStart(1)} ${padEnd(name, nameW)}${cells.map((cell, i) => `  ${pad(cell, cols[i]!.w)}`).join('')}`.replace(/\s+$/, '');
  const out = [
    c.dim(
      line(
        '#',
        'Option',
        cols.map((col) => col.head),
      ),
    ),
  ];
  for (const o of advice.options) {
    const name = o.id === advice.recommendation.option && o.eligible ? c.bold(short(o)) : short(o);
    if (!o.eligible) {
      const blocked = `blocked: ${o.blockers.map((b) => b.rule).join(', ')}`;
      const room = Math.max(12, width - 6 - nameW);
      out.push(`  ${o.rank} ${padEnd(name, nameW)}  ${c.red(blocked.length > room ? `${blocked.slice(0, room - 1)}…` : blocked)}`);
      continue;
    }
    const diff = recCost === null || o.id === advice.recommendation.option ? '—' : signedMoney(o.monthlyCost.total - recCost);
    const ops =
      rate && o.totalCostOfOwnership
        ? range(o.totalCostOfOwnership.low, o.totalCostOfOwnership.high, 'usd')
        : range(o.people.hoursPerMonth.low, o.people.hoursPerMonth.high, 'h');
    const cells = [fmt(o.score), compactOrCents(o.monthlyCost.total), diff, ops, breakEvenLabel(o, advice)];
    out.push(line(String(o.rank), name, cells.slice(0, cols.length)));
  }
  const notes = [
    cols.some((col) => col.head === 'Break-even') ? BREAK_EVEN_NOTE : '',
    cols.some((col) => col.head === 'Ops/month') ? 'ops: engineer-hours a month to run it (estimate)' : '',
    cols.some((col) => col.head === 'TCO/month') ? 'TCO: the bill plus the people who run it (estimate)' : '',
  ].filter(Boolean);
  if (notes.length > 0) out.push(wrap(c.dim(`${notes.join('; ')}.`), width, '  '));
  return out;
}

function box(title: string, lines: readonly string[], width: number, c: ChalkInstance): string[] {
  const inner = width - 4;
  const body = lines.flatMap((l) => wrap(l, inner, '  ', '').split('\n'));
  const top = `╭─ ${title} ${'─'.repeat(Math.max(0, inner - title.length - 1))}╮`;
  return [
    c.yellow(top),
    ...body.map((l) => `${c.yellow('│')} ${l}${' '.repeat(Math.max(0, inner - visibleLength(l)))} ${c.yellow('│')}`),
    c.yellow(`╰${'─'.repeat(inner + 2)}╯`),
  ];
}

function clipLines(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1]!.replace(/\s*\S+$/, '')} …`;
  return kept;
}

function pad(cell: string, w: number): string {
  return ' '.repeat(Math.max(0, w - visibleLength(cell))) + cell;
}

/** Left-aligned by what the terminal shows: a bold name carries escape codes that `padEnd` would count. */
function padEnd(cell: string, w: number): string {
  return cell + ' '.repeat(Math.max(0, w - visibleLength(cell)));
}

function fmt(score: number | null): string {
  return score === null ? '—' : Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/** Cents under $10,000 (a small bill reads better exact), compact above. */
function compactOrCents(value: number): string {
  return value < 10_000 ? money(value) : compactMoney(value);
}

function signedMoney(value: number): string {
  if (Math.abs(value) < 0.005) return '±$0';
  return value > 0 ? `+${compactOrCents(value)}` : `−${compactOrCents(-value)}`;
}

/** `--explain`: every rule, fired or not, with why and what it did. */
export function renderTrace(advice: Advice, width: number, c: ChalkInstance): string[] {
  const out = [c.bold('Rule trace (every rule, fired or not)')];
  for (const t of advice.trace) {
    const effects = Object.entries(t.effects)
      .map(([id, e]) => `${id} ${e === 'blocker' ? 'blocked' : signed(e)}`)
      .join(', ');
    out.push(
      wrap(
        `${t.fired ? c.green('fired  ') : c.dim('skipped')} ${c.bold(t.rule)}: ${t.why}${t.fired && effects ? c.dim(` → ${effects}`) : ''}`,
        width,
        '          ',
        '  ',
      ),
    );
  }
  return out;
}
