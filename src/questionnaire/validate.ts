/**
 * Per-answer validation with the ONE workload schema: the answer is put into the draft workload at
 * its place and the whole draft goes through `WorkloadSchema`; the first problem reported at that
 * place is the message the user sees. Field rules (ranges, whole numbers) and cross-field rules (peak ≥
 * replicas, Windows not on ARM, unique names) therefore read exactly as they do for a file.
 */
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
