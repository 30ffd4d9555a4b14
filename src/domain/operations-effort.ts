/**
 * The recurring work each option puts on the team, and the one-time work of moving between options:
 * the people side of the total cost of ownership (docs/tco.md). Every figure is an estimate with a
 * low and a high end, built from the public sources listed with it; none is a measurement of this
 * workload. Hours are engineer-hours per month of platform work, leaving out the application work
 * every option needs (writing the service, CI, dashboards).
 */
import type { OptionId } from '../schema/enums.js';

/** A public document an effort figure rests on. */
export interface EffortSource {
  title: string;
  url: string;
  date?: string;
}

/**
 * What an item's hours are counted per: once for the whole estate, per cluster, or per node pool
 * (a managed node group, an Auto Scaling group or a capacity provider).
 */
export type EffortScale = 'estate' | 'cluster' | 'nodePool';

/** Every document an effort or migration figure rests on, by a short id. */
export const EFFORT_SOURCES = {
  'amazon-kubernetes-versions': {
    title: "Amazon EKS User Guide, 'Understand the Kubernetes version lifecycle on EKS' (kubernetes-versions)",
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html',
    date: 'live doc (EKS-UG snapshot 2024-12-18)',
  },
  'devopsness-best-practices-kubernetes-cluster-upgrad': {
    title: "devopsness, 'Best practices: Kubernetes cluster upgrade strategy' (60-node EKS, 1.27→1.31)",
    url: 'https://www.devopsness.com/blog/best-practices-kubernetes-cluster-upgrade-strategy',
    date: 'undated in stored copy (2025–26)',
  },
  'chkk-fortune-500-enterprise-avoided-500k-in-e': {
    title: "Chkk case study, 'Fortune 500 enterprise avoided $500K in EKS extended support fees'",
    url: 'https://chkk.io/blog/fortune-500-enterprise-avoided-500k-in-eks-extended-support-fees',
    date: 'undated (2024–25)',
  },
  'opscanary-reclaiming-engineering-time-streamlining': {
    title:
      "CNCF Blog, 'Reclaiming engineering time: streamlining Kubernetes upgrades' (summary read at OpsCanary; copy at technologiesdigest.com)",
    url: 'https://opscanary.com/articles/reclaiming-engineering-time-streamlining-kubernetes-upgrades-95bfbc4f',
    date: '2026-05-11',
  },
  'zenn-eks-upgrade-rta-in-mitene-2025': {
    title: "MIXI / Mitene SRE, 'EKSアップグレードRTA in みてね 2025'",
    url: 'https://zenn.dev/mitene/articles/eks-upgrade-rta-in-mitene-2025',
    date: '2025-12-04',
  },
  'amazon-cluster-upgrades': {
    title: "Amazon EKS Best Practices Guide, 'Best Practices for Cluster Upgrades'",
    url: 'https://docs.aws.amazon.com/eks/latest/best-practices/cluster-upgrades.html',
    date: 'live doc (repo snapshot 2026-05)',
  },
  'vercel-upgrade-eks-clusters-across-multiple-ver': {
    title: "Orkes, 'Upgrade EKS clusters across multiple versions in less than a day using automated workflows'",
    url: 'https://the-lazy-dev.vercel.app/orkes/upgrade-eks-clusters-across-multiple-versions-in-less-than-a-day-using-automated-workflows-2nj0',
    date: '2024-04-09',
  },
  'fairwinds-kubernetes-add-on-updates-stay-secure': {
    title: "Fairwinds, 'Kubernetes add-on updates: stay secure'",
    url: 'https://www.fairwinds.com/blog/kubernetes-add-on-updates-stay-secure',
    date: 'undated (2025)',
  },
  'githubusercontent-eks': {
    title: "AWS agent-toolkit-for-aws, aws-startup-advisor, architect-for-startups/references/eks.md ('EKS — Startup-Specific Guidance')",
    url: 'https://raw.githubusercontent.com/aws/agent-toolkit-for-aws/main/plugins/aws-startup-advisor/skills/architect-for-startups/references/eks.md',
    date: '2026 (toolkit snapshot 2026-08)',
  },
  'amazon-maximizing-value-with-amazon-eks-auto-mo': {
    title: "AWS Containers Blog, 'Maximizing value with Amazon EKS Auto Mode: Strategies for visibility, control, and optimization'",
    url: 'https://aws.amazon.com/blogs/containers/maximizing-value-with-amazon-eks-auto-mode-strategies-for-visibility-control-and-optimization/',
    date: '2025 (exact date not in stored copy)',
  },
  'dmm-eks-is-hard': {
    title: "DMM / EXNOA, 'やっぱりEKSの運用は大変なのか 〜EKSを2年間運用して得た知見〜'",
    url: 'https://inside.dmm.com/articles/eks_is_hard/',
    date: '2022-08-26',
  },
  'factualminds-aws-managed-eks-auto-mode-vs-karpenter-d': {
    title: "FactualMinds, 'Managed EKS on AWS (2026): Auto Mode vs Self-Managed Karpenter vs Partner MSP'",
    url: 'https://www.factualminds.com/blog/aws-managed-eks-auto-mode-vs-karpenter-decision-2026/',
    date: '2026-07-03',
  },
  'skyhook-migrating-from-ecs-to-eks': {
    title: "Skyhook, 'Migrating from ECS to EKS: Architecture Challenges and Solutions'",
    url: 'https://www.skyhook.io/blog/migrating-from-ecs-to-eks',
    date: '2026',
  },
  'cloudcurated-kubernetes-management-struggles-cost-it': {
    title: 'Komodor 2025 Enterprise Kubernetes Report (as reported by CloudCurated and ciberseguridadtic.es)',
    url: 'https://cloudcurated.com/cloud-management/kubernetes-management-struggles-cost-it-teams-millions',
    date: '2025-09',
  },
  'amazon-task-maintenance': {
    title: "Amazon ECS Developer Guide, 'Task retirement and maintenance for AWS Fargate on Amazon ECS'",
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-maintenance.html',
    date: 'live doc',
  },
  'hatenablog-160951': {
    title: 'Link and Motivation SRE blog, ECS → EKS Auto Mode migration (モチベーションクラウド)',
    url: 'https://link-and-motivation.hatenablog.com/entry/2025/10/14/160951',
    date: '2025-10-14',
  },
  'amazon-auto-upgrade': {
    title: "Amazon EKS User Guide, 'Update the Kubernetes Version of an EKS Auto Mode cluster'",
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/auto-upgrade.html',
    date: 'live doc (stored copy 2025–26)',
  },
  co: {
    title: 'Timee tech blog, EKS Auto Mode cluster version-upgrade automation',
    url: 'https://tech.timee.co.jp/',
    date: 'undated (2025–26)',
  },
  'pages-eks-auto-mode': {
    title: "AWS Architecture Blog, 'How Generali Malaysia optimizes operations with Amazon EKS' (summary at sysdesign-wiki)",
    url: 'https://sysdesign-wiki.pages.dev/systems/eks-auto-mode/',
    date: '2026-03-23',
  },
  'amazon-automode': {
    title: "Amazon EKS User Guide, 'Automate cluster infrastructure with EKS Auto Mode' (21-day maximum node lifetime)",
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/automode.html',
    date: 'live doc (EKS-UG snapshot 2024-12-18)',
  },
  'ca-srg-2564358b43f781868ac0df0f8810b963': {
    title: "CyberAgent SRG, 'EKS Auto Mode Verification'",
    url: 'https://en.ca-srg.dev/2564358b43f781868ac0df0f8810b963',
    date: 'undated (2025)',
  },
  'speakerdeck-our-eks-to-ecs-migration-chronicle': {
    title: "k-ozawa, 'Our EKS to ECS migration chronicle' (Speaker Deck)",
    url: 'https://speakerdeck.com/ozawa/our-eks-to-ecs-migration-chronicle',
    date: '2024-08-24',
  },
  'amazon-agent-update-ecs-ami': {
    title: "Amazon ECS Developer Guide, 'Updating the Amazon ECS container agent on an Amazon ECS-optimized AMI'",
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/agent-update-ecs-ami.html',
    date: 'live doc',
  },
  'github-ecs-ami-deploy': {
    title: 'silinternational/ecs-ami-deploy README',
    url: 'https://github.com/silinternational/ecs-ami-deploy',
    date: 'undated',
  },
  'amazon-amazon-ecs-enables-easier-ec2-capacity-m': {
    title: "AWS Containers Blog, 'Amazon ECS enables easier EC2 capacity management, with managed instance draining'",
    url: 'https://aws.amazon.com/blogs/containers/amazon-ecs-enables-easier-ec2-capacity-management-with-managed-instance-draining/',
    date: '2024-01',
  },
  'amazon-automate-patching-by-replacing-amazon-ec': {
    title: "AWS for Industries Blog, 'Automate Patching by Replacing Amazon ECS Container Instances' (Rue Gilt Groupe)",
    url: 'https://aws.amazon.com/blogs/industries/automate-patching-by-replacing-amazon-ecs-container-instances/',
    date: 'undated',
  },
  'garbe-ecs-migrate-to-fargate': {
    title: "garbe.io, 'ECS: migrate to Fargate'",
    url: 'https://garbe.io/blog/2019/10/31/ecs-migrate-to-fargate/',
    date: '2019-10-31',
  },
  'tines-migrating-ecs-fargate-ec2': {
    title: "Tines, 'Why we moved our ECS services from Fargate to EC2'",
    url: 'https://www.tines.com/blog/migrating-ecs-fargate-ec2',
    date: '2025-06-03',
  },
  'amazon-prepare-task-retirement': {
    title: "Amazon ECS Developer Guide, 'Prepare for AWS Fargate task retirement on Amazon ECS'",
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/prepare-task-retirement.html',
    date: 'live doc',
  },
  'github-skill': {
    title: 'AWS agent-toolkit-for-aws, architect-for-startups SKILL.md',
    url: 'https://github.com/aws/agent-toolkit-for-aws/blob/main/plugins/aws-startup-advisor/skills/architect-for-startups/SKILL.md',
    date: '2026',
  },
  'amazon-managed-instances-patching': {
    title: "Amazon ECS Developer Guide, 'Patching in Amazon ECS Managed Instances'",
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-instances-patching.html',
    date: 'live doc (2025–26)',
  },
  'amazon-managedinstances': {
    title: "Amazon ECS Developer Guide, 'Architect for Amazon ECS Managed Instances'",
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ManagedInstances.html',
    date: 'live doc (2025–26)',
  },
  'speakerdeck-ecs-managed-instance-overview-key-differ': {
    title: "AWS Japan SA (K. Azuma), 'ECS Managed Instances overview: key differences from Fargate' (Speaker Deck)",
    url: 'https://speakerdeck.com/kenicazu/ecs-managed-instance-overview-key-differences-from-fargate',
    date: '2025-10-31 (as-of date on slides)',
  },
  'amazon-capacity-provider-strategy': {
    title: 'AWS SDK for Kotlin, UpdateServiceRequest.capacityProviderStrategy (valid launch-type → capacity-provider transitions)',
    url: 'https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-update-service-request/capacity-provider-strategy.html',
    date: 'live doc (feature 2025-06-12)',
  },
  'scalefactory-migrating-to-fargate-from-ecs-with-ec2': {
    title: "The Scale Factory, 'Migrating to Fargate from ECS with EC2'",
    url: 'https://scalefactory.com/blog/2019/10/01/migrating-to-fargate-from-ecs-with-ec2/',
    date: '2019-10-01',
  },
  'amazon-update-service-managed-instances': {
    title: "Amazon ECS Developer Guide, 'Updating an Amazon ECS service to use a capacity provider' (Managed Instances)",
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/update-service-managed-instances.html',
    date: 'live doc',
  },
  'amazon-auto-migrate-mng': {
    title: "Amazon EKS User Guide, 'Migrate from EKS Managed Node Groups to EKS Auto Mode'",
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/auto-migrate-mng.html',
    date: 'live doc',
  },
  'amazon-auto-migrate-karpenter': {
    title: "Amazon EKS User Guide, 'Migrate from Karpenter to EKS Auto Mode using kubectl'",
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/auto-migrate-karpenter.html',
    date: 'live doc',
  },
  'dena-itpf3g-maeda-eks-auto-mode': {
    title: "DeNA Engineering, 'AWS EKS クラスターの Auto Mode への移行 ~利点と移行方法~'",
    url: 'https://engineering.dena.com/blog/2025/09/itpf3g-maeda-eks-auto-mode',
    date: '2025-09-10',
  },
  'speakerdeck-deep-dive-migrate-to-eks-auto-mode': {
    title: "AWS Japan SA (K. Ochimizu), 'Amazon EKS Auto Mode への移行手法を詳解 / Deep Dive: Migrate to EKS Auto Mode'",
    url: 'https://speakerdeck.com/otty246/deep-dive-migrate-to-eks-auto-mode',
    date: '2025-06-01',
  },
  'infoq-figma-ecs-kubernetes-eks': {
    title: "InfoQ, 'Figma Moves from ECS to Kubernetes to Benefit from the CNCF Ecosystem and Reduce Costs'",
    url: 'https://www.infoq.com/news/2024/09/figma-ecs-kubernetes-eks/',
    date: '2024-09',
  },
  'pages-2024-08-08-figma-migrated-onto-k8s-in-le': {
    title: "sysdesign-wiki summary of Figma's migration post",
    url: 'https://sysdesign-wiki.pages.dev/sources/2024-08-08-figma-migrated-onto-k8s-in-less-than-12-months/',
    date: '2024-08-08 (source date)',
  },
  'figma-migrating-onto-kubernetes': {
    title: "Figma Engineering, 'How we migrated onto K8s in less than 12 months'",
    url: 'https://www.figma.com/blog/migrating-onto-kubernetes/',
    date: '2024-08-08 (read via the summaries below)',
  },
  'medium-migrating-from-ecs-to-kubernetes-189b182': {
    title: "CasaOne Engineering, 'Migrating from ECS to Kubernetes'",
    url: 'https://medium.com/casaone-engineering/migrating-from-ecs-to-kubernetes-189b18235121',
    date: '2020-08-17',
  },
  'github-farewell-ecs-hello-eks': {
    title: "Jean Mainguy (EGYM), 'Farewell, ECS! Hello, EKS: A Kubernetes Migration Story'",
    url: 'https://jhandguy.github.io/posts/farewell-ecs-hello-eks',
    date: 'undated (2023–24)',
  },
  'easecloud-migrating-40-microservices-to-eks-in-8-w': {
    title: "EaseCloud, 'Migrating 40 Microservices to EKS in 8 Weeks Without Downtime'",
    url: 'https://blog.easecloud.io/all/migrating-40-microservices-to-eks-in-8-weeks-without-downtime',
    date: 'undated (2025–26)',
  },
  'sedai-ecs-to-kubernetes': {
    title: "Sedai, 'ECS to Kubernetes migration' (FAQ: typical duration)",
    url: 'https://sedai.io/blog/ecs-to-kubernetes',
    date: 'undated (2025–26)',
  },
  'dev-zero-downtime-ecs-eks-migration-orchestr': {
    title: "dev.to (K. Eswaran), 'Zero-Downtime ECS→EKS Migration: Orchestrating a 6-Team Production Cutover'",
    url: 'https://dev.to/krishnakanth_eswaran_6000/zero-downtime-ecs-eks-migration-orchestrating-a-6-team-production-cutover-at-scale-1pe6',
    date: 'undated (2025)',
  },
  'amazon-phase-3-ci-cd-pipeline-migration': {
    title: "AWS Prescriptive Guidance, 'Estimates for OpenShift to Amazon EKS' — Phase 3: CI/CD pipeline migration",
    url: 'https://docs.aws.amazon.com/prescriptive-guidance/latest/estimates-for-open-shift-to-aws-eks/phase-3-ci-cd-pipeline-migration.html',
    date: '2025–26',
  },
  'scribd-kubernetes-benchmarking-study-2022-2022': {
    title: "Humanitec, 'Kubernetes Benchmarking Study 2022'",
    url: 'https://scribd.com/document/596158608/Kubernetes-Benchmarking-Study-2022-2022-02-16',
    date: '2022-02-16',
  },
  'inthepocket-moving-away-from-kubernetes-to-aws-ecs-a': {
    title: "In The Pocket, 'Moving away from Kubernetes to AWS ECS: a seamless transition'",
    url: 'https://inthepocket.com/blog/moving-away-from-kubernetes-to-aws-ecs-a-seamless-transition',
    date: 'undated',
  },
  graycloudarch: {
    title: "Glenn Gray, 'ECS Fargate as a Migration Bridge: Running Two Orchestrators at Once'",
    url: 'https://graycloudarch.com/',
    date: 'undated (2025–26)',
  },
} as const satisfies Record<string, EffortSource>;

export type EffortSourceId = keyof typeof EFFORT_SOURCES;

export interface EffortItem {
  /** A short label, as the reports print it. */
  what: string;
  /** The work the item covers, in full. */
  detail: string;
  /** Engineer-hours per month for one unit of `scalesWith`: low and high. */
  hoursPerMonth: readonly [number, number];
  scalesWith: EffortScale;
  /** Further hours per month per cluster, for estate-wide items that also grow with clusters (on-call). */
  perCluster?: readonly [number, number];
  /** Further hours per month per 100 nodes (drain stragglers, host incidents). */
  per100Nodes?: readonly [number, number];
  /** `sourced`: a source states the figure; `derived`: built from sourced facts, derivation in `note`. */
  basis: 'sourced' | 'derived';
  confidence: 'high' | 'medium' | 'low';
  note: string;
  sources: readonly EffortSourceId[];
}

/** 1,920 productive hours a year (160 a month), the figure the effort ranges are written in. */
export const ENGINEER_HOURS_PER_MONTH = 160;
export const ENGINEER_HOURS_PER_WEEK = 40;

/**
 * A reference cost of one engineer, used only to weigh a monthly bill gap against engineering time in
 * the scores when `team.engineerCostPerYear` is not given; it is never printed as the team's cost.
 * US BLS OEWS May 2024, software developers: mean wage $144,570; benefits are about 30 % of employer
 * compensation cost (BLS ECEC), so × 1.45 ≈ $210,000 a year fully loaded.
 */
export const REFERENCE_ENGINEER_COST = {
  perYear: 210_000,
  estimate: true,
  sources: [
    {
      title: 'Occupational Employment and Wages, Software Developers (US Bureau of Labor Statistics)',
      url: 'https://www.bls.gov/oes/current/oes151252.htm',
      date: '2024-05',
    },
    {
      title: 'Employer Costs for Employee Compensation (US Bureau of Labor Statistics)',
      url: 'https://www.bls.gov/news.release/ecec.toc.htm',
    },
  ],
} as const;

/** The recurring operations work per option. */
export const OPERATIONS_EFFORT: Record<OptionId, readonly EffortItem[]> = {
  'eks-managed-nodes': [
    {
      what: 'Kubernetes upgrades: planning and deprecated APIs',
      detail: 'Kubernetes minor-version upgrades: planning, changelog/deprecated-API review, manifest fixes, app-team coordination',
      hoursPerMonth: [2, 6],
      scalesWith: 'estate',
      basis: 'derived',
      confidence: 'medium',
      note: "Kubernetes ships ~3 minors/year; EKS gives 14 months standard support (then paid extended support), so an estate must average ~3 upgrades/year to stay in standard support. Derivation: 3 cycles/yr × 1–3 engineer-days (8–24 h) ÷ 12 ⇒ 2–6 h/month. devopsness: one engineer writes a peer-reviewed upgrade-N.M.md and runs a four-pass manifest scan before any cluster work; Chkk's Fortune-500 case needed a dedicated TPM to coordinate app teams off removed APIs (upper tail).",
      sources: [
        'amazon-kubernetes-versions',
        'devopsness-best-practices-kubernetes-cluster-upgrad',
        'chkk-fortune-500-enterprise-avoided-500k-in-e',
        'opscanary-reclaiming-engineering-time-streamlining',
      ],
    },
    {
      what: 'Kubernetes upgrades: control plane, add-ons, node groups',
      detail:
        'Kubernetes minor-version upgrades: execution per cluster (control plane, EKS add-on bumps, managed-node-group roll, validation, rollback prep)',
      hoursPerMonth: [1, 5],
      scalesWith: 'cluster',
      basis: 'derived',
      confidence: 'medium',
      note: "Derivation: 3 upgrades/yr × 4–20 h per cluster ÷ 12 ⇒ 1–5 h/month. Cross-checks: devopsness 'Engineering time: maybe 2-3 days' per upgrade for a 60-node cluster (+staging mirror) ⇒ 3 × 16–24 h ÷ 12 ≈ 4–6 h/month for planning+execution on one production cluster; Mitene ~1 engineer-week (約1週間程度の工数) per blue/green upgrade round, two rounds/yr ⇒ ≈ 6.7 h/month; Orkes automated 1.25→1.29 'in under 7 hours'. Upper tail: CNCF blog says a single minor upgrade across three regions can take 4–6 engineer-weeks in mid-size EKS estates (⇒ ≈ 13–20 h/month per region) — use the high end for heavy change-control enterprises.",
      sources: [
        'devopsness-best-practices-kubernetes-cluster-upgrad',
        'zenn-eks-upgrade-rta-in-mitene-2025',
        'amazon-cluster-upgrades',
        'vercel-upgrade-eks-clusters-across-multiple-ver',
        'opscanary-reclaiming-engineering-time-streamlining',
      ],
    },
    {
      what: 'Add-on lifecycle (10–20 add-ons)',
      detail:
        'Add-on lifecycle (VPC CNI, CoreDNS, kube-proxy, LB controller, EBS CSI, cert-manager, external-dns, ingress, metrics/logging agents, GitOps)',
      hoursPerMonth: [0.5, 4],
      scalesWith: 'cluster',
      basis: 'derived',
      confidence: 'medium',
      note: "Fairwinds: 'Most production Kubernetes environments run 10–20 add-ons per cluster'; Chkk: 'each add-on requires at least 1-2 upgrades per year'. Derivation: 10–20 add-ons × 1–2 upgrades/yr = 10–40 add-on upgrades/yr; 0.5–1.2 h each (version research amortised across clusters, GitOps bump, verify) ⇒ 5–48 h/yr ⇒ 0.5–4 h/month per cluster.",
      sources: [
        'fairwinds-kubernetes-add-on-updates-stay-secure',
        'chkk-fortune-500-enterprise-avoided-500k-in-e',
        'githubusercontent-eks',
      ],
    },
    {
      what: 'Node AMI patching and rotation',
      detail: 'Node AMI patching / rotation (managed node group version updates, stuck drains, PDB conflicts)',
      hoursPerMonth: [0.25, 1.5],
      scalesWith: 'nodePool',
      per100Nodes: [0.5, 2],
      basis: 'derived',
      confidence: 'low',
      note: "AWS lists 'coordinating monthly security patches, testing OS updates, managing AMI versioning' as platform-team overhead. Derivation: 1 rotation/month per node group × (0.25–1.5 h: test new AMI once per estate, trigger the MNG update, watch PDB-respecting drains; low end assumes the rollout is pipelined) ⇒ 0.25–1.5 h/month per node group. DMM runs blue/green node replacement as a recurring task.",
      sources: ['amazon-maximizing-value-with-amazon-eks-auto-mo', 'amazon-cluster-upgrades', 'dmm-eks-is-hard'],
    },
    {
      what: 'Cluster Autoscaler or Karpenter',
      detail:
        'Cluster Autoscaler / Karpenter operation (NodePool/instance-family tuning, consolidation and Spot-interruption issues, controller upgrades between K8s upgrades)',
      hoursPerMonth: [1, 4],
      scalesWith: 'cluster',
      basis: 'derived',
      confidence: 'low',
      note: 'Mitene notes Cluster Autoscaler should run the same minor version as the control plane (so it moves with every upgrade), Karpenter has an explicit compatibility matrix and Drift for node replacement. No source gives hours; 1–4 h/month per cluster is a derived allowance (≈ 15–60 min/week).',
      sources: ['zenn-eks-upgrade-rta-in-mitene-2025', 'amazon-cluster-upgrades', 'factualminds-aws-managed-eks-auto-mode-vs-karpenter-d'],
    },
    {
      what: 'Capacity planning and right-sizing',
      detail: 'Capacity planning and right-sizing (node instance types, requests/limits, bin-packing, Savings Plans/RI coverage)',
      hoursPerMonth: [1, 3],
      scalesWith: 'cluster',
      basis: 'derived',
      confidence: 'low',
      note: "AWS names 'resource over-provisioning, capacity planning' as recurring platform overhead that 'represents several hours per month'. Derivation: monthly review 1–3 h per cluster.",
      sources: ['amazon-maximizing-value-with-amazon-eks-auto-mo', 'githubusercontent-eks'],
    },
    {
      what: 'IAM, RBAC and networking upkeep',
      detail: 'Platform IAM/RBAC/networking upkeep (access entries/Pod Identity, VPC CNI IP exhaustion, security groups)',
      hoursPerMonth: [2, 6],
      scalesWith: 'estate',
      basis: 'derived',
      confidence: 'low',
      note: "AWS startup guidance: 'Platform engineering time: 20-40% of one engineer's bandwidth for maintenance, upgrades, RBAC, networking'. Skyhook names IP exhaustion with VPC CNI and IAM (IRSA → Pod Identity) as recurring hard parts. 2–6 h/month allowance.",
      sources: ['githubusercontent-eks', 'skyhook-migrating-from-ecs-to-eks'],
    },
    {
      what: 'On-call for the platform layer',
      detail: 'On-call / incident response attributable to the Kubernetes platform layer',
      hoursPerMonth: [4, 12],
      scalesWith: 'estate',
      perCluster: [0.5, 2],
      basis: 'derived',
      confidence: 'low',
      note: "Komodor 2025: teams 'spend an average of 34 workdays each year solely on resolving issues tied to these systems' (≈ 272 h/yr ≈ 23 h/month) and 79% of incidents follow recent changes; respondents are enterprises, over half running 20+ clusters. Derivation: fixed 4–12 h/month for a small estate + 0.5–2 h/month per cluster, which reaches ≈ 15–50 h/month at 20 clusters, bracketing Komodor's 23.",
      sources: ['cloudcurated-kubernetes-management-struggles-cost-it', 'opscanary-reclaiming-engineering-time-streamlining'],
    },
  ],
  'eks-fargate': [
    {
      what: 'Kubernetes upgrades: planning and deprecated APIs',
      detail: 'Kubernetes minor-version upgrades: planning and deprecated-API remediation',
      hoursPerMonth: [2, 6],
      scalesWith: 'estate',
      basis: 'derived',
      confidence: 'medium',
      note: 'Same cadence and planning as managed nodes (Kubernetes ships ~3 minors/year; EKS gives 14 months standard support (then paid extended support), so an estate must average ~3 upgrades/year to stay in standard support.)',
      sources: ['amazon-kubernetes-versions', 'devopsness-best-practices-kubernetes-cluster-upgrad', 'amazon-cluster-upgrades'],
    },
    {
      what: 'Kubernetes upgrades: control plane, add-ons, pod restarts',
      detail:
        'Kubernetes minor-version upgrades: execution per cluster (control plane, add-ons, restart Fargate workloads so pods land on new kubelet)',
      hoursPerMonth: [0.5, 3],
      scalesWith: 'cluster',
      basis: 'derived',
      confidence: 'medium',
      note: 'EKS-BPG: restart Fargate deployments after a control-plane upgrade; no node groups to roll. Derivation: 3/yr × 2–12 h ÷ 12 ⇒ 0.5–3 h/month.',
      sources: ['amazon-cluster-upgrades', 'amazon-kubernetes-versions'],
    },
    {
      what: 'Add-on lifecycle (no DaemonSets)',
      detail: 'Add-on lifecycle (CoreDNS, LB controller, external-dns, cert-manager; no DaemonSets on Fargate)',
      hoursPerMonth: [0.3, 2],
      scalesWith: 'cluster',
      basis: 'derived',
      confidence: 'low',
      note: 'Fewer add-ons than node-based clusters (DaemonSet-based agents cannot run). Derivation: 5–10 add-ons × 1–2 upgrades/yr × 0.5–1.2 h ⇒ 0.2–2 h/month.',
      sources: ['fairwinds-kubernetes-add-on-updates-stay-secure', 'chkk-fortune-500-enterprise-avoided-500k-in-e'],
    },
    {
      what: 'Node patching (AWS patches Fargate)',
      detail: 'Node patching',
      hoursPerMonth: [0, 0.5],
      scalesWith: 'cluster',
      basis: 'sourced',
      confidence: 'high',
      note: 'AWS patches Fargate infrastructure and retires old platform revisions; customer only ensures PDBs/replicas tolerate pod eviction.',
      sources: ['amazon-task-maintenance'],
    },
    {
      what: 'Fargate profiles, pod sizing, logging',
      detail: 'Fargate profiles, pod sizing and Fargate-specific logging (built-in log router) upkeep',
      hoursPerMonth: [0.5, 2],
      scalesWith: 'cluster',
      basis: 'derived',
      confidence: 'low',
      note: 'Link and Motivation found Fargate lacks DaemonSets and uses a different logging setup, and EKS-on-Fargate information is scarcer than EKS-on-EC2. Allowance 0.5–2 h/month.',
      sources: ['amazon-cluster-upgrades', 'hatenablog-160951'],
    },
    {
      what: 'IAM, RBAC and networking upkeep',
      detail: 'Platform IAM/RBAC/networking upkeep',
      hoursPerMonth: [1, 4],
      scalesWith: 'estate',
      basis: 'derived',
      confidence: 'low',
      note: 'Same items as managed nodes minus node security groups/AMI roles.',
      sources: ['githubusercontent-eks'],
    },
    {
      what: 'On-call for the platform layer',
      detail: 'On-call / incident response (platform layer)',
      hoursPerMonth: [2, 8],
      scalesWith: 'estate',
      perCluster: [0.3, 1],
      basis: 'derived',
      confidence: 'low',
      note: 'Scaled down from the managed-node figure: no node failures, autoscaler or AMI issues; control-plane/add-on/change-related incidents remain.',
      sources: ['cloudcurated-kubernetes-management-struggles-cost-it'],
    },
  ],
  'eks-auto-mode': [
    {
      what: 'Kubernetes upgrades: planning and deprecated APIs',
      detail: 'Kubernetes minor-version upgrades: planning and deprecated-API remediation (still customer-initiated)',
      hoursPerMonth: [1.5, 5],
      scalesWith: 'estate',
      basis: 'derived',
      confidence: 'medium',
      note: "AWS: 'After you initiate a control plane upgrade, EKS Auto Mode will upgrade nodes'; you remain responsible for 'apps and workloads, self-managed add-ons and controllers, Amazon EKS add-ons'. Timee's Auto Mode flow is: check deprecated APIs (Upgrade Insights) → bump cluster version → nodes and core add-ons follow. Derivation: 3/yr × 6–20 h ÷ 12 ⇒ 1.5–5 h/month.",
      sources: ['amazon-auto-upgrade', 'co', 'amazon-kubernetes-versions'],
    },
    {
      what: 'Kubernetes upgrades: control plane (AWS rolls nodes)',
      detail: 'Kubernetes minor-version upgrades: execution per cluster',
      hoursPerMonth: [0.5, 2],
      scalesWith: 'cluster',
      basis: 'derived',
      confidence: 'medium',
      note: "Node roll and VPC CNI/LB controller/CoreDNS/kube-proxy/Karpenter/EBS CSI updates are done by the service. Generali Malaysia: the upgrade work that 'usually takes a fair amount of time every quarter' is now AWS-managed. Derivation: 3/yr × 2–8 h ÷ 12 ⇒ 0.5–2 h/month.",
      sources: ['amazon-auto-upgrade', 'pages-eks-auto-mode'],
    },
    {
      what: 'Add-ons AWS does not manage',
      detail: 'Remaining customer-owned add-ons (cert-manager, external-dns, ArgoCD, Istio, observability agents, etc.)',
      hoursPerMonth: [0.3, 3],
      scalesWith: 'cluster',
      basis: 'derived',
      confidence: 'medium',
      note: "Chkk (Auto Mode launch post): 'you continue to own maintenance and upgrades of all other Add-ons'. Derivation: 10–20 add-ons minus the 6 AWS-managed ones ⇒ 4–14 × 1–2 upgrades/yr × 0.5–1.2 h ⇒ 0.3–3 h/month.",
      sources: ['amazon-auto-upgrade', 'chkk-fortune-500-enterprise-avoided-500k-in-e', 'fairwinds-kubernetes-add-on-updates-stay-secure'],
    },
    {
      what: 'Node patching (AWS replaces nodes ≤ 21 days)',
      detail: 'Node patching / AMI rotation',
      hoursPerMonth: [0, 0.5],
      scalesWith: 'cluster',
      basis: 'sourced',
      confidence: 'high',
      note: 'Nodes run locked-down AMIs and are replaced after at most 21 days; Generali reports weekly AMI replacement. Customer work is limited to disruption budgets / maintenance windows.',
      sources: ['amazon-automode', 'pages-eks-auto-mode', 'ca-srg-2564358b43f781868ac0df0f8810b963'],
    },
    {
      what: 'NodePool policy and disruption budgets',
      detail: 'NodePool policy, disruption budgets and capacity right-sizing',
      hoursPerMonth: [0.5, 2],
      scalesWith: 'cluster',
      basis: 'derived',
      confidence: 'low',
      note: 'Customer still owns node-pool policy (instance families, Spot/On-Demand, limits) and disruption controls. 0.5–2 h/month allowance.',
      sources: ['pages-eks-auto-mode', 'amazon-maximizing-value-with-amazon-eks-auto-mo'],
    },
    {
      what: 'IAM, RBAC and networking upkeep',
      detail: 'Platform IAM/RBAC/networking upkeep',
      hoursPerMonth: [1, 4],
      scalesWith: 'estate',
      basis: 'derived',
      confidence: 'low',
      note: 'As managed nodes, minus VPC CNI operation.',
      sources: ['githubusercontent-eks'],
    },
    {
      what: 'On-call for the platform layer',
      detail: 'On-call / incident response (platform layer)',
      hoursPerMonth: [3, 10],
      scalesWith: 'estate',
      perCluster: [0.3, 1.5],
      basis: 'derived',
      confidence: 'low',
      note: "Fewer node/add-on incidents than self-run node groups. Cross-check: FactualMinds' benchmark pattern (3 clusters, ~12 nodes) fell from ~80 to ~35 internal ops h/month after moving two clusters to Auto Mode.",
      sources: ['cloudcurated-kubernetes-management-struggles-cost-it', 'factualminds-aws-managed-eks-auto-mode-vs-karpenter-d'],
    },
  ],
  'ecs-ec2': [
    {
      what: 'Control-plane upgrades (none on ECS)',
      detail: 'Control-plane version upgrades',
      hoursPerMonth: [0, 0],
      scalesWith: 'estate',
      basis: 'sourced',
      confidence: 'high',
      note: "ECS has no customer-visible control-plane version to upgrade; the EKS-to-ECS migration deck lists 'High operational costs for Kubernetes updates' as the first reason to leave EKS.",
      sources: ['speakerdeck-our-eks-to-ecs-migration-chronicle', 'amazon-kubernetes-versions'],
    },
    {
      what: 'AMI patching and instance rotation',
      detail: 'AMI patching / container-instance rotation (ECS-optimized AMI + agent, ASG instance refresh with managed draining)',
      hoursPerMonth: [0.25, 1.5],
      scalesWith: 'nodePool',
      per100Nodes: [0.5, 2],
      basis: 'derived',
      confidence: 'medium',
      note: "AWS's first recommendation for agent/OS updates is to terminate instances and launch the latest ECS-optimized AMI; 'AWS releases new ECS optimized AMIs on a pretty frequent basis' (silinternational). Managed instance draining (2024) lets ASG instance refresh replace hosts without custom lifecycle hooks. Derivation: monthly rotation per ASG × 0.25–1.5 h (same mechanics as an EKS managed-node-group roll).",
      sources: [
        'amazon-agent-update-ecs-ami',
        'github-ecs-ami-deploy',
        'amazon-amazon-ecs-enables-easier-ec2-capacity-m',
        'amazon-automate-patching-by-replacing-amazon-ec',
        'garbe-ecs-migrate-to-fargate',
      ],
    },
    {
      what: 'Capacity providers and managed scaling',
      detail: 'Capacity providers / managed scaling tuning (targetCapacity, warm-up, instance types, Spot mix)',
      hoursPerMonth: [0.5, 2],
      scalesWith: 'cluster',
      basis: 'derived',
      confidence: 'low',
      note: "garbe.io lists 'Regular updates of the AMI, challenges with auto scaling, automated draining' as the EC2 maintenance burden that motivates Fargate. Allowance 0.5–2 h/month.",
      sources: ['garbe-ecs-migrate-to-fargate', 'amazon-amazon-ecs-enables-easier-ec2-capacity-m'],
    },
    {
      what: 'Capacity planning and reservations',
      detail: 'Capacity planning and instance right-sizing / reservations',
      hoursPerMonth: [0.5, 2],
      scalesWith: 'cluster',
      basis: 'derived',
      confidence: 'low',
      note: 'Tines moved to EC2 capacity providers to choose instance generations; that choice needs periodic review. Allowance.',
      sources: ['tines-migrating-ecs-fargate-ec2'],
    },
    {
      what: 'On-call for the host layer',
      detail: 'On-call for the host layer (instance health, disk, Docker/containerd, agent disconnects)',
      hoursPerMonth: [1, 4],
      scalesWith: 'estate',
      per100Nodes: [0.5, 2],
      basis: 'derived',
      confidence: 'low',
      note: 'No source gives hours; derived allowance, far below the Kubernetes platform layer.',
      sources: ['garbe-ecs-migrate-to-fargate', 'amazon-automate-patching-by-replacing-amazon-ec'],
    },
  ],
  'ecs-fargate': [
    {
      what: 'Control-plane upgrades (none on ECS)',
      detail: 'Control-plane version upgrades',
      hoursPerMonth: [0, 0],
      scalesWith: 'estate',
      basis: 'sourced',
      confidence: 'high',
      note: 'No ECS control-plane versions to manage.',
      sources: ['speakerdeck-our-eks-to-ecs-migration-chronicle'],
    },
    {
      what: 'Task retirement (AWS patches Fargate)',
      detail: 'Host patching / platform-version task retirement',
      hoursPerMonth: [0, 1],
      scalesWith: 'estate',
      basis: 'sourced',
      confidence: 'high',
      note: "'AWS is responsible for maintaining the underlying infrastructure for AWS Fargate' and 'You do not need to take any actions in response to task retirement for your service tasks'. Residual work: set fargateTaskRetirementWaitPeriod / event windows, route notifications, handle standalone tasks.",
      sources: ['amazon-task-maintenance', 'amazon-prepare-task-retirement'],
    },
    {
      what: 'Task sizing, quotas, capacity errors',
      detail: 'Task sizing, quotas and Fargate capacity-unavailable handling',
      hoursPerMonth: [0.5, 2],
      scalesWith: 'estate',
      basis: 'derived',
      confidence: 'low',
      note: "Tines (90 clusters, 20–40 deploys/day) hit 'Fargate capacity unavailable' errors; small estates rarely do. Allowance 0.5–2 h/month.",
      sources: ['tines-migrating-ecs-fargate-ec2', 'github-skill'],
    },
    {
      what: 'On-call for the compute layer',
      detail: 'On-call for the compute layer',
      hoursPerMonth: [0, 1],
      scalesWith: 'estate',
      basis: 'derived',
      confidence: 'medium',
      note: 'Near zero: no hosts; incidents are application-level and common to every option.',
      sources: ['amazon-task-maintenance'],
    },
  ],
  'ecs-managed-instances': [
    {
      what: 'Control-plane upgrades (none on ECS)',
      detail: 'Control-plane version upgrades',
      hoursPerMonth: [0, 0],
      scalesWith: 'estate',
      basis: 'sourced',
      confidence: 'high',
      note: 'No ECS control-plane versions.',
      sources: ['speakerdeck-our-eks-to-ecs-migration-chronicle'],
    },
    {
      what: 'Instance patching (AWS, 14–21 days)',
      detail: 'Instance patching',
      hoursPerMonth: [0, 0.5],
      scalesWith: 'estate',
      basis: 'sourced',
      confidence: 'high',
      note: "AWS 'handles provisioning, scaling, patching, and maintenance'; instances run a 14–21 day lifecycle (drain from day 14, terminate by day 21), earlier for vulnerabilities or to honour customer event windows.",
      sources: ['amazon-managed-instances-patching', 'amazon-managedinstances', 'speakerdeck-ecs-managed-instance-overview-key-differ'],
    },
    {
      what: 'Event windows and drain tolerance',
      detail: 'Event windows / maintenance scheduling and drain tolerance',
      hoursPerMonth: [0.5, 2],
      scalesWith: 'estate',
      basis: 'derived',
      confidence: 'medium',
      note: 'Customer configures tagged EC2 event windows and ensures services tolerate draining.',
      sources: ['amazon-managed-instances-patching'],
    },
    {
      what: 'Capacity-provider configuration',
      detail: 'Capacity-provider configuration (instance attributes, GPU/accelerator types, cost review)',
      hoursPerMonth: [0.5, 1.5],
      scalesWith: 'nodePool',
      basis: 'derived',
      confidence: 'low',
      note: 'AWS picks cost-optimised instances unless you pin attributes; periodic review. Note: the AWS Japan deck (as of 2025-10-31) listed Spot, Service Connect, Windows and custom AMIs as unsupported — re-check, newer sources say Spot is supported.',
      sources: ['amazon-managedinstances', 'speakerdeck-ecs-managed-instance-overview-key-differ'],
    },
    {
      what: 'On-call for the compute layer',
      detail: 'On-call for the compute layer',
      hoursPerMonth: [0.5, 2],
      scalesWith: 'estate',
      basis: 'derived',
      confidence: 'low',
      note: "Small: host health is AWS's; customer sees task placement/drain effects.",
      sources: ['amazon-managed-instances-patching'],
    },
  ],
};

/** A one-time move from one option to another, in engineer-weeks (40 h), not calendar weeks. */
export interface MigrationEffort {
  /** Engineer-weeks per unit of `per`: low and high. */
  weeks: readonly [number, number];
  /** `service`: per service (and job) that moves; `cluster`: per cluster. */
  per: 'service' | 'cluster';
  /** One-time platform work on the target, once per estate (absent when the target platform exists). */
  setupWeeks?: readonly [number, number];
  confidence: 'high' | 'medium' | 'low';
  note: string;
  sources: readonly EffortSourceId[];
}

/** Each further cluster or environment adds this much set-up on the target (engineer-weeks). */
export const EXTRA_CLUSTER_SETUP_WEEKS: readonly [number, number] = [1, 3];

// Moves that share one estimate: the per-service work is the same whichever ECS option a service
// leaves, and leaving EKS for Fargate or Managed Instances needs the same rewrite and no host layer.
const FROM_ECS_TO_EKS_MANAGED_NODES: MigrationEffort = {
  weeks: [0.5, 2],
  per: 'service',
  setupWeeks: [4, 12],
  confidence: 'medium',
  note: "Per service: task definition → Deployment/Helm chart, task role → Pod Identity/IRSA, Cloud Map/ALB → Service/Ingress, scaling → HPA/KEDA, pipeline → GitOps, weighted-DNS cutover. setupWeeks: first EKS platform (VPC CNI/IP plan, LB controller, external-dns, cert-manager, Karpenter, observability, RBAC, GitOps). Cross-checks: EaseCloud moved 40 services (from EC2 VMs) in 8 weeks after 2 weeks of prep with 6 teams (≈ 0.9 engineer-weeks/service if ~1 engineer per team); AWS Prescriptive Guidance (OpenShift→EKS, 1 cluster, 100+ apps) puts CI/CD pipeline migration alone at 240 h (≈ 6 engineer-weeks); Sedai: 'typically takes 3–6 months' for mid-sized platforms (calendar); Figma (large org, few 'powerful core services') went from plan in Q1 2023 to majority cutover in January 2024, 'less than 12 months' (calendar). Add team ramp-up: Humanitec 2022 found 57% of low performers need ≥1 month to onboard one developer to K8s vs 1 day–1 week for top performers. Services needing StatefulSets/operators are the reason to move and get easier; stateful data moves cost extra. Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
  sources: [
    'infoq-figma-ecs-kubernetes-eks',
    'pages-2024-08-08-figma-migrated-onto-k8s-in-le',
    'figma-migrating-onto-kubernetes',
    'medium-migrating-from-ecs-to-kubernetes-189b182',
    'github-farewell-ecs-hello-eks',
    'easecloud-migrating-40-microservices-to-eks-in-8-w',
    'sedai-ecs-to-kubernetes',
    'skyhook-migrating-from-ecs-to-eks',
    'dev-zero-downtime-ecs-eks-migration-orchestr',
    'amazon-phase-3-ci-cd-pipeline-migration',
    'scribd-kubernetes-benchmarking-study-2022-2022',
  ],
};

const FROM_ECS_TO_EKS_AUTO_MODE: MigrationEffort = {
  weeks: [0.5, 2],
  per: 'service',
  setupWeeks: [2, 8],
  confidence: 'medium',
  note: "Same per-service work as ECS → EKS; platform setup is smaller because AWS runs VPC CNI, LB controller, CoreDNS, EBS CSI and Karpenter (Link and Motivation moved ECS → Auto Mode and found the managed LB controller removed a common stumbling block). Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
  sources: [
    'hatenablog-160951',
    'amazon-auto-upgrade',
    'infoq-figma-ecs-kubernetes-eks',
    'easecloud-migrating-40-microservices-to-eks-in-8-w',
    'sedai-ecs-to-kubernetes',
  ],
};

const FROM_ECS_TO_EKS_FARGATE: MigrationEffort = {
  weeks: [0.5, 2],
  per: 'service',
  setupWeeks: [3, 8],
  confidence: 'low',
  note: "Same per-service work as ECS → EKS, plus Fargate profile and logging constraints (no DaemonSets). Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
  sources: ['hatenablog-160951', 'infoq-figma-ecs-kubernetes-eks', 'sedai-ecs-to-kubernetes'],
};

const FROM_EKS_TO_ECS_WITHOUT_HOSTS: MigrationEffort = {
  weeks: [0.5, 1.5],
  per: 'service',
  setupWeeks: [2, 5],
  confidence: 'low',
  note: "Per service: Deployment/Service/Ingress/ConfigMap/Secret → task definition, ECS service, ALB target group/Service Connect, Secrets Manager; Helm releases become IaC modules. In The Pocket moved ~50 microservices service-by-service behind feature flags with canary traffic shifting (duration not stated); the EKS→ECS deck (2024) did a PoC of concept mapping first. Workloads relying on CRDs/operators/StatefulSets or Helm-packaged OSS (Figma's etcd, Temporal) have no ECS equivalent: add 2–8 engineer-weeks each or replace with an AWS managed service. Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
  sources: [
    'inthepocket-moving-away-from-kubernetes-to-aws-ecs-a',
    'speakerdeck-our-eks-to-ecs-migration-chronicle',
    'graycloudarch',
    'infoq-figma-ecs-kubernetes-eks',
  ],
};

const FROM_EKS_TO_ECS_EC2: MigrationEffort = {
  weeks: [0.5, 1.5],
  per: 'service',
  setupWeeks: [3, 7],
  confidence: 'low',
  note: "Per service: Deployment/Service/Ingress/ConfigMap/Secret → task definition, ECS service, ALB target group/Service Connect, Secrets Manager; Helm releases become IaC modules. In The Pocket moved ~50 microservices service-by-service behind feature flags with canary traffic shifting (duration not stated); the EKS→ECS deck (2024) did a PoC of concept mapping first. Workloads relying on CRDs/operators/StatefulSets or Helm-packaged OSS (Figma's etcd, Temporal) have no ECS equivalent: add 2–8 engineer-weeks each or replace with an AWS managed service. Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
  sources: [
    'inthepocket-moving-away-from-kubernetes-to-aws-ecs-a',
    'speakerdeck-our-eks-to-ecs-migration-chronicle',
    'graycloudarch',
    'infoq-figma-ecs-kubernetes-eks',
  ],
};

/** Keyed `from->to`; every ordered pair of different options is here. */
export const MIGRATION_EFFORT: Partial<Record<`${OptionId}->${OptionId}`, MigrationEffort>> = {
  'ecs-ec2->ecs-fargate': {
    weeks: [0.2, 1],
    per: 'service',
    setupWeeks: [0.5, 2],
    confidence: 'medium',
    note: "Per service: awsvpc network mode, task-level CPU/memory from Fargate's combinations, per-task security groups, remove host-dependent features (host volumes, privileged, daemon tasks), then switch the service's capacity provider (ECS supports EC2 launch type → Fargate capacity provider in place since 2025-06). Scale Factory: 'it's a relatively easy migration'. Derivation: 1–5 engineer-days per service. Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
    sources: ['amazon-capacity-provider-strategy', 'scalefactory-migrating-to-fargate-from-ecs-with-ec2', 'garbe-ecs-migrate-to-fargate'],
  },
  'ecs-fargate->ecs-ec2': {
    weeks: [0.1, 0.5],
    per: 'service',
    setupWeeks: [1, 3],
    confidence: 'medium',
    note: "Services need little change (awsvpc also works on EC2); the cost is building the host layer: ASG + capacity provider, AMI pipeline, managed draining, scaling policy. Tines did this for 90 clusters (duration not stated). Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
    sources: ['tines-migrating-ecs-fargate-ec2', 'amazon-capacity-provider-strategy', 'amazon-amazon-ecs-enables-easier-ec2-capacity-m'],
  },
  'ecs-ec2->ecs-managed-instances': {
    weeks: [0.1, 0.5],
    per: 'service',
    setupWeeks: [0.5, 1.5],
    confidence: 'medium',
    note: "AWS procedure: create the Managed Instances capacity provider (IAM/infrastructure roles), then update each service with force-new-deployment to the new capacity-provider strategy. Check feature gaps first (custom AMIs not supported). Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
    sources: ['amazon-update-service-managed-instances', 'amazon-managedinstances', 'speakerdeck-ecs-managed-instance-overview-key-differ'],
  },
  'ecs-fargate->ecs-managed-instances': {
    weeks: [0.1, 0.4],
    per: 'service',
    setupWeeks: [0.5, 1.5],
    confidence: 'medium',
    note: "Same procedure as from EC2; task definitions are usually already awsvpc. Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
    sources: ['amazon-update-service-managed-instances', 'amazon-managedinstances'],
  },
  'ecs-managed-instances->ecs-fargate': {
    weeks: [0.1, 0.5],
    per: 'service',
    setupWeeks: [0.2, 1],
    confidence: 'medium',
    note: "Possible only for tasks within Fargate limits (≤16 vCPU/120 GiB, no GPU). Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
    sources: ['amazon-capacity-provider-strategy', 'scalefactory-migrating-to-fargate-from-ecs-with-ec2'],
  },
  'ecs-managed-instances->ecs-ec2': {
    weeks: [0.1, 0.5],
    per: 'service',
    setupWeeks: [1, 3],
    confidence: 'medium',
    note: "Cost is building and then operating the host layer (ASG, AMI pipeline). Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
    sources: ['amazon-capacity-provider-strategy', 'amazon-amazon-ecs-enables-easier-ec2-capacity-m'],
  },
  'eks-managed-nodes->eks-auto-mode': {
    weeks: [1, 4],
    per: 'cluster',
    confidence: 'medium',
    note: "AWS: enable Auto Mode, then 'eksctl delete nodegroup' drains MNG pods onto Auto Mode nodes; from Karpenter, run both side by side with a tainted Auto Mode NodePool and move workloads gradually. DeNA instead built new Auto Mode clusters and migrated, and warns of unintended load-balancer re-creation and per-node pod limits. In-place ≈ 1–2 weeks incl. testing; blue/green new cluster ≈ 2–4 weeks. CyberAgent evaluated and declined (CNI/add-on/locked-node constraints) — budget the evaluation even if you stay. Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
    sources: [
      'amazon-auto-migrate-mng',
      'amazon-auto-migrate-karpenter',
      'dena-itpf3g-maeda-eks-auto-mode',
      'speakerdeck-deep-dive-migrate-to-eks-auto-mode',
      'ca-srg-2564358b43f781868ac0df0f8810b963',
    ],
  },
  'eks-fargate->eks-auto-mode': {
    weeks: [1, 3],
    per: 'cluster',
    confidence: 'low',
    note: "AWS Japan SA deck covers Fargate → Auto Mode; pods move off Fargate profiles onto Auto Mode NodePools; DaemonSet-based logging becomes possible. Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
    sources: ['speakerdeck-deep-dive-migrate-to-eks-auto-mode', 'hatenablog-160951'],
  },
  'eks-auto-mode->eks-managed-nodes': {
    weeks: [2, 5],
    per: 'cluster',
    confidence: 'low',
    note: "You take back VPC CNI, LB controller, CoreDNS, kube-proxy, EBS CSI, autoscaler and the AMI pipeline. Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
    sources: ['amazon-auto-upgrade', 'amazon-cluster-upgrades'],
  },
  'eks-managed-nodes->eks-fargate': {
    weeks: [2, 6],
    per: 'cluster',
    confidence: 'low',
    note: "Replace DaemonSets (logging/monitoring) with Fargate log router/sidecars, drop EBS volumes and GPU workloads, define Fargate profiles; some workloads may not fit. Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
    sources: ['amazon-cluster-upgrades', 'hatenablog-160951'],
  },
  'eks-fargate->eks-managed-nodes': {
    weeks: [1.5, 4],
    per: 'cluster',
    confidence: 'low',
    note: "Build node groups, autoscaler, AMI process and add node-level add-ons; workloads mostly unchanged. Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
    sources: ['amazon-cluster-upgrades'],
  },
  'eks-auto-mode->eks-fargate': {
    weeks: [2, 6],
    per: 'cluster',
    confidence: 'low',
    note: "As managed nodes → Fargate. Units are engineer-weeks (person-weeks of effort), not calendar weeks. 'setupWeeks' is the one-time platform cost paid once per target estate (first cluster); add 1–3 engineer-weeks per additional cluster/environment.",
    sources: ['amazon-cluster-upgrades'],
  },
  'ecs-fargate->eks-managed-nodes': FROM_ECS_TO_EKS_MANAGED_NODES,
  'ecs-fargate->eks-auto-mode': FROM_ECS_TO_EKS_AUTO_MODE,
  'ecs-fargate->eks-fargate': FROM_ECS_TO_EKS_FARGATE,
  'ecs-ec2->eks-managed-nodes': FROM_ECS_TO_EKS_MANAGED_NODES,
  'ecs-ec2->eks-auto-mode': FROM_ECS_TO_EKS_AUTO_MODE,
  'ecs-ec2->eks-fargate': FROM_ECS_TO_EKS_FARGATE,
  'ecs-managed-instances->eks-managed-nodes': FROM_ECS_TO_EKS_MANAGED_NODES,
  'ecs-managed-instances->eks-auto-mode': FROM_ECS_TO_EKS_AUTO_MODE,
  'ecs-managed-instances->eks-fargate': FROM_ECS_TO_EKS_FARGATE,
  'eks-managed-nodes->ecs-fargate': FROM_EKS_TO_ECS_WITHOUT_HOSTS,
  'eks-managed-nodes->ecs-ec2': FROM_EKS_TO_ECS_EC2,
  'eks-managed-nodes->ecs-managed-instances': FROM_EKS_TO_ECS_WITHOUT_HOSTS,
  'eks-fargate->ecs-fargate': FROM_EKS_TO_ECS_WITHOUT_HOSTS,
  'eks-fargate->ecs-ec2': FROM_EKS_TO_ECS_EC2,
  'eks-fargate->ecs-managed-instances': FROM_EKS_TO_ECS_WITHOUT_HOSTS,
  'eks-auto-mode->ecs-fargate': FROM_EKS_TO_ECS_WITHOUT_HOSTS,
  'eks-auto-mode->ecs-ec2': FROM_EKS_TO_ECS_EC2,
  'eks-auto-mode->ecs-managed-instances': FROM_EKS_TO_ECS_WITHOUT_HOSTS,
};

/** The documents behind a list of effort source ids. */
export function effortSources(ids: readonly EffortSourceId[]): EffortSource[] {
  return ids.map((id) => ({ ...EFFORT_SOURCES[id] }));
}
