/**
 * The imported tasks → one draft `WorkloadInput`, with a note for every value: where it came from,
 * or `TODO` and the default used where the files cannot say. Names are tidied and made unique,
 * numbers rounded up (never below what the source asked for) and clamped to the schema's ranges with
 * a warning, and the workload-wide requirements collected from every task that needs them.
 */
import { optionName } from '../domain/options.js';
import { list, plural } from '../domain/text.js';
import { OPTION_IDS, type OptionId } from '../schema/enums.js';
import { compareText } from '../schema/numbers.js';
import { LIMITS, type WorkloadInput } from '../schema/workload.js';
import {
  type EcosystemHint,
  DEFAULT_CPU,
  DEFAULT_MEMORY_GIB,
  type ImportedTask,
  type Skipped,
  type SourceResult,
  type Sourced,
  type Warning,
} from './model.js';
import { NameBook, tidyName } from './names.js';
import { draftCpu, draftGiB, roundUp } from './quantities.js';

/** A comment for one place in the draft: trailing the value, and/or lines above it. */
export interface DraftNote {
  comment?: string;
  above?: string[];
}

export interface ImportResult {
  /** A valid `WorkloadInput` (it passes `WorkloadSchema` and `ecs-or-eks validate`). */
  draft: WorkloadInput;
  /** Notes by path (`services[0].cpu`, `requirements.privileged`, `services[0]` for the item). */
  notes: Map<string, DraftNote>;
  /** The paths whose value is a default or an assumption. */
  todos: string[];
  /** Comment lines for the top of the file. */
  header: string[];
  /** One line each, for stderr. */
  warnings: string[];
  skipped: Skipped[];
  sources: { file: string; type: string }[];
  /** How many of each the files held (the draft may add a placeholder service). */
  found: { services: number; jobs: number; daemons: number };
  /** What the files say runs today, e.g. `EKS with managed node groups (eks-managed-nodes)`. */
  currentPlatform?: string;
}

export interface AssembleOptions {
  name?: string;
  region?: string;
  defaultName: string;
  sources: { file: string; type: string }[];
  /** Whether any Kubernetes object was read (for the team hint). */
  kubernetes: boolean;
}

type Entry = Record<string, unknown>;

/** Builds the draft and its notes from everything the readers found. */
export function assemble(found: SourceResult, options: AssembleOptions): ImportResult {
  const notes = new Map<string, DraftNote>();
  const todos: string[] = [];
  const warnings: Warning[] = [...found.warnings];
  const comment = (path: string, text: string, todo = false) => {
    const n = notes.get(path) ?? {};
    n.comment = n.comment ? `${n.comment}; ${text}` : todo ? `TODO: ${text}` : text;
    notes.set(path, n);
    if (todo && !todos.includes(path)) todos.push(path);
  };
  const above = (path: string, ...lines: string[]) => {
    const n = notes.get(path) ?? {};
    n.above = [...(n.above ?? []), ...lines];
    notes.set(path, n);
  };
  const put = <T>(entry: Entry, path: string, key: string, s: Sourced<T>, value: unknown = s.value) => {
    entry[key] = value;
    comment(`${path}.${key}`, s.note, s.todo);
  };
  const limit = (entry: Entry, path: string, key: string, max: number, task: ImportedTask, what: string) => {
    const v = entry[key];
    if (typeof v === 'number' && v > max) {
      entry[key] = max;
      comment(`${path}.${key}`, `clamped to ${max}, the most workload.yaml allows`);
      warnings.push({ at: originAt(task), file: '', message: `${what} ${v} is more than workload.yaml allows; clamped to ${max}` });
    }
  };

  const workloadNames = new NameBook();
  const daemonNames = new NameBook();
  const services: Entry[] = [];
  const jobs: Entry[] = [];
  const daemons: Entry[] = [];

  for (const task of found.tasks) {
    const list_ = task.kind === 'service' ? services : task.kind === 'job' ? jobs : daemons;
    const section = task.kind === 'service' ? 'services' : task.kind === 'job' ? 'jobs' : 'daemons';
    const path = `${section}[${list_.length}]`;
    const name = (task.kind === 'daemon' ? daemonNames : workloadNames).claim(task.name, task.kind === 'job' ? 'job' : 'workload');
    const entry: Entry = { name };
    above(path, task.origin);
    if (name !== task.name)
      comment(`${path}.name`, name === tidyName(task.name) ? `tidied from "${task.name}"` : `"${task.name}" tidied and made unique`);
    put(entry, path, 'cpu', task.cpu, draftCpu(task.cpu.value));
    put(entry, path, 'memory', task.memory, draftGiB(task.memory.value));
    if (task.kind === 'daemon') {
      if (task.gpus)
        warnings.push({ at: originAt(task), file: '', message: 'daemons have no GPUs in workload.yaml; its GPUs are left out' });
      limit(entry, path, 'cpu', 64, task, 'cpu');
      limit(entry, path, 'memory', 512, task, 'memory');
      put(entry, path, 'hostAccess', task.hostAccess ?? { value: false, note: 'no host access found' });
      daemons.push(entry);
      continue;
    }
    limit(entry, path, 'cpu', LIMITS.maxCpu, task, 'cpu');
    limit(entry, path, 'memory', LIMITS.maxMemoryGiB, task, 'memory');
    if (task.kind === 'service') {
      put(entry, path, 'replicas', task.replicas ?? { value: 1, note: 'default 1', todo: true });
      limit(entry, path, 'replicas', LIMITS.maxReplicas, task, 'replicas');
      if (task.peakReplicas && task.peakReplicas.value > (entry.replicas as number)) {
        put(entry, path, 'peakReplicas', task.peakReplicas);
        limit(entry, path, 'peakReplicas', LIMITS.maxReplicas, task, 'peakReplicas');
        put(entry, path, 'peakHoursPerDay', task.peakHoursPerDay ?? { value: 4, note: 'assumption: 4 h a day', todo: true });
      }
    } else {
      const runs = task.runsPerDay ?? { value: 1, note: 'assumption: once a day', todo: true };
      put(entry, path, 'runsPerDay', runs, Math.max(0.0001, Math.round(runs.value * 10_000) / 10_000));
      limit(entry, path, 'runsPerDay', 86_400, task, 'runsPerDay');
      const minutes = task.minutesPerRun ?? { value: 10, note: 'assumption: 10 min', todo: true };
      put(entry, path, 'minutesPerRun', minutes, Math.max(0.01, roundUp(minutes.value, 2)));
      limit(entry, path, 'minutesPerRun', 1_440, task, 'minutesPerRun');
      put(entry, path, 'parallelism', task.parallelism ?? { value: 1, note: 'default 1' }, Math.max(1, task.parallelism?.value ?? 1));
      limit(entry, path, 'parallelism', LIMITS.maxReplicas, task, 'parallelism');
    }
    if (task.arch && !(task.os?.value === 'windows' && task.arch.value === 'arm64')) put(entry, path, 'arch', task.arch);
    else if (task.arch)
      warnings.push({ at: originAt(task), file: '', message: 'Windows on arm64 is not offered on ECS or EKS; arch left at x86_64' });
    if (task.os) put(entry, path, 'os', task.os);
    if (task.gpus && task.os?.value === 'windows') {
      warnings.push({ at: originAt(task), file: '', message: 'GPUs are modelled for Linux tasks only; gpus left out' });
    } else if (task.gpus) {
      put(entry, path, 'gpus', task.gpus);
      limit(entry, path, 'gpus', LIMITS.maxGpus, task, 'gpus');
    }
    if (task.storage) {
      put(entry, path, 'storage', task.storage, Math.max(1, roundUp(task.storage.value, 2)));
      limit(entry, path, 'storage', LIMITS.maxStorageGiB, task, 'storage');
    }
    (task.kind === 'service' ? services : jobs).push(entry);
  }

  const foundCounts = { services: services.length, jobs: jobs.length, daemons: daemons.length };
  if (services.length === 0 && jobs.length === 0) {
    const name = workloadNames.claim('app');
    services.push({ name, cpu: DEFAULT_CPU, memory: DEFAULT_MEMORY_GIB, replicas: 1 });
    above(
      'services[0]',
      daemons.length
        ? 'TODO: a placeholder. The files hold only daemons, and a workload needs at least one service or job: put here the services they run beside'
        : 'TODO: a placeholder. The files hold no service or job, and a workload needs at least one',
    );
    for (const key of ['cpu', 'memory', 'replicas']) comment(`services[0].${key}`, 'placeholder', true);
    warnings.push({
      at: '',
      file: '',
      message: `no service or job found${daemons.length ? ' (only daemons)' : ''}; the draft has a placeholder service "${name}" to replace`,
    });
  }

  const draft: WorkloadInput = {
    version: 1,
    name: workloadName(options, comment),
    region: regionOf(found, options, comment, warnings),
  };
  if (services.length) draft.services = services as WorkloadInput['services'];
  if (jobs.length) draft.jobs = jobs as WorkloadInput['jobs'];
  if (daemons.length) draft.daemons = daemons as WorkloadInput['daemons'];
  if (services.length)
    above(
      'services',
      'arch x86_64 and os linux unless a file pins them. TODO: storage (20 GiB) and imageSizeMB (300) are defaults; the files do not say',
    );
  if (jobs.length)
    above('jobs', 'arch x86_64 and os linux unless a file pins them. TODO: storage (20 GiB) and imageSizeMB (300) are defaults');

  const spot = fargateSpot(found.tasks);
  draft.requirements = requirements(found.tasks, spot, comment);
  draft.team = team(options.kubernetes, found.ecosystem, comment);
  draft.network = { subnets: [], privateSubnets: true, natOrEndpoints: true };
  comment('network.subnets', 'the files do not name the subnets; add their CIDRs for the IP-exhaustion check', true);
  comment('network.privateSubnets', 'default', true);
  comment('network.natOrEndpoints', 'default', true);
  draft.cost = {
    utilization: 70,
    clusters: 1,
    ec2: { spotPercent: 0, discountPercent: 0 },
    fargate: { spotPercent: spot ? spot.percent : 0, discountPercent: 0 },
  };
  comment('cost.utilization', 'default; the files cannot say how full the EC2 hosts run', true);
  comment('cost.clusters', 'default; one per environment is common', true);
  comment('cost.ec2.spotPercent', 'default; an Auto Scaling group behind a capacity provider may use Spot', true);
  comment('cost.ec2.discountPercent', 'default; Savings Plans are not in the files', true);
  if (spot) comment('cost.fargate.spotPercent', spot.note);
  else comment('cost.fargate.spotPercent', 'default; no ECS capacity-provider strategy in the files', true);
  comment('cost.fargate.discountPercent', 'default; Savings Plans are not in the files', true);

  const currentPlatform = platformOf(found);
  const skipped = found.skipped;
  return {
    draft,
    notes,
    todos,
    header: header(options.sources, currentPlatform, skipped, todos.length),
    warnings: formatWarnings(warnings),
    skipped,
    sources: options.sources,
    found: foundCounts,
    currentPlatform,
  };
}

function originAt(task: ImportedTask): string {
  return task.origin.split(', ')[0] ?? task.origin;
}

function workloadName(options: AssembleOptions, comment: (path: string, text: string, todo?: boolean) => void): string {
  if (options.name !== undefined) {
    const name = tidyName(options.name, 'imported');
    comment('name', name === options.name ? '--name' : `--name "${options.name}", tidied`);
    return name;
  }
  const name = tidyName(options.defaultName, 'imported');
  comment('name', 'from the path; pass --name to choose it', true);
  return name;
}

function regionOf(
  found: SourceResult,
  options: AssembleOptions,
  comment: (path: string, text: string, todo?: boolean) => void,
  warnings: Warning[],
): string {
  if (options.region !== undefined) {
    comment('region', '--region');
    return options.region;
  }
  const distinct = [...new Set(found.regions.map((r) => r.region))];
  const first = found.regions[0];
  if (!first) {
    comment('region', 'default; the files name no region', true);
    return 'us-east-1';
  }
  if (distinct.length > 1) {
    warnings.push({
      at: '',
      file: '',
      message: `the files name several regions (${distinct.join(', ')}); ${first.region} used, pass --region to choose`,
    });
  }
  comment('region', first.evidence);
  return first.region;
}

function fargateSpot(tasks: ImportedTask[]): { percent: number; note: string } | undefined {
  const withSpot = tasks.filter((t) => t.spot && t.spot.tasks > 0);
  const total = withSpot.reduce((s, t) => s + t.spot!.tasks, 0);
  if (total === 0 || !withSpot.some((t) => t.spot!.spotTasks > 0)) {
    return withSpot.length
      ? { percent: 0, note: `no FARGATE_SPOT in ${list(withSpot.map((t) => `${t.name} (${t.spot!.note})`))}` }
      : undefined;
  }
  const spotTasks = withSpot.reduce((s, t) => s + t.spot!.spotTasks, 0);
  const percent = Math.round((spotTasks / total) * 1000) / 10;
  const parts = withSpot.map((t) => `${t.name}: ${t.spot!.note}`);
  return { percent, note: `${roundUp(spotTasks, 1)} of ${total} Fargate tasks on FARGATE_SPOT (${parts.join('; ')})` };
}

function requirements(
  tasks: ImportedTask[],
  spot: { percent: number } | undefined,
  comment: (path: string, text: string, todo?: boolean) => void,
): NonNullable<WorkloadInput['requirements']> {
  const need = (key: 'privileged' | 'hostNetworking' | 'blockStorage', none: string): boolean => {
    const why = tasks.map((t) => t.needs[key]).filter((w): w is string => w !== undefined);
    comment(`requirements.${key}`, why.length ? list(why, 3) : none);
    return why.length > 0;
  };
  const out = {
    privileged: need('privileged', 'no service or job container is privileged'),
    blockStorage: need('blockStorage', 'no service or job mounts a persistent volume'),
    hostNetworking: need('hostNetworking', 'no service or job uses the host network'),
    isolation: 'shared' as const,
    compliance: [],
    portability: 'none' as const,
    coldStartSeconds: 60,
    interruptible: Boolean(spot && spot.percent > 0),
  };
  comment('requirements.isolation', 'default; the files cannot say whether each task needs its own VM boundary', true);
  comment('requirements.compliance', 'the files cannot say which regimes apply (soc2, pci, hipaa, fedramp, iso27001)', true);
  comment('requirements.portability', 'default; the files cannot say whether the same manifests must run off AWS', true);
  comment('requirements.coldStartSeconds', 'default; how long may scale-out wait for new capacity?', true);
  if (spot && spot.percent > 0)
    comment('requirements.interruptible', 'FARGATE_SPOT in a capacity-provider strategy: the tasks already take Spot interruptions');
  else comment('requirements.interruptible', 'default; can the work take a Spot interruption?', true);
  return out;
}

function team(
  kubernetes: boolean,
  ecosystem: readonly EcosystemHint[],
  comment: (path: string, text: string, todo?: boolean) => void,
): NonNullable<WorkloadInput['team']> {
  comment('team.engineers', 'default; the files cannot say who builds and runs this', true);
  comment('team.platformEngineers', 'default', true);
  comment(
    'team.kubernetes',
    kubernetes ? 'default; the files are Kubernetes objects: if the team runs them today, say some or expert' : 'default',
    true,
  );
  const helm = ecosystem.filter((e) => e.tool === 'Helm').reduce((n, e) => n + e.objects, 0);
  if (helm > 0) {
    comment(
      'team.kubernetesEcosystem',
      `${plural(helm, 'object')} ${helm === 1 ? 'carries' : 'carry'} Helm's labels (helm.sh/chart): Helm charts in use; say central if a platform team runs them for others`,
    );
  } else {
    comment(
      'team.kubernetesEcosystem',
      kubernetes ? 'default; Helm charts, operators or a mesh in use? say some or central' : 'default',
      true,
    );
  }
  return { engineers: 8, platformEngineers: 0, kubernetes: 'none', kubernetesEcosystem: helm > 0 ? 'some' : 'none' };
}

function platformOf(found: SourceResult): string | undefined {
  if (found.platforms.length === 0) return undefined;
  const ids = [...new Set(found.platforms.map((p) => p.platform))];
  const specific = ids.filter((id): id is OptionId => (OPTION_IDS as readonly string[]).includes(id));
  const shown = specific.length ? specific : ids;
  const evidence = (p: string) => found.platforms.filter((h) => h.platform === p).map((h) => h.evidence);
  return shown
    .map((p) => {
      const label = (OPTION_IDS as readonly string[]).includes(p) ? `${optionName(p as OptionId)} (${p})` : p;
      return `${label}: ${list(evidence(p), 2)}`;
    })
    .join('; ');
}

function header(
  sources: { file: string; type: string }[],
  currentPlatform: string | undefined,
  skipped: Skipped[],
  todoCount: number,
): string[] {
  const lines = [`Draft workload.yaml from \`ecs-or-eks import\`, read from ${sources.length} file${sources.length === 1 ? '' : 's'}:`];
  const shown = sources.slice(0, 12);
  for (const s of shown) lines.push(`  ${s.file} (${s.type})`);
  if (sources.length > shown.length) lines.push(`  … and ${sources.length - shown.length} more`);
  lines.push(
    'Each value says where it came from. "TODO" marks a default or an assumption the files cannot settle',
    `(${todoCount} of them): review those, then run  ecs-or-eks validate FILE  and  ecs-or-eks advise --input FILE`,
  );
  if (currentPlatform) lines.push(`Runs today on: ${currentPlatform}`);
  const plain = new Map<string, string[]>();
  const explained: string[] = [];
  for (const s of skipped) {
    if (s.reason) explained.push(`${s.kind} ${s.name}: ${s.reason}`);
    else plain.set(s.kind, [...(plain.get(s.kind) ?? []), s.name]);
  }
  if (plain.size) {
    lines.push('Skipped, not workloads:');
    for (const [kind, names] of [...plain].sort((a, b) => b[1].length - a[1].length || compareText(a[0], b[0]))) {
      lines.push(`  ${kind} ×${names.length} (${list(names, 4)})`);
    }
  }
  if (explained.length) {
    lines.push('Skipped:');
    for (const e of explained.slice(0, 20)) lines.push(`  ${e}`);
    if (explained.length > 20) lines.push(`  … and ${explained.length - 20} more`);
  }
  return lines;
}

/** One line per warning; the same message about several objects of one kind in one file becomes one line. */
function formatWarnings(warnings: Warning[]): string[] {
  const groups = new Map<string, Warning[]>();
  const order: string[] = [];
  for (const w of warnings) {
    const key = w.subject ? `${w.file}\u0000${w.subject.kind}\u0000${w.message}` : `\u0001${order.length}`;
    if (!groups.has(key)) {
      groups.set(key, []);
      order.push(key);
    }
    groups.get(key)!.push(w);
  }
  const lines = order.map((key) => {
    const group = groups.get(key)!;
    const w = group[0]!;
    const prefix = w.at ? `${w.at}: ` : '';
    if (!w.subject) return `${prefix}${w.message}`;
    if (group.length === 1) return `${prefix}${w.subject.kind} ${w.subject.name}: ${w.message}`;
    return `${w.file}: ${group.length} ${w.subject.kind}s (${list(
      group.map((g) => g.subject!.name),
      4,
    )}): ${w.message}`;
  });
  return [...new Set(lines)];
}
