/**
 * `workload.yaml` version 1 (SPEC §3) as one zod schema. It is the single source of truth for
 * validation, the `Workload` TypeScript type, the published JSON Schema and the questionnaire's
 * per-answer validation.
 */
import { z } from 'zod';
import type { ImagePullPath } from './enums.js';
import { LIMITS, LIST_LIMITS } from './limits.js';
import { formatNumber } from './numbers.js';
import { AWS_REGIONS, isRegionCode, regionProblem } from './regions.js';
import {
  ARCHITECTURES,
  CLUSTER_SPLITS,
  DISCOUNT_SCOPES,
  IMAGE_PULL_PATHS,
  COMPLIANCE_REGIMES,
  EKS_SUPPORT_TIERS,
  HOURS_PER_MONTH_DEFAULT,
  ISOLATION_LEVELS,
  KUBERNETES_ECOSYSTEM,
  KUBERNETES_EXPERIENCE,
  OPERATING_SYSTEMS,
  PORTABILITY_LEVELS,
  OPTION_IDS,
} from './enums.js';

const NAME_PATTERN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

export { LIMITS } from './limits.js';

const finite = (what: string) =>
  z.number({ error: (iss) => (iss.input === undefined ? `${what} is required` : `${what} must be a number`) });

const positive = (what: string, max: number) =>
  finite(what)
    .gt(0, { error: `${what} must be greater than 0` })
    .max(max, { error: `${what} must be at most ${max}` });

const wholeAtLeast = (what: string, min: number, max: number) =>
  finite(what)
    .int({ error: `${what} must be a whole number` })
    .min(min, { error: `${what} must be at least ${min}` })
    .max(max, { error: `${what} must be at most ${max}` });

const percent = (what: string, min = 0) =>
  finite(what)
    .min(min, { error: `${what} must be between ${min} and 100` })
    .max(100, { error: `${what} must be between ${min} and 100` });

/** A discount: 0 up to the documented maximum (a 100 % discount would make compute free). */
const discount = (what: string) =>
  finite(what)
    .min(0, { error: `${what} must be between 0 and ${LIMITS.maxDiscountPercent}` })
    .max(LIMITS.maxDiscountPercent, { error: `${what} must be between 0 and ${LIMITS.maxDiscountPercent}` });

const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: () => `${what} must be one of: ${values.join(', ')}` });

const bool = (what: string, fallback: boolean) => z.boolean({ error: `${what} must be true or false` }).default(fallback);

const name = z
  .string({ error: 'name must be a string' })
  .regex(NAME_PATTERN, { error: 'name must be lowercase letters, digits and dashes (like a Kubernetes name)' });

/**
 * A Region code of the AWS commercial or GovCloud (US) list (`regions.ts`); anything else is refused
 * with a "did you mean". The JSON Schema lists the codes, so editors complete them.
 */
const regionCode = (what: string) =>
  z
    .string({ error: `${what} must be a string like us-east-1` })
    .refine(isRegionCode, { error: (issue) => regionProblem(String(issue.input), what) })
    .meta({ enum: AWS_REGIONS.map((r) => r.code) });

export const Region = regionCode('region');

export const Cidr = z.string().refine(
  (value) => {
    const m = CIDR_PATTERN.exec(value);
    if (!m) return false;
    const octets = m.slice(1, 5).map(Number);
    const prefix = Number(m[5]);
    return octets.every((o) => o <= 255) && prefix >= 16 && prefix <= 28;
  },
  { error: 'must be an IPv4 CIDR with a /16 to /28 prefix (the sizes a VPC subnet can have), e.g. 10.0.0.0/22' },
);

/** Fields shared by services and jobs: what one task (pod) asks for. */
const taskShape = {
  name,
  cpu: positive('cpu (vCPU per task)', LIMITS.maxCpu),
  memory: positive('memory (GiB per task)', LIMITS.maxMemoryGiB),
  arch: oneOf(ARCHITECTURES, 'arch').default('x86_64'),
  os: oneOf(OPERATING_SYSTEMS, 'os').default('linux'),
  gpus: wholeAtLeast('gpus', 0, LIMITS.maxGpus).default(0),
  storage: finite('storage (GiB per task)')
    .min(1, { error: 'storage must be at least 1 GiB' })
    .max(LIMITS.maxStorageGiB, { error: `storage must be at most ${LIMITS.maxStorageGiB} GiB` })
    .default(20),
  /** Extension: compressed image size; drives cold-start estimates (SOCI above ~250 MB). */
  imageSizeMB: positive('imageSizeMB', LIMITS.maxImageSizeMB).default(300),
};

export const Service = z.strictObject({
  ...taskShape,
  replicas: wholeAtLeast('replicas', 0, LIMITS.maxReplicas),
  peakReplicas: wholeAtLeast('peakReplicas', 0, LIMITS.maxReplicas).optional(),
  peakHoursPerDay: finite('peakHoursPerDay')
    .min(0, { error: 'peakHoursPerDay must be between 0 and 24' })
    .max(24, { error: 'peakHoursPerDay must be between 0 and 24' })
    .optional(),
});

export const Job = z.strictObject({
  ...taskShape,
  runsPerDay: finite('runsPerDay')
    .gt(0, { error: 'runsPerDay must be greater than 0' })
    .max(86_400, { error: 'runsPerDay must be at most 86400' }),
  minutesPerRun: positive('minutesPerRun', 1_440),
  parallelism: wholeAtLeast('parallelism', 1, LIMITS.maxReplicas).default(1),
});

export const Daemon = z.strictObject({
  name,
  cpu: positive('cpu (vCPU per daemon)', 64),
  memory: positive('memory (GiB per daemon)', 512),
  hostAccess: z.boolean({ error: 'hostAccess must be true or false' }).default(false),
});

export const Requirements = z.strictObject({
  privileged: bool('privileged', false),
  blockStorage: bool('blockStorage', false),
  hostNetworking: bool('hostNetworking', false),
  isolation: oneOf(ISOLATION_LEVELS, 'isolation').default('shared'),
  compliance: z
    .array(oneOf(COMPLIANCE_REGIMES, 'each compliance regime'), { error: 'compliance must be a list, e.g. [soc2, pci]' })
    .default([]),
  portability: oneOf(PORTABILITY_LEVELS, 'portability').default('none'),
  coldStartSeconds: finite('coldStartSeconds')
    .min(1, { error: 'coldStartSeconds must be at least 1' })
    .max(3_600, { error: 'coldStartSeconds must be at most 3600' })
    .default(60),
  interruptible: bool('interruptible', false),
});

export const Team = z.strictObject({
  engineers: wholeAtLeast('engineers', 1, 100_000).default(8),
  platformEngineers: wholeAtLeast('platformEngineers', 0, 10_000).default(0),
  kubernetes: oneOf(KUBERNETES_EXPERIENCE, 'kubernetes').default('none'),
  kubernetesEcosystem: oneOf(KUBERNETES_ECOSYSTEM, 'kubernetesEcosystem').default('none'),
  /**
   * Fully loaded yearly cost of one engineer, in USD (salary, benefits, overhead). Optional: without it
   * the operations effort is shown in engineer-hours only, never in dollars.
   */
  engineerCostPerYear: finite('engineerCostPerYear')
    .min(LIMITS.minEngineerCostPerYear, { error: `engineerCostPerYear must be at least ${LIMITS.minEngineerCostPerYear} (USD per year)` })
    .max(LIMITS.maxEngineerCostPerYear, { error: `engineerCostPerYear must be at most ${LIMITS.maxEngineerCostPerYear} (USD per year)` })
    .optional(),
});

/**
 * Where the workload runs today, for the migration estimate: one of the option ids, or `none` for a
 * first deployment. `services` is how many of the workload's services would move (default: all).
 */
export const Current = z.strictObject({
  platform: z.enum([...OPTION_IDS, 'none'], { error: () => `platform must be one of: ${[...OPTION_IDS, 'none'].join(', ')}` }),
  services: wholeAtLeast('services', 0, LIST_LIMITS.services).optional(),
});

export const Network = z.strictObject({
  subnets: z
    .array(Cidr, { error: 'subnets must be a list of CIDRs, e.g. ["10.0.0.0/22"]' })
    .max(LIST_LIMITS.subnets, { error: `at most ${LIST_LIMITS.subnets} subnets` })
    .default([]),
  privateSubnets: bool('privateSubnets', true),
  natOrEndpoints: bool('natOrEndpoints', true),
  /** Default: the workload's region (filled in by `resolveWorkload`). */
  registryRegion: regionCode('registryRegion').optional(),
  /**
   * Zones the services spread over. Default 3: AWS's ECS availability guidance spreads services over at
   * least three zones; EKS needs subnets in at least two. Each cluster keeps a node per zone in use.
   */
  availabilityZones: wholeAtLeast('availabilityZones', 1, 6).default(3),
  /**
   * How task images reach the tasks: through a NAT gateway (billed per GB), through VPC endpoints (ECR
   * layers come from S3 through the free gateway endpoint) or from public subnets over the internet.
   * Default: `nat` in private subnets, `internet` in public ones (filled in by `resolveWorkload`).
   */
  imagePulls: oneOf(IMAGE_PULL_PATHS, 'imagePulls').optional(),
});

export const Cost = z.strictObject({
  utilization: percent('utilization', 1).default(70),
  hoursPerMonth: finite('hoursPerMonth')
    .gt(0, { error: 'hoursPerMonth must be greater than 0' })
    .max(744, { error: 'hoursPerMonth must be at most 744 (31 days)' })
    .default(HOURS_PER_MONTH_DEFAULT),
  clusters: wholeAtLeast('clusters', 1, 1_000).default(1),
  /**
   * How the workload relates to `clusters`: `divide` (default) — the services and jobs described are the
   * whole estate, assigned whole to the clusters; `replicate` — every cluster runs all of them (e.g. one
   * full copy per environment or Region).
   */
  clusterSplit: oneOf(CLUSTER_SPLITS, 'clusterSplit').default('divide'),
  ec2: z
    .strictObject({
      instanceTypes: z
        .array(z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, { error: 'must be an instance type like m7g.large' }))
        .max(LIST_LIMITS.instanceTypes, { error: `at most ${LIST_LIMITS.instanceTypes} instance types` })
        .default([]),
      spotPercent: percent('spotPercent').default(0),
      spotDiscountPercent: discount('spotDiscountPercent').nullable().default(null),
      discountPercent: discount('discountPercent').default(0),
      /** What the Savings Plan covers: the always-on baseline (default) or every on-demand hour. */
      discountAppliesTo: oneOf(DISCOUNT_SCOPES, 'discountAppliesTo').default('baseline'),
    })
    .prefault({}),
  fargate: z
    .strictObject({
      spotPercent: percent('spotPercent').default(0),
      discountPercent: discount('discountPercent').default(0),
      discountAppliesTo: oneOf(DISCOUNT_SCOPES, 'discountAppliesTo').default('baseline'),
    })
    .prefault({}),
  eks: z
    .strictObject({
      support: oneOf(EKS_SUPPORT_TIERS, 'support').default('standard'),
      /** VPC CNI prefix delegation on managed node groups (Auto Mode always uses prefixes). */
      prefixDelegation: bool('prefixDelegation', false),
    })
    .prefault({}),
  /**
   * Extension: costs outside compute that the model adds only when asked (peers.md: NAT and public
   * IPv4 often dominate small bills, but they are the same for every option, so they are off by default).
   */
  extras: z
    .strictObject({
      natGateways: wholeAtLeast('natGateways', 0, 1_000).default(0),
      natGbPerMonth: finite('natGbPerMonth')
        .min(0, { error: 'natGbPerMonth must be at least 0' })
        .max(LIMITS.maxNatGbPerMonth, { error: `natGbPerMonth must be at most ${LIMITS.maxNatGbPerMonth}` })
        .default(0),
      publicIpv4Addresses: wholeAtLeast('publicIpv4Addresses', 0, 100_000).default(0),
    })
    .prefault({}),
});

export const WorkloadSchema = z
  .strictObject({
    version: z.literal(1, { error: 'version must be 1 (the only workload format this tool reads)' }),
    name,
    region: Region.default('us-east-1'),
    services: z
      .array(Service, { error: 'services must be a list' })
      .max(LIST_LIMITS.services, { error: `at most ${formatNumber(LIST_LIMITS.services)} services` })
      .default([]),
    jobs: z
      .array(Job, { error: 'jobs must be a list' })
      .max(LIST_LIMITS.jobs, { error: `at most ${formatNumber(LIST_LIMITS.jobs)} jobs` })
      .default([]),
    daemons: z
      .array(Daemon, { error: 'daemons must be a list' })
      .max(LIST_LIMITS.daemons, { error: `at most ${LIST_LIMITS.daemons} daemons` })
      .default([]),
    requirements: Requirements.prefault({}),
    team: Team.prefault({}),
    current: Current.optional(),
    network: Network.prefault({}),
    cost: Cost.prefault({}),
  })
  .superRefine((w, ctx) => {
    for (const issue of crossFieldProblems(w)) ctx.addIssue({ code: 'custom', ...issue });
  });

type PartialTask = {
  name?: unknown;
  replicas?: unknown;
  peakReplicas?: unknown;
  peakHoursPerDay?: unknown;
  os?: unknown;
  arch?: unknown;
  gpus?: unknown;
};
type PartialWorkload = { services?: unknown; jobs?: unknown; daemons?: unknown; team?: unknown; current?: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function records(value: unknown): PartialTask[] {
  return Array.isArray(value) ? value.map((v) => (isRecord(v) ? (v as PartialTask) : {})) : [];
}

/**
 * Checks that span several fields. zod skips refinements once a field has failed, so the loader also
 * runs these on the raw input to report every problem at once; the data may be partly invalid here,
 * hence the defensive reads.
 */
export function crossFieldProblems(raw: unknown): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  if (!isRecord(raw)) return problems;
  const w = raw as PartialWorkload;
  const services = records(w.services);
  const jobs = records(w.jobs);
  const issue = (path: (string | number)[], message: string) => problems.push({ path, message });
  if (Array.isArray(w.services ?? []) && Array.isArray(w.jobs ?? []) && services.length === 0 && jobs.length === 0) {
    issue(['services'], 'add at least one service or one job');
  }
  const seen = new Map<string, string>();
  const checkName = (kind: 'services' | 'jobs', index: number, n: unknown) => {
    if (typeof n !== 'string') return;
    const first = seen.get(n);
    if (first) issue([kind, index, 'name'], `"${n}" is already used by ${first}; names must be unique`);
    else seen.set(n, `${kind}[${index}]`);
  };
  services.forEach((s, i) => {
    checkName('services', i, s.name);
    const replicas = typeof s.replicas === 'number' ? s.replicas : undefined;
    const peak = typeof s.peakReplicas === 'number' ? s.peakReplicas : undefined;
    if (peak !== undefined && replicas !== undefined && peak < replicas) {
      issue(['services', i, 'peakReplicas'], `peakReplicas (${peak}) must be at least replicas (${replicas})`);
    }
    if (peak !== undefined && replicas !== undefined && peak > replicas && s.peakHoursPerDay === undefined) {
      issue(
        ['services', i, 'peakHoursPerDay'],
        'peakHoursPerDay is required when peakReplicas > replicas (how many hours a day the peak lasts)',
      );
    }
  });
  jobs.forEach((j, i) => checkName('jobs', i, j.name));
  for (const [kind, list] of [
    ['services', services],
    ['jobs', jobs],
  ] as const) {
    list.forEach((t, i) => {
      if (t.os === 'windows' && t.arch === 'arm64')
        issue([kind, i, 'arch'], 'Windows containers run on x86_64 only on ECS and EKS; use arch: x86_64');
      if (t.os === 'windows' && typeof t.gpus === 'number' && t.gpus > 0)
        issue([kind, i, 'gpus'], 'GPU tasks are modelled for Linux only; use os: linux');
    });
  }
  const daemonNames = new Set<string>();
  records(w.daemons).forEach((d, i) => {
    if (typeof d.name !== 'string') return;
    if (daemonNames.has(d.name)) issue(['daemons', i, 'name'], `"${d.name}" is already used by another daemon`);
    daemonNames.add(d.name);
  });
  const team = isRecord(w.team) ? w.team : {};
  if (typeof team.platformEngineers === 'number' && typeof team.engineers === 'number' && team.platformEngineers > team.engineers) {
    issue(
      ['team', 'platformEngineers'],
      `platformEngineers (${team.platformEngineers}) cannot exceed engineers (${team.engineers}); engineers counts everyone`,
    );
  }
  const current = isRecord(w.current) ? w.current : {};
  if (typeof current.services === 'number' && Array.isArray(w.services) && current.services > services.length) {
    issue(
      ['current', 'services'],
      `current.services (${current.services}) cannot exceed the ${services.length} services of the workload; it counts the services that would move`,
    );
  }
  return problems;
}

/** What a user writes: every defaulted field optional. */
export type WorkloadInput = z.input<typeof WorkloadSchema>;
type ParsedWorkload = z.output<typeof WorkloadSchema>;

/** A validated workload with every default filled in — the input of the pure core. */
export type Workload = Omit<ParsedWorkload, 'services' | 'network'> & {
  services: ServiceSpec[];
  network: Omit<ParsedWorkload['network'], 'registryRegion' | 'imagePulls'> & { registryRegion: string; imagePulls: ImagePullPath };
};
export type ServiceSpec = Omit<z.output<typeof Service>, 'peakReplicas' | 'peakHoursPerDay'> & {
  peakReplicas: number;
  peakHoursPerDay: number;
};
export type JobSpec = z.output<typeof Job>;
export type DaemonSpec = z.output<typeof Daemon>;

/** Fills the defaults that depend on other fields (peak = replicas, registry = region). */
export function resolveWorkload(parsed: ParsedWorkload): Workload {
  return {
    ...parsed,
    services: parsed.services.map((s) => ({
      ...s,
      peakReplicas: s.peakReplicas ?? s.replicas,
      peakHoursPerDay: s.peakReplicas !== undefined && s.peakReplicas > s.replicas ? (s.peakHoursPerDay ?? 0) : (s.peakHoursPerDay ?? 0),
    })),
    network: {
      ...parsed.network,
      registryRegion: parsed.network.registryRegion ?? parsed.region,
      imagePulls: parsed.network.imagePulls ?? (parsed.network.privateSubnets ? 'nat' : 'internet'),
    },
  };
}

/** Every key the schema knows, per object path; used for "did you mean" suggestions. */
export function knownKeysAt(path: readonly (string | number)[]): string[] {
  let schema: z.ZodType = WorkloadSchema;
  for (const segment of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) {
      const next = (schema.shape as Record<string, z.ZodType>)[String(segment)];
      if (!next) return [];
      schema = next;
    } else if (schema instanceof z.ZodArray) {
      schema = schema.element as z.ZodType;
    } else return [];
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    const def = current._zod.def as { innerType?: z.ZodType; in?: z.ZodType; type: string };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}
