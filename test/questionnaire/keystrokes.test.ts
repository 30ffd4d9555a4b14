// Real prompts, real keystrokes: `@inquirer/testing/vitest` must be imported before the code under
// test so that it can route every @inquirer prompt through its virtual screen.
import { screen } from '@inquirer/testing/vitest';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createInquirerPrompter, isPromptCancelled, runQuestionnaire, type QuestionnaireOptions } from '../../src/questionnaire/index.js';
import { WorkloadSchema } from '../../src/schema/workload.js';

/** Presses Enter on the current prompt and waits for the next one; returns the screen it left. */
async function enter(): Promise<string> {
  const before = screen.getScreen();
  screen.keypress('enter');
  await screen.next();
  return before;
}

/**
 * Starts the interview on the virtual screen and waits for its first question (the intro counts the
 * questions first). The notes between questions (intro, review) are collected in `notes`.
 */
async function start(options: QuestionnaireOptions = {}) {
  let notes = '';
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      notes += chunk.toString();
      done();
    },
  });
  const run = runQuestionnaire(createInquirerPrompter({ output }), options);
  await screen.next();
  return { run, notes: () => notes };
}

describe('the interview with real prompts', () => {
  it('says how many questions there are, shows each with its why line and takes defaults on Enter', async () => {
    const { run, notes } = await start();
    expect(notes()).toMatch(/^About 19 questions; Enter takes the suggested answer\. At the end you can go back and change any answer/);
    expect(screen.getScreen()).toMatchInlineSnapshot(`
      "Labels the report and the saved workload.yaml (lowercase, digits, dashes).
      ? Name of this workload (my-app)"
    `);
    screen.type('shop');
    await enter();
    expect(screen.getScreen()).toContain('? AWS region');
    expect(screen.getScreen()).toContain('❯ us-east-1       US East (N. Virginia)');

    // Press Enter through the rest: 19 questions on the default path, the review last.
    const seen: string[] = [];
    for (let i = 0; i < 17; i++) seen.push(await enter());
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
      '? Compressed image size, MB',
      '? Add another service?',
      '? Any hard requirements?',
      '? Engineers who build and run this workload',
      '? Of them, dedicated platform engineers',
      "? Team's Kubernetes experience",
      '? Fully loaded cost of one engineer, USD a year',
      '? Where does it run today?',
      '? Fine-tune any assumptions?',
      '? Change an answer?',
    ]);
    expect(notes()).toContain('Your answers\n  workload  shop in us-east-1\n  services  api: 0.5 vCPU / 1 GiB × 2');
    screen.keypress('enter');
    const workload = await run;
    expect(workload.name).toBe('shop');
    expect(WorkloadSchema.safeParse(workload).success).toBe(true);
    const transcript = await screen.getFullOutput();
    expect(transcript).toContain('✔ Name of this workload shop');
    expect(transcript).toContain('✔ AWS region us-east-1');
    expect(transcript).toContain('✔ vCPU per task (pod) 0.5');
    expect(transcript).toContain('✔ Fully loaded cost of one engineer, USD a year (empty to skip) skipped');
    expect(transcript).toContain('✔ Change an answer? no, show the advice');
  });

  it('shows the schema message, the range and the unit under a bad answer, and accepts the corrected one', async () => {
    const { run } = await start({ region: 'us-east-1' });
    await enter(); // name
    await enter(); // what does it run
    await enter(); // service name
    expect(screen.getScreen()).toContain('vCPU per task (pod)');
    screen.type('0');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('> cpu (vCPU per task) must be greater than 0 — enter a number above 0, up to 192 vCPU');
    screen.keypress('backspace');
    screen.type('1');
    await enter();
    // The memory default follows the vCPU just given: 1 vCPU pairs with 2 GiB on Fargate.
    expect(screen.getScreen()).toContain('Memory per task, GiB (2)');
    screen.type('x');
    screen.keypress('enter'); // not a number: rejected synchronously, so no render to wait for
    expect(screen.getScreen()).toContain('You must provide a valid numeric value');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(run).rejects.toMatchObject({ name: 'ExitPromptError' });
  });

  it('the region is searched: a typo lists the near Regions, Enter takes the first', async () => {
    const { run } = await start();
    await enter(); // name
    screen.type('us-east-9');
    await screen.next();
    const list = screen.getScreen();
    expect(list).toContain('us-east-1       US East (N. Virginia)');
    expect(list).toContain('us-east-2       US East (Ohio)');
    expect(list).toContain('no Region is called "us-east-9"; did you mean this one?');
    for (let i = 0; i < 'us-east-9'.length; i++) screen.keypress('backspace');
    screen.type('frankf');
    await screen.next();
    expect(screen.getScreen()).toContain('❯ eu-central-1    Europe (Frankfurt)');
    await enter();
    expect(screen.getScreen()).toContain('What does it run?');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(run).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(await screen.getFullOutput()).toContain('✔ AWS region eu-central-1');
  });

  it('ticking GPUs brings the GPU count question', async () => {
    const { run } = await start({ region: 'us-east-1' });
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
    expect(screen.getScreen()).toContain('Compressed image size, MB (300)');
    screen.keypress({ name: 'c', ctrl: true });
    const error = await run.catch((e: unknown) => e);
    expect(isPromptCancelled(error)).toBe(true);
  });

  it('“compliance applies” with nothing ticked is refused on screen', async () => {
    const { run } = await start({ region: 'us-east-1' });
    for (let i = 0; i < 10; i++) await enter(); // name … add another service?
    expect(screen.getScreen()).toContain('Any hard requirements?');
    for (let i = 0; i < 5; i++) screen.keypress('down');
    screen.keypress('space');
    await enter();
    expect(screen.getScreen()).toContain('Which compliance regimes?');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('> tick at least one regime with Space before Enter');
    screen.keypress('space');
    await enter();
    expect(screen.getScreen()).toContain('Engineers who build and run this workload');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(run).rejects.toMatchObject({ name: 'ExitPromptError' });
  });

  it('at the review, a line is picked, answered again, and the review comes back', async () => {
    const { run, notes } = await start({ region: 'us-east-1' });
    for (let i = 0; i < 17; i++) await enter(); // the 17 questions before the review
    expect(screen.getScreen()).toContain('? Change an answer?');
    screen.keypress('down'); // workload
    screen.keypress('down'); // services: api
    expect(screen.getScreen()).toContain('❯ services  api: 0.5 vCPU / 1 GiB × 2');
    await enter();
    expect(screen.getScreen()).toContain('Service name (api)');
    await enter();
    expect(screen.getScreen()).toContain('vCPU per task (pod) (0.5)');
    screen.type('2');
    await enter();
    expect(screen.getScreen()).toContain('Memory per task, GiB (4)');
    for (let i = 0; i < 5; i++) await enter(); // memory, replicas, peak, traits, image size
    expect(screen.getScreen()).toContain('? Change an answer?');
    expect(notes()).toContain('services  api: 2 vCPU / 4 GiB × 2');
    screen.keypress('enter');
    const workload = await run;
    expect(workload.services?.[0]).toMatchObject({ cpu: 2, memory: 4 });
  });

  it('Ctrl-C at the review still cancels', async () => {
    const { run } = await start({ region: 'us-east-1' });
    for (let i = 0; i < 17; i++) await enter(); // the 17 questions before the review
    expect(screen.getScreen()).toContain('? Change an answer?');
    screen.keypress({ name: 'c', ctrl: true });
    await expect(run).rejects.toMatchObject({ name: 'ExitPromptError' });
  });

  it('Ctrl-C on the first question rejects with ExitPromptError', async () => {
    const { run } = await start();
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
