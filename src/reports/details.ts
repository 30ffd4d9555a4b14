/**
 * The full terminal report (`--details`): the compact answer, then a chart of cost against
 * utilisation, the reasons, the bills line by line, the people who run each option, every pitfall,
 * the case studies, the what-ifs and the price estimates. Colour is a parameter (decided at the CLI
 * edge), so the same advice renders the same bytes in tests.
 */
import { Chalk } from 'chalk';
import type { Advice } from '../domain/advice.js';
import { optionName } from '../domain/options.js';
import { describeChoice, describeSource } from '../rules/case-studies.js';
import { money } from '../domain/text.js';
import { quantity, signed, unitPrice } from './format.js';
import { wrap } from './text.js';
import { renderCostChart } from './chart.js';
import { renderPeople } from './people.js';
import { renderCompactBody, renderTrace, reportWidth, type TableReportOptions } from './table.js';
import { describeEstimate, describeSizing, NO_WHAT_IF, optionList } from './view.js';

export function renderDetails(advice: Advice, options: TableReportOptions = {}): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = reportWidth(options.width);
  const out: string[] = [renderCompactBody(advice, options, c, width), ''];
  const { pricing } = advice;

  out.push(c.bold('Monthly cost against utilisation'));
  out.push(renderCostChart(advice, width, c));
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
      // The points sit in the margin, right-aligned, so every reason's text starts in one column.
      out.push(wrap(`${r.text} ${c.dim(`[${r.rule}]`)}`, width, '         ', `    ${pts} `));
    }
    if (o.operates && o.operates.length > 0) out.push(wrap(c.dim(`You operate: ${o.operates.join('; ')}`), width, '      ', '    '));
  }
  out.push('');

  out.push(c.bold('Monthly cost, line by line (the AWS bill)'));
  for (const o of advice.options) {
    if (!o.eligible) {
      out.push(
        wrap(
          `${c.bold(o.name)}  ${c.red(`not eligible: ${o.blockers.map((b) => b.rule).join(', ')}`)}${c.dim(` · computed for comparison only: ${money(o.monthlyCost.total)}`)}`,
          width,
          '    ',
        ),
      );
      continue;
    }
    out.push(
      wrap(`${c.bold(o.name)}  ${money(o.monthlyCost.total)}${describeSizing(o) ? c.dim(`  · ${describeSizing(o)}`) : ''}`, width, '    '),
    );
    // Two lines an item — the name and its monthly amount, then quantity × unit price — so a bill
    // fits any terminal width.
    const amountWidth = Math.max(...o.monthlyCost.items.map((i) => money(i.monthly).length), money(o.monthlyCost.total).length);
    const row = (name: string, amount: string) => {
      const room = Math.max(20, width - 6 - amountWidth - 2);
      const label = name.length > room ? `${name.slice(0, room - 1)}…` : name;
      return `    ${label.padEnd(room)}  ${amount.padStart(amountWidth)}`;
    };
    for (const item of o.monthlyCost.items) {
      out.push(row(item.estimate ? `${item.name} *` : item.name, money(item.monthly)));
      out.push(c.dim(`      ${quantity(item.quantity)} ${item.unit} × ${unitPrice(item.unitPrice)}`));
    }
    out.push(c.bold(row('Total', money(o.monthlyCost.total))));
  }
  if (advice.options.some((o) => o.monthlyCost.items.some((i) => i.estimate)))
    out.push(c.dim('    * estimated price; see "Price estimates" below'));
  out.push('');

  out.push(...renderPeople(advice, width, c), '');

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

  if (options.explain) out.push(...renderTrace(advice, width, c), '');

  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
