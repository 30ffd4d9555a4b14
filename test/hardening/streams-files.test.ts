/**
 * Issue 13, streams and files: a closed pipe ends quietly, a full disk is one clear error; output
 * paths are checked before any work (and before the questionnaire); `--out` may not be the input
 * or empty; a replaced file keeps its mode; colour follows FORCE_COLOR=0 and TERM=dumb.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, openSync, closeSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createScriptedPrompter, type ScriptedPrompter } from '../../src/questionnaire/prompter.js';
import { run, tempDir } from '../helpers.js';

const BIN = join(process.cwd(), 'bin', 'ecs-or-eks.js');
const isBuilt = existsSync('dist/cli/main.js');

/** A workload whose JSON report is about 200 KB: far past a pipe's 64 KB buffer. */
function bigWorkload(): string {
  const file = join(tempDir(), 'big.json');
  const services = Array.from({ length: 150 }, (_, i) => ({ name: `svc-${i}`, cpu: 0.5, memory: 1, replicas: 2 }));
  writeFileSync(file, JSON.stringify({ version: 1, name: 'big', services }));
  return file;
}

const env = () => ({ ...process.env, NO_COLOR: '1', ECS_OR_EKS_CACHE_DIR: join(tempDir(), 'cache') });

describe.skipIf(!isBuilt)('stdout that goes away', () => {
  it('a reader that closes early (`| head -c 100`) ends the command quietly with exit 0', () => {
    const file = bigWorkload();
    const script = `"${process.execPath}" "${BIN}" advise -i "${file}" -f json --explain 2>"$ERR" | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const errFile = join(tempDir(), 'stderr.txt');
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...env(), ERR: errFile }, timeout: 30_000 });
    expect(result.stdout.trim()).toBe('0');
    expect(readFileSync(errFile, 'utf8')).toBe('');
  });

  it('`rules | head -1` too', () => {
    const errFile = join(tempDir(), 'stderr.txt');
    const script = `"${process.execPath}" "${BIN}" rules 2>"$ERR" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...env(), ERR: errFile }, timeout: 30_000 });
    expect(result.stdout.trim()).toBe('0');
    expect(readFileSync(errFile, 'utf8')).toBe('');
  });

  it.skipIf(!existsSync('/dev/full'))('a full disk (/dev/full as stdout) is one clear error, exit 1, no stack trace', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [BIN, 'advise', '-i', bigWorkload(), '-f', 'json'], {
        stdio: ['ignore', fd, 'pipe'],
        encoding: 'utf8',
        env: env(),
        timeout: 30_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe('error: could not write the output to stdout: no space left on the device (ENOSPC)\n');
    } finally {
      closeSync(fd);
    }
  });
});

/** A scripted prompter that remembers whether any question was asked. */
function recordingPrompter(): { prompter: () => ScriptedPrompter; asked: () => string[] } {
  let made: ScriptedPrompter | undefined;
  return {
    prompter: () => (made = createScriptedPrompter({})),
    asked: () => made?.asked ?? [],
  };
}

describe('output paths are checked before any work', () => {
  it.each([
    ['--out', ['--out', '/nonexistent-ecs-or-eks/decision.md'], /cannot write .*\(--out\): folder .* does not exist/],
    ['--save', ['--save', '/nonexistent-ecs-or-eks/w.yaml'], /cannot write .*\(--save\): folder .* does not exist/],
    ['--out a folder', ['--out', '.'], /\(--out\): it is a folder/],
    ['--out empty', ['--out', ''], /--out needs a file name/],
    ['--save empty', ['--save', ''], /--save needs a file name/],
  ])('%s: exit 2 before the first question', async (_, flags, message) => {
    const rec = recordingPrompter();
    const { code, stdout, stderr } = await run(['advise', ...flags], { deps: { prompter: rec.prompter } });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(rec.asked()).toEqual([]);
  });

  it('--out "" with --input is an error too, not a report on stdout', async () => {
    const { code, stdout, stderr } = await run(['advise', '-i', 'fixtures/startup-api.yaml', '--out', '']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--out needs a file name/);
  });

  it('--out naming the input file is refused, and the input is left intact', async () => {
    const dir = tempDir();
    const input = join(dir, 'w.yaml');
    const text = readFileSync('fixtures/startup-api.yaml', 'utf8');
    writeFileSync(input, text);
    symlinkSync(input, join(dir, 'link.yaml'));
    for (const out of [input, join(dir, '.', 'w.yaml'), join(dir, 'link.yaml')]) {
      const { code, stderr } = await run(['advise', '-i', input, '--out', out]);
      expect(code, out).toBe(2);
      expect(stderr).toMatch(/is the input file/);
    }
    const relative = await run(['advise', '-i', 'w.yaml', '--out', './w.yaml'], { cwd: dir });
    expect(relative.code).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(text);
  });

  it('a replaced --out file keeps its permission bits', async () => {
    const out = join(tempDir(), 'decision.md');
    writeFileSync(out, 'old');
    chmodSync(out, 0o600);
    const { code } = await run(['advise', '-i', 'fixtures/startup-api.yaml', '-f', 'markdown', '--out', out]);
    expect(code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toMatch(/## Recommendation/);
    chmodSync(out, 0o640);
    await run(['advise', '-i', 'fixtures/startup-api.yaml', '-f', 'markdown', '--out', out]);
    expect(statSync(out).mode & 0o777).toBe(0o640);
  });

  it('init --force keeps the mode of the file it replaces', async () => {
    const file = join(tempDir(), 'workload.yaml');
    writeFileSync(file, 'x');
    chmodSync(file, 0o600);
    expect((await run(['init', file, '--force'])).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('colour', () => {
  /** Runs the CLI in-process with a stdout that claims to be a terminal. */
  async function onTerminal(argv: string[], extraEnv: NodeJS.ProcessEnv): Promise<string> {
    let stdout = '';
    await main(
      argv,
      {
        stdout: { write: (s: string) => (stdout += s), isTTY: true, columns: 120 },
        stderr: { write: () => true },
        stdin: { isTTY: false, async *[Symbol.asyncIterator]() {} },
        env: { ECS_OR_EKS_CACHE_DIR: join(tempDir(), 'cache'), ...extraEnv },
        cwd: process.cwd(),
        now: () => new Date('2026-11-27T12:00:00Z'),
      },
      { version: '0.0.0-test' },
    );
    return stdout;
  }

  it('is on for a terminal, and off with FORCE_COLOR=0, FORCE_COLOR=false or TERM=dumb', async () => {
    const argv = ['advise', '-i', 'fixtures/startup-api.yaml'];
    expect(await onTerminal(argv, { TERM: 'xterm-256color' })).toMatch(/\u001b\[/);
    for (const env of [{ FORCE_COLOR: '0' }, { FORCE_COLOR: 'false' }, { TERM: 'dumb' }, { NO_COLOR: '1' }]) {
      expect(await onTerminal(argv, { TERM: 'xterm-256color', ...env }), JSON.stringify(env)).not.toMatch(/\u001b\[/);
    }
    // FORCE_COLOR=1 still forces it, even on a dumb terminal.
    expect(await onTerminal(argv, { TERM: 'dumb', FORCE_COLOR: '1' })).toMatch(/\u001b\[/);
  });
});
