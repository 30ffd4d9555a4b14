/**
 * One document for a folder of workload files: an overall summary first, then every file's usual
 * report, rendered by the same renderers as a single file (`renderReport`, `renderDiff`) and left
 * untouched. In Markdown each file's report sits in a `<details>` block, so a PR comment or a job
 * summary stays short; JSON wraps the usual documents, unchanged, in `workloads`.
 */
import type { Advice, Recommendation } from '../domain/advice.js';
import { optionName } from '../domain/options.js';
import { money } from '../domain/text.js';
import type { OutputFormat } from '../schema/enums.js';
import { quantity } from './format.js';
import { renderReport, type ReportOptions } from './index.js';
import { renderDiff, type NamedAdvice } from './diff.js';
import { escapeCell, visibleLength } from './text.js';

/** One workload file and its advice; `file` is the path as shown (folder joined with the name). */
export interface FileAdvice {
  file: string;
  advice: Advice;
}

export interface CombinedOptions extends ReportOptions {
  /** What the files are, e.g. the folder as the user wrote it. */
  title: string;
}

/** `advise --input FOLDER`: a summary table (file, recommendation, monthly cost, margin), then one section per file. */
export function renderCombinedAdvice(entries: readonly FileAdvice[], format: OutputFormat, options: CombinedOptions): string {
  const { title, ...report } = options;
  if (format === 'json') {
    const workloads = entries.map((e) => ({ file: e.file, advice: JSON.parse(renderReport(e.advice, 'json', report)) as unknown }));
    return `${JSON.stringify({ schemaVersion: 1, workloads }, null, 2)}\n`;
  }
  const rows = entries.map((e) => ({
    file: e.file,
    workload: e.advice.input.name,
    recommendation: recommendationLabel(e.advice.recommendation),
    monthly: e.advice.recommendation.eligible ? e.advice.recommendation.monthlyCost : null,
    margin: marginLabel(e.advice.recommendation),
  }));
  const priced = rows.filter((r) => r.monthly !== null);
  const total = priced.reduce((sum, r) => sum + Math.round((r.monthly ?? 0) * 100), 0) / 100;
  const count = `${entries.length} workload file${entries.length === 1 ? '' : 's'}`;

  if (format === 'markdown') {
    const out = [
      `# Container platform decisions: ${escapeCell(title)}`,
      '',
      `_${count}; the full report for each file follows the summary._`,
      '',
      '| File | Workload | Recommendation | Monthly cost | Margin |',
      '|---|---|---|---:|---|',
    ];
    for (const r of rows) {
      out.push(
        `| ${codeCell(r.file)} | ${escapeCell(r.workload)} | ${escapeCell(r.recommendation)} | ${moneyOrDash(r.monthly)} | ${r.margin} |`,
      );
    }
    if (entries.length > 1)
      out.push(`| **Total** | | ${priced.length} recommended option${priced.length === 1 ? '' : 's'} | **${money(total)}** | |`);
    out.push('');
    for (const e of entries) {
      const r = e.advice.recommendation;
      const headline = r.eligible ? `${optionName(r.option)}, ${moneyOrDash(r.monthlyCost)}/month` : 'no option fits';
      out.push('<details>', `<summary><code>${html(e.file)}</code> — ${html(headline)}</summary>`, '');
      out.push(renderReport(e.advice, 'markdown', report).trimEnd(), '', '</details>', '');
    }
    return `${out.join('\n').trimEnd()}\n`;
  }

  // The terminal summary in the compact report's style: plain aligned columns, option names only.
  const lines = columns(
    [
      ['File', 'Recommendation', 'Monthly', 'Margin'],
      ...entries.map((e, i) => [
        e.file,
        recommendationLabel(e.advice.recommendation, false),
        moneyOrDash(rows[i]!.monthly),
        rows[i]!.margin,
      ]),
      ...(entries.length > 1 ? [['Total', `${priced.length} recommended option${priced.length === 1 ? '' : 's'}`, money(total), '']] : []),
    ],
    ['left', 'left', 'right', 'left'],
  );
  const out = [`ecs-or-eks · ${title} · ${count}`, '', ...lines, ''];
  for (const e of entries) out.push(separator(e.file, report.width), renderReport(e.advice, 'table', report).trimEnd(), '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** One file name of two folders: its advice on each side, or null where the file is missing. */
export interface FilePair {
  name: string;
  a: NamedAdvice | null;
  b: NamedAdvice | null;
}

/** `diff FOLDER_A FOLDER_B`: a summary table per file name, then the usual diff of every file on both sides. */
export function renderCombinedDiff(
  a: string,
  b: string,
  pairs: readonly FilePair[],
  format: OutputFormat,
  options: ReportOptions = {},
): string {
  if (format === 'json') {
    const side = (n: NamedAdvice | null) =>
      n && {
        file: n.name,
        recommendation: n.advice.recommendation.option,
        eligible: n.advice.recommendation.eligible,
        monthlyCost: n.advice.recommendation.monthlyCost,
      };
    const workloads = pairs.map((p) => ({
      file: p.name,
      status: status(p),
      a: side(p.a),
      b: side(p.b),
      diff: p.a && p.b ? (JSON.parse(renderDiff(p.a, p.b, 'json', options.width)) as unknown) : null,
    }));
    return `${JSON.stringify({ schemaVersion: 1, a, b, workloads }, null, 2)}\n`;
  }
  const rows = pairs.map((p) => {
    const [ra, rb] = [p.a?.advice.recommendation, p.b?.advice.recommendation];
    const [ma, mb] = [monthlyOf(ra), monthlyOf(rb)];
    const label = (withId: boolean): string => {
      if (ra && rb) {
        const [la, lb] = [recommendationLabel(ra, withId), recommendationLabel(rb, withId)];
        return sameRecommendation(ra, rb) ? lb : `${la} → ${lb}`;
      }
      return rb ? `added: ${recommendationLabel(rb, withId)}` : `removed: ${recommendationLabel(ra!, withId)}`;
    };
    return {
      name: p.name,
      recommendation: label(true),
      short: label(false),
      changed: ra !== undefined && rb !== undefined && !sameRecommendation(ra, rb),
      ma,
      mb,
      change: change(ma, mb),
    };
  });
  const count = `${pairs.length} workload file${pairs.length === 1 ? '' : 's'}`;
  const compared = pairs.filter((p): p is FilePair & { a: NamedAdvice; b: NamedAdvice } => p.a !== null && p.b !== null);

  if (format === 'markdown') {
    const out = [
      `# ${escapeCell(a)} → ${escapeCell(b)}`,
      '',
      `_${count}; files that changed are expanded below._`,
      '',
      '| File | Recommendation | Monthly (A) | Monthly (B) | Change |',
      '|---|---|---:|---:|---:|',
    ];
    for (const r of rows) {
      const rec = r.changed ? `**${escapeCell(r.recommendation)}**` : escapeCell(r.recommendation);
      out.push(`| ${codeCell(r.name)} | ${rec} | ${moneyOrDash(r.ma)} | ${moneyOrDash(r.mb)} | ${r.change} |`);
    }
    out.push('');
    for (const p of compared) {
      const headline = sameRecommendation(p.a.advice.recommendation, p.b.advice.recommendation)
        ? 'recommendation unchanged'
        : 'recommendation changes';
      const changed = differs(p.a.advice, p.b.advice);
      out.push(
        changed ? '<details open>' : '<details>',
        `<summary><code>${html(p.name)}</code> — ${headline}${changed ? '' : ', nothing changed'}</summary>`,
        '',
      );
      out.push(renderDiff(p.a, p.b, 'markdown', options.width).trimEnd(), '', '</details>', '');
    }
    return `${out.join('\n').trimEnd()}\n`;
  }

  const lines = columns(
    [
      ['File', 'Recommendation', 'Monthly A', 'Monthly B', 'Change'],
      ...rows.map((r) => [r.name, r.short, moneyOrDash(r.ma), moneyOrDash(r.mb), r.change]),
    ],
    ['left', 'left', 'right', 'right', 'right'],
  );
  const out = [`${a} → ${b} · ${count}`, '', ...lines, ''];
  for (const p of compared) out.push(separator(p.name, options.width), renderDiff(p.a, p.b, 'table', options.width).trimEnd(), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function status(p: FilePair): 'compared' | 'added' | 'removed' {
  return p.a && p.b ? 'compared' : p.b ? 'added' : 'removed';
}

function sameRecommendation(a: Recommendation, b: Recommendation): boolean {
  return a.option === b.option && a.eligible === b.eligible;
}

/** Anything a reader of the diff would see change: the recommendation, or any option's score, eligibility or bill. */
function differs(a: Advice, b: Advice): boolean {
  if (!sameRecommendation(a.recommendation, b.recommendation)) return true;
  return a.options.some((oa) => {
    const ob = b.options.find((o) => o.id === oa.id);
    return !ob || ob.score !== oa.score || ob.eligible !== oa.eligible || ob.monthlyCost.total !== oa.monthlyCost.total;
  });
}

function monthlyOf(r: Recommendation | undefined): number | null {
  return r?.eligible ? r.monthlyCost : null;
}

function change(before: number | null, after: number | null): string {
  if (before === null || after === null) return '—';
  const cents = Math.round(after * 100) - Math.round(before * 100);
  const amount = cents > 0 ? `+${money(cents / 100)}` : cents < 0 ? `−${money(-cents / 100)}` : money(0);
  if (cents === 0 || before === 0) return amount;
  const pct = Math.round((cents / Math.round(before * 100)) * 1000) / 10;
  return `${amount} (${pct > 0 ? '+' : '−'}${quantity(Math.abs(pct))} %)`;
}

/** "ECS on Fargate (ecs-fargate)"; the option's name alone in the terminal, whose reports name options without ids. */
function recommendationLabel(r: Recommendation, withId = true): string {
  if (!r.eligible) return 'no option fits';
  return withId ? `${optionName(r.option)} (${r.option})` : optionName(r.option);
}

/** Rows as plain columns, two spaces apart and indented like the compact report's tables. */
function columns(rows: readonly string[][], align: ReadonlyArray<'left' | 'right'>): string[] {
  const widths = align.map((_, i) => Math.max(...rows.map((r) => visibleLength(r[i] ?? ''))));
  return rows.map((r) =>
    `  ${r
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - visibleLength(cell));
        return align[i] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')}`.trimEnd(),
  );
}

function marginLabel(r: Recommendation): string {
  if (r.margin === null) return '—';
  const points = `${quantity(r.margin)} point${r.margin === 1 ? '' : 's'}`;
  return r.closeCall ? `${points}, close call` : points;
}

function moneyOrDash(value: number | null): string {
  return value === null ? '—' : money(value);
}

/** A file name in a Markdown table cell: code-formatted when it can be, never breaking the row. */
function codeCell(text: string): string {
  return text.includes('`') ? escapeCell(text) : `\`${escapeCell(text)}\``;
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, ' ');
}

/** `── services/api.yaml ──────…` between the files of a terminal report. */
function separator(label: string, width = 100): string {
  const full = Math.max(80, Math.min(width, 160));
  return `── ${label} ${'─'.repeat(Math.max(3, full - label.length - 4))}`;
}
