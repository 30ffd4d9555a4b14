import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run } from '../helpers.js';

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync('schema/advice.schema.json', 'utf8')));

describe('the shipped JSON Schema of the advice document', () => {
  it.each(FIXTURES)('validates the JSON output for %s (with --explain)', async (name) => {
    const { stdout } = await run(['advise', '-i', `fixtures/${name}.yaml`, '-f', 'json', '--explain']);
    const ok = validate(JSON.parse(stdout));
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });
});
