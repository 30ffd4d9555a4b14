/**
 * Issue 13, signals and colour in a real terminal: the BUILT CLI runs inside a private tmux server.
 * `kill -TERM` / `kill -INT` during the questionnaire must leave the terminal as it found it (cursor
 * shown, cooked mode), print "cancelled" and exit 143 / 130; `--no-color` must reach the questions.
 * Needs tmux (CI installs it) and a build; skipped, and says why, without either.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const BIN = join(ROOT, 'bin', 'ecs-or-eks.js');
const hasTmux = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
const isBuilt = existsSync(join(ROOT, 'dist', 'cli', 'main.js'));
const skipReason = !hasTmux ? 'tmux is not installed (apt-get install tmux)' : !isBuilt ? 'the CLI is not built (run npm run build)' : '';
if (skipReason) console.warn(`[signals.tty.e2e] skipping the real-terminal signal tests: ${skipReason}`);

/** One private tmux server (its own socket), so the test never touches anyone else's sessions. */
class Terminal {
  readonly dir = mkdtempSync(join(tmpdir(), 'ecs-or-eks-sig-'));
  private readonly socket = `ecs-or-eks-sig-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly config = join(this.dir, 'tmux.conf');

  constructor() {
    writeFileSync(this.config, 'set -g history-limit 50000\n');
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', this.config, ...args], { encoding: 'utf8' });
  }

  /**
   * Runs the CLI; the inner shell prints its pid and then becomes the CLI (`exec`), so the pid is
   * the CLI's and it stays in the terminal's foreground. Afterwards: the exit code, whether the
   * terminal is back in canonical mode, and a long sleep that keeps the pane for reading.
   */
  start(args: string[], env: string): void {
    const cli = `echo PID:$$; exec ${process.execPath} ${BIN} ${args.join(' ')}`;
    const command = `cd ${ROOT} && env -u NO_COLOR -u FORCE_COLOR ${env} ECS_OR_EKS_CACHE_DIR=${this.dir}/cache sh -c '${cli}'; echo "EXIT:$?"; stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon | sed 's/^/STTY:/'; sleep 600`;
    this.tmux('new-session', '-d', '-s', 'main', '-x', '120', '-y', '50', command);
  }

  screen(options: { escapes?: boolean } = {}): string {
    return this.tmux('capture-pane', '-p', '-J', ...(options.escapes ? ['-e'] : []), '-S', '-', '-t', 'main');
  }

  /** Whether the terminal shows its cursor (tmux tracks DECTCEM, `ESC [ ? 25 h/l`). */
  cursorVisible(): boolean {
    return this.tmux('display-message', '-p', '-t', 'main', '#{cursor_flag}').trim() === '1';
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

  async pid(): Promise<number> {
    return Number(/PID:(\d+)/.exec(await this.waitFor(/PID:\d+/))![1]);
  }

  press(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'main', ...keys);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
  }
}

describe.skipIf(skipReason !== '')(`signals during the questionnaire${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.close());

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s on an open list question restores the terminal, says "cancelled" and exits %i', async (signal, expected) => {
    terminal = new Terminal();
    const saved = join(terminal.dir, 'never.yaml');
    terminal.start(['advise', '--save', saved], 'NO_COLOR=1');
    const pid = await terminal.pid();
    await terminal.waitFor('? Name of this workload');
    terminal.press('Enter');
    await terminal.waitFor('? AWS region');
    terminal.press('Enter');
    // A select prompt: inquirer hides the cursor while it is open.
    await terminal.waitFor('? What does it run?');
    await new Promise((r) => setTimeout(r, 200));
    expect(terminal.cursorVisible()).toBe(false);
    process.kill(pid, signal);
    const screen = await terminal.waitFor(/STTY:/, 15_000);
    expect(Number(/EXIT:(\d+)/.exec(screen)?.[1])).toBe(expected);
    expect(screen).toMatch(/^cancelled$/m);
    expect(screen).toContain('STTY:icanon');
    expect(terminal.cursorVisible()).toBe(true);
    expect(screen).not.toMatch(/^\s+at /m);
    expect(existsSync(saved)).toBe(false);
  });
});

describe.skipIf(skipReason !== '')(`colour in the questionnaire${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.close());

  const SGR_COLOUR = /\u001b\[[0-9;]*m/;

  async function firstQuestion(args: string[], env: string): Promise<string> {
    terminal = new Terminal();
    terminal.start(['advise', ...args], env);
    await terminal.waitFor('? Name of this workload');
    await new Promise((r) => setTimeout(r, 200));
    const screen = terminal.screen({ escapes: true });
    terminal.press('C-c');
    await terminal.waitFor(/EXIT:/);
    terminal.close();
    terminal = undefined;
    return screen;
  }

  it('questions are coloured on a terminal, and --no-color turns that off', async () => {
    const coloured = await firstQuestion([], 'TERM=xterm-256color');
    expect(coloured).toMatch(SGR_COLOUR);
    const plain = await firstQuestion(['--no-color'], 'TERM=xterm-256color');
    expect(plain).toContain('? Name of this workload');
    expect(plain).not.toMatch(SGR_COLOUR);
  });
});
