/**
 * Every question's wording and its one-line "why we ask", in one place (code-style anchors §8 item 9),
 * so the docs, the tests and the interview cannot disagree. Ids are stable; tests answer by id.
 */

export interface QuestionText {
  message: string;
  why: string;
  /** The unit of a numeric answer, said with its range when an answer is out of it. */
  unit?: string;
}

export const QUESTIONS = {
  'workload.name': {
    message: 'Name of this workload',
    why: 'Labels the report and the saved workload.yaml (lowercase, digits, dashes).',
  },
  'workload.region': {
    message: 'AWS region',
    why: 'Prices differ by region, and a few options are not everywhere. Type to search by code or name (e.g. frankfurt).',
  },
  'workload.kinds': {
    message: 'What does it run?',
    why: 'Services run all the time; jobs come and go; agents run on every host. Each is priced differently.',
  },

  'service.name': { message: 'Service name', why: 'Names the service in the report; unique across services and jobs.' },
  'service.cpu': { message: 'vCPU per task (pod)', why: 'Fargate bills the configured vCPU; EC2 packs tasks by it.', unit: 'vCPU' },
  'service.memory': {
    message: 'Memory per task, GiB',
    why: 'Fargate rounds each task up to a valid size; EC2 packs by memory too. The default pairs with the vCPU as a Fargate size.',
    unit: 'GiB',
  },
  'service.replicas': { message: 'Tasks running all the time', why: 'The baseline that runs 24/7 drives most of the bill.', unit: 'tasks' },
  'service.peakReplicas': {
    message: 'Tasks at peak (same = no peak)',
    why: 'Peaks add capacity for part of the day only; Fargate handles bursts without spare nodes.',
    unit: 'tasks',
  },
  'service.peakHoursPerDay': { message: 'Hours a day at peak', why: 'Peak capacity is billed only for these hours.', unit: 'hours a day' },
  'service.traits': {
    message: 'Anything special about {name}?',
    why: 'GPUs, Windows and ARM rule some options out; extra storage costs on Fargate.',
  },
  'service.gpus': { message: 'GPUs per task', why: 'GPU tasks need GPU instances; Fargate has no GPUs.', unit: 'GPUs' },
  'service.storage': {
    message: 'Ephemeral storage per task, GiB',
    why: 'Fargate includes 20 GiB and bills the rest per GiB-hour.',
    unit: 'GiB',
  },
  'service.imageSizeMB': {
    message: 'Compressed image size, MB',
    why: 'Every new task pulls its image first, so a large image makes scale-out slower.',
    unit: 'MB',
  },
  'service.more': { message: 'Add another service?', why: 'Each service is sized and priced on its own, then packed together.' },

  'job.name': { message: 'Job name', why: 'Names the job in the report; unique across services and jobs.' },
  'job.cpu': { message: 'vCPU per job task', why: 'Sizes each task of a run.', unit: 'vCPU' },
  'job.memory': {
    message: 'Memory per job task, GiB',
    why: 'Sizes each task of a run. The default pairs with the vCPU as a Fargate size.',
    unit: 'GiB',
  },
  'job.runsPerDay': { message: 'Runs per day', why: 'With the run time, how many task-hours a month the job uses.', unit: 'runs a day' },
  'job.minutesPerRun': {
    message: 'Minutes per run',
    why: 'Fargate bills per second (1 minute minimum); EC2 nodes run for the job.',
    unit: 'minutes',
  },
  'job.parallelism': { message: 'Tasks per run (in parallel)', why: 'A wide run needs many tasks at once.', unit: 'tasks' },
  'job.traits': {
    message: 'Anything special about {name}?',
    why: 'GPUs, Windows and ARM rule some options out; extra storage costs on Fargate.',
  },
  'job.gpus': { message: 'GPUs per job task', why: 'GPU tasks need GPU instances; Fargate has no GPUs.', unit: 'GPUs' },
  'job.storage': {
    message: 'Ephemeral storage per job task, GiB',
    why: 'Fargate includes 20 GiB and bills the rest per GiB-hour.',
    unit: 'GiB',
  },
  'job.imageSizeMB': {
    message: 'Compressed image size of the job, MB',
    why: 'Every run pulls its image first, so a large image delays the start of each task.',
    unit: 'MB',
  },
  'job.more': { message: 'Add another job?', why: 'Each job is priced on its own.' },

  'daemon.name': { message: 'Agent name (e.g. log-router, datadog-agent)', why: 'Names the per-host agent in the report.' },
  'daemon.cpu': {
    message: 'vCPU per agent',
    why: 'Agents take room on every EC2 node, or ride as a sidecar in every Fargate task.',
    unit: 'vCPU',
  },
  'daemon.memory': {
    message: 'Memory per agent, GiB',
    why: 'Agents take room on every EC2 node, or ride as a sidecar in every Fargate task.',
    unit: 'GiB',
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
  'requirements.compliance': {
    message: 'Which compliance regimes?',
    why: 'Some regimes narrow the services and setups you can use. Tick at least one with Space.',
  },
  'requirements.portability': {
    message: 'How much must the same manifests run off AWS?',
    why: 'Kubernetes manifests travel; ECS task definitions do not.',
  },
  'requirements.coldStartSeconds': {
    message: 'Longest acceptable wait for new capacity, seconds (e.g. 30, 300)',
    why: 'A new Fargate task takes ~30–60 s (more for big images); a new EC2 instance takes minutes.',
    unit: 'seconds',
  },

  'team.engineers': {
    message: 'Engineers who build and run this workload',
    why: 'Kubernetes pays off with scale; a small team feels its upkeep most.',
    unit: 'people',
  },
  'team.platformEngineers': {
    message: 'Of them, dedicated platform engineers',
    why: 'Someone has to upgrade clusters and nodes; EKS needs more of that.',
    unit: 'people',
  },
  'team.kubernetes': { message: "Team's Kubernetes experience", why: 'EKS is cheaper to run for a team that already knows Kubernetes.' },
  'team.kubernetesEcosystem': {
    message: 'Kubernetes tooling already in use (Helm, operators, mesh)',
    why: 'An existing Kubernetes ecosystem is a strong reason to stay on it.',
  },
  'team.engineerCostPerYear': {
    message: 'Fully loaded cost of one engineer, USD a year (empty to skip)',
    why: 'Turns the hours each option takes to run into dollars; without it they stay in hours.',
    unit: 'USD a year',
  },

  'current.platform': {
    message: 'Where does it run today?',
    why: 'Moving costs weeks of work; the advice weighs that against the savings.',
  },
  'current.services': {
    message: 'How many of its services would move?',
    why: 'Only the services that move cost migration work.',
    unit: 'services',
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
    unit: '%',
  },
  'cost.clusters': {
    message: 'Clusters this workload needs (e.g. one per environment)',
    why: 'EKS charges a control-plane fee per cluster.',
    unit: 'clusters',
  },
  'cost.ec2.spotPercent': {
    message: 'Share of EC2 capacity on Spot, %',
    why: 'Spot is much cheaper but can be reclaimed at 2 minutes notice.',
    unit: '%',
  },
  'cost.fargate.spotPercent': {
    message: 'Share of ECS Fargate tasks on FARGATE_SPOT, %',
    why: 'FARGATE_SPOT costs up to ~70 % less, with 2 minutes notice; ECS only.',
    unit: '%',
  },
  'cost.ec2.discountPercent': {
    message: 'Savings Plan / RI discount on EC2, %',
    why: 'Commitments lower the on-demand EC2 price.',
    unit: '%',
  },
  'cost.fargate.discountPercent': {
    message: 'Compute Savings Plan discount on Fargate, %',
    why: 'Compute Savings Plans cover Fargate too.',
    unit: '%',
  },
  'cost.ec2.instanceTypes': {
    message: 'Limit EC2 to these instance types (type to search; “done” to finish)',
    why: 'By default we pick the cheapest fleet that fits. Pick one type at a time.',
  },
  'cost.eks.support': {
    message: 'EKS support tier',
    why: 'Clusters on a Kubernetes version past standard support pay 6× the control-plane fee.',
  },

  'review.change': {
    message: 'Change an answer?',
    why: 'Pick a line to answer its questions again, your answers as the defaults; or go on to the advice.',
  },
  'review.add': { message: 'Add what?', why: 'It is asked like the others, then you are back at the review.' },
  'review.remove': { message: 'Remove which one?', why: 'A workload needs at least one service or job.' },
} as const satisfies Record<string, QuestionText>;

export type QuestionId = keyof typeof QUESTIONS;
