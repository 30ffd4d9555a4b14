/** Text helpers every stage shares (en-US numbers, so output is stable wherever it runs; no ICU, see schema/numbers.ts). */
import { formatNumber, formatUsd } from '../schema/numbers.js';

/** "$1,234.50" */
export function money(value: number): string {
  return formatUsd(value);
}

/** "api, worker and 3 more" */
export function list(names: readonly string[], max = 3): string {
  if (names.length <= max) return joinAnd(names);
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** "a, b and c" */
export function joinAnd(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** "1 cluster" / "3 clusters" */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

export function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}
