/**
 * The one error boundary: runs the program and turns every outcome into an exit code (SPEC §2).
 * Expected errors print one clear message; unexpected ones ask for a bug report and show a stack
 * trace only when DEBUG is set. Everything printed passes through the sanitiser, and a report that
 * could not be written (a closed pipe, a full disk) ends here too, without a stack trace.
 */
import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { CliError, ExitCode, formatProblems, InputError } from './errors.js';
import { processContext, sanitizedStream, type CliContext } from './io.js';
import type { ProgramDeps } from './deps.js';
import { createProgram } from './program.js';
import { colorPossible } from './color.js';
import { packageFile } from './package-files.js';

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[], given: CliContext = processContext(), deps: Partial<ProgramDeps> = {}): Promise<number> {
  // Field by field, not `...given`: a spread would read `stdin`, which processContext() leaves lazy.
  const ctx: CliContext = {
    stdout: sanitizedStream(given.stdout, colorPossible(given)),
    stderr: sanitizedStream(given.stderr, false),
    get stdin() {
      return given.stdin;
    },
    env: given.env,
    cwd: given.cwd,
    now: given.now,
  };
  const program = createProgram(ctx, { version: deps.version ?? toolVersion(), ...deps });
  let code: number;
  try {
    if (argv.length === 0) program.outputHelp();
    else await program.parseAsync(argv, { from: 'user' });
    code = ExitCode.ok;
  } catch (error) {
    code = report(error, ctx);
  }
  return finish(code, ctx);
}

/**
 * Waits for stdout to drain. A reader that went away (`| head`) is not an error — the command ends
 * quietly, as `git log | head` does; any other write failure (ENOSPC on a full disk) is reported.
 */
async function finish(code: number, ctx: CliContext): Promise<number> {
  const failure = await ctx.stdout.settled?.();
  if (!failure || failure.code === 'EPIPE' || failure.code === 'ERR_STREAM_DESTROYED') return code;
  const why =
    failure.code === 'ENOSPC' ? 'no space left on the device' : failure.code === 'EDQUOT' ? 'disk quota exceeded' : failure.message;
  ctx.stderr.write(`error: could not write the output to stdout: ${why}${failure.code ? ` (${failure.code})` : ''}\n`);
  await ctx.stderr.settled?.();
  return code === ExitCode.ok ? ExitCode.internal : code;
}

function report(error: unknown, ctx: CliContext): number {
  if (error instanceof CommanderError) {
    // Help and --version are "errors" only to commander; bad flags are usage errors (exit 2).
    if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
    return ExitCode.usage;
  }
  if (error instanceof InputError) {
    ctx.stderr.write(`${formatProblems(error.file, error.problems)}\n`);
    ctx.stderr.write(
      `${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} in ${error.file}; see \`ecs-or-eks init\` for a commented template.\n`,
    );
    return error.exitCode;
  }
  if (error instanceof CliError) {
    ctx.stderr.write(error.name === 'CancelledError' ? 'cancelled\n' : `error: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.stderr.write(
    `internal error: ${message}\nThis is a bug in ecs-or-eks; please report it with the command you ran.${ctx.env.DEBUG ? '' : ' Set DEBUG=1 to see the stack trace.'}\n`,
  );
  if (ctx.env.DEBUG && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
  return ExitCode.internal;
}
