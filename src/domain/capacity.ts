/**
 * Capacity facts the fleet model uses: how many zones a service spreads over, how long a node takes
 * to start and to be removed, what system pods and per-node add-ons take, root volumes, pod density.
 * Each fact names its sources; a value no source states exactly is marked as an estimate with why.
 */
import type { SourceId } from './sources.js';

export interface Fact<T = number> {
  readonly value: T;
  readonly unit: string;
  readonly sources: readonly SourceId[];
  /** Present when no source states the value exactly: what it rests on. */
  readonly estimate?: string;
}

const fact = <T>(value: T, unit: string, sources: readonly SourceId[], estimate?: string): Fact<T> =>
  estimate === undefined ? { value, unit, sources } : { value, unit, sources, estimate };

export const CAPACITY = {
  /** AWS spreads its own ECS services over at least three zones; EKS needs subnets in at least two. */
  defaultAvailabilityZones: fact(3, 'zones', ['ecs-availability-blog', 'eks-network-reqs']),
  /** From launch until the node takes tasks. */
  nodeStartSeconds: fact(
    120,
    'seconds',
    ['batch-when-to-use-fargate', 'kubefm-node-startup'],
    'AWS says a new EC2 instance "usually takes a few minutes"; measured EKS nodes take 30–65 s to be ready; 2 minutes is the model’s middle value',
  ),
  /** Image pull throughput while a task or node starts. */
  imagePullMBps: fact(
    15,
    'MB/s',
    ['elasticscale-soci', 'fargate-pull-behavior'],
    'no AWS figure; a measured 413 MB image took 53–62 s on ECS Fargate, about 7–15 MB/s end to end',
  ),
  /** ECS container instances: memory the OS and agent keep (ECS_RESERVED_MEMORY defaults to 0, so this is conservative). */
  ecsReservedMemory: fact(
    { osShare: 0.05, reservedMiB: 256 },
    'share of memory + MiB',
    ['ecs-container-instance-memory'],
    'the agent registers the memory the OS reports; 5 % + 256 MiB for the OS and agent is the model’s allowance',
  ),
  /** EKS AMIs reserve 11 MiB of memory per possible pod plus 255 MiB for the kubelet (kube-reserved). */
  eksKubeReservedMemory: fact({ perPodMiB: 11, baseMiB: 255 }, 'MiB', ['eks-ami-max-pods']),
  /** CoreDNS: two replicas per cluster by default, each requesting 100m CPU and 70 MiB. */
  coreDns: fact({ replicas: 2, cpuMillicores: 100, memoryMiB: 70 }, 'per cluster', ['eks-coredns', 'k8s-coredns-manifest']),
  /** Per-node add-ons on managed node groups: VPC CNI (aws-node and its node agent) and kube-proxy. */
  eksNodeAddons: fact(
    { cpuMillicores: 150, memoryMiB: 0 },
    'per node',
    ['vpc-cni-manifest'],
    'aws-node and the network-policy agent request 25m CPU each; kube-proxy’s 100m request is the usual EKS add-on value, not stated in a source read',
  ),
  /** The EBS CSI node plugin, on every node when block storage is used. */
  ebsCsiNode: fact({ cpuMillicores: 30, memoryMiB: 120 }, 'per node', ['ebs-csi-chart']),
  /** Max pods with VPC CNI prefix delegation: 110, or 250 on types with more than 30 vCPUs. */
  prefixDelegationMaxPods: fact({ small: 110, large: 250, largeAboveVcpu: 30 }, 'pods per node', [
    'eks-choosing-instance-type',
    'eks-bpg-prefix-mode',
  ]),
  /** EKS Auto Mode provisions /28 prefixes and caps pods per node at 110. */
  autoModeMaxPods: fact(110, 'pods per node', ['eks-auto-node-class', 'eks-auto-networking']),
  /** EKS Auto Mode only launches instances with more than 1 vCPU and not of nano, micro or small size. */
  autoModeInstances: fact({ minVcpuExclusive: 1, excludedSizes: ['nano', 'micro', 'small'] }, 'instance rules', ['eks-auto-instances']),
  /** An EKS cluster with Windows nodes needs Linux nodes for CoreDNS and other Linux-only system pods. */
  windowsNeedsLinuxNodes: fact(1, 'Linux node per cluster', ['eks-windows-support']),
} as const;

/** How a node offers capacity to tasks: the ECS agent's view, or the kubelet's allocatable. */
export type NodeCapacityModel = 'ecs' | 'eks';
/** Pods per node: the VPC CNI's ENI formula, prefix delegation when `cost.eks.prefixDelegation`, or always prefixes. */
export type MaxPodsPolicy = 'eni' | 'prefix-optional' | 'prefix';

/** What an EC2-backed option does to capacity, and what it bills besides instances. */
export interface Ec2OptionFacts {
  readonly nodeCapacity: NodeCapacityModel;
  readonly maxPods: MaxPodsPolicy;
  /** Managed node groups run CoreDNS and per-node add-ons as pods; Auto Mode runs them outside pods. */
  readonly systemPods: boolean;
  /** Nodes a cluster keeps even with nothing scheduled. */
  readonly minNodesPerCluster: Fact;
  /** The root (and data) volume per node, and its EBS type. */
  readonly rootVolume: Fact<{ linuxGiB: number; windowsGiB: number; volumeType: 'gp3' | 'gp2' }>;
  /** How long the autoscaler waits before removing a node nothing needs any more. */
  readonly scaleIn: Fact & { readonly autoscaler: string };
  /** Restrictions on the instance types the option launches (Auto Mode). */
  readonly instanceRules: 'any' | 'auto-mode';
}
