/**
 * An EC2-backed option priced on a fleet you could deploy: per cluster and node pool, the cheapest
 * instance type at the workload's utilisation; its bill, its cost curve from 10 to 100 % and the
 * utilisation at which it breaks even with its Fargate counterpart.
 */
import type { CurvePoint, Ec2Sizing, OptionPricing, PoolSizing } from '../../domain/advice.js';
import { CAPACITY, type Ec2OptionFacts as Ec2Facts } from '../../domain/capacity.js';
import type { OptionSpec } from '../../domain/options.js';
import type { PriceBook, SourcedPrice } from '../../domain/price-book.js';
import { tasksOf, type Task } from '../../domain/tasks.js';
import type { Workload } from '../../schema/workload.js';
import { Bill } from '../collector.js';
import { monthlyCost, roundTo } from '../money.js';
import { addEc2Items, type Ec2Pricing, type PlacedPlan } from './bill.js';
import { candidatesFor, nodeCapacity, type Candidate } from './candidates.js';
import { memoFor, type PricingMemo } from '../memo.js';
import {
  cheapestPlan,
  jobTypes,
  profileOf,
  RANKING_UTILIZATIONS,
  roughCosts,
  shortlist,
  type NodeRates,
  type PackCache,
  type PlanContext,
  type PoolPlan,
  type Profile,
} from './plan.js';
import { splitsOf } from './split.js';
import { packingLowerBound } from './lp.js';
import { clustersOf, poolsOf, type ClusterSpec, type Pool } from './pools.js';

export const CURVE_UTILIZATIONS = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const;

/** Everything about an option's fleet that does not depend on the utilisation. */
interface Prepared {
  ctx: PlanContext;
  choices: PoolChoice[];
  unplaceable: string[];
  warnings: string[];
  /** Monthly totals by whole utilisation percentage (the cost curve and the break-even search). */
  totals: Map<number, number>;
}

function prepare(
  w: Workload,
  tasks: readonly Task[],
  book: PriceBook,
  option: OptionSpec,
  pricing: Ec2Pricing,
  memo: PricingMemo,
): Prepared {
  const facts = option.ec2!;
  const ctx = planContext(w, book, option, pricing, memo.packs);
  const choices: PoolChoice[] = [];
  const unplaceable: string[] = [];
  const warnings: string[] = [];
  // The pool's own type must hold its services and system pods; job runs take types of their own
  // (every type that holds a run is a candidate for it).
  const candidatesOf = (pool: Pool) =>
    candidatesFor(
      { arch: pool.arch, os: pool.os, gpu: pool.gpu, groups: pool.layers.flatMap((l) => l.groups) },
      option,
      facts,
      w,
      book,
      memo.candidates,
    );
  const runTypesOf = (pool: Pool, candidates: readonly Candidate[]) => {
    const runTypes = jobTypes(ctx, pool, candidates);
    return { runTypes, stranded: pool.jobs.filter((j) => !runTypes.has(j)) };
  };
  const partOf = (pool: Pool, candidates: readonly Candidate[], runTypes: ReadonlyMap<Task, Candidate>, most = Infinity): PartChoice => ({
    pool,
    profiles: shortlist(ctx, pool, candidates, most).map((cand) => profileOf(ctx, pool, cand, true, runTypes)),
    candidatesConsidered: candidates.length,
  });
  for (const cluster of clustersOf(w, tasks)) {
    for (const pool of poolsOf(cluster, facts, w, memo.layers)) {
      const { candidates, warnings: found } = candidatesOf(pool);
      const { runTypes, stranded } = runTypesOf(pool, candidates);
      warnings.push(...found);
      if (candidates.length === 0 || stranded.length > 0) {
        for (const t of candidates.length === 0 ? [...pool.services, ...pool.jobs] : stranded)
          if (!unplaceable.includes(t.name)) unplaceable.push(t.name);
        if (candidates.length === 0) continue;
      }
      const ways = [[partOf(pool, candidates, runTypes)], ...splitWays(pool, candidates)];
      choices.push({ cluster, pool, ways });
    }
  }
  return { ctx, choices, unplaceable, warnings, totals: new Map() };

  /**
   * The ways of dividing the pool among node groups worth packing: at each ranking utilisation, the
   * one whose rough estimate is lowest, when it is not far above the pool's own (the exact plans
   * then decide at each utilisation).
   */
  function splitWays(pool: Pool, poolCandidates: readonly Candidate[]): PartChoice[][] {
    const tasksInPool = pool.layers[0]!.groups.reduce((n, g) => n + g.count, 0);
    if (tasksInPool > HUGE_POOL_TASKS) return [];
    const large = tasksInPool > LARGE_POOL_TASKS;
    const splits = splitsOf(pool, w, large ? 2 : Infinity);
    if (splits.ways.length === 0) return [];
    // Estimated on the services alone; the jobs' run types are found for the parts that get packed.
    const parts = splits.parts.map((part) => {
      const { candidates } = candidatesOf(part);
      return candidates.length === 0 ? null : { part, candidates, rough: roughCosts(ctx, part, candidates) };
    });
    const own = roughCosts(ctx, pool, poolCandidates);
    const kept = new Set<number>();
    RANKING_UTILIZATIONS.forEach((_, k) => {
      let best = -1;
      let bestCost = own[k]! * SPLIT_ESTIMATE_SLACK;
      splits.ways.forEach((way, i) => {
        let cost = 0;
        for (const j of way) cost += parts[j]?.rough[k] ?? Infinity;
        if (cost < bestCost) {
          best = i;
          bestCost = cost;
        }
      });
      if (best >= 0) kept.add(best);
    });
    const profiled = new Map<number, PartChoice | null>();
    const profiledPart = (j: number): PartChoice | null => {
      let choice = profiled.get(j);
      if (choice === undefined) {
        const { part, candidates } = parts[j]!;
        const { runTypes, stranded } = runTypesOf(part, candidates);
        choice = stranded.length > 0 ? null : partOf(part, candidates, runTypes, large ? SHORTLIST_LARGE_PART : Infinity);
        profiled.set(j, choice);
      }
      return choice;
    };
    // In ranking order (the utilisations the advice is most often read at first); a part whose job
    // runs no candidate holds drops its ways.
    return [...kept].slice(0, large ? 1 : MAX_WAYS).flatMap((i) => {
      const way = splits.ways[i]!.map(profiledPart);
      return way.every((p) => p !== null) ? [way as PartChoice[]] : [];
    });
  }
}

/**
 * How far above the pool's own rough estimate a division may be estimated and still be packed: the
 * estimates ignore how shapes share a node, which favours the whole pool or its parts by a few per cent.
 */
const SPLIT_ESTIMATE_SLACK = 1.1;
/** Divisions packed per pool at most (each part is a shortlist of packings). */
const MAX_WAYS = 3;
/**
 * Above this many always-on tasks a pool packs one division at most, and its parts only a short list
 * of types: a large fleet's parts are large too, where the choice of type within a family moves the
 * cost little (and the 2,000-service advice, what-if included, stays about a second).
 */
const LARGE_POOL_TASKS = 5000;
/**
 * Above this many, no division is tried: one type per pool is within a few per cent of the bound
 * over all types there (npm run bench), and estimating divisions would double the pricing time.
 */
const HUGE_POOL_TASKS = 20000;
const SHORTLIST_LARGE_PART = 5;

/** One node group of a pool: its shortlisted types, profiled once for every utilisation. */
interface PartChoice {
  pool: Pool;
  profiles: Profile[];
  candidatesConsidered: number;
}

interface PoolChoice {
  cluster: ClusterSpec;
  pool: Pool;
  /** The pool as one node group, then each way of dividing it among node groups worth planning. */
  ways: PartChoice[][];
}

/** What every line that is not instance-hours costs: Spot and Savings Plan shares, fees, licences, volumes. */
function ec2Pricing(w: Workload, book: PriceBook, option: OptionSpec, bill: Bill): Ec2Pricing {
  const defaults = book.snapshot.defaults;
  const spotShare = w.cost.ec2.spotPercent / 100;
  const spotDefault = defaults.ec2SpotDiscountPercent;
  if (spotShare > 0 && w.cost.ec2.spotDiscountPercent === null) bill.use(spotDefault, 'EC2 Spot discount');
  const table = option.managementFee === 'auto-mode' ? book.prices.eks.autoModeFee : book.prices.ecs.managedInstancesFee;
  const ratio = option.managementFee === 'auto-mode' ? defaults.autoModeFeeRatio : defaults.managedInstancesFeeRatio;
  const fee = (c: Candidate): SourcedPrice | null => {
    if (option.managementFee === 'none') return null;
    return (
      table?.[c.shape.instanceType] ?? {
        usd: c.price.usd * ratio.usd,
        source: ratio.source,
        asOf: ratio.asOf,
        estimate: {
          reason: ratio.estimate?.reason ?? `fee estimated as ${ratio.usd * 100}% of the EC2 price`,
          fix: `run \`ecs-or-eks prices refresh --region ${book.region}\``,
        },
      }
    );
  };
  const volumeType = option.ec2!.rootVolume.value.volumeType;
  return {
    spotShare,
    spotDiscount: (w.cost.ec2.spotDiscountPercent ?? spotDefault.usd) / 100,
    savingsPlan: w.cost.ec2.discountPercent / 100,
    savingsPlanOnBursts: w.cost.ec2.discountAppliesTo === 'all',
    fee,
    windowsLicence: (c) => (c.shape.burstable ? defaults.ec2WindowsBurstableLicenceVcpuHour : defaults.ec2WindowsLicenceVcpuHour),
    volume: volumeType === 'gp2' ? book.prices.ebs?.gp2GbMonth : book.prices.ebs?.gp3GbMonth,
    dataVolume: book.prices.ebs?.gp3GbMonth,
  };
}

function planContext(w: Workload, book: PriceBook, option: OptionSpec, pricing: Ec2Pricing, packCache: PackCache): PlanContext {
  const H = w.cost.hoursPerMonth;
  const volumeMonth = pricing.volume?.usd ?? 0;
  // Rates depend on the type and the OS only; ranking reads them for every candidate many times.
  const known = { linux: new Map<Candidate, NodeRates>(), windows: new Map<Candidate, NodeRates>() };
  return {
    w,
    facts: option.ec2!,
    packCache,
    minimumSeconds: book.snapshot.defaults.linuxMinimumSeconds.usd,
    pullSeconds: (mb) => mb / CAPACITY.imagePullMBps.value,
    rates: (c, pool) => {
      const byType = known[pool.os];
      let r = byType.get(c);
      if (!r) byType.set(c, (r = ratesOf(c, pool)));
      return r;
    },
  };

  function ratesOf(c: Candidate, pool: Pool): NodeRates {
    const p = c.price.usd;
    const spot = p * pricing.spotShare * (1 - pricing.spotDiscount);
    const od = p * (1 - pricing.spotShare);
    const windows = pool.os === 'windows';
    const volume = option.ec2!.rootVolume.value;
    const gib = windows ? volume.windowsGiB : volume.linuxGiB;
    const licence = windows ? pricing.windowsLicence(c).usd * c.shape.vcpu : 0;
    return {
      baseline: od * (1 - pricing.savingsPlan) + spot,
      burst: od * (pricing.savingsPlanOnBursts ? 1 - pricing.savingsPlan : 1) + spot,
      extra: (pricing.fee(c)?.usd ?? 0) + licence + (gib * volumeMonth) / H,
    };
  }
}

export function priceEc2Option(
  w: Workload,
  tasks: readonly Task[],
  book: PriceBook,
  option: OptionSpec,
  counterpartTotal: number,
  memo: PricingMemo,
  addCommon: (bill: Bill) => void,
): OptionPricing {
  const facts = option.ec2;
  if (!facts) throw new Error(`${option.id} is not an EC2-backed option`);
  const bill = new Bill();
  const pricing = ec2Pricing(w, book, option, bill);
  const preparations = memoFor(memo.prepared, option.id);
  const prepared =
    (preparations.get(w, book) as Prepared | undefined) ??
    (preparations.set(w, book, prepare(w, tasks, book, option, pricing, memo)) as Prepared);
  for (const message of prepared.warnings) bill.warn(message);
  const { choices, unplaceable, ctx } = prepared;
  const plansAt = (u: number): PlacedPlan[] => choices.flatMap((ch) => cheapestWay(ctx, ch, u));

  const u0 = w.cost.utilization / 100;
  const placed = plansAt(u0);
  addEc2Items(bill, placed, option, w, book, pricing);
  addCommon(bill);
  if (unplaceable.length > 0) {
    bill.block(
      'no-instance-fits',
      `no EC2 instance type can run ${unplaceable.join(', ')} (too large, or too many GPUs per task); not priced`,
    );
  }
  const total = monthlyCost(bill.items).total;
  prepared.totals.set(w.cost.utilization, total);
  const totalAt = (u: number): number => {
    const known = prepared.totals.get(u);
    if (known !== undefined) return known;
    const scratch = new Bill();
    addEc2Items(scratch, plansAt(u / 100), option, w, book, pricing);
    addCommon(scratch);
    const t = monthlyCost(scratch.items).total;
    prepared.totals.set(u, t);
    return t;
  };
  // The curve, the break-even and the sizing are worked out when first read: the what-if search
  // reads only totals and blockers, the advice reads everything (the same values either way).
  const counterpart = option.fargateCounterpart!;
  const costCurve = once((): CurvePoint[] => CURVE_UTILIZATIONS.map((u) => ({ utilization: u, monthly: totalAt(u) })));
  const breakEven = once(() => breakEvenAgainst(totalAt, counterpartTotal, counterpart));
  const sizing = once((): Ec2Sizing => ({
    ...sizingOf(option, w, placed, choices, u0),
    // A getter: the rules read the sizing on every what-if probe, the break-even search only the report.
    breakEven: {
      against: counterpart,
      get note() {
        return breakEven().note;
      },
    },
  }));
  return {
    option: option.id,
    monthlyCost: monthlyCost(bill.items),
    get sizing() {
      return sizing();
    },
    get costCurve() {
      return costCurve();
    },
    get breakEvenUtilization() {
      return breakEven().breakEven;
    },
    blockers: [...bill.blockers],
    estimates: bill.estimates,
    warnings: [...bill.warnings],
  };
}

/**
 * The pool's cheapest way at `u`: as one node group, or divided among several (a division must cost
 * strictly less; a part shared by two ways is planned once).
 */
function cheapestWay(ctx: PlanContext, ch: PoolChoice, u: number): PlacedPlan[] {
  const planned = new Map<PartChoice, PoolPlan | null>();
  let best: PoolPlan[] = [];
  let bestCost = Infinity;
  for (const way of ch.ways) {
    const plans: PoolPlan[] = [];
    let cost = 0;
    for (const part of way) {
      let plan = planned.get(part);
      if (plan === undefined) planned.set(part, (plan = cheapestPlan(ctx, part.pool, part.profiles, u)));
      if (!plan) break;
      plans.push(plan);
      cost += plan.cost;
    }
    if (plans.length === way.length && cost < bestCost - 1e-9) {
      best = plans;
      bestCost = cost;
    }
  }
  return best.map((plan) => ({ plan, copies: ch.cluster.copies }));
}

/** `make()` on the first call, the same value after. */
function once<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

/** The smallest whole utilisation at which the option costs no more than its Fargate counterpart. */
function breakEvenAgainst(
  totalAt: (u: number) => number,
  fargateTotal: number,
  counterpart: string,
): { breakEven: number | null; note: string } {
  if (totalAt(100) > fargateTotal) return { breakEven: null, note: `more expensive than ${counterpart} even at 100% utilisation` };
  if (totalAt(1) <= fargateTotal) return { breakEven: null, note: `cheaper than ${counterpart} at any utilisation` };
  let lo = 1;
  let hi = 100;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (totalAt(mid) <= fargateTotal) hi = mid;
    else lo = mid;
  }
  return { breakEven: hi, note: `costs the same as ${counterpart} at about ${hi}% utilisation; cheaper above it` };
}

function sizingOf(
  option: OptionSpec,
  w: Workload,
  placed: readonly PlacedPlan[],
  choices: readonly PoolChoice[],
  u: number,
): Omit<Ec2Sizing, 'breakEven'> {
  const { launchLabel, orchestrator, nodesRunBy } = option;
  const launchType =
    orchestrator === 'ecs' && nodesRunBy === 'you'
      ? `${launchLabel} (${w.requirements.hostNetworking ? 'host networking' : 'awsvpc, ENI trunking where supported'})`
      : launchLabel;
  const types = [...new Set(placed.map((p) => p.plan.candidate.shape.instanceType))].sort();
  const parts = new Map<Pool, { cluster: ClusterSpec; considered: number }>();
  for (const ch of choices)
    for (const way of ch.ways) for (const part of way) parts.set(part.pool, { cluster: ch.cluster, considered: part.candidatesConsidered });
  // The node groups a pool is divided among are numbered after the first: "linux/x86_64 (2)".
  const seen = new Map<string, number>();
  const pools: PoolSizing[] = placed.map(({ plan: p, copies }) => {
    const cap = p.candidate.cap;
    const baseTasks = p.pool.services.reduce((n, t) => n + t.replicas, 0);
    const choice = parts.get(p.pool)!;
    const key = `${choice.cluster.first}|${p.pool.key}`;
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    return {
      pool: nth === 1 ? p.pool.key : `${p.pool.key} (${nth})`,
      cluster: choice.cluster.first,
      copies,
      instanceType: p.candidate.shape.instanceType,
      instance: { vcpu: p.candidate.shape.vcpu, memoryGiB: roundTo(p.candidate.shape.memoryMiB / 1024, 2), gpus: p.candidate.shape.gpus },
      capacityPerNode: {
        cpu: roundTo(cap.cpuMillicores / 1000, 3),
        memoryGiB: roundTo(cap.memoryMiB / 1024, 3),
        gpus: cap.gpus,
        [p.candidate.slotLabel]: Number.isFinite(cap.slots) ? cap.slots : null,
      },
      nodes: p.baseNodes,
      peakNodes: p.peakNodes,
      packedNodes: p.packedNodes,
      lowerBoundNodes: p.lowerBoundNodes,
      zonesInUse: p.pool.zonesInUse,
      tasksPerNode: p.baseNodes > 0 ? roundTo(baseTasks / p.baseNodes, 2) : 0,
      bindingLimit: p.bindingLimit,
      serviceNodeHours: roundTo(p.baseNodeHours + p.peakNodeHours, 2),
      jobNodeHours: roundTo(p.jobNodeHours, 2),
      candidatesConsidered: choice.considered,
    };
  });
  const count = (f: (p: PlacedPlan) => number) => placed.reduce((n, p) => n + f(p) * p.copies, 0);
  return {
    launchType,
    utilizationPercent: roundTo(u * 100, 2),
    nodeTypes: types,
    nodeCount: count((p) => p.plan.baseNodes),
    peakNodeCount: count((p) => p.plan.peakNodes),
    nodeHoursPerMonth: roundTo(
      count((p) => p.plan.baseNodeHours + p.plan.peakNodeHours + p.plan.jobNodeHours),
      2,
    ),
    bindingLimit: placed[0]?.plan.bindingLimit ?? null,
    pools,
  };
}

/** One pool's baseline against the LP lower bound over all its candidate types. */
export interface PoolBound {
  cluster: number;
  pool: string;
  copies: number;
  /** The cheapest fractional fleet for the baseline's tasks, per hour (see `lp.ts`). */
  boundPerHour: number;
  optimal: boolean;
  /** The LP's fleet: fractional nodes by instance type. */
  mix: { instanceType: string; nodes: number }[];
  /** What one always-on node of a type costs per hour in the model (instance, fee, licence, root volume), candidate or not. */
  ratePerHour: (instanceType: string) => number | undefined;
  /**
   * The same bound with only the given types (how much of a gap the choice of types explains); a type
   * that is no candidate of the whole pool (it holds only some of its tasks) still counts, with its
   * capacity; undefined when a type is not priced.
   */
  boundOn: (...instanceTypes: string[]) => number | undefined;
}

/**
 * For `npm run bench`: each pool's always-on tasks priced as the cheapest fractional fleet over ALL
 * the pool's candidate types (not just the shortlist), CPU, memory, GPUs and pod/ENI/task slots together,
 * with at least a node per zone in use (and the cluster's minimum); at utilisation `u` (0–1] every node
 * offers `u` of its CPU and memory (GPU pools: all of it). No fleet the model builds can cost less.
 */
export function poolLowerBounds(w: Workload, book: PriceBook, option: OptionSpec, u: number): PoolBound[] {
  const facts = option.ec2;
  if (!facts) throw new Error(`${option.id} is not an EC2-backed option`);
  const ctx = planContext(w, book, option, ec2Pricing(w, book, option, new Bill()), new Map());
  const out: PoolBound[] = [];
  for (const cluster of clustersOf(w, tasksOf(w))) {
    for (const pool of poolsOf(cluster, facts, w)) {
      const groups = pool.layers[0]!.groups;
      const { candidates } = candidatesFor(
        { arch: pool.arch, os: pool.os, gpu: pool.gpu, groups: pool.layers.flatMap((l) => l.groups) },
        option,
        facts,
        w,
        book,
      );
      if (candidates.length === 0 || groups.length === 0) continue;
      const headroom = pool.gpu ? 1 : u;
      const rate = (c: Candidate): number => {
        const r = ctx.rates(c, pool);
        return r.baseline + r.extra;
      };
      const bound = (types: readonly Candidate[]) =>
        packingLowerBound(
          groups.map((g) => ({
            count: g.count,
            use: [g.cpuMillicores, g.memoryMiB, g.gpus, 1],
            ...(g.maxPerNode ? { maxPerNode: g.maxPerNode } : {}),
          })),
          types.map((c) => ({
            capacity: [c.cap.cpuMillicores * headroom, c.cap.memoryMiB * headroom, c.cap.gpus, c.cap.slots],
            cost: rate(c),
            ref: c,
          })),
          { tolerance: 1e-4, minNodes: Math.max(pool.zonesInUse, pool.minNodes) },
        );
      const lp = bound(candidates);
      const byType = new Map(candidates.map((c) => [c.shape.instanceType, c]));
      out.push({
        cluster: cluster.first,
        pool: pool.key,
        copies: cluster.copies,
        boundPerHour: lp.bound,
        optimal: lp.optimal,
        mix: lp.mix.map((m) => ({ instanceType: m.ref.shape.instanceType, nodes: m.nodes })),
        ratePerHour: (type) => {
          const c = byType.get(type) ?? candidateOf(type, pool, facts, w, book);
          return c ? rate(c) : undefined;
        },
        boundOn: (...types) => {
          const chosen = types.map((type) => byType.get(type) ?? candidateOf(type, pool, facts, w, book));
          return chosen.every((c) => c !== undefined) ? bound(chosen).bound : undefined;
        },
      });
    }
  }
  return out;
}

/** A type as a candidate for the pool whatever its size (for bounds on the types a divided pool chose). */
function candidateOf(type: string, pool: Pool, facts: Ec2Facts, w: Workload, book: PriceBook): Candidate | undefined {
  const shape = book.snapshot.instances.find((s) => s.instanceType === type);
  const price = book.prices.ec2.onDemandHour[type];
  const c = shape && price ? nodeCapacity(shape, facts, w, pool.os) : null;
  return shape && price && c ? { shape, price, ...c } : undefined;
}
