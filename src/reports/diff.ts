/**
 * `ecs-or-eks diff A B`: what changes between two designs — the recommendation before and after,
 * every option's score and monthly cost with the change in dollars and percent, the inputs that
 * differ (by readable paths like `services[api].replicas`), and the rules that started or stopped
 * firing. `compareAdvice` is the data (the JSON document); the renderers are views of it.
 */
import type { Advice } from '../domain/advice.js';
import { optionName } from '../domain/options.js';
import { money } from '../domain/text.js';
import type { OptionId, OutputFormat } from '../schema/enums.js';
import { renderDiffHtml } from './html.js';
import { escapeCell, wrap } from './text.js';

export interface NamedAdvice {
  name: string;
  advice: Advice;
}

interface Side {
  eligible: boolean;
  score: number | null;
  rank: number;
  monthly: number;
}

export interface AdviceComparison {
  schemaVersion: 1;
  a: { file: string; recommendation: OptionId; monthlyCost: number | null; closeCall: boolean };
  b: { file: string; recommendation: OptionId; monthlyCost: number | null; closeCall: boolean };
  recommendationChanged: boolean;
  /** Inputs that differ, by path: `services[api].replicas`, `region`; `from`/`to` are null when absent. */
  inputs: Array<{ path: string; from: unknown; to: unknown }>;
  rules: { started: string[]; stopped: string[] };
  options: Array<{ option: OptionId; name: string; before: Side; after: Side; monthlyChange: number; monthlyChangePercent: number | null }>;
}

const MAX_INPUT_CHANGES = 200;

export function compareAdvice(a: NamedAdvice, b: NamedAdvice): AdviceComparison {
  const side = (x: NamedAdvice) => ({
    file: x.name,
    recommendation: x.advice.recommendation.option,
    monthlyCost: x.advice.recommendation.monthlyCost,
    closeCall: x.advice.recommendation.closeCall,
  });
  const fired = (x: Advice) => new Set(x.trace.filter((t) => t.fired).map((t) => t.rule));
  const fa = fired(a.advice);
  const fb = fired(b.advice);
  const options = a.advice.options.map((oa) => {
    const ob = b.advice.options.find((o) => o.id === oa.id)!;
    const before = oa.monthlyCost.total;
    const after = ob.monthlyCost.total;
    const change = Math.round((after - before) * 100) / 100;
    return {
      option: oa.id,
      name: oa.name,
      before: { eligible: oa.eligible, score: oa.score, rank: oa.rank, monthly: before },
      after: { eligible: ob.eligible, score: ob.score, rank: ob.rank, monthly: after },
      monthlyChange: change,
      monthlyChangePercent: before > 0 ? Math.round((change / before) * 1000) / 10 : null,
    };
  });
  return {
    schemaVersion: 1,
    a: side(a),
    b: side(b),
    recommendationChanged: a.advice.recommendation.option !== b.advice.recommendation.option,
    inputs: inputChanges(a.advice.input, b.advice.input).slice(0, MAX_INPUT_CHANGES),
    rules: { started: [...fb].filter((r) => !fa.has(r)).sort(), stopped: [...fa].filter((r) => !fb.has(r)).sort() },
    options,
  };
}

/** Leaf-by-leaf differences; list items with a `name` are matched by name, not by position. */
export function inputChanges(a: unknown, b: unknown, path = ''): Array<{ path: string; from: unknown; to: unknown }> {
  if (Array.isArray(a) && Array.isArray(b) && [...a, ...b].every((x) => isNamed(x))) {
    const byName = (xs: unknown[]) => new Map(xs.map((x) => [(x as { name: string }).name, x]));
    const ma = byName(a);
    const mb = byName(b);
    const out: Array<{ path: string; from: unknown; to: unknown }> = [];
    for (const [name, x] of ma)
      out.push(
        ...(mb.has(name) ? inputChanges(x, mb.get(name), `${path}[${name}]`) : [{ path: `${path}[${name}]`, from: 'present', to: null }]),
      );
    for (const [name] of mb) if (!ma.has(name)) out.push({ path: `${path}[${name}]`, from: null, to: 'added' });
    return out;
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => inputChanges(a[k], b[k], path ? `${path}.${k}` : k));
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  return [{ path, from: a ?? null, to: b ?? null }];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function isNamed(x: unknown): boolean {
  return isRecord(x) && typeof x.name === 'string';
}

/** The diff as table, Markdown, HTML (one self-contained page) or JSON. */
export function renderDiff(a: NamedAdvice, b: NamedAdvice, format: OutputFormat, width = 80): string {
  const d = compareAdvice(a, b);
  if (format === 'json') return `${JSON.stringify(d, null, 2)}\n`;
  const headline = d.recommendationChanged
    ? `Recommendation changes: ${optionName(d.a.recommendation)} → ${optionName(d.b.recommendation)}.`
    : `Recommendation unchanged: ${optionName(d.a.recommendation)}.`;
  const score = (s: Side) => (s.eligible && s.score !== null ? fmt(s.score) : 'blocked');
  const change = (r: AdviceComparison['options'][number]) =>
    `${signedMoney(r.monthlyChange)}${r.monthlyChangePercent === null ? '' : ` (${r.monthlyChangePercent > 0 ? '+' : ''}${r.monthlyChangePercent} %)`}`;
  const inputs = d.inputs.map((x) =>
    x.from === 'present' && x.to === null
      ? `${x.path} removed`
      : x.from === null && x.to === 'added'
        ? `${x.path} added`
        : `${x.path} ${show(x.from)} → ${show(x.to)}`,
  );
  const rules = [...d.rules.started.map((r) => `+ ${r} (now fires)`), ...d.rules.stopped.map((r) => `− ${r} (no longer fires)`)];
  if (format === 'html') {
    return renderDiffHtml({
      a: a.name,
      b: b.name,
      headline,
      version: b.advice.tool.version,
      options: d.options.map((r) => ({
        name: r.name,
        scores: `${score(r.before)} → ${score(r.after)}`,
        before: r.before.monthly,
        after: r.after.monthly,
        change: change(r),
        blockedAfter: !r.after.eligible,
      })),
      inputs,
      rules,
    });
  }
  if (format !== 'table') {
    const lines = [
      `## ${escapeCell(a.name)} → ${escapeCell(b.name)}`,
      '',
      `**${headline}**`,
      '',
      '| Option | Score | Monthly (A) | Monthly (B) | Change |',
      '|---|---:|---:|---:|---:|',
    ];
    for (const r of d.options)
      lines.push(
        `| ${r.name} | ${score(r.before)} → ${score(r.after)} | ${money(r.before.monthly)} | ${money(r.after.monthly)} | ${change(r)} |`,
      );
    lines.push('', '**Inputs that differ**', '');
    lines.push(...(inputs.length > 0 ? inputs.map((x) => `- \`${x.replace(/`/g, "'")}\``) : ['- none']));
    lines.push('', '**Rules**', '');
    lines.push(...(rules.length > 0 ? rules.map((x) => `- ${x}`) : ['- the same rules fire']));
    return `${lines.join('\n')}\n`;
  }
  const nameW = Math.max(...d.options.map((r) => r.name.length));
  const head = `  ${'Option'.padEnd(nameW)}  ${'Score A → B'.padStart(13)}  ${'Monthly B'.padStart(11)}  Change`;
  const out = [`${a.name} → ${b.name}`, headline, '', head];
  for (const r of d.options)
    out.push(
      `  ${r.name.padEnd(nameW)}  ${`${score(r.before)} → ${score(r.after)}`.padStart(13)}  ${money(r.after.monthly).padStart(11)}  ${change(r)}`,
    );
  out.push('', 'Inputs that differ');
  out.push(...(inputs.length > 0 ? inputs.map((x) => wrap(x, width, '      ', '  ')) : ['  none']));
  out.push('', 'Rules');
  out.push(...(rules.length > 0 ? rules.map((x) => `  ${x}`) : ['  the same rules fire']));
  return `${out.join('\n')}\n`;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

function signedMoney(value: number): string {
  return value > 0 ? `+${money(value)}` : value < 0 ? `−${money(-value)}` : money(0);
}
