/**
 * How the workload lands on an EC2-backed option's clusters and node pools: the workload divided
 * among (or copied into) `cost.clusters` clusters; per cluster one node pool per OS, architecture and
 * GPU need; per pool the layers of the day (the baseline, then each peak) as groups of identical
 * tasks, with the system pods the option runs and the zones the services spread over.
 */
import { CAPACITY, type Ec2OptionFacts } from '../../domain/capacity.js';
import type { Task } from '../../domain/tasks.js';
import type { Architecture, OperatingSystem } from '../../schema/enums.js';
import type { Workload } from '../../schema/workload.js';
import { demandOf, type TaskGroup } from '../packing.js';

/** One cluster, or `copies` identical clusters (replicated workloads, or idle clusters). */
export interface ClusterSpec {
  /** 1-based number of the first cluster this spec stands for. */
  first: number;
  copies: number;
  tasks: readonly Task[];
}

export interface Layer {
  /** Hours per day this layer lasts (peaks are assumed to start at the same hour). */
  hoursPerDay: number;
  groups: TaskGroup[];
  /** Total CPU (millicores), memory (MiB) and GPUs of the layer. */
  demand: [number, number, number];
}

export interface Pool {
  key: string;
  arch: Architecture;
  os: OperatingSystem;
  gpu: boolean;
  /** A pool that exists only for system pods (CoreDNS) or the cluster's minimum node. */
  system: boolean;
  services: Task[];
  jobs: Task[];
  /** The baseline, then each peak layer. */
  layers: Layer[];
  /** Nodes needed to spread the services over the zones in use: min(zones, the largest service's replicas). */
  zonesInUse: number;
  /** Nodes the pool keeps for the cluster even with nothing scheduled. */
  minNodes: number;
  /** The system pods (CoreDNS) the pool hosts, first in every layer. */
  systemGroups: readonly TaskGroup[];
}

/**
 * The clusters: with `replicate`, one spec standing for every cluster; with `divide`, each service and
 * job assigned whole to the least-loaded cluster (largest first), idle clusters merged into one spec.
 */
export function clustersOf(w: Workload, tasks: readonly Task[]): ClusterSpec[] {
  const n = w.cost.clusters;
  if (n === 1 || w.cost.clusterSplit === 'replicate') return [{ first: 1, copies: n, tasks }];
  const weight = (t: Task): number => {
    const count = t.kind === 'service' ? t.replicas + t.peakExtra : t.parallelism;
    return count * (t.cpu + t.memoryGiB / 4);
  };
  const order = [...tasks].sort((a, b) => weight(b) - weight(a) || (a.name < b.name ? -1 : 1));
  const load = new Array<number>(n).fill(0);
  const assigned: Task[][] = Array.from({ length: n }, () => []);
  for (const t of order) {
    let target = 0;
    for (let i = 1; i < n; i++) if (load[i]! < load[target]!) target = i;
    assigned[target]!.push(t);
    load[target]! += weight(t);
  }
  const specs: ClusterSpec[] = [];
  const busy = assigned.filter((a) => a.length > 0).length;
  assigned.slice(0, busy).forEach((list, i) => {
    const mine = new Set(list);
    specs.push({ first: i + 1, copies: 1, tasks: tasks.filter((t) => mine.has(t)) });
  });
  if (busy < n) specs.push({ first: busy + 1, copies: n - busy, tasks: [] });
  return specs;
}

const MILLI = 1000;
const MIB = 1024;

function groupKey(g: TaskGroup, separate: string): string {
  return `${g.cpuMillicores}/${g.memoryMiB}/${g.gpus}/${g.maxPerNode ?? '-'}/${separate}`;
}

/**
 * Merges tasks of the same shape into one group (the packer's cost grows with groups, not tasks).
 * With host networking every service binds its own port, so services are kept apart.
 */
function merge(entries: { task: Task; count: number }[], hostNetworking: boolean): TaskGroup[] {
  const byKey = new Map<string, TaskGroup>();
  for (const { task, count } of entries) {
    if (count <= 0) continue;
    const g: TaskGroup = {
      count,
      cpuMillicores: Math.round(task.cpu * MILLI),
      memoryMiB: Math.round(task.memoryGiB * MIB),
      gpus: task.gpus,
      ...(hostNetworking ? { maxPerNode: 1 } : {}),
    };
    const key = groupKey(g, hostNetworking ? task.name : '');
    const known = byKey.get(key);
    if (known) known.count += count;
    else byKey.set(key, g);
  }
  return [...byKey.values()];
}

/** One job run's tasks as a group. */
export function runGroup(job: Task, w: Workload): TaskGroup {
  return {
    count: job.parallelism,
    cpuMillicores: Math.round(job.cpu * MILLI),
    memoryMiB: Math.round(job.memoryGiB * MIB),
    gpus: job.gpus,
    ...(w.requirements.hostNetworking ? { maxPerNode: 1 } : {}),
  };
}

/** The services' tasks of each layer of the day, merged by shape: the baseline (24 h), then each peak. */
function serviceLayers(services: readonly Task[], hostNetworking: boolean): { hoursPerDay: number; groups: TaskGroup[] }[] {
  const layers = [
    {
      hoursPerDay: 24,
      groups: merge(
        services.map((s) => ({ task: s, count: s.replicas })),
        hostNetworking,
      ),
    },
  ];
  const peaks = [...new Set(services.filter((s) => s.peakExtra > 0 && s.peakHoursPerDay > 0).map((s) => s.peakHoursPerDay))].sort(
    (a, b) => a - b,
  );
  let previous = 0;
  for (const h of peaks) {
    const entries = services.map((s) => ({ task: s, count: s.replicas + (s.peakExtra > 0 && s.peakHoursPerDay >= h ? s.peakExtra : 0) }));
    layers.push({ hoursPerDay: h - previous, groups: merge(entries, hostNetworking) });
    previous = h;
  }
  return layers;
}

function layersOf(system: readonly TaskGroup[], merged: ReturnType<typeof serviceLayers>): Layer[] {
  return merged.map(({ hoursPerDay, groups: serviceGroups }) => {
    const groups = [...system.map((g) => ({ ...g })), ...serviceGroups];
    const d = demandOf(groups);
    return { hoursPerDay, groups, demand: [d.cpuMillicores, d.memoryMiB, d.gpus] };
  });
}

/**
 * The merged layers of a cluster's pools, kept for every option priced on the same task list (the
 * options differ only in their system pods and minimums). Groups are never changed once merged.
 */
export type LayerCache = WeakMap<readonly Task[], Map<string, ReturnType<typeof serviceLayers>>>;

/** The node pools of one cluster, system pods and minimums included. */
export function poolsOf(cluster: ClusterSpec, facts: Ec2OptionFacts, w: Workload, cache?: LayerCache): Pool[] {
  const byKey = new Map<string, { arch: Architecture; os: OperatingSystem; gpu: boolean; services: Task[]; jobs: Task[] }>();
  for (const t of cluster.tasks) {
    const gpu = t.gpus > 0;
    const key = `${t.os}/${t.arch}${gpu ? '/gpu' : ''}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { arch: t.arch, os: t.os, gpu, services: [], jobs: [] }));
    (t.kind === 'service' ? entry.services : entry.jobs).push(t);
  }
  const keys = [...byKey.keys()].sort();
  // System pods (CoreDNS) run all month on Linux nodes without GPUs: on a pool that runs all month anyway
  // (x86, else Arm), else on a small x86 pool of their own (shared with x86 jobs, if any).
  const allMonth = (k: string): boolean => (byKey.get(k)?.services ?? []).some((t) => t.replicas > 0);
  const systemHost = facts.systemPods ? (['linux/x86_64', 'linux/arm64'].find(allMonth) ?? 'linux/x86_64') : null;
  const needsMinimum = facts.minNodesPerCluster.value > 0;
  if (systemHost && !byKey.has(systemHost)) byKey.set(systemHost, { arch: 'x86_64', os: 'linux', gpu: false, services: [], jobs: [] });
  if (needsMinimum && byKey.size === 0) byKey.set('linux/x86_64', { arch: 'x86_64', os: 'linux', gpu: false, services: [], jobs: [] });
  const ordered = [...byKey.keys()].sort();
  const coreDns = CAPACITY.coreDns.value;
  const hostNetworking = w.requirements.hostNetworking;
  let known = cache?.get(cluster.tasks);
  if (cache && !known) cache.set(cluster.tasks, (known = new Map()));
  const mergedLayers = (key: string, services: readonly Task[]): ReturnType<typeof serviceLayers> => {
    const k = `${key}|${hostNetworking}`;
    const cached = known?.get(k);
    if (cached) return cached;
    const merged = serviceLayers(services, hostNetworking);
    known?.set(k, merged);
    return merged;
  };
  const zones = w.network.availabilityZones;
  return ordered.map((key, index) => {
    const e = byKey.get(key)!;
    const system: TaskGroup[] =
      key === systemHost ? [{ count: coreDns.replicas, cpuMillicores: coreDns.cpuMillicores, memoryMiB: coreDns.memoryMiB, gpus: 0 }] : [];
    const layers = layersOf(system, mergedLayers(key, e.services));
    const largestReplicas = Math.max(0, ...e.services.map((s) => s.replicas));
    return {
      key,
      arch: e.arch,
      os: e.os,
      gpu: e.gpu,
      system: !keys.includes(key),
      services: e.services,
      jobs: e.jobs,
      layers,
      zonesInUse: Math.min(zones, largestReplicas),
      // The cluster's minimum lives on its first pool.
      minNodes: index === 0 ? facts.minNodesPerCluster.value : 0,
      systemGroups: system,
    };
  });
}

/**
 * A pool's services divided among node groups of their own (an ECS capacity provider or an EKS node
 * group per part, each service pinned to one by its capacity provider strategy or node selector). The
 * first part keeps the pool's system pods, its jobs and the cluster's minimum (unless `withFirst` is
 * false: then no part does); every part spreads its own services over the zones, so needs its own node
 * per zone in use. Every part keeps the pool's key: the sizing numbers the parts.
 */
export function splitPool(pool: Pool, parts: readonly (readonly Task[])[], w: Workload, withFirst = true): Pool[] {
  const zones = w.network.availabilityZones;
  return parts.map((services, i) => {
    const first = i === 0 && withFirst;
    const system = first ? pool.systemGroups : [];
    return {
      ...pool,
      system: false,
      services: [...services],
      jobs: first ? pool.jobs : [],
      layers: layersOf(system, serviceLayers(services, w.requirements.hostNetworking)),
      zonesInUse: Math.min(zones, Math.max(0, ...services.map((s) => s.replicas))),
      minNodes: first ? pool.minNodes : 0,
      systemGroups: system,
    };
  });
}
