import { promises as fsp, chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run, tempDir } from '../helpers.js';
import { FIXTURES } from './helpers.js';

const FRONTEND = `${FIXTURES}/k8s/frontend.yaml`;

afterEach(() => vi.restoreAllMocks());

describe('ecs-or-eks import', () => {
  it('prints a commented draft on stdout and a summary on stderr', async () => {
    const { code, stdout, stderr } = await run(['import', FRONTEND]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Draft workload.yaml from `ecs-or-eks import`/);
    expect(parse(stdout)).toMatchObject({ version: 1, name: 'frontend', services: [{ name: 'frontend', cpu: 0.15, replicas: 2 }] });
    expect(stderr).toBe('imported 1 service, 0 jobs and 0 daemons from 1 file; 20 TODOs to review\n');
  });

  it('the draft passes validate', async () => {
    const dir = tempDir();
    const file = join(dir, 'draft.yaml');
    writeFileSync(file, (await run(['import', `${FIXTURES}/k8s`])).stdout);
    const check = await run(['validate', file]);
    expect(check.code, check.stderr).toBe(0);
  });

  it('--format json prints the draft as JSON, without comments', async () => {
    const yaml = await run(['import', FRONTEND]);
    const json = await run(['import', FRONTEND, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(parse(yaml.stdout));
    expect(json.stdout).not.toContain('#');
  });

  it('--name and --region', async () => {
    const { stdout } = await run(['import', FRONTEND, '--name', 'My Shop', '--region', 'eu-west-1', '-f', 'json']);
    expect(JSON.parse(stdout)).toMatchObject({ name: 'my-shop', region: 'eu-west-1' });
    expect((await run(['import', FRONTEND, '--region', 'mars'])).code).toBe(2);
  });

  it('names the draft after the path: the file, or the folder above a generic file name', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'shop'));
    writeFileSync(join(dir, 'shop', 'docker-compose.yml'), 'services:\n  web: {image: web}\n');
    expect(JSON.parse((await run(['import', 'shop/docker-compose.yml', '-f', 'json'], { cwd: dir })).stdout).name).toBe('shop');
    expect(JSON.parse((await run(['import', FRONTEND, '-f', 'json'])).stdout).name).toBe('frontend');
  });

  it('-o writes the file atomically and prints nothing on stdout', async () => {
    const dir = tempDir();
    const out = join(dir, 'workload.yaml');
    const { code, stdout, stderr } = await run(['import', FRONTEND, '-o', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(`wrote ${out}; review its TODOs, then run: ecs-or-eks advise --input ${out}`);
    expect(parse(readFileSync(out, 'utf8')).services[0].name).toBe('frontend');
  });

  it('reads stdin with -', async () => {
    const { code, stdout } = await run(['import', '-', '-f', 'json'], { stdin: readFileSync(FRONTEND, 'utf8') });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ name: 'imported', services: [{ name: 'frontend' }] });
    expect((await run(['import', '-', '-'], { stdin: 'x' })).code).toBe(2);
  });

  it('walks folders in sorted order, skips what it cannot read with a warning, ignores other extensions', async () => {
    const { code, stdout, stderr } = await run(['import', `${FIXTURES}/mixed`, '-f', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).services.map((s: { name: string }) => s.name)).toEqual(['app']);
    expect(stderr).toContain(`warning: ${FIXTURES}/mixed/values.yaml: not a Kubernetes manifest`);
    expect(stderr).not.toContain('NOTES.txt');
  });

  it('is deterministic', async () => {
    const a = await run(['import', FIXTURES]);
    const b = await run(['import', FIXTURES]);
    expect(a.code, a.stderr).toBe(2); // the bad/ fixtures are in there
    const c = await run(['import', `${FIXTURES}/k8s`, `${FIXTURES}/ecs`, `${FIXTURES}/compose`, `${FIXTURES}/terraform`]);
    const d = await run(['import', `${FIXTURES}/k8s`, `${FIXTURES}/ecs`, `${FIXTURES}/compose`, `${FIXTURES}/terraform`]);
    expect(c.code).toBe(0);
    expect(c.stdout).toBe(d.stdout);
    expect(a.stderr).toBe(b.stderr);
  });
});

describe('ecs-or-eks import: bad input (exit 2, nothing on stdout)', () => {
  const expectRefused = async (args: string[], message: string | RegExp, options: { stdin?: string; cwd?: string } = {}) => {
    const { code, stdout, stderr } = await run(['import', ...args], options);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/at .*\.(js|ts):\d+/);
  };

  it('a malformed file: FILE:LINE:COL', async () => {
    await expectRefused([`${FIXTURES}/bad/malformed.yaml`], /^test\/fixtures-import\/bad\/malformed\.yaml:7:3 {2}not valid YAML\/JSON: /);
  });

  it('a malformed file writes no -o file', async () => {
    const out = join(tempDir(), 'draft.yaml');
    await expectRefused([`${FIXTURES}/bad/malformed.yaml`, FRONTEND, '-o', out], /malformed\.yaml:7:3/);
    expect(existsSync(out)).toBe(false);
  });

  it('a Helm template: says to import `helm template` output', async () => {
    await expectRefused([`${FIXTURES}/bad/helm-template.yaml`], /helm-template\.yaml:4:\d+ .*import the output of `helm template` instead/);
  });

  it('an unknown file type given by name is named', async () => {
    await expectRefused(
      [`${FIXTURES}/bad/not-a-workload.yaml`],
      /^test\/fixtures-import\/bad\/not-a-workload\.yaml {2}unknown file type: /,
    );
  });

  it('every malformed file is reported', async () => {
    const { stderr } = await run(['import', `${FIXTURES}/bad`]);
    expect(stderr).toMatch(/helm-template\.yaml:4:\d+/);
    expect(stderr).toMatch(/malformed\.yaml:7:3/);
  });

  it('files with no workload at all', async () => {
    await expectRefused(['-'], /error: found no workload to import in -; give Kubernetes workloads/, { stdin: '' });
    const dir = tempDir();
    writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
    await expectRefused([join(dir, 'cm.yaml')], /found no workload to import in .*cm\.yaml \(only ConfigMap\)/);
  });

  it('a missing path, an empty folder', async () => {
    await expectRefused(['no-such-dir'], 'error: no-such-dir: no such file or folder');
    const dir = tempDir();
    await expectRefused([dir], 'the folder holds no .yaml, .yml or .json file');
  });

  it('a file over the size limit is refused by name', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(1024 * 1024)}\n`);
    await expectRefused([big], `${big}  file is 1048579 bytes; files are limited to 1 MiB`);
    await expectRefused(['-'], '<stdin>  standard input is larger than', { stdin: 'a'.repeat(1024 * 1024 + 10) });
  });

  it('an alias bomb is refused', async () => {
    const dir = tempDir();
    const bomb = join(dir, 'bomb.yaml');
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    writeFileSync(bomb, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`);
    await expectRefused([bomb], 'too many YAML aliases (a YAML "alias bomb")');
  });

  it('non-UTF-8 is refused', async () => {
    const dir = tempDir();
    const file = join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    await expectRefused([file], 'file is not valid UTF-8');
  });

  it('an unreadable folder is named', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'locked'));
    const error = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const real = fsp.readdir.bind(fsp);
    vi.spyOn(fsp, 'readdir').mockImplementation(((p: string, o: never) =>
      String(p).endsWith('locked') ? Promise.reject(error) : real(p, o)) as typeof fsp.readdir);
    await expectRefused(['.'], 'error: locked: cannot read the folder (permission denied)', { cwd: dir });
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable folder is named (real permissions)', async () => {
    const dir = tempDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o000);
    try {
      await expectRefused([locked], /cannot read the folder \(permission denied\)/);
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});

describe('import … | advise -i -', () => {
  it.each(['k8s', 'ecs', 'compose', 'terraform'])('%s fixtures give advice', async (source) => {
    const imported = await run(['import', `${FIXTURES}/${source}`]);
    expect(imported.code, imported.stderr).toBe(0);
    const advised = await run(['advise', '-i', '-', '--format', 'json'], { stdin: imported.stdout });
    expect(advised.code, advised.stderr).toBe(0);
    const advice = JSON.parse(advised.stdout);
    expect(advice.schemaVersion).toBe(1);
    expect(advice.options.find((o: { id: string }) => o.id === advice.recommendation.option).eligible).toBe(true);
  });

  it('the JSON draft gives the same advice as the YAML draft', async () => {
    const yaml = await run(['import', `${FIXTURES}/compose`]);
    const json = await run(['import', `${FIXTURES}/compose`, '-f', 'json']);
    const a = await run(['advise', '-i', '-', '-f', 'json'], { stdin: yaml.stdout });
    const b = await run(['advise', '-i', '-', '-f', 'json'], { stdin: json.stdout });
    expect(a.stdout).toBe(b.stdout);
  });
});
