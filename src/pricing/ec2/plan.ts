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
import { runGroup, type Pool } from './pools.js';

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

/** Baselines tried for job capacity kept always on: every count up to this many extra nodes. */
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
  for (const job of pool.jobs) {
    const g = runGroup(job, ctx.w);
    let best: { c: Candidate; cost: number } | null = null;
    for (const c of candidates) {
      const perNode = fitCount(c.cap, g);
      if (perNode === 0) continue;
      const r = ctx.rates(c, pool);
      const cost = Math.ceil(job.parallelism / perNode) * (r.burst + r.extra);
      if (!best || cost < best.cost - 1e-12 || (Math.abs(cost - best.cost) <= 1e-12 && c.shape.instanceType < best.c.shape.instanceType))
        best = { c, cost };
    }
    if (best) out.set(job, best.c);
  }
  return out;
}

/** The pool on one candidate at utilisation `u` (0–1]; `exact` packs, otherwise estimates (for ranking). */
export function planPool(
  ctx: PlanContext,
  pool: Pool,
  c: Candidate,
  u: number,
  exact: boolean,
  runTypes: ReadonlyMap<Task, Candidate>,
): PoolPlan {
  const { w, facts } = ctx;
  const H = w.cost.hoursPerMonth;
  const days = daysPerMonth(H);
  const cap = c.cap;
  const packs = pool.layers.map((l) => (exact && l.groups.length > 0 ? pack(ctx, l.groups, cap) : null));
  const packed = pool.layers.map((l, i) => (l.groups.length === 0 ? 0 : (packs[i]?.nodes ?? roughNodes(l.groups, cap))));
  // GPU pools are sized by whole GPUs: the utilisation target adds no GPU nodes.
  const need = (i: number): number =>
    pool.layers[i]!.groups.length === 0
      ? 0
      : pool.gpu
        ? packed[i]!
        : Math.max(packed[i]!, Math.ceil(nodeShare(pool.layers[i]!.demand, cap) / u - 1e-9));

  const byUtilization = need(0);
  const baseForServices = Math.max(byUtilization, pool.zonesInUse, pool.minNodes);

  // Peaks add nodes for their hours, each started every day and kept until the autoscaler removes it.
  const rateOf = (x: Candidate): NodeRates => ctx.rates(x, pool);
  const ownRate = rateOf(c);
  const churnHours = (CAPACITY.nodeStartSeconds.value + facts.scaleIn.value) / 3600;
  const peaksWith = (baseNodes: number): { peakNodes: number; peakNodeHours: number } => {
    let peakNodes = baseNodes;
    let peakNodeHours = 0;
    for (let i = 1; i < pool.layers.length; i++) {
      const n = Math.max(baseNodes, need(i));
      peakNodes = Math.max(peakNodes, n);
      peakNodeHours += (n - baseNodes) * pool.layers[i]!.hoursPerDay * days;
    }
    return { peakNodes, peakNodeHours: peakNodeHours + (peakNodes - baseNodes) * churnHours * days };
  };
  // Jobs: a run fits the baseline's real spare room (the packed nodes' leftovers and idle nodes), or gets
  // nodes of its own for the run, or keeps them on all month when runs fill most of the day.
  const runsWith = (baseNodes: number): { runs: JobRun[]; cost: number } => {
    const empty = Math.max(0, baseNodes - packed[0]!);
    let cost = 0;
    const runs = pool.jobs.map((job): JobRun => {
      const g = runGroup(job, w);
      const spare = exact ? spareFit(packs[0] ?? null, cap, g, empty) : empty * fitCount(cap, g);
      const extraTasks = Math.max(0, job.parallelism - spare);
      const type = runTypes.get(job) ?? c;
      const nodes = Math.ceil(extraTasks / Math.max(1, fitCount(type.cap, g)));
      const seconds = runSeconds(ctx, job);
      const r = rateOf(type);
      const perRun = ((job.runsPerMonth * nodes * seconds) / 3600) * (r.burst + r.extra);
      const kept = nodes * H * (r.baseline + r.extra);
      if (nodes > 0 && kept < perRun) {
        cost += kept;
        return { task: job, candidate: type, nodesPerRun: 0, keptNodes: nodes, secondsPerNode: seconds };
      }
      cost += perRun;
      return { task: job, candidate: type, nodesPerRun: nodes, keptNodes: 0, secondsPerNode: seconds };
    });
    return { runs, cost };
  };
  // The baseline as the services need it, or raised: nodes kept on all month can be cheaper than
  // scaling for every peak and every job run (a Savings Plan covers them, and they never wait to start).
  const costWith = (baseNodes: number) => {
    const peaks = peaksWith(baseNodes);
    const jobs = runsWith(baseNodes);
    const cost = baseNodes * H * (ownRate.baseline + ownRate.extra) + peaks.peakNodeHours * (ownRate.burst + ownRate.extra) + jobs.cost;
    return { base: baseNodes, ...peaks, ...jobs, cost };
  };
  const holdAll = (g: TaskGroup): number => Math.ceil(g.count / Math.max(1, fitCount(cap, g)));
  const holds = pool.jobs.map((j) => holdAll(runGroup(j, w)));
  const most = Math.max(
    holds.reduce((n, h) => n + h, 0),
    peaksWith(baseForServices).peakNodes - baseForServices,
  );
  const raises = most <= MAX_RAISES ? Array.from({ length: most }, (_, i) => i + 1) : [...new Set([...holds, most])];
  let chosen = costWith(baseForServices);
  for (const extra of raises) {
    const option = costWith(baseForServices + extra);
    if (option.cost < chosen.cost - 1e-9) chosen = option;
  }
  const { base, peakNodes, peakNodeHours } = chosen;
  const jobRuns = chosen.runs;
  const jobHours = (r: JobRun): number => (r.task.runsPerMonth * r.nodesPerRun * r.secondsPerNode) / 3600;
  const jobNodeHours = jobRuns.reduce((sum, r) => sum + jobHours(r), 0);

  const nodeStartsPerMonth =
    base + (peakNodes - base) * days + jobRuns.reduce((n, r) => n + r.task.runsPerMonth * r.nodesPerRun + r.keptNodes, 0);
  // A node started for services pulls the images of the services it runs: at most one per task on it.
  const tasksPerNode = base > 0 ? pool.layers[0]!.groups.reduce((n, g) => n + g.count, 0) / base : 0;
  const serviceMB = (list: readonly Task[]): number => {
    if (list.length === 0) return 0;
    const mean = list.reduce((sum, t) => sum + t.imageSizeMB, 0) / list.length;
    return mean * Math.min(list.length, Math.max(1, Math.ceil(tasksPerNode)));
  };
  const peaking = pool.services.filter((s) => s.peakExtra > 0);
  const pulledMBPerMonth =
    base * serviceMB(pool.services) +
    (peakNodes - base) * days * serviceMB(peaking) +
    jobRuns.reduce((sum, r) => sum + (r.task.runsPerMonth * r.nodesPerRun + r.keptNodes) * r.task.imageSizeMB, 0);

  const baseNodeHours = base * H;
  const usage: NodeUsage[] = [{ candidate: c, baseHours: baseNodeHours, burstHours: peakNodeHours }];
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
  let cost = 0;
  for (const x of usage) {
    const rates = ctx.rates(x.candidate, pool);
    cost += x.baseHours * rates.baseline + x.burstHours * rates.burst + (x.baseHours + x.burstHours) * rates.extra;
  }

  let bindingLimit = 'jobs';
  if (pool.system && pool.services.length === 0) bindingLimit = facts.systemPods ? 'system pods' : 'minimum per cluster';
  else if (pool.layers[0]!.groups.length > 0 || base > 0) {
    if (base > baseForServices)
      bindingLimit = chosen.runs.length > 0 && base - baseForServices <= holds.reduce((n, h) => n + h, 0) ? 'jobs' : 'peak kept on';
    else if (base > byUtilization) bindingLimit = base === pool.zonesInUse && pool.zonesInUse > 0 ? 'zones' : 'minimum per cluster';
    else if (byUtilization > packed[0]!) bindingLimit = 'utilization';
    else {
      const dim = packs[0]?.bindingLimit ?? 'cpu';
      bindingLimit = dim === 'slots' ? c.slotLabel : dim;
    }
  }
  return {
    pool,
    candidate: c,
    baseNodes: base,
    peakNodes,
    packedNodes: packed[0]!,
    lowerBoundNodes: packs[0]?.lowerBound ?? 0,
    baseNodeHours,
    peakNodeHours,
    jobNodeHours,
    jobRuns,
    usage,
    nodeStartsPerMonth,
    pulledMBPerMonth,
    bindingLimit,
    cost,
  };
}

/** Candidate types fully packed per pool: many for small workloads (the choice is then all but exact), a few for large ones. */
const SHORTLIST = 5;
const SHORTLIST_SMALL = 40;
const SMALL_WORKLOAD_GROUPS = 24;

/**
 * The cheapest candidates by estimated cost at the workload's utilisation, at 100 % and at 10 %. They
 * are ranked on the services alone, so adding a job never changes the list (and never lowers the
 * cost); a pool that runs nothing all day keeps every candidate (planning it needs no packing).
 */
export function shortlist(ctx: PlanContext, pool: Pool, candidates: readonly Candidate[]): Candidate[] {
  const groups = pool.layers.reduce((n, l) => n + l.groups.length, 0);
  const k = groups <= SMALL_WORKLOAD_GROUPS ? SHORTLIST_SMALL : SHORTLIST;
  if (candidates.length <= k || groups === 0) return [...candidates];
  const servicesOnly: Pool = { ...pool, jobs: [] };
  const noRuns = new Map<Task, Candidate>();
  const u0 = ctx.w.cost.utilization / 100;
  const picked = new Set<Candidate>();
  for (const [u, take] of [
    [u0, k],
    [1, Math.ceil(k / 2)],
    [0.1, Math.ceil(k / 4)],
  ] as const) {
    const ranked = candidates
      .map((c) => ({ c, cost: planPool(ctx, servicesOnly, c, u, false, noRuns).cost }))
      .sort((a, b) => a.cost - b.cost || (a.c.shape.instanceType < b.c.shape.instanceType ? -1 : 1));
    for (const r of ranked.slice(0, take)) picked.add(r.c);
  }
  return [...picked];
}

/** The cheapest exact plan among the shortlisted candidates (ties: the alphabetically first type). */
export function cheapestPlan(
  ctx: PlanContext,
  pool: Pool,
  shortlisted: readonly Candidate[],
  u: number,
  runTypes: ReadonlyMap<Task, Candidate>,
): PoolPlan | null {
  let best: PoolPlan | null = null;
  for (const c of shortlisted) {
    const p = planPool(ctx, pool, c, u, true, runTypes);
    if (
      !best ||
      p.cost < best.cost - 1e-9 ||
      (Math.abs(p.cost - best.cost) <= 1e-9 && c.shape.instanceType < best.candidate.shape.instanceType)
    )
      best = p;
  }
  return best;
}
