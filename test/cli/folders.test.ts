/**
 * Folders of workload files (issue 15): `advise --input FOLDER` and `diff FOLDER FOLDER` give one
 * combined document — a summary first, then each file's usual report, unchanged — and any invalid
 * file is exit 2 with that file's name and nothing written.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers.js';

const schema = (name: string) => JSON.parse(readFileSync(`schema/${name}.schema.json`, 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(schema('advice'));
const validateCombined = ajv.compile(schema('combined-advice'));
const validateCombinedDiff = ajv.compile(schema('combined-diff'));

const BAD = 'version: 1\nname: bad\nservices:\n  - name: a\n    cpu: -1\n    memory: 1\n    replicas: 1\n';

/** A folder with two workload files (one .yml), plus what must be skipped: a subfolder, a hidden file, a README. */
function folder(files: Record<string, string> = { 'api.yaml': 'startup-api', 'etl.yml': 'nightly-etl' }): string {
  const dir = join(tempDir(), 'services');
  mkdirSync(join(dir, 'nested'), { recursive: true });
  for (const [name, fixture] of Object.entries(files)) cpSync(`fixtures/${fixture}.yaml`, join(dir, name));
  cpSync('fixtures/gpu-inference.yaml', join(dir, 'nested', 'gpu.yaml'));
  writeFileSync(join(dir, '.draft.yaml'), BAD);
  writeFileSync(join(dir, 'README.md'), '# not a workload\n');
  return dir;
}

describe('advise --input FOLDER', () => {
  it('JSON: { schemaVersion, workloads: [{ file, advice }] }, each advice exactly the single-file document', async () => {
    const dir = folder();
    const { code, stdout, stderr } = await run(['advise', '-i', dir, '-f', 'json', '--explain']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(validateCombined(doc), JSON.stringify(validateCombined.errors)).toBe(true);
    expect(doc.workloads.map((w: { file: string }) => w.file)).toEqual([join(dir, 'api.yaml'), join(dir, 'etl.yml')]);
    for (const w of doc.workloads) {
      const single = JSON.parse((await run(['advise', '-i', w.file, '-f', 'json', '--explain'])).stdout);
      expect(w.advice).toEqual(single);
    }
  });

  it('Markdown: a summary table (file, recommendation, monthly cost, margin), then each report in <details>', async () => {
    const dir = folder();
    const { code, stdout } = await run(['advise', '-i', dir, '-f', 'markdown']);
    expect(code).toBe(0);
    const single = (await run(['advise', '-i', join(dir, 'api.yaml'), '-f', 'markdown'])).stdout;
    expect(stdout).toMatch(/^# Container platform decisions: .*services\n\n_2 workload files; /);
    expect(stdout).toContain('| File | Workload | Recommendation | Monthly cost | Margin |');
    expect(stdout).toMatch(/\| `.*api\.yaml` \| startup-api \| ECS on Fargate \(ecs-fargate\) \| \$[\d,.]+ \| [\d.]+ points \|/);
    expect(stdout).toMatch(/\| \*\*Total\*\* \| \| 2 recommended options \| \*\*\$[\d,.]+\*\* \| \|/);
    expect(stdout).toContain(`<details>\n<summary><code>${join(dir, 'api.yaml')}</code> — ECS on Fargate, $`);
    expect(stdout).toContain(`\n\n${single.trimEnd()}\n\n</details>`);
    // One collapsed section per file (each report nests its own collapsible parts), balanced.
    expect(stdout.match(/<details>\n<summary><code>/g)).toHaveLength(2);
    expect(stdout.match(/<details>/g)?.length).toBe(stdout.match(/<\/details>/g)?.length);
    expect(stdout).not.toMatch(/gpu-inference|README\.md|not a workload|\.draft|name: bad/);
  });

  it('table: the summary, then every report after a rule naming its file', async () => {
    const dir = folder();
    const { code, stdout } = await run(['advise', '-i', dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^ecs-or-eks · .*services · 2 workload files\n\n {2}File +Recommendation +Monthly +Margin\n {2}\S*api\.yaml +ECS on Fargate +\$[\d,.]+ +[\d.]+ points\n/,
    );
    expect(stdout).toContain(`── ${join(dir, 'etl.yml')} ──`);
    expect(stdout.match(/Recommendation: /g)).toHaveLength(2);
  });

  it('follows a symbolic link to a workload file', async () => {
    const dir = folder({ 'api.yaml': 'startup-api' });
    symlinkSync(join(process.cwd(), 'fixtures/nightly-etl.yaml'), join(dir, 'linked.yaml'));
    const doc = JSON.parse((await run(['advise', '-i', dir, '-f', 'json'])).stdout);
    expect(doc.workloads.map((w: { advice: { input: { name: string } } }) => w.advice.input.name)).toEqual(['startup-api', 'nightly-etl']);
  });

  it('an invalid file: exit 2 naming that file, nothing on stdout, no --out written', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'broken.yaml'), BAD);
    const out = join(tempDir(), 'decisions.md');
    const { code, stdout, stderr } = await run(['advise', '-i', dir, '-f', 'markdown', '-o', out]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(stderr).toContain(`${join(dir, 'broken.yaml')}:5:10  services[0].cpu`);
    expect(stderr).toContain(`1 problem in ${join(dir, 'broken.yaml')}`);
  });

  it('several invalid files are listed together, each with its name', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a-broken.yaml'), BAD);
    writeFileSync(join(dir, 'b-broken.yml'), 'version: 1\nname: x\nservices: []\nextra: 1\n');
    const { code, stdout, stderr } = await run(['advise', '-i', dir]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: 2 workload files are invalid:\n/);
    expect(stderr).toContain(`${join(dir, 'a-broken.yaml')}:5:10  services[0].cpu`);
    expect(stderr).toContain(join(dir, 'b-broken.yml'));
    expect(stderr).toMatch(/\d+ problems in 2 files; see `ecs-or-eks init`/);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('a folder with no workload files directly in it is exit 2', async () => {
    const dir = join(tempDir(), 'empty');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    cpSync('fixtures/startup-api.yaml', join(dir, 'sub', 'api.yaml'));
    const { code, stderr } = await run(['advise', '-i', dir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/holds no workload files \(\*\.yaml or \*\.yml directly in it; subfolders are not read\)/);
  });

  it('--out may not replace one of the workload files', async () => {
    const dir = folder();
    const { code, stderr } = await run(['advise', '-i', dir, '-o', join(dir, 'api.yaml')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is one of the workload files/);
    expect(readFileSync(join(dir, 'api.yaml'), 'utf8')).toBe(readFileSync('fixtures/startup-api.yaml', 'utf8'));
  });

  it('--base FOLDER with --fail-on: files paired by name; a file only in the head is not compared', async () => {
    const base = folder({ 'api.yaml': 'startup-api', 'etl.yml': 'nightly-etl' });
    const head = folder({ 'api.yaml': 'regulated-fintech', 'etl.yml': 'nightly-etl', 'gpu.yaml': 'gpu-inference' });
    const gated = await run(['advise', '-i', head, '--base', base, '--fail-on', 'recommendation-change', '-f', 'json']);
    expect(gated.code).toBe(4);
    expect(JSON.parse(gated.stdout).workloads).toHaveLength(3);
    expect(gated.stderr).toBe(
      `error: --fail-on condition holds: recommendation-change in ${join(head, 'api.yaml')}: ECS on Fargate (ecs-fargate) → EKS with managed node groups (eks-managed-nodes)\n`,
    );
    const fileBase = await run(['advise', '-i', head, '--base', join(base, 'api.yaml'), '--fail-on', 'recommendation-change']);
    expect(fileBase.code).toBe(2);
    expect(fileBase.stderr).toMatch(/--base must be a folder too/);
    const folderBase = await run(['advise', '-i', join(head, 'api.yaml'), '--base', base, '--fail-on', 'recommendation-change']);
    expect(folderBase.code).toBe(2);
    expect(folderBase.stderr).toMatch(/is a folder; with a folder, --input must be a folder too/);
  });
});

describe('diff FOLDER_A FOLDER_B', () => {
  it('pairs files by name: compared, added and removed, with the usual diff for each pair', async () => {
    const a = folder({ 'api.yaml': 'startup-api', 'etl.yml': 'nightly-etl', 'old.yaml': 'security-telemetry' });
    const b = folder({ 'api.yaml': 'regulated-fintech', 'etl.yml': 'nightly-etl', 'gpu.yaml': 'gpu-inference' });
    const json = await run(['diff', a, b, '-f', 'json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(validateCombinedDiff(doc), JSON.stringify(validateCombinedDiff.errors)).toBe(true);
    expect(doc.workloads.map((w: { file: string; status: string }) => [w.file, w.status])).toEqual([
      ['api.yaml', 'compared'],
      ['etl.yml', 'compared'],
      ['gpu.yaml', 'added'],
      ['old.yaml', 'removed'],
    ]);
    const single = JSON.parse((await run(['diff', join(a, 'api.yaml'), join(b, 'api.yaml'), '-f', 'json'])).stdout);
    expect(doc.workloads[0].diff).toEqual(single);

    const md = await run(['diff', a, b, '-f', 'markdown']);
    expect(md.stdout).toMatch(
      /\| `api\.yaml` \| \*\*ECS on Fargate \(ecs-fargate\) → EKS with managed node groups \(eks-managed-nodes\)\*\* \|/,
    );
    expect(md.stdout).toMatch(/\| `gpu\.yaml` \| added: EKS Auto Mode \(eks-auto-mode\) \| — \| \$[\d,.]+ \| — \|/);
    expect(md.stdout).toMatch(/\| `old\.yaml` \| removed: ECS on Fargate \(ecs-fargate\) \| \$[\d,.]+ \| — \| — \|/);
    expect(md.stdout).toContain('<details open>\n<summary><code>api.yaml</code> — recommendation changes</summary>');
    expect(md.stdout).toContain('<details>\n<summary><code>etl.yml</code> — recommendation unchanged, nothing changed</summary>');

    const table = await run(['diff', a, b]);
    expect(table.stdout).toContain('── api.yaml ──');
    expect(table.stdout).toMatch(
      /^ {2}api\.yaml +ECS on Fargate → EKS with managed node groups +\$[\d,.]+ +\$[\d,.]+ +\+\$[\d,.]+ \(\+[\d,.]+ %\)$/m,
    );
    expect(table.stdout).toMatch(/Recommendation changes: ECS on Fargate\b.* → EKS with managed node groups\b/);
  });

  it('--fail-on checks every pair and names the file; added and removed files are not compared', async () => {
    const a = folder({ 'api.yaml': 'startup-api', 'etl.yml': 'nightly-etl' });
    const b = folder({ 'api.yaml': 'startup-api', 'etl.yml': 'nightly-etl', 'gpu.yaml': 'gpu-inference' });
    expect((await run(['diff', a, b, '--fail-on', 'recommendation-change,cost-increase:0'])).code).toBe(0);
    cpSync('fixtures/regulated-fintech.yaml', join(b, 'etl.yml'));
    const gated = await run(['diff', a, b, '--fail-on', 'recommendation-change']);
    expect(gated.code).toBe(4);
    expect(gated.stderr).toMatch(new RegExp(`recommendation-change in ${join(b, 'etl.yml').replace(/[.]/g, '\\.')}: ECS on Fargate`));
  });

  it('a file and a folder, or an invalid file on either side, is exit 2', async () => {
    const a = folder();
    const mixed = await run(['diff', a, 'fixtures/startup-api.yaml']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/is a folder and .* is not; diff two files or two folders/);
    const b = folder();
    writeFileSync(join(b, 'broken.yaml'), BAD);
    const invalid = await run(['diff', a, b]);
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain(`${join(b, 'broken.yaml')}:5:10  services[0].cpu`);
  });
});
