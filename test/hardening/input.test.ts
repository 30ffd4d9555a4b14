/**
 * Issue 13, input: reads are bounded by counting bytes (devices, FIFOs, pipes, stdin — not just
 * `stat.size`); every message is sanitised; problems point at the right place, once per typo,
 * without spurious cross-field errors, and deep nesting is a clean problem.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { LiveFetcher } from '../../src/cli/prices/refresh.js';
import { loadWorkloadText } from '../../src/schema/load.js';
import { run, tempDir } from '../helpers.js';

const BIN = join(process.cwd(), 'bin', 'ecs-or-eks.js');
const isBuilt = existsSync('dist/cli/main.js');
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

describe('reads stop at the 1 MiB limit, whatever the input is', () => {
  it.each(['/dev/zero', '/dev/urandom'])('%s: exit 2 at once, not a hang', async (device) => {
    const started = Date.now();
    const { code, stdout, stderr } = await run(['validate', device]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/larger than 1 MiB \(stopped reading there\)/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.skipIf(process.platform === 'win32')('a FIFO that keeps writing: exit 2', async () => {
    const fifo = join(tempDir(), 'fifo');
    expect(spawnSync('sh', ['-c', `mkfifo "${fifo}"`]).status).toBe(0);
    // A writer that would go on for ever; it ends (EPIPE) when the reader closes.
    const writer = spawn('sh', ['-c', `yes ecs-or-eks > ${fifo}`], { stdio: 'ignore' });
    try {
      const { code, stderr } = await run(['advise', '--input', fifo]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/larger than 1 MiB/);
    } finally {
      if (writer.exitCode === null && writer.pid !== undefined) writer.kill('SIGTERM');
    }
  });

  it('stdin that never ends: exit 2 after about 1 MiB, and reading stops', async () => {
    let served = 0;
    const endless = {
      isTTY: false,
      async *[Symbol.asyncIterator]() {
        for (;;) {
          served += 64 * 1024;
          yield Buffer.alloc(64 * 1024, 'y');
        }
      },
    };
    let stdout = '';
    let stderr = '';
    const code = await main(
      ['advise', '-i', '-'],
      {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        stdin: endless,
        env: { ECS_OR_EKS_CACHE_DIR: join(tempDir(), 'cache') },
        cwd: process.cwd(),
        now: () => new Date('2026-11-27T12:00:00Z'),
      },
      { version: '0.0.0-test' },
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/<stdin> {2}standard input is larger than 1 MiB/);
    expect(served).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
  });

  it.skipIf(!isBuilt)('the built CLI: `yes |` and `<(yes)` end with exit 2', () => {
    for (const script of [`yes | "${process.execPath}" "${BIN}" validate -`, `"${process.execPath}" "${BIN}" validate <(yes)`]) {
      const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 20_000 });
      expect(result.status, script).toBe(2);
      expect(result.stderr).toMatch(/larger than 1 MiB/);
    }
  });
});

describe('every message is sanitised', () => {
  const ESCAPES = '\\e]8;;https://evil.example\\a click \\e]8;;\\a\\e[2J\\a\\0';

  it('an unknown key full of terminal escapes reaches stderr made visible', async () => {
    const yaml = `version: 1\nname: x\nservices: [{name: a, cpu: 1, memory: 2, replicas: 1}]\n"${ESCAPES}": 1\n`;
    const { code, stderr } = await run(['validate', '-'], { stdin: yaml });
    expect(code).toBe(2);
    expect(stderr).not.toMatch(RAW_CONTROL);
    expect(stderr).toContain('unknown key "\\x1b]8;;https://evil.example\\x07 click \\x1b]8;;\\x07\\x1b[2J');
  });

  it('a file name with escapes, in an error', async () => {
    const { code, stderr } = await run(['validate', 'no\u001b[2Jsuch\u0007.yaml']);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(RAW_CONTROL);
    expect(stderr).toContain('no\\x1b[2Jsuch\\x07.yaml: no such file');
  });

  it('warnings in a report (here: a cache folder named with escapes) are sanitised', async () => {
    const { code, stdout } = await run(['advise', '-i', 'fixtures/startup-api.yaml', '--prices', 'cache'], {
      env: { ECS_OR_EKS_CACHE_DIR: 'rel\u001b]0;pwned\u0007ative' },
    });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(stdout).toMatch(/rel\\x1b\]0;pwned\\x07ative/);
  });

  it('live progress and failures quoting a server are sanitised', async () => {
    const fetchLive: LiveFetcher = async (_region, options) => {
      options.onProgress?.('page 1 \u001b[2J\u0007');
      throw new Error('server said \u001b]8;;http://x\u0007hi\u001b]8;;\u0007');
    };
    const { code, stderr } = await run(['advise', '-i', 'fixtures/startup-api.yaml', '--prices', 'live'], { deps: { fetchLive } });
    expect(code).toBe(3);
    expect(stderr).not.toMatch(RAW_CONTROL);
    expect(stderr).toContain('page 1 \\x1b[2J\\x07');
    expect(stderr).toContain('server said \\x1b]8;;http://x\\x07hi');
  });

  it('bidi overrides are made visible; JSON stays valid', async () => {
    const yaml = `version: 1\nname: x\nservices: [{name: a, cpu: 1, memory: 2, replicas: 1}]\n"abc\u202edef": 1\n`;
    const { stderr } = await run(['validate', '-'], { stdin: yaml });
    expect(stderr).toContain('abc\\u202edef');
    expect(stderr).not.toContain('\u202e');
  });
});

describe('problems: where, how many, and only real ones', () => {
  const problems = (text: string) => {
    const result = loadWorkloadText(text);
    if (result.ok) throw new Error('expected problems');
    return result.problems;
  };

  it('an unknown key is reported on its own line and column, not its mapping’s', () => {
    const found = problems(
      'version: 1\nname: x\nservices:\n  - name: a\n    cpu: 1\n    memory: 2\n    replicas: 1\n    colour: red\nfoo: 1\n',
    );
    expect(found.map((p) => [p.path, p.line, p.column])).toEqual([
      ['services[0].colour', 8, 5],
      ['foo', 9, 1],
    ]);
  });

  it('one problem per typo, merged with the field it misspells', () => {
    const found = problems(
      'version: 1\nname: x\nservices:\n  - name: a\n    cpu: 1\n    memory: 2\n    replica: 2\n    peakReplicas: 4\n    peakHoursPerDy: 3\n',
    );
    expect(found.map((p) => p.message)).toEqual([
      'unknown key "replica"; did you mean "replicas"?',
      'unknown key "peakHoursPerDy"; did you mean "peakHoursPerDay"?',
    ]);
  });

  it('no cross-field errors about a field that already failed, or that depend on one', () => {
    const same = problems('version: 1\nname: x\nservices: [{name: a, cpu: 1, memory: 2, replicas: 5, peakReplicas: 2.5}]\n');
    expect(same.map((p) => p.message)).toEqual(['peakReplicas must be a whole number']);
    const sibling = problems('version: 1\nname: x\nservices: [{name: a, cpu: 1, memory: 2, replicas: 2.5, peakReplicas: 2}]\n');
    expect(sibling.map((p) => p.path)).toEqual(['services[0].replicas']);
    const names = problems(
      'version: 1\nname: x\nservices: [{name: Bad, cpu: 1, memory: 2, replicas: 1}, {name: Bad, cpu: 1, memory: 2, replicas: 1}]\n',
    );
    expect(names.map((p) => p.message).join('\n')).not.toMatch(/already used/);
    const team = problems(
      'version: 1\nname: x\nservices: [{name: a, cpu: 1, memory: 2, replicas: 1}]\nteam: {engineers: 2.5, platformEngineers: 3}\n',
    );
    expect(team.map((p) => p.path)).toEqual(['team.engineers']);
  });

  it('a real cross-field problem is still reported next to an unrelated type error', () => {
    const found = problems('version: 1\nname: x\nservices: [{name: a, cpu: x, memory: 2, replicas: 2, peakReplicas: 4}]\n');
    expect(found.map((p) => p.path).sort()).toEqual(['services[0].cpu', 'services[0].peakHoursPerDay']);
  });

  it.each([
    ['100,000 nested flow lists', `services: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`],
    ['100,000 nested JSON lists', `{"services": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
    ['50,000 nested mappings', `services: ${'{a: '.repeat(50_000)}1${'}'.repeat(50_000)}\n`],
    ['100,000 nested block lists', `services:\n${'- '.repeat(100_000)}1\n`],
    ['an unclosed list 300,000 deep', `services: ${'['.repeat(300_000)}`],
    ['40 levels', `version: 1\nname: x\nservices: ${'['.repeat(40)}${']'.repeat(40)}\n`],
  ])('%s: one clean problem, no stack overflow', (_, text) => {
    const found = problems(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/nest more than 32 levels deep/);
    expect(found[0]!.message).not.toMatch(/call stack/i);
  });

  it('deep nesting through the CLI: exit 2, one line, no stack trace', async () => {
    const { code, stderr } = await run(['validate', '-'], { stdin: `services: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n` });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(2);
    expect(stderr).not.toMatch(/call stack|^\s+at /m);
  });

  it('thousands of problems: the first 100 are listed and the rest counted', async () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `  k${i}: 1`).join('\n');
    const started = Date.now();
    const { code, stderr } = await run(['validate', '-'], {
      stdin: `version: 1\nname: x\nservices: [{name: a, cpu: 1, memory: 2, replicas: 1}]\nteam:\n${keys}\n`,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/… and 4900 more problems not shown/);
    expect(stderr).toMatch(/5000 problems in <stdin>/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('1 MiB of pathological YAML is handled in seconds, not minutes', () => {
  it.skipIf(!isBuilt)('90,000 keys in one mapping (the parser’s duplicate-key check was quadratic)', () => {
    const dir = tempDir();
    const file = join(dir, 'keys.yaml');
    writeFileSync(file, `${Array.from({ length: 90_000 }, (_, i) => `k${i}: 1`).join('\n')}\n`);
    const started = Date.now();
    const result = spawnSync(process.execPath, [BIN, 'validate', file], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/90003 problems/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it.skipIf(!isBuilt)('a list of 200,000 items: exit 2, not an internal error', () => {
    const dir = tempDir();
    const file = join(dir, 'list.yaml');
    writeFileSync(file, `version: 1\nname: x\nservices: [${Array(200_000).fill('1').join(',')}]\n`);
    const result = spawnSync(process.execPath, [BIN, 'validate', file], { encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).not.toMatch(/internal error|call stack/);
  });

  it('duplicate keys are still found, at the duplicate', () => {
    const result = loadWorkloadText('version: 1\nname: a\nteam: {engineers: 1, engineers: 2}\nname: b\n');
    expect(result.ok ? [] : result.problems.map((p) => [p.message, p.line])).toEqual([
      ['duplicate key "engineers": each key may appear only once in a mapping', 3],
      ['duplicate key "name": each key may appear only once in a mapping', 4],
    ]);
  });
});

describe('warnings are de-duplicated in linear time', () => {
  it('20,000 warnings (each twice) from a live fetch become 10,000, quickly', async () => {
    const snapshot = JSON.parse(readFileSync('data/price-snapshot.json', 'utf8')) as { regions: Record<string, unknown> };
    const fetchLive: LiveFetcher = async (_region, options) => {
      for (let round = 0; round < 2; round++) for (let i = 0; i < 10_000; i++) options.onWarning?.(`no EC2 price for zz${i}.large`);
      return snapshot.regions['us-east-1'] as Awaited<ReturnType<LiveFetcher>>;
    };
    const started = Date.now();
    const { code, stdout } = await run(['prices', 'show', '--prices', 'live', '-f', 'json'], { deps: { fetchLive } });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { warnings: string[] }).warnings).toHaveLength(10_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
