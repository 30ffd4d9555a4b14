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
  // — Choosing between the options —
  'aws-decision-guide': {
    title: 'Choosing an AWS container service (AWS Decision Guide)',
    url: 'https://docs.aws.amazon.com/decision-guides/latest/containers-on-aws-how-to-choose/choosing-aws-container-service.html',
  },
  'aws-containers-skill': {
    title:
      'aws-containers skill: "Never recommend EKS unless they explicitly ask for Kubernetes" (AWS Agent Toolkit, AWS-authored guidance)',
    url: 'https://github.com/aws/agent-toolkit-for-aws/blob/d6ad2e44d5e3077b85b63f322e007c84f94f3a6c/skills/core-skills/aws-containers/SKILL.md',
    date: '2026-08-20',
  },
  'aws-startup-eks': {
    title: 'Architect for startups: EKS (AWS Agent Toolkit, startup advisor): "20-40% of one engineer", EKS above 10–15 engineers',
    url: 'https://github.com/aws/agent-toolkit-for-aws/blob/main/plugins/aws-startup-advisor/skills/architect-for-startups/references/eks.md',
    date: '2026',
  },
  'eks-bpg': {
    title: 'Amazon EKS Best Practices Guide',
    url: 'https://docs.aws.amazon.com/eks/latest/best-practices/introduction.html',
  },
  'eks-auto-mng': {
    title: 'Compare EKS Auto Mode with EKS managed node groups (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/auto-mng.html',
  },
  'eks-builtin-node-pools': {
    title: 'Enable or disable built-in NodePools (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/set-builtin-node-pools.html',
  },
  'figma-ecs-to-k8s': {
    title: 'How we migrated onto K8s in less than 12 months (Figma Engineering)',
    url: 'https://www.figma.com/blog/migrating-onto-kubernetes/',
    date: '2024-08-08',
  },
  // — What Fargate can and cannot run —
  'ecs-fargate-task-defs': {
    title: 'Amazon ECS task definition differences for Fargate (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html',
  },
  'ecs-fargate-sizes': {
    title: 'Task CPU and memory for Fargate, incl. 32 vCPU with 60, 120 or 244 GB on Linux (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size',
  },
  'cfn-lint-4668': {
    title: 'aws-cloudformation/cfn-lint#4668: "32 vCPU is Linux-only and supports exactly three memory values"',
    url: 'https://github.com/aws-cloudformation/cfn-lint/pull/4668',
    date: '2026-09-01',
    thirdParty: true,
  },
  'ecs-fargate-storage': {
    title: 'Fargate task ephemeral storage for Amazon ECS: up to 200 GiB (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html',
  },
  'ecs-api-ephemeral-storage': {
    title: 'EphemeralStorage: 21–200 GiB (Amazon ECS API Reference)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html',
  },
  'eks-fargate': {
    title: 'Simplify compute management with AWS Fargate (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/fargate.html',
  },
  'eks-fargate-pod-config': {
    title: 'Understand Fargate Pod configuration details: sizes to 16 vCPU, storage to 175 GiB (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html',
  },
  'containers-roadmap-2020': {
    title: 'aws/containers-roadmap#2020: EKS Fargate pods larger than 16 vCPU (open)',
    url: 'https://github.com/aws/containers-roadmap/issues/2020',
  },
  'containers-roadmap-88': {
    title: 'aws/containers-roadmap#88: GPU support on Fargate (closed, pointing to ECS Managed Instances)',
    url: 'https://github.com/aws/containers-roadmap/issues/88',
  },
  'containers-roadmap-971': {
    title: 'aws/containers-roadmap#971: DaemonSets on EKS Fargate',
    url: 'https://github.com/aws/containers-roadmap/issues/971',
  },
  'containers-roadmap-1113': {
    title: 'aws/containers-roadmap#1113: EBS volumes on EKS Fargate (open)',
    url: 'https://github.com/aws/containers-roadmap/issues/1113',
  },
  'containers-roadmap-1629': {
    title: 'aws/containers-roadmap#1629: Graviton on EKS Fargate (open)',
    url: 'https://github.com/aws/containers-roadmap/issues/1629',
  },
  'ecs-ebs-volumes': {
    title: 'Use Amazon EBS volumes with Amazon ECS (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html',
  },
  'ecs-service-params': {
    title: 'Amazon ECS service definition parameters: scheduling strategy DAEMON (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service_definition_parameters.html',
  },
  'ecs-managed-daemons': {
    title: 'Amazon ECS Managed Daemons (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-daemons.html',
  },
  'ecs-mi': {
    title: 'Architect for Amazon ECS Managed Instances: Linux containers (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ManagedInstances.html',
  },
  'batch-mi-job-definitions': {
    title: 'Job definitions on Amazon ECS Managed Instances: operatingSystemFamily LINUX (AWS Batch User Guide)',
    url: 'https://docs.aws.amazon.com/batch/latest/userguide/ecs-managed-instances-job-definitions.html',
  },
  'ecs-mi-network-config': {
    title: 'ManagedInstancesNetworkConfiguration: awsvpc, host, none (Amazon ECS API Reference)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedInstancesNetworkConfiguration.html',
  },
  'govcloud-eks': {
    title: 'Amazon EKS in AWS GovCloud (US): no Fargate (AWS GovCloud (US) User Guide)',
    url: 'https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-eks.html',
  },
  'fargate-throttling': {
    title: 'AWS Fargate throttling quotas (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/throttling.html',
  },
  'fargate-capacity-providers': {
    title: 'Amazon ECS clusters for Fargate: Fargate and Fargate Spot capacity providers (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html',
  },
  'fargate-spot-termination': {
    title: 'How do I handle Spot termination notices in AWS Fargate Spot tasks? (AWS re:Post Knowledge Center)',
    url: 'https://repost.aws/knowledge-center/fargate-spot-termination-notice',
  },
  'fargate-soci': {
    title: 'AWS Fargate enables faster container startup using Seekable OCI (AWS News Blog)',
    url: 'https://aws.amazon.com/blogs/aws/aws-fargate-enables-faster-container-startup-using-seekable-oci/',
  },
  'fargate-task-start': {
    title: 'ECS Fargate task start time (AWS re:Post, AWS staff answer)',
    url: 'https://repost.aws/questions/QUjZAzJd27SZWxXM7MgyxOZw',
  },
  'ecs-fips': {
    title: 'AWS Fargate Federal Information Processing Standard (FIPS-140) (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-fips-compliance.html',
  },
  // — Kubernetes lifecycle and networking —
  'eks-kubernetes-versions': {
    title: 'Understand the Kubernetes version lifecycle on EKS (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html',
  },
  'eks-update-cluster': {
    title: 'Update existing cluster to new Kubernetes version (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html',
  },
  'eks-bpg-cluster-upgrades': {
    title: 'Best Practices for Cluster Upgrades (Amazon EKS Best Practices Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/best-practices/cluster-upgrades.html',
  },
  'eks-pricing': {
    title: 'Amazon EKS pricing',
    url: 'https://aws.amazon.com/eks/pricing/',
  },
  'ec2-on-demand-pricing': {
    title: 'Amazon EC2 On-Demand Pricing',
    url: 'https://aws.amazon.com/ec2/pricing/on-demand/',
  },
  'price-list-api': {
    title: 'Using the AWS Price List API (AWS Billing User Guide)',
    url: 'https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/using-ppslong.html',
  },
  'eks-extended-support-blog': {
    title: 'Amazon EKS extended support for Kubernetes versions pricing (AWS Containers Blog)',
    url: 'https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/',
  },
  'eks-control-plane-logs': {
    title: 'Send control plane logs to CloudWatch Logs (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
  },
  'eks-irsa': {
    title: 'IAM roles for service accounts (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html',
  },
  'eks-pod-identity': {
    title: 'Learn how EKS Pod Identity grants pods access to AWS services (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html',
  },
  'eks-network-policy': {
    title: 'Limit Pod traffic with Kubernetes network policies (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy.html',
  },
  'eks-bpg-vpc-cni': {
    title: 'Amazon VPC CNI (Amazon EKS Best Practices Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/best-practices/vpc-cni.html',
  },
  'vpc-cni-warm-targets': {
    title: 'aws/amazon-vpc-cni-k8s: WARM_ENI_TARGET, WARM_IP_TARGET and MINIMUM_IP_TARGET (default: one full ENI of warm IPs per node)',
    url: 'https://github.com/aws/amazon-vpc-cni-k8s/blob/master/docs/eni-and-ip-target.md',
  },
  'eks-cni-prefixes': {
    title: 'Assign more IP addresses to Amazon EKS nodes with prefixes (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-increase-ip-addresses.html',
  },
  'eks-managed-node-groups': {
    title: 'Simplify node lifecycle with managed node groups (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html',
  },
  'eks-bpg-karpenter': {
    title: 'Karpenter (Amazon EKS Best Practices Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/best-practices/karpenter.html',
  },
  'vpc-subnet-sizing': {
    title: 'Subnet CIDR blocks: five reserved addresses per subnet (Amazon VPC User Guide)',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
  },
  'ecs-eni-trunking-guide': {
    title: 'Increase Amazon ECS Linux container instance network interfaces (ENI trunking) (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html',
  },
  // — Deployments —
  'ecs-circuit-breaker': {
    title: 'How the Amazon ECS deployment circuit breaker detects failures (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html',
  },
  'ecs-api-circuit-breaker': {
    title: 'DeploymentCircuitBreaker (Amazon ECS API Reference)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html',
  },
  'ecs-rolling-update': {
    title: 'Deploy Amazon ECS services by replacing tasks (rolling update) (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html',
  },
  'elb-deregistration-delay': {
    title: 'Target group attributes: deregistration delay (Elastic Load Balancing, Application Load Balancers)',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-target-group-attributes.html#deregistration-delay',
  },
  'k8s-deployment-strategy': {
    title: 'Deployments: rolling update, maxSurge and maxUnavailable default to 25 % (Kubernetes documentation)',
    url: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-update-deployment',
  },
  'lbc-pod-readiness-gate': {
    title: 'Pod readiness gate (AWS Load Balancer Controller documentation)',
    url: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/pod_readiness_gate/',
  },
  'ecs-managed-scaling': {
    title: 'ManagedScaling: targetCapacity defaults to 100 (Amazon ECS API Reference)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html',
  },
  'ecs-warm-pools': {
    title: 'Configuring pre-initialized instances for your Amazon ECS Auto Scaling group (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-warm-pool.html',
  },
  // — GPUs and Windows —
  'ecs-gpu': {
    title: 'Amazon ECS task definitions for GPU workloads (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-gpu.html',
  },
  'eks-gpu-ami': {
    title: 'Use EKS-optimized accelerated AMIs for GPU instances (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/ml-eks-optimized-ami.html',
  },
  'eks-gpu-device-plugin': {
    title: 'Install Kubernetes device plugin for GPUs (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/ml-eks-k8s-device-plugin.html',
  },
  'ecs-windows': {
    title: 'Amazon ECS Windows containers (Amazon ECS Developer Guide)',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ECS_Windows.html',
  },
  'ec2-capacity-blocks': {
    title: 'CapacityBlock: reserve GPU instances for ML workloads (Amazon EC2 API Reference)',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CapacityBlock.html',
  },
  // — Compliance —
  'aws-services-in-scope': {
    title: 'AWS Services in Scope by Compliance Program',
    url: 'https://aws.amazon.com/compliance/services-in-scope/',
  },
  'eks-bpg-compliance': {
    title: 'Compliance (Amazon EKS Best Practices Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/best-practices/compliance.html',
  },
  'eks-fargate-patching': {
    title: 'Set actions for AWS Fargate OS patching events (Amazon EKS User Guide)',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-patching.html',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

/** A source by id, as a plain object (for listings and JSON). */
export function sourceOf(id: SourceId): Source {
  return { ...SOURCES[id] };
}
