/** The case studies as a reader sees them: `ecs-or-eks cases` and the case-study part of each report. */
import { describe, expect, it } from 'vitest';
import { CASE_STUDIES } from '../../src/rules/index.js';
import { FIXTURES, run } from '../helpers.js';

const INTERNAL = [/project brief/i, /passages (found|read)/i, /domain-facts/i, /SPEC §/, /via a mirror/i];
const URL_RE = /https:\/\/[^\s)|<]+/g;

/** The case-study part of a report, from its heading to the next heading, with wrapped lines joined. */
function caseSection(report: string, heading: RegExp, next: RegExp): string {
  const lines = report.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && next.test(l));
  return lines
    .slice(start, end < 0 ? undefined : end)
    .join('\n')
    .replace(/\s+/g, ' ');
}
const tableCases = (report: string) => caseSection(report, /^Public case studies/, /^\S/);
const markdownCases = (report: string) => caseSection(report, /^## Similar public case studies/, /^## /);

describe('ecs-or-eks cases', () => {
  it('lists every case, at least twelve, each with a URL and a confidence (table)', async () => {
    const { code, stdout: raw } = await run(['cases']);
    const stdout = raw.replace(/\s+/g, ' ');
    expect(code).toBe(0);
    expect(CASE_STUDIES.length).toBeGreaterThanOrEqual(12);
    for (const c of CASE_STUDIES) {
      expect(stdout).toContain(`${c.name} (${c.id}) — `);
      for (const s of c.sources) expect(stdout).toContain(s.url);
    }
    expect(stdout.match(/ confidence/g)!.length).toBeGreaterThanOrEqual(CASE_STUDIES.length);
    expect(stdout).toContain('unconfirmed: No source confirms Fargate, ECS or EKS');
    expect(stdout).toContain(
      'option: EKS with managed node groups (eks-managed-nodes), closest option · adopted · 2018 · medium confidence',
    );
    expect(stdout).toContain('evaluated, not adopted');
    expect(stdout).toMatch(/\d+ case studies, \d+ confirmed by their sources/);
  });

  it('JSON carries every field, with confirmed added', async () => {
    const list = JSON.parse((await run(['cases', '-f', 'json'])).stdout) as Array<Record<string, unknown>>;
    expect(list).toHaveLength(CASE_STUDIES.length);
    for (const c of list) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining(['id', 'option', 'exact', 'adopted', 'chose', 'year', 'confidence', 'confirmed', 'unconfirmed', 'sources']),
      );
      expect((c.sources as Array<{ url: string }>).every((s) => s.url.startsWith('https://'))).toBe(true);
    }
  });

  it('Markdown is one table row per case, with linked sources', async () => {
    const { stdout } = await run(['cases', '-f', 'markdown']);
    const rows = stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Case'));
    expect(rows).toHaveLength(CASE_STUDIES.length);
    for (const r of rows) expect(r).toMatch(/\]\(https:\/\//);
  });

  it('says nothing internal, in any format', async () => {
    for (const format of ['table', 'json', 'markdown']) {
      const { stdout } = await run(['cases', '-f', format]);
      for (const bad of INTERNAL) expect(stdout).not.toMatch(bad);
    }
  });
});

describe('case studies in the advice reports', () => {
  it('the demo fixture shows a confirmed ECS Fargate case with what it chose, its confidence and its source', async () => {
    const { stdout } = await run(['advise', '-i', 'fixtures/startup-api.yaml', '--details']);
    const section = tableCases(stdout);
    expect(section).toContain(
      'bewith — ECS on Fargate, managed with Terraform (exactly ECS on Fargate) · 2024 · high confidence · similarity',
    );
    expect(section).toContain(
      'source: ADR-001: Deploy on AWS ECS Fargate · bewith engineering docs · 2024-08-01 · https://bewith-docs.pages.dev/',
    );
    expect(section).not.toContain('CrowdStrike');
  });

  it.each(FIXTURES)('%s: every case line says what was chosen, how exactly, and cites a URL; nothing internal', async (name) => {
    const table = tableCases((await run(['advise', '-i', `fixtures/${name}.yaml`, '--details'])).stdout);
    const md = markdownCases((await run(['advise', '-i', `fixtures/${name}.yaml`, '-f', 'markdown'])).stdout);
    const json = JSON.parse((await run(['advise', '-i', `fixtures/${name}.yaml`, '-f', 'json'])).stdout) as {
      caseStudies: Array<{ name: string; sources: Array<{ url: string }> }>;
    };
    for (const cs of json.caseStudies) {
      for (const text of [table, md]) {
        expect(text).toMatch(
          new RegExp(`${cs.name.replace(/[()]/g, '\\$&')}\\*{0,2} — .*\\((exactly|closest option:|evaluated, not adopted:) `),
        );
        for (const s of cs.sources) expect(text).toContain(s.url);
      }
    }
    for (const text of [table, md, JSON.stringify(json.caseStudies)]) {
      for (const bad of INTERNAL) expect(text).not.toMatch(bad);
      // The old headline claimed an option the company never ran.
      expect(text).not.toMatch(/ chose [^·.]* · similarity|\(similarity \d+ %\)/);
    }
    expect((md.match(URL_RE) ?? []).length).toBeGreaterThanOrEqual(json.caseStudies.length);
  });
});
