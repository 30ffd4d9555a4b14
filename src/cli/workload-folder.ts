/**
 * A folder of workload files (one per service, team or environment): every `*.yaml` / `*.yml` file
 * directly in it, in name order. Subfolders and hidden files are not read. Every file is read and
 * validated before anything is reported, so all problems of all files are listed at once.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Workload } from '../schema/workload.js';
import { CliError, ExitCode, formatProblems, InputError, UsageError } from './errors.js';
import type { CliContext } from './io.js';
import { clip } from './sanitize.js';
import { readWorkload } from './commands/shared.js';

/** More files than this in one folder is refused (each file is already capped at 1 MiB). */
export const MAX_FOLDER_FILES = 500;

const WORKLOAD_FILE = /\.ya?ml$/i;

export interface FolderWorkload {
  /** The file's name in the folder: the key that pairs a base file with a head file. */
  name: string;
  /** The path as the user wrote the folder, joined with the name: what reports and problems show. */
  file: string;
  workload: Workload;
}

/** True when `file` names a folder (stdin `-` and paths that do not exist are not folders). */
export async function isFolder(file: string, ctx: CliContext): Promise<boolean> {
  if (file === '-' || file === '') return false;
  const stat = await fs.stat(path.resolve(ctx.cwd, file)).catch(() => undefined);
  return stat?.isDirectory() ?? false;
}

/** The workload files' names in `folder`, sorted by code point so the order is the same everywhere. */
export async function workloadFileNames(folder: string, ctx: CliContext): Promise<string[]> {
  const full = path.resolve(ctx.cwd, folder);
  let entries: string[];
  try {
    entries = await fs.readdir(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`${clip(folder)}: permission denied`);
    throw new UsageError(`${clip(folder)}: cannot read the folder (${code ?? 'unknown error'})`);
  }
  const names: string[] = [];
  for (const name of entries) {
    if (name.startsWith('.') || !WORKLOAD_FILE.test(name)) continue;
    // stat, not lstat: a symbolic link to a workload file counts; a folder named x.yaml does not.
    const stat = await fs.stat(path.join(full, name)).catch(() => undefined);
    if (stat?.isFile()) names.push(name);
  }
  if (names.length > MAX_FOLDER_FILES) {
    throw new UsageError(`${clip(folder)} holds ${names.length} workload files; at most ${MAX_FOLDER_FILES} are read at once`);
  }
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface FolderRead {
  workloads: FolderWorkload[];
  /** Files that did not validate, each with its own problems. */
  invalid: InputError[];
}

/** Reads and validates every workload file of `folder`, collecting the invalid ones instead of stopping at the first. */
export async function readWorkloadFolder(folder: string, ctx: CliContext, options: { allowEmpty?: boolean } = {}): Promise<FolderRead> {
  const names = await workloadFileNames(folder, ctx);
  if (names.length === 0 && !options.allowEmpty) {
    throw new UsageError(`${clip(folder)} holds no workload files (*.yaml or *.yml directly in it; subfolders are not read)`);
  }
  const read: FolderRead = { workloads: [], invalid: [] };
  for (const name of names) {
    const file = path.join(folder, name);
    try {
      read.workloads.push({ name, file, workload: await readWorkload(file, ctx) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      read.invalid.push(error);
    }
  }
  return read;
}

/** At most this many invalid files are listed in full; the rest are counted. */
const MAX_FILES_SHOWN = 20;

/** Several workload files do not validate: every file's problems, with its name, in one message. */
export class WorkloadFilesError extends CliError {
  readonly exitCode = ExitCode.usage;
  override readonly name = 'WorkloadFilesError';
  constructor(readonly files: readonly InputError[]) {
    const problems = files.reduce((n, f) => n + f.problems.length, 0);
    const listed = files.slice(0, MAX_FILES_SHOWN).map((f) => formatProblems(f.file, f.problems));
    if (files.length > MAX_FILES_SHOWN) listed.push(`… and ${files.length - MAX_FILES_SHOWN} more invalid files not shown`);
    super(
      `${files.length} workload files are invalid:\n${listed.join('\n')}\n` +
        `${problems} problem${problems === 1 ? '' : 's'} in ${files.length} files; see \`ecs-or-eks init\` for a commented template.`,
    );
  }
}

/** Nothing is advised (or written) while any file is invalid: one file keeps the usual message, several are listed together. */
export function throwIfInvalid(invalid: readonly InputError[]): void {
  if (invalid.length === 1) throw invalid[0]!;
  if (invalid.length > 1) throw new WorkloadFilesError(invalid);
}
