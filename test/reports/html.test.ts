/**
 * The HTML page without a browser: golden files, one self-contained document (no script, no
 * stylesheet, font or image from elsewhere), every model string escaped, blocked options without a
 * price outside their folded comparison bill, and `advise -f html -o FILE` through the CLI. The page
 * in a real browser: browser.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Advice } from '../../src/domain/advice.js';
import { money } from '../../src/domain/text.js';
import { renderReport } from '../../src/reports/index.js';
import { renderMarkdown } from '../../src/reports/markdown.js';
import { run, tempDir } from '../helpers.js';
import { adviceFor, adviceWithPeopleCost, FIXTURES } from './report-inputs.js';

const INTERNAL = [
  /SPEC\s*§/,
  /domain-facts/i,
  /pricing-facts\.(md|json)/,
  /expert-review/,
  /project brief/i,
  /per the brief/i,
  /\.\.\/shared/,
];

describe.each(FIXTURES)('%s', (name) => {
  const advice = adviceFor(name);
  const html = renderReport(advice, 'html');

  it('golden file', async () => {
    await expect(html).toMatchFileSnapshot(`../golden/${name}.html`);
  });

  it('is one self-contained page: no script, no outside resource, a policy that forbids loading any', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(|\bsrc=/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    // Links go only to http(s) sources, as plain navigation.
    for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^(#[a-z-]+|https?:\/\/)/);
    expect(html).toContain('@media print');
  });

  it('shows a blocked option’s blocker, and its price only in the folded comparison bill', () => {
    const outsideComparison = html.replace(/<details><summary>The computed bill, for comparison only[\s\S]*?<\/details>/g, '');
    for (const o of advice.options.filter((x) => !x.eligible)) {
      expect(outsideComparison).not.toContain(money(o.monthlyCost.total));
      expect(html).toContain(`<strong>${o.name}</strong> — not eligible — `);
    }
  });

  it('marks the chosen utilisation and lists the break-evens', () => {
    expect(html).toContain(`this workload: ${advice.input.cost.utilization} %`);
    for (const o of advice.options.filter((x) => x.eligible && x.breakEvenUtilization !== null))
      expect(html).toContain(`${o.name} costs the same as`);
  });
});

describe('the people and the move, priced', () => {
  const advice = adviceWithPeopleCost();
  it('golden files (HTML and Markdown) for a workload with an engineer rate and a current platform', async () => {
    await expect(renderReport(advice, 'html')).toMatchFileSnapshot('../golden/people-cost.html');
    await expect(renderMarkdown(advice)).toMatchFileSnapshot('../golden/people-cost.md');
  });
  it('shows the total cost of ownership beside the AWS bill, and the payback of the move', () => {
    const html = renderReport(advice, 'html');
    expect(html).toContain('<th class="num">Total cost of ownership a month</th>');
    expect(html).toContain('Moving from ECS on EC2');
    expect(html).toMatch(/pays back in|never pays back|may never/);
  });
});

describe('strings that look like markup', () => {
  it('are escaped everywhere', () => {
    const hostile: Advice = structuredClone(adviceFor('regulated-fintech'));
    hostile.input.name = '<img src=x onerror=alert(1)> & "quotes"';
    hostile.warnings = ['<script>alert(1)</script>'];
    hostile.options[0]!.reasons[0]!.text = '</table><b>raw</b>';
    hostile.pitfalls[0]!.fix = 'Trust <issuer>:sub = system:serviceaccount:<namespace>:<serviceaccount>.';
    hostile.caseStudies[0]!.sources = [{ title: 'Evil "title"', url: 'javascript:alert(1)' }];
    const html = renderReport(hostile, 'html');
    expect(html).not.toMatch(/<img|<script|<b>raw|<\/table><b>|href="javascript/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('&lt;issuer&gt;:sub = system:serviceaccount:&lt;namespace&gt;:&lt;serviceaccount&gt;');
    expect(html).toContain('Evil &quot;title&quot; (javascript:alert(1))');
  });
});

describe('when every option is blocked', () => {
  it('says so and draws no chart', () => {
    const advice: Advice = structuredClone(adviceFor('gpu-inference'));
    for (const o of advice.options) o.eligible = false;
    advice.recommendation = { ...advice.recommendation, eligible: false, score: null, monthlyCost: null, margin: null, runnerUp: null };
    const html = renderReport(advice, 'html');
    expect(html).toContain('No option fits this workload as written');
    expect(html).toContain('No option can run this workload: nothing to chart.');
    expect(html).not.toContain('<svg');
  });
});

describe('ecs-or-eks advise -f html', () => {
  it('writes the page with -o, and says nothing internal', async () => {
    const out = join(tempDir(), 'decision.html');
    const { code, stderr } = await run(['advise', '-i', 'fixtures/startup-api.yaml', '-f', 'html', '-o', out, '--explain']);
    expect(code, stderr).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<section id="trace">');
    for (const pattern of INTERNAL) expect(page).not.toMatch(pattern);
  });

  it.each(FIXTURES)('%s: no internal wording on stdout', async (name) => {
    const { code, stdout } = await run(['advise', '-i', `fixtures/${name}.yaml`, '-f', 'html', '--explain']);
    expect(code).toBe(0);
    for (const pattern of INTERNAL) expect(stdout).not.toMatch(pattern);
  });

  it('--help lists html among the formats of advise and of diff', async () => {
    expect((await run(['advise', '--help'])).stdout.replace(/\s+/g, ' ')).toMatch(/choices: "table", "json", "markdown", "html"/);
    expect((await run(['diff', '--help'])).stdout.replace(/\s+/g, ' ')).toMatch(/choices: "table", "json", "markdown", "html"/);
  });
});
