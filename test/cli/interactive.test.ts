/** The questionnaire branch of `advise`, in-process: a scripted prompter stands in for the terminal. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createScriptedPrompter, type ScriptedAnswer } from '../../src/questionnaire/index.js';
import type { ScriptedPrompter } from '../../src/questionnaire/prompter.js';
import { WorkloadSchema } from '../../src/schema/workload.js';
import { run, tempDir } from '../helpers.js';

/** A scripted prompter factory that keeps the prompter it made, to read what was asked. */
function scripted(script: Record<string, ScriptedAnswer | { attempts: readonly ScriptedAnswer[] }> = {}) {
  let made: ScriptedPrompter | undefined;
  return {
    prompter: () => (made = createScriptedPrompter(script)),
    get asked() {
      return made?.asked ?? [];
    },
    get notes() {
      return made?.notes ?? [];
    },
  };
}

describe('advise with the questionnaire', () => {
  it('pressing Enter throughout gives advice, and --save replays to byte-identical JSON', async () => {
    const dir = tempDir();
    const saved = join(dir, 'answers.yaml');
    const asked = await run(['advise', '--save', saved, '-f', 'json'], { deps: { prompter: () => createScriptedPrompter({}) } });
    expect(asked.code).toBe(0);
    expect(asked.stderr).toMatch(/saved your answers/);
    expect(asked.stderr).not.toMatch(/To keep these answers/);
    const text = readFileSync(saved, 'utf8');
    expect(text.split('\n').slice(0, 2)).toEqual([
      '# yaml-language-server: $schema=https://unpkg.com/ecs-or-eks@0.0.0-test/schema/workload.schema.json',
      '# Answers from `ecs-or-eks advise` on 2026-11-27.',
    ]);
    const replay = await run(['advise', '--input', saved, '-f', 'json']);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toBe(asked.stdout);
  });

  it('without --save, the last line says how to keep the answers and replay them', async () => {
    const { code, stderr } = await run(['advise', '-f', 'json'], { deps: { prompter: () => createScriptedPrompter({}) } });
    expect(code).toBe(0);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe(
      'To keep these answers, run `ecs-or-eks advise --save workload.yaml`; then replay them, without questions, with `ecs-or-eks advise --input workload.yaml`.',
    );
  });

  it('the questions come from the known lists: a Region outside AWS’s list is refused with the near ones', async () => {
    const s = scripted({ 'workload.region': { attempts: ['us-east-9', 'us-east-2'] } });
    const { code, stdout } = await run(['advise', '-f', 'json'], { deps: { prompter: s.prompter } });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { input: { region: string } }).input.region).toBe('us-east-2');
  });

  it('an instance type the catalog does not know is refused at the prompt with a "did you mean"', async () => {
    let made: ScriptedPrompter | undefined;
    const prompter = () =>
      (made = createScriptedPrompter({
        'tune.sections': ['cost'],
        'cost.ec2.instanceTypes#1': { attempts: ['m5.larg', 'm5.large'] },
      }));
    const { code, stdout } = await run(['advise', '-f', 'json'], { deps: { prompter } });
    expect(code).toBe(0);
    expect(made?.rejected.map((r) => r.message)).toEqual(['"m5.larg" is not an EC2 instance type the tool knows; did you mean m5.large?']);
    expect((JSON.parse(stdout) as { input: { cost: { ec2: { instanceTypes: string[] } } } }).input.cost.ec2.instanceTypes).toEqual([
      'm5.large',
    ]);
  });

  it('Ctrl-C exits 130 with "cancelled" and writes nothing', async () => {
    const dir = tempDir();
    const saved = join(dir, 'answers.yaml');
    const cancelling = () => {
      const error = new Error('User force closed the prompt with SIGINT');
      error.name = 'ExitPromptError';
      const reject = () => Promise.reject(error);
      return {
        input: reject,
        number: reject,
        optionalNumber: reject,
        search: reject,
        confirm: reject,
        select: reject,
        checkbox: reject,
        note: () => undefined,
      };
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

describe('advise --import', () => {
  const K8S = 'test/fixtures-import/k8s/frontend.yaml';

  it('asks only what the files cannot say, then advises; the answers replay', async () => {
    const s = scripted({ 'team.engineers': 4, 'service.imageSizeMB': 800 });
    const saved = join(tempDir(), 'w.yaml');
    const { code, stdout, stderr } = await run(['advise', '--import', K8S, '--save', saved, '-f', 'json'], {
      deps: { prompter: s.prompter },
    });
    expect(code, stderr).toBe(0);
    // What the manifests give (names, sizes, replicas) is not asked again.
    for (const id of ['workload.kinds', 'service.name', 'service.cpu', 'service.memory', 'service.traits', 'service.more']) {
      expect(s.asked).not.toContain(id);
    }
    for (const id of ['service.imageSizeMB', 'requirements.needs', 'team.engineers', 'current.platform', 'review.change']) {
      expect(s.asked).toContain(id);
    }
    const advice = JSON.parse(stdout) as { input: { team: { engineers: number }; services: { name: string; imageSizeMB: number }[] } };
    expect(advice.input.team.engineers).toBe(4);
    expect(advice.input.services[0]).toMatchObject({ name: 'frontend', imageSizeMB: 800 });
    const replay = await run(['advise', '--input', saved, '-f', 'json']);
    expect(replay.stdout).toBe(stdout);
  });

  it('without a terminal, nothing is asked: the defaults stand and stderr says so', async () => {
    const saved = join(tempDir(), 'w.yaml');
    const { code, stdout, stderr } = await run(['advise', '--import', K8S, '--save', saved, '-f', 'json']);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^no terminal to ask on, so nothing is asked: the \d+ values the files cannot give \(.*team.*\) keep their defaults\./m,
    );
    expect((JSON.parse(stdout) as { input: { name: string } }).input.name).toBe('frontend');
    expect(WorkloadSchema.safeParse(YAML.parse(readFileSync(saved, 'utf8'))).success).toBe(true);
  });

  it.each([
    [['advise', '--import', K8S, '--input', 'fixtures/startup-api.yaml'], /--input and --import both give the workload/],
    [['advise', '--import', 'no-such-folder'], /no-such-folder: no such file or folder/],
    [['advise', '--import', 'test/fixtures-import/bad/malformed.yaml'], /malformed\.yaml:\d+:\d+/],
  ])('%j is refused (exit 2)', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
