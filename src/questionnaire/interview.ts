/**
 * The interview (issue 5). It builds the same raw `workload.yaml` v1 object a user would write, one
 * answer at a time, and checks every answer against the workload schema in place (`validate.ts`).
 * Follow-ups are asked only when they apply; advanced sections hide behind one checkbox, so pressing
 * Enter all the way through is about fifteen questions and gives a valid workload.
 */
import {
  ARCHITECTURES,
  COMPLIANCE_REGIMES,
  EKS_SUPPORT_TIERS,
  KUBERNETES_ECOSYSTEM,
  KUBERNETES_EXPERIENCE,
  PORTABILITY_LEVELS,
  type Architecture,
  type ComplianceRegime,
  type EksSupportTier,
  type KubernetesEcosystem,
  type KubernetesExperience,
  type PortabilityLevel,
} from '../schema/enums.js';
import { Network, Requirements, Team, type WorkloadInput } from '../schema/workload.js';
import type { Choice, Prompter, Verdict } from './prompter.js';
import { QUESTIONS, type QuestionId } from './questions.js';
import { checkAnswer, setAt, verdictAt, withValue, type Path } from './validate.js';

export interface QuestionnaireOptions {
  /** A region given on the command line (`--region`): used as is, the question is skipped. */
  region?: string;
  /** The region question's default (e.g. from `AWS_REGION`); `us-east-1` otherwise. */
  defaultRegion?: string;
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
  team: { engineers: number; platformEngineers: number; kubernetes: KubernetesExperience; kubernetesEcosystem: KubernetesEcosystem };
  network: { subnets: string[]; privateSubnets: boolean; natOrEndpoints: boolean; registryRegion?: string };
  cost: {
    utilization: number;
    clusters: number;
    ec2: { instanceTypes?: string[]; spotPercent: number; discountPercent: number };
    fargate: { spotPercent: number; discountPercent: number };
    eks: { support: EksSupportTier };
  };
}

/** Defaults of the interview: those of the schema, plus a typical small service to start from. */
export const INTERVIEW_DEFAULTS = {
  name: 'my-app',
  region: 'us-east-1',
  service: { name: 'api', cpu: 0.5, memory: 1, replicas: 2, peakHoursPerDay: 4, gpus: 1, storage: 50 },
  job: { name: 'batch', cpu: 1, memory: 2, runsPerDay: 1, minutesPerRun: 30, parallelism: 1, gpus: 1, storage: 50 },
  daemon: { name: 'log-router', cpu: 0.25, memory: 0.5 },
} as const;

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
    description: 'Opens Spot and FARGATE_SPOT discounts.',
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
    name: 'Cost: utilisation (70 %), clusters, Spot shares, Savings Plans, EKS support tier',
    short: 'cost',
    description: 'The pricing assumptions.',
  },
];

/** Names are Kubernetes-style; accept `Checkout API` as `checkout-api` rather than reject it. */
const tidyName = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

const ARCH_OF = (traits: readonly Trait[]): Architecture => (traits.includes('arm64') ? 'arm64' : ARCHITECTURES[0]);

const choicesOf = <T extends string>(values: readonly T[], names: Record<T, string>): Choice<T>[] =>
  values.map((value) => ({ value, name: names[value], short: value }));

/** Runs the interview and returns the raw workload (`version: 1`), ready for `WorkloadSchema`. */
export async function runQuestionnaire(prompter: Prompter, options: QuestionnaireOptions = {}): Promise<WorkloadInput> {
  const d = INTERVIEW_DEFAULTS;
  const draft: Draft = {
    version: 1,
    name: d.name,
    region: options.region ?? options.defaultRegion ?? d.region,
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
  const asInput = () => draft as WorkloadInput;
  /** A question's id, wording and why line; `{name}` in the wording becomes `name`. */
  const text = (id: QuestionId, name = '') => ({ id, why: QUESTIONS[id].why, message: QUESTIONS[id].message.replace('{name}', name) });

  /** Asks for a number stored at `path`, checked by the schema in the draft's context. */
  async function askNumber(id: QuestionId, path: Path, fallback: number): Promise<number> {
    const value = await prompter.number({ ...text(id), default: fallback, validate: (v) => checkAnswer(asInput(), path, v) });
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

  const usedNames = () => new Set([...draft.services, ...draft.jobs].map((t) => t.name));
  const freshName = (base: string, taken: Set<string>) => {
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  };

  /** arch, os, GPUs and storage of a service or job: one checkbox, follow-ups only for what is ticked. */
  async function askTraits(kind: 'services' | 'jobs', index: number, prefix: 'service' | 'job'): Promise<void> {
    const base: Path = [kind, index];
    const apply = (traits: readonly Trait[]) => ({
      arch: ARCH_OF(traits),
      os: traits.includes('windows') ? ('windows' as const) : ('linux' as const),
      gpus: traits.includes('gpu') ? 1 : 0,
    });
    const traits = await prompter.checkbox<Trait>({
      ...text(`${prefix}.traits`, String((draft[kind][index] as { name: string }).name)),
      choices: TRAIT_CHOICES,
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
    if (traits.includes('gpu')) await askNumber(`${prefix}.gpus`, [...base, 'gpus'], defaults.gpus);
    if (traits.includes('storage')) await askNumber(`${prefix}.storage`, [...base, 'storage'], defaults.storage);
  }

  async function askService(index: number): Promise<void> {
    const s = d.service;
    draft.services.push({ name: freshName(s.name, usedNames()), cpu: s.cpu, memory: s.memory, replicas: s.replicas });
    const at = (field: string): Path => ['services', index, field];
    await askName('service.name', at('name'), draft.services[index]!.name);
    await askNumber('service.cpu', at('cpu'), s.cpu);
    await askNumber('service.memory', at('memory'), s.memory);
    const replicas = await askNumber('service.replicas', at('replicas'), s.replicas);
    const peak = await prompter.number({
      ...text('service.peakReplicas'),
      default: replicas,
      validate: (v) => checkAnswer(asInput(), at('peakReplicas'), v),
    });
    if (peak > replicas) {
      setAt(draft, at('peakReplicas'), peak);
      await askNumber('service.peakHoursPerDay', at('peakHoursPerDay'), s.peakHoursPerDay);
    }
    await askTraits('services', index, 'service');
  }

  async function askJob(index: number): Promise<void> {
    const j = d.job;
    draft.jobs.push({
      name: freshName(j.name, usedNames()),
      cpu: j.cpu,
      memory: j.memory,
      runsPerDay: j.runsPerDay,
      minutesPerRun: j.minutesPerRun,
    });
    const at = (field: string): Path => ['jobs', index, field];
    await askName('job.name', at('name'), draft.jobs[index]!.name);
    await askNumber('job.cpu', at('cpu'), j.cpu);
    await askNumber('job.memory', at('memory'), j.memory);
    await askNumber('job.runsPerDay', at('runsPerDay'), j.runsPerDay);
    await askNumber('job.minutesPerRun', at('minutesPerRun'), j.minutesPerRun);
    await askNumber('job.parallelism', at('parallelism'), j.parallelism);
    await askTraits('jobs', index, 'job');
  }

  async function askDaemon(index: number): Promise<void> {
    const a = d.daemon;
    const taken = new Set(draft.daemons.map((x) => x.name));
    draft.daemons.push({ name: freshName(a.name, taken), cpu: a.cpu, memory: a.memory, hostAccess: false });
    const at = (field: string): Path => ['daemons', index, field];
    await askName('daemon.name', at('name'), draft.daemons[index]!.name);
    await askNumber('daemon.cpu', at('cpu'), a.cpu);
    await askNumber('daemon.memory', at('memory'), a.memory);
    setAt(draft, at('hostAccess'), await prompter.confirm({ ...text('daemon.hostAccess'), default: false }));
  }

  async function loop(ask: (index: number) => Promise<void>, more: QuestionId, list: () => unknown[]): Promise<void> {
    do await ask(list().length);
    while (await prompter.confirm({ ...text(more), default: false }));
  }

  // — The workload —
  await askName('workload.name', ['name'], draft.name);
  if (options.region === undefined) {
    const region = await prompter.input({
      ...text('workload.region'),
      default: draft.region,
      validate: (v) => checkAnswer(asInput(), ['region'], v.trim()),
    });
    draft.region = region.trim();
  }
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

  // — Requirements: one checkbox, follow-ups only for what is ticked —
  const needs = await prompter.checkbox<Need>({ ...text('requirements.needs'), choices: NEED_CHOICES });
  const r = draft.requirements;
  r.privileged = needs.includes('privileged');
  r.blockStorage = needs.includes('blockStorage');
  r.hostNetworking = needs.includes('hostNetworking');
  r.isolation = needs.includes('isolation') ? 'per-task' : 'shared';
  r.interruptible = needs.includes('interruptible');
  if (needs.includes('compliance')) {
    r.compliance = await prompter.checkbox<ComplianceRegime>({
      ...text('requirements.compliance'),
      choices: choicesOf(COMPLIANCE_REGIMES, { soc2: 'SOC 2', pci: 'PCI DSS', hipaa: 'HIPAA', fedramp: 'FedRAMP', iso27001: 'ISO 27001' }),
      validate: (picked) => checkAnswer(asInput(), ['requirements', 'compliance'], [...picked]),
    });
  }
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
      default: 'preferred',
    });
  }
  if (needs.includes('coldStart')) {
    await askNumber('requirements.coldStartSeconds', ['requirements', 'coldStartSeconds'], draft.requirements.coldStartSeconds);
  }

  // — Team —
  await askNumber('team.engineers', ['team', 'engineers'], draft.team.engineers);
  await askNumber('team.platformEngineers', ['team', 'platformEngineers'], draft.team.platformEngineers);
  draft.team.kubernetes = await prompter.select<KubernetesExperience>({
    ...text('team.kubernetes'),
    choices: choicesOf(KUBERNETES_EXPERIENCE, {
      none: 'None: nobody has run Kubernetes in production',
      some: 'Some: a few people have',
      expert: 'Expert: we run Kubernetes well today',
    }),
    default: 'none',
  });
  if (draft.team.kubernetes !== 'none') {
    draft.team.kubernetesEcosystem = await prompter.select<KubernetesEcosystem>({
      ...text('team.kubernetesEcosystem'),
      choices: choicesOf(KUBERNETES_ECOSYSTEM, {
        none: 'None',
        some: 'Some: a few Helm charts or operators',
        central: 'Central: our platform is built on it',
      }),
      default: 'none',
    });
  }

  // — Advanced sections, only when asked for —
  const sections = await prompter.checkbox<Section>({ ...text('tune.sections'), choices: SECTION_CHOICES });
  if (sections.includes('network')) await askNetwork();
  if (sections.includes('cost')) await askCost();

  async function askNetwork(): Promise<void> {
    const split = (v: string) => v.split(/[\s,]+/).filter((x) => x !== '');
    const subnets = await prompter.input({
      ...text('network.subnets'),
      default: '',
      emptyAnswer: 'not given',
      validate: (v) => {
        const list = split(v);
        const bad = list.find((cidr) => checkAnswer(asInput(), ['network', 'subnets'], [cidr]) !== true);
        return bad === undefined ? true : `"${bad}" ${String(checkAnswer(asInput(), ['network', 'subnets'], [bad]))}`;
      },
    });
    draft.network.subnets = split(subnets);
    draft.network.privateSubnets = await prompter.confirm({ ...text('network.privateSubnets'), default: true });
    if (draft.network.privateSubnets) {
      draft.network.natOrEndpoints = await prompter.confirm({ ...text('network.natOrEndpoints'), default: true });
    }
    const registry = await prompter.input({
      ...text('network.registryRegion'),
      default: draft.region,
      validate: (v) => checkAnswer(asInput(), ['network', 'registryRegion'], v.trim()),
    });
    if (registry.trim() !== draft.region) draft.network.registryRegion = registry.trim();
  }

  async function askCost(): Promise<void> {
    await askNumber('cost.utilization', ['cost', 'utilization'], draft.cost.utilization);
    await askNumber('cost.clusters', ['cost', 'clusters'], draft.cost.clusters);
    if (draft.requirements.interruptible) {
      await askNumber('cost.ec2.spotPercent', ['cost', 'ec2', 'spotPercent'], draft.cost.ec2.spotPercent);
      await askNumber('cost.fargate.spotPercent', ['cost', 'fargate', 'spotPercent'], draft.cost.fargate.spotPercent);
    }
    await askNumber('cost.ec2.discountPercent', ['cost', 'ec2', 'discountPercent'], draft.cost.ec2.discountPercent);
    await askNumber('cost.fargate.discountPercent', ['cost', 'fargate', 'discountPercent'], draft.cost.fargate.discountPercent);
    const types = await prompter.input({
      ...text('cost.ec2.instanceTypes'),
      default: '',
      emptyAnswer: 'any',
      validate: (v) => {
        const list = v.split(/[\s,]+/).filter((x) => x !== '');
        const bad = list.find((t) => checkAnswer(asInput(), ['cost', 'ec2', 'instanceTypes'], [t]) !== true);
        return bad === undefined ? true : `"${bad}" ${String(checkAnswer(asInput(), ['cost', 'ec2', 'instanceTypes'], [bad]))}`;
      },
    });
    const list = types.split(/[\s,]+/).filter((x) => x !== '');
    if (list.length > 0) draft.cost.ec2.instanceTypes = list;
    draft.cost.eks.support = await prompter.select<EksSupportTier>({
      ...text('cost.eks.support'),
      choices: choicesOf(EKS_SUPPORT_TIERS, {
        standard: 'Standard: we keep up with Kubernetes releases',
        extended: 'Extended: we run versions past standard support',
      }),
      default: 'standard',
    });
  }

  return toWorkloadInput(draft);
}

/** The draft as a file would hold it: empty lists of jobs and daemons left out. */
function toWorkloadInput(draft: Draft): WorkloadInput {
  const { jobs, daemons, services, ...rest } = draft;
  return {
    version: rest.version,
    name: rest.name,
    region: rest.region,
    ...(services.length > 0 ? { services } : {}),
    ...(jobs.length > 0 ? { jobs } : {}),
    ...(daemons.length > 0 ? { daemons } : {}),
    requirements: rest.requirements,
    team: rest.team,
    network: rest.network,
    cost: rest.cost,
  };
}
