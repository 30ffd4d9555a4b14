/**
 * Scoring rules: points for or against an option, one owner per workload fact (`trait`). The weights
 * follow AWS's own guidance — the decision guide "Choosing an AWS container service", the EKS Best
 * Practices Guide and AWS's startup guidance — and docs/rules.md gives the reasoning for each. Cost is
 * added by the engine after these (it needs the blockers first).
 */
import { fargateSize } from '../domain/fargate-sizes.js';
import { operationsEffort } from '../domain/operations.js';
import { ALL_OPTIONS, OPTIONS } from '../domain/options.js';
import { capitalise, list, plural } from '../domain/text.js';
import type { OptionId } from '../schema/enums.js';
import { formatNumber } from '../schema/numbers.js';
import { fire, needs, skip } from './blockers.js';
import { SCALE_OUT_MODEL } from './traits.js';
import type { Effects, Rule } from './types.js';
import { OPERATIONS_WEIGHTS, platformCapacityHours, roundPoints } from './weights.js';

const F = 'ecs-fargate';
const E = 'ecs-ec2';
const M = 'eks-managed-nodes';
const K = 'eks-fargate';
const I = 'ecs-managed-instances';
const A = 'eks-auto-mode';

const ALL: readonly OptionId[] = ALL_OPTIONS.map((o) => o.id);

const fmtHours = (h: number): string => (h >= 10 ? formatNumber(Math.round(h)) : String(Math.round(h * 10) / 10));

/** The team, in words: "a team of 5 with no platform engineers" / "2 platform engineers and 10 others". */
function teamWords(engineers: number, platformEngineers: number): string {
  const others = engineers - platformEngineers;
  if (platformEngineers === 0) return `a team of ${engineers} with no platform engineers`;
  return `${plural(platformEngineers, 'platform engineer')}${others > 0 ? ` and ${plural(others, 'other')}` : ''}`;
}

const team: Rule[] = [
  {
    id: 'operations-effort',
    trait: 'team-capacity',
    label: 'the team’s time to run it',
    trigger:
      'always: the recurring operations effort of each option for this fleet (upgrades, patching, autoscaling, on-call) against the hours the team can give the platform',
    effects: {},
    effectNote: `−${OPERATIONS_WEIGHTS.pointsPerLoad} × effort ÷ capacity, at most −${OPERATIONS_WEIGHTS.maxPenalty}; effort is the middle of the option's range in engineer-hours a month; capacity is ${OPERATIONS_WEIGHTS.platformEngineerHours} h per platform engineer plus ${OPERATIONS_WEIGHTS.productEngineerShare * 100} % of every other engineer's month`,
    reason:
      'Every host, node group and Kubernetes upgrade is work for someone; it weighs most where the team has the least time to give it.',
    sources: ['aws-startup-eks', 'eks-kubernetes-versions', 'eks-bpg-cluster-upgrades', 'eks-auto-mng', 'ecs-mi', 'aws-decision-guide'],
    evaluate: ({ workload, pricing }) => {
      const capacity = platformCapacityHours(workload);
      const words = teamWords(workload.team.engineers, workload.team.platformEngineers);
      const effects: Effects = {};
      const texts: Partial<Record<OptionId, string>> = {};
      const summary: string[] = [];
      for (const id of ALL) {
        const sizing = pricing[id]?.sizing;
        if (!sizing) continue;
        const ops = operationsEffort(id, workload, sizing);
        const effort = ops.hoursPerMonth;
        const mid = (effort.low + effort.high) / 2;
        const load = capacity > 0 ? mid / capacity : Number.POSITIVE_INFINITY;
        effects[id] = roundPoints(-Math.min(OPERATIONS_WEIGHTS.maxPenalty, OPERATIONS_WEIGHTS.pointsPerLoad * load));
        const share = Number.isFinite(load) ? `about ${Math.round(load * 100)} % of` : 'more than';
        texts[id] =
          `${fmtHours(effort.low)}–${fmtHours(effort.high)} engineer-hours a month to run: ${share} the ~${fmtHours(capacity)} h ${words} can give the platform.`;
        summary.push(`${id} ${fmtHours(mid)} h`);
      }
      return fire(`capacity ${fmtHours(capacity)} h a month; effort (middle of range): ${summary.join(', ')}`, { effects, texts });
    },
  },
];

const kubernetes: Rule[] = [
  {
    id: 'kubernetes-none',
    trait: 'kubernetes-skills',
    label: 'no Kubernetes experience',
    trigger: 'team.kubernetes is none',
    effects: { [F]: 4, [E]: 3, [I]: 3, [M]: -8, [A]: -6, [K]: -6 },
    reason: "ECS is built for simplicity; AWS's own guidance is not to suggest EKS to a team that does not want Kubernetes.",
    sources: ['aws-decision-guide', 'aws-containers-skill'],
    evaluate: ({ workload }) =>
      workload.team.kubernetes === 'none'
        ? fire('team.kubernetes is none', {
            texts: {
              [F]: 'No Kubernetes to learn: ECS concepts are task definitions and services.',
              [E]: 'No Kubernetes to learn: ECS concepts plus the instances.',
              [I]: 'No Kubernetes to learn: ECS concepts, with AWS running the instances.',
              [M]: 'The team has no Kubernetes experience, and this option needs the most of it.',
              [A]: 'The team has no Kubernetes experience; Auto Mode runs the nodes, not Kubernetes itself.',
              [K]: 'The team has no Kubernetes experience; Fargate hides the nodes, not Kubernetes.',
            },
          })
        : skip(`team.kubernetes is ${workload.team.kubernetes}`),
  },
  {
    id: 'kubernetes-some',
    trait: 'kubernetes-skills',
    label: 'some Kubernetes experience',
    trigger: 'team.kubernetes is some',
    effects: { [M]: 3, [A]: 3, [K]: 3 },
    reason: 'Some Kubernetes experience lowers the cost of running EKS.',
    sources: ['aws-decision-guide', 'eks-bpg'],
    evaluate: ({ workload }) =>
      workload.team.kubernetes === 'some' ? fire('team.kubernetes is some') : skip(`team.kubernetes is ${workload.team.kubernetes}`),
  },
  {
    id: 'kubernetes-expert',
    trait: 'kubernetes-skills',
    label: 'Kubernetes expertise',
    trigger: 'team.kubernetes is expert',
    effects: { [M]: 8, [A]: 6, [K]: 4 },
    reason: 'A team of Kubernetes experts gets the most from EKS, and most from the node-level control of managed node groups.',
    sources: ['aws-decision-guide', 'eks-bpg'],
    evaluate: ({ workload }) =>
      workload.team.kubernetes === 'expert' ? fire('team.kubernetes is expert') : skip(`team.kubernetes is ${workload.team.kubernetes}`),
  },
  {
    id: 'kubernetes-ecosystem-some',
    trait: 'kubernetes-ecosystem',
    label: 'Kubernetes tools in use',
    trigger: 'team.kubernetesEcosystem is some',
    effects: { [M]: 4, [A]: 4, [K]: 2 },
    reason: 'Helm charts or operators already in use carry over to EKS.',
    sources: ['aws-decision-guide'],
    evaluate: ({ workload }) =>
      workload.team.kubernetesEcosystem === 'some'
        ? fire('team.kubernetesEcosystem is some')
        : skip(`team.kubernetesEcosystem is ${workload.team.kubernetesEcosystem}`),
  },
  {
    id: 'kubernetes-ecosystem-central',
    trait: 'kubernetes-ecosystem',
    label: 'a Kubernetes ecosystem at the centre',
    trigger: 'team.kubernetesEcosystem is central',
    effects: { [M]: 10, [A]: 10, [K]: 4, [F]: -6, [E]: -6, [I]: -6 },
    reason: 'Helm charts, operators and a mesh at the centre of the platform run on EKS only; ECS would mean rebuilding them.',
    sources: ['aws-decision-guide', 'figma-ecs-to-k8s', 'eks-automode', 'containers-roadmap-971'],
    evaluate: ({ workload }) =>
      workload.team.kubernetesEcosystem === 'central'
        ? fire('team.kubernetesEcosystem is central', {
            texts: {
              [M]: 'Helm charts, operators and the mesh run as they are, DaemonSets and node access included.',
              [A]: 'Helm charts, operators and the mesh run as they are, with AWS running node scaling, load balancers and EBS.',
              [K]: 'Charts run, except those that need DaemonSets, EBS or node access, which EKS Fargate lacks.',
              [F]: 'The Helm charts, operators and mesh already in use do not run on ECS.',
              [E]: 'The Helm charts, operators and mesh already in use do not run on ECS.',
              [I]: 'The Helm charts, operators and mesh already in use do not run on ECS.',
            },
          })
        : skip(`team.kubernetesEcosystem is ${workload.team.kubernetesEcosystem}`),
  },
  {
    id: 'portability-required',
    trait: 'portability',
    label: 'portability required',
    trigger: 'requirements.portability is required (the same manifests must run off AWS)',
    effects: { [M]: 12, [A]: 8, [K]: 6, [F]: -12, [E]: -12, [I]: -12 },
    reason:
      'Portability across clouds is the usual reason teams choose EKS: Kubernetes manifests run elsewhere, ECS task definitions do not.',
    sources: ['aws-decision-guide'],
    evaluate: ({ workload }) =>
      workload.requirements.portability === 'required'
        ? fire('requirements.portability is required', { texts: portabilityTexts })
        : skip(`requirements.portability is ${workload.requirements.portability}`),
  },
  {
    id: 'portability-preferred',
    trait: 'portability',
    label: 'portability preferred',
    trigger: 'requirements.portability is preferred',
    effects: { [M]: 6, [A]: 4, [K]: 3, [F]: -6, [E]: -6, [I]: -6 },
    reason: 'Portability is preferred: Kubernetes manifests travel, ECS task definitions do not.',
    sources: ['aws-decision-guide'],
    evaluate: ({ workload }) =>
      workload.requirements.portability === 'preferred'
        ? fire('requirements.portability is preferred', { texts: portabilityTexts })
        : skip(`requirements.portability is ${workload.requirements.portability}`),
  },
];

const portabilityTexts: Partial<Record<OptionId, string>> = {
  [M]: 'Standard Kubernetes manifests on ordinary nodes: the most portable option.',
  [A]: 'Standard Kubernetes manifests; only the NodePools and NodeClasses are EKS-specific.',
  [K]: 'Kubernetes manifests, but Fargate profiles and sidecars-instead-of-DaemonSets are AWS-specific.',
  [F]: 'ECS task definitions and services run only on AWS.',
  [E]: 'ECS task definitions and services run only on AWS.',
  [I]: 'ECS task definitions and services run only on AWS.',
};

const isolationAndHosts: Rule[] = [
  {
    id: 'per-task-isolation',
    trait: 'isolation',
    label: 'per-task isolation',
    trigger: 'requirements.isolation is per-task',
    effects: { [F]: 12, [K]: 12, [E]: -8, [M]: -8, [I]: -8, [A]: -8 },
    reason:
      'Every Fargate task or pod has its own VM boundary (no shared kernel, CPU, memory or ENI); on EC2-backed options tasks share the node kernel.',
    sources: ['eks-fargate', 'ecs-fargate-task-defs'],
    evaluate: ({ workload }) =>
      workload.requirements.isolation === 'per-task'
        ? fire('requirements.isolation is per-task', {
            texts: {
              [F]: 'Each task runs in its own VM boundary (no shared kernel, CPU, memory or ENI): per-task isolation comes built in.',
              [K]: 'Each pod runs on its own Fargate node with its own kernel: per-pod isolation comes built in.',
              [E]: 'Tasks share the instance kernel; per-task isolation would need one task per instance.',
              [M]: 'Pods share the node kernel; per-pod isolation would need one pod per node or a sandboxed runtime you operate.',
              [I]: 'Several tasks share one AWS-managed instance and its kernel unless you place one task per instance.',
              [A]: 'Pods share the node kernel, even on hardened Auto Mode nodes.',
            },
          })
        : skip('requirements.isolation is shared'),
  },
  {
    id: 'sidecar-daemons',
    trait: 'sidecar-daemons',
    label: 'daemons as sidecars',
    trigger: 'daemons without host access (they would run as a sidecar in every Fargate task)',
    effects: { [F]: -3, [K]: -3 },
    reason:
      'On Fargate a per-host agent becomes a sidecar in every task: one more container to configure and upgrade in every task definition.',
    sources: ['ecs-service-params', 'eks-fargate', 'containers-roadmap-971'],
    evaluate: ({ traits }) =>
      traits.sidecarDaemons.length === 0
        ? skip('no daemons without host access')
        : fire(`daemons: ${list(traits.sidecarDaemons)}`, {
            texts: {
              [F]: `${list(traits.sidecarDaemons)} must run as a sidecar in every task (no DAEMON strategy on Fargate); the bigger billed size is priced in.`,
              [K]: `${list(traits.sidecarDaemons)} must run as a sidecar in every pod (no DaemonSets on EKS Fargate); the bigger billed size is priced in.`,
            },
          }),
  },
  {
    id: 'host-agent-auto-mode',
    trait: 'host-daemons',
    label: 'host agents on locked-down nodes',
    trigger: 'a daemon needs host access and EKS Auto Mode is considered',
    effects: { [A]: -3 },
    reason:
      'Auto Mode nodes are locked down (SELinux enforcing, read-only root filesystem, no SSH or SSM): check that the agent supports Auto Mode.',
    sources: ['eks-automode', 'eks-auto-mng'],
    evaluate: ({ traits }) =>
      traits.hostDaemons.length === 0
        ? skip('no daemon needs host access')
        : fire(`host-access daemons: ${list(traits.hostDaemons)}`, {
            texts: {
              [A]: `Auto Mode nodes are locked down (SELinux enforcing, read-only root, no SSH/SSM): check that ${list(traits.hostDaemons)} support${traits.hostDaemons.length === 1 ? 's' : ''} Auto Mode.`,
            },
          }),
  },
  {
    id: 'gpu-capacity',
    trait: 'gpus',
    label: 'managed GPU capacity',
    trigger: 'any service or job asks for GPUs',
    effects: { [I]: 6, [A]: 6, [E]: 3, [M]: 3 },
    reason:
      'GPU capacity is easier where AWS runs the GPU nodes (Managed Instances, Auto Mode) than where you run GPU AMIs, drivers and device plugins.',
    sources: ['ecs-mi', 'containers-roadmap-88', 'eks-gpu-device-plugin', 'eks-gpu-ami', 'ecs-gpu'],
    evaluate: ({ traits }) =>
      traits.gpuTasks.length === 0
        ? skip('no task asks for GPUs')
        : fire(`GPU tasks: ${list(traits.gpuTasks)}`, {
            texts: {
              [I]: 'AWS provisions, scales and patches the GPU instances; this is where AWS sent the "GPU on Fargate" request.',
              [A]: 'Auto Mode runs the GPU drivers and device plugin on its Bottlerocket nodes and adds GPU nodes straight from pending pods.',
              [E]: 'Runs GPU instances, but you own the ECS GPU-optimised AMIs, their drivers and the capacity provider.',
              [M]: 'Runs GPU node groups, but you own the accelerated AMIs, the NVIDIA device plugin and node scaling.',
            },
          }),
  },
];

const compliance: Rule[] = [
  ...(['soc2', 'iso27001'] as const).map((regime): Rule => ({
    id: `compliance-${regime}`,
    trait: `compliance-${regime}`,
    label: regime === 'soc2' ? 'SOC 2' : 'ISO 27001',
    trigger: `requirements.compliance includes ${regime}`,
    effects: {},
    reason: `ECS, EKS and Fargate are all in scope for ${regime === 'soc2' ? 'SOC 1/2/3' : 'ISO 27001/27017/27018'}, so it does not separate the options.`,
    sources: ['aws-services-in-scope'],
    evaluate: ({ workload }) =>
      workload.requirements.compliance.includes(regime)
        ? fire(`${regime} requested; every option is in scope, no points`)
        : skip(`${regime} not requested`),
  })),
  ...(['pci', 'hipaa'] as const).map((regime): Rule => ({
    id: `compliance-${regime}`,
    trait: `compliance-${regime}`,
    label: regime === 'pci' ? 'PCI DSS' : 'HIPAA',
    trigger: `requirements.compliance includes ${regime}`,
    effects: { [F]: 2, [K]: 2, [I]: 2, [A]: 2 },
    reason: `All options are in scope for ${regime === 'pci' ? 'PCI DSS Level 1' : 'HIPAA (with a BAA)'}; where AWS patches the hosts, the host-hardening part of the audit is AWS's.`,
    sources: ['aws-services-in-scope', 'eks-bpg-compliance', 'eks-fargate-patching', 'ecs-mi', 'eks-automode'],
    evaluate: ({ workload }) =>
      workload.requirements.compliance.includes(regime)
        ? fire(`${regime} requested`, {
            texts: {
              [F]: 'AWS patches the Fargate hosts, so host hardening and patching evidence is AWS’s part of the audit.',
              [K]: 'AWS patches the Fargate nodes, so host hardening and patching evidence is AWS’s part of the audit.',
              [I]: 'AWS patches the Managed Instances, so host patching evidence is AWS’s part of the audit.',
              [A]: 'Auto Mode nodes are hardened (SELinux, read-only root) and replaced within 21 days by AWS.',
            },
          })
        : skip(`${regime} not requested`),
  })),
  {
    id: 'compliance-fedramp',
    trait: 'compliance-fedramp',
    label: 'FedRAMP',
    trigger: 'requirements.compliance includes fedramp',
    effects: { [K]: -6, [F]: 0, [I]: 0, [A]: 0 },
    reason:
      'FedRAMP workloads often live in GovCloud, where EKS Fargate is unavailable; confirm each option’s FedRAMP scope on AWS’s services-in-scope page.',
    sources: ['aws-services-in-scope', 'govcloud-eks', 'eks-bpg-compliance'],
    evaluate: ({ workload }) =>
      workload.requirements.compliance.includes('fedramp')
        ? fire('fedramp requested', {
            texts: {
              [K]: 'EKS Fargate is not available in AWS GovCloud (US), where FedRAMP High workloads usually run.',
              [F]: 'Confirm FedRAMP scope for ECS Fargate on services-in-scope: an older EKS best-practices table says no, a newer GovCloud guide says FedRAMP High (no points either way).',
              [I]: 'A newer offering: confirm its FedRAMP authorisation on services-in-scope (no points either way).',
              [A]: 'A newer offering: confirm its FedRAMP authorisation on services-in-scope (no points either way).',
            },
          })
        : skip('fedramp not requested'),
  },
];

/** Realistic scale-out seconds for one option (see SCALE_OUT_MODEL): how its capacity arrives, then the pull. */
export function scaleOutSeconds(option: OptionId, imageMB: number): number {
  return Math.round(SCALE_OUT_MODEL.baseSeconds[OPTIONS[option].scaleOut] + imageMB / SCALE_OUT_MODEL.pullMBps);
}

const scale: Rule[] = [
  {
    id: 'bursty',
    trait: 'burstiness',
    label: 'bursty traffic',
    trigger: 'a service peaks at 2× its baseline or more (or starts from zero), or there are jobs',
    effects: { [E]: -3, [M]: -3 },
    reason:
      'Bursty load means scaling capacity for every peak: on the EC2-backed options you run yourself, that is your autoscaler to tune (its cost is priced at the utilisation).',
    sources: ['ecs-managed-scaling', 'ecs-cluster-auto-scaling', 'eks-bpg-cluster-autoscaler', 'eks-bpg-karpenter'],
    evaluate: ({ traits }) => {
      if (!traits.bursty) return skip('no service peaks at 2× its baseline and there are no jobs');
      const what = [
        traits.burstyServices.length > 0 ? `${list(traits.burstyServices)} peak at 2× or more` : '',
        traits.hasJobs ? 'jobs come and go' : '',
      ]
        .filter(Boolean)
        .join('; ');
      return fire(what, {
        texts: {
          [E]: `${capitalise(what)}: you tune managed scaling, whose default target capacity is 100 (no spare room for the next burst).`,
          [M]: `${capitalise(what)}: Cluster Autoscaler or Karpenter must add nodes for every peak, and you run it.`,
        },
      });
    },
  },
  {
    id: 'batch-jobs',
    trait: 'jobs',
    label: 'batch jobs',
    trigger: 'the workload has jobs',
    effects: { [F]: 4, [K]: -2 },
    reason:
      "AWS's guidance puts batch and cron work on ECS Fargate; EKS Fargate keeps finished Job pods (and their bill) until they are cleaned up.",
    sources: ['aws-containers-skill', 'batch-when-to-use-fargate', 'eks-fargate'],
    evaluate: ({ workload }) =>
      workload.jobs.length === 0
        ? skip('no jobs')
        : fire(`${plural(workload.jobs.length, 'job')}`, {
            texts: {
              [F]: 'Batch and scheduled jobs run as standalone Fargate tasks, billed per second, with nothing left running between runs.',
              [K]: 'Finished Job pods keep their Fargate node (and bill) until cleaned up: set ttlSecondsAfterFinished.',
            },
          }),
  },
  {
    id: 'cold-start',
    trait: 'scale-out-time',
    label: 'scale-out time',
    trigger: 'the workload scales out (peaks or jobs) and an option’s realistic scale-out time exceeds requirements.coldStartSeconds',
    effects: {},
    effectNote:
      '−4 when the estimate exceeds coldStartSeconds, −8 when it exceeds twice that; estimates: ECS Fargate 35 s, EKS Fargate 45 s, Auto Mode 60 s, new EC2 instances 180 s, each plus image MB ÷ 15 MB/s',
    reason: 'New capacity has to arrive within the cold-start tolerance; image size dominates start time.',
    sources: [
      'fargate-task-start',
      'fargate-soci',
      'fargate-pull-behavior',
      'ecs-cas-speed-up',
      'eks-bpg-cluster-autoscaler',
      'kubefm-node-startup',
    ],
    evaluate: ({ workload, traits }) => {
      if (!traits.scalesOut) return skip('no service peaks above its baseline and there are no jobs: no scale-out to wait for');
      const tolerance = workload.requirements.coldStartSeconds;
      const image = traits.scaleOutImageMB;
      const effects: Effects = {};
      const texts: Partial<Record<OptionId, string>> = {};
      const estimates = ALL.map((id) => `${id} ~${scaleOutSeconds(id, image)} s`).join(', ');
      for (const id of ALL) {
        const secs = scaleOutSeconds(id, image);
        if (secs <= tolerance) continue;
        effects[id] = secs > 2 * tolerance ? -8 : -4;
        texts[id] = `${coldStartText(id, secs, image)} exceeds the ${tolerance} s you can wait${coldStartHint(id, image)}.`;
      }
      const why = `scale-out with a ${image} MB image against ${tolerance} s: ${estimates}`;
      return Object.keys(effects).length === 0 ? fire(`${why}; every option fits`, { effects: {} }) : fire(why, { effects, texts });
    },
  },
  {
    id: 'fargate-launch-rate',
    trait: 'launch-burst',
    label: 'Fargate launch rate',
    trigger:
      'a scale-out starts more tasks than the Fargate launch burst (100 per account and Region; 20 for EKS-only accounts), refilled at 20 per second',
    effects: { [F]: -2, [K]: -2 },
    effectNote: '−2 when the launch queue stays within coldStartSeconds, −6 when the queue alone exceeds it',
    reason: 'Fargate launches are rate-limited per account and Region: a burst of 100, then 20 per second, shared by ECS and EKS.',
    sources: ['fargate-throttling'],
    evaluate: ({ workload, traits }) => {
      const n = traits.scaleOutTasks;
      const tolerance = workload.requirements.coldStartSeconds;
      if (n <= 20) return skip(`a scale-out starts ${plural(n, 'task')}, within every launch burst`);
      const effects: Effects = {};
      const texts: Partial<Record<OptionId, string>> = {};
      for (const [id, burst] of [
        [F, 100],
        [K, 20],
      ] as const) {
        if (n <= burst) continue;
        const queue = Math.ceil((n - burst) / 20);
        effects[id] = queue > tolerance ? -6 : -2;
        texts[id] =
          `A scale-out of ${plural(n, 'task')} exceeds the launch burst of ${burst}${id === K ? ' (EKS-only accounts)' : ''}: the last starts about ${queue} s later at 20 per second.`;
      }
      return fire(`a scale-out starts ${plural(n, 'task')}`, { effects, texts });
    },
  },
  {
    id: 'spot-tolerant',
    trait: 'interruptible',
    label: 'Spot tolerance',
    trigger: 'requirements.interruptible is true',
    effects: { [F]: 3, [E]: 3, [M]: 3, [A]: 3, [I]: 2, [K]: -3 },
    reason: 'Interruptible work can run on Spot with a 2-minute notice; EKS has no Fargate Spot.',
    sources: ['fargate-capacity-providers', 'fargate-spot-termination', 'eks-managed-node-groups', 'eks-bpg-karpenter', 'fargate-pricing'],
    evaluate: ({ workload, traits }) => {
      if (!workload.requirements.interruptible) return skip('requirements.interruptible is false');
      const windows = traits.windowsTasks.length > 0;
      return fire('requirements.interruptible is true', {
        effects: windows ? { [F]: 0, [E]: 3, [M]: 3, [A]: 3, [I]: 2, [K]: -3 } : undefined,
        texts: {
          [F]: windows
            ? 'Windows tasks cannot use Fargate Spot; Linux tasks can, at up to ~70 % off.'
            : 'Fargate Spot costs up to ~70 % less than Fargate, with a 2-minute notice and SIGTERM.',
          [E]: 'EC2 Spot in the Auto Scaling group, with a 2-minute notice.',
          [M]: 'Spot managed node groups rebalance capacity before interruptions.',
          [A]: 'Auto Mode handles Spot interruption notices and replaces nodes early (Spot needs a custom NodePool).',
          [I]: 'Managed Instances can run on Spot.',
          [K]: 'EKS has no Fargate Spot: interruptible work pays the on-demand Fargate rate.',
        },
      });
    },
  },
  {
    id: 'eks-fargate-rounding',
    trait: 'pod-size-rounding',
    label: 'EKS Fargate size rounding',
    trigger: 'a task that EKS Fargate rounds up to a larger vCPU size once it adds 256 MiB',
    effects: { [K]: 0 },
    effectNote: 'no points: the larger billed size is in the price already; the reason says where it comes from',
    reason: 'EKS Fargate adds 256 MiB to every pod and rounds up: a pod asking for 1 vCPU and 8 GiB is billed as 2 vCPU and 9 GiB.',
    sources: ['eks-fargate-pod-config'],
    evaluate: ({ traits }) => {
      const bumped = traits.tasks.filter((t) => {
        const plain = fargateSize(t.cpu, t.memoryGiB, 'ecs');
        const eks = fargateSize(t.cpu, t.memoryGiB, 'eks');
        return plain !== null && eks !== null && eks.cpu > plain.cpu;
      });
      if (bumped.length === 0) return skip('no task moves to a larger vCPU size on EKS Fargate');
      const t = bumped[0]!;
      const size = fargateSize(t.cpu, t.memoryGiB, 'eks')!;
      return fire(`rounded up: ${list(bumped.map((b) => b.name))}`, {
        texts: {
          [K]: `With the 256 MiB overhead, ${t.name} (${t.cpu} vCPU, ${t.memoryGiB} GiB) is billed as ${size.cpu} vCPU, ${size.memoryGiB} GiB${bumped.length > 1 ? `, and ${bumped.length - 1} more ${needs(bumped.slice(1)) === 'needs' ? 'task rounds' : 'tasks round'} up too` : ''} (priced in).`,
        },
      });
    },
  },
  {
    id: 'public-subnets',
    trait: 'subnets',
    label: 'public subnets',
    trigger: 'network.privateSubnets is false',
    effects: { [K]: -4 },
    reason: 'EKS Fargate pods run only in private subnets (egress through NAT), so public-subnet designs need new subnets.',
    sources: ['eks-fargate'],
    evaluate: ({ workload }) =>
      workload.network.privateSubnets ? skip('tasks run in private subnets') : fire('network.privateSubnets is false'),
  },
];

function coldStartText(id: OptionId, secs: number, image: number): string {
  switch (OPTIONS[id].scaleOut) {
    case 'fargate-task':
      return `A new Fargate task with a ${image} MB image takes about ${secs} s (30–45 s plus a full pull; nothing is cached), which`;
    case 'fargate-pod':
      return `A new EKS Fargate pod takes about ${secs} s (a node per pod, then a full pull of ${image} MB), which`;
    case 'pending-pod-node':
      return `A pod that needs a new Auto Mode node takes about ${secs} s (a node, then a ${image} MB pull), which`;
    case 'new-instance':
      return `A task that needs a new instance takes about ${secs} s (a few minutes for the instance, then a ${image} MB pull), which`;
  }
}

function coldStartHint(id: OptionId, image: number): string {
  const spec = OPTIONS[id];
  // AWS suggests SOCI lazy loading for images above about 250 MB; it is an ECS Fargate feature.
  if (spec.scaleOut === 'fargate-task' && image > 250)
    return '; SOCI lazy loading (AWS suggests it above ~250 MB) can cut it by up to about half';
  return spec.scaleOutHint ? `; ${spec.scaleOutHint}` : '';
}

export const SCORING: readonly Rule[] = [...isolationAndHosts, ...team, ...kubernetes, ...compliance, ...scale];
