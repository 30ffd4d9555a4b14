/**
 * Amazon ECS → imported tasks. Reads task definitions (`describe-task-definition` output or
 * `register-task-definition` input), services (`describe-services` output or `create-service` input)
 * and Application Auto Scaling targets (`describe-scalable-targets` output or
 * `register-scalable-target` input), and joins them: a service takes its size from its task
 * definition, its count from `desiredCount` (or the scaling target's min and max), and its Spot share
 * from its capacity-provider strategy.
 */
import type { Architecture, OperatingSystem } from '../schema/enums.js';
import {
  ASSUMED_PEAK_HOURS,
  DEFAULT_CPU,
  DEFAULT_MEMORY_GIB,
  asArray,
  asRecord,
  asString,
  emptyResult,
  isRecord,
  regionOfArn,
  REGION_PATTERN,
  type ImportedTask,
  type Json,
  type SourceResult,
  type Sourced,
  type Warning,
} from './model.js';
import { ecsTaskCpu, ecsTaskMemoryGiB, wholeNumber } from './quantities.js';

interface Located {
  file: string;
  line?: number;
  /** Set when the entity came from a Terraform plan: the resource address. */
  via?: string;
}

export interface EcsTaskDefinition extends Located {
  def: Json;
}
export interface EcsService extends Located {
  service: Json;
}
export interface EcsScalingTarget extends Located {
  target: Json;
}

export interface EcsEntities {
  taskDefinitions: EcsTaskDefinition[];
  services: EcsService[];
  scalingTargets: EcsScalingTarget[];
}

export function emptyEcs(): EcsEntities {
  return { taskDefinitions: [], services: [], scalingTargets: [] };
}

/** The ECS entities in one parsed JSON/YAML document, or undefined when it is not an ECS document. */
export function ecsEntities(value: unknown, at: Located): EcsEntities | undefined {
  if (!isRecord(value)) return undefined;
  const out = emptyEcs();
  const def = (d: unknown) => isRecord(d) && Array.isArray(d.containerDefinitions) && out.taskDefinitions.push({ ...at, def: d });
  const service = (s: unknown) => isRecord(s) && typeof s.serviceName === 'string' && out.services.push({ ...at, service: s });
  const target = (t: unknown) => isRecord(t) && typeof t.ResourceId === 'string' && out.scalingTargets.push({ ...at, target: t });
  if (Array.isArray(value.containerDefinitions)) def(value);
  if (isRecord(value.taskDefinition)) def(value.taskDefinition);
  asArray(value.taskDefinitions).forEach(def);
  asArray(value.services).forEach(service);
  if (isRecord(value.service)) service(value.service);
  if (typeof value.serviceName === 'string') service(value);
  asArray(value.ScalableTargets).forEach(target);
  if (typeof value.ServiceNamespace === 'string' && typeof value.ResourceId === 'string') target(value);
  const found = out.taskDefinitions.length + out.services.length + out.scalingTargets.length;
  return found > 0 ? out : undefined;
}

/** `arn:…:task-definition/web:7`, `web:7` or `web` → `web`. */
function familyOf(ref: string): string {
  return ref.replace(/^arn:[^/]*task-definition\//, '').replace(/:\d+$/, '');
}

function whereOf(e: Located): string {
  return `${e.file}${e.line !== undefined ? `:${e.line}` : ''}${e.via ? `: ${e.via}` : ''}`;
}

/** Joins the entities into tasks; a task definition no service uses becomes a service of its own. */
export function importEcs(entities: EcsEntities): SourceResult {
  const result = emptyResult();
  const byFamily = new Map<string, EcsTaskDefinition>();
  for (const d of entities.taskDefinitions) {
    const family = asString(d.def.family) ?? '';
    if (byFamily.has(family))
      result.warnings.push({
        at: whereOf(d),
        file: d.file,
        subject: { kind: 'task definition', name: family },
        message: 'the family appears twice; the later one is used',
      });
    byFamily.set(family, d);
    const region = regionOfArn(d.def.taskDefinitionArn) ?? logRegion(d.def);
    if (region)
      result.regions.push({
        region,
        evidence: `${whereOf(d)}: ${regionOfArn(d.def.taskDefinitionArn) ? 'taskDefinitionArn' : 'awslogs-region'}`,
      });
  }
  const used = new Set<EcsTaskDefinition>();
  for (const s of entities.services) {
    const svc = s.service;
    const name = asString(svc.serviceName) ?? '';
    const ref = asString(svc.taskDefinition);
    const d = ref !== undefined ? byFamily.get(familyOf(ref)) : undefined;
    if (!d) {
      result.skipped.push({
        file: s.file,
        kind: 'ECS service',
        name,
        reason: `its task definition ${ref ?? '(none given)'} is not in the imported files`,
      });
      result.warnings.push({
        at: whereOf(s),
        file: s.file,
        subject: { kind: 'ECS service', name },
        message: `task definition ${ref ?? '(none)'} is not among the imported files; skipped`,
      });
      continue;
    }
    used.add(d);
    const region = regionOfArn(svc.serviceArn);
    if (region) result.regions.push({ region, evidence: `${whereOf(s)}: serviceArn` });
    const platform = platformOf(svc);
    if (platform) result.platforms.push({ platform, evidence: `${whereOf(s)}: ECS service ${name} (${platformEvidence(svc)})` });
    result.tasks.push(serviceTask(s, d, entities.scalingTargets, result.warnings));
  }
  for (const d of entities.taskDefinitions) {
    if (used.has(d) || byFamily.get(asString(d.def.family) ?? '') !== d) continue;
    result.tasks.push(standaloneTask(d, result.warnings));
    const compat = asArray(d.def.requiresCompatibilities).map(String);
    if (compat.length === 1) {
      const platform =
        compat[0] === 'FARGATE'
          ? 'ecs-fargate'
          : compat[0] === 'EC2'
            ? 'ecs-ec2'
            : compat[0] === 'MANAGED_INSTANCES'
              ? 'ecs-managed-instances'
              : undefined;
      if (platform) result.platforms.push({ platform, evidence: `${whereOf(d)}: requiresCompatibilities ${compat[0]}` });
    }
  }
  return result;
}

function logRegion(def: Json): string | undefined {
  for (const c of asArray(def.containerDefinitions).map(asRecord)) {
    const region = asString(asRecord(asRecord(c.logConfiguration).options)['awslogs-region']);
    if (region && REGION_PATTERN.test(region)) return region;
  }
  return undefined;
}

function platformOf(svc: Json): string | undefined {
  const providers = asArray(svc.capacityProviderStrategy).map((p) => String(asRecord(p).capacityProvider));
  if (providers.some((p) => p === 'FARGATE' || p === 'FARGATE_SPOT') || svc.launchType === 'FARGATE') return 'ecs-fargate';
  if (svc.launchType === 'EC2' || providers.length > 0) return 'ecs-ec2';
  return undefined;
}

function platformEvidence(svc: Json): string {
  const providers = asArray(svc.capacityProviderStrategy).map((p) => String(asRecord(p).capacityProvider));
  return providers.length ? `capacity providers ${providers.join(', ')}` : `launchType ${String(svc.launchType)}`;
}

interface TaskSize {
  cpu: Sourced<number>;
  memory: Sourced<number>;
  gpus?: Sourced<number>;
  storage?: Sourced<number>;
  arch?: Sourced<Architecture>;
  os?: Sourced<OperatingSystem>;
  privileged: string[];
  host: string[];
  hostPaths: string[];
  summary: string;
}

/** The size of one task: task-level cpu and memory, else the sum over its containers. */
function taskSize(def: Json, warn: (m: string) => void): TaskSize {
  const containers = asArray(def.containerDefinitions).map(asRecord);
  const names = containers.map((c) => asString(c.name) ?? '?');
  const summary = `${containers.length} container${containers.length === 1 ? '' : 's'}`;

  let cpu: Sourced<number>;
  const taskCpu = ecsTaskCpu(def.cpu);
  const unitsOf = (c: Json) => (typeof c.cpu === 'number' ? c.cpu : typeof c.cpu === 'string' ? Number(c.cpu) || 0 : 0);
  const containerUnits = containers.reduce((s, c) => s + unitsOf(c), 0);
  const numeric = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && /^\s*\d+\s*$/.test(v));
  if (taskCpu !== undefined)
    cpu = { value: taskCpu, note: numeric(def.cpu) ? `task cpu ${String(def.cpu)} units (1,024 = 1 vCPU)` : `task cpu ${String(def.cpu)}` };
  else if (containerUnits > 0)
    cpu = {
      value: containerUnits / 1024,
      note: `no task cpu; containers' cpu ${containers.map((c) => unitsOf(c)).join('+')} units (1,024 = 1 vCPU)`,
    };
  else {
    warn(`no cpu at task or container level; ${DEFAULT_CPU} vCPU (the smallest Fargate task) used`);
    cpu = {
      value: DEFAULT_CPU,
      note: `no cpu in the task definition; default ${DEFAULT_CPU} vCPU (the smallest Fargate task)`,
      todo: true,
    };
  }

  let memory: Sourced<number>;
  const taskMemory = ecsTaskMemoryGiB(def.memory);
  const reservations = containers.map((c) => {
    const soft = wholeNumber(c.memoryReservation);
    const hard = wholeNumber(c.memory);
    return soft !== undefined
      ? { mib: soft, text: `${soft} MiB reservation${hard !== undefined ? ` (hard limit ${hard})` : ''}` }
      : hard !== undefined
        ? { mib: hard, text: `${hard} MiB` }
        : { mib: 0, text: '0' };
  });
  const containerMiB = reservations.reduce((s, r) => s + r.mib, 0);
  if (taskMemory !== undefined)
    memory = { value: taskMemory, note: `task memory ${String(def.memory)}${numeric(def.memory) ? ' MiB' : ''}` };
  else if (containerMiB > 0)
    memory = { value: containerMiB / 1024, note: `no task memory; containers' ${reservations.map((r) => r.text).join(' + ')}` };
  else {
    warn(`no memory at task or container level; ${DEFAULT_MEMORY_GIB} GiB (the smallest Fargate task) used`);
    memory = {
      value: DEFAULT_MEMORY_GIB,
      note: `no memory in the task definition; default ${DEFAULT_MEMORY_GIB} GiB (the smallest Fargate task)`,
      todo: true,
    };
  }

  const out: TaskSize = { cpu, memory, privileged: [], host: [], hostPaths: [], summary };
  const gpuList = containers.map((c) =>
    asArray(c.resourceRequirements)
      .map(asRecord)
      .filter((r) => r.type === 'GPU')
      .reduce((s, r) => s + (wholeNumber(r.value) ?? 0), 0),
  );
  const gpus = gpuList.reduce((a, b) => a + b, 0);
  if (gpus > 0) out.gpus = { value: gpus, note: `resourceRequirements GPU ${gpuList.filter((g) => g > 0).join('+')}` };
  const storage = wholeNumber(asRecord(def.ephemeralStorage).sizeInGiB);
  if (storage !== undefined && storage > 0) out.storage = { value: storage, note: `ephemeralStorage ${storage} GiB` };

  const platform = asRecord(def.runtimePlatform);
  const cpuArch = asString(platform.cpuArchitecture);
  if (cpuArch === 'ARM64' || cpuArch === 'X86_64')
    out.arch = { value: cpuArch === 'ARM64' ? 'arm64' : 'x86_64', note: `runtimePlatform.cpuArchitecture ${cpuArch}` };
  const family = asString(platform.operatingSystemFamily);
  if (family)
    out.os = { value: family.startsWith('WINDOWS') ? 'windows' : 'linux', note: `runtimePlatform.operatingSystemFamily ${family}` };
  if (!out.arch) {
    for (const c of asArray(def.placementConstraints).map(asRecord)) {
      const m = /ecs\.cpu-architecture\s*==\s*(arm64|x86_64)/.exec(String(c.expression ?? ''));
      if (m) out.arch = { value: m[1] as Architecture, note: `placement constraint ${String(c.expression)}` };
    }
  }

  containers.forEach((c, i) => {
    if (c.privileged === true) out.privileged.push(names[i]!);
  });
  if (def.networkMode === 'host') out.host.push('networkMode host');
  if (def.pidMode === 'host') out.host.push('pidMode host');
  if (def.ipcMode === 'host') out.host.push('ipcMode host');
  for (const v of asArray(def.volumes).map(asRecord)) {
    const p = asString(asRecord(v.host).sourcePath);
    if (p) out.hostPaths.push(p);
  }
  return out;
}

function baseTask(kind: ImportedTask['kind'], name: string, origin: string, size: TaskSize): ImportedTask {
  const task: ImportedTask = { kind, name, origin, cpu: size.cpu, memory: size.memory, needs: {} };
  for (const key of ['gpus', 'storage', 'arch', 'os'] as const) if (size[key]) Object.assign(task, { [key]: size[key] });
  return task;
}

function hostAccessNote(size: TaskSize): string[] {
  return [
    ...size.privileged.map((c) => `container ${c} privileged`),
    ...size.host,
    ...(size.hostPaths.length ? [`host volumes ${size.hostPaths.join(', ')}`] : []),
  ];
}

function applyNeeds(task: ImportedTask, size: TaskSize, label: string, warn: (m: string) => void): void {
  if (size.privileged.length) task.needs.privileged = `${label}: container ${size.privileged.join(', ')} privileged`;
  if (size.host.includes('networkMode host')) task.needs.hostNetworking = `${label}: networkMode host`;
  const other = [
    ...size.host.filter((h) => h !== 'networkMode host'),
    ...(size.hostPaths.length ? [`host volumes ${size.hostPaths.join(', ')}`] : []),
  ];
  if (other.length) warn(`${other.join(', ')}: Fargate cannot give a task host access; workload.yaml has no field for it outside daemons`);
}

function serviceTask(s: EcsService, d: EcsTaskDefinition, targets: EcsScalingTarget[], warnings: Warning[]): ImportedTask {
  const svc = s.service;
  const name = asString(svc.serviceName) ?? '';
  const family = asString(d.def.family) ?? '';
  const label = `ECS service ${name}`;
  const warn = (message: string) => warnings.push({ at: whereOf(s), file: s.file, subject: { kind: 'ECS service', name }, message });
  const size = taskSize(d.def, warn);
  const defAt = d.file === s.file ? (d.via ? ` (${d.via})` : '') : ` (${whereOf(d)})`;
  const origin = `${whereOf(s)}: ${label}, task definition ${family}${defAt}, ${size.summary}`;
  if (svc.schedulingStrategy === 'DAEMON') {
    const task = baseTask('daemon', name, origin, size);
    const reasons = hostAccessNote(size);
    task.hostAccess = reasons.length
      ? { value: true, note: reasons.join(', ') }
      : { value: false, note: 'no privileged container, host network/PID/IPC or host volume' };
    return task;
  }
  const task = baseTask('service', name, origin, size);
  applyNeeds(task, size, label, warn);
  const desired = wholeNumber(svc.desiredCount);
  task.replicas =
    desired !== undefined
      ? { value: desired, note: `desiredCount ${desired}` }
      : { value: 1, note: 'no desiredCount; default 1', todo: true };
  const target = targets.find((t) => {
    const id = String(t.target.ResourceId);
    const dimension = t.target.ScalableDimension;
    return (
      (dimension === undefined || dimension === 'ecs:service:DesiredCount') &&
      id.split('/')[0] === 'service' &&
      id.split('/').pop() === name
    );
  });
  if (target) {
    const min = wholeNumber(target.target.MinCapacity);
    const max = wholeNumber(target.target.MaxCapacity);
    const at = `scalable target ${String(target.target.ResourceId)} (${target.file === s.file ? (target.via ?? 'same file') : whereOf(target)})`;
    if (min !== undefined)
      task.replicas = { value: min, note: `${at} MinCapacity ${min}${desired !== undefined ? ` (desiredCount ${desired})` : ''}` };
    if (max !== undefined && max > task.replicas.value) {
      task.peakReplicas = { value: max, note: `${at} MaxCapacity ${max}` };
      task.peakHoursPerDay = {
        value: ASSUMED_PEAK_HOURS,
        note: `assumption: the scaling target says min and max, not how long the peak lasts; ${ASSUMED_PEAK_HOURS} h a day used`,
        todo: true,
      };
    }
  }
  const spot = spotShare(svc, task.replicas.value);
  if (spot) task.spot = spot;
  return task;
}

/** Tasks on FARGATE_SPOT out of `count`: the `base` first, the rest split by weight, as ECS places them. */
function spotShare(svc: Json, count: number): ImportedTask['spot'] {
  const strategy = asArray(svc.capacityProviderStrategy).map(asRecord);
  const fargate = strategy.filter((p) => p.capacityProvider === 'FARGATE' || p.capacityProvider === 'FARGATE_SPOT');
  if (fargate.length === 0) return svc.launchType === 'FARGATE' ? { tasks: count, spotTasks: 0, note: 'launchType FARGATE' } : undefined;
  const base = (p: Json) => wholeNumber(p.base) ?? 0;
  const weight = (p: Json) => wholeNumber(p.weight) ?? 0;
  const totalBase = Math.min(
    count,
    strategy.reduce((s, p) => s + base(p), 0),
  );
  const totalWeight = strategy.reduce((s, p) => s + weight(p), 0);
  const spot = strategy.find((p) => p.capacityProvider === 'FARGATE_SPOT');
  const spotTasks = spot ? Math.min(count, base(spot)) + (totalWeight > 0 ? ((count - totalBase) * weight(spot)) / totalWeight : 0) : 0;
  const parts = strategy.map((p) => `${String(p.capacityProvider)} weight ${weight(p)}${base(p) ? ` base ${base(p)}` : ''}`);
  return { tasks: count, spotTasks, note: parts.join(', ') };
}

function standaloneTask(d: EcsTaskDefinition, warnings: Warning[]): ImportedTask {
  const family = asString(d.def.family) ?? '';
  const label = `task definition ${family}`;
  const warn = (message: string) =>
    warnings.push({ at: whereOf(d), file: d.file, subject: { kind: 'task definition', name: family }, message });
  const size = taskSize(d.def, warn);
  const origin = `${whereOf(d)}: ${label}, ${size.summary}`;
  const fargateOnly =
    asArray(d.def.requiresCompatibilities).every((c) => c === 'FARGATE') && asArray(d.def.requiresCompatibilities).length > 0;
  if (size.hostPaths.length && !fargateOnly) {
    warn(
      `mounts host paths (${size.hostPaths.join(', ')}) and no ECS service says how it is scheduled; imported as a daemon with hostAccess. ` +
        'If it runs as a REPLICA service, move it to services',
    );
    const task = baseTask('daemon', family, origin, size);
    task.hostAccess = { value: true, note: `${hostAccessNote(size).join(', ')}; a daemon is inferred from the host volumes`, todo: true };
    return task;
  }
  const task = baseTask('service', family, origin, size);
  applyNeeds(task, size, label, warn);
  task.replicas = { value: 1, note: 'no ECS service in the imported files; desiredCount unknown, 1 used', todo: true };
  return task;
}
