/**
 * Kubernetes objects → imported tasks. Reads what `kubectl apply` would read: Deployments,
 * StatefulSets, ReplicaSets, ReplicationControllers, DaemonSets, Jobs and CronJobs, with their
 * HorizontalPodAutoscalers; `List` objects are opened. Everything else is listed as skipped.
 *
 * Per pod: the sum of the containers' requests (a container's limit when it has no request, as the
 * API server defaults it), native sidecars (init containers with `restartPolicy: Always`) added to
 * that sum, and the pod asking for the larger of that sum and its largest other init container.
 */
import type { Architecture, OperatingSystem } from '../schema/enums.js';
import { cronRunsPerDay } from './cron.js';
import {
  ASSUMED_MINUTES_PER_RUN,
  ASSUMED_PEAK_HOURS,
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
import { kubernetesGiB, kubernetesQuantity, wholeNumber } from './quantities.js';

/** One Kubernetes object and where it was read. */
export interface KubeObject {
  file: string;
  line?: number;
  obj: Json;
  /** Set when the object came from another format, e.g. `kubernetes_deployment_v1.web` in a plan. */
  via?: string;
}

const SERVICE_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DeploymentConfig']);
const WORKLOAD_KINDS = new Set([...SERVICE_KINDS, 'DaemonSet', 'Job', 'CronJob']);
const HPA_KIND = 'HorizontalPodAutoscaler';

const ARCH_KEYS = ['kubernetes.io/arch', 'beta.kubernetes.io/arch'];
const OS_KEYS = ['kubernetes.io/os', 'beta.kubernetes.io/os'];
const ARCHES: Readonly<Record<string, Architecture>> = { amd64: 'x86_64', arm64: 'arm64' };
const SYSTEMS: Readonly<Record<string, OperatingSystem>> = { linux: 'linux', windows: 'windows' };

/** Does this parsed document look like a Kubernetes object (or a `List` of them)? */
export function isKubernetesObject(value: unknown): value is Json {
  return isRecord(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string';
}

/** Imports every workload among `objects`, matching HorizontalPodAutoscalers to their targets. */
export function importKubernetes(objects: KubeObject[]): SourceResult {
  const result = emptyResult();
  const all = objects.filter((o) => isKubernetesObject(o.obj));
  const hpas = all.filter((o) => o.obj.kind === HPA_KIND);
  const usedHpas = new Set<KubeObject>();
  const key = (kind: unknown, ns: unknown, name: unknown) => `${String(kind)}/${String(ns ?? '')}/${String(name)}`;
  const present = new Set(all.map((o) => key(o.obj.kind, asRecord(o.obj.metadata).namespace, asRecord(o.obj.metadata).name)));
  // `helm template` output keeps Helm's labels: the team installs software as Helm charts.
  const helm = all.filter((o) => {
    const labels = asRecord(asRecord(o.obj.metadata).labels);
    return typeof labels['helm.sh/chart'] === 'string' || labels['app.kubernetes.io/managed-by'] === 'Helm';
  }).length;
  if (helm > 0) result.ecosystem.push({ tool: 'Helm', objects: helm });
  for (const o of all) {
    const kind = String(o.obj.kind);
    const meta = asRecord(o.obj.metadata);
    const name = asString(meta.name) ?? '';
    if (kind === HPA_KIND) continue;
    const owner = asArray(meta.ownerReferences)
      .map(asRecord)
      .find((r) => r.controller === true);
    const ownerImported = owner !== undefined && present.has(key(owner.kind, meta.namespace, owner.name));
    if (!WORKLOAD_KINDS.has(kind)) {
      const reason =
        kind !== 'Pod'
          ? undefined
          : owner
            ? `a Pod of ${String(owner.kind)} ${String(owner.name)}; import its controller`
            : 'a bare Pod; not modelled';
      result.skipped.push({ file: o.file, kind, name, reason });
      continue;
    }
    if (owner && ownerImported && WORKLOAD_KINDS.has(String(owner.kind))) {
      result.skipped.push({
        file: o.file,
        kind,
        name,
        reason: `owned by ${String(owner.kind)} ${String(owner.name)}, which is imported instead`,
      });
      continue;
    }
    const hpa = kind === 'DaemonSet' || kind === 'Job' || kind === 'CronJob' ? undefined : findHpa(hpas, o, kind, name);
    if (hpa) usedHpas.add(hpa);
    result.tasks.push(importWorkload(o, kind, name, hpa, result.warnings));
  }
  for (const h of hpas) {
    if (usedHpas.has(h)) continue;
    const target = asRecord(asRecord(h.obj.spec).scaleTargetRef);
    result.skipped.push({
      file: h.file,
      kind: HPA_KIND,
      name: asString(asRecord(h.obj.metadata).name) ?? '',
      reason: `targets ${String(target.kind ?? '?')} ${String(target.name ?? '?')}, which is not in the imported files`,
    });
  }
  return result;
}

function findHpa(hpas: KubeObject[], o: KubeObject, kind: string, name: string): KubeObject | undefined {
  const ns = asString(asRecord(o.obj.metadata).namespace);
  const candidates = hpas.filter((h) => {
    const ref = asRecord(asRecord(h.obj.spec).scaleTargetRef);
    return ref.kind === kind && ref.name === name;
  });
  return candidates.find((h) => asString(asRecord(h.obj.metadata).namespace) === ns) ?? candidates[0];
}

function where(o: KubeObject): string {
  return `${o.file}${o.line !== undefined ? `:${o.line}` : ''}`;
}

function qualified(o: KubeObject, name: string): string {
  const ns = asString(asRecord(o.obj.metadata).namespace);
  return `${ns ? `${ns}/` : ''}${name}`;
}

function atOf(o: KubeObject): string {
  return `${where(o)}${o.via ? `: ${o.via}` : ''}`;
}

function importWorkload(o: KubeObject, kind: string, name: string, hpa: KubeObject | undefined, warnings: Warning[]): ImportedTask {
  const spec = asRecord(o.obj.spec);
  const jobSpec = kind === 'CronJob' ? asRecord(asRecord(spec.jobTemplate).spec) : spec;
  const podSpec = asRecord(asRecord(jobSpec.template).spec);
  const label = `${kind} ${qualified(o, name)}`;
  const warn = (message: string) => warnings.push({ at: atOf(o), file: o.file, subject: { kind, name: qualified(o, name) }, message });
  const pod = podResources(podSpec, warn);
  const origin = `${atOf(o)}: ${label}, ${pod.summary}`;
  const access = hostAccessOf(podSpec);
  const kindOf = kind === 'DaemonSet' ? 'daemon' : kind === 'Job' || kind === 'CronJob' ? 'job' : 'service';
  const task: ImportedTask = {
    kind: kindOf,
    name,
    origin,
    cpu: pod.cpu,
    memory: pod.memory,
    ...placement(podSpec, warn),
    needs: {},
  };
  if (pod.gpus) task.gpus = pod.gpus;
  if (pod.storage) task.storage = pod.storage;

  if (kindOf === 'daemon') {
    const reasons = [...access.privileged.map((c) => `container ${c} privileged`), ...access.host];
    task.hostAccess = reasons.length
      ? { value: true, note: reasons.join(', ') }
      : { value: false, note: 'no privileged container, host network, host PID/IPC or hostPath' };
    return task;
  }

  if (access.privileged.length) task.needs.privileged = `${label}: container ${access.privileged.join(', ')} privileged`;
  if (podSpec.hostNetwork === true) task.needs.hostNetworking = `${label}: hostNetwork`;
  const otherHost = access.host.filter((h) => h !== 'hostNetwork');
  if (otherHost.length) {
    warn(
      `${otherHost.join(', ')}: Fargate cannot give a pod host access and workload.yaml has no field for it outside daemons; ` +
        'if it must run on every node, import it as a DaemonSet',
    );
  }
  const claims = claimsOf(podSpec, kind === 'StatefulSet' ? spec : {});
  if (claims.length) task.needs.blockStorage = `${label}: ${claims.join(', ')}`;

  if (kindOf === 'service') Object.assign(task, replicasOf(o, spec, hpa));
  else Object.assign(task, jobRuns(kind, spec, jobSpec, warn));
  return task;
}

interface Amount {
  value: number;
  raw: string;
  fromLimit: boolean;
}

interface Container {
  name: string;
  cpu?: Amount;
  memory?: Amount;
  gpus?: Amount;
  storage?: Amount;
  sidecar: boolean;
}

function readContainer(c: Json, sidecar: boolean, warn: (m: string) => void): Container {
  const resources = asRecord(c.resources);
  const requests = asRecord(resources.requests);
  const limits = asRecord(resources.limits);
  const name = asString(c.name) ?? '?';
  const amount = (key: string, parse: (raw: unknown) => number | undefined): Amount | undefined => {
    const fromLimit = requests[key] === undefined && limits[key] !== undefined;
    const raw = fromLimit ? limits[key] : requests[key];
    if (raw === undefined) return undefined;
    const value = parse(raw);
    if (value === undefined) {
      warn(`container ${name}: cannot read ${key} "${String(raw)}"; left out`);
      return undefined;
    }
    return { value, raw: String(raw), fromLimit };
  };
  for (const key of [...Object.keys(requests), ...Object.keys(limits)]) {
    if (/gpu|neuron/i.test(key) && key !== 'nvidia.com/gpu') warn(`container ${name}: ${key} is not modelled (only nvidia.com/gpu is)`);
  }
  return {
    name,
    sidecar,
    cpu: amount('cpu', kubernetesQuantity),
    memory: amount('memory', kubernetesGiB),
    gpus: amount('nvidia.com/gpu', kubernetesQuantity),
    storage: amount('ephemeral-storage', kubernetesGiB),
  };
}

type ResourceKey = 'cpu' | 'memory' | 'gpus' | 'storage';

interface PodResources {
  cpu: Sourced<number>;
  memory: Sourced<number>;
  gpus?: Sourced<number>;
  storage?: Sourced<number>;
  summary: string;
}

function podResources(podSpec: Json, warn: (m: string) => void): PodResources {
  const app = asArray(podSpec.containers).map((c) => readContainer(asRecord(c), false, warn));
  const inits = asArray(podSpec.initContainers).map((c) => readContainer(asRecord(c), asRecord(c).restartPolicy === 'Always', warn));
  const summed = [...app, ...inits.filter((c) => c.sidecar)];
  const regularInits = inits.filter((c) => !c.sidecar);
  const n = summed.length;
  const summary = [
    `${n} container${n === 1 ? '' : 's'}`,
    ...(inits.length ? [`${inits.length} init container${inits.length === 1 ? '' : 's'}`] : []),
  ].join(', ');

  const total = (key: ResourceKey, unit: (v: Amount) => string): { value: number; note: string } | undefined => {
    const have = summed.filter((c) => c[key] !== undefined);
    const sum = have.reduce((s, c) => s + c[key]!.value, 0);
    const biggestInit = regularInits
      .filter((c) => c[key] !== undefined)
      .reduce<Container | undefined>((best, c) => (!best || c[key]!.value > best[key]!.value ? c : best), undefined);
    if (have.length === 0 && !biggestInit) return undefined;
    const fromLimits = have.filter((c) => c[key]!.fromLimit);
    let note: string;
    if (have.length === 0) note = 'no container sets it';
    else if (fromLimits.length === 0) note = `requests ${have.map((c) => unit(c[key]!)).join('+')}`;
    else if (fromLimits.length === have.length) note = `limits ${have.map((c) => unit(c[key]!)).join('+')} (no requests)`;
    else note = `requests/limits ${have.map((c) => `${c.name} ${unit(c[key]!)}${c[key]!.fromLimit ? ' (limit)' : ''}`).join(' + ')}`;
    const missing = summed.filter((c) => c[key] === undefined).map((c) => c.name);
    if (missing.length && have.length) note += `; ${missing.join(', ')} set${missing.length === 1 ? 's' : ''} none (0)`;
    if (biggestInit && biggestInit[key]!.value > sum) {
      return {
        value: biggestInit[key]!.value,
        note: `init container ${biggestInit.name} ${unit(biggestInit[key]!)}, more than the containers' ${note}`,
      };
    }
    return { value: sum, note };
  };

  const raw = (a: Amount) => a.raw;
  const cpu = total('cpu', raw);
  const memory = total('memory', raw);
  const gpus = total('gpus', raw);
  const storage = total('storage', raw);
  if (!cpu || cpu.value === 0) warn(`no cpu request or limit in any container; ${DEFAULT_CPU} vCPU (the smallest Fargate task) used`);
  if (!memory || memory.value === 0)
    warn(`no memory request or limit in any container; ${DEFAULT_MEMORY_GIB} GiB (the smallest Fargate task) used`);
  return {
    summary,
    cpu:
      cpu && cpu.value > 0
        ? cpu
        : { value: DEFAULT_CPU, note: `no cpu request or limit; default ${DEFAULT_CPU} vCPU (the smallest Fargate task)`, todo: true },
    memory:
      memory && memory.value > 0
        ? memory
        : {
            value: DEFAULT_MEMORY_GIB,
            note: `no memory request or limit; default ${DEFAULT_MEMORY_GIB} GiB (the smallest Fargate task)`,
            todo: true,
          },
    gpus: gpus && gpus.value > 0 ? { value: Math.ceil(gpus.value), note: `nvidia.com/gpu ${gpus.note}` } : undefined,
    storage: storage && storage.value > 0 ? { value: storage.value, note: `ephemeral-storage ${storage.note}` } : undefined,
  };
}

/** arch and os from `kubernetes.io/arch` / `kubernetes.io/os` in nodeSelector or required node affinity. */
function placement(podSpec: Json, warn: (m: string) => void): { arch?: Sourced<Architecture>; os?: Sourced<OperatingSystem> } {
  const out: { arch?: Sourced<Architecture>; os?: Sourced<OperatingSystem> } = {};
  const pick = <T extends string>(keys: string[], table: Readonly<Record<string, T>>, what: string): Sourced<T> | undefined => {
    const selector = asRecord(podSpec.nodeSelector);
    for (const key of keys) {
      const v = asString(selector[key]);
      if (v === undefined) continue;
      const mapped = table[v];
      if (mapped) return { value: mapped, note: `nodeSelector ${key}: ${v}` };
      warn(`nodeSelector ${key}: ${v} is not a ${what} the workload format knows; left out`);
    }
    const terms = asArray(
      asRecord(asRecord(asRecord(podSpec.affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution).nodeSelectorTerms,
    );
    const allowed = new Set<string>();
    let restricted = false;
    for (const term of terms) {
      let termAllowed: Set<string> | undefined;
      for (const expr of asArray(asRecord(term).matchExpressions).map(asRecord)) {
        if (!keys.includes(String(expr.key))) continue;
        const values = asArray(expr.values).map(String);
        const set =
          expr.operator === 'In'
            ? new Set(values)
            : expr.operator === 'NotIn'
              ? new Set(Object.keys(table).filter((k) => !values.includes(k)))
              : undefined;
        if (set) termAllowed = termAllowed ? new Set([...termAllowed].filter((x) => set.has(x))) : set;
      }
      if (termAllowed) {
        restricted = true;
        for (const v of termAllowed) allowed.add(v);
      } else if (terms.length > 0) return undefined; // a term without a restriction allows anything
    }
    const known = [...allowed].filter((v) => table[v]);
    if (restricted && known.length === 1)
      return { value: table[known[0]!]!, note: `node affinity ${keys[0]} in [${[...allowed].join(', ')}]` };
    return undefined;
  };
  const arch = pick(ARCH_KEYS, ARCHES, 'CPU architecture');
  const os = pick(OS_KEYS, SYSTEMS, 'operating system');
  if (arch) out.arch = arch;
  if (os) out.os = os;
  return out;
}

function hostAccessOf(podSpec: Json): { privileged: string[]; host: string[] } {
  const containers = [...asArray(podSpec.containers), ...asArray(podSpec.initContainers)].map(asRecord);
  const privileged = containers.filter((c) => asRecord(c.securityContext).privileged === true).map((c) => asString(c.name) ?? '?');
  const host: string[] = [];
  for (const flag of ['hostNetwork', 'hostPID', 'hostIPC']) if (podSpec[flag] === true) host.push(flag);
  const paths = asArray(podSpec.volumes)
    .map((v) => asString(asRecord(asRecord(v).hostPath).path))
    .filter((p): p is string => p !== undefined);
  if (paths.length) host.push(`hostPath ${paths.join(', ')}`);
  return { privileged, host };
}

/** PersistentVolumeClaims a pod mounts (volumes, ephemeral claim templates, StatefulSet volumeClaimTemplates). */
function claimsOf(podSpec: Json, statefulSpec: Json): string[] {
  const out: string[] = [];
  for (const v of asArray(podSpec.volumes).map(asRecord)) {
    const claim = asString(asRecord(v.persistentVolumeClaim).claimName);
    if (claim !== undefined) out.push(`persistentVolumeClaim ${claim}`);
    if (isRecord(asRecord(v.ephemeral).volumeClaimTemplate)) out.push(`ephemeral volume claim ${String(v.name)}`);
  }
  for (const t of asArray(statefulSpec.volumeClaimTemplates).map(asRecord)) {
    const meta = asRecord(t.metadata);
    const size = asString(asRecord(asRecord(asRecord(t.spec).resources).requests).storage);
    out.push(`volumeClaimTemplate ${String(meta.name ?? '?')}${size ? ` (${size})` : ''}`);
  }
  return out;
}

function replicasOf(o: KubeObject, spec: Json, hpa: KubeObject | undefined): Partial<ImportedTask> {
  if (hpa) {
    const h = asRecord(hpa.obj.spec);
    const hpaName = asString(asRecord(hpa.obj.metadata).name) ?? '?';
    const place = hpa.file === o.file ? (hpa.line !== undefined ? `line ${hpa.line}` : 'same file') : where(hpa);
    const at = `HorizontalPodAutoscaler ${hpaName} (${place})`;
    const min = wholeNumber(h.minReplicas) ?? 1;
    const max = wholeNumber(h.maxReplicas) ?? min;
    const out: Partial<ImportedTask> = {
      replicas: { value: min, note: `${at} minReplicas ${h.minReplicas === undefined ? 'not set (1)' : min}` },
    };
    if (max > min) {
      out.peakReplicas = { value: max, note: `${at} maxReplicas ${max}` };
      out.peakHoursPerDay = {
        value: ASSUMED_PEAK_HOURS,
        note: `assumption: the autoscaler says min and max, not how long the peak lasts; ${ASSUMED_PEAK_HOURS} h a day used`,
        todo: true,
      };
    }
    return out;
  }
  const replicas = wholeNumber(spec.replicas);
  return {
    replicas:
      replicas === undefined
        ? { value: 1, note: 'spec.replicas not set; Kubernetes runs 1' }
        : { value: replicas, note: `spec.replicas ${replicas}` },
  };
}

function jobRuns(kind: string, spec: Json, jobSpec: Json, warn: (m: string) => void): Partial<ImportedTask> {
  const parallelismRaw = wholeNumber(jobSpec.parallelism);
  const completionsRaw = wholeNumber(jobSpec.completions);
  const p = Math.max(1, parallelismRaw ?? 1);
  const c = completionsRaw;
  const parallel = c !== undefined ? Math.max(1, Math.min(p, c)) : p;
  const waves = c !== undefined ? Math.max(1, Math.ceil(c / p)) : 1;
  const parts = [`parallelism ${parallelismRaw ?? 'not set (1)'}`, `completions ${completionsRaw ?? 'not set'}`];
  const out: Partial<ImportedTask> = { parallelism: { value: parallel, note: parts.join(', ') } };

  let runsPerDay: Sourced<number>;
  if (kind === 'CronJob') {
    const schedule = asString(spec.schedule) ?? '';
    const cron = cronRunsPerDay(schedule);
    if (cron.ok) runsPerDay = { value: cron.runsPerDay, note: `schedule "${schedule}": ${cron.explanation}` };
    else {
      warn(`${cron.message}; 1 run a day used`);
      runsPerDay = { value: 1, note: `${cron.message}; default 1 run a day`, todo: true };
    }
    if (spec.suspend === true) warn('the CronJob is suspended (spec.suspend: true); imported as if it ran');
  } else {
    runsPerDay = { value: 1, note: 'a Job runs when it is created; assumption: once a day', todo: true };
  }
  out.runsPerDay = runsPerDay;

  const deadline = wholeNumber(jobSpec.activeDeadlineSeconds);
  if (deadline !== undefined && deadline > 0) {
    out.minutesPerRun = { value: deadline / 60, note: `activeDeadlineSeconds ${deadline} (the deadline: an upper bound on the run)` };
  } else {
    const interval = 1440 / runsPerDay.value;
    const assumed = ASSUMED_MINUTES_PER_RUN * waves;
    const capped = Math.min(assumed, interval);
    out.minutesPerRun = {
      value: capped,
      note:
        `assumption: no activeDeadlineSeconds; ${ASSUMED_MINUTES_PER_RUN} min per pod` +
        (waves > 1 ? ` × ${waves} waves (completions ${c} at parallelism ${p})` : '') +
        (capped < assumed ? `, capped at the ${interval} min between runs` : ''),
      todo: true,
    };
  }
  return out;
}
