/** What a team operates day to day with each option (shown beside every option in the advice). */
import type { OptionId } from '../schema/enums.js';

export const OPERATES: Record<OptionId, readonly string[]> = {
  'ecs-fargate': [
    'task definitions and services',
    'task and task-execution IAM roles',
    'service auto scaling policies',
    'subnets and security groups (one ENI and IP per task)',
  ],
  'ecs-ec2': [
    'task definitions and services',
    'EC2 Auto Scaling groups and launch templates',
    'ECS-optimised AMIs, their patching and the ECS agent',
    'capacity providers with managed scaling (target capacity 100 by default)',
    'instance IAM role, ENI trunking and placement strategies',
  ],
  'eks-managed-nodes': [
    'Kubernetes manifests and Helm charts',
    'control-plane upgrades (one minor at a time, every ~4 months)',
    'managed node groups, their AMIs and rolling updates',
    'add-ons: VPC CNI, CoreDNS, kube-proxy, EBS CSI driver, load balancer controller',
    'node autoscaling (Cluster Autoscaler or Karpenter)',
    'workload identity (Pod Identity or IRSA) and control-plane logging',
  ],
  'eks-fargate': [
    'Kubernetes manifests and Helm charts',
    'Fargate profiles (namespace and label selectors)',
    'control-plane upgrades, then a restart of every Fargate pod',
    'add-ons such as CoreDNS and the load balancer controller (IP targets only)',
    'IRSA for every workload (no Pod Identity on Fargate)',
    'sidecars instead of DaemonSets',
  ],
  'ecs-managed-instances': [
    'task definitions and services',
    'Managed Instances capacity providers (instance requirements, On-Demand or Spot)',
    'Managed Daemons for per-host agents',
    'AWS provisions, scales and patches the instances',
  ],
  'eks-auto-mode': [
    'Kubernetes manifests and Helm charts',
    'control-plane upgrades (one minor at a time)',
    'NodePools and NodeClasses (Karpenter-based)',
    'AWS runs node scaling, pod networking, load balancers, EBS CSI and GPU plugins; nodes are replaced within 21 days',
  ],
};
