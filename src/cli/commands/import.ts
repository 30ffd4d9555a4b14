/**
 * `ecs-or-eks import PATH...`: reads files and folders (recursively, in sorted order; `-` = stdin),
 * hands their text to the pure importer and prints the draft `workload.yaml` (or writes it with
 * `-o`). All the I/O of the import lives here: folder walks, the size limit, UTF-8, stderr warnings.
 */
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { importDocuments, renderDraftYaml, type ImportInput, type ImportResult } from '../../import/index.js';
import { MAX_INPUT_BYTES } from '../../schema/limits.js';
import { validateWorkload } from '../../schema/load.js';
import { formatProblems, InputError, UsageError } from '../errors.js';
import { readInput, writeFileAtomic, type CliContext } from '../io.js';

interface ImportFlags {
  out?: string;
  name?: string;
  region?: string;
  format: 'yaml' | 'json';
}

/** File names that say nothing about the workload; the folder above names it instead. */
const GENERIC_NAMES = new Set([
  'all',
  'compose',
  'deploy',
  'deployment',
  'docker-compose',
  'k8s',
  'kubernetes',
  'kubernetes-manifests',
  'manifest',
  'manifests',
  'plan',
  'task-definition',
  'taskdef',
  'tfplan',
]);

const READABLE = /\.(ya?ml|json)$/i;
/** Folders a walk never enters: version control, dependencies, tool caches. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform']);

/**
 * Reads `paths` and imports them: the draft, its notes and warnings. Throws `UsageError` for a path
 * that cannot be read and `InputError` (with FILE:LINE:COL problems) for a malformed file, before
 * anything is written. `advise --import` reuses this for the questionnaire's defaults.
 */
export async function importPaths(
  paths: string[],
  ctx: CliContext,
  options: { name?: string; region?: string } = {},
): Promise<ImportResult> {
  if (paths.length === 0) throw new UsageError('give at least one file or folder to import (- for stdin)');
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('- (stdin) can be given only once');
  const inputs: ImportInput[] = [];
  for (const p of paths) inputs.push(...(await readPath(p, ctx)));
  const outcome = importDocuments(inputs, { ...options, defaultName: defaultName(paths, ctx) });
  if (!outcome.ok) {
    const [last, ...others] = [...outcome.files].reverse();
    for (const f of others.reverse()) ctx.stderr.write(`${formatProblems(f.file, f.problems)}\n`);
    throw new InputError(last!.file, last!.problems);
  }
  const { found, skipped } = outcome.result;
  if (found.services + found.jobs + found.daemons === 0) {
    const kinds = [...new Set(skipped.map((s) => s.kind))];
    throw new UsageError(
      `found no workload to import in ${paths.join(', ')}` +
        (kinds.length ? ` (only ${kinds.slice(0, 6).join(', ')}${kinds.length > 6 ? ', …' : ''})` : '') +
        '; give Kubernetes workloads (Deployment, StatefulSet, DaemonSet, Job, CronJob…), ECS task definitions, Compose services or a Terraform plan',
    );
  }
  const check = validateWorkload(outcome.result.draft);
  if (!check.ok) {
    throw new Error(`the imported draft does not validate: ${check.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  }
  return outcome.result;
}

/** The `import` command: the draft to stdout or `--out`, warnings and a summary to stderr. */
export async function runImport(ctx: CliContext, paths: string[], flags: ImportFlags): Promise<void> {
  const result = await importPaths(paths, ctx, { name: flags.name, region: flags.region });
  for (const w of result.warnings) ctx.stderr.write(`warning: ${w}\n`);
  const text = flags.format === 'json' ? `${JSON.stringify(result.draft, null, 2)}\n` : renderDraftYaml(result);
  const f = result.found;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const summary =
    `imported ${count(f.services, 'service')}, ${count(f.jobs, 'job')} and ${count(f.daemons, 'daemon')} ` +
    `from ${count(result.sources.length, 'file')}; ${count(result.todos.length, 'TODO')} to review`;
  if (flags.out) {
    await writeFileAtomic(flags.out, text, ctx);
    ctx.stderr.write(`${summary}\nwrote ${flags.out}; review its TODOs, then run: ecs-or-eks advise --input ${flags.out}\n`);
  } else {
    ctx.stdout.write(text);
    ctx.stderr.write(`${summary}\n`);
  }
}

function defaultName(paths: string[], ctx: CliContext): string {
  const first = paths.find((p) => p !== '-');
  if (first === undefined) return 'imported';
  const full = path.resolve(ctx.cwd, first);
  const base = path.basename(full).replace(READABLE, '');
  return GENERIC_NAMES.has(base.toLowerCase()) ? path.basename(path.dirname(full)) : base;
}

/** One path: stdin, a file (any extension; its content decides), or a folder walked for YAML and JSON files. */
async function readPath(p: string, ctx: CliContext): Promise<ImportInput[]> {
  if (p === '-') {
    const bytes = await readInput('-', ctx);
    return [{ file: '<stdin>', text: decode('<stdin>', bytes), explicit: true }];
  }
  const full = path.resolve(ctx.cwd, p);
  const stat = await fs.stat(full).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new UsageError(`${p}: no such file or folder`);
    if (error.code === 'EACCES') throw new UsageError(`${p}: permission denied`);
    throw error;
  });
  if (!stat.isDirectory()) return [await readFile(p, full, stat.size, true)];
  const files: { shown: string; full: string }[] = [];
  await walk(p, full, files, new Set());
  const out: ImportInput[] = [];
  for (const f of files) {
    const s = await fs.stat(f.full);
    out.push(await readFile(f.shown, f.full, s.size, false));
  }
  if (out.length === 0) throw new UsageError(`${p}: the folder holds no .yaml, .yml or .json file`);
  return out;
}

async function walk(shown: string, full: string, out: { shown: string; full: string }[], seen: Set<string>): Promise<void> {
  const real = await fs.realpath(full);
  if (seen.has(real)) return;
  seen.add(real);
  let entries: Dirent[];
  try {
    entries = await fs.readdir(full, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${shown}: cannot read the folder${code === 'EACCES' || code === 'EPERM' ? ' (permission denied)' : ` (${code ?? 'error'})`}`,
    );
  }
  const names = entries.map((e) => e.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const entry = entries.find((e) => e.name === name)!;
    const childFull = path.join(full, name);
    const childShown = path.join(shown, name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await fs.stat(childFull).catch(() => undefined);
      isDir = Boolean(target?.isDirectory());
      isFile = Boolean(target?.isFile());
    }
    if (isDir) {
      if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name)) await walk(childShown, childFull, out, seen);
    } else if (isFile && READABLE.test(name)) out.push({ shown: childShown, full: childFull });
  }
}

async function readFile(shown: string, full: string, size: number, explicit: boolean): Promise<ImportInput> {
  if (size > MAX_INPUT_BYTES) throw new InputError(shown, [{ path: '', message: `file is ${size} bytes; files are limited to 1 MiB` }]);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${shown}: cannot read the file${code === 'EACCES' ? ' (permission denied)' : ` (${code ?? 'error'})`}`);
  }
  return { file: shown, text: decode(shown, bytes), explicit };
}

function decode(file: string, bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_INPUT_BYTES) {
    throw new InputError(file, [{ path: '', message: `input is more than ${MAX_INPUT_BYTES} bytes; files are limited to 1 MiB` }]);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(file, [{ path: '', message: 'file is not valid UTF-8; save it as UTF-8 text' }]);
  }
}
