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

/** The questions on the default path when --region is given, in order; the review is last. */
const ENTER_ALL_THE_WAY_WITH_REGION = [
  'Name of this workload',
  'What does it run?',
  'Service name',
  'vCPU per task',
  'Memory per task, GiB',
  'Tasks running all the time',
  'Tasks at peak',
  'Anything special about api?',
  'Compressed image size, MB',
  'Add another service?',
  'Any hard requirements?',
  'Engineers who build and run this workload',
  'Of them, dedicated platform engineers',
  "Team's Kubernetes experience",
  'Fully loaded cost of one engineer',
  'Where does it run today?',
  'Fine-tune any assumptions?',
  'Change an answer?',
];

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

  // Generous: the whole suite runs in parallel on two cores, and a prompt can take seconds to appear.
  async waitFor(pattern: string | RegExp, timeoutMs = 40_000): Promise<string> {
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

  /**
   * A searchable list: types the search, waits until the list shows the match highlighted, then
   * presses Enter — a search prompt ignores Enter while it is still filtering, which a loaded
   * machine makes long enough to lose the key.
   */
  async search(question: string, text: string): Promise<void> {
    await this.waitFor(`? ${question}`);
    this.type(text);
    await this.waitFor(`❯ ${text} `);
    this.press('Enter');
    await this.waitFor(`✔ ${question} ${text}`);
  }

  async exitCode(): Promise<number> {
    const screen = await this.waitFor(/EXIT:\d+/, 60_000);
    return Number(/EXIT:(\d+)/.exec(screen)![1]);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
  }
}

describe.skipIf(skipReason !== '')(
  `the questionnaire in a real terminal${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  { timeout: 180_000 },
  () => {
    let terminal: Terminal | undefined;
    afterEach(() => terminal?.close());

    it('answers a few questions, goes back at the review to change one, prints advice, saves a file that replays to the same advice', async () => {
      terminal = new Terminal();
      const saved = join(terminal.dir, 'w.yaml');
      terminal.start(['advise', '--prices', 'snapshot', '--save', saved]);

      await terminal.waitFor(/About \d+ questions; Enter takes the suggested answer\. At the end you can go back and change any answer/);
      await terminal.answer('Name of this workload', 'Web Shop');
      // The region is searched in AWS's list: a typo offers the near Regions.
      await terminal.waitFor('? AWS region');
      terminal.type('us-east-9');
      await terminal.waitFor('did you mean this one?');
      terminal.press('Enter');
      await terminal.answer('What does it run?');
      await terminal.answer('Service name');
      await terminal.answer('vCPU per task', '0');
      await terminal.waitFor('> cpu (vCPU per task) must be greater than 0 — enter a number above 0, up to 192 vCPU');
      terminal.press('BSpace');
      terminal.type('1');
      terminal.press('Enter');
      // The memory default pairs with the vCPU: 1 vCPU → 2 GiB.
      await terminal.waitFor('? Memory per task, GiB (2)');
      terminal.press('Enter');
      await terminal.answer('Tasks running all the time', '4');
      await terminal.answer('Tasks at peak', '10');
      await terminal.answer('Hours a day at peak');
      for (const question of [
        'Anything special about api?',
        'Compressed image size, MB',
        'Add another service?',
        'Any hard requirements?',
        'Engineers who build and run this workload',
        'Of them, dedicated platform engineers',
        "Team's Kubernetes experience",
        'Fully loaded cost of one engineer',
        'Where does it run today?',
        'Fine-tune any assumptions?',
      ]) {
        await terminal.answer(question);
      }

      // The review: go back to the service, change its baseline from 4 to 6 tasks, come back.
      await terminal.waitFor('? Change an answer?');
      await terminal.waitFor(/services\s+api: 1 vCPU \/ 2 GiB × 4, peak 10 for 4 h\/day/);
      terminal.press('Down');
      terminal.press('Down');
      await terminal.waitFor('❯ services  api: 1 vCPU / 2 GiB × 4');
      terminal.press('Enter');
      await terminal.answer('Service name');
      await terminal.answer('vCPU per task');
      await terminal.answer('Memory per task, GiB');
      await terminal.waitFor('? Tasks running all the time (4)');
      terminal.type('6');
      terminal.press('Enter');
      await terminal.waitFor('? Tasks at peak (same = no peak) (10)');
      terminal.press('Enter');
      await terminal.answer('Hours a day at peak');
      await terminal.answer('Anything special about api?');
      await terminal.answer('Compressed image size, MB');
      await terminal.waitFor(/services\s+api: 1 vCPU \/ 2 GiB × 6, peak 10 for 4 h\/day/);
      await terminal.answer('Change an answer?');

      expect(await terminal.exitCode()).toBe(0);
      const screen = terminal.screen();
      expect(screen).toContain('✔ Name of this workload web-shop');
      expect(screen).toContain('✔ AWS region us-east-1');
      expect(screen).toContain('✔ vCPU per task (pod) 1');
      expect(screen).toMatch(
        /Your answers\n\s+workload\s+web-shop in us-east-1\n\s+services\s+api: 1 vCPU \/ 2 GiB × 4, peak 10 for 4 h\/day/,
      );
      expect(screen).toContain('✔ Change an answer? no, show the advice');
      const shown = /Recommendation(?: \(a close call\))?: (.+?) · \$([\d,.]+)\/month/.exec(screen);
      expect(shown, screen).not.toBeNull();
      const [, name, monthly] = shown!;
      const option = OPTION_IDS.find((id) => optionName(id) === name);
      expect(option, name).toBeDefined();

      // The saved file: commented, valid, the answers as given, the change included.
      const text = readFileSync(saved, 'utf8');
      expect(text).toMatch(/^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/ecs-or-eks@/);
      expect(text).toMatch(/# vCPU per task/);
      const workload = YAML.parse(text) as unknown;
      expect(WorkloadSchema.safeParse(workload).success).toBe(true);
      expect(workload).toMatchObject({
        name: 'web-shop',
        services: [{ name: 'api', cpu: 1, memory: 2, replicas: 6, peakReplicas: 10, peakHoursPerDay: 4, imageSizeMB: 300 }],
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
      // Enter all the way: 18 questions with --region given.
      for (const question of ENTER_ALL_THE_WAY_WITH_REGION) await terminal.answer(question);
      expect(await terminal.exitCode()).toBe(0);
      const screen = terminal.screen();
      expect(screen).toContain('About 18 questions');
      expect(screen).toContain('Your answers');
      // Without --save, the last line says how to keep the answers.
      expect(screen).toContain('To keep these answers, run `ecs-or-eks advise --save workload.yaml`');
      const advice = JSON.parse(readFileSync(out, 'utf8')) as { schemaVersion: number; input: { name: string; region: string } };
      expect(advice.schemaVersion).toBe(1);
      expect(advice.input).toMatchObject({ name: 'my-app', region: 'eu-west-1' });
    });

    it('advise --import asks only what the manifests cannot say, then advises', async () => {
      terminal = new Terminal();
      const saved = join(terminal.dir, 'imported.yaml');
      terminal.start(['advise', '--import', 'test/fixtures-import/k8s/hpa.yaml', '--prices', 'snapshot', '--save', saved]);
      await terminal.answer('Name of this workload', 'shop');
      await terminal.search('AWS region', 'eu-west-1');
      for (const question of [
        'Hours a day at peak',
        'Compressed image size, MB',
        'Any hard requirements?',
        'Engineers who build and run this workload',
        'Of them, dedicated platform engineers',
        "Team's Kubernetes experience",
        'Fully loaded cost of one engineer',
        'Where does it run today?',
        'Fine-tune any assumptions?',
        'Change an answer?',
      ]) {
        await terminal.answer(question);
      }
      expect(await terminal.exitCode()).toBe(0);
      const screen = terminal.screen();
      for (const notAsked of ['What does it run?', 'Service name', 'vCPU per task', 'Add another service?'])
        expect(screen).not.toContain(notAsked);
      expect(screen).toMatch(/services\s+api: 0\.25 vCPU \/ 0\.5 GiB × 2, peak 10 for 4 h\/day/);
      expect(screen).toMatch(/Recommendation: .+\/month/);
      const workload = YAML.parse(readFileSync(saved, 'utf8')) as unknown;
      expect(workload).toMatchObject({ name: 'shop', region: 'eu-west-1', services: [{ name: 'api', replicas: 2, peakReplicas: 10 }] });
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
    it('Ctrl-C at the review exits 130 and writes nothing either', async () => {
      terminal = new Terminal();
      const saved = join(terminal.dir, 'never.yaml');
      terminal.start(['advise', '--region', 'us-east-1', '--save', saved]);
      for (const question of ENTER_ALL_THE_WAY_WITH_REGION.slice(0, -1)) await terminal.answer(question);
      await terminal.waitFor('? Change an answer?');
      terminal.press('C-c');
      expect(await terminal.exitCode()).toBe(130);
      expect(terminal.screen()).toMatch(/^cancelled$/m);
      expect(existsSync(saved)).toBe(false);
    });
  },
);
