/** End-to-end: the built CLI (`bin/ecs-or-eks.js` → `dist/`) run as a subprocess, as users run it. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

const BIN = join(process.cwd(), 'bin', 'ecs-or-eks.js');

function cli(args: string[], input?: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ECS_OR_EKS_CACHE_DIR: join(tempDir(), 'cache'), ...env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!existsSync('dist/cli/main.js'))('built CLI', () => {
  it('--help exits 0 with an empty stderr', () => {
    const { code, stdout, stderr } = cli(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const command of ['advise', 'init', 'validate', 'prices', 'rules', 'cases', 'diff', 'schema']) expect(stdout).toContain(command);
  });

  it('--version prints the package version', () => {
    const { code, stdout } = cli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('advise --input prints the table, and JSON with --format json', () => {
    const table = cli(['advise', '--input', 'fixtures/startup-api.yaml']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Recommendation: ECS on Fargate/);
    const json = cli(['advise', '--input', 'fixtures/nightly-etl.yaml', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).pricing.region).toBe('eu-west-1');
  });

  it('reads stdin, and a bad workload exits 2 with nothing on stdout', () => {
    const ok = cli(['advise', '-i', '-', '-f', 'json'], readFileSync('fixtures/gpu-inference.yaml', 'utf8'));
    expect(ok.code).toBe(0);
    const bad = cli(['advise', '-i', '-'], 'version: 1\nname: x\nservices:\n  - name: a\n    cpu: -1\n    memory: two\n    replicas: 1\n');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('<stdin>:5:10  services[0].cpu');
    expect(bad.stderr).toContain('<stdin>:6:13  services[0].memory');
  });

  it('without a terminal and without --input, exits 2 at once instead of waiting', () => {
    const { code, stderr } = cli(['advise'], '');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--input/);
  });

  it('writes --out atomically and leaves no temp files behind', () => {
    const dir = tempDir();
    const { code } = cli([
      'advise',
      '-i',
      join(process.cwd(), 'fixtures/regulated-fintech.yaml'),
      '-f',
      'markdown',
      '-o',
      join(dir, 'decision.md'),
    ]);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'decision.md'), 'utf8')).toMatch(/## Recommendation/);
    expect(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout.trim()).toBe('decision.md');
  });
});
