/**
 * The interview (issues 5 and 11). It builds the same raw `workload.yaml` v1 object a user would write,
 * one answer at a time, and checks every answer against the workload schema in place (`validate.ts`).
 * Follow-ups are asked only when they apply; advanced sections hide behind one checkbox, so pressing
 * Enter all the way through is about twenty questions and gives a valid workload. At the end a review
 * lists the answers, and any line of it can be answered again before the advice. From an import, only
 * what the files leave open is asked.
 */
import { fargateSize } from '../domain/fargate-sizes.js';
import { optionName } from '../domain/options.js';
import {
  ARCHITECTURES,
  COMPLIANCE_REGIMES,
  EKS_SUPPORT_TIERS,
  KUBERNETES_ECOSYSTEM,
  KUBERNETES_EXPERIENCE,
  OPTION_IDS,
  PORTABILITY_LEVELS,
  type Architecture,
  type ComplianceRegime,
  type EksSupportTier,
  type KubernetesEcosystem,
  type KubernetesExperience,
  type OptionId,
  type PortabilityLevel,
} from '../schema/enums.js';
import { instanceTypeProblem, suggestInstanceTypes, type InstanceTypeCatalog } from '../schema/instance-types.js';
import { compareText } from '../schema/numbers.js';
import { AWS_REGIONS, suggestRegions } from '../schema/regions.js';
import { Network, Requirements, Service, Team, type WorkloadInput } from '../schema/workload.js';
import { createScriptedPrompter, type Choice, type Prompter, type Verdict } from './prompter.js';
import { QUESTIONS, type QuestionId } from './questions.js';
import { renderAnswersReview, reviewRows } from './review.js';
import { checkAnswer, checkNumber, setAt, verdictAt, withValue, type Path } from './validate.js';

/** An instance type the search offers, with what it is (`2 vCPU, 8 GiB, x86_64`). */
export interface InstanceTypeChoice {
  value: string;
  description?: string;
}

/** A workload drafted from files (`advise --import`): its answers are kept; only what it leaves open is asked. */
export interface ImportedAnswers {
  draft: WorkloadInput;
  /** Paths whose value is a default or an assumption (`services[0].replicas`, `team.engineers` …). */
  todos: readonly string[];
  /** The platform the files show the workload on today, as the default of "Where does it run today?". */
  currentPlatform?: OptionId;
  /** The files held no service or job: the draft's one service is a placeholder to describe in full. */
  placeholderService?: boolean;
}

export interface QuestionnaireOptions {
  /** A region given on the command line (`--region`): used as is, the question is skipped. */
  region?: string;
  /** The region question's default (e.g. from `AWS_REGION`); `us-east-1` otherwise. */
  defaultRegion?: string;
  /** Regions with prices of their own; the others are marked in the list as estimated from us-east-1. */
  pricedRegions?: readonly string[];
  /** The instance types to choose from; without them a typed type is checked for its shape only. */
  instanceTypes?: readonly InstanceTypeChoice[];
  imported?: ImportedAnswers;
  /** The intro line (how many questions, going back, quitting); default true. */
  intro?: boolean;
}

type ServiceInput = NonNullable<WorkloadInput['services']>[number];
type JobInput = NonNullable<WorkloadInput['jobs']>[number];
type DaemonInput = NonNullable<WorkloadInput['daemons']>[number];

/** The draft: every section present, so the schema can judge each answer in its full context. */
interface Draft {
  version: 1;
  name: string;
  region: string;
  services: ServiceInput[];
  jobs: JobInput[];
  daemons: DaemonInput[];
  requirements: {
    privileged: boolean;
    blockStorage: boolean;
    hostNetworking: boolean;
    isolation: 'shared' | 'per-task';
    compliance: ComplianceRegime[];
    portability: PortabilityLevel;
    coldStartSeconds: number;
    interruptible: boolean;
  };
  team: {
    engineers: number;
    platformEngineers: number;
    kubernetes: KubernetesExperience;
    kubernetesEcosystem: KubernetesEcosystem;
    engineerCostPerYear?: number;
  };
  current?: { platform: OptionId | 'none'; services?: number };
  network: NonNullable<WorkloadInput['network']> & { subnets: string[]; privateSubnets: boolean; natOrEndpoints: boolean };
  cost: NonNullable<WorkloadInput['cost']> & {
    utilization: number;
    clusters: number;
    ec2: NonNullable<NonNullable<WorkloadInput['cost']>['ec2']> & { spotPercent: number; discountPercent: number };
    fargate: NonNullable<NonNullable<WorkloadInput['cost']>['fargate']> & { spotPercent: number; discountPercent: number };
    eks: NonNullable<NonNullable<WorkloadInput['cost']>['eks']> & { support: EksSupportTier };
  };
}

/** Defaults of the interview: those of the schema, plus a typical small service to start from. */
export const INTERVIEW_DEFAULTS = {
  name: 'my-app',
  region: 'us-east-1',
  service: { name: 'api', cpu: 0.5, replicas: 2, peakHoursPerDay: 4, gpus: 1, storage: 50 },
  job: { name: 'batch', cpu: 1, runsPerDay: 1, minutesPerRun: 30, parallelism: 1, gpus: 1, storage: 50 },
  daemon: { name: 'log-router', cpu: 0.25, memory: 0.5 },
  /**
   * The Spot shares offered once the workload tolerates Spot: half the capacity, an on-demand base
   * beside it. A starting point to change, not a recommendation.
   */
  spotPercent: 50,
} as const;

/** The schema's default image size (MB). */
const IMAGE_SIZE_DEFAULT = Service.shape.imageSizeMB.parse(undefined);

/**
 * The memory that pairs with `cpu` as a valid ECS Fargate size: the smallest memory of the smallest
 * size that covers the vCPU (0.5 vCPU → 1 GiB, 1 vCPU → 2 GiB, 4 vCPU → 8 GiB); twice the vCPU
 * beyond the largest size.
 */
export function pairedMemory(cpu: number): number {
  return fargateSize(cpu, 0, 'ecs')?.memoryGiB ?? cpu * 2;
}

type Kind = 'services' | 'jobs' | 'daemons';
type Trait = 'arm64' | 'windows' | 'gpu' | 'storage';
type Need = 'privileged' | 'blockStorage' | 'hostNetworking' | 'isolation' | 'interruptible' | 'compliance' | 'portability' | 'coldStart';
type Section = 'network' | 'cost';

const KIND_CHOICES: readonly Choice<Kind>[] = [
  {
    value: 'services',
    name: 'Long-running services (APIs, web apps, workers)',
    short: 'services',
    checked: true,
    description: 'Run all the time, scale with load.',
  },
  {
    value: 'jobs',
    name: 'Batch or scheduled jobs',
    short: 'jobs',
    description: 'Start, do their work, and stop (ETL, reports, ML training).',
  },
  {
    value: 'daemons',
    name: 'Agents on every host (log router, monitoring, security)',
    short: 'agents on every host',
    description: 'DaemonSets / ECS daemon services.',
  },
];

const TRAIT_CHOICES: readonly Choice<Trait>[] = [
  { value: 'arm64', name: 'Runs on ARM (Graviton)', short: 'ARM', description: 'Cheaper per vCPU; not on EKS Fargate.' },
  { value: 'windows', name: 'Windows containers', short: 'Windows', description: 'ECS Fargate and EC2 only; x86_64 only.' },
  { value: 'gpu', name: 'Needs GPUs', short: 'GPUs', description: 'Needs GPU instances: rules out both Fargate options.' },
  {
    value: 'storage',
    name: 'More than 20 GiB of scratch disk',
    short: 'extra disk',
    description: 'Ephemeral storage above the 20 GiB Fargate includes.',
  },
];

const NEED_CHOICES: readonly Choice<Need>[] = [
  { value: 'privileged', name: 'Privileged containers', short: 'privileged', description: 'Not possible on Fargate.' },
  {
    value: 'blockStorage',
    name: 'A persistent EBS volume per task / PersistentVolumeClaim',
    short: 'EBS volumes',
    description: 'EKS on Fargate cannot mount EBS.',
  },
  { value: 'hostNetworking', name: 'Host networking', short: 'host networking', description: 'Not possible on Fargate.' },
  {
    value: 'isolation',
    name: 'Each task in its own VM boundary',
    short: 'per-task isolation',
    description: 'Fargate isolates every task; shared EC2 nodes do not.',
  },
  {
    value: 'interruptible',
    name: 'Can tolerate Spot interruptions (2-minute notice)',
    short: 'Spot-tolerant',
    description: 'Opens Spot and FARGATE_SPOT discounts: you will give the shares next.',
  },
  {
    value: 'compliance',
    name: 'Compliance regimes apply (SOC 2, PCI, HIPAA, FedRAMP, ISO 27001)',
    short: 'compliance',
    description: 'You will pick which next.',
  },
  {
    value: 'portability',
    name: 'The same manifests must (or should) run off AWS',
    short: 'portability',
    description: 'Kubernetes is portable; ECS is AWS-only.',
  },
  {
    value: 'coldStart',
    name: 'Scale-out may wait longer, or must be faster, than 60 s',
    short: 'scale-out wait',
    description: 'Default: new capacity within 60 s. You will give your own limit next.',
  },
];

const SECTION_CHOICES: readonly Choice<Section>[] = [
  {
    value: 'network',
    name: 'Network: subnets, private subnets and their route to ECR, image registry region',
    short: 'network',
    description: 'Used for IP-exhaustion and image-pull pitfalls.',
  },
  {
    value: 'cost',
    name: 'Cost: utilisation (70 %), clusters, Savings Plans, EC2 instance types, EKS support tier',
    short: 'cost',
    description: 'The pricing assumptions.',
  },
];

const COMPLIANCE_NAMES: Record<ComplianceRegime, string> = {
  soc2: 'SOC 2',
  pci: 'PCI DSS',
  hipaa: 'HIPAA',
  fedramp: 'FedRAMP',
  iso27001: 'ISO 27001',
};

/** The "done" entry of the instance-type search, and the one that empties the list. */
const DONE = '';
const CLEAR = '-';
/** "Where does it run today?" left unanswered: no `current` section. */
const SKIP = '-';

/** Names are Kubernetes-style; accept `Checkout API` as `checkout-api` rather than reject it. */
const tidyName = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

const ARCH_OF = (traits: readonly Trait[]): Architecture => (traits.includes('arm64') ? 'arm64' : ARCHITECTURES[0]);

const choicesOf = <T extends string>(values: readonly T[], names: Record<T, string>): Choice<T>[] =>
  values.map((value) => ({ value, name: names[value], short: value }));

/** `services[0].cpu`, as the importer names its TODOs. */
const pathString = (path: Path): string =>
  path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');

/**
 * Runs the interview and returns the raw workload (`version: 1`), ready for `WorkloadSchema`. The
 * intro says about how many questions there are: the interview is first run with every default
 * (Enter throughout) to count them.
 */
export async function runQuestionnaire(prompter: Prompter, options: QuestionnaireOptions = {}): Promise<WorkloadInput> {
  if (options.intro !== false) {
    const dry = createScriptedPrompter({});
    await interview(dry, options);
    prompter.note(
      `About ${dry.asked.length} questions; Enter takes the suggested answer. At the end you can go back and change any answer; ` +
        'Ctrl-C quits without writing anything.',
    );
  }
  return interview(prompter, options);
}

async function interview(prompter: Prompter, options: QuestionnaireOptions): Promise<WorkloadInput> {
  const d = INTERVIEW_DEFAULTS;
  const imported = options.imported;
  const todos = new Set(imported?.todos ?? []);
  const draft = startingDraft(options);
  const asInput = () => draft as WorkloadInput;
  /** A question's id, wording and why line; `{name}` in the wording becomes `name`. */
  const text = (id: QuestionId, name = '') => ({ id, why: QUESTIONS[id].why, message: QUESTIONS[id].message.replace('{name}', name) });
  const unitOf = (id: QuestionId): string | undefined => (QUESTIONS[id] as { unit?: string }).unit;
  /** Whether the answer at `path` is still open: always without an import; from one, a TODO or absent. */
  const open = (path: Path): boolean => {
    if (!imported) return true;
    if (todos.has(pathString(path))) return true;
    let value: unknown = imported.draft;
    for (const segment of path)
      value = value === null || typeof value !== 'object' ? undefined : (value as Record<PropertyKey, unknown>)[segment];
    return value === undefined;
  };
  const catalog: InstanceTypeCatalog | undefined = options.instanceTypes
    ? { known: new Set(options.instanceTypes.map((t) => t.value)) }
    : undefined;
  const priced = options.pricedRegions ? new Set(options.pricedRegions) : undefined;

  /** Asks for a number stored at `path`, checked by the schema in the draft's context. */
  async function askNumber(id: QuestionId, path: Path, fallback: number): Promise<number> {
    const value = await prompter.number({ ...text(id), default: fallback, validate: (v) => checkNumber(asInput(), path, v, unitOf(id)) });
    setAt(draft, path, value);
    return value;
  }

  async function askName(id: QuestionId, path: Path, fallback: string): Promise<string> {
    const value = await prompter.input({
      ...text(id),
      default: fallback,
      normalize: tidyName,
      validate: (v) => checkAnswer(asInput(), path, v),
    });
    setAt(draft, path, value);
    return value;
  }

  const regionChoices = (codes: readonly string[], hint?: string): Choice<string>[] =>
    codes.map((code) => {
      const region = AWS_REGIONS.find((r) => r.code === code)!;
      const estimated = priced && !priced.has(code) ? 'not in the bundled price snapshot: its prices are estimated from us-east-1' : '';
      const description = [hint, estimated].filter(Boolean).join('; ');
      return { value: code, name: `${code.padEnd(15)} ${region.name}`, short: code, ...(description ? { description } : {}) };
    });

  /** A Region from AWS's list, searched by code or name; a near miss (`us-east-9`) offers the near Regions. */
  async function askRegion(id: 'workload.region' | 'network.registryRegion', path: Path, fallback: string): Promise<string> {
    const all = AWS_REGIONS.map((r) => r.code);
    return prompter.search<string>({
      ...text(id),
      default: all.includes(fallback) ? fallback : d.region,
      source: (term) => {
        const t = term?.trim().toLowerCase() ?? '';
        if (t === '') return regionChoices(all);
        const hits = AWS_REGIONS.filter((r) => r.code.includes(t) || r.name.toLowerCase().includes(t))
          .sort((a, b) => Number(!a.code.startsWith(t)) - Number(!b.code.startsWith(t)))
          .map((r) => r.code);
        return hits.length > 0
          ? regionChoices(hits)
          : regionChoices(suggestRegions(t), `no Region is called "${term!.trim()}"; did you mean this one?`);
      },
      validate: (v) => checkAnswer(asInput(), path, v),
    });
  }

  const usedNames = () => new Set([...draft.services, ...draft.jobs].map((t) => t.name));
  const freshName = (base: string, taken: Set<string>) => {
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  };

  /** arch, os, GPUs and storage of a service or job: one checkbox, follow-ups only for what is ticked. */
  async function askTraits(kind: 'services' | 'jobs', index: number, prefix: 'service' | 'job'): Promise<void> {
    const base: Path = [kind, index];
    const task = draft[kind][index]!;
    const had: Trait[] = [
      ...(task.arch === 'arm64' ? (['arm64'] as const) : []),
      ...(task.os === 'windows' ? (['windows'] as const) : []),
      ...((task.gpus ?? 0) > 0 ? (['gpu'] as const) : []),
      ...((task.storage ?? 20) > 20 ? (['storage'] as const) : []),
    ];
    const apply = (traits: readonly Trait[]) => ({
      arch: ARCH_OF(traits),
      os: traits.includes('windows') ? ('windows' as const) : ('linux' as const),
      gpus: traits.includes('gpu') ? Math.max(1, task.gpus ?? 0) : 0,
    });
    const traits = await prompter.checkbox<Trait>({
      ...text(`${prefix}.traits`, task.name),
      choices: TRAIT_CHOICES.map((c) => ({ ...c, checked: had.includes(c.value) })),
      validate: (picked) => {
        let candidate = asInput();
        for (const [field, value] of Object.entries(apply(picked))) candidate = withValue(candidate, [...base, field], value);
        return verdictAt(
          candidate,
          ['arch', 'os', 'gpus'].map((f) => [...base, f]),
        );
      },
    });
    for (const [field, value] of Object.entries(apply(traits))) setAt(draft, [...base, field], value);
    const defaults = kind === 'services' ? d.service : d.job;
    if (traits.includes('gpu')) await askNumber(`${prefix}.gpus`, [...base, 'gpus'], had.includes('gpu') ? task.gpus! : defaults.gpus);
    if (traits.includes('storage'))
      await askNumber(`${prefix}.storage`, [...base, 'storage'], had.includes('storage') ? task.storage! : defaults.storage);
    else if (task.storage !== undefined && task.storage > 20) setAt(draft, [...base, 'storage'], undefined);
  }

  /** vCPU, then memory with the paired Fargate size as its default (kept when the vCPU did not change). */
  async function askSize(prefix: 'service' | 'job', base: Path, cpuDefault: number): Promise<void> {
    const task = draft[base[0] as 'services' | 'jobs'][base[1] as number]!;
    const before = { cpu: task.cpu, memory: task.memory };
    const cpu = await askNumber(`${prefix}.cpu`, [...base, 'cpu'], cpuDefault);
    const memoryDefault = cpu === before.cpu && before.memory !== undefined ? before.memory : pairedMemory(cpu);
    await askNumber(`${prefix}.memory`, [...base, 'memory'], memoryDefault);
  }

  async function askImageSize(prefix: 'service' | 'job', base: Path): Promise<void> {
    const task = draft[base[0] as 'services' | 'jobs'][base[1] as number]!;
    await askNumber(`${prefix}.imageSizeMB`, [...base, 'imageSizeMB'], task.imageSizeMB ?? IMAGE_SIZE_DEFAULT);
  }

  /** A service, new or again: the answers given so far are the defaults. */
  async function askService(index: number): Promise<void> {
    const s = d.service;
    if (!draft.services[index])
      draft.services.push({ name: freshName(s.name, usedNames()), cpu: s.cpu, memory: pairedMemory(s.cpu), replicas: s.replicas });
    const svc = draft.services[index]!;
    const at = (field: string): Path => ['services', index, field];
    await askName('service.name', at('name'), svc.name);
    await askSize('service', ['services', index], svc.cpu);
    await askPeak(index);
    await askTraits('services', index, 'service');
    await askImageSize('service', ['services', index]);
  }

  async function askPeak(index: number, only?: (path: Path) => boolean): Promise<void> {
    const svc = draft.services[index]!;
    const at = (field: string): Path => ['services', index, field];
    const ask = only ?? (() => true);
    const replicas = ask(at('replicas')) ? await askNumber('service.replicas', at('replicas'), svc.replicas) : svc.replicas;
    if (ask(at('peakReplicas'))) {
      const peak = await prompter.number({
        ...text('service.peakReplicas'),
        default: Math.max(svc.peakReplicas ?? replicas, replicas),
        validate: (v) => checkNumber(asInput(), at('peakReplicas'), v, unitOf('service.peakReplicas')),
      });
      if (peak > replicas) setAt(draft, at('peakReplicas'), peak);
      else {
        setAt(draft, at('peakReplicas'), undefined);
        setAt(draft, at('peakHoursPerDay'), undefined);
      }
    }
    const peaked = (svc.peakReplicas ?? replicas) > replicas;
    if (peaked && (ask(at('peakHoursPerDay')) || svc.peakHoursPerDay === undefined)) {
      await askNumber('service.peakHoursPerDay', at('peakHoursPerDay'), svc.peakHoursPerDay ?? d.service.peakHoursPerDay);
    }
  }

  async function askJob(index: number): Promise<void> {
    const j = d.job;
    if (!draft.jobs[index]) {
      draft.jobs.push({
        name: freshName(j.name, usedNames()),
        cpu: j.cpu,
        memory: pairedMemory(j.cpu),
        runsPerDay: j.runsPerDay,
        minutesPerRun: j.minutesPerRun,
      });
    }
    const job = draft.jobs[index]!;
    const at = (field: string): Path => ['jobs', index, field];
    await askName('job.name', at('name'), job.name);
    await askSize('job', ['jobs', index], job.cpu);
    await askNumber('job.runsPerDay', at('runsPerDay'), job.runsPerDay);
    await askNumber('job.minutesPerRun', at('minutesPerRun'), job.minutesPerRun);
    await askNumber('job.parallelism', at('parallelism'), job.parallelism ?? j.parallelism);
    await askTraits('jobs', index, 'job');
    await askImageSize('job', ['jobs', index]);
  }

  async function askDaemon(index: number): Promise<void> {
    const a = d.daemon;
    if (!draft.daemons[index]) {
      const taken = new Set(draft.daemons.map((x) => x.name));
      draft.daemons.push({ name: freshName(a.name, taken), cpu: a.cpu, memory: a.memory, hostAccess: false });
    }
    const agent = draft.daemons[index]!;
    const at = (field: string): Path => ['daemons', index, field];
    await askName('daemon.name', at('name'), agent.name);
    await askNumber('daemon.cpu', at('cpu'), agent.cpu);
    await askNumber('daemon.memory', at('memory'), agent.memory);
    setAt(draft, at('hostAccess'), await prompter.confirm({ ...text('daemon.hostAccess'), default: agent.hostAccess ?? false }));
  }

  async function loop(ask: (index: number) => Promise<void>, more: QuestionId, list: () => unknown[]): Promise<void> {
    do await ask(list().length);
    while (await prompter.confirm({ ...text(more), default: false }));
  }

  /** From an import: only each task's open answers (a TODO of the files, or the image size they never give). */
  async function askImportedTasks(): Promise<void> {
    if (imported?.placeholderService) {
      await askService(0);
    } else {
      for (let i = 0; i < draft.services.length; i++) {
        const at = (field: string): Path => ['services', i, field];
        if (open(at('cpu')) || open(at('memory'))) await askSize('service', ['services', i], draft.services[i]!.cpu);
        await askPeak(i, open);
        if (open(at('imageSizeMB'))) await askImageSize('service', ['services', i]);
      }
    }
    for (let i = 0; i < draft.jobs.length; i++) {
      const at = (field: string): Path => ['jobs', i, field];
      if (open(at('cpu')) || open(at('memory'))) await askSize('job', ['jobs', i], draft.jobs[i]!.cpu);
      if (open(at('runsPerDay'))) await askNumber('job.runsPerDay', at('runsPerDay'), draft.jobs[i]!.runsPerDay);
      if (open(at('minutesPerRun'))) await askNumber('job.minutesPerRun', at('minutesPerRun'), draft.jobs[i]!.minutesPerRun);
      if (open(at('imageSizeMB'))) await askImageSize('job', ['jobs', i]);
    }
    for (let i = 0; i < draft.daemons.length; i++) {
      const at = (field: string): Path => ['daemons', i, field];
      if (open(at('cpu'))) await askNumber('daemon.cpu', at('cpu'), draft.daemons[i]!.cpu);
      if (open(at('memory'))) await askNumber('daemon.memory', at('memory'), draft.daemons[i]!.memory);
    }
  }

  async function askIdentity(): Promise<void> {
    if (open(['name'])) await askName('workload.name', ['name'], draft.name);
    if (options.region === undefined && open(['region'])) {
      draft.region = await askRegion('workload.region', ['region'], draft.region);
    }
  }

  async function askRequirements(): Promise<void> {
    const r = draft.requirements;
    const had: Need[] = NEED_CHOICES.map((c) => c.value).filter((need) => {
      switch (need) {
        case 'isolation':
          return r.isolation === 'per-task';
        case 'compliance':
          return r.compliance.length > 0;
        case 'portability':
          return r.portability !== 'none';
        case 'coldStart':
          return r.coldStartSeconds !== Requirements.shape.coldStartSeconds.parse(undefined);
        default:
          return r[need];
      }
    });
    const wasInterruptible = r.interruptible;
    const needs = await prompter.checkbox<Need>({
      ...text('requirements.needs'),
      choices: NEED_CHOICES.map((c) => ({ ...c, checked: had.includes(c.value) })),
    });
    r.privileged = needs.includes('privileged');
    r.blockStorage = needs.includes('blockStorage');
    r.hostNetworking = needs.includes('hostNetworking');
    r.isolation = needs.includes('isolation') ? 'per-task' : 'shared';
    r.interruptible = needs.includes('interruptible');
    if (needs.includes('interruptible')) {
      // Tolerating Spot only matters with a share on it; offer one, keep the shares already given.
      const share = (current: number) => (wasInterruptible || current > 0 ? current : d.spotPercent);
      if (open(['cost', 'ec2', 'spotPercent']))
        await askNumber('cost.ec2.spotPercent', ['cost', 'ec2', 'spotPercent'], share(draft.cost.ec2.spotPercent));
      if (open(['cost', 'fargate', 'spotPercent']) || !wasInterruptible) {
        await askNumber('cost.fargate.spotPercent', ['cost', 'fargate', 'spotPercent'], share(draft.cost.fargate.spotPercent));
      }
    } else {
      draft.cost.ec2.spotPercent = 0;
      draft.cost.fargate.spotPercent = 0;
    }
    if (needs.includes('compliance')) {
      r.compliance = await prompter.checkbox<ComplianceRegime>({
        ...text('requirements.compliance'),
        choices: choicesOf(COMPLIANCE_REGIMES, COMPLIANCE_NAMES).map((c) => ({ ...c, checked: r.compliance.includes(c.value) })),
        validate: (picked) =>
          picked.length === 0
            ? 'tick at least one regime with Space before Enter (if none applies after all, untick compliance when you review the answers)'
            : checkAnswer(asInput(), ['requirements', 'compliance'], [...picked]),
      });
    } else r.compliance = [];
    if (needs.includes('portability')) {
      r.portability = await prompter.select<PortabilityLevel>({
        ...text('requirements.portability'),
        choices: [
          {
            value: 'preferred',
            name: 'Preferred: nice to have, not a must',
            short: 'preferred',
            description: 'Counts in favour of Kubernetes.',
          },
          {
            value: 'required',
            name: 'Required: the same manifests must run elsewhere',
            short: 'required',
            description: 'A strong reason for EKS.',
          },
          { value: PORTABILITY_LEVELS[0], name: 'Not needed after all', short: 'none' },
        ],
        default: r.portability === 'none' ? 'preferred' : r.portability,
      });
    } else r.portability = 'none';
    if (needs.includes('coldStart')) {
      await askNumber('requirements.coldStartSeconds', ['requirements', 'coldStartSeconds'], r.coldStartSeconds);
    } else r.coldStartSeconds = Requirements.shape.coldStartSeconds.parse(undefined);
  }

  async function askTeam(): Promise<void> {
    const t = draft.team;
    await askNumber('team.engineers', ['team', 'engineers'], t.engineers);
    await askNumber('team.platformEngineers', ['team', 'platformEngineers'], t.platformEngineers);
    t.kubernetes = await prompter.select<KubernetesExperience>({
      ...text('team.kubernetes'),
      choices: choicesOf(KUBERNETES_EXPERIENCE, {
        none: 'None: nobody has run Kubernetes in production',
        some: 'Some: a few people have',
        expert: 'Expert: we run Kubernetes well today',
      }),
      default: t.kubernetes,
    });
    if (t.kubernetes !== 'none') {
      t.kubernetesEcosystem = await prompter.select<KubernetesEcosystem>({
        ...text('team.kubernetesEcosystem'),
        choices: choicesOf(KUBERNETES_ECOSYSTEM, {
          none: 'None',
          some: 'Some: a few Helm charts or operators',
          central: 'Central: our platform is built on it',
        }),
        default: t.kubernetesEcosystem,
      });
    } else t.kubernetesEcosystem = 'none';
    const cost = await prompter.optionalNumber({
      ...text('team.engineerCostPerYear'),
      ...(t.engineerCostPerYear !== undefined ? { default: t.engineerCostPerYear } : {}),
      emptyAnswer: 'skipped',
      validate: (v) => checkNumber(asInput(), ['team', 'engineerCostPerYear'], v, unitOf('team.engineerCostPerYear')),
    });
    setAt(draft, ['team', 'engineerCostPerYear'], cost);
  }

  async function askCurrent(): Promise<void> {
    const platform = await prompter.select<OptionId | 'none' | typeof SKIP>({
      ...text('current.platform'),
      choices: [
        { value: SKIP, name: 'Skip: no migration estimate', short: 'skipped' },
        { value: 'none', name: 'Nowhere yet: a first deployment', short: 'nowhere yet' },
        ...OPTION_IDS.map((id) => ({ value: id, name: optionName(id), short: optionName(id) })),
      ],
      default: draft.current?.platform ?? imported?.currentPlatform ?? SKIP,
    });
    if (platform === SKIP) {
      delete draft.current;
      return;
    }
    const before = draft.current;
    draft.current = { platform };
    const count = draft.services.length;
    if (platform === 'none' || count <= 1) return;
    const moving = await prompter.number({
      ...text('current.services'),
      default: before?.platform === platform && before.services !== undefined ? before.services : count,
      validate: (v) => checkNumber(asInput(), ['current', 'services'], v, unitOf('current.services')),
    });
    // All of them is the default: written only when fewer move.
    if (moving < count) draft.current.services = moving;
  }

  async function askNetwork(): Promise<void> {
    const split = (v: string) => v.split(/[\s,]+/).filter((x) => x !== '');
    const subnets = await prompter.input({
      ...text('network.subnets'),
      default: draft.network.subnets.join(', '),
      emptyAnswer: 'not given',
      validate: (v) => {
        const list = split(v);
        const bad = list.find((cidr) => checkAnswer(asInput(), ['network', 'subnets'], [cidr]) !== true);
        return bad === undefined ? true : `"${bad}" ${String(checkAnswer(asInput(), ['network', 'subnets'], [bad]))}`;
      },
    });
    draft.network.subnets = split(subnets);
    draft.network.privateSubnets = await prompter.confirm({ ...text('network.privateSubnets'), default: draft.network.privateSubnets });
    if (draft.network.privateSubnets) {
      draft.network.natOrEndpoints = await prompter.confirm({ ...text('network.natOrEndpoints'), default: draft.network.natOrEndpoints });
    }
    const registry = await askRegion('network.registryRegion', ['network', 'registryRegion'], draft.network.registryRegion ?? draft.region);
    if (registry !== draft.region) draft.network.registryRegion = registry;
    else delete draft.network.registryRegion;
  }

  /** Instance types one at a time from the catalog (searchable), until "done"; near misses offer near types. */
  async function askInstanceTypes(): Promise<void> {
    const picked = [...(draft.cost.ec2.instanceTypes ?? [])];
    const path: Path = ['cost', 'ec2', 'instanceTypes'];
    const all = options.instanceTypes ?? [];
    const describe = new Map(all.map((t) => [t.value, t.description]));
    const typeChoice = (value: string, hint?: string): Choice<string> => {
      const description = [hint, describe.get(value)].filter(Boolean).join(': ');
      return { value, name: value, ...(description ? { description } : {}) };
    };
    const check = (value: string): Verdict => {
      const shape = checkAnswer(asInput(), path, [...picked, value]);
      if (shape !== true) return `"${value}" ${shape}`;
      const problem = catalog ? instanceTypeProblem(value, catalog) : undefined;
      return problem ?? true;
    };
    for (;;) {
      const done: Choice<string> = {
        value: DONE,
        name: picked.length > 0 ? `done: ${picked.join(', ')}` : 'any type: the cheapest fleet that fits',
        short: picked.length > 0 ? picked.join(', ') : 'any',
      };
      const clear: Choice<string>[] = picked.length > 0 ? [{ value: CLEAR, name: 'start again: any type', short: 'cleared' }] : [];
      const choice = await prompter.search<string>({
        ...text('cost.ec2.instanceTypes'),
        default: DONE,
        source: (term) => {
          const t = term?.trim().toLowerCase() ?? '';
          const rest = (values: readonly string[]) => values.filter((v) => !picked.includes(v));
          if (t === '') return [done, ...clear, ...rest(all.map((x) => x.value)).map((v) => typeChoice(v))];
          // Once something is typed, the matches come first, so Enter takes the best one.
          if (!catalog) return [...(check(t) === true ? [typeChoice(t)] : []), done];
          const hits = rest(all.map((x) => x.value).filter((v) => v.includes(t))).sort(
            (a, b) => Number(!a.startsWith(t)) - Number(!b.startsWith(t)) || compareText(a, b),
          );
          if (hits.length > 0) return [...hits.slice(0, 200).map((v) => typeChoice(v)), done];
          const near = rest(suggestInstanceTypes(t, catalog));
          return [...near.map((v) => typeChoice(v, `no type is called "${term!.trim()}"; did you mean this one?`)), done];
        },
        validate: (v) => (v === DONE || v === CLEAR ? true : check(v)),
      });
      if (choice === DONE) break;
      if (choice === CLEAR) picked.length = 0;
      else picked.push(choice);
    }
    if (picked.length > 0) draft.cost.ec2.instanceTypes = picked;
    else delete draft.cost.ec2.instanceTypes;
  }

  async function askCost(): Promise<void> {
    await askNumber('cost.utilization', ['cost', 'utilization'], draft.cost.utilization);
    await askNumber('cost.clusters', ['cost', 'clusters'], draft.cost.clusters);
    await askNumber('cost.ec2.discountPercent', ['cost', 'ec2', 'discountPercent'], draft.cost.ec2.discountPercent);
    await askNumber('cost.fargate.discountPercent', ['cost', 'fargate', 'discountPercent'], draft.cost.fargate.discountPercent);
    await askInstanceTypes();
    draft.cost.eks.support = await prompter.select<EksSupportTier>({
      ...text('cost.eks.support'),
      choices: choicesOf(EKS_SUPPORT_TIERS, {
        standard: 'Standard: we keep up with Kubernetes releases',
        extended: 'Extended: we run versions past standard support',
      }),
      default: draft.cost.eks.support,
    });
  }

  /** The review: the answers, then a pick of what to answer again, until the user goes on. */
  async function review(): Promise<void> {
    for (;;) {
      const rows = reviewRows(asInput());
      prompter.note(`\n${renderAnswersReview(asInput())}\n`);
      const removable = [...draft.services, ...draft.jobs].length > 1 || draft.daemons.length > 0;
      const pick = await prompter.select<string>({
        ...text('review.change'),
        choices: [
          { value: 'done', name: 'No: show the advice', short: 'no, show the advice' },
          ...rows.map((r) => ({ value: r.key, name: `${r.label.padEnd(8)}  ${r.text}`, short: `${r.label} ${r.text}` })),
          { value: 'add', name: 'Add a service, a job or an agent', short: 'add' },
          ...(removable ? [{ value: 'remove', name: 'Remove a service, a job or an agent', short: 'remove' }] : []),
        ],
        default: 'done',
      });
      if (pick === 'done') return;
      await change(pick);
    }
  }

  async function change(key: string): Promise<void> {
    const item = /^(services|jobs|daemons)\[(\d+)\]$/.exec(key);
    if (item) {
      const index = Number(item[2]);
      if (item[1] === 'services') await askService(index);
      else if (item[1] === 'jobs') await askJob(index);
      else await askDaemon(index);
      return;
    }
    switch (key) {
      case 'workload':
        await askName('workload.name', ['name'], draft.name);
        if (options.region === undefined) draft.region = await askRegion('workload.region', ['region'], draft.region);
        return;
      case 'needs':
        return askRequirements();
      case 'team':
        return askTeam();
      case 'current':
        return askCurrent();
      case 'network':
        return askNetwork();
      case 'cost':
        return askCost();
      case 'add': {
        const kind = await prompter.select<Kind>({
          ...text('review.add'),
          choices: KIND_CHOICES.map(({ checked: _checked, ...c }) => c),
          default: 'services',
        });
        if (kind === 'services') await askService(draft.services.length);
        else if (kind === 'jobs') await askJob(draft.jobs.length);
        else await askDaemon(draft.daemons.length);
        return;
      }
      case 'remove':
        return remove();
    }
  }

  async function remove(): Promise<void> {
    const items = [
      ...draft.services.map((s, i) => ({ value: `services[${i}]`, name: `service ${s.name}`, short: s.name })),
      ...draft.jobs.map((j, i) => ({ value: `jobs[${i}]`, name: `job ${j.name}`, short: j.name })),
      ...draft.daemons.map((a, i) => ({ value: `daemons[${i}]`, name: `agent ${a.name}`, short: a.name })),
    ];
    const without = (key: string): WorkloadInput => {
      const m = /^(services|jobs|daemons)\[(\d+)\]$/.exec(key)!;
      const copy = structuredClone(asInput()) as Draft;
      copy[m[1] as Kind].splice(Number(m[2]), 1);
      return copy as WorkloadInput;
    };
    const key = await prompter.select<string>({
      ...text('review.remove'),
      choices: [{ value: 'none', name: 'None: keep them all', short: 'none' }, ...items],
      default: 'none',
    });
    if (key === 'none') return;
    const verdict = verdictAt(without(key), [['services'], ['jobs']]);
    if (verdict !== true) {
      prompter.note(`  ${verdict}; add another first, then remove this one.`);
      return;
    }
    const m = /^(services|jobs|daemons)\[(\d+)\]$/.exec(key)!;
    draft[m[1] as Kind].splice(Number(m[2]), 1);
    if (draft.current?.services !== undefined && draft.current.services >= draft.services.length) delete draft.current.services;
  }

  // — The workload —
  await askIdentity();
  if (imported) await askImportedTasks();
  else {
    const kinds = await prompter.checkbox<Kind>({
      ...text('workload.kinds'),
      choices: KIND_CHOICES,
      validate: (picked): Verdict => {
        const candidate = {
          ...asInput(),
          services: picked.includes('services') ? [{ name: 'a-service', cpu: 1, memory: 1, replicas: 1 }] : [],
          jobs: picked.includes('jobs') ? [{ name: 'a-job', cpu: 1, memory: 1, runsPerDay: 1, minutesPerRun: 1 }] : [],
        };
        return verdictAt(candidate, [['services'], ['jobs']]);
      },
    });
    if (kinds.includes('services')) await loop(askService, 'service.more', () => draft.services);
    if (kinds.includes('jobs')) await loop(askJob, 'job.more', () => draft.jobs);
    if (kinds.includes('daemons')) await loop(askDaemon, 'daemon.more', () => draft.daemons);
  }

  // — Requirements, team, what runs today —
  await askRequirements();
  await askTeam();
  await askCurrent();

  // — Advanced sections, only when asked for —
  const sections = await prompter.checkbox<Section>({ ...text('tune.sections'), choices: SECTION_CHOICES });
  if (sections.includes('network')) await askNetwork();
  if (sections.includes('cost')) await askCost();

  await review();
  return toWorkloadInput(draft);
}

/** The draft to start from: the schema's defaults, with the imported answers on top. */
function startingDraft(options: QuestionnaireOptions): Draft {
  const d = INTERVIEW_DEFAULTS;
  const base: Draft = {
    version: 1,
    name: d.name,
    region:
      options.region ??
      (options.defaultRegion && AWS_REGIONS.some((r) => r.code === options.defaultRegion) ? options.defaultRegion : d.region),
    services: [],
    jobs: [],
    daemons: [],
    // Start from the schema's own defaults, so the interview and the file format cannot drift apart.
    requirements: Requirements.parse({}),
    team: Team.parse({}),
    network: Network.parse({}),
    cost: {
      utilization: 70,
      clusters: 1,
      ec2: { spotPercent: 0, discountPercent: 0 },
      fargate: { spotPercent: 0, discountPercent: 0 },
      eks: { support: 'standard' },
    },
  };
  const from = options.imported?.draft;
  if (!from) return base;
  const copy = structuredClone(from);
  return {
    ...base,
    name: copy.name,
    region: options.region ?? copy.region ?? base.region,
    services: copy.services ?? [],
    jobs: copy.jobs ?? [],
    daemons: copy.daemons ?? [],
    requirements: { ...base.requirements, ...copy.requirements },
    team: { ...base.team, ...copy.team },
    network: { ...base.network, ...copy.network },
    cost: {
      ...base.cost,
      ...copy.cost,
      ec2: { ...base.cost.ec2, ...copy.cost?.ec2 },
      fargate: { ...base.cost.fargate, ...copy.cost?.fargate },
      eks: { ...base.cost.eks, ...copy.cost?.eks },
    },
  };
}

/** The draft as a file would hold it: empty lists of jobs and daemons left out. */
function toWorkloadInput(draft: Draft): WorkloadInput {
  const { jobs, daemons, services, current, ...rest } = draft;
  return {
    version: rest.version,
    name: rest.name,
    region: rest.region,
    ...(services.length > 0 ? { services } : {}),
    ...(jobs.length > 0 ? { jobs } : {}),
    ...(daemons.length > 0 ? { daemons } : {}),
    requirements: rest.requirements,
    team: rest.team,
    ...(current ? { current } : {}),
    network: rest.network,
    cost: rest.cost,
  };
}
