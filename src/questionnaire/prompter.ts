/**
 * The thin prompt adapter (code-style anchors §8 item 10). The interview talks only to `Prompter`, so
 * unit tests can script it, and the terminal implementation is a few lines over `@inquirer/prompts`.
 */
import { styleText } from 'node:util';
import { checkbox, confirm, input, number, search, select } from '@inquirer/prompts';

/** Either `true` or the message to show under the prompt (the schema's own wording). */
export type Verdict = true | string;

export interface Choice<T extends string> {
  value: T;
  /** What the user sees in the list. */
  name: string;
  /** Shown under the list while the choice is highlighted. */
  description?: string;
  /** Shown as the answer once chosen (default: `name`). */
  short?: string;
  /** Checkbox only: ticked at the start. */
  checked?: boolean;
}

interface QuestionBase {
  /** A stable id (`service.cpu`, `team.engineers` …): scripted tests answer by id, not by wording. */
  id: string;
  message: string;
  /** The one-line "why we ask", shown with the question. */
  why: string;
}

export interface InputQuestion extends QuestionBase {
  default: string;
  /** Tidies what was typed (e.g. `Checkout API` → `checkout-api`) before it is validated and returned. */
  normalize?: (value: string) => string;
  /** Shown as the answer when the user leaves it empty (e.g. `any`). */
  emptyAnswer?: string;
  validate?: (value: string) => Verdict;
}

export interface NumberQuestion extends QuestionBase {
  default: number;
  validate?: (value: number) => Verdict;
}

/** A number the user may leave out: an empty answer resolves to `undefined`. */
export interface OptionalNumberQuestion extends QuestionBase {
  default?: number;
  /** Shown as the answer when the user leaves it empty (e.g. `skipped`). */
  emptyAnswer: string;
  validate?: (value: number) => Verdict;
}

/**
 * One value from a long list, filtered as the user types. `source` gives the choices for what has
 * been typed so far (`undefined`: nothing yet); it may offer near matches when nothing matches.
 */
export interface SearchQuestion<T extends string> extends QuestionBase {
  source: (term: string | undefined) => readonly Choice<T>[];
  /** The choice highlighted at the start (Enter takes it). */
  default?: T;
  validate?: (value: T) => Verdict;
}

export interface ConfirmQuestion extends QuestionBase {
  default: boolean;
}

export interface SelectQuestion<T extends string> extends QuestionBase {
  choices: readonly Choice<T>[];
  default: T;
}

export interface CheckboxQuestion<T extends string> extends QuestionBase {
  choices: readonly Choice<T>[];
  validate?: (values: readonly T[]) => Verdict;
}

/** Everything the interview needs from a terminal. Each method resolves with a valid answer. */
export interface Prompter {
  input(question: InputQuestion): Promise<string>;
  number(question: NumberQuestion): Promise<number>;
  optionalNumber(question: OptionalNumberQuestion): Promise<number | undefined>;
  search<T extends string>(question: SearchQuestion<T>): Promise<T>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  select<T extends string>(question: SelectQuestion<T>): Promise<T>;
  checkbox<T extends string>(question: CheckboxQuestion<T>): Promise<T[]>;
  /** Text between questions (the intro, the review of the answers), on the prompts' stream. */
  note(text: string): void;
}

/** Where the prompts read and write; the CLI passes `{ output: process.stderr }` so stdout stays for the report. */
export interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  signal?: AbortSignal;
  clearPromptOnDone?: boolean;
  /** False: no colour at all (`--no-color`, NO_COLOR …); the CLI decides. Default: inquirer's own choice. */
  color?: boolean;
}

type Paint = (style: Parameters<typeof styleText>[0], text: string) => string;
const painted: Paint = (style, text) => styleText(style, text);
const plain: Paint = (_style, text) => text;
const same = (text: string) => text;

/**
 * Inquirer's themes colour with `styleText` at import time, whatever the CLI was told; without
 * colour every style is replaced by the identity and every icon by its plain glyph.
 */
function plainTheme() {
  return {
    spinner: { interval: 80, frames: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] },
    style: {
      answer: same,
      message: same,
      error: (text: string) => `> ${text}`,
      defaultAnswer: (text: string) => `(${text})`,
      help: same,
      highlight: same,
      key: (text: string) => `<${text}>`,
      disabled: same,
      description: same,
      keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${action}`).join(' • '),
      searchTerm: same,
    },
    icon: { cursor: '❯', checked: '◉', unchecked: '◯', disabledChecked: '◎', disabledUnchecked: '-' },
  };
}

/**
 * The "why we ask" line sits above the question while it is open and disappears once answered, so
 * the finished transcript is one line per answer. `@inquirer/prompts` has no help line for
 * input/number/confirm, so it goes in the prefix, which every prompt renders first.
 */
function whyTheme(why: string, paint: Paint) {
  return {
    ...(paint === plain ? plainTheme() : {}),
    prefix: {
      idle: `${paint('dim', `  ${why}`)}\n${paint('blue', '?')}`,
      done: paint('green', '✔'),
    },
  };
}

/** Why a prompt was cancelled by a signal; carried on the error the prompter rethrows. */
class PromptSignalled extends Error {
  override readonly name = 'AbortPromptError';
  constructor(readonly signal: 'SIGINT' | 'SIGTERM') {
    super(`cancelled by ${signal}`);
  }
}

/**
 * Runs one prompt with SIGINT and SIGTERM turned into a clean cancel. Without this a `kill` during
 * a prompt ends the process at once (inquirer's own exit hook re-raises the signal before its
 * cleanup has run), leaving the terminal in raw mode with the cursor hidden. With a listener here,
 * the prompt is aborted instead: inquirer restores the terminal, and the CLI prints "cancelled" and
 * exits 130 (SIGINT) or 143 (SIGTERM).
 */
async function withSignals<T>(outer: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let received: 'SIGINT' | 'SIGTERM' | undefined;
  const onInt = () => {
    received ??= 'SIGINT';
    controller.abort(new PromptSignalled('SIGINT'));
  };
  const onTerm = () => {
    received ??= 'SIGTERM';
    controller.abort(new PromptSignalled('SIGTERM'));
  };
  const onOuter = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuter, { once: true });
  if (outer?.aborted) controller.abort(outer.reason);
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    return await run(controller.signal);
  } catch (error) {
    if (received) throw new PromptSignalled(received);
    throw error;
  } finally {
    process.removeListener('SIGINT', onInt);
    process.removeListener('SIGTERM', onTerm);
    outer?.removeEventListener('abort', onOuter);
  }
}

/**
 * The real terminal prompter, built on `@inquirer/prompts`. Ctrl-C rejects with `ExitPromptError`;
 * SIGINT/SIGTERM from outside with an `AbortPromptError` whose `signal` names the signal.
 * Prompts go to stderr unless `context.output` says otherwise, so `advise --format json > advice.json`
 * on a terminal asks its questions on screen and leaves stdout to the report.
 */
export function createInquirerPrompter(context: PromptContext = {}): Prompter {
  const { color, signal: outerSignal, ...streams } = context;
  const paint = color === false ? plain : painted;
  // @inquirer's Context wants concrete stream classes; ours are structurally the same.
  const ctxFor = (signal: AbortSignal) => ({ output: process.stderr, ...streams, signal }) as Parameters<typeof input>[1];
  const guarded = <T>(run: (ctx: Parameters<typeof input>[1]) => Promise<T>) => withSignals(outerSignal, (signal) => run(ctxFor(signal)));
  const toInquirer = <T extends string>(c: Choice<T>) => ({
    value: c.value,
    name: c.name,
    short: c.short ?? c.name,
    ...(c.description ? { description: c.description } : {}),
  });
  return {
    note: (text) => {
      (streams.output ?? process.stderr).write(`${text}\n`);
    },
    optionalNumber: async (q) => {
      const parse = (v: string): number | undefined => (v.trim() === '' ? undefined : Number(v.trim().replace(/[,_]/g, '')));
      const answer = await guarded((ctx) =>
        input(
          {
            message: q.message,
            default: q.default === undefined ? undefined : String(q.default),
            theme: whyTheme(q.why, paint),
            transformer: (value, { isFinal }) => (isFinal ? paint('cyan', value.trim() === '' ? q.emptyAnswer : value.trim()) : value),
            validate: (v: string) => {
              const n = parse(v);
              if (n === undefined) return true;
              if (!Number.isFinite(n)) return `enter a number, or leave it empty (${q.emptyAnswer})`;
              return q.validate ? q.validate(n) : true;
            },
          },
          ctx,
        ),
      );
      return parse(answer);
    },
    search: <T extends string>(q: SearchQuestion<T>) =>
      guarded((ctx) =>
        search<T>(
          {
            message: q.message,
            source: (term) => q.source(term).map(toInquirer),
            ...(q.default !== undefined ? { default: q.default } : {}),
            pageSize: 8,
            theme: whyTheme(q.why, paint),
            ...(q.validate ? { validate: (v: T) => q.validate!(v) } : {}),
          },
          ctx,
        ),
      ),
    input: async (q) => {
      const tidy = q.normalize ?? ((v: string) => v);
      const answer = await guarded((ctx) =>
        input(
          {
            message: q.message,
            default: q.default === '' ? undefined : q.default,
            theme: whyTheme(q.why, paint),
            // Once answered, show the value as it will be used, not as it was typed.
            transformer: (value, { isFinal }) => (isFinal ? paint('cyan', tidy(value) || (q.emptyAnswer ?? '')) : value),
            ...(q.validate ? { validate: (v: string) => q.validate!(tidy(v)) } : {}),
          },
          ctx,
        ),
      );
      return tidy(answer);
    },
    number: async (q) => {
      const answer = await guarded((ctx) =>
        number(
          {
            message: q.message,
            default: q.default,
            required: true,
            step: 'any',
            theme: whyTheme(q.why, paint),
            ...(q.validate ? { validate: q.validate } : {}),
          },
          ctx,
        ),
      );
      return answer;
    },
    confirm: (q) =>
      guarded((ctx) =>
        confirm(
          {
            message: q.message,
            default: q.default,
            theme: { ...whyTheme(q.why, paint), ...(paint === plain ? { style: { ...plainTheme().style, confirmDefault: same } } : {}) },
          },
          ctx,
        ),
      ),
    select: <T extends string>(q: SelectQuestion<T>) =>
      guarded((ctx) =>
        select<T>(
          {
            message: q.message,
            default: q.default,
            choices: q.choices.map((c) => ({
              value: c.value,
              name: c.name,
              short: c.short ?? c.name,
              ...(c.description ? { description: c.description } : {}),
            })),
            pageSize: Math.max(7, q.choices.length),
            theme: whyTheme(q.why, paint),
          },
          ctx,
        ),
      ),
    checkbox: <T extends string>(q: CheckboxQuestion<T>) =>
      guarded((ctx) => {
        const theme = whyTheme(q.why, paint);
        return checkbox<T>(
          {
            message: q.message,
            choices: q.choices.map((c) => ({
              value: c.value,
              name: c.name,
              checked: c.checked ?? false,
              short: c.short ?? c.name,
              ...(c.description ? { description: c.description } : {}),
            })),
            pageSize: Math.max(7, q.choices.length),
            theme: {
              ...theme,
              style: {
                ...('style' in theme ? theme.style : {}),
                renderSelectedChoices: (picked: readonly { short: string }[]) =>
                  picked.length === 0 ? 'none' : picked.map((c) => c.short).join(', '),
              },
            },
            ...(q.validate ? { validate: (picked: readonly { value: T }[]) => q.validate!(picked.map((p) => p.value)) } : {}),
          },
          ctx,
        );
      }),
  };
}

/** True for the errors a prompt throws when the user presses Ctrl-C or the prompt is aborted. */
export function isPromptCancelled(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** An answer a script gives; `undefined` (or the key missing) means "press Enter" (take the default). */
export type ScriptedAnswer = string | number | boolean | readonly string[] | undefined;

export interface ScriptedPrompter extends Prompter {
  /** Ids of the questions asked, in order. */
  readonly asked: string[];
  /** Validation messages met while answering (for scripts that give a bad answer first). */
  readonly rejected: { id: string; answer: ScriptedAnswer; message: string }[];
  /** The notes shown between questions (intro, review), in order. */
  readonly notes: string[];
}

/**
 * A prompter that answers from a script, for tests and for driving the interview without a terminal.
 * Keys are question ids (`service.cpu`), or `id#n` for the n-th time a looped question is asked
 * (`service.name#2`). A value is one answer, or `{ attempts: [...] }` tried in order: a rejected answer
 * is recorded in `rejected` and the next one is tried, as a user would retype. A question the script
 * does not mention takes its default (Enter), unless `strict` is set: then it fails the run. A search
 * answer must be one of the choices its list offers for that text, as on a terminal; an optional number
 * answered `''` is left out.
 */
export function createScriptedPrompter(
  script: Record<string, ScriptedAnswer | { attempts: readonly ScriptedAnswer[] }>,
  options: { strict?: boolean } = {},
): ScriptedPrompter {
  const asked: string[] = [];
  const rejected: ScriptedPrompter['rejected'] = [];
  const notes: string[] = [];
  const seen = new Map<string, number>();

  /** The attempts for the n-th time (1-based) `id` is asked: `id#n` first, then `id`. */
  function attemptsFor(id: string, n: number): readonly ScriptedAnswer[] {
    const key = `${id}#${n}` in script ? `${id}#${n}` : id in script ? id : undefined;
    if (key === undefined) {
      if (options.strict) throw new Error(`unexpected question "${id}" (not in the script)`);
      return [undefined];
    }
    const entry = script[key];
    if (entry !== null && typeof entry === 'object' && 'attempts' in entry) return entry.attempts;
    return [entry as ScriptedAnswer];
  }

  function answer<V>(id: string, fallback: V, coerce: (a: Exclude<ScriptedAnswer, undefined>) => V, validate?: (v: V) => Verdict): V {
    asked.push(id);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    for (const attempt of attemptsFor(id, n)) {
      const value = attempt === undefined ? fallback : coerce(attempt);
      const verdict = validate ? validate(value) : true;
      if (verdict === true) return value;
      rejected.push({ id, answer: attempt, message: verdict });
    }
    throw new Error(`question "${id}": every scripted answer was rejected (${rejected.at(-1)?.message ?? ''})`);
  }

  return {
    asked,
    rejected,
    notes,
    note: (text) => {
      notes.push(text);
    },
    optionalNumber: async (q) =>
      answer<number | undefined>(
        q.id,
        q.default,
        (a) => {
          if (a === '') return undefined;
          const n = typeof a === 'number' ? a : Number(a);
          if (Number.isNaN(n)) throw new Error(`question "${q.id}": scripted answer ${String(a)} is not a number`);
          return n;
        },
        (v) => (v === undefined || !q.validate ? true : q.validate(v)),
      ),
    search: async <T extends string>(q: SearchQuestion<T>) => {
      const offered = (v: string) => [...q.source(v), ...q.source(undefined)].some((c) => c.value === v);
      const fallback = q.default ?? q.source(undefined)[0]?.value;
      if (fallback === undefined) throw new Error(`question "${q.id}": the list is empty`);
      return answer<T>(
        q.id,
        fallback,
        (a) => String(a) as T,
        (v) => {
          const verdict = q.validate ? q.validate(v) : true;
          if (verdict !== true) return verdict;
          return offered(v) ? true : `"${v}" is not in the list`;
        },
      );
    },
    input: async (q) => {
      const tidy = q.normalize ?? ((v: string) => v);
      return tidy(answer(q.id, q.default, (a) => String(a), q.validate ? (v) => q.validate!(tidy(v)) : undefined));
    },
    number: async (q) =>
      answer(
        q.id,
        q.default,
        (a) => {
          const n = typeof a === 'number' ? a : Number(a);
          if (Number.isNaN(n)) throw new Error(`question "${q.id}": scripted answer ${String(a)} is not a number`);
          return n;
        },
        q.validate,
      ),
    confirm: async (q) => answer(q.id, q.default, (a) => a === true || a === 'y' || a === 'yes'),
    select: async <T extends string>(q: SelectQuestion<T>) =>
      answer<T>(q.id, q.default, (a) => {
        const hit = q.choices.find((c) => c.value === a);
        if (!hit) throw new Error(`question "${q.id}": ${String(a)} is not one of ${q.choices.map((c) => c.value).join(', ')}`);
        return hit.value;
      }),
    checkbox: async <T extends string>(q: CheckboxQuestion<T>) =>
      answer<T[]>(
        q.id,
        q.choices.filter((c) => c.checked).map((c) => c.value),
        (a) => {
          const list = Array.isArray(a) ? a : [String(a)];
          return list.map((v) => {
            const hit = q.choices.find((c) => c.value === v);
            if (!hit) throw new Error(`question "${q.id}": ${String(v)} is not one of ${q.choices.map((c) => c.value).join(', ')}`);
            return hit.value;
          });
        },
        q.validate,
      ),
  };
}
