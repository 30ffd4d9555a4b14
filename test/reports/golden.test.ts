/**
 * Golden files: each fixture's table, Markdown and JSON reports are compared byte for byte with
 * `test/golden/`. Update them deliberately with `npx vitest run test/reports -u` and review the diff.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/advise.js';
import { loadSnapshot } from '../../src/cli/prices/snapshot.js';
import { resolvePriceBook } from '../../src/pricing/index.js';
import { renderReport } from '../../src/reports/index.js';
import { loadWorkload } from '../../src/schema/load.js';
import { FIXTURES } from '../helpers.js';

function adviceFor(name: string) {
  const loaded = loadWorkload(readFileSync(`fixtures/${name}.yaml`));
  if (!loaded.ok) throw new Error(`fixture ${name} does not validate`);
  const book = resolvePriceBook(loadSnapshot(), loaded.workload.region, { source: 'snapshot' });
  return advise(loaded.workload, book, { toolVersion: '0.0.0-golden' });
}

describe.each(FIXTURES)('%s', (name) => {
  const advice = adviceFor(name);
  it('table (compact, 80 columns)', async () => {
    await expect(renderReport(advice, 'table', { color: false, width: 80 })).toMatchFileSnapshot(`../golden/${name}.txt`);
  });
  it('table --details (80 columns)', async () => {
    await expect(renderReport(advice, 'table', { color: false, width: 80, details: true })).toMatchFileSnapshot(
      `../golden/${name}.details.txt`,
    );
  });
  it('markdown', async () => {
    await expect(renderReport(advice, 'markdown')).toMatchFileSnapshot(`../golden/${name}.md`);
  });
  it('json', async () => {
    await expect(renderReport(advice, 'json')).toMatchFileSnapshot(`../golden/${name}.json`);
  });
});
