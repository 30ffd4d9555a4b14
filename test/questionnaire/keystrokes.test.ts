// Real prompts, real keystrokes: `@inquirer/testing/vitest` must be imported before the code under
// test so that it can route every @inquirer prompt through its virtual screen.
import { screen } from '@inquirer/testing/vitest';
import { describe, expect, it } from 'vitest';
import { createInquirerPrompter, isPromptCancelled, runQuestionnaire } from '../../src/questionnaire/index.js';
import { WorkloadSchema } from '../../src/schema/workload.js';

/** Presses Enter on the current prompt and waits for the next one; returns the screen it left. */
async function enter(): Promise<string> {
  const before = screen.getScreen();
  screen.keypress('enter');
  await screen.next();
  return before;
}

describe('the interview with real prompts', () => {
  it('shows each question with its why line and takes defaults on Enter', async () => {
    const run = runQuestionnaire(createInquirerPrompter());
    expect(screen.getScreen()).toMatchInlineSnapshot(`
      "Labels the report and the saved workload.yaml (lowercase, digits, dashes).
      ? Name of this workload (my-app)"
    `);
    screen.type('shop');
    await enter();
    expect(screen.getScreen()).toContain('? AWS region (us-east-1)');

    // Press Enter through the rest: 15 questions on the default path.
    const seen: string[] = [];
    for (let i = 0; i < 13; i++) seen.push(await enter());
    seen.push(screen.getScreen());
    // Every open question: a why line first, then the question.
    for (const s of seen) expect(s.split('\n')[1], s).toMatch(/^\? \S/);
    expect(seen.map((s) => s.split('\n')[1]!.split(' (')[0])).toEqual([
      '? AWS region',
      '? What does it run?',
      '? Service name',
      '? vCPU per task',
      '? Memory per task, GiB',
      '? Tasks running all the time',
      '? Tasks at peak',
      '? Anything special about api?',
      '? Add another service?',
      '? Any hard requirements?',
      '? Engineers who build and run this workload',
      '? Of them, dedicated platform engineers',
      "? Team's Kubernetes experience",
      '? Fine-tune any assumptions?',
    ]);
    screen.keypress('enter');
    const workload = await run;
    expect(workload.name).toBe('shop');
    expect(WorkloadSchema.safeParse(workload).success).toBe(true);
    const transcript = await screen.getFullOutput();
    expect(transcript).toContain('✔ Name of this workload shop');
    expect(transcript).toContain('✔ vCPU per task (pod) 0.5');
  });

  it('shows the schema message under a bad answer and accepts the corrected one', async () => {
    const run = runQuestionnaire(createInquirerPrompter(), { region: 'us-east-1' });
    await enter(); // name
    await enter(); // what does it run
    await enter(); // service name
    expect(screen.getScreen()).toContain('vCPU per task (pod)');
    screen.type('0');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('> cpu (vCPU per task) must be greater than 0');
    screen.keypress('backspace');
    screen.type('2');
    await enter();
    expect(screen.getScreen()).toContain('Memory per task, GiB');
    screen.type('x');
    screen.keypress('enter'); // not a number: rejected synchronously, so no render to wait for
    expect(screen.getScreen()).toContain('You must provide a valid numeric value');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(run).rejects.toMatchObject({ name: 'ExitPromptError' });
  });

  it('ticking GPUs brings the GPU count question', async () => {
    const run = runQuestionnaire(createInquirerPrompter(), { region: 'us-east-1' });
    for (let i = 0; i < 7; i++) await enter(); // name … peak replicas
    expect(screen.getScreen()).toContain('Anything special about api?');
    screen.keypress('down');
    screen.keypress('down');
    expect(screen.getScreen()).toContain('Needs GPUs');
    expect(screen.getScreen()).toContain('rules out both Fargate options');
    screen.keypress('space');
    await enter();
    expect(screen.getScreen()).toContain('GPUs per task (1)');
    screen.type('2');
    await enter();
    expect(screen.getScreen()).toContain('Add another service?');
    screen.keypress({ name: 'c', ctrl: true });
    const error = await run.catch((e: unknown) => e);
    expect(isPromptCancelled(error)).toBe(true);
  });

  it('Ctrl-C on the first question rejects with ExitPromptError', async () => {
    const run = runQuestionnaire(createInquirerPrompter());
    screen.keypress({ name: 'c', ctrl: true });
    await expect(run).rejects.toThrow(expect.objectContaining({ name: 'ExitPromptError' }));
  });

  it('an aborted signal rejects with AbortPromptError', async () => {
    const controller = new AbortController();
    const run = runQuestionnaire(createInquirerPrompter({ signal: controller.signal }));
    controller.abort();
    const error = await run.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortPromptError' });
    expect(isPromptCancelled(error)).toBe(true);
  });
});
