/** Helpers for the import tests: read fixtures the way the CLI walks folders, and import them in-process. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { importDocuments, type ImportResult } from '../../src/import/index.js';
import { WorkloadSchema } from '../../src/schema/workload.js';

export const FIXTURES = 'test/fixtures-import';
/**
 * The real public files (`../shared/data/import-examples` beside the main checkout; two levels up from a
 * worktree under `wt/`), present on the project's machines and never copied into the repository.
 * Undefined when absent: the tests over them are skipped.
 */
export const EXAMPLES: string | undefined = ['../shared/data/import-examples', '../../shared/data/import-examples']
  .map((p) => relative('.', resolve(p)))
  .find((p) => existsSync(join(p, 'README.md')));

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)))
    .filter((p) => /\.(ya?ml|json)$/i.test(p));
}

/** Imports files and folders (relative to the repository root), as `ecs-or-eks import` would. */
export function importPaths(paths: string[], options: { name?: string; region?: string } = {}): ImportResult {
  const inputs = paths.flatMap((p) => {
    const explicit = !statSync(p).isDirectory();
    return filesUnder(p).map((file) => ({ file: relative('.', file), text: readFileSync(file, 'utf8'), explicit }));
  });
  const outcome = importDocuments(inputs, { ...options, defaultName: 'test' });
  if (!outcome.ok) throw new Error(`import failed: ${JSON.stringify(outcome.files)}`);
  const parsed = WorkloadSchema.safeParse(outcome.result.draft);
  if (!parsed.success) throw new Error(`the draft does not validate: ${JSON.stringify(parsed.error.issues)}`);
  return outcome.result;
}

/** Imports one inline file. */
export function importText(text: string, file = 'inline.yaml'): ImportResult {
  const outcome = importDocuments([{ file, text, explicit: true }], { defaultName: 'inline' });
  if (!outcome.ok) throw new Error(`import failed: ${JSON.stringify(outcome.files)}`);
  return outcome.result;
}

type Entry = Record<string, unknown>;

/** The service, job or daemon named `name` in a draft. */
export function entry(result: ImportResult, section: 'services' | 'jobs' | 'daemons', name: string): Entry {
  const list = (result.draft[section] ?? []) as Entry[];
  const found = list.find((e) => e.name === name);
  if (!found) throw new Error(`no ${section} entry ${name}; have ${list.map((e) => e.name).join(', ')}`);
  return found;
}

/** The note on one field of the entry named `name` (e.g. `cpu`), or on the entry itself with `field` ''. */
export function noteOf(result: ImportResult, section: 'services' | 'jobs' | 'daemons', name: string, field: string): string {
  const list = (result.draft[section] ?? []) as Entry[];
  const index = list.findIndex((e) => e.name === name);
  const path = field ? `${section}[${index}].${field}` : `${section}[${index}]`;
  const note = result.notes.get(path);
  return field ? (note?.comment ?? '') : (note?.above ?? []).join('\n');
}
