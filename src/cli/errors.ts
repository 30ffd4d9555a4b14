/**
 * The typed errors the CLI edge throws, and the one table that maps them to exit codes (SPEC §2).
 * Commands throw; only `main()` decides what to print and which code to return.
 */
import type { Problem } from '../schema/load.js';

export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  priceSource: 3,
  /** A `--fail-on` condition holds: the report was written in full, and CI should fail the check. */
  gate: 4,
  interrupted: 130,
  /** Ended by SIGTERM (128 + 15), as a shell reports a process killed by it. */
  terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error whose message is written for the user; no stack trace is shown. */
export abstract class CliError extends Error {
  abstract readonly exitCode: ExitCode;
}

/** Bad flags, missing files, refusing to overwrite — the user can fix the command line. */
export class UsageError extends CliError {
  readonly exitCode = ExitCode.usage;
  override readonly name = 'UsageError';
}

/** A workload that does not validate; carries every problem so all are reported at once. */
export class InputError extends CliError {
  readonly exitCode = ExitCode.usage;
  override readonly name = 'InputError';
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  }
}

/** A price source the user demanded (`--prices live`) failed. */
export class PriceSourceError extends CliError {
  readonly exitCode = ExitCode.priceSource;
  override readonly name = 'PriceSourceError';
}

/**
 * A `--fail-on` condition holds (`diff`, or `advise --base`). Thrown only after the full report was
 * written; the message is the one-line reason.
 */
export class GateError extends CliError {
  readonly exitCode = ExitCode.gate;
  override readonly name = 'GateError';
}

/** Ctrl-C (or SIGINT) during the questionnaire → 130; SIGTERM → 143. */
export class CancelledError extends CliError {
  readonly exitCode: ExitCode;
  override readonly name = 'CancelledError';
  constructor(readonly signal: 'SIGINT' | 'SIGTERM' = 'SIGINT') {
    super('cancelled');
    this.exitCode = signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted;
  }
}

/** The report could not be written (a full disk, an I/O error): not a bug, not bad input. */
export class OutputError extends CliError {
  readonly exitCode = ExitCode.internal;
  override readonly name = 'OutputError';
}

/** At most this many problems are listed; the count of the rest is given. */
export const MAX_PROBLEMS_SHOWN = 100;

/** `FILE:LINE:COL  path.to.field  message`, one line per problem (the first `MAX_PROBLEMS_SHOWN`). */
export function formatProblems(file: string, problems: readonly Problem[]): string {
  const lines = problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => {
    const where = p.line !== undefined ? `${file}:${p.line}:${p.column ?? 1}` : file;
    return p.path ? `${where}  ${p.path}  ${p.message}` : `${where}  ${p.message}`;
  });
  if (problems.length > MAX_PROBLEMS_SHOWN) lines.push(`${file}  … and ${problems.length - MAX_PROBLEMS_SHOWN} more problems not shown`);
  return lines.join('\n');
}
