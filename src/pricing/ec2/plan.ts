/**
 * Sizing one pool on one instance type at a utilisation: nodes for the baseline (packing, the
 * utilisation target, the zones in use and the cluster's minimum), nodes added for the peaks, and
 * nodes started for job runs that the baseline's real spare room cannot hold. Then the cheapest type.
 */
import { CAPACITY, type Ec2OptionFacts } from '../../domain/capacity.js';
import { daysPerMonth, type Task } from '../../domain/tasks.js';
import type { Workload } from '../../schema/workload.js';
import { fitCount, lowerBoundNodes, packNodes, spareFit, type NodeCapacity, type PackResult, type TaskGroup } from '../packing.js';
import type { Candidate } from './candidates.js';
import { runGroup, type Layer, type Pool } from './pools.js';

/** Cached packings, shared by every option and every pricing of one advice (pure memoisation). */
export type PackCache = Map<string, PackResult>;

/** What a node-hour of a candidate costs, split by what discounts apply to. */
export interface NodeRates {
  /** EC2 per instance-hour for always-on (baseline) hours, after Spot and the Savings Plan. */
  baseline: number;
  /** EC2 per instance-hour for peak and job hours (the Savings Plan covers them only with `discountAppliesTo: all`). */
  burst: number;
  /** Per instance-hour on top of EC2 and not discounted: the management fee, the Windows licence, the root volume. */
  extra: number;
}

export interface JobRun {
  task: Task;
  /** The type of the nodes added for a run (the job's own cheapest type; the autoscaler launches it for the run). */
  candidate: Candidate;
  /** New nodes per run (0 when the baseline's spare room holds the whole run). */
  nodesPerRun: number;
  /** Nodes of the job's type kept on all month instead (a batch node group that never scales to zero). */
  keptNodes: number;
  /** Billed seconds of one added node per run: start, image pull, the run, the wait before scale-in. */
  secondsPerNode: number;
}

/** Instance-hours of one type in a plan: always-on hours, and peak or job hours. */
export interface NodeUsage {
  candidate: Candidate;
  baseHours: number;
  burstHours: number;
}

export interface PoolPlan {
  pool: Pool;
  candidate: Candidate;
  baseNodes: number;
  peakNodes: number;
  packedNodes: number;
  lowerBoundNodes: number;
  baseNodeHours: number;
  /** Node-hours of peak nodes, their start and scale-in included. */
  peakNodeHours: number;
  jobNodeHours: number;
  jobRuns: JobRun[];
  /** Instance-hours per type: the pool's type for the baseline and peaks, each job's type for its runs. */
  usage: NodeUsage[];
  /** Node launches per month. */
  nodeStartsPerMonth: number;
  /** Megabytes of images the node launches pull per month (a new node pulls every image it runs once). */
  pulledMBPerMonth: number;
  bindingLimit: string;
  cost: number;
}

export interface PlanContext {
  w: Workload;
  facts: Ec2OptionFacts;
  rates: (c: Candidate, pool: Pool) => NodeRates;
  packCache: PackCache;
  /** The Linux per-second billing minimum of an EC2 instance. */
  minimumSeconds: number;
  /** Seconds to pull one image of `mb` megabytes. */
  pullSeconds: (mb: number) => number;
}

const signature = (groups: readonly TaskGroup[]): string =>
  groups.map((g) => `${g.count}x${g.cpuMillicores}/${g.memoryMiB}/${g.gpus}/${g.maxPerNode ?? ''}`).join(',');

function pack(ctx: PlanContext, groups: readonly TaskGroup[], cap: NodeCapacity): PackResult {
  const key = `${signature(groups)}|${cap.cpuMillicores}/${cap.memoryMiB}/${cap.gpus}/${cap.slots}`;
  let r = ctx.packCache.get(key);
  if (!r) {
    r = packNodes(groups, cap);
    ctx.packCache.set(key, r);
  }
  return r;
}

/** Share of one node the groups take on CPU or memory, whichever is tighter (GPUs get no headroom). */
function nodeShare(demand: readonly [number, number, number], cap: NodeCapacity): number {
  return Math.max(cap.cpuMillicores > 0 ? demand[0] / cap.cpuMillicores : 0, cap.memoryMiB > 0 ? demand[1] / cap.memoryMiB : 0);
}

/**
 * A quick node count for ranking types: the resource lower bound, or the nodes each group needs on its
 * own share of whole nodes, whichever is larger (sees that two 8-vCPU tasks do not fit 16 vCPUs after overhead).
 */
function roughNodes(groups: readonly TaskGroup[], cap: NodeCapacity): number {
  let share = 0;
  for (const g of groups) {
    const per = fitCount(cap, g);
    if (per === 0) return Infinity;
    share += g.count / per;
  }
  return Math.max(lowerBoundNodes(groups, cap), Math.ceil(share - 1e-9));
}

/** Baselines tried for capacity kept always on: every count up to this many extra nodes. */
const MAX_RAISES = 32;

/** Billed seconds of one node added for one run of `job`: start, pull, the run, the wait before scale-in. */
function runSeconds(ctx: PlanContext, job: Task): number {
  const seconds = CAPACITY.nodeStartSeconds.value + ctx.pullSeconds(job.imageSizeMB) + job.minutesPerRun * 60 + ctx.facts.scaleIn.value;
  return Math.max(seconds, ctx.minimumSeconds);
}

/**
 * The cheapest type to add nodes of for each job's runs: the autoscaler (or a job queue's own capacity
 * provider or node group) launches what the run needs, not the baseline's type.
 */
export function jobTypes(ctx: PlanContext, pool: Pool, candidates: readonly Candidate[]): Map<Task, Candidate> {
  const out = new Map<Task, Candidate>();
  // Jobs of one shape and parallelism take the same type: each shape's fit per type, and each answer, once.
  const rate = candidates.map((c) => {
    const r = ctx.rates(c, pool);
    return r.burst + r.extra;
  });
  const fits = new Map<string, number[]>();
  const answers = new Map<string, Candidate | null>();
  for (const job of pool.jobs) {
    const g = runGroup(job, ctx.w);
    const shape = `${g.cpuMillicores}/${g.memoryMiB}/${g.gpus}/${g.maxPerNode ?? ''}`;
    const key = `${shape}|${job.parallelism}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      let perNode = fits.get(shape);
      if (!perNode) fits.set(shape, (perNode = candidates.map((c) => fitCount(c.cap, g))));
      let best: Candidate | null = null;
      let bestCost = Infinity;
      for (let i = 0; i < candidates.length; i++) {
        if (perNode[i] === 0) continue;
        const c = candidates[i]!;
        const cost = Math.ceil(job.parallelism / perNode[i]!) * rate[i]!;
        if (!best || cost < bestCost - 1e-12 || (Math.abs(cost - bestCost) <= 1e-12 && c.shape.instanceType < best.shape.instanceType)) {
          best = c;
          bestCost = cost;
        }
      }
      answer = best;
      answers.set(key, answer);
    }
    if (answer) out.set(job, answer);
  }
  return out;
}

/** One job's runs on a candidate, with everything that does not depend on the utilisation worked out. */
interface JobProfile {
  task: Task;
  /** Tasks of a run the packed baseline's leftovers hold, and tasks one idle node holds. */
  fitPacked: number;
  fitPerIdleNode: number;
  /** Nodes of the baseline's type that hold a whole run. */
  holdNodes: number;
  runType: Candidate;
  perRunNode: number;
  seconds: number;
  /** Per node-hour: added for a run, or kept on all month. */
  runRate: number;
  keptRate: number;
}

/** A pool on one candidate type, independent of the utilisation: packings, shares, job runs, rates. */
export interface Profile {
  c: Candidate;
  exact: boolean;
  packs: (PackResult | null)[];
  packed: number[];
  shares: number[];
  rates: NodeRates;
  jobs: JobProfile[];
}

/** What a pool on a candidate needs at any utilisation; packing only when `exact` (otherwise estimates, for ranking). */
export function profileOf(ctx: PlanContext, pool: Pool, c: Candidate, exact: boolean, runTypes: ReadonlyMap<Task, Candidate>): Profile {
  const cap = c.cap;
  const packs = pool.layers.map((l) => (exact && l.groups.length > 0 ? pack(ctx, l.groups, cap) : null));
  const packed = pool.layers.map((l, i) => (l.groups.length === 0 ? 0 : (packs[i]?.nodes ?? roughNodes(l.groups, cap))));
  const jobs = pool.jobs.map((job): JobProfile => {
    const g = runGroup(job, ctx.w);
    const runType = runTypes.get(job) ?? c;
    const r = ctx.rates(runType, pool);
    const fitPerIdleNode = fitCount(cap, g);
    return {
      task: job,
      fitPacked: exact ? spareFit(packs[0] ?? null, cap, g, 0) : 0,
      fitPerIdleNode,
      holdNodes: Math.ceil(job.parallelism / Math.max(1, fitPerIdleNode)),
      runType,
      perRunNode: Math.max(1, fitCount(runType.cap, g)),
      seconds: runSeconds(ctx, job),
      runRate: r.burst + r.extra,
      keptRate: r.baseline + r.extra,
    };
  });
  return { c, exact, packs, packed, shares: pool.layers.map((l) => nodeShare(l.demand, cap)), rates: ctx.rates(c, pool), jobs };
}

/** Nodes one job's run adds with `idle` idle baseline nodes, and whether they are better kept on all month. */
function jobNodes(j: JobProfile, idle: number, H: number): { nodes: number; kept: boolean; cost: number } {
  const spare = j.fitPacked + idle * j.fitPerIdleNode;
  const nodes = Math.ceil(Math.max(0, j.task.parallelism - spare) / j.perRunNode);
  if (nodes === 0) return { nodes, kept: false, cost: 0 };
  const perRun = ((j.task.runsPerMonth * nodes * j.seconds) / 3600) * j.runRate;
  const kept = nodes * H * j.keptRate;
  return kept < perRun ? { nodes, kept: true, cost: kept } : { nodes, kept: false, cost: perRun };
}

/** Nodes a layer needs at utilisation `u`: the packing, or the share ÷ u (GPU pools: whole GPUs, no headroom). */
function layerNeed(pool: Pool, prof: Profile, i: number, u: number): number {
  if (pool.layers[i]!.groups.length === 0) return 0;
  const packed = prof.packed[i]!;
  return pool.gpu ? packed : Math.max(packed, Math.ceil(prof.shares[i]! / u - 1e-9));
}

interface Sizing {
  base: number;
  baseForServices: number;
  byUtilization: number;
  holding: number;
  cost: number;
}

/**
 * The cheapest baseline for the pool on its profiled candidate at utilisation `u` (arithmetic only, no
 * allocation: it runs for every candidate at every utilisation). Peaks add nodes for their hours, each
 * started every day and kept until the autoscaler removes it; job runs fit the baseline's real spare
 * room, get nodes of their own, or keep those on all month. The baseline can also be raised: nodes kept
 * on are covered by a Savings Plan and never wait to start.
 */
function size(ctx: PlanContext, pool: Pool, prof: Profile, u: number, raise = true): Sizing {
  if (!raise) {
    const byUtilization = layerNeed(pool, prof, 0, u);
    const base = Math.max(byUtilization, pool.zonesInUse, pool.minNodes);
    let holding = 0;
    for (const j of prof.jobs) holding += j.holdNodes;
    return { base, baseForServices: base, byUtilization, holding, cost: plainCost(ctx, pool, prof, u) };
  }
  const H = ctx.w.cost.hoursPerMonth;
  const days = daysPerMonth(H);
  const layers = pool.layers;
  const { rates, packed } = prof;
  const byUtilization = layerNeed(pool, prof, 0, u);
  const baseForServices = Math.max(byUtilization, pool.zonesInUse, pool.minNodes);
  const churnHours = ((CAPACITY.nodeStartSeconds.value + ctx.facts.scaleIn.value) / 3600) * days;
  // Each peak layer's nodes and node-hours per day, worked out once for every baseline tried.
  let peak = baseForServices;
  const needs: number[] = [];
  const layerHours: number[] = [];
  for (let i = 1; i < layers.length; i++) {
    const n = layerNeed(pool, prof, i, u);
    needs.push(n);
    layerHours.push(layers[i]!.hoursPerDay * days);
    if (n > peak) peak = n;
  }
  const baseRate = H * (rates.baseline + rates.extra);
  const burstRate = rates.burst + rates.extra;
  const costAt = (base: number): number => {
    let nodes = base;
    let hours = 0;
    for (let i = 0; i < needs.length; i++) {
      const n = needs[i]! > base ? needs[i]! : base;
      if (n > nodes) nodes = n;
      hours += (n - base) * layerHours[i]!;
    }
    hours += (nodes - base) * churnHours;
    const idle = base > packed[0]! ? base - packed[0]! : 0;
    let cost = base * baseRate + hours * burstRate;
    for (const j of prof.jobs) cost += jobNodes(j, idle, H).cost;
    return cost;
  };
  let holding = 0;
  for (const j of prof.jobs) holding += j.holdNodes;
  const most = Math.max(peak - baseForServices, holding);
  let base = baseForServices;
  let best = costAt(base);
  const tryRaise = (extra: number): void => {
    const cost = costAt(baseForServices + extra);
    if (cost < best - 1e-9) {
      best = cost;
      base = baseForServices + extra;
    }
  };
  if (raise && most > 0) {
    if (most <= MAX_RAISES) for (let k = 1; k <= most; k++) tryRaise(k);
    else for (const k of new Set([...prof.jobs.map((j) => j.holdNodes), holding, most])) tryRaise(k);
  }
  return { base, baseForServices, byUtilization, holding, cost: best };
}

/**
 * `size(…, raise = false).cost` without allocating: the baseline the services need, its peaks and job
 * runs (the same arithmetic in the same order, so the same number). Ranking calls it for every candidate.
 */
function plainCost(ctx: PlanContext, pool: Pool, prof: Profile, u: number): number {
  const H = ctx.w.cost.hoursPerMonth;
  const days = daysPerMonth(H);
  const layers = pool.layers;
  const { rates, packed } = prof;
  const base = Math.max(layerNeed(pool, prof, 0, u), pool.zonesInUse, pool.minNodes);
  const churnHours = ((CAPACITY.nodeStartSeconds.value + ctx.facts.scaleIn.value) / 3600) * days;
  let nodes = base;
  let hours = 0;
  for (let i = 1; i < layers.length; i++) {
    const need = layerNeed(pool, prof, i, u);
    const n = need > base ? need : base;
    if (n > nodes) nodes = n;
    hours += (n - base) * (layers[i]!.hoursPerDay * days);
  }
  hours += (nodes - base) * churnHours;
  const idle = base > packed[0]! ? base - packed[0]! : 0;
  let cost = base * (H * (rates.baseline + rates.extra)) + hours * (rates.burst + rates.extra);
  for (const j of prof.jobs) cost += jobNodes(j, idle, H).cost;
  return cost;
}

/** No plan of the profile costs less than its baseline for the services, kept on all month. */
function floorCost(ctx: PlanContext, sized: Sizing, prof: Profile): number {
  return sized.baseForServices * ctx.w.cost.hoursPerMonth * (prof.rates.baseline + prof.rates.extra);
}

/** The pool on its profiled candidate at utilisation `u` (0–1], spelled out. */
export function planPool(ctx: PlanContext, pool: Pool, prof: Profile, u: number, sized: Sizing = size(ctx, pool, prof, u)): PoolPlan {
  const { w, facts } = ctx;
  const { c, packed } = prof;
  const H = w.cost.hoursPerMonth;
  const days = daysPerMonth(H);
  const layers = pool.layers;
  const { base, baseForServices, byUtilization, holding, cost: best } = sized;
  const churnHours = ((CAPACITY.nodeStartSeconds.value + facts.scaleIn.value) / 3600) * days;
  const peaks = { nodes: base, hours: 0 };
  for (let i = 1; i < layers.length; i++) {
    const n = Math.max(base, layerNeed(pool, prof, i, u));
    peaks.nodes = Math.max(peaks.nodes, n);
    peaks.hours += (n - base) * layers[i]!.hoursPerDay * days;
  }
  peaks.hours += (peaks.nodes - base) * churnHours;

  const idle = Math.max(0, base - packed[0]!);
  const jobRuns: JobRun[] = prof.jobs.map((j) => {
    const n = jobNodes(j, idle, H);
    return {
      task: j.task,
      candidate: j.runType,
      nodesPerRun: n.kept ? 0 : n.nodes,
      keptNodes: n.kept ? n.nodes : 0,
      secondsPerNode: j.seconds,
    };
  });
  const jobHours = (r: JobRun): number => (r.task.runsPerMonth * r.nodesPerRun * r.secondsPerNode) / 3600;
  const jobNodeHours = jobRuns.reduce((sum, r) => sum + jobHours(r), 0);
  const baseNodeHours = base * H;
  const usage: NodeUsage[] = [{ candidate: c, baseHours: baseNodeHours, burstHours: peaks.hours }];
  for (const r of jobRuns) {
    const hours = jobHours(r);
    const kept = r.keptNodes * H;
    if (!(hours > 0) && !(kept > 0)) continue;
    const known = usage.find((x) => x.candidate === r.candidate);
    if (known) {
      known.burstHours += hours;
      known.baseHours += kept;
    } else usage.push({ candidate: r.candidate, baseHours: kept, burstHours: hours });
  }
  const nodeStartsPerMonth =
    base + (peaks.nodes - base) * days + jobRuns.reduce((n, r) => n + r.task.runsPerMonth * r.nodesPerRun + r.keptNodes, 0);
  // A node started for services pulls the images of the services it runs: at most one per task on it.
  const tasksPerNode = base > 0 ? layers[0]!.groups.reduce((n, g) => n + g.count, 0) / base : 0;
  const serviceMB = (list: readonly Task[]): number => {
    if (list.length === 0) return 0;
    const mean = list.reduce((sum, t) => sum + t.imageSizeMB, 0) / list.length;
    return mean * Math.min(list.length, Math.max(1, Math.ceil(tasksPerNode)));
  };
  const pulledMBPerMonth =
    base * serviceMB(pool.services) +
    (peaks.nodes - base) * days * serviceMB(pool.services.filter((s) => s.peakExtra > 0)) +
    jobRuns.reduce((sum, r) => sum + (r.task.runsPerMonth * r.nodesPerRun + r.keptNodes) * r.task.imageSizeMB, 0);

  let bindingLimit = 'jobs';
  if (pool.system && pool.services.length === 0) bindingLimit = facts.systemPods ? 'system pods' : 'minimum per cluster';
  else if (layers[0]!.groups.length > 0 || base > 0) {
    if (base > baseForServices) bindingLimit = base - baseForServices <= holding && prof.jobs.length > 0 ? 'jobs' : 'peak kept on';
    else if (base > byUtilization) bindingLimit = base === pool.zonesInUse && pool.zonesInUse > 0 ? 'zones' : 'minimum per cluster';
    else if (byUtilization > packed[0]!) bindingLimit = 'utilization';
    else {
      const dim = prof.packs[0]?.bindingLimit ?? 'cpu';
      bindingLimit = dim === 'slots' ? c.slotLabel : dim;
    }
  }
  return {
    pool,
    candidate: c,
    baseNodes: base,
    peakNodes: peaks.nodes,
    packedNodes: packed[0]!,
    lowerBoundNodes: prof.packs[0]?.lowerBound ?? 0,
    baseNodeHours,
    peakNodeHours: peaks.hours,
    jobNodeHours,
    jobRuns,
    usage,
    nodeStartsPerMonth,
    pulledMBPerMonth,
    bindingLimit,
    cost: best,
  };
}

/** Candidate types fully packed per pool: many for small workloads (the choice is then all but exact), a few for large ones. */
const SHORTLIST = 5;
const SHORTLIST_SMALL = 40;
const SMALL_WORKLOAD_GROUPS = 24;
/** Utilisations the shortlist is ranked at: fixed, so every utilisation prices over the same types. */
const RANKING: readonly (readonly [number, number])[] = [
  [0.7, 1],
  [1, 0.5],
  [0.4, 0.5],
  [0.1, 0.25],
];

/** Candidates kept by the first, cheapest cut: at least this many, or this many times the shortlist. */
const PREFILTER_MIN = 60;
const PREFILTER_FACTOR = 3;

/**
 * Marks the `k` smallest of `values`, ties broken by name: the same set as the first `k` of a full
 * sort by (value, name), found with one native numeric sort and a scan (ranking runs for every
 * candidate of every pool).
 */
function smallest(values: Float64Array, name: (i: number) => string, k: number, into: Uint8Array): void {
  const n = values.length;
  if (k >= n) {
    into.fill(1);
    return;
  }
  const threshold = values.slice().sort()[k - 1]!;
  let taken = 0;
  const ties: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < threshold) {
      into[i] = 1;
      taken++;
    } else if (v === threshold) ties.push(i);
  }
  ties.sort((a, b) => (name(a) < name(b) ? -1 : 1));
  for (let j = 0; j < ties.length && taken < k; j++, taken++) into[ties[j]!] = 1;
}

/** Tasks of a layer. */
const tasksIn = (l: Layer): number => l.groups.reduce((n, g) => n + g.count, 0);

/**
 * The candidates whose fractional lower bound of cost (the pool's demand in whole-node shares, on the
 * tightest of CPU, memory, GPUs and slots, at full and at 10 % utilisation, times the hourly rate) is
 * lowest, at the baseline and at the busiest layer: an O(1) estimate per type that keeps the rough packing for the promising ones.
 */
function prefilter(ctx: PlanContext, pool: Pool, candidates: readonly Candidate[], keep: number): readonly Candidate[] {
  if (candidates.length <= keep) return candidates;
  const busiest = pool.layers.reduce((a, l) => (l.demand[0] + l.demand[1] > a.demand[0] + a.demand[1] ? l : a), pool.layers[0]!);
  const rate = Float64Array.from(candidates, (c) => {
    const r = ctx.rates(c, pool);
    return r.baseline + r.extra;
  });
  const shares = (l: Layer): Float64Array => {
    const tasks = tasksIn(l);
    return Float64Array.from(candidates, ({ cap }) =>
      Math.max(
        l.demand[0] / cap.cpuMillicores,
        l.demand[1] / cap.memoryMiB,
        cap.gpus > 0 ? l.demand[2] / cap.gpus : l.demand[2] > 0 ? Infinity : 0,
        Number.isFinite(cap.slots) ? tasks / cap.slots : 0,
      ),
    );
  };
  const picked = new Uint8Array(candidates.length);
  const name = (i: number): string => candidates[i]!.shape.instanceType;
  for (const layer of busiest === pool.layers[0] ? [busiest] : [pool.layers[0]!, busiest]) {
    const share = shares(layer);
    for (const u of [1, 0.1]) {
      const bound = share.map((x, i) => noNaN(Math.max(x / u, pool.zonesInUse) * rate[i]!));
      smallest(bound, name, keep, picked);
    }
  }
  return candidates.filter((_, i) => picked[i] === 1);
}

const noNaN = (x: number): number => (Number.isNaN(x) ? Infinity : x);

/**
 * The cheapest candidates by estimated cost at a few fixed utilisations. They are ranked on the
 * services alone, so adding a job never changes the list (and never lowers the cost); a pool that runs
 * nothing all day keeps every candidate (planning it needs no packing).
 */
export function shortlist(ctx: PlanContext, pool: Pool, candidates: readonly Candidate[], most = Infinity): Candidate[] {
  const groups = pool.layers.reduce((n, l) => n + l.groups.length, 0);
  const k = Math.min(most, groups <= SMALL_WORKLOAD_GROUPS ? SHORTLIST_SMALL : SHORTLIST);
  if (candidates.length <= k || groups === 0) return [...candidates];
  const servicesOnly: Pool = { ...pool, jobs: [] };
  const noRuns = new Map<Task, Candidate>();
  const profiles = prefilter(ctx, pool, candidates, Math.max(PREFILTER_MIN, PREFILTER_FACTOR * k)).map((c) =>
    profileOf(ctx, servicesOnly, c, false, noRuns),
  );
  // The union of the cheapest at each ranking utilisation, in candidate order (the plan search sorts them itself).
  const picked = new Uint8Array(profiles.length);
  const name = (i: number): string => profiles[i]!.c.shape.instanceType;
  const cost = new Float64Array(profiles.length);
  for (const [u, share] of RANKING) {
    for (let i = 0; i < profiles.length; i++) cost[i] = noNaN(plainCost(ctx, servicesOnly, profiles[i]!, u));
    smallest(cost, name, Math.ceil(k * share), picked);
  }
  return profiles.filter((_, i) => picked[i] === 1).map((prof) => prof.c);
}

/** The utilisations splits of a pool are ranked at (the shortlist's). */
export const RANKING_UTILIZATIONS: readonly number[] = RANKING.map(([u]) => u);

/**
 * The estimated cost of the pool's services (no jobs) on its cheapest candidate at each of
 * `RANKING_UTILIZATIONS`: rough packings of the prefiltered candidates, no exact packing. Compares
 * ways to divide a pool among node groups before any of them is packed.
 */
export function roughCosts(ctx: PlanContext, pool: Pool, candidates: readonly Candidate[]): number[] {
  const servicesOnly: Pool = { ...pool, jobs: [] };
  const noRuns = new Map<Task, Candidate>();
  const profiles = prefilter(ctx, pool, candidates, PREFILTER_MIN).map((c) => profileOf(ctx, servicesOnly, c, false, noRuns));
  return RANKING_UTILIZATIONS.map((u) => {
    let best = Infinity;
    for (const prof of profiles) best = Math.min(best, noNaN(plainCost(ctx, servicesOnly, prof, u)));
    return best;
  });
}

/**
 * The cheapest plan among the profiled candidates at `u` (ties: the alphabetically first type). The
 * search for a raised baseline runs in order of the plain cost and skips a type whose floor (its
 * baseline alone) already costs more than the best plan found: the same answer as trying every type.
 */
export function cheapestPlan(ctx: PlanContext, pool: Pool, profiles: readonly Profile[], u: number): PoolPlan | null {
  const plain = profiles.map((prof) => ({ prof, sized: size(ctx, pool, prof, u, false) }));
  plain.sort((a, b) => a.sized.cost - b.sized.cost || (a.prof.c.shape.instanceType < b.prof.c.shape.instanceType ? -1 : 1));
  let best: { prof: Profile; sized: Sizing } | null = null;
  for (const { prof, sized: plainSized } of plain) {
    if (best && floorCost(ctx, plainSized, prof) > best.sized.cost + 1e-9) continue;
    const sized = size(ctx, pool, prof, u, true);
    if (
      !best ||
      sized.cost < best.sized.cost - 1e-9 ||
      (Math.abs(sized.cost - best.sized.cost) <= 1e-9 && prof.c.shape.instanceType < best.prof.c.shape.instanceType)
    )
      best = { prof, sized };
  }
  return best ? planPool(ctx, pool, best.prof, u, best.sized) : null;
}
