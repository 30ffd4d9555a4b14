/**
 * The Markdown record as GitHub shows it: rendered with a real CommonMark + GFM renderer (markdown-it,
 * raw HTML allowed as on GitHub), every placeholder and every model string survives as text, tables
 * keep their columns, `<details>` blocks are well formed, blocked options never show a price, and the
 * record fits a pull-request comment. (The Mermaid blocks are parsed by Mermaid in browser.test.ts.)
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { Advice } from '../../src/domain/advice.js';
import { money } from '../../src/domain/text.js';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from '../../src/reports/markdown.js';
import { dollars } from '../../src/reports/ownership.js';
import { adviceFor, adviceWithPeopleCost, FIXTURES, largeFleetAdvice } from './report-inputs.js';

const md = new MarkdownIt({ html: true, linkify: true });

/** What a reader sees: the rendered HTML without its tags, entities decoded, whitespace folded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Every raw HTML tag the renderer passes through (GitHub would too): only `<details>` and `<summary>` may be. */
function rawHtmlTags(source: string): string[] {
  const tags: string[] = [];
  const walk = (tokens: ReturnType<typeof md.parse>): void => {
    for (const t of tokens) {
      if (t.type === 'html_block' || t.type === 'html_inline') tags.push(...(t.content.match(/<\/?[a-zA-Z][^>]*>/g) ?? []));
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(source, {}));
  return tags;
}

/** Source tables: consecutive lines starting with `|`, with their cell counts (unescaped pipes). */
function sourceTables(source: string): Array<{ header: string[]; widths: number[] }> {
  const tables: Array<{ header: string[]; widths: number[] }> = [];
  let current: string[] = [];
  let fence = false;
  const cells = (line: string): string[] =>
    line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
  const flush = (): void => {
    if (current.length >= 2) tables.push({ header: cells(current[0]!), widths: current.map((l) => cells(l).length) });
    current = [];
  };
  for (const line of source.split('\n')) {
    if (line.startsWith('```')) fence = !fence;
    if (!fence && line.startsWith('|')) current.push(line);
    else flush();
  }
  flush();
  return tables;
}

/** The visible text of the option's bill, matrix row and chart data must hold no price for a blocked option. */
function blockedPrices(advice: Advice): string[] {
  return advice.options.filter((o) => !o.eligible).map((o) => money(o.monthlyCost.total));
}

/** Text outside code fences and code spans. */
function outsideCode(source: string): string {
  return source.replace(/```[\s\S]*?```/g, '').replace(/(`+)[^`]*?\1/g, '');
}

const CASES: Array<[string, () => Advice]> = [
  ...FIXTURES.map((f): [string, () => Advice] => [f, () => adviceFor(f)]),
  ['people-cost', adviceWithPeopleCost],
];

describe.each(CASES)('%s rendered as GitHub would', (_name, make) => {
  const advice = make();
  const source = renderMarkdown(advice, { explain: true });
  const html = md.render(source);
  const text = visibleText(html);

  it('passes no HTML through but the details blocks', () => {
    const tags = new Set(rawHtmlTags(source).map((t) => t.replace(/\s.*$/, '').replace(/>$/, '')));
    for (const t of tags) expect(['<details', '</details', '<summary', '</summary']).toContain(t);
  });

  it('shows every model string as written: reasons, blockers, pitfalls and fixes, warnings', () => {
    const strings = [
      advice.input.name,
      ...advice.warnings,
      ...advice.options.flatMap((o) => [...o.blockers.map((b) => b.text), ...o.reasons.map((r) => r.text)]),
      ...advice.pitfalls.flatMap((p) => [p.text, p.fix ?? '']),
    ].filter(Boolean);
    for (const s of strings) expect(text).toContain(fold(s).replace(/`/g, ''));
  });

  it('keeps every table’s columns, and the renderer sees each as a table', () => {
    const tables = sourceTables(source);
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const t of tables) for (const w of t.widths) expect(w).toBe(t.header.length);
    expect((html.match(/<table>/g) ?? []).length).toBe(tables.length);
    const matrix = tables.find((t) => t.header[0] === 'Rank')!;
    expect(matrix.header).toEqual(['Rank', 'Option', 'Eligible', 'Score', 'AWS bill a month', 'vs. recommended', 'Break-even utilisation']);
    expect(matrix.widths).toHaveLength(advice.options.length + 2);
  });

  it('opens and closes every <details> with a summary, and its Markdown inside is rendered', () => {
    const lines = source.split('\n');
    let open = false;
    lines.forEach((line, i) => {
      if (line === '<details>') {
        expect(open, `nested <details> at line ${i + 1}`).toBe(false);
        open = true;
        expect(lines[i + 1]).toMatch(/^<summary>[^<]+<\/summary>$/);
        expect(lines[i + 2]).toBe('');
      }
      if (line === '</details>') {
        expect(open, `</details> without <details> at line ${i + 1}`).toBe(true);
        expect(lines[i - 1]).toBe('');
        open = false;
      }
    });
    expect(open).toBe(false);
    const blocks = html.split('<details>').slice(1);
    expect(blocks.length).toBe(source.split('\n').filter((l) => l === '<details>').length);
    for (const b of blocks) {
      const inside = b.slice(0, b.indexOf('</details>'));
      expect(inside).toMatch(/<(table|ul|p)>/);
      expect(inside).not.toMatch(/\|---/);
    }
  });

  it('escapes every dollar sign outside code, so GitHub never reads $…$ as math', () => {
    expect(outsideCode(source)).not.toMatch(/(?<!\\)\$/);
  });

  it('shows a blocked option’s blocker and never its price, outside the folded "for comparison only" bill', () => {
    const folded = source.replace(/<details>\n<summary>[^\n]*for comparison only[^\n]*<\/summary>[\s\S]*?<\/details>/g, '');
    const visible = visibleText(md.render(folded));
    for (const price of blockedPrices(advice)) expect(visible).not.toContain(price);
    for (const o of advice.options.filter((x) => !x.eligible)) {
      expect(visible).toContain(`${o.name} — not eligible — ${fold(o.blockers[0]!.text)}`);
      expect(source).toMatch(new RegExp(`<summary>${o.name}: the computed bill, for comparison only`));
    }
  });

  it('states the runner-up with its margin, and a close call when there is one', () => {
    const r = advice.recommendation;
    if (r.runnerUp && r.margin !== null) expect(text).toMatch(new RegExp(`Runner-up: .* ${r.margin} points? behind`));
    expect(text.includes('Close call:')).toBe(r.closeCall);
  });

  it('fits a GitHub comment', () => {
    expect(source.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
  });
});

describe('people and total cost of ownership', () => {
  it('without an engineer rate: hours only, and how to get dollars', () => {
    const text = visibleText(md.render(renderMarkdown(adviceFor('startup-api'))));
    expect(text).toContain('Operations effort, engineer-hours a month');
    expect(text).not.toContain('Total cost of ownership a month');
    expect(text).toContain('Set team.engineerCostPerYear in the workload');
  });

  it('with a rate and a current platform: dollars, TCO low–high beside the AWS bill, and the move with its payback', () => {
    const advice = adviceWithPeopleCost();
    const text = visibleText(md.render(renderMarkdown(advice)));
    expect(text).toContain('Total cost of ownership a month');
    expect(text).toContain('Moving from ECS on EC2');
    for (const o of advice.options.filter((x) => x.eligible)) {
      expect(text).toContain(`${dollars(o.totalCostOfOwnership!.low)}–${dollars(o.totalCostOfOwnership!.high)}`);
      expect(o.migration).not.toBeNull();
    }
    expect(text).toMatch(/pays back in|never pays back|may never|the current platform/);
    // The AWS bill stays the AWS bill: the matrix row shows the bill, never the TCO.
    const winner = advice.options[0]!;
    const row = renderMarkdown(advice)
      .split('\n')
      .find((l) => l.startsWith(`| 1 | ${winner.name}`))!;
    expect(row).toContain(money(winner.monthlyCost.total).replace('$', '\\$'));
    expect(row).not.toContain(dollars(winner.totalCostOfOwnership!.low).replace('$', '\\$'));
  });
});

describe('strings that look like markup', () => {
  const base = adviceFor('regulated-fintech');
  const hostile: Advice = structuredClone(base);
  hostile.input.name = 'x <img src=x onerror=alert(1)> *not bold* _nor this_ [no](link) $1 and $2 a|b &amp; ~~s~~';
  hostile.warnings = ['<script>alert(1)</script> | a pipe\nand a newline', '# not a heading'];
  hostile.options[0]!.reasons[0]!.text = '<b>raw</b> | cell $5–$10 `code | pipe`';
  hostile.pitfalls[0]!.fix = 'Trust <issuer>:sub = system:serviceaccount:<namespace>:<serviceaccount>.';
  hostile.caseStudies[0]!.sources = [{ title: 'Evil', url: 'javascript:alert(1)' }];
  const source = renderMarkdown(hostile);
  const html = md.render(source);
  const text = visibleText(html);

  it('renders none of them as HTML or links', () => {
    expect(html).not.toMatch(/<(img|script|b)[\s>]/);
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toMatch(/<(em|strong|del)>(not bold|nor this|s)<\/\1>/);
    expect(html).not.toContain('<a href="link"');
  });

  it('shows each as written', () => {
    expect(text).toContain(hostile.input.name);
    expect(text).toContain('<script>alert(1)</script> | a pipe and a newline');
    expect(text).toContain('# not a heading');
    expect(text).toContain('<b>raw</b> | cell $5–$10 code | pipe');
    expect(text).toContain('Trust <issuer>:sub = system:serviceaccount:<namespace>:<serviceaccount>.');
    expect(text).toContain('Evil (javascript:alert(1))');
  });
});

describe('a record longer than a GitHub comment', () => {
  it('a large generated fleet is shortened part by part, with a note, and stays well formed', () => {
    const advice = largeFleetAdvice();
    const source = renderMarkdown(advice, { explain: true });
    expect(source.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(source).toMatch(/shortened to stay under GitHub’s 65,536-character comment limit; left out: the rule trace/);
    expect(source).toContain('_Left out to fit a GitHub comment: the rule trace._');
    expect(source).toContain('## Options compared');
    expect(source.split('\n').filter((l) => l === '<details>').length).toBe(source.split('\n').filter((l) => l === '</details>').length);
  }, 60_000);

  it('past every droppable part, it ends at the last whole block that fits', () => {
    const advice: Advice = structuredClone(adviceFor('startup-api'));
    const pitfall = advice.pitfalls[0]!;
    advice.pitfalls = Array.from({ length: 600 }, (_, i) => ({ ...pitfall, id: `${pitfall.id}-${i}` }));
    const source = renderMarkdown(advice);
    expect(source.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(source).toMatch(/left out: .*the end of the record/);
    expect(source.startsWith('# Container platform decision: startup-api')).toBe(true);
    const html = md.render(source);
    expect((html.match(/<details>/g) ?? []).length).toBe((html.match(/<\/details>/g) ?? []).length);
  });

  it('is stable: the same advice gives the same bytes', () => {
    const advice = adviceFor('nightly-etl');
    expect(renderMarkdown(advice)).toBe(renderMarkdown(structuredClone(advice)));
  });
});

describe('when every option is blocked', () => {
  it('says so, charts nothing and shows no price outside the comparison bills', () => {
    const advice: Advice = structuredClone(adviceFor('gpu-inference'));
    for (const o of advice.options) {
      o.eligible = false;
      o.score = null;
      if (o.blockers.length === 0) o.blockers = [{ rule: 'test', text: 'Blocked for this test.' }];
      // As the engine words a blocked option: no cost reason.
      o.reasons = o.reasons.filter((r) => r.rule !== 'cost');
    }
    advice.pitfalls = [];
    advice.recommendation = {
      ...advice.recommendation,
      summary: 'No option is eligible: every option is blocked.',
      eligible: false,
      score: null,
      monthlyCost: null,
      margin: null,
      runnerUp: null,
      closeCall: false,
    };
    const source = renderMarkdown(advice);
    const folded = source.replace(/<details>\n<summary>[^\n]*for comparison only[^\n]*<\/summary>[\s\S]*?<\/details>/g, '');
    const text = visibleText(md.render(folded));
    expect(text).toContain('No option fits this workload as written');
    expect(text).toContain('No option can run this workload: nothing to chart.');
    expect(source).not.toContain('```mermaid');
    for (const price of blockedPrices(advice)) expect(text).not.toContain(price);
  });
});
