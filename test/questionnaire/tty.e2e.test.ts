/**
 * End-to-end in a real pseudo-terminal: the BUILT CLI (`bin/ecs-or-eks.js` → `dist/`) runs inside a
 * private tmux server, and the test types into it as a user would. Needs tmux (CI installs it) and a
 * build (`npm test` builds first); without either the suite is skipped, and says why.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { optionName } from '../../src/domain/options.js';
import { OPTION_IDS } from '../../src/schema/enums.js';
import { WorkloadSchema } from '../../src/schema/workload.js';

const ROOT = process.cwd();
const BIN = join(ROOT, 'bin', 'ecs-or-eks.js');
const hasTmux = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
const isBuilt = existsSync(join(ROOT, 'dist', 'cli', 'main.js'));
const skipReason = !hasTmux ? 'tmux is not installed (apt-get install tmux)' : !isBuilt ? 'the CLI is not built (run npm run build)' : '';
if (skipReason) console.warn(`[tty.e2e] skipping the real-terminal questionnaire tests: ${skipReason}`);

/** One private tmux server (its own socket), so the test never touches anyone else's sessions. */
class Terminal {
  readonly dir = mkdtempSync(join(tmpdir(), 'ecs-or-eks-tty-'));
  private readonly socket = `ecs-or-eks-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly config = join(this.dir, 'tmux.conf');

  constructor() {
    writeFileSync(this.config, 'set -g history-limit 50000\n');
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', this.config, ...args], { encoding: 'utf8' });
  }

  /** Runs the CLI with `args`; when it ends, prints `EXIT:<code>` and keeps the pane for reading. */
  start(args: string[]): void {
    const env = `NO_COLOR=1 ECS_OR_EKS_CACHE_DIR=${this.dir}/cache`;
    const command = `cd ${ROOT} && env ${env} ${process.execPath} ${BIN} ${args.join(' ')}; echo "EXIT:$?"; sleep 600`;
    this.tmux('new-session', '-d', '-s', 'main', '-x', '120', '-y', '50', command);
  }

  /** The whole pane, scroll-back included, with wrapped lines joined. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'main');
  }

  async waitFor(pattern: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; the screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', 'main', '-l', text);
  }

  press(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'main', ...keys);
  }

  /** Waits for the question to be open, types the answer (if any) and presses Enter. */
  async answer(question: string, text?: string): Promise<void> {
    await this.waitFor(`? ${question}`);
    if (text !== undefined) this.type(text);
    this.press('Enter');
  }

  async exitCode(): Promise<number> {
    const screen = await this.waitFor(/EXIT:\d+/, 30_000);
    return Number(/EXIT:(\d+)/.exec(screen)![1]);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
  }
}

describe.skipIf(skipReason !== '')(`the questionnaire in a real terminal${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.close());

  it('answers a few questions, takes defaults for the rest, prints advice, saves a file that replays to the same advice', async () => {
    terminal = new Terminal();
    const saved = join(terminal.dir, 'w.yaml');
    terminal.start(['advise', '--prices', 'snapshot', '--save', saved]);

    await terminal.answer('Name of this workload', 'Web Shop');
    await terminal.answer('AWS region');
    await terminal.answer('What does it run?');
    await terminal.answer('Service name');
    await terminal.answer('vCPU per task', '0');
    await terminal.waitFor('> cpu (vCPU per task) must be greater than 0');
    terminal.press('BSpace');
    terminal.type('1');
    terminal.press('Enter');
    await terminal.answer('Memory per task, GiB', '2');
    await terminal.answer('Tasks running all the time', '4');
    await terminal.answer('Tasks at peak', '10');
    await terminal.answer('Hours a day at peak');
    for (const question of [
      'Anything special about api?',
      'Add another service?',
      'Any hard requirements?',
      'Engineers who build and run this workload',
      'Of them, dedicated platform engineers',
      "Team's Kubernetes experience",
      'Fine-tune any assumptions?',
    ]) {
      await terminal.answer(question);
    }

    expect(await terminal.exitCode()).toBe(0);
    const screen = terminal.screen();
    expect(screen).toContain('✔ Name of this workload web-shop');
    expect(screen).toContain('✔ vCPU per task (pod) 1');
    expect(screen).toMatch(
      /Your answers\n\s+workload\s+web-shop in us-east-1\n\s+services\s+api: 1 vCPU \/ 2 GiB × 4, peak 10 for 4 h\/day/,
    );
    const shown = /Recommendation(?: \(a close call\))?: (.+?) · \$([\d,.]+)\/month/.exec(screen);
    expect(shown, screen).not.toBeNull();
    const [, name, monthly] = shown!;
    const option = OPTION_IDS.find((id) => optionName(id) === name);
    expect(option, name).toBeDefined();

    // The saved file: commented, valid, the answers as given.
    const text = readFileSync(saved, 'utf8');
    expect(text).toMatch(/# vCPU per task/);
    const workload = YAML.parse(text) as unknown;
    expect(WorkloadSchema.safeParse(workload).success).toBe(true);
    expect(workload).toMatchObject({
      name: 'web-shop',
      services: [{ name: 'api', cpu: 1, memory: 2, replicas: 4, peakReplicas: 10, peakHoursPerDay: 4 }],
    });

    // Replayed without a terminal: the same recommendation at the same price.
    const replay = spawnSync(process.execPath, [BIN, 'advise', '--input', saved, '--format', 'json', '--prices', 'snapshot'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ECS_OR_EKS_CACHE_DIR: join(terminal.dir, 'cache') },
    });
    expect(replay.status, replay.stderr).toBe(0);
    const advice = JSON.parse(replay.stdout) as {
      recommendation: { option: string };
      options: { id: string; monthlyCost: { total: number } }[];
    };
    expect(advice.recommendation.option).toBe(option);
    const cost = advice.options.find((o) => o.id === option)!.monthlyCost.total;
    expect(cost.toFixed(2)).toBe(monthly!.replace(/,/g, ''));
  });

  it('with stdout redirected, the questions stay on screen and the file gets only the JSON report', async () => {
    terminal = new Terminal();
    const out = join(terminal.dir, 'advice.json');
    terminal.start(['advise', '--region', 'eu-west-1', '--prices', 'snapshot', '--format', 'json', '>', out]);
    // Enter all the way: 14 questions with --region given.
    for (const question of [
      'Name of this workload',
      'What does it run?',
      'Service name',
      'vCPU per task',
      'Memory per task, GiB',
      'Tasks running all the time',
      'Tasks at peak',
      'Anything special about api?',
      'Add another service?',
      'Any hard requirements?',
      'Engineers who build and run this workload',
      'Of them, dedicated platform engineers',
      "Team's Kubernetes experience",
      'Fine-tune any assumptions?',
    ]) {
      await terminal.answer(question);
    }
    expect(await terminal.exitCode()).toBe(0);
    expect(terminal.screen()).toContain('Your answers');
    const advice = JSON.parse(readFileSync(out, 'utf8')) as { schemaVersion: number; input: { name: string; region: string } };
    expect(advice.schemaVersion).toBe(1);
    expect(advice.input).toMatchObject({ name: 'my-app', region: 'eu-west-1' });
  });

  it('Ctrl-C mid-interview exits 130 with one line, no stack trace, nothing written', async () => {
    terminal = new Terminal();
    const saved = join(terminal.dir, 'never.yaml');
    terminal.start(['advise', '--save', saved]);
    await terminal.answer('Name of this workload', 'shop');
    await terminal.answer('AWS region');
    await terminal.waitFor('? What does it run?');
    terminal.press('C-c');
    expect(await terminal.exitCode()).toBe(130);
    const screen = terminal.screen();
    expect(screen).toMatch(/cancelled/i);
    expect(screen).not.toMatch(/^\s+at /m);
    expect(screen).not.toContain('ExitPromptError');
    expect(existsSync(saved)).toBe(false);
  });
});
