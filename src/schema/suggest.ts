/**
 * "Did you mean" for every closed list the input names: keys, Regions, instance types. A candidate is
 * offered when it is close enough to be a typo: one edit for short words, a third of the length for
 * long ones (a swap of two neighbours counts as one edit).
 */

/** Words longer than this are not compared (a pasted paragraph is not a typo). */
const MAX_WORD = 64;

const threshold = (word: string) => Math.max(1, Math.floor(word.length / 3));

/** The candidate closest to `word`, if it is close enough to be a typo of it. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return closestAll(word, candidates, 1)[0];
}

/**
 * Every candidate at the smallest distance from `word` (ties in list order), at most `max`, if that
 * distance is within `limit` edits (default: close enough to be a typo); `us-east-9` gives
 * `us-east-1` and `us-east-2`.
 */
export function closestAll(word: string, candidates: readonly string[], max: number, limit = threshold(word)): string[] {
  if (word.length > MAX_WORD) return [];
  const w = word.toLowerCase();
  let best: string[] = [];
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Lengths that differ by more than the limit cannot be within it; skip the matrix.
    if (Math.abs(candidate.length - w.length) > Math.min(limit, bestDistance)) continue;
    const d = editDistance(w, candidate.toLowerCase());
    if (d < bestDistance) {
      best = [candidate];
      bestDistance = d;
    } else if (d === bestDistance) best.push(candidate);
  }
  return bestDistance <= limit ? best.slice(0, max) : [];
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** `a`, `a or b`, `a, b or c`. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;
}
