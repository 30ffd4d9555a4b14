/**
 * Multi-dimensional bin-packing of tasks onto identical nodes: first-fit decreasing over groups of
 * identical tasks, with nodes kept in batches of identical fill (so 100,000 tasks cost a few
 * thousand operations, not billions). Integer units (millicores, MiB) avoid float drift.
 */

/** What one node offers to tasks, after system overhead and daemons. */
export interface NodeCapacity {
  cpuMillicores: number;
  memoryMiB: number;
  gpus: number;
  /** Tasks/pods per node (EKS max pods, ECS awsvpc ENIs or branch ENIs); Infinity when unlimited. */
  slots: number;
}

/** `count` identical tasks. */
export interface TaskGroup {
  count: number;
  cpuMillicores: number;
  memoryMiB: number;
  gpus: number;
  /** At most this many of the group on one node (host networking: one task per host port). */
  maxPerNode?: number;
}

export type PackingDimension = 'cpu' | 'memory' | 'gpus' | 'slots' | 'ports';

/** `nodes` identical nodes, each with these tasks' totals on it. */
export interface NodeBatch {
  nodes: number;
  tasks: number;
  cpuMillicores: number;
  memoryMiB: number;
  gpus: number;
}

export interface PackResult {
  nodes: number;
  /** Tasks that fit on no node of this type (larger than an empty node). */
  unplaced: number;
  batches: NodeBatch[];
  /** The dimension with the highest aggregate use on the packed nodes. */
  bindingLimit: PackingDimension;
  /** Lower bound: max over dimensions of ceil(total demand / per-node capacity). */
  lowerBound: number;
}

/** How many tasks of `g` fit into the free capacity `free` (at most `limit`). */
export function fitCount(free: NodeCapacity, g: Omit<TaskGroup, 'count'>, limit = Infinity): number {
  let k = Math.min(limit, free.slots, g.maxPerNode ?? Infinity);
  if (g.cpuMillicores > 0) k = Math.min(k, Math.floor(free.cpuMillicores / g.cpuMillicores));
  if (g.memoryMiB > 0) k = Math.min(k, Math.floor(free.memoryMiB / g.memoryMiB));
  if (g.gpus > 0) k = Math.min(k, Math.floor(free.gpus / g.gpus));
  return Math.max(0, k);
}

export function demandOf(groups: readonly TaskGroup[]): { cpuMillicores: number; memoryMiB: number; gpus: number; tasks: number } {
  let cpu = 0;
  let mem = 0;
  let gpus = 0;
  let tasks = 0;
  for (const g of groups) {
    cpu += g.count * g.cpuMillicores;
    mem += g.count * g.memoryMiB;
    gpus += g.count * g.gpus;
    tasks += g.count;
  }
  return { cpuMillicores: cpu, memoryMiB: mem, gpus, tasks };
}

/** max over dimensions of ceil(demand / capacity); Infinity if some demand has no capacity. */
export function lowerBoundNodes(groups: readonly TaskGroup[], cap: NodeCapacity): number {
  const d = demandOf(groups);
  const need = (demand: number, capacity: number): number =>
    demand <= 0 ? 0 : capacity <= 0 ? Infinity : Math.ceil(demand / capacity - 1e-9);
  let perGroup = 0;
  for (const g of groups) if (g.maxPerNode !== undefined && g.count > 0) perGroup = Math.max(perGroup, Math.ceil(g.count / g.maxPerNode));
  return Math.max(
    need(d.cpuMillicores, cap.cpuMillicores),
    need(d.memoryMiB, cap.memoryMiB),
    need(d.gpus, cap.gpus),
    need(d.tasks, cap.slots),
    perGroup,
  );
}

/** Tasks of `g` that fit into the room the packed nodes leave, plus `emptyNodes` nodes with nothing on them. */
export function spareFit(pack: PackResult | null, cap: NodeCapacity, g: Omit<TaskGroup, 'count'>, emptyNodes: number): number {
  let fit = emptyNodes > 0 ? emptyNodes * fitCount(cap, g) : 0;
  for (const b of pack?.batches ?? []) {
    const free: NodeCapacity = {
      cpuMillicores: cap.cpuMillicores - b.cpuMillicores,
      memoryMiB: cap.memoryMiB - b.memoryMiB,
      gpus: cap.gpus - b.gpus,
      slots: cap.slots - b.tasks,
    };
    fit += b.nodes * fitCount(free, g);
  }
  return fit;
}

/** How far (as a share of a node) one resource may run ahead of the other while filling a node. */
const BALANCE_TOLERANCE = 0.05;

interface Item {
  g: TaskGroup;
  rem: number;
  /** Share of a node's CPU and memory one task takes. */
  c: number;
  m: number;
  share: number;
}

/**
 * Packs the task groups onto nodes of capacity `cap`. Each node is filled in a balanced way — the
 * largest task that fits from the CPU-heavy list when the node's CPU is the less used resource, from
 * the memory-heavy list otherwise — so complementary tasks share nodes; then that node's pattern is
 * repeated for as many nodes as the remaining counts allow. The result never exceeds any capacity
 * (CPU, memory, GPUs, slots) of any node.
 */
export function packNodes(groups: readonly TaskGroup[], cap: NodeCapacity): PackResult {
  let unplaced = 0;
  const items: Item[] = [];
  for (const g of groups) {
    if (g.count <= 0) continue;
    if (fitCount(cap, g, 1) === 0) {
      unplaced += g.count;
      continue;
    }
    const c = cap.cpuMillicores > 0 ? g.cpuMillicores / cap.cpuMillicores : 0;
    const m = cap.memoryMiB > 0 ? g.memoryMiB / cap.memoryMiB : 0;
    const gs = g.gpus > 0 && cap.gpus > 0 ? g.gpus / cap.gpus : 0;
    items.push({ g, rem: g.count, c, m, share: Math.max(c, m, gs) });
  }
  const order = (a: Item, b: Item): number =>
    b.share - a.share || b.g.memoryMiB - a.g.memoryMiB || b.g.cpuMillicores - a.g.cpuMillicores || b.g.gpus - a.g.gpus;
  const lists: [Item[], Item[]] = [items.filter((i) => i.c >= i.m).sort(order), items.filter((i) => i.c < i.m).sort(order)];
  const first = [0, 0];
  const batches: NodeBatch[] = [];

  // Nothing fits once a node has less than the smallest task on any dimension.
  const minCpu = Math.min(...items.map((i) => i.g.cpuMillicores));
  const minMem = Math.min(...items.map((i) => i.g.memoryMiB));
  const pickFrom = (which: 0 | 1, free: NodeCapacity, inPattern: Map<Item, number>): Item | null => {
    if (free.slots < 1 || free.cpuMillicores < minCpu || free.memoryMiB < minMem) return null;
    const list = lists[which];
    while (first[which]! < list.length && list[first[which]!]!.rem === 0) first[which]!++;
    for (let i = first[which]!; i < list.length; i++) {
      const it = list[i]!;
      const used = inPattern.get(it) ?? 0;
      if (it.rem - used <= 0 || used >= (it.g.maxPerNode ?? Infinity)) continue;
      if (fitCount(free, it.g, 1) > 0) return it;
    }
    return null;
  };

  for (;;) {
    const free: NodeCapacity = { ...cap };
    let uc = 0;
    let um = 0;
    const pattern = new Map<Item, number>();
    for (;;) {
      const prefer: 0 | 1 = uc <= um ? 0 : 1;
      const it = pickFrom(prefer, free, pattern) ?? pickFrom(prefer === 0 ? 1 : 0, free, pattern);
      if (!it) break;
      const already = pattern.get(it) ?? 0;
      let k = fitCount(free, it.g, Math.min(it.rem, it.g.maxPerNode ?? Infinity) - already);
      // Add in chunks, but stop once this task's dominant resource overtakes the other one by more
      // than a small tolerance (chunks keep large nodes with hundreds of tiny tasks fast).
      if (it.c !== it.m) {
        const gap = it.c > it.m ? (um - uc + BALANCE_TOLERANCE) / (it.c - it.m) : (uc - um + BALANCE_TOLERANCE) / (it.m - it.c);
        k = Math.max(1, Math.min(k, Math.floor(gap) + 1));
      }
      pattern.set(it, already + k);
      free.cpuMillicores -= k * it.g.cpuMillicores;
      free.memoryMiB -= k * it.g.memoryMiB;
      free.gpus -= k * it.g.gpus;
      free.slots -= k;
      uc += k * it.c;
      um += k * it.m;
    }
    if (pattern.size === 0) break;
    let repeat = Infinity;
    let tasks = 0;
    for (const [it, k] of pattern) {
      repeat = Math.min(repeat, Math.floor(it.rem / k));
      tasks += k;
    }
    for (const [it, k] of pattern) it.rem -= repeat * k;
    batches.push({
      nodes: repeat,
      tasks,
      cpuMillicores: cap.cpuMillicores - free.cpuMillicores,
      memoryMiB: cap.memoryMiB - free.memoryMiB,
      gpus: cap.gpus - free.gpus,
    });
  }

  const nodes = batches.reduce((n, b) => n + b.nodes, 0);
  const placed = groups.filter((g) => fitCount(cap, g) > 0);
  const d = demandOf(placed);
  const use: [PackingDimension, number][] = [
    ['cpu', cap.cpuMillicores > 0 ? d.cpuMillicores / cap.cpuMillicores : 0],
    ['memory', cap.memoryMiB > 0 ? d.memoryMiB / cap.memoryMiB : 0],
    ['gpus', cap.gpus > 0 ? d.gpus / cap.gpus : 0],
    ['slots', Number.isFinite(cap.slots) && cap.slots > 0 ? d.tasks / cap.slots : 0],
  ];
  let binding: PackingDimension = 'cpu';
  let best = -1;
  for (const [dim, v] of use) {
    if (v > best + 1e-12) {
      best = v;
      binding = dim;
    }
  }
  // One task per node per host port: when that alone needs every node, the port is the limit.
  const perPort = Math.max(0, ...placed.filter((g) => g.maxPerNode !== undefined).map((g) => Math.ceil(g.count / g.maxPerNode!)));
  if (perPort > 0 && perPort >= nodes && perPort > Math.ceil(best - 1e-9)) binding = 'ports';
  return { nodes, unplaced, batches, bindingLimit: binding, lowerBound: lowerBoundNodes(placed, cap) };
}
