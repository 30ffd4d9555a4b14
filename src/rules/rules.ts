/**
 * Every rule as data: id, trigger, effect per option, the reason a reader sees, and a source. Sources
 * are numbered facts of `reference/domain-facts.md` (cited as "domain-facts N.N"), AWS documents or
 * case studies. The engine (`engine.ts`) adds the points to a base score; cost comes last.
 */
import { fargateSize, largestFargateSize } from '../domain/fargate-sizes.js';
import { ALL_OPTIONS, OPTIONS, optionName, type OptionSpec } from '../domain/options.js';
import { capitalise, list, plural } from '../domain/text.js';
import type { OptionId } from '../schema/enums.js';
import { SCALE_OUT_MODEL } from './traits.js';
import type { Effects, Rule, RuleOutcome } from './types.js';

const F = 'ecs-fargate';
const E = 'ecs-ec2';
const M = 'eks-managed-nodes';
const K = 'eks-fargate';
const I = 'ecs-managed-instances';
const A = 'eks-auto-mode';

const FARGATE_MAX = largestFargateSize('ecs');

const fire = (why: string, extra: Omit<RuleOutcome, 'fired' | 'why'> = {}): RuleOutcome => ({ fired: true, why, ...extra });
const skip = (why: string): RuleOutcome => ({ fired: false, why });

// ---------------------------------------------------------------------------------------------------
// Blockers (SPEC §6). A blocker makes the option ineligible; it is never recommended.
// ---------------------------------------------------------------------------------------------------

const blockers: Rule[] = [
  {
    id: 'gpu',
    label: 'GPU tasks',
    trigger: 'any service or job asks for GPUs (gpus > 0)',
    effects: { [F]: 'blocker', [K]: 'blocker' },
    reason: 'Fargate has no GPUs, on ECS or EKS; AWS points GPU work to ECS Managed Instances or EC2 instead.',
    source: 'domain-facts 1.2, 1.16, 0.1 (containers-roadmap #88)',
    evaluate: ({ traits }) =>
      traits.gpuTasks.length === 0
        ? skip('no task asks for GPUs')
        : fire(`GPU tasks: ${list(traits.gpuTasks)}`, {
            texts: {
              [F]: `Fargate has no GPUs, and ${list(traits.gpuTasks)} need GPUs.`,
              [K]: `EKS Fargate has no GPUs, and ${list(traits.gpuTasks)} need GPUs.`,
            },
          }),
  },
  {
    id: 'privileged',
    label: 'privileged containers',
    trigger: 'requirements.privileged is true',
    effects: { [F]: 'blocker', [K]: 'blocker' },
    reason: 'Fargate runs no privileged containers (ECS Fargate adds only the SYS_PTRACE capability).',
    source: 'domain-facts 1.3, 1.16',
    evaluate: ({ workload }) =>
      workload.requirements.privileged ? fire('requirements.privileged is true') : skip('no privileged containers'),
  },
  {
    id: 'host-daemons',
    label: 'host-access daemons',
    trigger: 'a daemon has hostAccess: true (needs the host itself: privileged, host network or PID, node files)',
    effects: { [F]: 'blocker', [K]: 'blocker' },
    reason: 'Fargate has no hosts to run a per-host agent on: no DAEMON strategy on ECS Fargate, no DaemonSets on EKS Fargate.',
    source: 'domain-facts 1.11, 1.16, 12.3; SPEC §4',
    evaluate: ({ traits }) =>
      traits.hostDaemons.length === 0
        ? skip('no daemon needs host access')
        : fire(`host-access daemons: ${list(traits.hostDaemons)}`, {
            texts: {
              [F]: `${list(traits.hostDaemons)} need${traits.hostDaemons.length === 1 ? 's' : ''} the host, and Fargate gives no host access (no DAEMON strategy).`,
              [K]: `${list(traits.hostDaemons)} need${traits.hostDaemons.length === 1 ? 's' : ''} the host, and EKS Fargate runs no DaemonSets and gives no host access.`,
            },
          }),
  },
  {
    id: 'host-networking',
    label: 'host networking',
    trigger: 'requirements.hostNetworking is true',
    effects: { [F]: 'blocker', [K]: 'blocker' },
    reason:
      'Fargate supports only awsvpc networking; host networking, hostPort and hostNetwork are rejected (ECS Managed Instances support host mode).',
    source: 'domain-facts 1.4, 1.16; ECS API reference ManagedInstancesNetworkConfiguration (awsvpc, host, none)',
    evaluate: ({ workload }) =>
      workload.requirements.hostNetworking ? fire('requirements.hostNetworking is true') : skip('no host networking needed'),
  },
  {
    id: 'block-storage',
    label: 'block storage',
    trigger: 'requirements.blockStorage is true (an EBS volume per task / a PersistentVolumeClaim)',
    effects: { [K]: 'blocker', [F]: 0 },
    reason: 'EKS Fargate cannot mount EBS volumes (EFS only, statically provisioned); ECS Fargate attaches one EBS volume per task.',
    source: 'domain-facts 1.8, 1.16, 1.17, 12.4',
    evaluate: ({ workload }) =>
      workload.requirements.blockStorage
        ? fire('requirements.blockStorage is true', {
            texts: {
              [K]: 'EKS Fargate cannot mount EBS volumes (only statically provisioned EFS); containers-roadmap #1113 is still open.',
              [F]: 'ECS Fargate supports one EBS volume per task (configured at launch, not shared between tasks), so block storage does not rule it out.',
            },
          })
        : skip('no block storage needed'),
  },
  {
    id: 'windows',
    label: 'Windows containers',
    trigger: 'any service or job has os: windows',
    effects: { [K]: 'blocker', [A]: 'blocker', [F]: 0, [I]: 0 },
    reason: 'EKS Fargate and EKS Auto Mode run no Windows nodes (only managed node groups do); ECS Fargate runs Windows tasks.',
    source: 'domain-facts 1.16, 1.23, 1.12; AWS Batch "Job definitions on Amazon ECS Managed Instances" (LINUX only)',
    evaluate: ({ traits }) =>
      traits.windowsTasks.length === 0
        ? skip('all tasks run Linux')
        : fire(`Windows tasks: ${list(traits.windowsTasks)}`, {
            texts: {
              [K]: `EKS Fargate runs no Windows pods, and ${list(traits.windowsTasks)} run Windows.`,
              [A]: `EKS Auto Mode has no Windows nodes (only managed node groups do), and ${list(traits.windowsTasks)} run Windows.`,
              [F]: 'ECS Fargate runs Windows tasks (at least 1 vCPU, no Fargate Spot, a per-vCPU licence fee that is priced in).',
              [I]: 'Check Windows support before choosing Managed Instances: the AWS documents found describe Linux only (no points either way).',
            },
          }),
  },
  {
    id: 'arm',
    label: 'Arm (Graviton) tasks',
    trigger: 'any service or job has arch: arm64',
    effects: { [K]: 'blocker', [F]: 0 },
    reason: 'EKS Fargate runs x86_64 only; ECS Fargate runs Graviton at about 20 % less per vCPU-hour.',
    source: 'domain-facts 1.16, 1.13',
    evaluate: ({ traits }) =>
      traits.armTasks.length === 0
        ? skip('all tasks are x86_64')
        : fire(`arm64 tasks: ${list(traits.armTasks)}`, {
            texts: {
              [K]: `EKS Fargate runs x86_64 only, and ${list(traits.armTasks)} ${traits.armTasks.length === 1 ? 'is' : 'are'} arm64.`,
              [F]: 'ECS Fargate runs arm64 (Graviton) tasks at about 20 % less per vCPU-hour (priced in).',
            },
          }),
  },
  {
    id: 'task-too-large',
    label: 'task larger than Fargate',
    trigger: `a task larger than the largest valid Fargate size (${FARGATE_MAX.cpu} vCPU / ${FARGATE_MAX.memoryGiB} GiB; EKS Fargate adds 256 MiB first), as the pricing model reports it`,
    effects: { [F]: 'blocker', [K]: 'blocker' },
    reason: `No Fargate size holds this task (the largest is ${FARGATE_MAX.cpu} vCPU with ${FARGATE_MAX.memoryGiB} GiB).`,
    source: 'domain-facts 1.1, 1.15; pricing model',
    evaluate: ({ traits, pricing }) => {
      const tooBig = (variant: OptionSpec['orchestrator']) =>
        traits.tasks
          .filter((t) => fargateSize(t.cpu, t.memoryGiB, variant) === null)
          .map((t) => `${t.name} (${t.cpu} vCPU, ${t.memoryGiB} GiB)`);
      const fromPricing = (id: OptionId) => pricing[id]?.blockers.find((b) => b.rule === 'task-too-large')?.text;
      const effects: Effects = {};
      const texts: Partial<Record<OptionId, string>> = {};
      for (const id of [F, K] as const) {
        const mine = tooBig(OPTIONS[id].orchestrator);
        const theirs = fromPricing(id);
        if (mine.length === 0 && theirs === undefined) continue;
        effects[id] = 'blocker';
        texts[id] =
          theirs ??
          `No ${optionName(id)} size holds ${list(mine)}; the largest is ${FARGATE_MAX.cpu} vCPU with ${FARGATE_MAX.memoryGiB} GiB.`;
      }
      return Object.keys(effects).length === 0
        ? skip('every task fits a Fargate size')
        : fire(`too large for: ${Object.keys(effects).join(', ')}`, { effects, texts });
    },
  },
  {
    id: 'region-unavailable',
    label: 'Region',
    trigger: 'region is an AWS GovCloud (US) Region',
    effects: { [K]: 'blocker' },
    reason: 'EKS Fargate is not available in AWS GovCloud (US); ECS Fargate is, with a FIPS-140 mode.',
    source: 'domain-facts 1.20',
    evaluate: ({ workload, traits }) =>
      traits.govCloud ? fire(`region ${workload.region} is GovCloud`) : skip(`region ${workload.region} is not GovCloud`),
  },
];

// ---------------------------------------------------------------------------------------------------
// Scoring rules: points for or against.
// ---------------------------------------------------------------------------------------------------

const isolationAndPlatform: Rule[] = [
  {
    id: 'per-task-isolation',
    label: 'per-task isolation',
    trigger: 'requirements.isolation is per-task',
    effects: { [F]: 12, [K]: 12, [E]: -8, [M]: -8, [I]: -8, [A]: -8 },
    reason:
      'Every Fargate task or pod has its own VM boundary (no shared kernel, CPU, memory or ENI); on EC2-backed options tasks share the node kernel.',
    source: 'domain-facts 8.3, 8.4',
    evaluate: ({ workload }) =>
      workload.requirements.isolation === 'per-task'
        ? fire('requirements.isolation is per-task', {
            texts: {
              [F]: 'Each task runs in its own VM boundary (no shared kernel, CPU, memory or ENI): per-task isolation comes built in.',
              [K]: 'Each pod runs on its own Fargate node with its own kernel: per-pod isolation comes built in.',
              [E]: 'Tasks share the instance kernel; per-task isolation would need one task per instance.',
              [M]: 'Pods share the node kernel; per-pod isolation would need one pod per node or a sandboxed runtime you operate.',
              [I]: 'Several tasks share one AWS-managed instance and its kernel.',
              [A]: 'Pods share the node kernel, even on hardened Auto Mode nodes.',
            },
          })
        : skip('requirements.isolation is shared'),
  },
  {
    id: 'sidecar-daemons',
    label: 'daemons as sidecars',
    trigger: 'daemons without host access (they would run as a sidecar in every Fargate task)',
    effects: { [F]: -3, [K]: -3 },
    reason: 'On Fargate a per-host agent becomes a sidecar in every task: more to configure, and a bigger billed size (priced in).',
    source: 'domain-facts 1.11, 1.16, 12.3; SPEC §4',
    evaluate: ({ traits }) =>
      traits.sidecarDaemons.length === 0
        ? skip('no daemons without host access')
        : fire(`daemons: ${list(traits.sidecarDaemons)}`, {
            texts: {
              [F]: `${list(traits.sidecarDaemons)} must run as a sidecar in every task (no DAEMON strategy on Fargate).`,
              [K]: `${list(traits.sidecarDaemons)} must run as a sidecar in every pod (no DaemonSets on EKS Fargate).`,
            },
          }),
  },
  {
    id: 'host-agent-auto-mode',
    label: 'host agents on locked-down nodes',
    trigger: 'a daemon needs host access and EKS Auto Mode is considered',
    effects: { [A]: -3 },
    reason:
      'Auto Mode nodes are locked down (SELinux enforcing, read-only root filesystem, no SSH or SSM): check that the agent supports Auto Mode.',
    source: 'domain-facts 0.4, 8.8',
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
    label: 'managed GPU capacity',
    trigger: 'any service or job asks for GPUs',
    effects: { [I]: 6, [A]: 6, [E]: 3, [M]: 3 },
    reason:
      'GPU capacity is easier where AWS runs the GPU nodes (Managed Instances, Auto Mode) than where you run GPU AMIs, drivers and device plugins.',
    source: 'domain-facts 0.1, 0.4, 1.23, 12.6',
    evaluate: ({ traits }) =>
      traits.gpuTasks.length === 0
        ? skip('no task asks for GPUs')
        : fire(`GPU tasks: ${list(traits.gpuTasks)}`, {
            texts: {
              [I]: 'AWS provisions, scales and patches the GPU instances; this is where AWS sent the "GPU on Fargate" request.',
              [A]: 'Auto Mode runs the GPU plugins and adds GPU nodes straight from pending pods.',
              [E]: 'Runs GPU instances, but you own the GPU-optimised AMIs, drivers and capacity provider.',
              [M]: 'Runs GPU node groups, but you own the GPU AMIs, the NVIDIA device plugin and node scaling.',
            },
          }),
  },
  {
    id: 'no-platform-team',
    label: 'no platform engineers',
    trigger: 'team.platformEngineers is 0',
    effects: { [F]: 6, [I]: 2, [E]: -8, [M]: -10, [K]: -4, [A]: -4 },
    reason: 'With nobody dedicated to the platform, every host, node group and cluster upgrade is extra work for product engineers.',
    source: 'domain-facts 9.2 (EKS upkeep about 20–40 % of one engineer), 5.1, 5.5, 10.2',
    evaluate: ({ workload }) =>
      workload.team.platformEngineers === 0
        ? fire('team.platformEngineers is 0', {
            texts: {
              [F]: 'No hosts, AMIs or cluster capacity to run: the right amount of platform for a team with no platform engineers.',
              [I]: 'AWS provisions, scales and patches the instances, so there is little host work for a team with no platform engineers.',
              [E]: 'Nobody owns the Auto Scaling groups, AMI patching and capacity providers.',
              [M]: 'Nobody owns node groups, add-ons and a Kubernetes minor upgrade every ~4 months (EKS upkeep is about 20–40 % of one engineer).',
              [K]: 'Nobody owns the cluster: control-plane upgrades, add-ons and Fargate profiles still need care.',
              [A]: 'Nobody owns the cluster: AWS runs the nodes, but control-plane upgrades and Kubernetes itself remain yours.',
            },
          })
        : skip(`team.platformEngineers is ${workload.team.platformEngineers}`),
  },
  {
    id: 'small-platform-team',
    label: 'a small platform team',
    trigger: 'team.platformEngineers is 1 or 2',
    effects: { [E]: 2, [M]: 2, [A]: 2 },
    reason: 'One or two platform engineers can own instances or a cluster, though not much custom platform on top.',
    source: 'domain-facts 9.2',
    evaluate: ({ workload }) => {
      const n = workload.team.platformEngineers;
      return n >= 1 && n <= 2 ? fire(`team.platformEngineers is ${n}`) : skip(`team.platformEngineers is ${n}`);
    },
  },
  {
    id: 'platform-team',
    label: 'a dedicated platform team',
    trigger: 'team.platformEngineers is 3 or more',
    effects: { [E]: 4, [M]: 8, [A]: 4, [K]: 2 },
    reason: 'A dedicated platform team can own node groups, add-ons and upgrades, and get the control that EC2-backed clusters give.',
    source: 'domain-facts 9.2, 9.4; case studies lyft, robinhood',
    evaluate: ({ workload }) => {
      const n = workload.team.platformEngineers;
      return n >= 3 ? fire(`team.platformEngineers is ${n}`) : skip(`team.platformEngineers is ${n}`);
    },
  },
  {
    id: 'small-team',
    label: 'small team',
    trigger: 'team.engineers is below 10',
    effects: { [F]: 6, [E]: -2, [M]: -6, [K]: -4, [A]: -4 },
    reason:
      "AWS's startup guidance suggests EKS only for teams above 10–15 engineers; a small team gets most from the fewest moving parts.",
    source: 'domain-facts 9.2',
    evaluate: ({ workload }) =>
      workload.team.engineers < 10
        ? fire(`team.engineers is ${workload.team.engineers}`, {
            texts: {
              [F]: `A team of ${workload.team.engineers} gets the fewest moving parts: task definitions and services only.`,
              [E]: `A team of ${workload.team.engineers} also has to run the instances.`,
              [M]: `AWS's startup guidance suggests EKS only above 10–15 engineers; this team has ${workload.team.engineers}.`,
              [K]: `AWS's startup guidance suggests EKS only above 10–15 engineers; this team has ${workload.team.engineers}.`,
              [A]: `AWS's startup guidance suggests EKS only above 10–15 engineers; this team has ${workload.team.engineers}.`,
            },
          })
        : skip(`team.engineers is ${workload.team.engineers}`),
  },
  {
    id: 'large-team',
    label: 'a large engineering team',
    trigger: 'team.engineers is 15 or more',
    effects: { [M]: 2, [A]: 2 },
    reason: 'A larger organisation can spread Kubernetes knowledge and share one platform across many teams.',
    source: 'domain-facts 9.2',
    evaluate: ({ workload }) =>
      workload.team.engineers >= 15
        ? fire(`team.engineers is ${workload.team.engineers}`)
        : skip(`team.engineers is ${workload.team.engineers}`),
  },
  {
    id: 'eks-upgrade-cadence',
    label: 'Kubernetes upgrade cadence',
    trigger: 'always, for the EKS options',
    effects: { [M]: -3, [A]: -2, [K]: -2 },
    reason:
      'A Kubernetes minor about every 4 months, 14 months of standard support, and upgrades that go one minor at a time and cannot be undone.',
    source: 'domain-facts 5.1, 5.3, 5.5',
    evaluate: ({ workload }) =>
      fire(`EKS options always carry version upgrades (${plural(workload.cost.clusters, 'cluster')})`, {
        texts: {
          [M]: `A Kubernetes minor about every 4 months, one-way upgrades of control plane, add-ons and node groups, across ${plural(workload.cost.clusters, 'cluster')}.`,
          [A]: `A Kubernetes minor about every 4 months and one-way control-plane upgrades across ${plural(workload.cost.clusters, 'cluster')}; AWS rolls the nodes.`,
          [K]: `A Kubernetes minor about every 4 months, one-way control-plane upgrades, then a restart of every Fargate pod, across ${plural(workload.cost.clusters, 'cluster')}.`,
        },
      }),
  },
];

const kubernetes: Rule[] = [
  {
    id: 'kubernetes-none',
    label: 'no Kubernetes experience',
    trigger: 'team.kubernetes is none',
    effects: { [F]: 4, [E]: 3, [I]: 3, [M]: -8, [A]: -6, [K]: -6 },
    reason: "ECS is built for simplicity; AWS's own guidance is not to suggest EKS to a team that does not want Kubernetes.",
    source: 'domain-facts 9.2, 9.4, 12.1',
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
    label: 'some Kubernetes experience',
    trigger: 'team.kubernetes is some',
    effects: { [M]: 3, [A]: 3, [K]: 3 },
    reason: 'Some Kubernetes experience lowers the cost of running EKS.',
    source: 'domain-facts 9.4, 12.1',
    evaluate: ({ workload }) =>
      workload.team.kubernetes === 'some' ? fire('team.kubernetes is some') : skip(`team.kubernetes is ${workload.team.kubernetes}`),
  },
  {
    id: 'kubernetes-expert',
    label: 'Kubernetes expertise',
    trigger: 'team.kubernetes is expert',
    effects: { [M]: 8, [A]: 6, [K]: 4 },
    reason: 'A team of Kubernetes experts gets the most from EKS, and most from the node-level control of managed node groups.',
    source: 'domain-facts 9.2, 9.4',
    evaluate: ({ workload }) =>
      workload.team.kubernetes === 'expert' ? fire('team.kubernetes is expert') : skip(`team.kubernetes is ${workload.team.kubernetes}`),
  },
  {
    id: 'kubernetes-ecosystem-some',
    label: 'Kubernetes tools in use',
    trigger: 'team.kubernetesEcosystem is some',
    effects: { [M]: 4, [A]: 4, [K]: 2 },
    reason: 'Helm charts or operators already in use carry over to EKS.',
    source: 'domain-facts 9.1, 9.4',
    evaluate: ({ workload }) =>
      workload.team.kubernetesEcosystem === 'some'
        ? fire('team.kubernetesEcosystem is some')
        : skip(`team.kubernetesEcosystem is ${workload.team.kubernetesEcosystem}`),
  },
  {
    id: 'kubernetes-ecosystem-central',
    label: 'a Kubernetes ecosystem at the centre',
    trigger: 'team.kubernetesEcosystem is central',
    effects: { [M]: 10, [A]: 8, [K]: 4, [F]: -6, [E]: -6, [I]: -6 },
    reason: 'Helm charts, operators and a mesh at the centre of the platform run on EKS only; ECS would mean rebuilding them.',
    source: 'domain-facts 9.1, 9.4, 12.3',
    evaluate: ({ workload }) =>
      workload.team.kubernetesEcosystem === 'central'
        ? fire('team.kubernetesEcosystem is central', {
            texts: {
              [M]: 'Helm charts, operators and the mesh run as they are, DaemonSets and node access included.',
              [A]: 'Helm charts, operators and the mesh run as they are on AWS-managed nodes.',
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
    label: 'portability required',
    trigger: 'requirements.portability is required (the same manifests must run off AWS)',
    effects: { [M]: 12, [A]: 8, [K]: 6, [F]: -12, [E]: -12, [I]: -12 },
    reason:
      'Portability across clouds is the usual reason teams choose EKS: Kubernetes manifests run elsewhere, ECS task definitions do not.',
    source: 'domain-facts 9.4, 12.1',
    evaluate: ({ workload }) =>
      workload.requirements.portability === 'required'
        ? fire('requirements.portability is required', { texts: portabilityTexts })
        : skip(`requirements.portability is ${workload.requirements.portability}`),
  },
  {
    id: 'portability-preferred',
    label: 'portability preferred',
    trigger: 'requirements.portability is preferred',
    effects: { [M]: 6, [A]: 4, [K]: 3, [F]: -6, [E]: -6, [I]: -6 },
    reason: 'Portability is preferred: Kubernetes manifests travel, ECS task definitions do not.',
    source: 'domain-facts 9.4, 12.1',
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

const compliance: Rule[] = [
  ...(['soc2', 'iso27001'] as const).map((regime): Rule => ({
    id: `compliance-${regime}`,
    label: regime === 'soc2' ? 'SOC 2' : 'ISO 27001',
    trigger: `requirements.compliance includes ${regime}`,
    effects: {},
    reason: `ECS, EKS and Fargate are all in scope for ${regime === 'soc2' ? 'SOC 1/2/3' : 'ISO 27001/27017/27018'}, so it does not separate the options.`,
    source: 'domain-facts 8.1',
    evaluate: ({ workload }) =>
      workload.requirements.compliance.includes(regime)
        ? fire(`${regime} requested; every option is in scope, no points`)
        : skip(`${regime} not requested`),
  })),
  ...(['pci', 'hipaa'] as const).map((regime): Rule => ({
    id: `compliance-${regime}`,
    label: regime === 'pci' ? 'PCI DSS' : 'HIPAA',
    trigger: `requirements.compliance includes ${regime}`,
    effects: { [F]: 2, [K]: 2, [I]: 2, [A]: 2 },
    reason: `All options are in scope for ${regime === 'pci' ? 'PCI DSS Level 1' : 'HIPAA (with a BAA)'}; where AWS patches the hosts, the host-hardening part of the audit is AWS's.`,
    source: `domain-facts 8.1${regime === 'hipaa' ? ', 8.2' : ''}, 1.21, 0.1, 8.8`,
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
    label: 'FedRAMP',
    trigger: 'requirements.compliance includes fedramp',
    effects: { [K]: -6, [F]: 0, [I]: 0, [A]: 0 },
    reason:
      'FedRAMP workloads often live in GovCloud, where EKS Fargate is unavailable; ECS Fargate’s FedRAMP scope is a low-confidence item to confirm.',
    source: 'domain-facts 8.1, 1.20, 14 (low confidence); aws.amazon.com/compliance/services-in-scope',
    evaluate: ({ workload }) =>
      workload.requirements.compliance.includes('fedramp')
        ? fire('fedramp requested', {
            texts: {
              [K]: 'EKS Fargate is not available in AWS GovCloud (US), where FedRAMP High workloads usually run.',
              [F]: 'Confirm FedRAMP scope for ECS Fargate on services-in-scope: an older EKS best-practices table says no, a 2026 GovCloud guide says FedRAMP High (no points either way).',
              [I]: 'A newer offering: confirm its FedRAMP authorisation on services-in-scope (no points either way).',
              [A]: 'A newer offering: confirm its FedRAMP authorisation on services-in-scope (no points either way).',
            },
          })
        : skip('fedramp not requested'),
  },
];

// ---------------------------------------------------------------------------------------------------
// Scale, burstiness, cold start, Spot.
// ---------------------------------------------------------------------------------------------------

/** Realistic scale-out seconds for one option (see SCALE_OUT_MODEL): how its capacity arrives, then the pull. */
export function scaleOutSeconds(option: OptionId, imageMB: number): number {
  return Math.round(SCALE_OUT_MODEL.baseSeconds[OPTIONS[option].scaleOut] + imageMB / SCALE_OUT_MODEL.pullMBps);
}

const ALL: readonly OptionId[] = ALL_OPTIONS.map((o) => o.id);

const scale: Rule[] = [
  {
    id: 'bursty',
    label: 'bursty traffic',
    trigger: 'a service peaks at 2× its baseline or more (or starts from zero), or there are jobs',
    effects: { [F]: 6, [K]: 4, [I]: 3, [A]: 3, [E]: -2, [M]: -2 },
    reason: 'Bursty load favours paying per task-second over keeping capacity for the peak and tuning how it scales.',
    source: 'domain-facts 1.7, 10.1, 10.3, 2.8',
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
          [F]: `${capitalise(what)}: Fargate bills per task-second, and there is no cluster capacity to scale.`,
          [K]: `${capitalise(what)}: EKS Fargate bills per pod-second with no nodes to scale.`,
          [I]: `${capitalise(what)}: AWS adds and removes the instances.`,
          [A]: `${capitalise(what)}: Auto Mode adds and removes nodes from pending pods.`,
          [E]: `${capitalise(what)}: you tune managed scaling, whose default target capacity is 100 (no spare room for the next burst).`,
          [M]: `${capitalise(what)}: Cluster Autoscaler or Karpenter must add nodes for every peak, and you run it.`,
        },
      });
    },
  },
  {
    id: 'batch-jobs',
    label: 'batch jobs',
    trigger: 'the workload has jobs',
    effects: { [F]: 4, [K]: -2 },
    reason:
      "AWS's guidance puts batch and cron work on ECS Fargate; EKS Fargate keeps finished Job pods (and their bill) until they are cleaned up.",
    source: 'domain-facts 9.2, 9.3, 1.21',
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
    label: 'scale-out time',
    trigger: 'the workload scales out (peaks or jobs) and an option’s realistic scale-out time exceeds requirements.coldStartSeconds',
    effects: {},
    effectNote:
      '−4 when the estimate exceeds coldStartSeconds, −8 when it exceeds twice that; estimates: ECS Fargate 35 s, EKS Fargate 45 s, Auto Mode 60 s, new EC2 instances 180 s, each plus image MB ÷ 15 MB/s',
    reason: 'New capacity has to arrive within the cold-start tolerance; image size dominates start time.',
    source: 'domain-facts 2.1–2.5, 2.8, 13 (S1–S3)',
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
    label: 'Fargate launch rate',
    trigger:
      'a scale-out starts more tasks than the Fargate launch burst (100 per account and Region; 20 for EKS-only accounts), refilled at 20 per second',
    effects: { [F]: -2, [K]: -2 },
    effectNote: '−2 when the launch queue stays within coldStartSeconds, −6 when the queue alone exceeds it',
    reason: 'Fargate launches are rate-limited per account and Region: a burst of 100, then 20 per second, shared by ECS and EKS.',
    source: 'domain-facts 1.5, 2.2, 9.3',
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
    id: 'small-fleet',
    label: 'a handful of tasks',
    trigger: 'at most 10 tasks at peak',
    effects: { [F]: 4, [E]: -3, [M]: -3 },
    reason:
      'A handful of tasks cannot keep instances well packed (below about 55–70 % packing EC2 loses to Fargate), and the instances still need patching.',
    source: 'domain-facts 11.2, 13 (S4)',
    evaluate: ({ traits }) =>
      traits.peakTasks <= 10 ? fire(`${plural(traits.peakTasks, 'task')} at peak`) : skip(`${plural(traits.peakTasks, 'task')} at peak`),
  },
  {
    id: 'spot-tolerant',
    label: 'Spot tolerance',
    trigger: 'requirements.interruptible is true',
    effects: { [F]: 3, [E]: 3, [M]: 3, [A]: 3, [I]: 2, [K]: -3 },
    reason: 'Interruptible work can run on Spot with a 2-minute notice; EKS has no Fargate Spot.',
    source: 'domain-facts 7.1, 7.3, 7.7, 1.16, 0.1',
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
          [A]: 'Karpenter-based Auto Mode handles Spot interruption notices and replaces nodes early.',
          [I]: 'Managed Instances can run on Spot.',
          [K]: 'EKS has no Fargate Spot: interruptible work pays the on-demand Fargate rate.',
        },
      });
    },
  },
  {
    id: 'eks-fargate-rounding',
    label: 'EKS Fargate size rounding',
    trigger: 'a task that EKS Fargate rounds up to a larger vCPU size once it adds 256 MiB',
    effects: { [K]: -2 },
    reason: 'EKS Fargate adds 256 MiB to every pod and rounds up: a pod asking for 1 vCPU and 8 GiB is billed as 2 vCPU and 9 GiB.',
    source: 'domain-facts 1.15',
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
          [K]: `With the 256 MiB overhead, ${t.name} (${t.cpu} vCPU, ${t.memoryGiB} GiB) is billed as ${size.cpu} vCPU, ${size.memoryGiB} GiB${bumped.length > 1 ? `, and ${bumped.length - 1} more task(s) round up too` : ''} (priced in).`,
        },
      });
    },
  },
  {
    id: 'public-subnets',
    label: 'public subnets',
    trigger: 'network.privateSubnets is false',
    effects: { [K]: -4 },
    reason: 'EKS Fargate pods run only in private subnets (egress through NAT), so public-subnet designs need new subnets.',
    source: 'domain-facts 1.16, 1.18',
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

/** The cost rule: computed by the engine from the pricing model, after the blockers are known. */
export const COST_RULE = {
  id: 'cost',
  label: 'monthly cost',
  trigger: 'always, among the eligible options with a price',
  effects: {} as Effects,
  effectNote:
    '+12 for the cheapest eligible option; others get 12 − 40 × premium (clamped to −12…+12), where premium = (cost − cheapest) ÷ max(cheapest, $500): differences on small bills are measured against $500/month',
  reason: 'Cost is one contribution among the others: the cheapest eligible option gets the most points.',
  source: 'pricing model (SPEC §4); domain-facts 11.1–11.4',
} as const;

export const COST_POINTS = { max: 12, slope: 40, floorDollars: 500 } as const;

/** Every rule, in evaluation order (the cost rule is appended by the engine). */
export const SCORING_RULES: readonly Rule[] = [...blockers, ...isolationAndPlatform, ...kubernetes, ...compliance, ...scale];
