/**
 * The reports in a real browser: headless Chromium from the distribution's `chromium` package (CI's
 * `.ci/run` installs it), driven by playwright-core, one launch for the whole file.
 * - Mermaid's own parser (its browser bundle from node_modules, loaded into the page, no network)
 *   accepts every chart of every Markdown record, and Mermaid draws each of them.
 * - Each HTML page loads from a file URL with no console error and no request but its own, draws its
 *   charts (paths and bars of non-zero size), and prints to PDF.
 * Skipped, with the reason printed, where /usr/bin/chromium is absent.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Mermaid } from 'mermaid';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Advice } from '../../src/domain/advice.js';
import { renderDiff } from '../../src/reports/diff.js';
import { renderHtml } from '../../src/reports/html.js';
import { renderMarkdown } from '../../src/reports/markdown.js';
import { adviceFor, adviceWithPeopleCost, FIXTURES } from './report-inputs.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SKIP_REASON = `${CHROMIUM} is not installed (apt-get install chromium; .ci/run installs it)`;
if (!HAS_CHROMIUM) console.warn(`browser tests skipped: ${SKIP_REASON}`);

const MERMAID_BUNDLE = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

const CASES: Array<[string, () => Advice]> = [
  ...FIXTURES.map((f): [string, () => Advice] => [f, () => adviceFor(f)]),
  ['people-cost', adviceWithPeopleCost],
];

/** The few DOM calls the page-side code makes (the test project compiles without the DOM library). */
interface Box {
  width: number;
  height: number;
  right: number;
}
interface PageElement {
  getBoundingClientRect(): Box;
  getTotalLength?: () => number;
  getAttribute(name: string): string | null;
}
interface PageDocument {
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

describe.skipIf(!HAS_CHROMIUM)(`in headless Chromium${HAS_CHROMIUM ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let browser: Browser;
  const started = Date.now();
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    console.info(`browser tests: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it('Mermaid parses and draws every chart of every Markdown record', async () => {
    const charts = CASES.flatMap(([name, make]) =>
      [...renderMarkdown(make()).matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m, i) => ({ name: `${name} #${i + 1}`, text: m[1]! })),
    );
    expect(charts.length).toBe(CASES.length * 2);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID_BUNDLE });
    const results = await page.evaluate(async (list) => {
      const mermaid = (globalThis as unknown as { mermaid: Mermaid }).mermaid;
      mermaid.initialize({ startOnLoad: false });
      const out: Array<{ name: string; type?: string; error?: string; drawn?: number }> = [];
      for (const [i, c] of list.entries()) {
        try {
          const parsed = await mermaid.parse(c.text);
          const { svg } = await mermaid.render(`chart-${i}`, c.text);
          out.push({ name: c.name, type: parsed ? parsed.diagramType : 'none', drawn: (svg.match(/<(path|rect)\b/g) ?? []).length });
        } catch (error) {
          out.push({ name: c.name, error: String((error as Error).message ?? error) });
        }
      }
      return out;
    }, charts);
    await page.close();
    for (const r of results) {
      expect(r.error, r.name).toBeUndefined();
      expect(r.type, r.name).toBe('xychart');
      expect(r.drawn, r.name).toBeGreaterThan(3);
    }
    expect(errors).toEqual([]);
  });

  it('Mermaid’s parser rejects a broken chart (the check can fail)', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID_BUNDLE });
    const rejected = await page.evaluate(async () => {
      const mermaid = (globalThis as unknown as { mermaid: Mermaid }).mermaid;
      try {
        await mermaid.parse('xychart-beta\n  line [1, 2,');
        return false;
      } catch {
        return true;
      }
    });
    await page.close();
    expect(rejected).toBe(true);
  });

  const dir = mkdtempSync(join(tmpdir(), 'ecs-or-eks-html-'));
  it.each(CASES)('%s: the HTML page loads with no error and no outside request, and draws its charts', async (name, make) => {
    const advice = make();
    const file = join(dir, `${name}.html`);
    writeFileSync(file, renderHtml(advice, { explain: true }));
    const url = pathToFileURL(file).href;
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    await page.goto(url, { waitUntil: 'load' });

    const drawn = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: PageDocument }).document;
      const all = (sel: string): PageElement[] => Array.from(doc.querySelectorAll(sel));
      const size = (e: PageElement): Box => {
        const b = e.getBoundingClientRect();
        return { width: b.width, height: b.height, right: b.right };
      };
      const main = all('main').map(size)[0]!;
      return {
        scripts: all('script').length,
        series: all('#cost-curve g.series').map(size),
        lines: all('#cost-curve g.series > path:first-of-type').map((p) => p.getTotalLength?.() ?? 0),
        chosen: all('#cost-curve .chosen-utilisation').map(size),
        bars: all('#monthly-bars g.bar rect').map(size),
        curve: all('#cost-curve').map(size),
        overflowing: all('table, figure, details').filter((e) => size(e).right > main.right - 19).length,
      };
    });
    const eligible = advice.options.filter((o) => o.eligible).length;
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(drawn.scripts).toBe(0);
    expect(drawn.curve[0]!.width).toBeGreaterThan(300);
    expect(drawn.series).toHaveLength(eligible);
    for (const s of drawn.series) expect(s.width > 0 && s.height > 0).toBe(true);
    for (const length of drawn.lines) expect(length).toBeGreaterThan(100);
    expect(drawn.chosen).toHaveLength(1);
    expect(drawn.chosen[0]!.height).toBeGreaterThan(100);
    expect(drawn.bars).toHaveLength(eligible);
    for (const b of drawn.bars) expect(b.width > 0 && b.height > 0).toBe(true);
    expect(drawn.overflowing, 'tables or figures wider than the page').toBe(0);

    if (name === 'regulated-fintech') {
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(20_000);
      writeFileSync(join(dir, `${name}.pdf`), pdf);
    }
    await page.close();
  });

  it('diff --format html: the comparison page loads with no error and no outside request, and draws its bars', async () => {
    const file = join(dir, 'diff.html');
    writeFileSync(
      file,
      renderDiff(
        { name: 'startup-api.yaml', advice: adviceFor('startup-api') },
        { name: 'regulated-fintech.yaml', advice: adviceFor('regulated-fintech') },
        'html',
      ),
    );
    const url = pathToFileURL(file).href;
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: 'load' });
    const bars = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: PageDocument }).document;
      return Array.from(doc.querySelectorAll('#chart svg rect')).map((e) => e.getBoundingClientRect().width);
    });
    await page.close();
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    expect(bars).toHaveLength(12); // A and B for each of the six options
    for (const w of bars) expect(w).toBeGreaterThan(0);
  });
});
