/**
 * The EC2-backed options (ECS on EC2, EKS managed node groups, ECS Managed Instances, EKS Auto
 * Mode): bin-pack the tasks onto instances, size the fleet for the target utilisation, add peak
 * node-hours and job node-hours, then price the cheapest fleet (SPEC §4).
 */
import type { Ec2Sizing, PoolSizing } from '../domain/advice.js';
import type { OptionSpec } from '../domain/options.js';
import type { InstanceShape, PriceBook, SourcedPrice } from '../domain/price-book.js';
import { daysPerMonth, taskHours, type Task } from '../domain/tasks.js';
import type { Architecture, OperatingSystem } from '../schema/enums.js';
import type { Workload } from '../schema/workload.js';
import { Bill } from './collector.js';
import { fmt, roundTo } from './money.js';
import { demandOf, fitCount, lowerBoundNodes, packNodes, type NodeCapacity, type PackResult, type TaskGroup } from './packing.js';

/** ECS container instances: memory the OS and the ECS agent keep (documented in docs/pricing-model.md). */
export const ECS_RESERVED_MEMORY_MIB = 256;
export const ECS_OS_MEMORY_SHARE = 0.05;
/** EKS Auto Mode caps pods per node at 110 (EKS user guide, prefix delegation section). */
export const AUTO_MODE_MAX_PODS = 110;
/** EC2 Linux per-second billing has a 60-second minimum per instance launch. */
export const EC2_MINIMUM_SECONDS = 60;
/** Candidate types fully packed per pool (the cheapest by lower-bound cost; see `shortlist`). */
export const SHORTLIST = 5;
/** Up to this many task groups (summed over peak layers) a workload counts as small … */
export const EXACT_CHOICE_MAX_GROUPS = 24;
/** … and this many candidate types are packed per pool. */
export const SHORTLIST_SMALL = 40;

interface Pool {
  key: string;
  arch: Architecture;
  os: OperatingSystem;
  gpu: boolean;
  services: Task[];
  jobs: Task[];
  /** Job capacity-hours per month: CPU (millicore-hours), memory (MiB-hours), GPU-hours. */
  jobDemand: [number, number, number];
}

interface Layer {
  /** Hours per day this layer lasts (peaks that overlap at the start of the day). */
  hoursPerDay: number;
  groups: TaskGroup[];
  /** Total CPU (millicores), memory (MiB) and GPUs of the layer. */
  demand: [number, number, number];
}

interface Candidate {
  shape: InstanceShape;
  price: SourcedPrice;
  cap: NodeCapacity;
  slotLabel: 'pods' | 'ENIs' | 'none';
  /** Packing of each layer (base, then peaks), computed lazily. */
  packs?: (PackResult | undefined)[];
  /** Hourly cost of one node (EC2 after Spot and Savings Plan, fee, licence), computed lazily. */
  perHour?: number;
  fee?: SourcedPrice | null;
  exact?: Profile;
  rough?: Profile;
}

interface Profile {
  packed: number[];
  frac: number[];
  dedicated: number;
}

export interface PoolPlan {
  pool: Pool;
  candidate: Candidate;
  baseNodes: number;
  peakNodes: number;
  serviceNodeHours: number;
  jobNodeHours: number;
  nodeHours: number;
  perHour: number;
  bindingLimit: string;
}

const toArch = (a: Architecture): InstanceShape['arch'] => (a === 'arm64' ? 'arm64' : 'amd64');
const DEFAULT_FAMILY = /^[mcr][5-9][a-z]*$/;
const GPU_FAMILY = /^[gp]\d/;
/**
 * ECS GPU tasks and the EKS (NVIDIA device plugin / Auto Mode) GPU path schedule NVIDIA GPUs; the
 * AMD Radeon Pro V520 in g4ad is a graphics card that neither exposes to containers as a GPU resource.
 */
const NON_NVIDIA_GPU = /radeon/i;

function groupOf(t: Task, count: number): TaskGroup {
  return { count, cpuMillicores: Math.round(t.cpu * 1000), memoryMiB: Math.round(t.memoryGiB * 1024), gpus: t.gpus };
}

function demand(groups: readonly TaskGroup[]): [number, number, number] {
  const d = demandOf(groups);
  return [d.cpuMillicores, d.memoryMiB, d.gpus];
}

/** Fraction of one node the groups need, on the tightest resource (CPU, memory, GPUs). */
function nodeFraction(d: [number, number, number], cap: NodeCapacity): number {
  return Math.max(
    cap.cpuMillicores > 0 ? d[0] / cap.cpuMillicores : 0,
    cap.memoryMiB > 0 ? d[1] / cap.memoryMiB : 0,
    d[2] > 0 ? (cap.gpus > 0 ? d[2] / cap.gpus : Infinity) : 0,
  );
}

/**
 * A quick estimate of the packed node count, for ranking candidate types: the resource lower bound,
 * or the nodes each group would need on its own share of whole nodes (which sees that two 8-vCPU
 * tasks do not fit one 16-vCPU node after overhead) — whichever is larger.
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

export class Ec2Model {
  readonly bill = new Bill();
  private readonly pools: Pool[] = [];
  private readonly candidates = new Map<string, Candidate[]>();
  private readonly layers = new Map<string, Layer[]>();
  private readonly H: number;
  private readonly days: number;
  private readonly spotShare: number;
  private readonly spotDiscount: number;
  private readonly savingsPlan: number;
  readonly unplaceable: string[] = [];

  constructor(
    private readonly w: Workload,
    private readonly tasks: readonly Task[],
    private readonly book: PriceBook,
    private readonly option: OptionSpec,
    private readonly packCache: Map<string, PackResult>,
  ) {
    this.H = w.cost.hoursPerMonth;
    this.days = daysPerMonth(this.H);
    this.spotShare = w.cost.ec2.spotPercent / 100;
    const d = book.snapshot.defaults.ec2SpotDiscountPercent;
    this.spotDiscount = (w.cost.ec2.spotDiscountPercent ?? d.usd) / 100;
    this.savingsPlan = w.cost.ec2.discountPercent / 100;
    if (this.spotShare > 0 && w.cost.ec2.spotDiscountPercent === null) {
      this.bill.use(d, 'EC2 Spot discount');
    }
    this.buildPools();
  }

  private buildPools(): void {
    const byKey = new Map<string, Pool>();
    for (const t of this.tasks) {
      const gpu = t.gpus > 0;
      const key = `${t.os}/${t.arch}${gpu ? '/gpu' : ''}`;
      let pool = byKey.get(key);
      if (!pool) {
        pool = { key, arch: t.arch, os: t.os, gpu, services: [], jobs: [], jobDemand: [0, 0, 0] };
        byKey.set(key, pool);
      }
      (t.kind === 'service' ? pool.services : pool.jobs).push(t);
      if (t.kind === 'job') {
        const hours = taskHours(t, this.H, EC2_MINIMUM_SECONDS);
        const g = groupOf(t, 1);
        pool.jobDemand[0] += hours * g.cpuMillicores;
        pool.jobDemand[1] += hours * g.memoryMiB;
        pool.jobDemand[2] += hours * g.gpus;
      }
    }
    this.pools.push(...[...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
    for (const pool of this.pools) {
      this.layers.set(pool.key, this.peakLayers(pool));
      this.candidates.set(pool.key, this.candidatesFor(pool));
    }
  }

  /** Base layer (replicas) and the peak layers, assuming every peak starts at the same hour. */
  private peakLayers(pool: Pool): Layer[] {
    const base = pool.services.filter((s) => s.replicas > 0).map((s) => groupOf(s, s.replicas));
    const peaks = [...new Set(pool.services.filter((s) => s.peakExtra > 0 && s.peakHoursPerDay > 0).map((s) => s.peakHoursPerDay))].sort(
      (a, b) => a - b,
    );
    const layers: Layer[] = [{ hoursPerDay: 24, groups: base, demand: demand(base) }];
    let prev = 0;
    for (const h of peaks) {
      const groups = pool.services
        .map((s) => groupOf(s, s.replicas + (s.peakExtra > 0 && s.peakHoursPerDay >= h ? s.peakExtra : 0)))
        .filter((g) => g.count > 0);
      layers.push({ hoursPerDay: h - prev, groups, demand: demand(groups) });
      prev = h;
    }
    return layers;
  }

  private capacity(shape: InstanceShape, pool: Pool): { cap: NodeCapacity; slotLabel: Candidate['slotLabel'] } | null {
    const daemons = this.w.daemons;
    const dCpu = daemons.reduce((s, d) => s + Math.round(d.cpu * 1000), 0);
    const dMem = daemons.reduce((s, d) => s + Math.round(d.memory * 1024), 0);
    let cpu: number;
    let mem: number;
    let slots: number;
    let slotLabel: Candidate['slotLabel'];
    if (this.option.orchestrator === 'eks') {
      cpu = shape.eksAllocatable.cpuMillicores;
      mem = shape.eksAllocatable.memoryMiB;
      slots =
        this.option.managementFee === 'auto-mode' ? Math.min(AUTO_MODE_MAX_PODS, shape.eksAllocatable.pods) : shape.eksAllocatable.pods;
      slotLabel = 'pods';
    } else {
      cpu = shape.vcpu * 1000;
      mem = Math.floor(shape.memoryMiB * (1 - ECS_OS_MEMORY_SHARE)) - ECS_RESERVED_MEMORY_MIB;
      if (this.w.requirements.hostNetworking) {
        slots = Infinity;
        slotLabel = 'none';
      } else {
        const trunking = shape.vpc.trunking && pool.os === 'linux' && shape.vpc.branchInterfaces > 0;
        slots = trunking ? shape.vpc.branchInterfaces : shape.vpc.interfaces - 1;
        slotLabel = 'ENIs';
      }
    }
    const cap: NodeCapacity = { cpuMillicores: cpu - dCpu, memoryMiB: mem - dMem, gpus: shape.gpus, slots: slots - daemons.length };
    if (cap.cpuMillicores <= 0 || cap.memoryMiB <= 0 || cap.slots < 1) return null;
    return { cap, slotLabel };
  }

  private candidatesFor(pool: Pool): Candidate[] {
    const prices = this.book.prices.ec2.onDemandHour;
    const shapes = this.book.snapshot.instances;
    const all = [...pool.services, ...pool.jobs];
    const maxGpus = Math.max(0, ...all.map((t) => t.gpus));
    // Quick accept: a node that fits one task as large as the largest of each resource fits them all.
    const largest: TaskGroup = {
      count: 1,
      cpuMillicores: Math.max(0, ...all.map((t) => Math.round(t.cpu * 1000))),
      memoryMiB: Math.max(0, ...all.map((t) => Math.round(t.memoryGiB * 1024))),
      gpus: maxGpus,
    };
    const taskGroups = all.map((t) => groupOf(t, 1));
    const fitsAll = (c: Candidate): boolean => fitCount(c.cap, largest, 1) > 0 || taskGroups.every((g) => fitCount(c.cap, g, 1) > 0);
    const build = (list: InstanceShape[]): Candidate[] => {
      const out: Candidate[] = [];
      for (const shape of list) {
        const price = prices[shape.instanceType];
        if (!price) continue;
        const c = this.capacity(shape, pool);
        if (!c) continue;
        const cand: Candidate = { shape, price, cap: c.cap, slotLabel: c.slotLabel };
        if (fitsAll(cand)) out.push(cand);
      }
      return out;
    };
    const archOk = (s: InstanceShape): boolean => s.arch === toArch(pool.arch) && s.gpus >= maxGpus;
    const requested = this.w.cost.ec2.instanceTypes;
    if (requested.length > 0) {
      const known = new Set(shapes.map((s) => s.instanceType));
      for (const t of requested) if (!known.has(t)) this.bill.warn(`cost.ec2.instanceTypes: ${t} is not in the instance catalog; ignored`);
      const chosen = build(shapes.filter((s) => requested.includes(s.instanceType) && archOk(s)));
      if (chosen.length > 0) return chosen;
      this.bill.warn(
        `none of cost.ec2.instanceTypes (${requested.join(', ')}) can run the ${pool.key} tasks (architecture, GPUs or size); the cheapest current-generation types are used for them instead`,
      );
    }
    const defaults = build(
      shapes.filter(
        (s) =>
          archOk(s) &&
          !s.burstable &&
          !s.vpc.bareMetal &&
          (pool.gpu ? GPU_FAMILY.test(s.family) && s.gpus > 0 && !NON_NVIDIA_GPU.test(s.gpuName ?? '') : DEFAULT_FAMILY.test(s.family)),
      ),
    );
    if (defaults.length > 0) return defaults;
    // Nothing general-purpose fits (very large or odd tasks): widen to every priced type of the arch.
    return build(shapes.filter((s) => archOk(s) && !s.burstable));
  }

  /** Packs one layer of a pool; cached across options that share the same node capacity. */
  private pack(c: Candidate, pool: Pool, layer: number): PackResult {
    c.packs ??= [];
    const known = c.packs[layer];
    if (known) return known;
    const groups = this.layers.get(pool.key)![layer]!.groups;
    const key = `${pool.key}|${layer}|${c.shape.instanceType}|${c.cap.cpuMillicores}|${c.cap.memoryMiB}|${c.cap.gpus}|${c.cap.slots}`;
    let r = this.packCache.get(key);
    if (!r) {
      r = packNodes(groups, c.cap);
      this.packCache.set(key, r);
    }
    c.packs[layer] = r;
    return r;
  }

  /** The hourly price of one node of this candidate, after Spot, Savings Plan and the management fee. */
  private hourly(c: Candidate, pool: Pool): number {
    if (c.perHour === undefined) {
      const p = c.price.usd;
      const ec2 = p * (1 - this.spotShare) * (1 - this.savingsPlan) + p * this.spotShare * (1 - this.spotDiscount);
      const licence = pool.os === 'windows' ? this.windowsLicence() * c.shape.vcpu : 0;
      c.perHour = ec2 + (this.feeFor(c)?.usd ?? 0) + licence;
    }
    return c.perHour;
  }

  private windowsLicence(): number {
    return (
      this.book.prices.fargate.windows?.osLicenseVcpuHour.usd ??
      this.book.snapshot.regions['us-east-1']?.fargate.windows?.osLicenseVcpuHour.usd ??
      0
    );
  }

  feeFor(c: Candidate): SourcedPrice | null {
    if (c.fee === undefined) c.fee = this.computeFee(c);
    return c.fee;
  }

  private computeFee(c: Candidate): SourcedPrice | null {
    const fee = this.option.managementFee;
    if (fee === 'none') return null;
    const table = fee === 'auto-mode' ? this.book.prices.eks.autoModeFee : this.book.prices.ecs.managedInstancesFee;
    const sourced = table?.[c.shape.instanceType];
    if (sourced) return sourced;
    const ratio = fee === 'auto-mode' ? this.book.snapshot.defaults.autoModeFeeRatio : this.book.snapshot.defaults.managedInstancesFeeRatio;
    return {
      usd: c.price.usd * ratio.usd,
      source: ratio.source,
      asOf: ratio.asOf,
      estimate: {
        reason: ratio.estimate?.reason ?? `fee estimated as ${ratio.usd * 100}% of the EC2 price`,
        fix: `run \`ecs-or-eks prices refresh --region ${this.book.region}\``,
      },
    };
  }

  /** Node-hours for one pool on one candidate type at utilisation `u` (0–1]. */
  /**
   * What a candidate's cost at any utilisation depends on: per layer, the packed (or, for ranking,
   * estimated) node count and the node fraction the demand takes; and the node-hours jobs would need
   * on nodes of their own. Computed once per candidate.
   */
  private profile(pool: Pool, c: Candidate, exact: boolean): Profile {
    const cached = exact ? c.exact : c.rough;
    if (cached) return cached;
    const layers = this.layers.get(pool.key)!;
    const packed = layers.map((l, i) => (l.groups.length === 0 ? 0 : exact ? this.pack(c, pool, i).nodes : roughNodes(l.groups, c.cap)));
    const frac = layers.map((l) => (l.groups.length === 0 ? 0 : nodeFraction(l.demand, c.cap)));
    let dedicated = 0;
    for (const j of pool.jobs) {
      const perNode = Math.max(1, fitCount(c.cap, groupOf(j, 1)));
      const hoursPerRun = Math.max(j.minutesPerRun * 60, EC2_MINIMUM_SECONDS) / 3600;
      dedicated += j.runsPerMonth * Math.ceil(j.parallelism / perNode) * hoursPerRun;
    }
    const profile: Profile = { packed, frac, dedicated };
    if (exact) c.exact = profile;
    else c.rough = profile;
    return profile;
  }

  /** Node-hours for one pool on one candidate type at utilisation `u` (0–1]. */
  private plan(pool: Pool, c: Candidate, u: number, exact: boolean): PoolPlan {
    const layers = this.layers.get(pool.key)!;
    const pr = this.profile(pool, c, exact);
    const cap = c.cap;
    const need = (i: number): number => (layers[i]!.groups.length === 0 ? 0 : Math.max(pr.packed[i]!, Math.ceil(pr.frac[i]! / u - 1e-9)));
    const base = need(0);
    const bd = layers[0]!.demand;
    let serviceNodeHours = base * this.H;
    let peakNodes = base;
    // Spare capacity-hours per resource (CPU, memory, GPUs), for the jobs.
    let s0 = (base * cap.cpuMillicores - bd[0]) * this.H;
    let s1 = (base * cap.memoryMiB - bd[1]) * this.H;
    let s2 = (base * cap.gpus - bd[2]) * this.H;
    for (let i = 1; i < layers.length; i++) {
      const layer = layers[i]!;
      const n = Math.max(base, need(i));
      if (n > peakNodes) peakNodes = n;
      const hours = layer.hoursPerDay * this.days;
      serviceNodeHours += (n - base) * hours;
      const ld = layer.demand;
      s0 += ((n - base) * cap.cpuMillicores - (ld[0] - bd[0])) * hours;
      s1 += ((n - base) * cap.memoryMiB - (ld[1] - bd[1])) * hours;
      s2 += ((n - base) * cap.gpus - (ld[2] - bd[2])) * hours;
    }
    // Jobs: absorbed by spare capacity first, the rest on nodes added for their run time.
    let jobNodeHours = 0;
    if (pool.jobs.length > 0) {
      const jd = pool.jobDemand;
      let absorbed = 1;
      if (jd[0] > 0) absorbed = Math.min(absorbed, Math.max(0, s0) / jd[0]);
      if (jd[1] > 0) absorbed = Math.min(absorbed, Math.max(0, s1) / jd[1]);
      if (jd[2] > 0) absorbed = Math.min(absorbed, Math.max(0, s2) / jd[2]);
      jobNodeHours = (1 - absorbed) * pr.dedicated;
    }
    const nodeHours = serviceNodeHours + jobNodeHours;
    const perHour = this.hourly(c, pool);
    let bindingLimit = 'cpu';
    if (exact && layers[0]!.groups.length > 0) {
      const packed = this.pack(c, pool, 0);
      bindingLimit = base > packed.nodes ? 'utilization' : packed.bindingLimit === 'slots' ? c.slotLabel : packed.bindingLimit;
    } else if (exact && pool.jobs.length > 0) {
      bindingLimit = 'jobs';
    }
    return { pool, candidate: c, baseNodes: base, peakNodes, serviceNodeHours, jobNodeHours, nodeHours, perHour, bindingLimit };
  }

  private shortlists = new Map<string, Candidate[]>();

  /** Cheapest candidates by lower-bound cost at the workload's utilisation and at 100 %. */
  private shortlist(pool: Pool): Candidate[] {
    const cached = this.shortlists.get(pool.key);
    if (cached) return cached;
    const cands = this.candidates.get(pool.key) ?? [];
    // Small workloads: pack many candidates (the choice is then all but exact); large fleets: a few.
    const groups = this.layers.get(pool.key)!.reduce((n, l) => n + l.groups.length, 0);
    const k = groups <= EXACT_CHOICE_MAX_GROUPS ? SHORTLIST_SMALL : SHORTLIST;
    if (cands.length <= k) {
      this.shortlists.set(pool.key, cands);
      return cands;
    }
    const u0 = this.w.cost.utilization / 100;
    const picked = new Set<Candidate>();
    for (const [u, take] of [
      [u0, k],
      [1, Math.ceil(k / 2)],
      [0.1, Math.ceil(k / 4)],
    ] as const) {
      const ranked = cands
        .map((c) => {
          const p = this.plan(pool, c, u, false);
          return { c, cost: p.nodeHours * p.perHour };
        })
        .sort((a, b) => a.cost - b.cost || (a.c.shape.instanceType < b.c.shape.instanceType ? -1 : 1));
      for (const r of ranked.slice(0, take)) picked.add(r.c);
    }
    const out = [...picked];
    this.shortlists.set(pool.key, out);
    return out;
  }

  private readonly planMemo = new Map<number, PoolPlan[]>();

  /** The cheapest plan per pool at utilisation `u` (0–1]. */
  plans(u: number): PoolPlan[] {
    const memo = this.planMemo.get(u);
    if (memo) return memo;
    const out: PoolPlan[] = [];
    this.planMemo.set(u, out);
    for (const pool of this.pools) {
      const cands = this.shortlist(pool);
      if (cands.length === 0) {
        const names = [...pool.services, ...pool.jobs].map((t) => t.name);
        for (const n of names) if (!this.unplaceable.includes(n)) this.unplaceable.push(n);
        continue;
      }
      let best: PoolPlan | null = null;
      let bestCost = Infinity;
      for (const c of cands) {
        const p = this.plan(pool, c, u, true);
        const cost = p.nodeHours * p.perHour;
        if (
          cost < bestCost - 1e-9 ||
          (Math.abs(cost - bestCost) <= 1e-9 && best && c.shape.instanceType < best.candidate.shape.instanceType)
        ) {
          best = p;
          bestCost = cost;
        }
      }
      if (best) out.push(best);
    }
    return out;
  }

  /** Line items for a set of pool plans (EC2 compute, Spot, Savings Plan, licence estimate, fees). */
  items(plans: PoolPlan[], bill: Bill): void {
    const region = this.book.region;
    const byType = new Map<string, { plan: PoolPlan; nodeHours: number; windows: boolean }>();
    for (const p of plans) {
      const key = `${p.candidate.shape.instanceType}${p.pool.os === 'windows' ? ' (Windows)' : ''}`;
      const cur = byType.get(key);
      if (cur) cur.nodeHours += p.nodeHours;
      else byType.set(key, { plan: p, nodeHours: p.nodeHours, windows: p.pool.os === 'windows' });
    }
    const keys = [...byType.keys()].sort();
    const odMonthly: number[] = [];
    for (const key of keys) {
      const { plan, nodeHours } = byType.get(key)!;
      const c = plan.candidate;
      const type = c.shape.instanceType;
      const price = bill.use(c.price, `EC2 on-demand price for ${type} in ${region}`);
      const est = !!c.price.estimate;
      const before = bill.items.length;
      bill.add(`EC2 ${key} on-demand`, nodeHours * (1 - this.spotShare), 'instance-hours', price, { estimate: est });
      for (const it of bill.items.slice(before)) odMonthly.push(it.monthly);
      if (this.spotShare > 0) {
        bill.add(
          `EC2 ${key} Spot (${fmt(this.spotDiscount * 100)}% off)`,
          nodeHours * this.spotShare,
          'instance-hours',
          roundTo(price * (1 - this.spotDiscount), 8),
          {
            estimate: true,
          },
        );
      }
      if (plan.pool.os === 'windows') {
        const lic = this.windowsLicence();
        bill.estimate({
          item: 'Windows Server licence on EC2',
          reason:
            'the snapshot has Linux EC2 prices only; Windows instances are estimated as the Linux price plus the Windows licence AWS charges per vCPU-hour on Fargate',
          fix: `run \`ecs-or-eks prices refresh --region ${region}\``,
        });
        bill.add(`Windows Server licence (${type}, ${c.shape.vcpu} vCPU)`, nodeHours * c.shape.vcpu, 'vCPU-hours', lic, { estimate: true });
      }
    }
    if (this.savingsPlan > 0 && odMonthly.length > 0) {
      const base = roundTo(
        odMonthly.reduce((a, b) => a + b, 0),
        2,
      );
      bill.add(`Savings Plan (${fmt(this.savingsPlan * 100)}% off on-demand EC2)`, base, 'USD', -this.savingsPlan);
    }
    if (this.option.managementFee !== 'none') {
      const label = this.option.managementFee === 'auto-mode' ? 'EKS Auto Mode fee' : 'ECS Managed Instances fee';
      for (const key of keys) {
        const { plan, nodeHours } = byType.get(key)!;
        const fee = this.feeFor(plan.candidate)!;
        const usd = bill.use(fee, `${label} per instance-hour (${plan.candidate.shape.instanceType}) in ${region}`);
        bill.add(`${label} (${plan.candidate.shape.instanceType})`, nodeHours, 'instance-hours', usd, {
          estimate: !!fee.estimate,
          note: 'not reduced by Spot or Savings Plans',
        });
      }
    }
  }

  sizing(plans: PoolPlan[], u: number): Omit<Ec2Sizing, 'breakEven'> {
    const types = [...new Set(plans.map((p) => p.candidate.shape.instanceType))].sort();
    return {
      launchType: this.describe(),
      utilizationPercent: roundTo(u * 100, 2),
      nodeTypes: types,
      nodeCount: plans.reduce((n, p) => n + p.baseNodes, 0),
      peakNodeCount: plans.reduce((n, p) => n + p.peakNodes, 0),
      nodeHoursPerMonth: roundTo(
        plans.reduce((n, p) => n + p.nodeHours, 0),
        2,
      ),
      bindingLimit: plans[0]?.bindingLimit ?? null,
      pools: plans.map((p): PoolSizing => {
        const layers = this.layers.get(p.pool.key)!;
        const baseGroups = layers[0]!.groups;
        const packed = baseGroups.length > 0 ? this.pack(p.candidate, p.pool, 0) : null;
        const baseTasks = baseGroups.reduce((n, g) => n + g.count, 0);
        const cap = p.candidate.cap;
        return {
          pool: p.pool.key,
          instanceType: p.candidate.shape.instanceType,
          instance: {
            vcpu: p.candidate.shape.vcpu,
            memoryGiB: roundTo(p.candidate.shape.memoryMiB / 1024, 2),
            gpus: p.candidate.shape.gpus,
          },
          capacityPerNode: {
            cpu: roundTo(cap.cpuMillicores / 1000, 3),
            memoryGiB: roundTo(cap.memoryMiB / 1024, 3),
            gpus: cap.gpus,
            [p.candidate.slotLabel === 'none' ? 'tasks' : p.candidate.slotLabel]: Number.isFinite(cap.slots) ? cap.slots : null,
          },
          nodes: p.baseNodes,
          peakNodes: p.peakNodes,
          packedNodes: packed?.nodes ?? 0,
          lowerBoundNodes: packed?.lowerBound ?? 0,
          tasksPerNode: p.baseNodes > 0 ? roundTo(baseTasks / p.baseNodes, 2) : 0,
          bindingLimit: p.bindingLimit,
          serviceNodeHours: roundTo(p.serviceNodeHours, 2),
          jobNodeHours: roundTo(p.jobNodeHours, 2),
          candidatesConsidered: this.candidates.get(p.pool.key)?.length ?? 0,
        };
      }),
    };
  }

  /** The launch type; where you run ECS instances yourself, with the task networking mode. */
  private describe(): string {
    const { launchLabel, orchestrator, nodesRunBy } = this.option;
    if (orchestrator !== 'ecs' || nodesRunBy !== 'you') return launchLabel;
    return `${launchLabel} (${this.w.requirements.hostNetworking ? 'host networking' : 'awsvpc, ENI trunking where supported'})`;
  }
}
