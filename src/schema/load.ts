/**
 * Turns the bytes of a workload file (YAML or JSON — JSON is read by the YAML parser, which gives us
 * positions for both) into a validated `Workload`, or into a list of problems, each with a line and
 * column. Never throws for bad input: problems are data, so the CLI can print all of them at once.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { crossFieldProblems, knownKeysAt, resolveWorkload, WorkloadSchema, type Workload } from './workload.js';

import { LIST_LIMITS, MAX_INPUT_BYTES } from './limits.js';
import { closest } from './suggest.js';
import { compareText, formatNumber } from './numbers.js';
import { instanceTypeProblem, type InstanceTypeCatalog } from './instance-types.js';

export { MAX_INPUT_BYTES, closest };
/**
 * Lists and mappings may nest this deep. A real workload file nests 4 levels
 * (`cost.ec2.instanceTypes[0]`); the cap turns a pathological file (100,000 nested `[`) into one
 * clear problem instead of a stack overflow somewhere in the parser or the validator.
 */
export const MAX_NESTING_DEPTH = 32;

export interface Problem {
  /** `path.to.field`, or empty for problems with the file as a whole. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export type LoadResult = { ok: true; workload: Workload } | { ok: false; problems: Problem[] };

/** What the loader cannot know by itself; the CLI supplies it. */
export interface LoadOptions {
  /**
   * The instance types the tool knows. When given, every `cost.ec2.instanceTypes` entry must be one
   * of them (a "did you mean" otherwise). Called only for a workload that lists instance types.
   */
  instanceTypes?: () => InstanceTypeCatalog;
}

/** Decodes and parses raw bytes; rejects oversize and non-UTF-8 input before parsing. */
export function loadWorkload(bytes: Uint8Array, options: LoadOptions = {}): LoadResult {
  if (bytes.byteLength > MAX_INPUT_BYTES) {
    return fail({ path: '', message: `file is ${bytes.byteLength} bytes; workload files are limited to 1 MiB` });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail({ path: '', message: 'file is not valid UTF-8; save it as UTF-8 text' });
  }
  return loadWorkloadText(text, options);
}

export function loadWorkloadText(text: string, options: LoadOptions = {}): LoadResult {
  const lineCounter = new LineCounter();
  // Duplicate keys are found below in one pass: the parser's own check compares every key with
  // every earlier one, which takes minutes for the ~100,000 keys a 1 MiB file can hold.
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  const syntax = doc.errors;
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  // The parser survives deep recursion by reporting "Maximum call stack size exceeded" as a syntax
  // error (often many times over); one clear problem says what is actually wrong.
  const overflow = syntax.find((e) => isStackOverflow(e.message));
  if (overflow) return fail(tooDeep(at(overflow.pos[0])));
  if (syntax.length > 0) {
    return {
      ok: false,
      problems: syntax.map((e) => ({ path: '', message: describeYamlError(e.message), ...at(e.pos[0]) })),
    };
  }
  const deep = firstTooDeep(doc.contents);
  if (deep !== undefined) return fail(tooDeep(deep === null ? { line: 1, column: 1 } : at(deep)));
  const duplicates = duplicateKeys(doc.contents);
  if (duplicates.length > 0) {
    return {
      ok: false,
      problems: duplicates.map((d) => ({
        path: '',
        message: `duplicate key "${clipKey(d.key)}": each key may appear only once in a mapping`,
        ...at(d.offset),
      })),
    };
  }

  let raw: unknown;
  try {
    // Alias expansion is capped so a "billion laughs" file fails fast instead of eating memory.
    raw = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isStackOverflow(message)) return fail(tooDeep({ line: 1, column: 1 }));
    return fail({
      path: '',
      message: /alias/i.test(message) ? 'too many YAML aliases (a YAML "alias bomb"); write the values out instead' : message,
    });
  }
  if (raw === null || raw === undefined)
    return fail({ path: '', message: 'file is empty; start from `ecs-or-eks init`', line: 1, column: 1 });
  // Aliases can nest what the text does not (`a: &a [*b]` …); check the expanded value too.
  if (!withinDepth(raw)) return fail(tooDeep({ line: 1, column: 1 }));
  return validateWorkload(raw, (path, key) => locate(doc, lineCounter, path, key), options);
}

function isStackOverflow(message: string): boolean {
  return /maximum call stack|too much recursion/i.test(message);
}

function tooDeep(position: { line: number; column: number }): Problem {
  return {
    path: '',
    message: `lists and mappings nest more than ${MAX_NESTING_DEPTH} levels deep; a workload file needs at most 4`,
    ...position,
  };
}

/**
 * The offset of the first node nested deeper than `MAX_NESTING_DEPTH` (null if it has no range),
 * or undefined when the document is within the limit. Iterative, so it cannot overflow itself.
 */
function firstTooDeep(root: unknown): number | null | undefined {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_NESTING_DEPTH) return isNodeWithRange(node) && node.range ? node.range[0] : null;
    for (const item of node.items) {
      if (isPair(item)) {
        stack.push({ node: item.key, depth: depth + 1 });
        stack.push({ node: item.value, depth: depth + 1 });
      } else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Every key that repeats an earlier key of the same mapping (scalar keys, compared by value), in one pass. */
function duplicateKeys(root: unknown): Array<{ key: string; offset: number }> {
  const found: Array<{ key: string; offset: number }> = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key)) {
          const id = `${typeof pair.key.value}:${String(pair.key.value)}`;
          if (seen.has(id)) found.push({ key: String(pair.key.value), offset: pair.key.range?.[0] ?? 0 });
          seen.add(id);
        }
        stack.push(pair.key, pair.value);
      }
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Whether a plain value (after alias expansion) nests at most `MAX_NESTING_DEPTH` levels. */
function withinDepth(root: unknown): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_NESTING_DEPTH) return false;
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return true;
}

/** Validates an already-parsed object (the questionnaire's answers go through here too). */
/** Lists longer than the documented limits (services, jobs, daemons, subnets, instance types). */
function tooLongLists(raw: unknown): (Problem & { at: (string | number)[] })[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const w = raw as Record<string, unknown>;
  const child = (v: unknown, key: string): unknown =>
    typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  const lists: [(string | number)[], unknown, number, string][] = [
    [['services'], w['services'], LIST_LIMITS.services, 'services'],
    [['jobs'], w['jobs'], LIST_LIMITS.jobs, 'jobs'],
    [['daemons'], w['daemons'], LIST_LIMITS.daemons, 'daemons'],
    [['network', 'subnets'], child(w['network'], 'subnets'), LIST_LIMITS.subnets, 'subnets'],
    [['cost', 'ec2', 'instanceTypes'], child(child(w['cost'], 'ec2'), 'instanceTypes'), LIST_LIMITS.instanceTypes, 'instance types'],
  ];
  return lists
    .filter(([, v, max]) => Array.isArray(v) && v.length > max)
    .map(([at, v, max, what]) => ({
      at,
      path: formatPath(at),
      message: `${formatNumber((v as unknown[]).length)} ${what}; at most ${formatNumber(max)} are allowed (split the estate into several workload files)`,
    }));
}

export function validateWorkload(
  raw: unknown,
  locateFn: (path: readonly PropertyKey[], key?: string) => { line: number; column: number } | undefined = () => undefined,
  options: LoadOptions = {},
): LoadResult {
  let result: ReturnType<typeof WorkloadSchema.safeParse>;
  // A list far beyond its limit is refused before every element of it is checked.
  const long = tooLongLists(raw);
  if (long.length > 0) return { ok: false, problems: long.map((p) => ({ ...p, ...locateFn(p.at) })).map(({ at: _at, ...p }) => p) };
  try {
    if (!withinDepth(raw)) return fail(tooDeep({ line: 1, column: 1 }));
    // Without zod's JIT: on its first parse each object schema compiles a validator with `new
    // Function`, which costs more than it saves for a file checked once (~7 ms of a cold `advise`,
    // most of the parse). The answers and messages are the same either way.
    result = WorkloadSchema.safeParse(raw, { jitless: true });
  } catch (error) {
    // The depth cap makes this unreachable for files; it guards values handed in directly.
    if (error instanceof RangeError) return fail(tooDeep({ line: 1, column: 1 }));
    throw error;
  }
  if (result.success) {
    const unknown = unknownInstanceTypes(raw, options, new Set());
    if (unknown.length === 0) return { ok: true, workload: resolveWorkload(result.data) };
    return {
      ok: false,
      problems: sortProblems(unknown.map((p) => ({ path: formatPath(p.path), message: p.message, ...locateFn(p.path) }))),
    };
  }
  const zodIssues = result.error.issues;

  // A typo is one problem: `replica: 3` is reported as the unknown key "replica" (did you mean
  // "replicas"?), not also as "replicas is required" or a cross-field check on the missing field.
  const typos = new Map<string, { key: string; suggestion: string | undefined; known: string[] }>();
  for (const issue of zodIssues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeysAt(issue.path as (string | number)[]);
    for (const key of issue.keys) {
      typos.set(formatPath([...issue.path, key]), { key, suggestion: closest(key, known), known });
    }
  }
  const coveredByTypo = new Set<string>();
  for (const issue of zodIssues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const suggestion = typos.get(formatPath([...issue.path, key]))?.suggestion;
      if (suggestion !== undefined && valueAt(raw, [...issue.path, suggestion]) === undefined) {
        coveredByTypo.add(formatPath([...issue.path, suggestion]));
      }
    }
  }

  // The schema runs some of the cross-field checks itself; they are filtered below with the rest.
  const crossField = crossFieldProblems(raw);
  const crossIds = new Set(crossField.map((p) => `${formatPath(p.path)}\u0000${p.message}`));
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const failed = new Set<string>();
  const add = (path: readonly PropertyKey[], message: string, key?: string) => {
    const id = `${formatPath(key === undefined ? path : [...path, key])}\u0000${message}`;
    if (seen.has(id)) return;
    seen.add(id);
    problems.push({ path: formatPath(key === undefined ? path : [...path, key]), message, ...locateFn(path, key) });
  };
  for (const issue of zodIssues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const typo = typos.get(formatPath([...issue.path, key]))!;
        const hint = typo.suggestion
          ? `; did you mean "${typo.suggestion}"?`
          : typo.known.length > 0
            ? `; expected one of: ${typo.known.join(', ')}`
            : '';
        add(issue.path, `unknown key "${clipKey(key)}"${hint}`, key);
      }
      continue;
    }
    const where = formatPath(issue.path);
    if (crossIds.has(`${where}\u0000${issue.message}`)) continue;
    failed.add(where);
    if (coveredByTypo.has(where)) continue;
    add(issue.path, issue.message);
  }
  // Cross-field checks run on the raw input (zod skips refinements once a field failed), but not
  // on a field that already failed, nor on one whose check names a sibling that failed: "peakReplicas
  // (2) must be at least replicas (2.5)" says nothing new after "replicas must be a whole number".
  for (const extra of crossField) {
    const where = formatPath(extra.path);
    if (failed.has(where) || coveredByTypo.has(where) || namesFailedSibling(extra, failed)) continue;
    add(extra.path, extra.message);
  }
  for (const extra of unknownInstanceTypes(raw, options, failed)) add(extra.path, extra.message);
  return { ok: false, problems: sortProblems(problems) };
}

/** `cost.ec2.instanceTypes` entries the catalog does not know (those the schema already refused are skipped). */
function unknownInstanceTypes(
  raw: unknown,
  options: LoadOptions,
  failed: ReadonlySet<string>,
): { path: (string | number)[]; message: string }[] {
  const list = valueAt(raw, ['cost', 'ec2', 'instanceTypes']);
  if (!options.instanceTypes || !Array.isArray(list) || list.length === 0) return [];
  const catalog = options.instanceTypes();
  return list.flatMap((type: unknown, i) => {
    const path = ['cost', 'ec2', 'instanceTypes', i];
    if (typeof type !== 'string' || failed.has(formatPath(path))) return [];
    const message = instanceTypeProblem(type, catalog);
    return message === undefined ? [] : [{ path, message }];
  });
}

function namesFailedSibling(problem: { path: readonly (string | number)[]; message: string }, failed: ReadonlySet<string>): boolean {
  const parent = problem.path.slice(0, -1);
  return knownKeysAt(parent).some(
    (key) => failed.has(formatPath([...parent, key])) && new RegExp(`(^|[^A-Za-z])${key}([^A-Za-z]|$)`).test(problem.message),
  );
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** A key as it may appear in a one-line message: control characters visible, at most 60 characters. */
function clipKey(key: string): string {
  // eslint-disable-next-line no-control-regex
  const visible = key.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return visible.length > 60 ? `${visible.slice(0, 59)}…` : visible;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${clipKey(String(seg))}` : clipKey(String(seg))),
    '',
  );
}

/** Line/column of the value at `path` (or of `key` inside it); walks up to the nearest existing node. */
/** Each mapping's pairs by key, built once per mapping: looking keys up one by one is quadratic. */
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      if (isPair(p) && isScalar(p.key)) {
        const k = String(p.key.value);
        if (!index.has(k)) index.set(k, p);
      }
    }
    pairIndexes.set(map, index);
  }
  return index.get(key);
}

function locate(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[], key?: string) {
  let node: unknown = doc.contents;
  let best: Node | undefined = isNodeWithRange(node) ? node : undefined;
  const segments = key === undefined ? path : [...path, { key }];
  for (const seg of segments) {
    if (isMap(node)) {
      const wanted = typeof seg === 'object' ? seg.key : String(seg);
      const pair = pairOf(node, wanted);
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

function describeYamlError(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return `not valid YAML/JSON: ${first}`;
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0) || compareText(a.path, b.path),
  );
}

function fail(problem: Problem): LoadResult {
  return { ok: false, problems: [problem] };
}
