/**
 * Every public document the product cites, by a short id: its title, a URL a reader can open, and a
 * date where known. Rules, pitfalls, capacity facts and defaults name their sources by id, so one
 * document has one home and the `rules` and `cases` listings print the same titles and URLs.
 */

export interface Source {
  title: string;
  url: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, where known. */
  date?: string;
  /** Not AWS or the project that owns the software: read as a rough guide. */
  thirdParty?: boolean;
}

export const SOURCES = {
  // — Availability and scaling —
  'ecs-availability-blog': {
    title: 'Amazon ECS availability best practices (AWS Containers Blog)',
    url: 'https://aws.amazon.com/blogs/containers/amazon-ecs-availability-best-practices/',
  },
  'eks-network-reqs': {
    title: 'View Amazon EKS networking requirements for VPC and subnets (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html',
  },
  'ecs-cluster-auto-scaling': {
    title: 'Automatically manage Amazon ECS capacity with cluster auto scaling (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html',
  },
  'ecs-cas-speed-up': {
    title: 'Optimize Amazon ECS cluster auto scaling (Amazon ECS Best Practices Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/capacity-cluster-speed-up-ec2.html',
  },
  'eks-bpg-cluster-autoscaler': {
    title: 'Cluster Autoscaler (Amazon EKS Best Practices Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/best-practices/cas.html',
  },
  'eks-auto-node-pool': {
    title: 'Create a Node Pool for EKS Auto Mode (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/create-node-pool.html',
  },
  'ecs-mi-infrastructure-optimization': {
    title: 'InfrastructureOptimization (Amazon ECS API Reference)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_InfrastructureOptimization.html',
  },
  'batch-when-to-use-fargate': {
    title: 'When to use Fargate (AWS Batch User Guide)',
    url: 'https://docs.aws.amazon.com/batch/latest/userguide/when-to-use-fargate.html',
  },
  'kubefm-node-startup': {
    title: 'Faster EKS node and pod startup (KubeFM)',
    url: 'https://kube.fm/faster-eks-node-and-pod-startup-jan',
    date: '2026-02-17',
    thirdParty: true,
  },
  // — Node capacity and density —
  'eks-coredns': {
    title: 'Manage CoreDNS for DNS in Amazon EKS clusters (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/managing-coredns.html',
  },
  'k8s-coredns-manifest': {
    title: 'kubernetes/kubernetes cluster/addons/dns/coredns/coredns.yaml.base (requests 100m CPU, 70Mi)',
    url: 'https://github.com/kubernetes/kubernetes/blob/008b3652959ca58af8be3fb5b6ecfe9ae7638282/cluster/addons/dns/coredns/coredns.yaml.base',
  },
  'vpc-cni-manifest': {
    title: 'aws/amazon-vpc-cni-k8s config/master/aws-k8s-cni.yaml (aws-node and node agent requests)',
    url: 'https://github.com/aws/amazon-vpc-cni-k8s/blob/b52188387f2e2f10bf289ace929d6a63b176a4fa/config/master/aws-k8s-cni.yaml',
    date: '2026-08-20',
  },
  'ebs-csi-chart': {
    title: 'kubernetes-sigs/aws-ebs-csi-driver Helm chart values (node requests)',
    url: 'https://github.com/kubernetes-sigs/aws-ebs-csi-driver/blob/006340ee8d4382dff0541fa56944b6e00226cc5e/charts/aws-ebs-csi-driver/values.yaml',
  },
  'eks-windows-support': {
    title: 'Deploy Windows nodes on EKS clusters (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/windows-support.html',
  },
  'eks-choosing-instance-type': {
    title: 'Choose an optimal Amazon EC2 node instance type (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/choosing-instance-type.html',
  },
  'eks-bpg-prefix-mode': {
    title: 'Prefix Mode for Linux (Amazon EKS Best Practices Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/best-practices/prefix-mode-linux.html',
  },
  'eks-auto-networking': {
    title: 'Learn about VPC Networking and Load Balancing in EKS Auto Mode (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/auto-networking.html',
  },
  'eks-auto-instances': {
    title: 'Learn about Amazon EKS Auto Mode Managed instances (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/automode-learn-instances.html',
  },
  'eks-auto-node-class': {
    title: 'Create a Node Class for Amazon EKS (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/create-node-class.html',
  },
  'eks-automode': {
    title: 'Automate cluster infrastructure with EKS Auto Mode (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/automode.html',
  },
  'eks-ami-max-pods': {
    title: 'awslabs/amazon-eks-ami: kube-reserved memory of 11 MiB per pod plus 255 MiB (max-pods calculator)',
    url: 'https://github.com/awslabs/amazon-eks-ami',
  },
  'ecs-eni-trunking': {
    title: 'Elastic network interface trunking: supported Amazon EC2 instance types (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/eni-trunking-supported-instance-types.html',
    date: '2023-04-18',
  },
  'ecs-task-networking': {
    title: 'Amazon ECS task networking options for EC2 (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html',
  },
  'ecs-container-instance-memory': {
    title: 'Reserving Amazon ECS Linux container instance memory (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html',
  },
  // — Storage, images, networking —
  'ecs-ami-root-volume': {
    title: 'aws/amazon-ecs-ami variables.pkr.hcl (root volume 30 GiB, gp3 on AL2023)',
    url: 'https://github.com/aws/amazon-ecs-ami/blob/a2532d3503f2052a09ac18189b0de33918406db8/variables.pkr.hcl',
    date: '2026-08-21',
  },
  'eks-nodegroup-disk-size': {
    title: 'CreateNodegroup: diskSize (Amazon EKS API Reference)',
    url: 'https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html',
  },
  'containers-roadmap-1417': {
    title: 'aws/containers-roadmap#1417: EKS managed node groups provision gp2 root volumes by default',
    url: 'https://github.com/aws/containers-roadmap/issues/1417',
  },
  'fargate-pricing': {
    title: 'AWS Fargate Pricing',
    url: 'https://aws.amazon.com/fargate/pricing/',
  },
  'fargate-pull-behavior': {
    title: 'Fargate task image pull behavior (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-pull-behavior.html',
  },
  'elasticscale-soci': {
    title: 'Reduce AWS Fargate pull times with SOCI (ElasticScale)',
    url: 'https://elasticscale.com/blog/reduce-aws-fargate-pull-times-with-soci',
    thirdParty: true,
  },
  'vpc-pricing': {
    title: 'Amazon VPC pricing (NAT gateway, public IPv4 addresses)',
    url: 'https://aws.amazon.com/vpc/pricing/',
  },
  'ecr-vpc-endpoints': {
    title: 'Amazon ECR interface VPC endpoints (AWS PrivateLink) (Amazon ECR User Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html',
  },
  'savings-plans-applying': {
    title: 'How Savings Plans apply to your AWS usage (Savings Plans User Guide)',
    url: 'https://docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
