/**
 * The short review of the answers shown after the interview and before the advice: one line per
 * topic, with defaults filled in, so the user can see at a glance what the advice is based on.
 */
import { optionName } from '../domain/options.js';
import { formatNumber } from '../schema/numbers.js';
import {
  Service,
  WorkloadSchema,
  resolveWorkload,
  type JobSpec,
  type ServiceSpec,
  type Workload,
  type WorkloadInput,
} from '../schema/workload.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const size = (cpu: number, memory: number) => `${cpu} vCPU / ${memory} GiB`;

/** The schema's default image size; the review mentions only a different one. */
const IMAGE_SIZE_DEFAULT_MB = Service.shape.imageSizeMB.parse(undefined);

function platform(t: { arch: string; os: string; gpus: number; storage: number; imageSizeMB: number }): string {
  const parts: string[] = [];
  if (t.arch !== 'x86_64') parts.push(t.arch);
  if (t.os !== 'linux') parts.push(t.os);
  if (t.gpus > 0) parts.push(plural(t.gpus, 'GPU'));
  if (t.storage > 20) parts.push(`${t.storage} GiB disk`);
  if (t.imageSizeMB !== IMAGE_SIZE_DEFAULT_MB) parts.push(`${formatNumber(t.imageSizeMB)} MB image`);
  return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}

function serviceLine(s: ServiceSpec): string {
  const peak = s.peakReplicas > s.replicas ? `, peak ${s.peakReplicas} for ${s.peakHoursPerDay} h/day` : '';
  return `${s.name}: ${size(s.cpu, s.memory)} × ${s.replicas}${peak}${platform(s)}`;
}

function jobLine(j: JobSpec): string {
  return `${j.name}: ${size(j.cpu, j.memory)} × ${j.parallelism}, ${plural(j.runsPerDay, 'run')}/day of ${j.minutesPerRun} min${platform(j)}`;
}

/** One line of the review: `key` names what it sums up (`workload`, `services[0]`, `team` …). */
export interface ReviewRow {
  key: string;
  label: string;
  text: string;
}

/** The review's lines, one per topic and one per service, job and agent; empty if the answers are invalid. */
export function reviewRows(input: WorkloadInput): ReviewRow[] {
  const parsed = WorkloadSchema.safeParse(input);
  if (!parsed.success) return [];
  return rowsOf(resolveWorkload(parsed.data));
}

/** A few lines summing up the answers (defaults filled in). Falls back to the raw answers if invalid. */
export function renderAnswersReview(input: WorkloadInput): string {
  const rows = reviewRows(input);
  if (rows.length === 0) return `Your answers (not yet valid):\n${JSON.stringify(input, null, 2)}`;
  const width = Math.max(...rows.map((row) => row.label.length));
  const seen = new Set<string>();
  const lines = rows.map((row) => {
    const label = seen.has(row.label) ? '' : row.label;
    seen.add(row.label);
    return `  ${label.padEnd(width)}  ${row.text}`;
  });
  return ['Your answers', ...lines].join('\n');
}

function current(w: Workload): string {
  if (!w.current) return 'not given';
  if (w.current.platform === 'none') return 'nothing yet: a first deployment';
  const moving = w.current.services;
  return (
    `${optionName(w.current.platform)} today` +
    (moving !== undefined && moving < w.services.length ? `, ${moving} of ${plural(w.services.length, 'service')} would move` : '')
  );
}

function rowsOf(w: Workload): ReviewRow[] {
  const r = w.requirements;
  const needs = [
    r.privileged && 'privileged containers',
    r.blockStorage && 'EBS volumes',
    r.hostNetworking && 'host networking',
    r.isolation === 'per-task' && 'per-task isolation',
    r.interruptible && 'Spot-tolerant',
    r.compliance.length > 0 && r.compliance.join(', '),
    r.portability !== 'none' && `portability ${r.portability}`,
  ].filter((x): x is string => typeof x === 'string');
  needs.push(`${needs.length === 0 ? 'nothing special; ' : ''}new capacity within ${r.coldStartSeconds} s`);
  const n = w.network;
  const c = w.cost;
  const spot = [
    c.ec2.spotPercent > 0 && `EC2 Spot ${c.ec2.spotPercent} %`,
    c.fargate.spotPercent > 0 && `Fargate Spot ${c.fargate.spotPercent} %`,
  ];
  const discounts = [
    c.ec2.discountPercent > 0 && `EC2 discount ${c.ec2.discountPercent} %`,
    c.fargate.discountPercent > 0 && `Fargate discount ${c.fargate.discountPercent} %`,
  ];
  const costParts = [
    `${c.utilization} % utilisation`,
    plural(c.clusters, 'cluster'),
    ...[...spot, ...discounts].filter((x): x is string => typeof x === 'string'),
    ...(c.ec2.instanceTypes.length > 0 ? [`EC2 types ${c.ec2.instanceTypes.join(', ')}`] : []),
    ...(c.eks.support !== 'standard' ? [`EKS ${c.eks.support} support`] : []),
  ];
  const cost = w.team.engineerCostPerYear;
  return [
    { key: 'workload', label: 'workload', text: `${w.name} in ${w.region}` },
    ...w.services.map((s, i) => ({ key: `services[${i}]`, label: 'services', text: serviceLine(s) })),
    ...w.jobs.map((j, i) => ({ key: `jobs[${i}]`, label: 'jobs', text: jobLine(j) })),
    ...w.daemons.map((a, i) => ({
      key: `daemons[${i}]`,
      label: 'agents',
      text: `${a.name}: ${size(a.cpu, a.memory)} on every host${a.hostAccess ? ', needs host access' : ''}`,
    })),
    { key: 'needs', label: 'needs', text: needs.join(', ') },
    {
      key: 'team',
      label: 'team',
      text:
        `${plural(w.team.engineers, 'engineer')}, ${w.team.platformEngineers} on the platform, Kubernetes: ${w.team.kubernetes}` +
        (w.team.kubernetesEcosystem !== 'none' ? ` (ecosystem: ${w.team.kubernetesEcosystem})` : '') +
        (cost !== undefined ? `, $${formatNumber(cost)} a year each` : ''),
    },
    { key: 'current', label: 'today', text: current(w) },
    {
      key: 'network',
      label: 'network',
      text: [
        n.subnets.length > 0 ? `subnets ${n.subnets.join(', ')}` : 'subnets not given',
        n.privateSubnets ? (n.natOrEndpoints ? 'private with NAT/endpoints' : 'private, NO route to ECR') : 'public',
        ...(n.registryRegion !== w.region ? [`images in ${n.registryRegion}`] : []),
      ].join(', '),
    },
    { key: 'cost', label: 'cost', text: costParts.join(', ') },
  ];
}
