/**
 * Renderers for the secondary commands: `diff`, `prices show`, `rules` and `cases`. Pure functions
 * from data to a string, like the advice reports.
 */
import type { PriceBook, SourcedPrice } from '../domain/price-book.js';
import { describeCaseStudies, describeRules, type RuleDescription } from '../rules/index.js';
import { describeSource, isConfirmed } from '../rules/case-studies.js';
import { optionName } from '../domain/options.js';
import { SOURCES } from '../domain/sources.js';
import type { OutputFormat } from '../schema/enums.js';
import { compareText } from '../schema/numbers.js';
import { signed, unitPrice } from './format.js';
import { escapeCell as cell, wrap } from './text.js';
import { describeEstimate } from './view.js';

export { renderDiff } from './diff.js';

export function renderPriceBook(book: PriceBook, format: 'table' | 'json', width = 80): string {
  const { prices } = book;
  const rows: Array<{ item: string; price: SourcedPrice | undefined; unit: string }> = [
    { item: 'Fargate Linux/x86 vCPU', price: prices.fargate.linuxX86?.vcpuHour, unit: 'per vCPU-hour' },
    { item: 'Fargate Linux/x86 memory', price: prices.fargate.linuxX86?.gbHour, unit: 'per GB-hour' },
    { item: 'Fargate Linux/ARM vCPU', price: prices.fargate.linuxArm?.vcpuHour, unit: 'per vCPU-hour' },
    { item: 'Fargate Linux/ARM memory', price: prices.fargate.linuxArm?.gbHour, unit: 'per GB-hour' },
    { item: 'Fargate Windows vCPU', price: prices.fargate.windows?.vcpuHour, unit: 'per vCPU-hour' },
    { item: 'Fargate Windows OS licence', price: prices.fargate.windows?.osLicenseVcpuHour, unit: 'per vCPU-hour' },
    { item: 'Fargate Windows memory', price: prices.fargate.windows?.gbHour, unit: 'per GB-hour' },
    { item: 'Fargate ephemeral storage > 20 GiB', price: prices.fargate.ephemeralStorageGbHour, unit: 'per GB-hour' },
    { item: 'Fargate Spot x86 vCPU', price: prices.fargate.spotX86?.vcpuHour, unit: 'per vCPU-hour' },
    { item: 'Fargate Spot x86 memory', price: prices.fargate.spotX86?.gbHour, unit: 'per GB-hour' },
    { item: 'Fargate Spot ARM vCPU', price: prices.fargate.spotArm?.vcpuHour, unit: 'per vCPU-hour' },
    { item: 'Fargate Spot ARM memory', price: prices.fargate.spotArm?.gbHour, unit: 'per GB-hour' },
    { item: 'EKS control plane (standard support)', price: prices.eks.controlPlaneHour, unit: 'per cluster-hour' },
    { item: 'EKS control plane (extended support)', price: prices.eks.extendedSupportHour, unit: 'per cluster-hour' },
  ];
  const ec2 = Object.entries(prices.ec2.onDemandHour).sort(([x], [y]) => compareText(x, y));
  if (format === 'json') {
    return `${JSON.stringify(
      {
        source: book.source,
        asOf: book.asOf,
        region: book.region,
        currency: 'USD',
        prices: rows.filter((r) => r.price).map((r) => ({ item: r.item, unit: r.unit, ...r.price })),
        ec2OnDemandHour: Object.fromEntries(ec2),
        estimates: book.estimates,
        warnings: book.warnings,
      },
      null,
      2,
    )}\n`;
  }
  // Plain columns (no grid) that fit 80, and each source once, numbered, with where to read it.
  const numbers = new Map<string, number>();
  const ref = (id: string): number => {
    let k = numbers.get(id);
    if (k === undefined) numbers.set(id, (k = numbers.size + 1));
    return k;
  };
  const cells = rows.map((r) => [
    r.item,
    r.price ? `${unitPrice(r.price.usd)}${r.price.estimate ? '*' : ''}` : 'unknown',
    r.unit.replace(/^per /, ''),
    r.price?.asOf ?? '—',
    r.price ? `[${ref(r.price.source)}]` : '',
  ]);
  const head = ['Item', 'USD', 'per', 'As of', 'Src'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((x, i) => (i === 1 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const table = [line(head), ...cells.map(line)].map((l) => `  ${l}`).join('\n');
  const estimated = ec2.filter(([, p]) => p.estimate).length;
  const lines = [
    `Prices for ${book.region}: source ${book.source}, as of ${book.asOf}`,
    '',
    table,
    '',
    wrap(
      `EC2 on-demand (Linux, shared tenancy): ${ec2.length} instance types${estimated > 0 ? `, ${estimated} of them estimated` : ''}; e.g. ${ec2
        .filter(([t]) => ['m7g.large', 'm7i.large', 'c7g.large', 'm6i.large', 'g5.xlarge'].includes(t))
        .map(([t, p]) => `${t} ${unitPrice(p.usd)}/h`)
        .join(', ')}`,
      width,
      '  ',
      '',
    ),
  ];
  lines.push(
    '',
    wrap(
      `Sources (check any price against AWS: ${(['fargate-pricing', 'eks-pricing', 'ec2-on-demand-pricing'] as const).map((id) => SOURCES[id].url).join(' ')})`,
      width,
      '  ',
      '',
    ),
  );
  for (const [id, k] of numbers) lines.push(wrap(`[${k}] ${describePriceSource(book, id)}`, width, '    ', '  '));
  if (book.estimates.length > 0) lines.push('', '* estimated:');
  for (const e of book.estimates) lines.push(wrap(`* ${describeEstimate(e)}`, width, '    ', '  '));
  for (const w of book.warnings) lines.push(`warning: ${w}`);
  return `${lines.join('\n')}\n`;
}

/**
 * A price source as a reader can follow it: its title, and a URL — the page itself, or the file in
 * the public repository it was read from — plus its kind and date.
 */
function describePriceSource(book: PriceBook, id: string): string {
  if (id === 'live' || id === 'cache') {
    return `AWS Price List API (GetProducts), fetched by \`ecs-or-eks prices refresh\` — ${SOURCES['price-list-api'].url}`;
  }
  const info = book.snapshot.sources[id];
  if (!info) return id;
  const url =
    info.url ??
    (info.repo
      ? info.commit && info.path && !info.path.includes(',')
        ? `https://github.com/${info.repo}/blob/${info.commit.split(/[ (]/)[0]}/${info.path}`
        : `https://github.com/${info.repo}`
      : undefined);
  const title = url && info.title === url ? '' : info.title;
  const when = info.date ? `, ${info.date}` : '';
  return `${[title, url].filter(Boolean).join(' — ')} (${info.kind}${when})`;
}

export function renderRules(format: OutputFormat, width = 100): string {
  const { baseScore, rules } = describeRules();
  if (format === 'json') return `${JSON.stringify(rules, null, 2)}\n`;
  const effect = (r: RuleDescription) => {
    const listed = Object.entries(r.effects)
      .map(([id, e]) => `${id} ${e === 'blocker' ? 'blocked' : signed(e)}`)
      .join(', ');
    return [listed, r.effectNote].filter(Boolean).join(listed && r.effectNote ? '; ' : '');
  };
  if (format === 'markdown') {
    const lines = [
      `Every option starts at ${baseScore}; each rule adds or subtracts points; blockers make an option ineligible.`,
      '',
      '| Rule | Trait | Triggers when | Effect | Sources |',
      '|---|---|---|---|---|',
    ];
    for (const r of rules) {
      const sources = r.sources.map((x) => `[${cell(x.title)}](${x.url})${x.date ? ` (${x.date})` : ''}`).join('<br>');
      lines.push(`| \`${r.id}\` | ${r.trait} | ${cell(r.trigger)} | ${cell(effect(r))} | ${sources} |`);
    }
    return `${lines.join('\n')}\n`;
  }
  // A list, not a table: triggers and sources are long, and a terminal table would truncate them.
  const out: string[] = [];
  for (const r of rules) {
    out.push(`${r.id}  (${r.kind}; trait: ${r.trait})`);
    out.push(wrap(`when: ${r.trigger}`, width, '      ', '  '));
    out.push(wrap(`effect: ${effect(r) || 'none'}`, width, '      ', '  '));
    out.push(wrap(`why: ${r.reason}`, width, '      ', '  '));
    for (const src of r.sources) out.push(wrap(`source: ${describeSource(src)}`, width, '      ', '  '));
    out.push('');
  }
  out.push(
    `${rules.length} rules; every option starts at ${baseScore}. Run \`ecs-or-eks advise --explain\` to see which fire for a workload.`,
  );
  return `${out.join('\n')}\n`;
}

export function renderCases(format: OutputFormat, width = 100): string {
  const cases = describeCaseStudies().map((c) => ({ ...c, confirmed: isConfirmed(c) }));
  if (format === 'json') return `${JSON.stringify(cases, null, 2)}\n`;
  const traits = (t: Record<string, unknown>) =>
    Object.entries(t)
      .map(([k, v]) => (v === true ? k : v === false ? `no ${k}` : `${k}: ${String(v)}`))
      .join(', ');
  const fit = (c: (typeof cases)[number]) => (c.exact ? 'exact' : 'closest option');
  const confirmed = cases.filter((c) => c.confirmed).length;
  const summary = `${cases.length} case studies, ${confirmed} confirmed by their sources (high or medium confidence).`;
  if (format === 'markdown') {
    const lines = [
      '| Case | Chose | Option | Adopted | Year | Confidence | Lesson | Unconfirmed | Sources |',
      '|---|---|---|---|---|---|---|---|---|',
    ];
    for (const c of cases) {
      const sources = c.sources.map((s) => `[${cell(s.title)}](${s.url})${s.date ? ` (${s.date})` : ''}`).join('<br>');
      lines.push(
        `| ${c.name} (\`${c.id}\`) | ${cell(c.chose)} | \`${c.option}\` (${fit(c)}) | ${c.adopted ? 'yes' : 'no (evaluated)'} | ${c.year} | ` +
          `${c.confidence}${c.confirmed ? '' : ' (not confirmed)'} | ${cell(c.lesson)} | ${cell(c.unconfirmed ?? '—')} | ${sources} |`,
      );
    }
    lines.push('', summary);
    return `${lines.join('\n')}\n`;
  }
  const out: string[] = [];
  for (const c of cases) {
    out.push(wrap(`${c.name} (${c.id}) — ${c.chose}`, width, '      ', ''));
    out.push(
      wrap(
        `option: ${optionName(c.option)} (${c.option}), ${fit(c)} · ${c.adopted ? 'adopted' : 'evaluated, not adopted'} · ${c.year} · ` +
          `${c.confidence} confidence${c.confirmed ? '' : ', not confirmed'}`,
        width,
        '      ',
        '  ',
      ),
    );
    out.push(wrap(`traits: ${traits(c.traits)}`, width, '      ', '  '));
    out.push(wrap(`lesson: ${c.lesson}`, width, '      ', '  '));
    if (c.unconfirmed) out.push(wrap(`unconfirmed: ${c.unconfirmed}`, width, '      ', '  '));
    for (const src of c.sources) out.push(wrap(`source: ${describeSource(src)}`, width, '      ', '  '));
    out.push('');
  }
  out.push(summary);
  return `${out.join('\n')}\n`;
}
