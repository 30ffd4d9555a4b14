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
}

export type PackingDimension = 'cpu' | 'memory' | 'gpus' | 'slots';

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
  let k = Math.min(limit, free.slots);
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
  const need = (demand: number, capacity: number): number => (demand <= 0 ? 0 : capacity <= 0 ? Infinity : Math.ceil(demand / capacity - 1e-9));
  return Math.max(
    need(d.cpuMillicores, cap.cpuMillicores),
    need(d.memoryMiB, cap.memoryMiB),
    need(d.gpus, cap.gpus),
    need(d.tasks, cap.slots),
  );
}

interface OpenBatch {
  nodes: number;
  free: NodeCapacity;
  tasks: number;
}

/**
 * Packs the task groups onto nodes of capacity `cap`. Groups are placed largest first (by their
 * dominant share of a node); each group fills existing nodes first-fit, then opens new nodes.
 */
export function packNodes(groups: readonly TaskGroup[], cap: NodeCapacity): PackResult {
  const share = (g: TaskGroup): number =>
    Math.max(
      cap.cpuMillicores > 0 ? g.cpuMillicores / cap.cpuMillicores : 0,
      cap.memoryMiB > 0 ? g.memoryMiB / cap.memoryMiB : 0,
      g.gpus > 0 ? (cap.gpus > 0 ? g.gpus / cap.gpus : Infinity) : 0,
      Number.isFinite(cap.slots) && cap.slots > 0 ? 1 / cap.slots : 0,
    );
  const sorted = groups
    .filter((g) => g.count > 0)
    .map((g) => ({ g, s: share(g) }))
    .sort((a, b) => b.s - a.s || b.g.memoryMiB - a.g.memoryMiB || b.g.cpuMillicores - a.g.cpuMillicores)
    .map((x) => x.g);

  // Smallest remaining request per dimension (suffix minima), to retire full batches early.
  const minCpu: number[] = new Array(sorted.length + 1).fill(Infinity);
  const minMem: number[] = new Array(sorted.length + 1).fill(Infinity);
  for (let i = sorted.length - 1; i >= 0; i--) {
    const g = sorted[i]!;
    minCpu[i] = Math.min(minCpu[i + 1]!, g.cpuMillicores);
    minMem[i] = Math.min(minMem[i + 1]!, g.memoryMiB);
  }

  let open: OpenBatch[] = [];
  const closed: OpenBatch[] = [];
  let unplaced = 0;
  const take = (free: NodeCapacity, g: TaskGroup, k: number): NodeCapacity => ({
    cpuMillicores: free.cpuMillicores - k * g.cpuMillicores,
    memoryMiB: free.memoryMiB - k * g.memoryMiB,
    gpus: free.gpus - k * g.gpus,
    slots: free.slots - k,
  });

  for (let gi = 0; gi < sorted.length; gi++) {
    const g = sorted[gi]!;
    const perEmpty = fitCount(cap, g);
    if (perEmpty === 0) {
      unplaced += g.count;
      continue;
    }
    let remaining = g.count;
    for (let i = 0; i < open.length && remaining > 0; i++) {
      const b = open[i]!;
      const k = fitCount(b.free, g, remaining);
      if (k === 0) continue;
      if (remaining >= k * b.nodes) {
        b.free = take(b.free, g, k);
        b.tasks += k;
        remaining -= k * b.nodes;
      } else {
        const full = Math.floor(remaining / k);
        const rest = remaining - full * k;
        const inserted: OpenBatch[] = [];
        if (full > 0) inserted.push({ nodes: full, free: take(b.free, g, k), tasks: b.tasks + k });
        if (rest > 0) inserted.push({ nodes: 1, free: take(b.free, g, rest), tasks: b.tasks + rest });
        b.nodes -= full + (rest > 0 ? 1 : 0);
        if (b.nodes > 0) inserted.push(b);
        open.splice(i, 1, ...inserted);
        remaining = 0;
      }
    }
    if (remaining > 0) {
      const full = Math.floor(remaining / perEmpty);
      const rest = remaining - full * perEmpty;
      if (full > 0) open.push({ nodes: full, free: take(cap, g, perEmpty), tasks: perEmpty });
      if (rest > 0) open.push({ nodes: 1, free: take(cap, g, rest), tasks: rest });
    }
    // Retire batches that can take nothing more of what is left.
    const nc = minCpu[gi + 1]!;
    const nm = minMem[gi + 1]!;
    if (gi + 1 < sorted.length) {
      const still: OpenBatch[] = [];
      for (const b of open) {
        if (b.free.slots < 1 || b.free.cpuMillicores < nc || b.free.memoryMiB < nm) closed.push(b);
        else still.push(b);
      }
      open = still;
    }
  }

  const all = [...closed, ...open].filter((b) => b.nodes > 0);
  const batches: NodeBatch[] = all.map((b) => ({
    nodes: b.nodes,
    tasks: b.tasks,
    cpuMillicores: cap.cpuMillicores - b.free.cpuMillicores,
    memoryMiB: cap.memoryMiB - b.free.memoryMiB,
    gpus: cap.gpus - b.free.gpus,
  }));
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
  return { nodes, unplaced, batches, bindingLimit: binding, lowerBound: lowerBoundNodes(placed, cap) };
}
