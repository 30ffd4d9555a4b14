/**
 * The short review of the answers shown after the interview and before the advice: one line per
 * topic, with defaults filled in, so the user can see at a glance what the advice is based on.
 */
import { WorkloadSchema, resolveWorkload, type JobSpec, type ServiceSpec, type WorkloadInput } from '../schema/workload.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const size = (cpu: number, memory: number) => `${cpu} vCPU / ${memory} GiB`;

function platform(t: { arch: string; os: string; gpus: number; storage: number }): string {
  const parts: string[] = [];
  if (t.arch !== 'x86_64') parts.push(t.arch);
  if (t.os !== 'linux') parts.push(t.os);
  if (t.gpus > 0) parts.push(plural(t.gpus, 'GPU'));
  if (t.storage > 20) parts.push(`${t.storage} GiB disk`);
  return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}

function serviceLine(s: ServiceSpec): string {
  const peak = s.peakReplicas > s.replicas ? `, peak ${s.peakReplicas} for ${s.peakHoursPerDay} h/day` : '';
  return `${s.name}: ${size(s.cpu, s.memory)} × ${s.replicas}${peak}${platform(s)}`;
}

function jobLine(j: JobSpec): string {
  return `${j.name}: ${size(j.cpu, j.memory)} × ${j.parallelism}, ${plural(j.runsPerDay, 'run')}/day of ${j.minutesPerRun} min${platform(j)}`;
}

/** A few lines summing up the answers (defaults filled in). Falls back to the raw answers if invalid. */
export function renderAnswersReview(input: WorkloadInput): string {
  const parsed = WorkloadSchema.safeParse(input);
  if (!parsed.success) return `Your answers (not yet valid):\n${JSON.stringify(input, null, 2)}`;
  const w = resolveWorkload(parsed.data);
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
  const rows: [string, string[]][] = [
    ['workload', [`${w.name} in ${w.region}`]],
    ['services', w.services.map(serviceLine)],
    ['jobs', w.jobs.map(jobLine)],
    ['agents', w.daemons.map((a) => `${a.name}: ${size(a.cpu, a.memory)} on every host${a.hostAccess ? ', needs host access' : ''}`)],
    ['needs', [needs.join(', ')]],
    [
      'team',
      [
        `${plural(w.team.engineers, 'engineer')}, ${w.team.platformEngineers} on the platform, Kubernetes: ${w.team.kubernetes}` +
          (w.team.kubernetesEcosystem !== 'none' ? ` (ecosystem: ${w.team.kubernetesEcosystem})` : ''),
      ],
    ],
    [
      'network',
      [
        [
          n.subnets.length > 0 ? `subnets ${n.subnets.join(', ')}` : 'subnets not given',
          n.privateSubnets ? (n.natOrEndpoints ? 'private with NAT/endpoints' : 'private, NO route to ECR') : 'public',
          ...(n.registryRegion !== w.region ? [`images in ${n.registryRegion}`] : []),
        ].join(', '),
      ],
    ],
    ['cost', [costParts.join(', ')]],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows
    .filter(([, values]) => values.length > 0)
    .flatMap(([label, values]) => values.map((v, i) => `  ${(i === 0 ? label : '').padEnd(width)}  ${v}`));
  return ['Your answers', ...lines].join('\n');
}
