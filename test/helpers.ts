/** Test helpers: run the real commander program in-process against fake streams. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import type { ProgramDeps } from '../src/cli/deps.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: string;
  stdinIsTTY?: boolean;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  now?: Date;
  deps?: Partial<ProgramDeps>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ecs-or-eks-test-'));
}

export async function run(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const input = options.stdin ?? '';
  const stdin = {
    isTTY: options.stdinIsTTY ?? false,
    async *[Symbol.asyncIterator]() {
      if (input) yield Buffer.from(input);
    },
  };
  const code = await main(
    argv,
    {
      stdout: { write: (s: string) => (stdout += s), isTTY: false },
      stderr: { write: (s: string) => (stderr += s) },
      stdin,
      // An isolated cache folder so a developer's real price cache never leaks into tests.
      env: { ECS_OR_EKS_CACHE_DIR: join(tempDir(), 'cache'), ...options.env },
      cwd: options.cwd ?? process.cwd(),
      now: () => options.now ?? new Date('2026-11-27T12:00:00Z'),
    },
    { version: '0.0.0-test', ...options.deps },
  );
  return { code, stdout, stderr };
}

export const FIXTURES = ['gpu-inference', 'nightly-etl', 'regulated-fintech', 'security-telemetry', 'startup-api'] as const;

/** Replaces the text between `<!-- generated:NAME:start -->` and `<!-- generated:NAME:end -->` in a doc. */
export function replaceGeneratedBlock(doc: string, name: string, body: string): string {
  const start = `<!-- generated:${name}:start -->`;
  const end = `<!-- generated:${name}:end -->`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < 0) throw new Error(`the doc is missing the ${name} markers`);
  return `${doc.slice(0, i + start.length)}\n${body}\n${doc.slice(j)}`;
}
