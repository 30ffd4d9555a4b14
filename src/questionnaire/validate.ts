/**
 * Per-answer validation with the ONE workload schema: the answer is put into the draft workload at
 * its place and the whole draft goes through `WorkloadSchema`; the first problem reported at that
 * place is the message the user sees. Field rules (ranges, whole numbers) and cross-field rules (peak ≥
 * replicas, Windows not on ARM, unique names) therefore read exactly as they do for a file.
 */
import { z } from 'zod';
import { formatNumber } from '../schema/numbers.js';
import { WorkloadSchema, type WorkloadInput } from '../schema/workload.js';
import type { Verdict } from './prompter.js';

export type Path = readonly (string | number)[];

/** Writes `value` at `path` in place (objects/arrays created on the way; `undefined` deletes the key). */
export function setAt(target: object, path: Path, value: unknown): void {
  let node = target as Record<string | number, unknown>;
  path.forEach((segment, i) => {
    if (i === path.length - 1) {
      if (value === undefined) delete node[segment];
      else node[segment] = value;
      return;
    }
    const next = node[segment];
    if (next === undefined || next === null || typeof next !== 'object') node[segment] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[segment] as Record<string | number, unknown>;
  });
}

/** A deep copy of `draft` with `value` written at `path`. */
export function withValue(draft: WorkloadInput, path: Path, value: unknown): WorkloadInput {
  const copy = structuredClone(draft);
  setAt(copy, path, value);
  return copy;
}

const startsWith = (issuePath: readonly PropertyKey[], prefix: Path) =>
  prefix.length <= issuePath.length && prefix.every((segment, i) => issuePath[i] === segment);

/** `true`, or the schema's first message about any of `paths` in `candidate`. */
export function verdictAt(candidate: WorkloadInput, paths: readonly Path[]): Verdict {
  const result = WorkloadSchema.safeParse(candidate);
  if (result.success) return true;
  const issue = result.error.issues.find((i) => paths.some((p) => startsWith(i.path, p)));
  return issue ? issue.message : true;
}

/** `verdictAt` for one answer: would `value` at `path` be valid in this draft? */
export function checkAnswer(draft: WorkloadInput, path: Path, value: unknown): Verdict {
  return verdictAt(withValue(draft, path, value), [path]);
}

/** Issue codes that mean "this number is out of range or not a number", where the range helps. */
const RANGE_CODES = new Set(['too_small', 'too_big', 'invalid_type', 'not_multiple_of']);

/**
 * `checkAnswer` for a number, with the allowed range and the unit added to a range message
 * ("… must be greater than 0 — enter a number above 0, up to 192 vCPU"), read from the schema itself.
 */
export function checkNumber(draft: WorkloadInput, path: Path, value: number, unit?: string): Verdict {
  const result = WorkloadSchema.safeParse(withValue(draft, path, value));
  if (result.success) return true;
  const issue = result.error.issues.find((i) => startsWith(i.path, path));
  if (!issue) return true;
  const exact = issue.path.length === path.length;
  const range = exact && RANGE_CODES.has(issue.code) ? rangeAt(path) : undefined;
  return range ? `${issue.message} — enter ${range}${unit ? ` ${unit}` : ''}` : issue.message;
}

/** "a whole number from 0 to 1,000,000", "a number above 0, up to 192" — the schema's bounds at `path`. */
export function rangeAt(path: Path): string | undefined {
  const schema = schemaAt(path);
  if (!(schema instanceof z.ZodNumber)) return undefined;
  let min: { value: number; inclusive: boolean } | undefined;
  let max: { value: number; inclusive: boolean } | undefined;
  for (const check of schema._zod.def.checks ?? []) {
    const def = check._zod.def as { check: string; value?: unknown; inclusive?: boolean };
    if (typeof def.value !== 'number') continue;
    if (def.check === 'greater_than') min = { value: def.value, inclusive: def.inclusive ?? true };
    if (def.check === 'less_than') max = { value: def.value, inclusive: def.inclusive ?? true };
  }
  const n = (x: number) => formatNumber(x);
  const kind = schema.isInt ? 'a whole number' : 'a number';
  if (min && max)
    return min.inclusive ? `${kind} from ${n(min.value)} to ${n(max.value)}` : `${kind} above ${n(min.value)}, up to ${n(max.value)}`;
  if (min) return `${kind} ${min.inclusive ? 'of at least' : 'above'} ${n(min.value)}`;
  if (max) return `${kind} up to ${n(max.value)}`;
  return kind;
}

/** The schema of the field at `path` (list items by index), through defaults, optionals and pipes. */
function schemaAt(path: Path): z.ZodType | undefined {
  let schema: z.ZodType = WorkloadSchema;
  for (const segment of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) {
      const next = (schema.shape as Record<string, z.ZodType>)[String(segment)];
      if (!next) return undefined;
      schema = next;
    } else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else return undefined;
  }
  return unwrap(schema);
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = current._zod.def as { innerType?: z.ZodType; in?: z.ZodType; type: string };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}
