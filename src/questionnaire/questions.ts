/**
 * Every question's wording and its one-line "why we ask", in one place (code-style anchors §8 item 9),
 * so the docs, the tests and the interview cannot disagree. Ids are stable; tests answer by id.
 */

export interface QuestionText {
  message: string;
  why: string;
}

export const QUESTIONS = {
  'workload.name': {
    message: 'Name of this workload',
    why: 'Labels the report and the saved workload.yaml (lowercase, digits, dashes).',
  },
  'workload.region': {
    message: 'AWS region',
    why: 'Prices differ by region, and a few options are not everywhere.',
  },
  'workload.kinds': {
    message: 'What does it run?',
    why: 'Services run all the time; jobs come and go; agents run on every host. Each is priced differently.',
  },

  'service.name': { message: 'Service name', why: 'Names the service in the report; unique across services and jobs.' },
  'service.cpu': { message: 'vCPU per task (pod)', why: 'Fargate bills the configured vCPU; EC2 packs tasks by it.' },
  'service.memory': { message: 'Memory per task, GiB', why: 'Fargate rounds each task up to a valid size; EC2 packs by memory too.' },
  'service.replicas': { message: 'Tasks running all the time', why: 'The baseline that runs 24/7 drives most of the bill.' },
  'service.peakReplicas': {
    message: 'Tasks at peak (same = no peak)',
    why: 'Peaks add capacity for part of the day only; Fargate handles bursts without spare nodes.',
  },
  'service.peakHoursPerDay': { message: 'Hours a day at peak', why: 'Peak capacity is billed only for these hours.' },
  'service.traits': {
    message: 'Anything special about {name}?',
    why: 'GPUs, Windows and ARM rule some options out; extra storage costs on Fargate.',
  },
  'service.gpus': { message: 'GPUs per task', why: 'GPU tasks need GPU instances; Fargate has no GPUs.' },
  'service.storage': { message: 'Ephemeral storage per task, GiB', why: 'Fargate includes 20 GiB and bills the rest per GiB-hour.' },
  'service.more': { message: 'Add another service?', why: 'Each service is sized and priced on its own, then packed together.' },

  'job.name': { message: 'Job name', why: 'Names the job in the report; unique across services and jobs.' },
  'job.cpu': { message: 'vCPU per job task', why: 'Sizes each task of a run.' },
  'job.memory': { message: 'Memory per job task, GiB', why: 'Sizes each task of a run.' },
  'job.runsPerDay': { message: 'Runs per day', why: 'With the run time, how many task-hours a month the job uses.' },
  'job.minutesPerRun': { message: 'Minutes per run', why: 'Fargate bills per second (1 minute minimum); EC2 nodes run for the job.' },
  'job.parallelism': { message: 'Tasks per run (in parallel)', why: 'A wide run needs many tasks at once.' },
  'job.traits': {
    message: 'Anything special about {name}?',
    why: 'GPUs, Windows and ARM rule some options out; extra storage costs on Fargate.',
  },
  'job.gpus': { message: 'GPUs per job task', why: 'GPU tasks need GPU instances; Fargate has no GPUs.' },
  'job.storage': { message: 'Ephemeral storage per job task, GiB', why: 'Fargate includes 20 GiB and bills the rest per GiB-hour.' },
  'job.more': { message: 'Add another job?', why: 'Each job is priced on its own.' },

  'daemon.name': { message: 'Agent name (e.g. log-router, datadog-agent)', why: 'Names the per-host agent in the report.' },
  'daemon.cpu': { message: 'vCPU per agent', why: 'Agents take room on every EC2 node, or ride as a sidecar in every Fargate task.' },
  'daemon.memory': {
    message: 'Memory per agent, GiB',
    why: 'Agents take room on every EC2 node, or ride as a sidecar in every Fargate task.',
  },
  'daemon.hostAccess': {
    message: 'Does it need the host itself (privileged, host network/PID, node files)?',
    why: 'An agent that needs the host cannot run on Fargate at all.',
  },
  'daemon.more': { message: 'Add another agent?', why: 'Every agent runs once per host.' },

  'requirements.needs': {
    message: 'Any hard requirements?',
    why: 'These hard requirements rule options in or out before cost is compared.',
  },
  'requirements.compliance': { message: 'Which compliance regimes?', why: 'Some regimes narrow the services and setups you can use.' },
  'requirements.portability': {
    message: 'How much must the same manifests run off AWS?',
    why: 'Kubernetes manifests travel; ECS task definitions do not.',
  },
  'requirements.coldStartSeconds': {
    message: 'Longest acceptable wait for new capacity, seconds (e.g. 30, 300)',
    why: 'A new Fargate task takes ~30–60 s (more for big images); a new EC2 instance takes minutes.',
  },

  'team.engineers': {
    message: 'Engineers who build and run this workload',
    why: 'Kubernetes pays off with scale; a small team feels its upkeep most.',
  },
  'team.platformEngineers': {
    message: 'Of them, dedicated platform engineers',
    why: 'Someone has to upgrade clusters and nodes; EKS needs more of that.',
  },
  'team.kubernetes': { message: "Team's Kubernetes experience", why: 'EKS is cheaper to run for a team that already knows Kubernetes.' },
  'team.kubernetesEcosystem': {
    message: 'Kubernetes tooling already in use (Helm, operators, mesh)',
    why: 'An existing Kubernetes ecosystem is a strong reason to stay on it.',
  },

  'tune.sections': {
    message: 'Fine-tune any assumptions?',
    why: 'The defaults suit most workloads; tick nothing to keep them.',
  },

  'network.subnets': {
    message: 'Subnet CIDRs tasks take IPs from (comma-separated, empty to skip)',
    why: 'Lets us warn when a peak would run the subnets out of IP addresses.',
  },
  'network.privateSubnets': { message: 'Do tasks run in private subnets?', why: 'Private subnets need a route to pull images.' },
  'network.natOrEndpoints': {
    message: 'Do those subnets reach ECR/S3 through NAT or VPC endpoints?',
    why: 'Without a route, image pulls fail and tasks never start.',
  },
  'network.registryRegion': { message: 'Region where the images live', why: 'Cross-region pulls are slower and billed per GB.' },

  'cost.utilization': {
    message: 'Share of EC2 capacity that tasks reserve on average, %',
    why: 'The key to EC2 vs Fargate: idle EC2 capacity is paid for, idle Fargate is not.',
  },
  'cost.clusters': {
    message: 'Clusters this workload needs (e.g. one per environment)',
    why: 'EKS charges a control-plane fee per cluster.',
  },
  'cost.ec2.spotPercent': {
    message: 'Share of EC2 capacity on Spot, %',
    why: 'Spot is much cheaper but can be reclaimed at 2 minutes notice.',
  },
  'cost.fargate.spotPercent': {
    message: 'Share of ECS Fargate tasks on FARGATE_SPOT, %',
    why: 'FARGATE_SPOT costs up to ~70 % less, with 2 minutes notice; ECS only.',
  },
  'cost.ec2.discountPercent': { message: 'Savings Plan / RI discount on EC2, %', why: 'Commitments lower the on-demand EC2 price.' },
  'cost.fargate.discountPercent': {
    message: 'Compute Savings Plan discount on Fargate, %',
    why: 'Compute Savings Plans cover Fargate too.',
  },
  'cost.ec2.instanceTypes': {
    message: 'Limit EC2 to these instance types (comma-separated, empty = any)',
    why: 'By default we pick the cheapest fleet that fits.',
  },
  'cost.eks.support': {
    message: 'EKS support tier',
    why: 'Clusters on a Kubernetes version past standard support pay 6× the control-plane fee.',
  },
} as const satisfies Record<string, QuestionText>;

export type QuestionId = keyof typeof QUESTIONS;
