/**
 * The one catalog of the six options: what each is, who runs what, how it scales out and bills. Every
 * stage that needs a fact about an option reads it here instead of switching on its id, so adding a
 * seventh option is one entry here plus its rules.
 */
import { OPTION_IDS, type OptionId } from '../schema/enums.js';
import type { Ec2OptionFacts } from './capacity.js';

export type Orchestrator = 'ecs' | 'eks';
export type Compute = 'fargate' | 'ec2';
/** The per-instance fee AWS adds on top of EC2 for the options where it runs the nodes. */
export type ManagementFee = 'none' | 'auto-mode' | 'managed-instances';
/**
 * How new capacity arrives during a scale-out: a Fargate task, a Fargate pod (a node per pod), a node
 * launched straight from pending pods (Karpenter-based), or a new instance behind an autoscaler.
 */
export type ScaleOutModel = 'fargate-task' | 'fargate-pod' | 'pending-pod-node' | 'new-instance';

export interface OptionSpec {
  readonly id: OptionId;
  readonly name: string;
  /** The name where a column must fit 80 columns (the terminal's options matrix); most are the name. */
  readonly shortName: string;
  readonly orchestrator: Orchestrator;
  readonly compute: Compute;
  /** Who runs the hosts: nobody you can see (Fargate), you, or AWS on EC2 instances in your account. */
  readonly nodesRunBy: 'aws' | 'you';
  readonly managementFee: ManagementFee;
  /** For EC2-backed options: the Fargate option of the same orchestrator (the break-even comparison). */
  readonly fargateCounterpart: OptionId | null;
  /** Fargate Spot (ECS only). */
  readonly fargateSpot: boolean;
  /** What a team operates day to day with this option. */
  readonly operates: readonly string[];
  readonly scaleOut: ScaleOutModel;
  /** A way to cut the scale-out wait that is specific to this option, when there is one. */
  readonly scaleOutHint: string | null;
  /** How the pricing model's sizing names the launch type. */
  readonly launchLabel: string;
  /** The four options that always appear in the output. */
  readonly core: boolean;
  /** For EC2-backed options: how nodes offer capacity, what they bill besides instances, how they scale in. */
  readonly ec2: Ec2OptionFacts | null;
}

export const OPTIONS: Readonly<Record<OptionId, OptionSpec>> = {
  'ecs-fargate': {
    id: 'ecs-fargate',
    name: 'ECS on Fargate',
    shortName: 'ECS on Fargate',
    orchestrator: 'ecs',
    compute: 'fargate',
    nodesRunBy: 'aws',
    managementFee: 'none',
    fargateCounterpart: null,
    fargateSpot: true,
    operates: [
      'task definitions and services',
      'task and task-execution IAM roles',
      'service auto scaling policies',
      'subnets and security groups (one ENI and IP per task)',
    ],
    scaleOut: 'fargate-task',
    scaleOutHint: null,
    launchLabel: 'ECS on Fargate',
    core: true,
    ec2: null,
  },
  'ecs-ec2': {
    id: 'ecs-ec2',
    name: 'ECS on EC2',
    shortName: 'ECS on EC2',
    orchestrator: 'ecs',
    compute: 'ec2',
    nodesRunBy: 'you',
    managementFee: 'none',
    fargateCounterpart: 'ecs-fargate',
    fargateSpot: false,
    operates: [
      'task definitions and services',
      'EC2 Auto Scaling groups and launch templates',
      'ECS-optimised AMIs, their patching and the ECS agent',
      'capacity providers with managed scaling (target capacity 100 by default)',
      'instance IAM role, ENI trunking and placement strategies',
    ],
    scaleOut: 'new-instance',
    scaleOutHint: 'spare capacity (target capacity below 100) or a warm pool avoids the wait',
    launchLabel: 'ECS on EC2',
    core: true,
    ec2: {
      nodeCapacity: 'ecs',
      maxPods: 'eni',
      systemPods: false,
      minNodesPerCluster: { value: 0, unit: 'nodes', sources: ['ecs-cluster-auto-scaling'] },
      rootVolume: {
        value: { linuxGiB: 30, windowsGiB: 50, volumeType: 'gp3' },
        unit: 'GiB per node',
        sources: ['ecs-ami-root-volume'],
        estimate:
          'the ECS-optimised Linux AMI has a 30 GiB gp3 root volume; 50 GiB for Windows nodes is the EKS Windows default, assumed here',
      },
      scaleIn: {
        value: 900,
        unit: 'seconds',
        autoscaler: 'ECS managed scaling',
        sources: ['ecs-cluster-auto-scaling'],
      },
      instanceRules: 'any',
    },
  },
  'eks-managed-nodes': {
    id: 'eks-managed-nodes',
    name: 'EKS with managed node groups',
    shortName: 'EKS managed nodes',
    orchestrator: 'eks',
    compute: 'ec2',
    nodesRunBy: 'you',
    managementFee: 'none',
    fargateCounterpart: 'eks-fargate',
    fargateSpot: false,
    operates: [
      'Kubernetes manifests and Helm charts',
      'control-plane upgrades (one minor at a time, every ~4 months)',
      'managed node groups, their AMIs and rolling updates',
      'add-ons: VPC CNI, CoreDNS, kube-proxy, EBS CSI driver, load balancer controller',
      'node autoscaling (Cluster Autoscaler or Karpenter)',
      'workload identity (Pod Identity or IRSA) and control-plane logging',
    ],
    scaleOut: 'new-instance',
    scaleOutHint: 'overprovisioning placeholder pods avoid the wait, at a price',
    launchLabel: 'EKS managed node groups (EC2)',
    core: true,
    ec2: {
      nodeCapacity: 'eks',
      maxPods: 'prefix-optional',
      systemPods: true,
      minNodesPerCluster: { value: 0, unit: 'nodes', sources: ['eks-coredns'] },
      rootVolume: {
        value: { linuxGiB: 20, windowsGiB: 50, volumeType: 'gp2' },
        unit: 'GiB per node',
        sources: ['eks-nodegroup-disk-size', 'containers-roadmap-1417'],
      },
      scaleIn: {
        value: 600,
        unit: 'seconds',
        autoscaler: 'Cluster Autoscaler',
        sources: ['eks-bpg-cluster-autoscaler'],
      },
      instanceRules: 'any',
    },
  },
  'eks-fargate': {
    id: 'eks-fargate',
    name: 'EKS on Fargate',
    shortName: 'EKS on Fargate',
    orchestrator: 'eks',
    compute: 'fargate',
    nodesRunBy: 'aws',
    managementFee: 'none',
    fargateCounterpart: null,
    fargateSpot: false,
    operates: [
      'Kubernetes manifests and Helm charts',
      'Fargate profiles (namespace and label selectors)',
      'control-plane upgrades, then a restart of every Fargate pod',
      'add-ons such as CoreDNS and the load balancer controller (IP targets only)',
      'IRSA for every workload (no Pod Identity on Fargate)',
      'sidecars instead of DaemonSets',
    ],
    scaleOut: 'fargate-pod',
    scaleOutHint: null,
    launchLabel: 'EKS on Fargate (one pod per Fargate node)',
    core: true,
    ec2: null,
  },
  'ecs-managed-instances': {
    id: 'ecs-managed-instances',
    name: 'ECS Managed Instances',
    shortName: 'ECS Managed Instances',
    orchestrator: 'ecs',
    compute: 'ec2',
    nodesRunBy: 'aws',
    managementFee: 'managed-instances',
    fargateCounterpart: 'ecs-fargate',
    fargateSpot: false,
    operates: [
      'task definitions and services',
      'Managed Instances capacity providers (instance requirements, On-Demand or Spot)',
      'Managed Daemons for per-host agents',
      'AWS provisions, scales and patches the instances',
    ],
    scaleOut: 'new-instance',
    scaleOutHint: null,
    launchLabel: 'ECS Managed Instances (AWS-managed EC2)',
    core: false,
    ec2: {
      nodeCapacity: 'ecs',
      maxPods: 'eni',
      systemPods: false,
      minNodesPerCluster: { value: 0, unit: 'nodes', sources: ['ecs-mi-infrastructure-optimization'] },
      rootVolume: {
        value: { linuxGiB: 30, windowsGiB: 30, volumeType: 'gp3' },
        unit: 'GiB per node',
        sources: ['ecs-ami-root-volume'],
        estimate: 'AWS states no default storage size for Managed Instances; the ECS-optimised AMI’s 30 GiB gp3 is assumed',
      },
      scaleIn: {
        value: 300,
        unit: 'seconds',
        autoscaler: 'Managed Instances infrastructure optimisation',
        sources: ['ecs-mi-infrastructure-optimization'],
        estimate: 'scaleInAfter can be 0–3600 s; AWS does not state the default, 5 minutes is assumed',
      },
      instanceRules: 'any',
    },
  },
  'eks-auto-mode': {
    id: 'eks-auto-mode',
    name: 'EKS Auto Mode',
    shortName: 'EKS Auto Mode',
    orchestrator: 'eks',
    compute: 'ec2',
    nodesRunBy: 'aws',
    managementFee: 'auto-mode',
    fargateCounterpart: 'eks-fargate',
    fargateSpot: false,
    operates: [
      'Kubernetes manifests and Helm charts',
      'control-plane upgrades (one minor at a time)',
      'NodePools and NodeClasses (Karpenter-based)',
      'AWS runs node scaling, pod networking, load balancers, EBS CSI and GPU plugins; nodes are replaced within 21 days',
    ],
    scaleOut: 'pending-pod-node',
    scaleOutHint: null,
    launchLabel: 'EKS Auto Mode (Karpenter-managed EC2 nodes)',
    core: false,
    ec2: {
      nodeCapacity: 'eks',
      maxPods: 'prefix',
      systemPods: false,
      minNodesPerCluster: {
        value: 1,
        unit: 'nodes',
        sources: ['eks-automode'],
        estimate:
          'Auto Mode scales nodes to what pods need; a cluster in use keeps at least one node for its controllers and add-ons (an assumption)',
      },
      rootVolume: {
        value: { linuxGiB: 80, windowsGiB: 80, volumeType: 'gp3' },
        unit: 'GiB per node',
        sources: ['eks-auto-node-class'],
      },
      scaleIn: {
        value: 60,
        unit: 'seconds',
        autoscaler: 'Auto Mode consolidation',
        sources: ['eks-auto-node-pool'],
        estimate: 'Auto Mode consolidates empty and underused nodes; AWS does not state its consolidateAfter, one minute is assumed',
      },
      instanceRules: 'auto-mode',
    },
  },
};

/** Every option, in the catalog's fixed order. */
export const ALL_OPTIONS: readonly OptionSpec[] = OPTION_IDS.map((id) => OPTIONS[id]);

/** The ids of the options that satisfy `test`, in catalog order. */
export function optionIds(test: (o: OptionSpec) => boolean): OptionId[] {
  return ALL_OPTIONS.filter(test).map((o) => o.id);
}

export const optionName = (id: OptionId): string => OPTIONS[id].name;
