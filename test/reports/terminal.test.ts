/**
 * The terminal report: the answer in one screen (at most 60 lines, never wider than 80 columns at
 * COLUMNS=80), blocked options without a price, and `--details` holding everything the full report
 * holds: every reason, bill line, pitfall, case study, what-if and estimate, plus the chart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/advise.js';
import { loadSnapshot } from '../../src/cli/prices/snapshot.js';
import { resolvePriceBook } from '../../src/pricing/index.js';
import { renderReport } from '../../src/reports/index.js';
import { describePitfalls } from '../../src/rules/index.js';
import { loadWorkload, loadWorkloadText } from '../../src/schema/load.js';
import { FIXTURES, run } from '../helpers.js';

function adviceFor(name: string) {
  const loaded = loadWorkload(readFileSync(`fixtures/${name}.yaml`));
  if (!loaded.ok) throw new Error(`fixture ${name} does not validate`);
  return advise(loaded.workload, resolvePriceBook(loadSnapshot(), loaded.workload.region, { source: 'snapshot' }), { toolVersion: 'test' });
}
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe.each(FIXTURES)('%s', (name) => {
  const advice = adviceFor(name);
  const compact = renderReport(advice, 'table', { width: 80 });
  const details = renderReport(advice, 'table', { width: 80, details: true });

  it('the compact report is one screen: at most 60 lines, none wider than 80 columns', () => {
    const lines = compact.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(60);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(compact).toContain(advice.options.find((o) => o.id === advice.recommendation.option)!.name);
    expect(compact).toMatch(/--details/);
  });

  it('in colour, the report reads exactly as without it (escape codes take no column)', () => {
    const shown = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
    const coloured = renderReport(advice, 'table', { width: 80, color: true });
    expect(coloured).not.toBe(shown(coloured));
    expect(shown(coloured)).toBe(compact);
    expect(shown(renderReport(advice, 'table', { width: 80, details: true, color: true }))).toBe(details);
  });

  it('the options matrix keeps every column at 80, break-even included', () => {
    const head = compact.split('\n').find((l) => l.includes('# Option'));
    expect(head).toMatch(/Score +Monthly +vs pick +(Ops|TCO)\/month +Break-even$/);
    for (const o of advice.options.filter((x) => x.eligible)) {
      const row = compact.split('\n').find((l) => l.startsWith(`  ${o.rank} `));
      const cell = row?.trim().split(/ {2,}/).at(-1);
      expect(cell, o.id).toMatch(o.sizing && 'nodeCount' in o.sizing ? /^(\d+ %|never|always|—)$/ : /^—$/);
    }
  });

  it('blocked options show their blocker instead of a price', () => {
    for (const o of advice.options.filter((x) => !x.eligible)) {
      const row = compact.split('\n').find((l) => l.includes(o.name) && l.includes('blocked:'));
      expect(row, o.id).toBeDefined();
      expect(row).not.toMatch(/\$\d/);
    }
  });

  it('--details holds every reason, bill line, pitfall, case study, what-if and estimate, and the chart', () => {
    const text = flat(details);
    for (const o of advice.options) {
      for (const r of o.reasons) expect(text, `${o.id} ${r.rule}`).toContain(flat(r.text));
      for (const b of o.blockers) expect(text).toContain(flat(b.text));
      if (o.eligible) for (const i of o.monthlyCost.items) expect(text).toContain(i.name.slice(0, 40));
    }
    const titles = new Map(describePitfalls().map((p) => [p.id, p.title]));
    for (const p of advice.pitfalls) {
      expect(text).toContain(p.id);
      expect(titles.has(p.id)).toBe(true);
      expect(text).toContain(flat(p.text));
    }
    for (const c of advice.caseStudies) expect(text).toContain(c.name ?? c.id);
    for (const w of advice.whatIf) expect(text).toContain(w.change);
    expect(text).toContain('Monthly cost against utilisation');
    expect(details).toMatch(/┤.*[FEMKIA]/);
    expect(text).toContain('The people who run it');
  });
});

describe('at the CLI', () => {
  it('uses COLUMNS when stdout is not a terminal, 80 when nothing says', async () => {
    const narrow = await run(['advise', '--input', 'fixtures/regulated-fintech.yaml'], { env: { COLUMNS: '60' } });
    for (const line of narrow.stdout.trimEnd().split('\n')) expect([...line].length, line).toBeLessThanOrEqual(60);
    const plain = await run(['advise', '--input', 'fixtures/regulated-fintech.yaml'], { env: { COLUMNS: '' } });
    for (const line of plain.stdout.trimEnd().split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('warnings go to stderr as well as into the report header', async () => {
    const workload =
      'version: 1\nname: win\nservices: [{name: web, cpu: 1, memory: 2, replicas: 2, os: windows}]\ncost: {fargate: {spotPercent: 50}}\n';
    const { code, stdout, stderr } = await run(['advise', '--input', '-'], { stdin: workload });
    expect(code).toBe(0);
    expect(stdout).toMatch(/╭─ Warnings[\s\S]*Windows tasks cannot use Fargate Spot/);
    expect(stdout.indexOf('Warnings')).toBeLessThan(stdout.indexOf('Recommendation'));
    expect(stderr).toMatch(/^warning: Windows tasks cannot use Fargate Spot/m);
  });
});

describe('a one-task workload', () => {
  it('reads in the singular everywhere (no "1 tasks", "1 pods")', () => {
    const loaded = loadWorkloadText('version: 1\nname: one\nservices: [{name: a, cpu: 0.25, memory: 0.5, replicas: 1}]\n');
    if (!loaded.ok) throw new Error('does not validate');
    const advice = advise(loaded.workload, resolvePriceBook(loadSnapshot(), 'us-east-1', { source: 'snapshot' }), { toolVersion: 'test' });
    for (const format of ['table', 'markdown'] as const) {
      const report = renderReport(advice, format, { width: 80, details: true });
      expect(report).not.toMatch(/\b1 (tasks|pods|services|nodes)\b/);
    }
  });
});
