/**
 * The README's sample output is the compact report of fixtures/startup-api.yaml at 80 columns, exactly
 * as the golden file holds it. When the golden changes, refresh the README with
 * `UPDATE_README_SAMPLE=1 npx vitest run test/reports/readme-sample.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const README = new URL('../../README.md', import.meta.url);
const GOLDEN = new URL('../golden/startup-api.txt', import.meta.url);
const FENCE = /(<!-- sample:start -->\n[^\n]*\n\n```text\n)([\s\S]*?)(```\n)/;

it('README "Sample output" is the startup-api golden report', () => {
  const readme = readFileSync(README, 'utf8');
  const golden = readFileSync(GOLDEN, 'utf8');
  const match = FENCE.exec(readme);
  expect(match, 'README is missing the sample block').not.toBeNull();
  if (process.env.UPDATE_README_SAMPLE)
    writeFileSync(
      README,
      readme.replace(FENCE, (_all, head: string, _body, tail: string) => `${head}${golden}${tail}`),
    );
  else expect(match![2]).toBe(golden);
});
