/**
 * Blockers: the limits of what an option can run at all. A blocker makes the option ineligible; it is
 * never recommended, gets no score and no pitfalls. The limits themselves are data in the domain
 * (Fargate sizes and storage ceilings); the sources are the AWS pages that state them.
 */
import { FARGATE_MAX_STORAGE_GIB, fargateSize, largestFargateSize } from '../domain/fargate-sizes.js';
import { OPTIONS, optionName, type OptionSpec } from '../domain/options.js';
import { list } from '../domain/text.js';
import type { OptionId } from '../schema/enums.js';
import type { Effects, Rule, RuleOutcome } from './types.js';

const F = 'ecs-fargate';
const K = 'eks-fargate';
const I = 'ecs-managed-instances';
const A = 'eks-auto-mode';

export const fire = (why: string, extra: Omit<RuleOutcome, 'fired' | 'why'> = {}): RuleOutcome => ({ fired: true, why, ...extra });
export const skip = (why: string): RuleOutcome => ({ fired: false, why });

/** "needs" / "need" */
export const needs = (names: readonly unknown[]): string => (names.length === 1 ? 'needs' : 'need');

const ECS_MAX = largestFargateSize('ecs');
const EKS_MAX = largestFargateSize('eks');
const WINDOWS_MAX = largestFargateSize('ecs', 'windows');

export const BLOCKERS: readonly Rule[] = [
  {
    id: 'gpu',
    trait: 'gpus',
    label: 'GPU tasks',
    trigger: 'any service or job asks for GPUs (gpus > 0)',
    effects: { [F]: 'blocker', [K]: 'blocker' },
    reason: 'Fargate has no GPUs, on ECS or EKS; AWS points GPU work to ECS Managed Instances or EC2 instead.',
    sources: ['ecs-fargate-task-defs', 'eks-fargate', 'containers-roadmap-88'],
    evaluate: ({ traits }) =>
      traits.gpuTasks.length === 0
        ? skip('no task asks for GPUs')
        : fire(`GPU tasks: ${list(traits.gpuTasks)}`, {
            texts: {
              [F]: `Fargate has no GPUs, and ${list(traits.gpuTasks)} ${needs(traits.gpuTasks)} GPUs.`,
              [K]: `EKS Fargate has no GPUs, and ${list(traits.gpuTasks)} ${needs(traits.gpuTasks)} GPUs.`,
            },
          }),
  },
  {
    id: 'privileged',
    trait: 'privileged',
    label: 'privileged containers',
    trigger: 'requirements.privileged is true',
    effects: { [F]: 'blocker', [K]: 'blocker' },
    reason: 'Fargate runs no privileged containers (ECS Fargate adds only the SYS_PTRACE capability).',
    sources: ['ecs-fargate-task-defs', 'eks-fargate'],
    evaluate: ({ workload }) =>
      workload.requirements.privileged ? fire('requirements.privileged is true') : skip('no privileged containers'),
  },
  {
    id: 'host-daemons',
    trait: 'host-daemons',
    label: 'host-access daemons',
    trigger: 'a daemon has hostAccess: true (needs the host itself: privileged, host network or PID, node files)',
    effects: { [F]: 'blocker', [K]: 'blocker' },
    reason: 'Fargate has no hosts to run a per-host agent on: no DAEMON strategy on ECS Fargate, no DaemonSets on EKS Fargate.',
    sources: ['ecs-service-params', 'eks-fargate', 'containers-roadmap-971'],
    evaluate: ({ traits }) =>
      traits.hostDaemons.length === 0
        ? skip('no daemon needs host access')
        : fire(`host-access daemons: ${list(traits.hostDaemons)}`, {
            texts: {
              [F]: `${list(traits.hostDaemons)} ${needs(traits.hostDaemons)} the host, and Fargate gives no host access (no DAEMON strategy).`,
              [K]: `${list(traits.hostDaemons)} ${needs(traits.hostDaemons)} the host, and EKS Fargate runs no DaemonSets and gives no host access.`,
            },
          }),
  },
  {
    id: 'host-networking',
    trait: 'host-networking',
    label: 'host networking',
    trigger: 'requirements.hostNetworking is true',
    effects: { [F]: 'blocker', [K]: 'blocker' },
    reason:
      'Fargate supports only awsvpc networking; host networking, hostPort and hostNetwork are rejected (ECS Managed Instances support host mode).',
    sources: ['ecs-fargate-task-defs', 'eks-fargate', 'ecs-mi-network-config'],
    evaluate: ({ workload }) =>
      workload.requirements.hostNetworking ? fire('requirements.hostNetworking is true') : skip('no host networking needed'),
  },
  {
    id: 'block-storage',
    trait: 'block-storage',
    label: 'block storage',
    trigger: 'requirements.blockStorage is true (an EBS volume per task / a PersistentVolumeClaim)',
    effects: { [K]: 'blocker', [F]: 0 },
    reason: 'EKS Fargate cannot mount EBS volumes (EFS only, statically provisioned); ECS Fargate attaches one EBS volume per task.',
    sources: ['eks-fargate', 'containers-roadmap-1113', 'ecs-ebs-volumes'],
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
    trait: 'windows',
    label: 'Windows containers',
    trigger: 'any service or job has os: windows',
    effects: { [K]: 'blocker', [A]: 'blocker', [I]: 'blocker', [F]: 0 },
    reason:
      'EKS Fargate, EKS Auto Mode and ECS Managed Instances run Linux only; ECS Fargate, ECS on EC2 and EKS managed node groups run Windows.',
    sources: ['eks-fargate', 'eks-auto-mng', 'ecs-mi', 'batch-mi-job-definitions', 'eks-windows-support'],
    evaluate: ({ traits }) =>
      traits.windowsTasks.length === 0
        ? skip('all tasks run Linux')
        : fire(`Windows tasks: ${list(traits.windowsTasks)}`, {
            texts: {
              [K]: `EKS Fargate runs no Windows pods, and ${list(traits.windowsTasks)} run Windows.`,
              [A]: `EKS Auto Mode has no Windows nodes (only managed node groups do), and ${list(traits.windowsTasks)} run Windows.`,
              [I]: `ECS Managed Instances run Linux only (Bottlerocket), and ${list(traits.windowsTasks)} run Windows.`,
              [F]: `ECS Fargate runs Windows tasks (1–${WINDOWS_MAX.cpu} vCPU, no Fargate Spot, a per-vCPU licence fee that is priced in).`,
            },
          }),
  },
  {
    id: 'arm',
    trait: 'arm',
    label: 'Arm (Graviton) tasks',
    trigger: 'any service or job has arch: arm64',
    effects: { [K]: 'blocker', [F]: 0 },
    reason: 'EKS Fargate runs x86_64 only; ECS Fargate runs Graviton at about 20 % less per vCPU-hour.',
    sources: ['fargate-pricing', 'containers-roadmap-1629'],
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
    trait: 'task-size',
    label: 'task larger than Fargate',
    trigger: `a task larger than the largest Fargate size: ECS ${ECS_MAX.cpu} vCPU / ${ECS_MAX.memoryGiB} GiB (Linux; Windows ${WINDOWS_MAX.cpu} vCPU / ${WINDOWS_MAX.memoryGiB} GiB), EKS ${EKS_MAX.cpu} vCPU / ${EKS_MAX.memoryGiB} GiB after its 256 MiB`,
    effects: { [F]: 'blocker', [K]: 'blocker' },
    reason: `No Fargate size holds this task: ECS Fargate goes to ${ECS_MAX.cpu} vCPU with 60, 120 or ${ECS_MAX.memoryGiB} GB (Linux), EKS Fargate to ${EKS_MAX.cpu} vCPU with ${EKS_MAX.memoryGiB} GB.`,
    sources: ['ecs-fargate-sizes', 'cfn-lint-4668', 'eks-fargate-pod-config', 'containers-roadmap-2020'],
    evaluate: ({ traits, pricing }) => {
      const tooBig = (variant: OptionSpec['orchestrator']) =>
        traits.tasks
          .filter((t) => fargateSize(t.cpu, t.memoryGiB, variant, t.os) === null)
          .map((t) => `${t.name} (${t.cpu} vCPU, ${t.memoryGiB} GiB${t.os === 'windows' ? ', Windows' : ''})`);
      const fromPricing = (id: OptionId) => pricing[id]?.blockers.find((b) => b.rule === 'task-too-large')?.text;
      const effects: Effects = {};
      const texts: Partial<Record<OptionId, string>> = {};
      for (const id of [F, K] as const) {
        const mine = tooBig(OPTIONS[id].orchestrator);
        const theirs = fromPricing(id);
        if (mine.length === 0 && theirs === undefined) continue;
        const max = id === F ? ECS_MAX : EKS_MAX;
        effects[id] = 'blocker';
        texts[id] = theirs ?? `No ${optionName(id)} size holds ${list(mine)}; the largest is ${max.cpu} vCPU with ${max.memoryGiB} GiB.`;
      }
      return Object.keys(effects).length === 0
        ? skip('every task fits a Fargate size')
        : fire(`too large for: ${Object.keys(effects).join(', ')}`, { effects, texts });
    },
  },
  {
    id: 'storage-too-large',
    trait: 'task-storage',
    label: 'ephemeral storage beyond Fargate',
    trigger: `a task asks for more ephemeral storage than Fargate allows: ECS ${FARGATE_MAX_STORAGE_GIB.ecs} GiB, EKS ${FARGATE_MAX_STORAGE_GIB.eks} GiB`,
    effects: { [F]: 'blocker', [K]: 'blocker' },
    reason: `ECS Fargate tasks get at most ${FARGATE_MAX_STORAGE_GIB.ecs} GiB of ephemeral storage and EKS Fargate pods ${FARGATE_MAX_STORAGE_GIB.eks} GiB; EC2-backed nodes take any EBS volume.`,
    sources: ['ecs-fargate-storage', 'ecs-api-ephemeral-storage', 'eks-fargate-pod-config'],
    evaluate: ({ traits }) => {
      const effects: Effects = {};
      const texts: Partial<Record<OptionId, string>> = {};
      for (const id of [F, K] as const) {
        const max = FARGATE_MAX_STORAGE_GIB[OPTIONS[id].orchestrator];
        const over = traits.tasks.filter((t) => t.storageGiB > max);
        if (over.length === 0) continue;
        effects[id] = 'blocker';
        texts[id] =
          `${list(over.map((t) => `${t.name} (${t.storageGiB} GiB)`))} ${needs(over)} more ephemeral storage than ${optionName(id)} allows (${max} GiB); mount EFS or choose an EC2-backed option.`;
      }
      const largest = Math.max(0, ...traits.tasks.map((t) => t.storageGiB));
      return Object.keys(effects).length === 0
        ? skip(`the largest task asks for ${largest} GiB of storage, within both Fargate limits`)
        : fire(`a task asks for ${largest} GiB of storage`, { effects, texts });
    },
  },
  {
    id: 'region-unavailable',
    trait: 'region',
    label: 'Region',
    trigger: 'region is an AWS GovCloud (US) Region',
    effects: { [K]: 'blocker' },
    reason: 'EKS Fargate is not available in AWS GovCloud (US); ECS Fargate is, with a FIPS-140 mode.',
    sources: ['govcloud-eks', 'eks-fargate-pod-config', 'ecs-fips'],
    evaluate: ({ workload, traits }) =>
      traits.govCloud ? fire(`region ${workload.region} is GovCloud`) : skip(`region ${workload.region} is not GovCloud`),
  },
];
