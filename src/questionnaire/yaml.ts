/**
 * A commented, human-friendly `workload.yaml` from a workload object, and the `init` template. Both
 * come from the same field notes, so the template and a saved questionnaire read alike. The YAML is
 * built with the `yaml` Document API (values stay typed: the file parses back to the same object).
 */
import YAML, { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import {
  ARCHITECTURES,
  CLUSTER_SPLITS,
  COMPLIANCE_REGIMES,
  DISCOUNT_SCOPES,
  IMAGE_PULL_PATHS,
  EKS_SUPPORT_TIERS,
  ISOLATION_LEVELS,
  KUBERNETES_ECOSYSTEM,
  KUBERNETES_EXPERIENCE,
  OPERATING_SYSTEMS,
  OPTION_IDS,
  PORTABILITY_LEVELS,
} from '../schema/enums.js';
import type { WorkloadInput } from '../schema/workload.js';

const oneOf = (values: readonly string[]) => values.join(' | ');

/**
 * One short note per field, keyed by path with `*` for list items. A section key's note goes on the
 * line above the section; a value's note trails it.
 */
export const FIELD_NOTES: Readonly<Record<string, string>> = {
  version: 'workload.yaml format version (required)',
  name: 'names this workload in reports (required)',
  region: 'AWS region whose prices are used',
  services: 'long-running services; at least one service or one job overall',
  'services.*.name': 'unique among services and jobs',
  'services.*.cpu': 'vCPU per task (pod)',
  'services.*.memory': 'GiB per task (pod)',
  'services.*.replicas': 'tasks running all the time',
  'services.*.peakReplicas': 'tasks at peak (default: replicas)',
  'services.*.peakHoursPerDay': 'hours a day at peak; required when peakReplicas > replicas',
  'services.*.arch': oneOf(ARCHITECTURES),
  'services.*.os': oneOf(OPERATING_SYSTEMS),
  'services.*.gpus': 'GPUs per task',
  'services.*.storage': 'ephemeral storage per task, GiB (20 included on Fargate)',
  'services.*.imageSizeMB': 'compressed image size, MB (cold-start estimates)',
  jobs: 'batch or scheduled work',
  'jobs.*.name': 'unique among services and jobs',
  'jobs.*.cpu': 'vCPU per task',
  'jobs.*.memory': 'GiB per task',
  'jobs.*.runsPerDay': 'runs a day',
  'jobs.*.minutesPerRun': 'minutes each run takes',
  'jobs.*.parallelism': 'tasks per run (default 1)',
  'jobs.*.arch': oneOf(ARCHITECTURES),
  'jobs.*.os': oneOf(OPERATING_SYSTEMS),
  'jobs.*.gpus': 'GPUs per task',
  'jobs.*.storage': 'ephemeral storage per task, GiB (20 included on Fargate)',
  'jobs.*.imageSizeMB': 'compressed image size, MB (cold-start estimates)',
  daemons: 'agents that must run beside the workload on every host',
  'daemons.*.name': 'unique among daemons',
  'daemons.*.cpu': 'vCPU per daemon',
  'daemons.*.memory': 'GiB per daemon',
  'daemons.*.hostAccess': 'true = needs the host itself (privileged, host network or PID, node files)',
  requirements: 'hard requirements: they rule options in or out before cost is compared',
  'requirements.privileged': 'privileged containers',
  'requirements.blockStorage': 'an EBS volume per task / a PersistentVolumeClaim',
  'requirements.hostNetworking': 'host networking',
  'requirements.isolation': `${oneOf(ISOLATION_LEVELS)} (per-task: each task in its own VM boundary)`,
  'requirements.compliance': `any of: ${COMPLIANCE_REGIMES.join(', ')}`,
  'requirements.portability': `${oneOf(PORTABILITY_LEVELS)} (the same manifests must run off AWS)`,
  'requirements.coldStartSeconds': 'longest acceptable wait for new capacity during scale-out',
  'requirements.interruptible': 'tolerates Spot interruption (2-minute notice)',
  team: 'the people who build and run it',
  'team.engineers': 'people who build and run this workload',
  'team.platformEngineers': 'people dedicated to running the platform',
  'team.kubernetes': `${oneOf(KUBERNETES_EXPERIENCE)}: the team's Kubernetes experience`,
  'team.kubernetesEcosystem': `${oneOf(KUBERNETES_ECOSYSTEM)}: Helm charts, operators, mesh already in use`,
  'team.engineerCostPerYear': 'fully loaded yearly cost of one engineer, USD; without it, effort is shown in hours only',
  current: 'what runs today, for the migration estimate (leave it out for a first deployment)',
  'current.platform': `${oneOf([...OPTION_IDS, 'none'])}`,
  'current.services': 'services that would move (default: all)',
  network: 'used for IP-exhaustion and image-pull checks',
  'network.subnets': 'CIDRs that tasks/pods take IPs from, e.g. ["10.0.0.0/22"]',
  'network.privateSubnets': 'tasks run in private subnets',
  'network.natOrEndpoints': 'those subnets reach ECR/S3 through NAT or VPC endpoints',
  'network.registryRegion': 'where the images live (default: region)',
  'network.availabilityZones': 'zones the services spread over; each cluster keeps a node per zone in use',
  'network.imagePulls': `${oneOf(IMAGE_PULL_PATHS)} (default: nat in private subnets, internet in public ones)`,
  cost: 'pricing assumptions',
  'cost.utilization': 'percent of provisioned EC2 capacity that tasks reserve, on average',
  'cost.hoursPerMonth': 'hours billed a month',
  'cost.clusters': 'clusters this workload needs (e.g. one per environment)',
  'cost.clusterSplit': `${oneOf(CLUSTER_SPLITS)} (divide: the workload is spread over the clusters; replicate: each runs all of it)`,
  'cost.ec2': 'EC2-backed options: ECS on EC2, EKS managed nodes, ECS Managed Instances, EKS Auto Mode',
  'cost.ec2.instanceTypes': 'restrict the candidates; [] = the cheapest fleet that fits',
  'cost.ec2.spotPercent': 'share of EC2 capacity on Spot',
  'cost.ec2.spotDiscountPercent': 'assumed Spot discount; null = the default of the price data',
  'cost.ec2.discountPercent': 'Savings Plan / RI discount on on-demand EC2',
  'cost.ec2.discountAppliesTo': `${oneOf(DISCOUNT_SCOPES)} (what the plan covers: the always-on baseline, or every hour)`,
  'cost.fargate': 'ECS on Fargate and EKS on Fargate',
  'cost.fargate.spotPercent': 'share of ECS Fargate tasks on FARGATE_SPOT (ECS only)',
  'cost.fargate.discountPercent': 'Compute Savings Plan discount',
  'cost.fargate.discountAppliesTo': `${oneOf(DISCOUNT_SCOPES)} (what the plan covers: the always-on baseline, or every hour)`,
  'cost.eks': 'the EKS control plane',
  'cost.eks.support': `${oneOf(EKS_SUPPORT_TIERS)} (extended: Kubernetes version past standard support)`,
  'cost.eks.prefixDelegation': 'VPC CNI prefix delegation on managed node groups (110 pods per node; Auto Mode always uses it)',
  'cost.extras': 'other costs to add to every option’s bill, the same for each (off by default)',
  'cost.extras.natGateways': 'NAT gateways to add to the bill',
  'cost.extras.natGbPerMonth': 'GB a month through NAT',
  'cost.extras.publicIpv4Addresses': 'public IPv4 addresses to add to the bill',
};

/** Sections get a blank line before them, like the SPEC example. */
const TOP_LEVEL_SECTIONS = new Set(['services', 'jobs', 'daemons', 'requirements', 'team', 'current', 'network', 'cost']);

/** Longest line before a trailing comment is aligned; longer lines keep a single space. */
const COMMENT_COLUMN_CAP = 34;

function annotate(node: unknown, path: string): void {
  if (isMap(node)) {
    for (const pair of node.items as Pair<Node, Node>[]) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const here = path === '' ? key : `${path}.${key}`;
      const note = FIELD_NOTES[here];
      const value = pair.value;
      if (isScalar(value) || (isSeq(value) && value.items.every(isScalar))) {
        if (isSeq(value)) value.flow = true;
        if (note) value.comment = ` ${note}`;
      } else {
        if (note) pair.key.commentBefore = ` ${note}`;
        annotate(value, here);
      }
      if (path === '' && TOP_LEVEL_SECTIONS.has(key)) pair.key.spaceBefore = true;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) annotate(item, `${path}.*`);
  }
}

/** Lines up trailing `# notes` in a column, so the file reads like a table. */
function alignComments(text: string): string {
  const lines = text.split('\n');
  // Values here never contain " # " (names, numbers, regions, CIDRs), so the first one starts the note.
  // A commented-out field (`# engineerCostPerYear:  # note`) lines up like the others.
  const commentedField = /^\s*# +[A-Za-z]+:/;
  const split = lines.map((line) => {
    const field = commentedField.test(line);
    const at = line.trimStart().startsWith('#') && !field ? -1 : line.indexOf(' # ', field ? line.indexOf('#') + 1 : 0);
    return at < 0 ? null : { code: line.slice(0, at), note: line.slice(at + 1) };
  });
  const width = Math.min(COMMENT_COLUMN_CAP, Math.max(0, ...split.map((s) => (s ? s.code.length : 0))));
  return lines
    .map((line, i) => {
      const s = split[i];
      return s ? `${s.code.padEnd(width)} ${s.note}` : line;
    })
    .join('\n');
}

/**
 * A commented `workload.yaml` for `workload`. Parsing it back gives an object equal to `workload`
 * (keys whose value is `undefined` are left out, as a file would leave them out), so `--input` on the
 * saved file gives exactly the same advice.
 */
export function renderWorkloadYaml(workload: WorkloadInput, options: { header?: string; optionalFields?: boolean } = {}): string {
  const doc = new YAML.Document(workload);
  annotate(doc.contents, '');
  if (options.optionalFields) showOptionalFields(doc);
  if (options.header)
    doc.commentBefore = options.header
      .split('\n')
      .map((l) => (l === '' ? '' : ` ${l}`))
      .join('\n');
  return alignComments(doc.toString({ lineWidth: 0, indentSeq: true }));
}

/**
 * Optional fields with no default (absent means "not given") that the template still shows, commented
 * out with an example, so a reader sees them without the file claiming a value.
 */
const OPTIONAL_FIELDS: readonly { section: string; lines: readonly [code: string, note: string][] }[] = [
  { section: 'team', lines: [['engineerCostPerYear:', FIELD_NOTES['team.engineerCostPerYear']!]] },
  {
    section: '',
    lines: [
      ['current:', FIELD_NOTES['current']!],
      ['  platform: ecs-ec2', FIELD_NOTES['current.platform']!],
      ['  services: 1', FIELD_NOTES['current.services']!],
    ],
  },
];

function showOptionalFields(doc: YAML.Document): void {
  for (const { section, lines } of OPTIONAL_FIELDS) {
    const text = lines.map(([code, note]) => ` ${code} # ${note}`);
    if (section !== '') {
      const map = doc.get(section, true);
      if (isMap(map)) map.comment = [map.comment, ...text].filter(Boolean).join('\n');
      continue;
    }
    // A whole section: shown where the schema puts it, before the network section.
    const network = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'network') : undefined;
    if (network && isScalar(network.key)) network.key.commentBefore = [...text, '', network.key.commentBefore ?? ''].join('\n');
  }
}

/** The workload `ecs-or-eks init` writes: the SPEC §3 example, every field spelled out. */
export const TEMPLATE_WORKLOAD: WorkloadInput = {
  version: 1,
  name: 'checkout',
  region: 'us-east-1',
  services: [
    {
      name: 'api',
      cpu: 0.5,
      memory: 1,
      replicas: 6,
      peakReplicas: 18,
      peakHoursPerDay: 4,
      arch: 'x86_64',
      os: 'linux',
      gpus: 0,
      storage: 20,
      imageSizeMB: 300,
    },
  ],
  jobs: [
    {
      name: 'nightly-etl',
      cpu: 4,
      memory: 16,
      runsPerDay: 1,
      minutesPerRun: 45,
      parallelism: 10,
      arch: 'x86_64',
      os: 'linux',
      gpus: 0,
      storage: 20,
    },
  ],
  daemons: [{ name: 'log-router', cpu: 0.1, memory: 0.125, hostAccess: false }],
  requirements: {
    privileged: false,
    blockStorage: false,
    hostNetworking: false,
    isolation: 'shared',
    compliance: [],
    portability: 'none',
    coldStartSeconds: 60,
    interruptible: false,
  },
  team: { engineers: 8, platformEngineers: 0, kubernetes: 'none', kubernetesEcosystem: 'none' },
  network: {
    subnets: [],
    privateSubnets: true,
    natOrEndpoints: true,
    registryRegion: 'us-east-1',
    availabilityZones: 3,
    imagePulls: 'nat',
  },
  cost: {
    utilization: 70,
    hoursPerMonth: 730,
    clusters: 1,
    clusterSplit: 'divide',
    ec2: { instanceTypes: [], spotPercent: 0, spotDiscountPercent: null, discountPercent: 0, discountAppliesTo: 'baseline' },
    fargate: { spotPercent: 0, discountPercent: 0, discountAppliesTo: 'baseline' },
    eks: { support: 'standard', prefixDelegation: false },
    extras: { natGateways: 0, natGbPerMonth: 0, publicIpv4Addresses: 0 },
  },
};

const TEMPLATE_HEADER = [
  'workload.yaml: describe your containers, then run',
  '  ecs-or-eks advise --input workload.yaml',
  'Every field below except version and name is optional; the values shown are',
  'an example (a small checkout service) or the defaults. Delete what you do not need.',
  'Check the file with: ecs-or-eks validate workload.yaml',
].join('\n');

/** The commented template `ecs-or-eks init` writes; it validates as it is. */
export const INIT_TEMPLATE: string = renderWorkloadYaml(TEMPLATE_WORKLOAD, { header: TEMPLATE_HEADER, optionalFields: true });
