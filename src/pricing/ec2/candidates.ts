/**
 * Which instance types an EC2-backed option can run a pool on, and what one node of each type offers
 * to tasks once the orchestrator, its system add-ons and the workload's daemons have taken their share.
 */
import { CAPACITY, type Ec2OptionFacts } from '../../domain/capacity.js';
import type { OptionSpec } from '../../domain/options.js';
import type { InstanceShape, PriceBook, SourcedPrice } from '../../domain/price-book.js';
import type { Architecture, OperatingSystem } from '../../schema/enums.js';
import type { Workload } from '../../schema/workload.js';
import { fitCount, type NodeCapacity, type TaskGroup } from '../packing.js';

/** What limits tasks per node besides CPU, memory and GPUs: pods (EKS), ENIs (ECS awsvpc) or nothing (host networking). */
export type SlotLabel = 'pods' | 'ENIs' | 'tasks';

export interface Candidate {
  shape: InstanceShape;
  /** Linux on-demand price per instance-hour. */
  price: SourcedPrice;
  cap: NodeCapacity;
  slotLabel: SlotLabel;
  /** True when the ECS task density comes from a sibling family's row (an estimate). */
  densityEstimated: boolean;
}

/** The needs of one pool that pick its candidate types. */
export interface PoolNeeds {
  arch: Architecture;
  os: OperatingSystem;
  gpu: boolean;
  /** Every task group the pool runs, for the fits-every-task check. */
  groups: readonly TaskGroup[];
}

const toArch = (a: Architecture): InstanceShape['arch'] => (a === 'arm64' ? 'arm64' : 'amd64');
/** General-purpose, compute and memory families of generation 5 or later: the default candidates. */
const DEFAULT_FAMILY = /^[mcr][5-9][a-z]*(-flex)?$/;
const GPU_FAMILY = /^[gp]\d/;
/**
 * ECS GPU tasks and the EKS GPU path (NVIDIA device plugin, Auto Mode) schedule NVIDIA GPUs; the AMD
 * Radeon Pro V520 in g4ad is a graphics card that neither exposes to containers as a GPU resource.
 */
const NON_NVIDIA_GPU = /radeon/i;

/** Pods per node on EKS: the ENI formula, or prefix delegation's cap of 110 (250 above 30 vCPUs), or Auto Mode's 110. */
export function eksMaxPods(shape: InstanceShape, facts: Ec2OptionFacts, w: Workload): number {
  const eni = shape.eksAllocatable.pods;
  const prefix = facts.maxPods === 'prefix' || (facts.maxPods === 'prefix-optional' && w.cost.eks.prefixDelegation);
  if (!prefix) return eni;
  if (facts.maxPods === 'prefix') return Math.max(eni, CAPACITY.autoModeMaxPods.value);
  const cap = CAPACITY.prefixDelegationMaxPods.value;
  return Math.max(eni, shape.vcpu > cap.largeAboveVcpu ? cap.large : cap.small);
}

/** What one node of `shape` offers to tasks, or null when the orchestrator and daemons leave nothing. */
export function nodeCapacity(
  shape: InstanceShape,
  facts: Ec2OptionFacts,
  w: Workload,
  os: OperatingSystem,
): { cap: NodeCapacity; slotLabel: SlotLabel; densityEstimated: boolean } | null {
  const daemons = w.daemons;
  let cpu = -daemons.reduce((s, d) => s + Math.round(d.cpu * 1000), 0);
  let mem = -daemons.reduce((s, d) => s + Math.round(d.memory * 1024), 0);
  let slots: number;
  let slotLabel: SlotLabel;
  let densityEstimated = false;
  if (facts.nodeCapacity === 'eks') {
    const pods = eksMaxPods(shape, facts, w);
    const reserved = CAPACITY.eksKubeReservedMemory.value;
    // The kubelet reserves 11 MiB per possible pod: more pods per node, less memory for them.
    cpu += shape.eksAllocatable.cpuMillicores;
    mem += shape.eksAllocatable.memoryMiB - reserved.perPodMiB * Math.max(0, pods - shape.eksAllocatable.pods);
    slots = pods;
    slotLabel = 'pods';
    if (facts.systemPods) {
      const addons = CAPACITY.eksNodeAddons.value;
      cpu -= addons.cpuMillicores;
      mem -= addons.memoryMiB;
      if (w.requirements.blockStorage) {
        cpu -= CAPACITY.ebsCsiNode.value.cpuMillicores;
        mem -= CAPACITY.ebsCsiNode.value.memoryMiB;
        slots -= 1; // the EBS CSI node pod takes a pod IP; aws-node and kube-proxy use the host network
      }
    }
  } else {
    const reserved = CAPACITY.ecsReservedMemory.value;
    cpu += shape.vcpu * 1000;
    mem += Math.floor(shape.memoryMiB * (1 - reserved.osShare)) - reserved.reservedMiB;
    if (w.requirements.hostNetworking) {
      slots = Infinity;
      slotLabel = 'tasks';
    } else {
      // awsvpc: one ENI per task; ENI trunking (Linux) raises the limit as ECS's table lists.
      const density = shape.ecsAwsvpcTasks;
      const trunked = os === 'linux' && density.withTrunking !== null;
      slots = trunked ? density.withTrunking! : density.withoutTrunking;
      densityEstimated = trunked && density.basis === 'estimate';
      slotLabel = 'ENIs';
    }
  }
  // Every daemon is a task or pod on every node.
  slots -= daemons.length;
  const cap: NodeCapacity = { cpuMillicores: cpu, memoryMiB: mem, gpus: shape.gpus, slots };
  if (cap.cpuMillicores <= 0 || cap.memoryMiB <= 0 || cap.slots < 1) return null;
  return { cap, slotLabel, densityEstimated };
}

/** Instance types the option may launch at all (Auto Mode: more than 1 vCPU, not nano, micro or small). */
function launchable(shape: InstanceShape, facts: Ec2OptionFacts): boolean {
  if (facts.instanceRules !== 'auto-mode') return true;
  const rules = CAPACITY.autoModeInstances.value;
  const size = shape.instanceType.split('.')[1] ?? '';
  return shape.vcpu > rules.minVcpuExclusive && !rules.excludedSizes.includes(size);
}

export interface CandidateChoice {
  candidates: Candidate[];
  /** `cost.ec2.instanceTypes` entries the catalog does not know, or that cannot run this pool. */
  warnings: string[];
}

/** The snapshot's instance types sorted the way candidate selection reads them, in snapshot order. */
interface ShapeIndex {
  /** Not burstable, by architecture. */
  nonBurstable: Map<InstanceShape['arch'], InstanceShape[]>;
  /** The default candidates by architecture: general-purpose families, and NVIDIA GPU types. */
  general: Map<InstanceShape['arch'], InstanceShape[]>;
  gpu: Map<InstanceShape['arch'], InstanceShape[]>;
}

/** Built once per snapshot (the catalog holds some 1,400 types; a pricing reads a few hundred of them). */
const shapeIndexes = new WeakMap<readonly InstanceShape[], ShapeIndex>();

function shapeIndex(shapes: readonly InstanceShape[]): ShapeIndex {
  let index = shapeIndexes.get(shapes);
  if (index) return index;
  index = { nonBurstable: new Map(), general: new Map(), gpu: new Map() };
  const push = (m: Map<InstanceShape['arch'], InstanceShape[]>, s: InstanceShape): void => {
    const list = m.get(s.arch);
    if (list) list.push(s);
    else m.set(s.arch, [s]);
  };
  for (const s of shapes) {
    if (s.burstable) continue;
    push(index.nonBurstable, s);
    if (s.vpc.bareMetal) continue;
    if (DEFAULT_FAMILY.test(s.family)) push(index.general, s);
    if (GPU_FAMILY.test(s.family) && s.gpus > 0 && !NON_NVIDIA_GPU.test(s.gpuName ?? '')) push(index.gpu, s);
  }
  shapeIndexes.set(shapes, index);
  return index;
}

/** Everything that picks a pool's candidates, as a key (a pricing of a scaled fleet picks the same ones). */
function choiceKey(pool: PoolNeeds, option: OptionSpec, w: Workload): string {
  const shapes = [...new Set(pool.groups.map((g) => `${g.cpuMillicores}/${g.memoryMiB}/${g.gpus}/${g.maxPerNode ?? ''}`))].sort();
  return JSON.stringify([
    option.id,
    pool.arch,
    pool.os,
    pool.gpu,
    shapes,
    w.cost.ec2.instanceTypes,
    w.cost.eks.prefixDelegation,
    w.requirements.hostNetworking,
    w.requirements.blockStorage,
    w.daemons.map((d) => [d.cpu, d.memory]),
  ]);
}

/**
 * The candidate types for one pool: `cost.ec2.instanceTypes` when given and usable, else the
 * current-generation general-purpose/compute/memory types (NVIDIA GPU types for GPU pools) that fit
 * every task of the pool; when none fits, every priced type of the architecture. `cache` keeps the
 * answers of one advice (the same pool of a scaled workload has the same candidates).
 */
export function candidatesFor(
  pool: PoolNeeds,
  option: OptionSpec,
  facts: Ec2OptionFacts,
  w: Workload,
  book: PriceBook,
  cache?: Map<string, CandidateChoice>,
): CandidateChoice {
  const key = cache ? choiceKey(pool, option, w) : '';
  const known = cache?.get(key);
  if (known) return known;
  const choice = chooseCandidates(pool, option, facts, w, book);
  cache?.set(key, choice);
  return choice;
}

function chooseCandidates(pool: PoolNeeds, option: OptionSpec, facts: Ec2OptionFacts, w: Workload, book: PriceBook): CandidateChoice {
  const prices = book.prices.ec2.onDemandHour;
  const shapes = book.snapshot.instances;
  const warnings: string[] = [];
  const maxGpus = Math.max(0, ...pool.groups.map((g) => g.gpus));
  const largest: TaskGroup = {
    count: 1,
    cpuMillicores: Math.max(0, ...pool.groups.map((g) => g.cpuMillicores)),
    memoryMiB: Math.max(0, ...pool.groups.map((g) => g.memoryMiB)),
    gpus: maxGpus,
  };
  const fitsAll = (cap: NodeCapacity): boolean => fitCount(cap, largest, 1) > 0 || pool.groups.every((g) => fitCount(cap, g, 1) > 0);
  const build = (list: readonly InstanceShape[]): Candidate[] => {
    const out: Candidate[] = [];
    for (const shape of list) {
      if (shape.gpus < maxGpus) continue;
      const price = prices[shape.instanceType];
      if (!price || !launchable(shape, facts)) continue;
      const c = nodeCapacity(shape, facts, w, pool.os);
      if (c && fitsAll(c.cap)) out.push({ shape, price, ...c });
    }
    return out;
  };
  const arch = toArch(pool.arch);
  const index = shapeIndex(shapes);
  const requested = w.cost.ec2.instanceTypes;
  if (requested.length > 0) {
    const chosen = build(shapes.filter((s) => requested.includes(s.instanceType) && s.arch === arch));
    if (chosen.length > 0) return { candidates: chosen, warnings };
    warnings.push(
      `none of cost.ec2.instanceTypes (${requested.join(', ')}) can run the ${pool.os}/${pool.arch}${pool.gpu ? '/gpu' : ''} tasks on ${option.name} (architecture, GPUs, size or the types it launches); the cheapest current-generation types are used for them instead`,
    );
  }
  const defaults = build((pool.gpu ? index.gpu : index.general).get(arch) ?? []);
  if (defaults.length > 0) return { candidates: defaults, warnings };
  // Nothing general-purpose fits (very large or odd tasks): widen to every priced type of the architecture.
  return { candidates: build(index.nonBurstable.get(arch) ?? []), warnings };
}
