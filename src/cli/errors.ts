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
  interrupted: 130,
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

/** Ctrl-C during the questionnaire. */
export class CancelledError extends CliError {
  readonly exitCode = ExitCode.interrupted;
  override readonly name = 'CancelledError';
  constructor() {
    super('cancelled');
  }
}

/** `FILE:LINE:COL  path.to.field  message`, one line per problem. */
export function formatProblems(file: string, problems: readonly Problem[]): string {
  return problems
    .map((p) => {
      const where = p.line !== undefined ? `${file}:${p.line}:${p.column ?? 1}` : file;
      return p.path ? `${where}  ${p.path}  ${p.message}` : `${where}  ${p.message}`;
    })
    .join('\n');
}
