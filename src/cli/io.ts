/**
 * Everything the CLI touches in the outside world, injected so in-process tests can run the real
 * commander program against fake streams, a temp folder and a fixed clock.
 */
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { InputError, OutputError, UsageError } from './errors.js';
import { clip, sanitize } from './sanitize.js';
import { MAX_INPUT_BYTES } from '../schema/limits.js';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
  /**
   * Resolves once every write so far has reached the OS, with the first write error if there was
   * one (EPIPE when the reader went away, ENOSPC on a full disk). Streams without it never fail.
   */
  settled?(): Promise<NodeJS.ErrnoException | undefined>;
}

export interface InStream extends AsyncIterable<Buffer | string> {
  isTTY?: boolean;
}

export interface CliContext {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
}

export function processContext(): CliContext {
  return {
    stdout: guardedStream(process.stdout),
    stderr: guardedStream(process.stderr),
    // Read on first use: process.stdin builds a stream (and loads fs's streams) that only commands
    // reading `-` or asking questions need, not `--version` or `--help`.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

/**
 * A process stream whose write errors are recorded instead of crashing the process: a closed pipe
 * (`| head`) or a full disk emits an 'error' event that, unhandled, would end in a stack trace.
 * After the first error further writes are dropped; `settled()` reports it to `main()`.
 */
function guardedStream(stream: NodeJS.WriteStream): OutStream {
  let failure: NodeJS.ErrnoException | undefined;
  let pending = 0;
  const waiters: Array<() => void> = [];
  stream.on('error', (error: NodeJS.ErrnoException) => {
    failure ??= error;
  });
  const done = (error?: Error | null): void => {
    if (error) failure ??= error as NodeJS.ErrnoException;
    pending -= 1;
    if (pending === 0) for (const wake of waiters.splice(0)) wake();
  };
  return {
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    write(chunk: string) {
      if (failure || stream.destroyed) return false;
      pending += 1;
      try {
        return stream.write(chunk, done);
      } catch (error) {
        done(error as Error);
        return false;
      }
    },
    async settled() {
      if (pending > 0) await new Promise<void>((resolve) => waiters.push(resolve));
      return failure;
    },
  };
}

/**
 * `out` with everything written to it passed through the sanitiser (SGR colour codes kept only
 * when `keepColor`), so no user-supplied string can drive the terminal.
 */
export function sanitizedStream(out: OutStream, keepColor: boolean): OutStream {
  return {
    get isTTY() {
      return out.isTTY;
    },
    get columns() {
      return out.columns;
    },
    write: (chunk: string) => out.write(sanitize(chunk, { keepColor })),
    settled: () => out.settled?.() ?? Promise.resolve(undefined),
  };
}

const LIMIT_TEXT = '1 MiB (1,048,576 bytes)';

function tooLarge(name: string, detail: string): InputError {
  return new InputError(name, [{ path: '', message: `${detail}; workload files are limited to ${LIMIT_TEXT}` }]);
}

/**
 * Reads a workload file (or stdin for `-`), counting bytes as they arrive and stopping one byte past
 * the limit: `stat.size` says nothing about `/dev/zero`, a FIFO, `<(yes)` or a pipe.
 */
export async function readInput(file: string, ctx: CliContext): Promise<Uint8Array> {
  if (file === '') throw new UsageError('--input needs a file name (or - for stdin)');
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of ctx.stdin) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buf.byteLength;
      chunks.push(buf);
      if (size > MAX_INPUT_BYTES) throw tooLarge('<stdin>', 'standard input is larger than 1 MiB (stopped reading there)');
    }
    return Buffer.concat(chunks);
  }
  const full = path.resolve(ctx.cwd, file);
  const shown = clip(file);
  let handle: fs.FileHandle | undefined;
  try {
    const stat = await fs.stat(full);
    if (stat.isDirectory()) throw new UsageError(`${shown} is a folder; give the path of a workload file`);
    if (stat.isFile() && stat.size > MAX_INPUT_BYTES) throw tooLarge(shown, `file is ${stat.size} bytes`);
    handle = await fs.open(full, 'r');
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      chunks.push(buffer.subarray(0, bytesRead));
      if (size > MAX_INPUT_BYTES) throw tooLarge(shown, 'input is larger than 1 MiB (stopped reading there)');
    }
    return Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${shown}: no such file; create one with \`ecs-or-eks init ${shown}\``);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`${shown}: permission denied`);
    if (code === 'EISDIR') throw new UsageError(`${shown} is a folder; give the path of a workload file`);
    if (code === 'ENOTDIR') throw new UsageError(`${shown}: a part of the path is not a folder`);
    throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Checks, before any work (and before a questionnaire whose answers would be lost), that `file`
 * can be written: a name at all, an existing folder we may write in, not a folder itself.
 */
export async function checkWritable(file: string, ctx: CliContext, flag: string): Promise<void> {
  if (file.trim() === '') throw new UsageError(`${flag} needs a file name`);
  const full = path.resolve(ctx.cwd, file);
  const dir = path.dirname(full);
  const shown = clip(file);
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat) throw new UsageError(`cannot write ${shown} (${flag}): folder ${clip(path.dirname(file) || '.')} does not exist`);
  if (!stat.isDirectory()) throw new UsageError(`cannot write ${shown} (${flag}): ${clip(dir)} is not a folder`);
  const target = await fs.stat(full).catch(() => undefined);
  if (target?.isDirectory()) throw new UsageError(`cannot write ${shown} (${flag}): it is a folder`);
  try {
    await fs.access(dir, fsConstants.W_OK);
    if (target) await fs.access(full, fsConstants.W_OK);
  } catch {
    throw new UsageError(`cannot write ${shown} (${flag}): permission denied`);
  }
}

/** True when `a` and `b` name the same file (same path, or the same inode through links). */
export async function sameFile(a: string, b: string, ctx: CliContext): Promise<boolean> {
  const [fa, fb] = [path.resolve(ctx.cwd, a), path.resolve(ctx.cwd, b)];
  if (fa === fb) return true;
  const [sa, sb] = await Promise.all([fs.stat(fa).catch(() => undefined), fs.stat(fb).catch(() => undefined)]);
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * Writes a file atomically: a temp file in the same folder, then rename, so a reader (or a crash)
 * never sees half a report. A file that is replaced keeps its permission bits.
 */
export async function writeFileAtomic(
  file: string,
  content: string,
  ctx: CliContext,
  options: { overwrite?: boolean } = {},
): Promise<void> {
  if (file.trim() === '') throw new UsageError('an output file needs a name');
  const full = path.resolve(ctx.cwd, file);
  const dir = path.dirname(full);
  const shown = clip(file);
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) throw new UsageError(`cannot write ${shown}: ${clip(dir)} is not a folder`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot write ${shown}: folder ${clip(path.dirname(file) || '.')} does not exist`);
  }
  const existing = await fs.stat(full).catch(() => undefined);
  if (existing && options.overwrite === false) throw new UsageError(`${shown} already exists; use --force to overwrite it`);
  if (existing?.isDirectory()) throw new UsageError(`cannot write ${shown}: it is a folder`);
  const tmp = path.join(dir, `.${path.basename(full)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, content, { mode: 0o644, flag: 'wx' });
    if (existing) await fs.chmod(tmp, existing.mode & 0o7777);
    await fs.rename(tmp, full);
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UsageError(`cannot write ${shown}: permission denied`);
    if (code === 'EISDIR') throw new UsageError(`cannot write ${shown}: it is a folder`);
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new OutputError(`cannot write ${shown}: no space left on the device (${code})`);
    throw error;
  }
}
