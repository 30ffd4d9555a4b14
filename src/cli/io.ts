/**
 * Everything the CLI touches in the outside world, injected so in-process tests can run the real
 * commander program against fake streams, a temp folder and a fixed clock.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { InputError, UsageError } from './errors.js';
import { MAX_INPUT_BYTES } from '../schema/load.js';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
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
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

/** Reads a workload file (or stdin for `-`), refusing anything larger than the input limit. */
export async function readInput(file: string, ctx: CliContext): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of ctx.stdin) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buf.byteLength;
      chunks.push(buf);
      if (size > MAX_INPUT_BYTES) break;
    }
    return Buffer.concat(chunks);
  }
  const full = path.resolve(ctx.cwd, file);
  try {
    const stat = await fs.stat(full);
    if (stat.isDirectory()) throw new UsageError(`${file} is a folder; give the path of a workload file`);
    if (stat.size > MAX_INPUT_BYTES) {
      throw new InputError(file, [{ path: '', message: `file is ${stat.size} bytes; workload files are limited to 1 MiB` }]);
    }
    return await fs.readFile(full);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${file}: no such file; create one with \`ecs-or-eks init ${file}\``);
    if (code === 'EACCES') throw new UsageError(`${file}: permission denied`);
    throw error;
  }
}

/**
 * Writes a file atomically: a temp file in the same folder, then rename, so a reader (or a crash)
 * never sees half a report.
 */
export async function writeFileAtomic(
  file: string,
  content: string,
  ctx: CliContext,
  options: { overwrite?: boolean } = {},
): Promise<void> {
  const full = path.resolve(ctx.cwd, file);
  const dir = path.dirname(full);
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) throw new UsageError(`cannot write ${file}: ${dir} is not a folder`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot write ${file}: folder ${path.dirname(file) || '.'} does not exist`);
  }
  if (options.overwrite === false) {
    const exists = await fs.stat(full).then(
      () => true,
      () => false,
    );
    if (exists) throw new UsageError(`${file} already exists; use --force to overwrite it`);
  }
  const tmp = path.join(dir, `.${path.basename(full)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, content, { mode: 0o644 });
    await fs.rename(tmp, full);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UsageError(`cannot write ${file}: permission denied`);
    if (code === 'EISDIR') throw new UsageError(`cannot write ${file}: it is a folder`);
    throw error;
  }
}
