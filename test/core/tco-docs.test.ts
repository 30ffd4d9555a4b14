/**
 * docs/tco.md lists every effort and migration figure with its range and sources, generated from the
 * catalog. This test fails when the doc is stale; `UPDATE_TCO_DOC=1 npx vitest run test/core/tco-docs.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replaceGeneratedBlock as replaceBlock } from '../helpers.js';
import { EFFORT_SOURCES, MIGRATION_EFFORT, OPERATIONS_EFFORT, type EffortSourceId } from '../../src/domain/operations-effort.js';
import { optionName } from '../../src/domain/options.js';
import { OPTION_IDS } from '../../src/schema/enums.js';

const DOC = new URL('../../docs/tco.md', import.meta.url);
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const links = (ids: readonly EffortSourceId[]) =>
  ids.map((id) => `[${cell(EFFORT_SOURCES[id].title)}](${EFFORT_SOURCES[id].url})`).join('<br>');
const range = (r: readonly [number, number]) => `${r[0]}–${r[1]}`;
const PER: Record<string, string> = { estate: 'estate', cluster: 'cluster', nodePool: 'node pool' };

function effortTables(): string {
  const out: string[] = [];
  for (const id of OPTION_IDS) {
    out.push(
      `### ${optionName(id)} (\`${id}\`)`,
      '',
      '| item | h/month | per | also | basis | confidence | sources |',
      '|---|---:|---|---|---|---|---|',
    );
    for (const item of OPERATIONS_EFFORT[id]) {
      const also = [
        item.perCluster ? `+ ${range(item.perCluster)} per cluster` : '',
        item.per100Nodes ? `+ ${range(item.per100Nodes)} per 100 nodes` : '',
      ]
        .filter(Boolean)
        .join('; ');
      out.push(
        `| ${cell(item.what)} | ${range(item.hoursPerMonth)} | ${PER[item.scalesWith]} | ${also || '—'} | ${item.basis} | ${item.confidence} | ${links(item.sources)} |`,
      );
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}

function migrationTable(): string {
  const rows = Object.entries(MIGRATION_EFFORT).map(
    ([key, m]) =>
      `| \`${key.replace('->', '` → `')}\` | ${range(m!.weeks)} per ${m!.per} | ${m!.setupWeeks ? range(m!.setupWeeks) : '—'} | ${m!.confidence} | ${links(m!.sources)} |`,
  );
  return ['| from → to | engineer-weeks | set-up weeks (once) | confidence | sources |', '|---|---|---|---|---|', ...rows].join('\n');
}

describe('docs/tco.md', () => {
  it('lists every effort and migration figure with its range and sources', () => {
    const doc = readFileSync(DOC, 'utf8');
    const next = replaceBlock(replaceBlock(doc, 'effort', effortTables()), 'migration', migrationTable());
    if (process.env.UPDATE_TCO_DOC === '1') writeFileSync(DOC, next);
    else expect(next).toBe(doc);
  });
});
