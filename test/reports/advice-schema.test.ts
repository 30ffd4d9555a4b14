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

describe('the document’s effort and migration fields, in the shapes the contract fixes', () => {
  it('hoursPerMonth and weeks are [low, high]; paybackMonths is a number or null, the range beside it', async () => {
    const dir = (await import('../helpers.js')).tempDir();
    const { writeFileSync } = await import('node:fs');
    const file = `${dir}/w.yaml`;
    const fixture = readFileSync('fixtures/regulated-fintech.yaml', 'utf8');
    writeFileSync(file, `${fixture}\ncurrent:\n  platform: ecs-ec2\n`.replace(/\nteam:\n/, '\nteam:\n  engineerCostPerYear: 190000\n'));
    const { stdout, code } = await run(['advise', '-i', file, '-f', 'json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    for (const o of doc.options) {
      expect(o.people.hoursPerMonth).toEqual([expect.any(Number), expect.any(Number)]);
      expect(o.people.hoursPerMonth[0]).toBeLessThanOrEqual(o.people.hoursPerMonth[1]);
      for (const item of o.people.items) expect(item.hoursPerMonth).toHaveLength(2);
      expect(o.migration.weeks).toHaveLength(2);
      expect(o.migration.paybackMonths === null || typeof o.migration.paybackMonths === 'number').toBe(true);
      if (o.migration.payback === 'never') expect(o.migration.paybackMonths).toBeNull();
      if (o.migration.payback === 'pays-back') expect(o.migration.paybackMonths).toBe(o.migration.paybackMonthsRange.high);
    }
    const current = doc.options.find((o: { id: string }) => o.id === 'ecs-ec2');
    expect(current.migration).toMatchObject({ weeks: [0, 0], paybackMonths: 0, payback: 'stay' });
  });
});
