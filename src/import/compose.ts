/**
 * Compose files → imported tasks. `deploy.replicas` (or the older `scale`), `deploy.resources`
 * reservations (the limits when there is no reservation), the older `cpus` / `mem_reservation` /
 * `mem_limit`, `platform`, `privileged`, `network_mode: host`, named volumes and GPU device
 * reservations. `deploy.mode: global` services run one per node: they become daemons. Extension
 * fields (`x-…`) are ignored; YAML anchors and merge keys were resolved by the parser. `${VAR:-default}`
 * takes its default; a `${VAR}` with no default cannot be resolved and is said so.
 */
import type { Architecture, OperatingSystem } from '../schema/enums.js';
import {
  DEFAULT_CPU,
  DEFAULT_MEMORY_GIB,
  asArray,
  asRecord,
  asString,
  emptyResult,
  isRecord,
  type ImportedTask,
  type Json,
  type SourceResult,
  type Sourced,
  type Warning,
} from './model.js';
import { composeCpus, dockerGiB, wholeNumber } from './quantities.js';

export interface ComposeFile {
  file: string;
  doc: Json;
  /** The line of `services.<name>`. */
  lineOf: (service: string) => number | undefined;
}

/** A Compose file: a top-level `services` map whose entries have an image or a build. */
export function isComposeFile(value: unknown): value is Json {
  if (!isRecord(value) || !isRecord(value.services)) return false;
  const services = Object.entries(value.services).filter(([k]) => !k.startsWith('x-'));
  return services.some(([, s]) => isRecord(s) && (s.image !== undefined || s.build !== undefined));
}

const HOST_TARGETS = ['/var/run/docker.sock', '/run/docker.sock'];

type Interpolated = { ok: true; value: unknown; note?: string } | { ok: false; variable: string };

/** Resolves `${VAR:-default}` / `${VAR-default}` to the default; `${VAR}` and `$VAR` cannot be resolved here. */
function interpolate(raw: unknown): Interpolated {
  if (typeof raw !== 'string' || !raw.includes('$')) return { ok: true, value: raw };
  let unresolved: string | undefined;
  const value = raw.replace(
    /\$\$|\$\{([A-Za-z_]\w*)(?:(:?-)([^}]*)|:?[?+][^}]*)?\}|\$([A-Za-z_]\w*)/g,
    (all: string, braced?: string, dash?: string, fallback?: string, bare?: string) => {
      if (all === '$$') return '$';
      if (dash !== undefined) return fallback ?? '';
      unresolved ??= braced ?? bare;
      return all;
    },
  );
  return unresolved ? { ok: false, variable: unresolved } : { ok: true, value, note: `${raw} → ${value}` };
}

/** Imports every service of every Compose file. */
export function importCompose(files: ComposeFile[]): SourceResult {
  const result = emptyResult();
  for (const f of files) {
    const declaredVolumes = asRecord(f.doc.volumes);
    for (const [name, raw] of Object.entries(asRecord(f.doc.services))) {
      if (name.startsWith('x-')) continue;
      if (!isRecord(raw)) {
        result.warnings.push({ at: f.file, file: f.file, subject: { kind: 'Compose service', name }, message: 'not a mapping; skipped' });
        continue;
      }
      result.tasks.push(importService(f, name, raw, declaredVolumes, result.warnings));
    }
  }
  return result;
}

function importService(f: ComposeFile, name: string, s: Json, declaredVolumes: Json, warnings: Warning[]): ImportedTask {
  const line = f.lineOf(name);
  const where = `${f.file}${line !== undefined ? `:${line}` : ''}`;
  const warn = (message: string) => warnings.push({ at: where, file: f.file, subject: { kind: 'Compose service', name }, message });
  const deploy = asRecord(s.deploy);
  const resources = asRecord(deploy.resources);
  const reservations = asRecord(resources.reservations);
  const limits = asRecord(resources.limits);
  const mode = asString(deploy.mode) ?? 'replicated';
  const kind: ImportedTask['kind'] = mode === 'global' || mode === 'global-job' ? 'daemon' : mode === 'replicated-job' ? 'job' : 'service';
  const profiles = asArray(s.profiles).map(String);
  const origin = `${where}: Compose service ${name}${mode !== 'replicated' ? ` (deploy.mode ${mode})` : ''}${profiles.length ? ` (profiles ${profiles.join(', ')})` : ''}`;
  if (s.extends !== undefined) warn('uses extends; the extended service is not merged in, so check its sizes');

  type Candidate = [path: string, value: unknown, qualifier?: string];
  const pick = (
    candidates: Candidate[],
    parse: (v: unknown) => number | undefined,
    what: string,
  ): { value: number; note: string } | undefined => {
    for (const [path, rawValue, qualifier] of candidates) {
      if (rawValue === undefined) continue;
      const resolved = interpolate(rawValue);
      if (!resolved.ok) {
        warn(`${path} "${String(rawValue)}" needs \${${resolved.variable}}, which is not set here; left out`);
        continue;
      }
      const value = parse(resolved.value);
      if (value === undefined) {
        warn(`cannot read ${what} ${path} "${String(rawValue)}"; left out`);
        continue;
      }
      const extra = [qualifier, resolved.note].filter(Boolean).join('; ');
      return { value, note: `${path} ${String(resolved.value)}${extra ? ` (${extra})` : ''}` };
    }
    return undefined;
  };
  const cpuFound = pick(
    [
      ['deploy.resources.reservations.cpus', reservations.cpus],
      ['deploy.resources.limits.cpus', limits.cpus, 'no reservation'],
      ['cpus', s.cpus],
    ],
    composeCpus,
    'cpus',
  );
  const memoryFound = pick(
    [
      ['deploy.resources.reservations.memory', reservations.memory],
      ['deploy.resources.limits.memory', limits.memory, 'no reservation'],
      ['mem_reservation', s.mem_reservation],
      ['mem_limit', s.mem_limit],
    ],
    dockerGiB,
    'memory',
  );
  if (!cpuFound) warn(`no cpus reservation or limit; ${DEFAULT_CPU} vCPU (the smallest Fargate task) used`);
  if (!memoryFound) warn(`no memory reservation or limit; ${DEFAULT_MEMORY_GIB} GiB (the smallest Fargate task) used`);
  const cpu: Sourced<number> = cpuFound ?? {
    value: DEFAULT_CPU,
    note: `no cpus reservation or limit; default ${DEFAULT_CPU} vCPU (the smallest Fargate task)`,
    todo: true,
  };
  const memory: Sourced<number> = memoryFound ?? {
    value: DEFAULT_MEMORY_GIB,
    note: `no memory reservation or limit; default ${DEFAULT_MEMORY_GIB} GiB (the smallest Fargate task)`,
    todo: true,
  };
  const task: ImportedTask = { kind, name, origin, cpu, memory, needs: {} };

  const gpus = gpuCount(s, reservations);
  if (gpus) task.gpus = gpus;
  Object.assign(task, platformOf(s, warn));

  const mounts = volumesOf(s, declaredVolumes);
  const host: string[] = [];
  if (s.privileged === true) host.push('privileged');
  if (s.network_mode === 'host') host.push('network_mode host');
  if (s.pid === 'host') host.push('pid host');
  if (s.ipc === 'host') host.push('ipc host');
  if (mounts.hostBinds.length) host.push(`host bind mounts ${mounts.hostBinds.join(', ')}`);

  if (kind === 'daemon') {
    task.hostAccess = host.length
      ? { value: true, note: host.join(', ') }
      : { value: false, note: 'no privileged, host network/PID/IPC or host bind mount' };
    return task;
  }
  const label = `Compose service ${name}`;
  if (s.privileged === true) task.needs.privileged = `${label}: privileged`;
  if (s.network_mode === 'host') task.needs.hostNetworking = `${label}: network_mode host`;
  if (mounts.named.length) task.needs.blockStorage = `${label}: named volume ${mounts.named.join(', ')}`;
  const otherHost = host.filter((h) => h !== 'privileged' && h !== 'network_mode host');
  if (otherHost.length) {
    warn(
      `${otherHost.join(', ')}: Fargate cannot give a task host access and workload.yaml has no field for it outside daemons; ` +
        'if it must run on every host, use deploy.mode: global',
    );
  }

  const replicasRaw = interpolate(deploy.replicas ?? s.scale);
  const replicas = replicasRaw.ok ? wholeNumber(replicasRaw.value) : undefined;
  const replicasPath = deploy.replicas !== undefined ? 'deploy.replicas' : 'scale';
  if (kind === 'job') {
    task.parallelism = {
      value: Math.max(1, replicas ?? 1),
      note: replicas !== undefined ? `${replicasPath} ${replicas}` : 'deploy.replicas not set (1)',
    };
    task.runsPerDay = { value: 1, note: 'a replicated-job runs when the stack is deployed; assumption: once a day', todo: true };
    task.minutesPerRun = { value: 10, note: 'assumption: Compose says nothing about how long a run takes; 10 min', todo: true };
  } else {
    task.replicas =
      replicas !== undefined
        ? { value: replicas, note: `${replicasPath} ${replicas}${replicasRaw.ok && replicasRaw.note ? ` (${replicasRaw.note})` : ''}` }
        : {
            value: 1,
            note:
              deploy.replicas === undefined && s.scale === undefined
                ? 'deploy.replicas not set; Compose runs 1'
                : `cannot read ${replicasPath}; 1 used`,
          };
  }
  return task;
}

function gpuCount(s: Json, reservations: Json): Sourced<number> | undefined {
  let count = 0;
  let all = false;
  for (const d of asArray(reservations.devices).map(asRecord)) {
    const capabilities = asArray(d.capabilities).map(String);
    if (!capabilities.includes('gpu')) continue;
    if (d.count === 'all') all = true;
    else if (wholeNumber(d.count) !== undefined) count += wholeNumber(d.count)!;
    else count += Math.max(1, asArray(d.device_ids).length);
  }
  if (count > 0) return { value: count, note: `deploy.resources.reservations.devices: ${count} GPU${count === 1 ? '' : 's'}` };
  if (all) return { value: 1, note: 'GPU device count "all": how many GPUs a host has is not in the file; 1 used', todo: true };
  if (s.runtime === 'nvidia') return { value: 1, note: 'runtime: nvidia without a device count; 1 GPU used', todo: true };
  return undefined;
}

function platformOf(s: Json, warn: (m: string) => void): { arch?: Sourced<Architecture>; os?: Sourced<OperatingSystem> } {
  const raw = asString(s.platform);
  if (!raw) return {};
  const resolved = interpolate(raw);
  if (!resolved.ok) {
    warn(`platform "${raw}" needs \${${resolved.variable}}; left out`);
    return {};
  }
  const [os, arch] = String(resolved.value).toLowerCase().split('/');
  const out: { arch?: Sourced<Architecture>; os?: Sourced<OperatingSystem> } = {};
  if (os === 'linux' || os === 'windows') out.os = { value: os, note: `platform ${String(resolved.value)}` };
  if (arch === 'amd64' || arch === 'x86_64') out.arch = { value: 'x86_64', note: `platform ${String(resolved.value)}` };
  else if (arch === 'arm64' || arch === 'aarch64') out.arch = { value: 'arm64', note: `platform ${String(resolved.value)}` };
  else if (arch !== undefined) warn(`platform ${raw}: architecture ${arch} is not modelled; left out`);
  return out;
}

/** Named volumes (data that must persist: block storage) and bind mounts of host paths. */
function volumesOf(s: Json, declared: Json): { named: string[]; hostBinds: string[] } {
  const named: string[] = [];
  const hostBinds: string[] = [];
  const classify = (rawSource: string | undefined, target: string | undefined, type: string | undefined) => {
    const resolved = interpolate(rawSource);
    const source = resolved.ok ? asString(resolved.value) : undefined;
    if (type === 'tmpfs' || type === 'npipe' || type === 'image') return;
    if (target && HOST_TARGETS.includes(target)) {
      hostBinds.push(target);
      return;
    }
    if (!source) return; // an anonymous volume lives and dies with the container
    const isNamed = type === 'volume' || (type === undefined && /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(source));
    if (isNamed) {
      named.push(source in declared || type === 'volume' ? source : `${source} (not declared under volumes)`);
      return;
    }
    if (source.startsWith('/') || source.startsWith('~')) hostBinds.push(source);
    // A relative path (./config) is a project file; on AWS it is baked into the image or a config store.
    // An unset ${VAR} could be either, so it is not counted as host access.
  };
  for (const v of asArray(s.volumes)) {
    if (typeof v === 'string') {
      const parts = splitVolume(v);
      if (parts.length === 1) classify(undefined, parts[0], undefined);
      else classify(parts[0], parts[1], undefined);
    } else if (isRecord(v)) {
      classify(asString(v.source), asString(v.target), asString(v.type));
    }
  }
  return { named, hostBinds };
}

/** `source:target[:mode]`, where a `${VAR:-/default}` in the source keeps its colon. */
function splitVolume(spec: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i]!;
    if (ch === '$' && spec[i + 1] === '{') depth++;
    else if (ch === '}' && depth > 0) depth--;
    if (ch === ':' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}
