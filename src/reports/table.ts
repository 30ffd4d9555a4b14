/**
 * The terminal report: the recommendation first, then every option side by side, the reasons, the
 * bills, the pitfalls, the case studies and the what-ifs. Colour is a parameter (decided at the CLI
 * edge from the TTY, `NO_COLOR` and `--no-color`), so the same advice renders the same bytes in tests.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Advice, OptionAdvice } from '../domain/advice.js';
import { optionName } from '../domain/options.js';
import { describeChoice, describeSource } from '../rules/case-studies.js';
import { money } from '../domain/text.js';
import { percent, quantity, signed, unitPrice } from './format.js';
import { indent, wrap } from './text.js';
import { describeEstimate, describeScale, describeSizing, NO_WHAT_IF, optionList } from './view.js';

export interface TableReportOptions {
  color?: boolean;
  explain?: boolean;
  /** Terminal width; wraps the reason column. */
  width?: number;
}

export function renderTable(advice: Advice, options: TableReportOptions = {}): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(80, Math.min(options.width ?? 100, 160));
  const out: string[] = [];
  const { input, pricing, recommendation } = advice;
  const winner = advice.options.find((o) => o.id === recommendation.option);

  out.push(c.bold(`ecs-or-eks · ${input.name}`) + c.dim(` · ${input.region} · ${describeScale(advice)}`));
  out.push(
    c.dim(
      `Prices: ${pricing.source}, as of ${pricing.asOf}, ${pricing.region}, USD per month of ${quantity(pricing.hoursPerMonth)} h; ` +
        `EC2 sized for ${percent(input.cost.utilization)} utilisation`,
    ),
  );
  out.push('');
  if (winner?.eligible) {
    out.push(`${c.bold.green('Recommendation:')} ${c.bold(winner.name)} (${winner.id})  ${c.bold(money(winner.monthlyCost.total))}/month`);
  } else {
    out.push(`${c.bold.red('No option fits this workload as written.')}`);
  }
  out.push(wrap(recommendation.summary, width, '  '));
  out.push('');

  const table = new Table({
    head: ['#', 'Option', 'Score', 'Monthly', 'Break-even', 'Weightiest reasons'],
    style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] },
    colWidths: [4, 30, 7, 14, 12, Math.max(24, width - 4 - 30 - 7 - 14 - 12 - 7)],
    wordWrap: true,
    colAligns: ['right', 'left', 'right', 'right', 'right', 'left'],
  });
  for (const o of advice.options) {
    table.push([
      String(o.rank),
      o.id === recommendation.option ? c.bold(`${o.name}`) : o.name,
      o.eligible ? String(o.score) : c.dim('—'),
      o.eligible ? money(o.monthlyCost.total) : c.dim(`(${money(o.monthlyCost.total)})`),
      o.breakEvenUtilization === null ? c.dim('—') : percent(o.breakEvenUtilization),
      verdict(o, c),
    ]);
  }
  out.push(table.toString());
  out.push(c.dim('  Break-even: the EC2 utilisation at which this option costs the same as its Fargate counterpart.'));
  if (advice.options.some((o) => !o.eligible))
    out.push(c.dim('  (Cost) of a blocked option: what it would cost without the blocking requirement; not a real choice.'));
  out.push('');

  out.push(c.bold('Why each option scored as it did'));
  for (const o of advice.options) {
    out.push(`  ${c.bold(o.name)} ${c.dim(`(${o.id})`)}${o.eligible ? c.dim(` · score ${o.score}`) : c.red(' · not eligible')}`);
    for (const b of o.blockers) out.push(wrap(`${c.red('✗')} ${b.text} ${c.dim(`[${b.rule}]`)}`, width, '      ', '    '));
    for (const r of [...o.reasons].sort((a, b) => Math.abs(b.points) - Math.abs(a.points))) {
      const pts =
        r.points > 0
          ? c.green(signed(r.points).padStart(4))
          : r.points < 0
            ? c.red(signed(r.points).padStart(4))
            : c.dim(signed(r.points).padStart(4));
      out.push(wrap(`${pts} ${r.text} ${c.dim(`[${r.rule}]`)}`, width, '         ', '    '));
    }
    if (o.operates && o.operates.length > 0) out.push(wrap(c.dim(`You operate: ${o.operates.join('; ')}`), width, '      ', '    '));
  }
  out.push('');

  out.push(c.bold('Monthly cost, line by line'));
  for (const o of advice.options) {
    out.push(`  ${c.bold(o.name)}  ${money(o.monthlyCost.total)}${describeSizing(o) ? c.dim(`  · ${describeSizing(o)}`) : ''}`);
    const bill = new Table({
      head: ['Item', 'Quantity', 'Unit', 'Unit price', 'Monthly'],
      style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [], 'padding-left': 1, 'padding-right': 1 },
      colAligns: ['left', 'right', 'left', 'right', 'right'],
    });
    for (const item of o.monthlyCost.items) {
      bill.push([
        item.estimate ? `${item.name} *` : item.name,
        quantity(item.quantity),
        item.unit,
        unitPrice(item.unitPrice),
        money(item.monthly),
      ]);
    }
    bill.push([c.bold('Total'), '', '', '', c.bold(money(o.monthlyCost.total))]);
    out.push(indent(bill.toString(), '    '));
  }
  if (advice.options.some((o) => o.monthlyCost.items.some((i) => i.estimate)))
    out.push(c.dim('    * estimated price; see "Price estimates" below'));
  out.push('');

  if (advice.pitfalls.length > 0) {
    out.push(c.bold('Pitfalls that apply'));
    for (const p of advice.pitfalls) {
      const sev = p.severity === 'high' ? c.red('[high]') : p.severity === 'medium' ? c.yellow('[medium]') : c.dim('[low]');
      out.push(wrap(`${sev} ${c.bold(p.id)} ${c.dim(`(${optionList(p.options)})`)}`, width, '    ', '  '));
      out.push(wrap(p.text, width, '    ', '    '));
      if (p.fix) out.push(wrap(`${c.green('Fix:')} ${p.fix}`, width, '    ', '    '));
    }
    out.push('');
  }

  if (advice.caseStudies.length > 0) {
    out.push(c.bold('Public case studies that look like this workload'));
    for (const cs of advice.caseStudies) {
      const confidence = cs.confirmed ? `${cs.confidence} confidence` : `${cs.confidence} confidence, not confirmed`;
      out.push(
        wrap(
          `${c.bold(cs.name ?? cs.id)} — ${describeChoice(cs)} ${c.dim(`· ${cs.year} · ${confidence} · similarity ${Math.round(cs.similarity * 100)} %`)}`,
          width,
          '      ',
          '  ',
        ),
      );
      if (cs.note) out.push(wrap(c.yellow(`note: ${cs.note}`), width, '      ', '    '));
      if (cs.matches.length > 0) out.push(wrap(`alike: ${cs.matches.join('; ')}`, width, '      ', '    '));
      if (cs.differs.length > 0) out.push(wrap(`differs: ${cs.differs.join('; ')}`, width, '      ', '    '));
      if (cs.lesson) out.push(wrap(c.dim(`lesson: ${cs.lesson}`), width, '      ', '    '));
      if (cs.unconfirmed) out.push(wrap(c.dim(`unconfirmed: ${cs.unconfirmed}`), width, '      ', '    '));
      for (const src of cs.sources) out.push(wrap(c.dim(`source: ${describeSource(src)}`), width, '      ', '    '));
    }
    out.push('');
  }

  if (advice.whatIf.length > 0) {
    out.push(c.bold('What would change the answer'));
    for (const w of advice.whatIf) out.push(`  ${w.change}  ⇒  ${optionName(w.recommendation)} (${w.recommendation})`);
    out.push('');
  } else {
    out.push(c.bold('What would change the answer'));
    out.push(wrap(NO_WHAT_IF, width, '  '));
    out.push('');
  }

  if (pricing.estimates.length > 0) {
    out.push(c.bold('Price estimates'));
    for (const e of pricing.estimates) out.push(wrap(`${c.yellow('*')} ${describeEstimate(e)}`, width, '    ', '  '));
    out.push('');
  }

  if (options.explain) {
    out.push(c.bold('Rule trace (every rule, fired or not)'));
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
    out.push('');
  }

  for (const w of advice.warnings) out.push(`${c.yellow('warning:')} ${w}`);
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** The two weightiest reasons as `rule ±points`; the full sentences follow below the table. */
function verdict(o: OptionAdvice, c: ChalkInstance): string {
  if (!o.eligible) return c.red(`blocked: ${o.blockers.map((b) => b.rule).join(', ')}`);
  return [...o.reasons]
    .filter((r) => r.points !== 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .slice(0, 2)
    .map((r) => `${r.rule} ${r.points > 0 ? c.green(signed(r.points)) : c.red(signed(r.points))}`)
    .join(', ');
}
