/**
 * A lower bound on the node cost of any fleet that runs a pool's tasks: the fractional LP relaxation
 * of packing them onto nodes of ALL candidate types at once, with CPU, memory, GPUs and pod/ENI/task
 * slots (and one task per host port) as the limits of every node. `npm run bench` holds the model's
 * packing to it; no integer fleet can cost less.
 *
 * The LP is solved by column generation: a column is one node of one type holding a fractional mix of
 * tasks; the restricted master (cover every task at least once, at the lowest cost) is solved with a
 * revised simplex, and each type's best column for the master's duals with a bounded-variable simplex
 * over that type's few limits. Farley's bound makes the answer valid at every iteration, so the search
 * may stop once it is within `tolerance` of the optimum.
 */

/** One task shape and how many tasks of it there are. */
export interface LpGroup {
  count: number;
  /** Use of each limit by one task (CPU, memory, GPUs, slots …, in the order of every type's `capacity`). */
  use: readonly number[];
  /** At most this many on one node (host ports), else unbounded. */
  maxPerNode?: number;
}

/** A node type: what one node offers on each limit, and what it costs per hour. */
export interface LpType<T = unknown> {
  capacity: readonly number[];
  cost: number;
  ref: T;
}

export interface LpBound<T> {
  /** The lower bound on cost per hour (Farley's bound when not proven optimal). */
  bound: number;
  /** True when no column prices out: the bound is the LP optimum. */
  optimal: boolean;
  /** Fractional nodes per type in the last restricted master (the LP's fleet). */
  mix: { ref: T; nodes: number }[];
  /** The same fleet by node: its type, cost, tasks of each group on it, and how many (fractional) such nodes. */
  columns: { ref: T; cost: number; tasks: number[]; nodes: number }[];
  iterations: number;
}

const EPS = 1e-9;

/**
 * maximise c·x subject to A x ≤ b, 0 ≤ x ≤ upper, for b ≥ 0 (so x = 0 is feasible): a dense tableau
 * simplex with bounded variables (a variable at its upper bound is flipped rather than pivoted in).
 */
export function maximiseBounded(c: readonly number[], A: readonly (readonly number[])[], b: readonly number[], upper: readonly number[]) {
  const m = A.length;
  const n = c.length;
  // Tableau over the structural and slack columns; the basis starts as the slacks.
  const width = n + m;
  const T = A.map((row, i) => {
    const r = new Float64Array(width);
    for (let j = 0; j < n; j++) r[j] = row[j]!;
    r[n + i] = 1;
    return r;
  });
  const beta = Float64Array.from(b);
  const basis = Array.from({ length: m }, (_, i) => n + i);
  const atUpper = new Uint8Array(width);
  const ub = (j: number): number => (j < n ? upper[j]! : Infinity);
  // Reduced costs of the objective (maximisation: a column improves when its reduced cost is positive).
  const d = new Float64Array(width);
  for (let j = 0; j < n; j++) d[j] = c[j]!;
  for (let iteration = 0; iteration < 50 * (m + n) + 100; iteration++) {
    // Entering column: Dantzig's rule, then Bland's (smallest index) once iterations run long.
    const bland = iteration > 10 * (m + n);
    let enter = -1;
    let best = EPS;
    for (let j = 0; j < width; j++) {
      if (basis.includes(j)) continue;
      const gain = atUpper[j] ? -d[j]! : d[j]!;
      if (gain > best) {
        enter = j;
        best = gain;
        if (bland) break;
      }
    }
    if (enter < 0) break;
    const up = atUpper[enter] === 0;
    const sign = up ? 1 : -1;
    // Step t ≥ 0 in the entering variable's direction; basic i moves by −sign·T[i][enter]·t.
    let step = ub(enter);
    let leave = -1;
    let leaveToUpper = false;
    for (let i = 0; i < m; i++) {
      const a = sign * T[i]![enter]!;
      if (a > EPS) {
        const t = beta[i]! / a;
        if (t < step - EPS || (leave >= 0 && Math.abs(t - step) <= EPS && basis[i]! < basis[leave]!)) {
          step = t;
          leave = i;
          leaveToUpper = false;
        }
      } else if (a < -EPS) {
        const room = ub(basis[i]!);
        if (room === Infinity) continue;
        const t = (room - beta[i]!) / -a;
        if (t < step - EPS || (leave >= 0 && Math.abs(t - step) <= EPS && basis[i]! < basis[leave]!)) {
          step = t;
          leave = i;
          leaveToUpper = true;
        }
      }
    }
    if (step === Infinity) throw new Error('maximiseBounded: unbounded LP');
    for (let i = 0; i < m; i++) beta[i]! -= sign * T[i]![enter]! * step;
    if (leave < 0) {
      // A bound flip: the entering variable runs to its other bound, the basis stays.
      atUpper[enter] = up ? 1 : 0;
      continue;
    }
    // Pivot: the entering variable takes the leaving one's row at its new value.
    const entered = up ? step : ub(enter) - step;
    const leaving = basis[leave]!;
    atUpper[leaving] = leaveToUpper ? 1 : 0;
    const row = T[leave]!;
    const p = row[enter]!;
    for (let j = 0; j < width; j++) row[j]! /= p;
    for (let i = 0; i < m; i++) {
      if (i === leave) continue;
      const f = T[i]![enter]!;
      if (f === 0) continue;
      const r = T[i]!;
      for (let j = 0; j < width; j++) r[j]! -= f * row[j]!;
    }
    const f = d[enter]!;
    for (let j = 0; j < width; j++) d[j]! -= f * row[j]!;
    basis[leave] = enter;
    atUpper[enter] = 0;
    beta[leave] = entered;
  }
  const x = new Float64Array(n);
  for (let j = 0; j < n; j++) if (atUpper[j]) x[j] = upper[j]!;
  basis.forEach((j, i) => {
    if (j < n) x[j] = beta[i]!;
  });
  let objective = 0;
  for (let j = 0; j < n; j++) objective += c[j]! * x[j]!;
  return { value: objective, x };
}

interface Column {
  type: number;
  cost: number;
  /** Tasks of each group on one node of this column. */
  a: Float64Array;
}

/** The inverse of a small nonsingular matrix (Gauss–Jordan with partial pivoting), as rows. */
function invert(m: readonly (readonly number[])[]): Float64Array[] {
  const n = m.length;
  const a = m.map((row) => Float64Array.from(row));
  const inv = Array.from({ length: n }, (_, i) => {
    const r = new Float64Array(n);
    r[i] = 1;
    return r;
  });
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    [inv[c], inv[p]] = [inv[p]!, inv[c]!];
    const d = a[c]![c]!;
    for (let k = 0; k < n; k++) {
      a[c]![k]! /= d;
      inv[c]![k]! /= d;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]!;
      if (f === 0) continue;
      for (let k = 0; k < n; k++) {
        a[r]![k]! -= f * a[c]![k]!;
        inv[r]![k]! -= f * inv[c]![k]!;
      }
    }
  }
  return inv;
}

/**
 * min Σ cost·λ subject to Σ a·λ ≥ count (every row covered), λ ≥ 0, from a feasible basis `start`
 * (column indices; surplus columns −e_row are numbered after the real ones): a revised simplex with
 * an explicit inverse. Returns the column weights and the duals (one per row, ≥ 0 at the optimum).
 */
function solveMaster(columns: readonly Column[], counts: readonly number[], start: readonly number[]) {
  const G = counts.length;
  const S = columns.length;
  const colA = (j: number, g: number): number => (j < S ? columns[j]!.a[g]! : j - S === g ? -1 : 0);
  const colCost = (j: number): number => (j < S ? columns[j]!.cost : 0);
  const basis = [...start];
  const inv = invert(Array.from({ length: G }, (_, i) => Array.from({ length: G }, (_, k) => colA(basis[k]!, i))));
  const x = Float64Array.from({ length: G }, (_, i) => {
    let v = 0;
    for (let g = 0; g < G; g++) v += inv[i]![g]! * counts[g]!;
    return v;
  });
  const y = new Float64Array(G);
  const w = new Float64Array(G);
  const inBasis = new Set(basis);
  for (let iteration = 0; iteration < 20 * (G + S) + 100; iteration++) {
    // Duals y = c_B B⁻¹.
    y.fill(0);
    for (let i = 0; i < G; i++) {
      const cb = colCost(basis[i]!);
      if (cb === 0) continue;
      const r = inv[i]!;
      for (let g = 0; g < G; g++) y[g]! += cb * r[g]!;
    }
    const bland = iteration > 5 * (G + S);
    let enter = -1;
    let best = -1e-10;
    for (let j = 0; j < S + G; j++) {
      if (inBasis.has(j)) continue;
      let reduced = colCost(j);
      if (j < S) {
        const a = columns[j]!.a;
        for (let g = 0; g < G; g++) reduced -= y[g]! * a[g]!;
        reduced /= Math.max(1e-12, columns[j]!.cost);
      } else reduced = y[j - S]!;
      if (reduced < best) {
        best = reduced;
        enter = j;
        if (bland) break;
      }
    }
    if (enter < 0) break;
    // Direction w = B⁻¹ a_enter; ratio test over the basics that fall.
    for (let i = 0; i < G; i++) {
      let s = 0;
      const r = inv[i]!;
      for (let g = 0; g < G; g++) s += r[g]! * colA(enter, g);
      w[i] = s;
    }
    let leave = -1;
    let ratio = Infinity;
    for (let i = 0; i < G; i++) {
      if (w[i]! > EPS) {
        const t = x[i]! / w[i]!;
        if (t < ratio - EPS || (Math.abs(t - ratio) <= EPS && leave >= 0 && basis[i]! < basis[leave]!)) {
          ratio = t;
          leave = i;
        }
      }
    }
    if (leave < 0) break; // cannot happen with positive costs; stop rather than loop
    const p = w[leave]!;
    const pivotRow = inv[leave]!;
    for (let g = 0; g < G; g++) pivotRow[g]! /= p;
    x[leave] = x[leave]! / p;
    for (let i = 0; i < G; i++) {
      if (i === leave || w[i] === 0) continue;
      const f = w[i]!;
      const r = inv[i]!;
      for (let g = 0; g < G; g++) r[g]! -= f * pivotRow[g]!;
      x[i] = x[i]! - f * x[leave]!;
    }
    inBasis.delete(basis[leave]!);
    basis[leave] = enter;
    inBasis.add(enter);
  }
  y.fill(0);
  for (let i = 0; i < G; i++) {
    const cb = colCost(basis[i]!);
    const r = inv[i]!;
    for (let g = 0; g < G; g++) y[g]! += cb * r[g]!;
  }
  const weights = new Float64Array(S);
  basis.forEach((j, i) => {
    if (j < S) weights[j] = x[i]!;
  });
  return { weights, duals: Float64Array.from(y, (v) => Math.max(0, v)) };
}

/**
 * Types no fractional fleet needs: another type gives at least as much of every limit per dollar, and
 * holds any node's mix of this type spread over its own nodes without more of a group per node than
 * the group allows (`upper`) and, when the node count is bounded (`countsNodes`), without fewer nodes.
 */
function undominated<T>(types: readonly LpType<T>[], groups: readonly LpGroup[], upper: readonly number[], countsNodes: boolean): number[] {
  const ratio = (have: number, need: number): number => (need === Infinity ? (have === Infinity ? 1 : 0) : have / need);
  const keep: number[] = [];
  for (let t = 0; t < types.length; t++) {
    const a = types[t]!;
    const dominated = types.some((b, s) => {
      if (s === t) return false;
      // `share` nodes of b cost what one node of a costs and offer min_r(b_r / a_r) · share of a's limits.
      const share = a.cost / b.cost;
      let scale = Infinity;
      for (let r = 0; r < a.capacity.length; r++) if (a.capacity[r]! > 0) scale = Math.min(scale, ratio(b.capacity[r]!, a.capacity[r]!));
      const value = scale * share;
      if (value < 1 - 1e-12 || (value <= 1 + 1e-12 && s > t)) return false;
      if (share >= 1) return true;
      // Fewer nodes: not when the number of nodes itself is bounded from below.
      if (countsNodes) return false;
      // Fewer, larger nodes: a's densest mix of each group must still respect the group's cap per node.
      return groups.every((g, i) => {
        let fit = upper[i]!;
        for (let r = 0; r < a.capacity.length; r++) if (g.use[r]! > 0) fit = Math.min(fit, a.capacity[r]! / g.use[r]!);
        return fit / share <= upper[i]! + 1e-9;
      });
    });
    if (!dominated) keep.push(t);
  }
  return keep;
}

/**
 * The cheapest fractional fleet over `types` that runs every task of `groups`, with at least
 * `minNodes` nodes (the zones the services spread over). `tolerance` is the relative gap between
 * Farley's bound and the master's cost at which the search may stop.
 */
export function packingLowerBound<T>(
  groups: readonly LpGroup[],
  types: readonly LpType<T>[],
  { tolerance = 1e-6, minNodes = 0 }: { tolerance?: number; minNodes?: number } = {},
): LpBound<T> {
  const live = groups.filter((g) => g.count > 0);
  const G = live.length;
  if (G === 0) return { bound: 0, optimal: true, mix: [], columns: [], iterations: 0 };
  // One row per group, and with `minNodes` one more that every node covers once: at least that many nodes.
  const withNodes = minNodes > 0;
  const counts = [...live.map((g) => g.count), ...(withNodes ? [minNodes] : [])];
  const rows = counts.length;
  // The best column of one type for duals y: max y·a, every limit respected, at most `count` (and the
  // host-port cap) of a group per node — a tighter but still valid column than an unbounded one.
  const R = types[0]?.capacity.length ?? 0;
  const upper = live.map((g) => Math.min(g.count, g.maxPerNode ?? Infinity));
  const candidates = undominated(types, live, upper, withNodes);
  const bestColumn = (t: number, y: Float64Array): Column => {
    const type = types[t]!;
    const limits: number[][] = [];
    const caps: number[] = [];
    for (let r = 0; r < R; r++) {
      if (!Number.isFinite(type.capacity[r]!)) continue;
      limits.push(live.map((g) => g.use[r]!));
      caps.push(Math.max(0, type.capacity[r]!));
    }
    // A group that needs a limit the type lacks cannot run on it.
    const ub = live.map((g, i) => (g.use.some((u, r) => u > 0 && !(type.capacity[r]! > 0)) ? 0 : upper[i]!));
    const { x } = maximiseBounded(Array.from(y.subarray(0, G)), limits, caps, ub);
    const a = new Float64Array(rows);
    a.set(x);
    if (withNodes) a[G] = 1;
    return { type: t, cost: type.cost, a };
  };
  // A start that covers every group: each group alone on the type that runs it most cheaply.
  const columns: Column[] = [];
  const start: number[] = [];
  let nodes = 0;
  let surplusStart = false;
  for (let g = 0; g < G; g++) {
    const unit = new Float64Array(rows);
    unit[g] = 1;
    let pick: Column | null = null;
    for (const t of candidates) {
      const col = bestColumn(t, unit);
      const per = col.a[g]!;
      if (per > EPS && (!pick || col.cost / per < pick.cost / pick.a[g]!))
        pick = { ...col, a: Float64Array.from(col.a, (v, i) => (i === g || i === G ? v : 0)) };
    }
    if (!pick) return { bound: Infinity, optimal: false, mix: [], columns: [], iterations: 0 };
    nodes += counts[g]! / pick.a[g]!;
    start.push(columns.length);
    columns.push(pick);
  }
  if (withNodes) {
    // The node row starts covered by its surplus, or by empty nodes of the cheapest type.
    if (nodes >= minNodes) surplusStart = true;
    else {
      const cheapest = candidates.reduce((a, b) => (types[b]!.cost < types[a]!.cost ? b : a));
      const a = new Float64Array(rows);
      a[G] = 1;
      start.push(columns.length);
      columns.push({ type: cheapest, cost: types[cheapest]!.cost, a });
    }
  }
  let bound = 0;
  let optimal = false;
  let iterations = 0;
  let weights = new Float64Array(0);
  for (; iterations < 200; iterations++) {
    // Surplus columns are numbered after the real ones (whose number grows).
    const master = solveMaster(columns, counts, surplusStart ? [...start, columns.length + G] : start);
    weights = master.weights;
    const y = master.duals;
    let dual = 0;
    for (let g = 0; g < rows; g++) dual += counts[g]! * y[g]!;
    let theta = 1;
    const entering: { col: Column; ratio: number }[] = [];
    for (const t of candidates) {
      const col = bestColumn(t, y);
      let v = 0;
      for (let g = 0; g < rows; g++) v += y[g]! * col.a[g]!;
      const ratio = v / col.cost;
      if (ratio > theta) theta = ratio;
      if (ratio > 1 + 1e-9) entering.push({ col, ratio });
    }
    // Farley: y / θ is feasible for the full dual, so n·y / θ bounds the LP from below.
    bound = Math.max(bound, dual / theta);
    let primal = 0;
    columns.forEach((c, j) => (primal += c.cost * weights[j]!));
    if (entering.length === 0 || primal - bound <= tolerance * primal) {
      optimal = entering.length === 0;
      if (optimal) bound = Math.max(bound, dual);
      break;
    }
    entering.sort((a, b) => b.ratio - a.ratio);
    for (const e of entering.slice(0, 8)) columns.push(e.col);
  }
  const byType = new Map<number, number>();
  columns.forEach((c, j) => {
    if (weights[j]! > EPS) byType.set(c.type, (byType.get(c.type) ?? 0) + weights[j]!);
  });
  const mix = [...byType].sort((a, b) => b[1] - a[1]).map(([t, nodes]) => ({ ref: types[t]!.ref, nodes }));
  const used = columns.flatMap((c, j) =>
    weights[j]! > EPS ? [{ ref: types[c.type]!.ref, cost: c.cost, tasks: Array.from(c.a.subarray(0, G)), nodes: weights[j]! }] : [],
  );
  return { bound, optimal, mix, columns: used, iterations: iterations + 1 };
}
