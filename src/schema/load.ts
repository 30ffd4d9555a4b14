/**
 * Turns the bytes of a workload file (YAML or JSON — JSON is read by the YAML parser, which gives us
 * positions for both) into a validated `Workload`, or into a list of problems, each with a line and
 * column. Never throws for bad input: problems are data, so the CLI can print all of them at once.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { crossFieldProblems, knownKeysAt, resolveWorkload, WorkloadSchema, type Workload } from './workload.js';

export const MAX_INPUT_BYTES = 1024 * 1024;

export interface Problem {
  /** `path.to.field`, or empty for problems with the file as a whole. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export type LoadResult = { ok: true; workload: Workload } | { ok: false; problems: Problem[] };

/** Decodes and parses raw bytes; rejects oversize and non-UTF-8 input before parsing. */
export function loadWorkload(bytes: Uint8Array): LoadResult {
  if (bytes.byteLength > MAX_INPUT_BYTES) {
    return fail({ path: '', message: `file is ${bytes.byteLength} bytes; workload files are limited to 1 MiB` });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail({ path: '', message: 'file is not valid UTF-8; save it as UTF-8 text' });
  }
  return loadWorkloadText(text);
}

export function loadWorkloadText(text: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const syntax = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'DUPLICATE_KEY')];
  if (syntax.length > 0) {
    return {
      ok: false,
      problems: syntax.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { path: '', message: describeYamlError(e.code, e.message), line: pos.line, column: pos.col };
      }),
    };
  }

  let raw: unknown;
  try {
    // Alias expansion is capped so a "billion laughs" file fails fast instead of eating memory.
    raw = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail({
      path: '',
      message: /alias/i.test(message) ? 'too many YAML aliases (a YAML "alias bomb"); write the values out instead' : message,
    });
  }
  if (raw === null || raw === undefined)
    return fail({ path: '', message: 'file is empty; start from `ecs-or-eks init`', line: 1, column: 1 });
  return validateWorkload(raw, (path) => locate(doc, lineCounter, path));
}

/** Validates an already-parsed object (the questionnaire's answers go through here too). */
export function validateWorkload(
  raw: unknown,
  locateFn: (path: readonly PropertyKey[], key?: string) => { line: number; column: number } | undefined = () => undefined,
): LoadResult {
  const result = WorkloadSchema.safeParse(raw);
  if (result.success) return { ok: true, workload: resolveWorkload(result.data) };
  const issues: z.core.$ZodIssue[] = [...result.error.issues];
  const seen = new Set(issues.map((i) => `${formatPath(i.path)}\u0000${i.message}`));
  for (const extra of crossFieldProblems(raw)) {
    if (!seen.has(`${formatPath(extra.path)}\u0000${extra.message}`)) issues.push({ code: 'custom', input: undefined, ...extra });
  }
  return { ok: false, problems: sortProblems(issues.flatMap((issue) => toProblems(issue, locateFn))) };
}

function toProblems(
  issue: z.core.$ZodIssue,
  locateFn: (path: readonly PropertyKey[], key?: string) => { line: number; column: number } | undefined,
): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(issue.path as (string | number)[]);
    return issue.keys.map((key) => {
      const suggestion = closest(key, known);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : known.length > 0 ? `; expected one of: ${known.join(', ')}` : '';
      return { path: formatPath([...issue.path, key]), message: `unknown key "${key}"${hint}`, ...locateFn(issue.path, key) };
    });
  }
  return [{ path: formatPath(issue.path), message: issue.message, ...locateFn(issue.path) }];
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)), '');
}

/** Line/column of the value at `path` (or of `key` inside it); walks up to the nearest existing node. */
function locate(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[], key?: string) {
  let node: unknown = doc.contents;
  let best: Node | undefined = isNodeWithRange(node) ? node : undefined;
  const segments = key === undefined ? path : [...path, { key }];
  for (const seg of segments) {
    if (isMap(node)) {
      const wanted = typeof seg === 'object' ? seg.key : String(seg);
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === wanted);
      if (!pair) break;
      if (typeof seg === 'object') {
        best = isNodeWithRange(pair.key) ? pair.key : best;
        break;
      }
      node = pair.value;
      // Point at the key when the value is missing (`cpu:` with nothing after it).
      best = isNodeWithRange(node) ? node : isNodeWithRange(pair.key) ? pair.key : best;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (isNodeWithRange(node)) best = node;
      else break;
    } else break;
  }
  if (!best?.range) return undefined;
  const pos = lineCounter.linePos(best.range[0]);
  return { line: pos.line, column: pos.col };
}

function isNodeWithRange(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value && Array.isArray((value as Node).range);
}

function describeYamlError(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  if (code === 'DUPLICATE_KEY')
    return `duplicate key: ${first.replace(/^Map keys must be unique.*$/, 'each key may appear only once in a mapping')}`;
  return `not valid YAML/JSON: ${first}`;
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0) || a.path.localeCompare(b.path),
  );
}

function fail(problem: Problem): LoadResult {
  return { ok: false, problems: [problem] };
}

/** The known key closest to `word` by edit distance, if it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
