/**
 * docs/rules.md carries tables generated from the rule, pitfall and case-study data. This test fails
 * when the doc is stale; run `UPDATE_RULES_DOC=1 npx vitest run test/rules/docs.test.ts` to refresh it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replaceGeneratedBlock as replaceBlock } from '../helpers.js';
import { OPTION_IDS } from '../../src/schema/enums.js';
import { RULES, describeCaseStudies, describePitfalls } from '../../src/rules/index.js';

const DOC = new URL('../../docs/rules.md', import.meta.url);
const SHORT: Record<(typeof OPTION_IDS)[number], string> = {
  'ecs-fargate': 'ECS Fargate',
  'ecs-ec2': 'ECS EC2',
  'eks-managed-nodes': 'EKS MNG',
  'eks-fargate': 'EKS Fargate',
  'ecs-managed-instances': 'ECS MI',
  'eks-auto-mode': 'EKS Auto',
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const links = (sources: ReadonlyArray<{ title: string; url: string; date?: string }>) =>
  sources.map((s) => `[${cell(s.title)}](${s.url})${s.date ? ` (${s.date})` : ''}`).join('<br>');

function rulesTable(): string {
  const head = `| id | trait | trigger | ${OPTION_IDS.map((id) => SHORT[id]).join(' | ')} | reason | sources |`;
  const sep = `|${'---|'.repeat(OPTION_IDS.length + 5)}`;
  const rows = RULES.map((r) => {
    const effects = OPTION_IDS.map((id) => {
      const e = r.effects[id];
      if (e === undefined) return r.effectNote && Object.keys(r.effects).length === 0 ? 'computed' : '';
      if (e === 'blocker') return '**blocker**';
      return e > 0 ? `+${e}` : e === 0 ? 'note' : `${e}`;
    });
    const note = r.effectNote ? ` *(${cell(r.effectNote)})*` : '';
    return `| \`${r.id}\` | ${r.trait} | ${cell(r.trigger)} | ${effects.join(' | ')} | ${cell(r.reason)}${note} | ${links(r.sources)} |`;
  });
  return [head, sep, ...rows].join('\n');
}

function pitfallsTable(): string {
  const rows = describePitfalls().map(
    (p) => `| \`${p.id}\` | ${p.options.map((o) => SHORT[o]).join(', ')} | ${cell(p.trigger)} | ${cell(p.fix)} | ${links(p.sources)} |`,
  );
  return ['| id | options | trigger | fix | sources |', '|---|---|---|---|---|', ...rows].join('\n');
}

function casesTable(): string {
  const rows = describeCaseStudies().map((c) => {
    const fit = c.adopted ? (c.exact ? 'exact' : 'closest') : 'evaluated, not adopted';
    const sources = c.sources.map((s) => `[${cell(s.title)}](${s.url})${s.date ? ` (${s.date})` : ''}`).join('<br>');
    return (
      `| \`${c.id}\` | ${c.name} | ${cell(c.chose)} | ${SHORT[c.option]} (${fit}) | ${c.year} | ${c.confidence} | ` +
      `${cell(c.lesson)} | ${cell(c.unconfirmed ?? '—')} | ${sources} |`
    );
  });
  return [
    '| id | company | chose | option | year | confidence | lesson | unconfirmed | sources |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

describe('docs/rules.md', () => {
  it('has current generated tables', () => {
    const doc = readFileSync(DOC, 'utf8');
    let next = replaceBlock(doc, 'rules', rulesTable());
    next = replaceBlock(next, 'pitfalls', pitfallsTable());
    next = replaceBlock(next, 'cases', casesTable());
    if (process.env.UPDATE_RULES_DOC === '1') writeFileSync(DOC, next);
    else expect(next).toBe(doc);
  });
});
