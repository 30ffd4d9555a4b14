/**
 * How often a cron schedule fires, as the average number of runs a day: the number `jobs[].runsPerDay`
 * wants. Standard five fields (minute hour day-of-month month day-of-week) with lists, ranges, steps
 * and names; the macros Kubernetes accepts (`@hourly`, `@daily`, `@weekly`, `@monthly`, `@yearly`,
 * `@every 5m`). Day restrictions are averaged over the 400-year Gregorian cycle, so `0 9 * * 1-5`
 * gives 5/7 runs a day and `0 0 1 * *` gives 12/365.2425.
 */

export type CronResult = { ok: true; runsPerDay: number; explanation: string } | { ok: false; message: string };

const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldSpec {
  what: string;
  min: number;
  max: number;
  names?: readonly string[];
  /** The first name stands for this number (months count from 1). */
  nameBase?: number;
}

const FIELDS: readonly FieldSpec[] = [
  { what: 'minute', min: 0, max: 59 },
  { what: 'hour', min: 0, max: 23 },
  { what: 'day of month', min: 1, max: 31 },
  { what: 'month', min: 1, max: 12, names: MONTHS, nameBase: 1 },
  // 7 is Sunday too, as in Vixie cron and Kubernetes.
  { what: 'day of week', min: 0, max: 7, names: DAYS, nameBase: 0 },
];

const memo = new Map<string, CronResult>();

/** Average runs a day of `schedule`, or why it cannot be read. */
export function cronRunsPerDay(schedule: string): CronResult {
  let result = memo.get(schedule);
  if (!result) {
    result = compute(schedule);
    memo.set(schedule, result);
  }
  return result;
}

function compute(schedule: string): CronResult {
  const trimmed = schedule.trim().replace(/^(CRON_)?TZ=\S+\s+/, '');
  const every = /^@every\s+(\S+)$/i.exec(trimmed);
  if (every) return everyRuns(every[1]!, trimmed);
  const expanded = MACROS[trimmed.toLowerCase()] ?? trimmed;
  const parts = expanded.split(/\s+/);
  if (parts.length !== 5) {
    return {
      ok: false,
      message: `schedule "${schedule}" is not a five-field cron expression (minute hour day-of-month month day-of-week)`,
    };
  }
  const sets: Set<number>[] = [];
  for (let i = 0; i < 5; i++) {
    const parsed = parseField(parts[i]!, FIELDS[i]!);
    if (typeof parsed === 'string') return { ok: false, message: `schedule "${schedule}": ${parsed}` };
    sets.push(parsed);
  }
  const [minutes, hours, dom, months, dowRaw] = sets as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  const dow = new Set([...dowRaw].map((d) => d % 7));
  const domStar = isUnrestricted(parts[2]!);
  const dowStar = isUnrestricted(parts[4]!);
  const perFiringDay = minutes.size * hours.size;
  const fraction = matchingDayFraction(dom, months, dow, domStar, dowStar);
  if (fraction === 0) return { ok: false, message: `schedule "${schedule}" never fires (no date matches it)` };
  const runsPerDay = perFiringDay * fraction;
  const times = `${perFiringDay} run${perFiringDay === 1 ? '' : 's'}`;
  const explanation = fraction === 1 ? `${times} a day` : `${times} on ${formatFraction(fraction)} of days`;
  return { ok: true, runsPerDay, explanation };
}

function isUnrestricted(field: string): boolean {
  return field === '*' || field === '?';
}

function parseField(field: string, spec: FieldSpec): Set<number> | string {
  const out = new Set<number>();
  for (const item of field.split(',')) {
    const m = /^(\*|\?|[a-z0-9]+(?:-[a-z0-9]+)?)(?:\/(\d+))?$/i.exec(item);
    if (!m) return `cannot read the ${spec.what} field "${field}"`;
    const step = m[2] === undefined ? 1 : Number(m[2]);
    if (step < 1) return `the ${spec.what} step must be at least 1`;
    let lo: number;
    let hi: number;
    if (m[1] === '*' || m[1] === '?') {
      lo = spec.min;
      hi = spec.what === 'day of week' ? 6 : spec.max;
    } else {
      const [a, b] = m[1]!.split('-');
      const start = value(a!, spec);
      if (start === undefined) return `"${a}" is not a valid ${spec.what}`;
      const end = b === undefined ? (m[2] === undefined ? start : spec.max) : value(b, spec);
      if (end === undefined) return `"${b}" is not a valid ${spec.what}`;
      if (end < start) return `the ${spec.what} range ${m[1]} runs backwards`;
      lo = start;
      hi = end;
    }
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

function value(token: string, spec: FieldSpec): number | undefined {
  const named = spec.names?.indexOf(token.toLowerCase()) ?? -1;
  const n = named >= 0 ? named + (spec.nameBase ?? 0) : /^\d+$/.test(token) ? Number(token) : NaN;
  return Number.isInteger(n) && n >= spec.min && n <= spec.max ? n : undefined;
}

const CYCLE_DAYS = 146_097; // 400 Gregorian years

/**
 * The share of days on which the schedule fires. Cron's rule: when both day fields are restricted,
 * a day matches if either does; otherwise the restricted one decides.
 */
function matchingDayFraction(dom: Set<number>, months: Set<number>, dow: Set<number>, domStar: boolean, dowStar: boolean): number {
  if (domStar && dowStar && months.size === 12) return 1;
  let matching = 0;
  const start = Date.UTC(2000, 0, 1);
  for (let i = 0; i < CYCLE_DAYS; i++) {
    const d = new Date(start + i * 86_400_000);
    if (!months.has(d.getUTCMonth() + 1)) continue;
    const domHit = dom.has(d.getUTCDate());
    const dowHit = dow.has(d.getUTCDay());
    const hit = domStar && dowStar ? true : domStar ? dowHit : dowStar ? domHit : domHit || dowHit;
    if (hit) matching++;
  }
  return matching / CYCLE_DAYS;
}

function formatFraction(f: number): string {
  for (const denominator of [7, 2, 3, 4]) {
    const n = f * denominator;
    if (Math.abs(n - Math.round(n)) < 1e-9) return `${Math.round(n)}/${denominator}`;
  }
  return `${(f * 100).toFixed(1)} %`;
}

const DURATION_UNITS: Readonly<Record<string, number>> = { h: 3600, m: 60, s: 1 };

/** `@every 1h30m` (a Go duration), as Kubernetes' cron library reads it. */
function everyRuns(duration: string, schedule: string): CronResult {
  const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(h|m|s)/g)];
  const joined = parts.map((p) => p[0]).join('');
  if (parts.length === 0 || joined !== duration)
    return { ok: false, message: `schedule "${schedule}": cannot read the duration "${duration}"` };
  const seconds = parts.reduce((s, p) => s + Number(p[1]) * DURATION_UNITS[p[2]!]!, 0);
  if (seconds < 1) return { ok: false, message: `schedule "${schedule}": the interval must be at least 1 second` };
  return { ok: true, runsPerDay: 86_400 / seconds, explanation: `every ${duration}` };
}
