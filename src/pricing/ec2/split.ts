/**
 * Ways to divide a pool's services among node groups of their own, each of one instance type: the
 * services ordered by memory per vCPU and cut into two or three runs, so CPU-heavy services can run
 * on compute-optimised nodes beside memory-heavy ones on memory-optimised nodes. One type per node
 * group is what an ECS capacity provider's Auto Scaling group or an EKS managed node group runs; a
 * fleet of mixed shapes on one type pays for the resource its shapes do not use.
 */
import type { Task } from '../../domain/tasks.js';
import type { Workload } from '../../schema/workload.js';
import { splitPool, type Pool } from './pools.js';

/** Node groups per pool at most: compute, general-purpose and memory-optimised families. */
const MAX_PARTS = 3;
/** Distinct memory-per-vCPU values cut at most; more are merged into powers of two first. */
const MAX_BUCKETS = 6;

/** Memory per vCPU of a task (GiB). */
const ratioOf = (t: Task): number => t.memoryGiB / Math.max(1e-9, t.cpu);

/** The services in runs of equal memory per vCPU (or of the same power of two of it), lowest first. */
function bucketsOf(services: readonly Task[]): Task[][] {
  let keyOf = ratioOf;
  if (new Set(services.map(ratioOf)).size > MAX_BUCKETS) keyOf = (t) => Math.round(Math.log2(ratioOf(t)));
  const keys = [...new Set(services.map(keyOf))].sort((a, b) => a - b);
  if (keys.length > MAX_BUCKETS) {
    // Still too many (memory per vCPU spread over more than six powers of two): the extremes join their neighbours.
    const bounds = keys.slice(0, MAX_BUCKETS - 1);
    const index = (t: Task): number => {
      const k = keyOf(t);
      const i = bounds.findIndex((b) => k <= b);
      return i < 0 ? MAX_BUCKETS - 1 : i;
    };
    return Array.from({ length: MAX_BUCKETS }, (_, i) => services.filter((t) => index(t) === i)).filter((b) => b.length > 0);
  }
  return keys.map((k) => services.filter((t) => keyOf(t) === k));
}

/** Every way to cut `n` ordered items into 2 … `most` non-empty runs, as the runs' end indices. */
function cuts(n: number, most: number): number[][] {
  const out: number[][] = [];
  const walk = (start: number, ends: number[]): void => {
    if (ends.length > 0 && ends[ends.length - 1] === n) {
      if (ends.length >= 2) out.push(ends);
      return;
    }
    if (ends.length === most - 1) {
      walk(n, [...ends, n]);
      return;
    }
    for (let end = start + 1; end <= n; end++) walk(end, [...ends, end]);
  };
  walk(0, []);
  return out;
}

/** Ways to divide a pool: the parts (each a pool of its own), and each way as the parts it takes. */
export interface Splits {
  parts: Pool[];
  /** Indices into `parts`, first part first (it keeps the pool's system pods, jobs and minimum). */
  ways: number[][];
}

/**
 * The pool divided into node groups, every way the cut allows into at most `most` parts (none for a
 * GPU pool, a pool only for system pods, or services all of one memory-per-vCPU). A run of services is one part whichever way
 * takes it, so its packing is worked out once. Services keep their order within a part.
 */
export function splitsOf(pool: Pool, w: Workload, most = MAX_PARTS): Splits {
  if (pool.gpu || pool.system || pool.services.length < 2) return { parts: [], ways: [] };
  const buckets = bucketsOf(pool.services);
  if (buckets.length < 2) return { parts: [], ways: [] };
  const parts: Pool[] = [];
  const known = new Map<string, number>();
  const partOf = (start: number, end: number): number => {
    const key = `${start}-${end}`;
    let index = known.get(key);
    if (index === undefined) {
      const mine = new Set(buckets.slice(start, end).flat());
      // The first run keeps the pool's system pods, jobs and minimum; the others start bare.
      const [part] = splitPool(pool, [pool.services.filter((t) => mine.has(t))], w, start === 0);
      known.set(key, (index = parts.length));
      parts.push(part!);
    }
    return index;
  };
  const ways = cuts(buckets.length, Math.min(most, MAX_PARTS)).map((ends) => ends.map((end, i) => partOf(i === 0 ? 0 : ends[i - 1]!, end)));
  return { parts, ways };
}
