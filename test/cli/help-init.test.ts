/** Issue 11, "Also": `init` points editors at the published schema; every `--help` ends with examples. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { WorkloadSchema } from '../../src/schema/workload.js';
import { run, tempDir } from '../helpers.js';

describe('init', () => {
  it('starts the file with a yaml-language-server line naming this version’s schema on unpkg', async () => {
    const dir = tempDir();
    expect((await run(['init'], { cwd: dir })).code).toBe(0);
    const text = readFileSync(join(dir, 'workload.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=https://unpkg.com/ecs-or-eks@0.0.0-test/schema/workload.schema.json');
    expect(WorkloadSchema.safeParse(YAML.parse(text)).success).toBe(true);
    const printed = await run(['init', '-']);
    expect(printed.stdout).toBe(text);
  });

  it('the URL names a file the package ships', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('schema/');
    expect(existsSync('schema/workload.schema.json')).toBe(true);
  });

  it('shows the optional fields without a default commented out, so the file claims no value for them', async () => {
    const { stdout } = await run(['init', '-']);
    expect(stdout).toMatch(/^ {2}# engineerCostPerYear: +# fully loaded yearly cost of one engineer, USD/m);
    expect(stdout).toMatch(/^# current: +# what runs today/m);
    expect(YAML.parse(stdout)).not.toHaveProperty('current');
  });
});

describe('--help', () => {
  it('the program help fits 80 columns, description included', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it.each([
    ['advise'],
    ['init'],
    ['validate'],
    ['import'],
    ['prices'],
    ['prices', 'refresh'],
    ['prices', 'show'],
    ['rules'],
    ['cases'],
    ['diff'],
    ['comment'],
    ['schema'],
  ])('%s shows examples of itself', async (...command) => {
    const { code, stdout } = await run([...command, '--help']);
    expect(code).toBe(0);
    const examples = stdout.split('\nExamples:\n')[1];
    expect(examples, stdout).toBeDefined();
    const lines = examples!.split('\n').filter((l) => l.startsWith('  $ '));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toContain(`ecs-or-eks ${command[0]}`);
    for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });
});
