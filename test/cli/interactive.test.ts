/** The questionnaire branch of `advise`, in-process: a scripted prompter stands in for the terminal. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScriptedPrompter } from '../../src/questionnaire/index.js';
import { run, tempDir } from '../helpers.js';

describe('advise with the questionnaire', () => {
  it('pressing Enter throughout gives advice, and --save replays to byte-identical JSON', async () => {
    const dir = tempDir();
    const saved = join(dir, 'answers.yaml');
    const asked = await run(['advise', '--save', saved, '-f', 'json'], { deps: { prompter: () => createScriptedPrompter({}) } });
    expect(asked.code).toBe(0);
    expect(asked.stderr).toMatch(/saved your answers/);
    const text = readFileSync(saved, 'utf8');
    expect(text).toMatch(/^# Answers from `ecs-or-eks advise` on 2026-11-27/);
    const replay = await run(['advise', '--input', saved, '-f', 'json']);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toBe(asked.stdout);
  });

  it('Ctrl-C exits 130 with "cancelled" and writes nothing', async () => {
    const dir = tempDir();
    const saved = join(dir, 'answers.yaml');
    const cancelling = () => {
      const error = new Error('User force closed the prompt with SIGINT');
      error.name = 'ExitPromptError';
      const reject = () => Promise.reject(error);
      return { input: reject, number: reject, confirm: reject, select: reject, checkbox: reject };
    };
    const { code, stdout, stderr } = await run(['advise', '--save', saved], { deps: { prompter: cancelling } });
    expect(code).toBe(130);
    expect(stdout).toBe('');
    expect(stderr).toBe('cancelled\n');
    expect(existsSync(saved)).toBe(false);
  });

  it('--save with --input is a usage error', async () => {
    const { code, stderr } = await run(['advise', '-i', 'fixtures/startup-api.yaml', '--save', join(tempDir(), 'x.yaml')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--save/);
  });
});
