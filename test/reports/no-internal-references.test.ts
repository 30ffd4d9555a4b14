/**
 * Nothing the product prints may point at this repository's process: no "SPEC §", no numbered notes
 * of the research files, no internal wording. Every command, every format, every fixture, in-process.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';
import { FIXTURES } from '../rules/helpers.js';

const INTERNAL = [
  /SPEC\s*§/,
  /domain-facts/i,
  /domain facts \d/i,
  /pricing-facts\.(md|json)/,
  /expert-review/,
  /search-index file/,
  /project brief/i,
  /per the brief/i,
  /passages found/i,
  /\.\.\/shared/,
];

const COMMANDS: string[][] = [
  ['--help'],
  ['advise', '--help'],
  ['rules'],
  ['rules', '--format', 'markdown'],
  ['rules', '--format', 'json'],
  ['cases'],
  ['cases', '--format', 'markdown'],
  ['cases', '--format', 'json'],
  ['prices', 'show'],
  ['prices', 'show', '--format', 'json'],
  ['schema'],
  ['init', '--stdout'],
  ...FIXTURES.flatMap((f) =>
    (['table', 'markdown', 'json'] as const).map((format) => ['advise', '--input', `fixtures/${f}.yaml`, '--format', format, '--explain']),
  ),
  ['diff', 'fixtures/startup-api.yaml', 'fixtures/nightly-etl.yaml'],
];

describe('no output refers to project-internal files or wording', () => {
  for (const argv of COMMANDS) {
    it(argv.join(' '), async () => {
      const { stdout, stderr } = await run(argv);
      for (const pattern of INTERNAL) {
        expect(stdout, `stdout matches ${pattern}`).not.toMatch(pattern);
        expect(stderr, `stderr matches ${pattern}`).not.toMatch(pattern);
      }
    });
  }
});
