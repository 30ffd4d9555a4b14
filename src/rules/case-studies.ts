/**
 * Public case studies, matched to a workload by trait similarity. Each says what the company really
 * ran (`chose`), the closest of the six options and whether the sources confirm exactly that option
 * (`exact`), whether it adopted the option or looked and decided against it, the traits that drove
 * the choice, the lesson, what the sources leave unconfirmed, a confidence, and public sources a
 * reader can open.
 */
import type { CaseStudyMatch } from '../domain/advice.js';
import { optionName } from '../domain/options.js';
import { compareText, formatNumber } from '../schema/numbers.js';
import type { Workload } from '../schema/workload.js';
import { factsOf, type WorkloadFacts } from './traits.js';
import type { CaseStudy, CaseTraits } from './types.js';

export const CASE_STUDIES: readonly CaseStudy[] = [
  {
    id: 'lyft',
    name: 'Lyft',
    option: 'eks-managed-nodes',
    exact: false,
    adopted: true,
    chose: 'self-managed Kubernetes on EC2, run by its own infrastructure team',
    year: 2018,
    traits: { teamSize: 'large', platformTeam: true, kubernetes: 'expert', kubernetesEcosystem: 'central', bursty: true, largeFleet: true },
    lesson:
      'Lyft moved hundreds of services from EC2 virtual machines to Kubernetes from 2018, using its own Envoy service mesh as a sidecar to split traffic between the old fleet and the new clusters; by 2020 it ran many independent clusters spanning thousands of nodes. A move that size paid off because a networking and platform team could run both worlds side by side for a long time.',
    unconfirmed:
      'No source mentions EKS: the talks describe clusters Lyft builds and runs itself, though none says outright that EKS is not used. The usual "ECS first" retelling is not supported: before Kubernetes, Lyft deployed services as EC2 virtual machines.',
    confidence: 'medium',
    sources: [
      {
        title:
          'Evolving Legacy Systems into Kubernetes at Lyft: A Hybrid Environment (Lita Cho, Jose Nino), KubeCon + CloudNativeCon North America 2018',
        url: 'https://mtngs.io/cncf/kubecon-cloudnativecon-north-america-2018-seattle/xQxIoy50Mzo.html',
        date: '2018-12',
        publisher: 'CNCF, talk recording and abstract',
      },
      {
        title: 'Multi-cluster Made Reasonable: Envoy Service Mesh Control Plane (Lyft), KubeCon + CloudNativeCon Europe 2020',
        url: 'https://kccnceu20.sched.com/event/ZesE/multi-cluster-made-reasonable-envoy-service-mesh-control-plane-yann-ramin-paul-fisher-lyft',
        date: '2020-08',
        publisher: 'CNCF, talk abstract',
      },
      {
        title: 'Lyft and the ☁️',
        url: 'https://kosigz.svbtle.com/how-we-measure-platform-utilization-at-lyft',
        date: '2019',
        publisher: 'blog of a Lyft Capacity team engineer',
      },
    ],
  },
  {
    id: 'robinhood',
    name: 'Robinhood',
    option: 'eks-managed-nodes',
    exact: false,
    adopted: true,
    chose: 'Kubernetes on AWS behind an in-house service framework',
    year: 2019,
    traits: { teamSize: 'large', platformTeam: true, kubernetes: 'expert', kubernetesEcosystem: 'some', compliance: true },
    lesson:
      'Robinhood moved to Kubernetes to fix deploys, not for fashion: Terraform and SaltStack host deploys were non-deterministic and slow on large services. A platform team then wrapped Kubernetes in one standard service definition (the "Archetype Framework", built on custom resources) and later a deploy platform with canary analysis and automatic rollback.',
    unconfirmed:
      'The posts describe Kubernetes on AWS but do not say whether the clusters are EKS. They do not discuss regulation: Robinhood counts as regulated because it is a regulated broker, not because the posts say so.',
    confidence: 'medium',
    sources: [
      {
        title: 'Building an Application Deployment Platform on Kubernetes',
        url: 'https://www.robinhood.com/us/en/newsroom/building-an-application-deployment-platform-on-kubernetes',
        date: '2019-11-13',
        publisher: 'Robinhood Engineering',
      },
      {
        title: 'Improving Safety and Velocity at Robinhood with our Deployment Platform',
        url: 'https://newsroom.aboutrobinhood.com/improving-safety-and-velocity-at-robinhood-with-our-deployment-platform/',
        publisher: 'Robinhood Engineering',
      },
    ],
  },
  {
    id: 'pinterest',
    name: 'Pinterest',
    option: 'eks-managed-nodes',
    exact: false,
    adopted: true,
    chose: 'PinCompute, its own multi-tenant Kubernetes platform on EC2, GPU hosts included',
    year: 2023,
    traits: {
      teamSize: 'large',
      platformTeam: true,
      kubernetes: 'expert',
      kubernetesEcosystem: 'central',
      gpus: true,
      batch: true,
      largeFleet: true,
    },
    lesson:
      'Pinterest runs services, batch jobs and more than half of its offline ML training (tens of thousands of Ray clusters a month, on GPU hosts) on one Kubernetes platform, with one cluster per Availability Zone. Owning the nodes has a price: a months-long 2025 investigation traced crashing GPU training jobs to an unused agent in the base machine image that crash-looped and starved the kubelet. Whoever owns the nodes also owns the image.',
    unconfirmed:
      'The sources describe in-house Kubernetes clusters on EC2 and do not mention EKS. GPU autoscaling with Karpenter, often attributed to Pinterest, is not in the sources.',
    confidence: 'high',
    sources: [
      {
        title:
          'PinCompute: A Kubernetes Backed General Purpose Compute Platform for Pinterest (summary linking the Pinterest Engineering post)',
        url: 'https://www.engineering.fyi/article/pincompute-a-kubernetes-backed-general-purpose-compute-platform-for-pinterest',
        date: '2023-10',
        publisher: 'Pinterest Engineering, via engineering.fyi',
      },
      {
        title: 'Pinterest Engineers Eliminate CPU Zombies to Resolve Production Bottlenecks',
        url: 'https://www.infoq.com/news/2026/05/pinterest-cpu-zombies-bottleneck/',
        date: '2026-05',
        publisher: 'InfoQ',
      },
      {
        title: 'Pinterest PinCompute (system summary)',
        url: 'https://sysdesign-wiki.pages.dev/systems/pinterest-pincompute/',
        publisher: 'sysdesign-wiki, third party',
      },
    ],
  },
  {
    id: 'crowdstrike',
    name: 'CrowdStrike',
    option: 'eks-managed-nodes',
    exact: false,
    adopted: true,
    chose: 'not publicly documented; public sources mention Kubernetes autoscaling work, not ECS, Fargate or EKS',
    year: 2023,
    traits: { kubernetes: 'some', bursty: true, batch: true, largeFleet: true },
    lesson:
      'The often-repeated story that CrowdStrike runs its telemetry ingestion on ECS Fargate has no public source. What is public is a 2016 move to AWS to cut operational overhead and avoid capacity planning, and later work on autoscaling Kubernetes to follow a message volume in the trillions a week. Treat it as a caution against folklore, not as a precedent for any option.',
    unconfirmed:
      'No source confirms Fargate, ECS or EKS, or per-task isolation. The 2016 AWS case study predates Fargate (generally available in November 2017), and the 2022–23 university clinic page says only that CrowdStrike autoscales Kubernetes for its message processing; the closest option is a guess.',
    confidence: 'low',
    sources: [
      {
        title: 'CrowdStrike Case Study',
        url: 'https://aws.amazon.com/solutions/case-studies/crowdstrike/',
        date: '2016',
        publisher: 'Amazon Web Services',
      },
      {
        title: 'Designing Algorithms and Infrastructure for Improved Kubernetes Autoscaling (CrowdStrike clinic project, 2022–23)',
        url: 'https://www.hmc.edu/clinic/2023/designing-algorithms-and-infrastructure-for-improved-kubernetes-autoscaling/',
        date: '2023',
        publisher: 'Harvey Mudd College',
      },
    ],
  },
  {
    id: 'goldman-sachs',
    name: 'Goldman Sachs (Transaction Banking)',
    option: 'ecs-fargate',
    exact: true,
    adopted: true,
    chose: 'ECS on Fargate for the stateless microservices of its Transaction Banking platform',
    year: 2023,
    traits: { teamSize: 'large', compliance: true, largeFleet: true },
    lesson:
      'A heavily regulated bank runs hundreds of microservices on ECS Fargate and aims for zero downtime with CodeDeploy blue/green deploys, synthetic checks and regular multi-Region failover drills. Regulation and scale do not by themselves require Kubernetes or self-managed hosts.',
    unconfirmed:
      'The details come from a talk transcript and a third-party summary of a second talk, not a Goldman Sachs write-up; task counts and team structure are not given.',
    confidence: 'medium',
    sources: [
      {
        title:
          "AWS re:Invent 2022 – What's new and what's next with Amazon ECS (CON210), with Akhilesh Reddy of Goldman Sachs (transcript)",
        url: 'https://dekcom.howtoclicks.com/blog/el64yantmia',
        date: '2022-12',
        publisher: 'AWS Events, transcript copy',
      },
      {
        title: 'AWS re:Invent 2023 – Goldman Sachs: The journey to zero downtime (FSI310), summary',
        url: 'https://awsrelearn.com/aws-reinvent-2023/goldman-sachs-the-journey-to-zero-downtime-fsi310',
        date: '2023-12',
        publisher: 'awsrelearn.com, third-party summary of an AWS talk',
      },
    ],
  },
  {
    id: 'vanguard',
    name: 'Vanguard',
    option: 'ecs-fargate',
    exact: true,
    adopted: true,
    chose: 'ECS on Fargate for mission-critical, high-security microservices',
    year: 2019,
    traits: { teamSize: 'large', compliance: true, perTaskIsolation: true },
    lesson:
      'One of the world\'s largest investment companies went "all in" on Fargate for high-security workloads, replacing a third-party container platform after getting ECS and Fargate through its security approval. It listed Fargate\'s task-level isolation and the shared responsibility model among its reasons, alongside elasticity, less management overhead and cost: per-task VM isolation can decide the question for a regulated team.',
    unconfirmed:
      'The isolation point comes from a slide whose text is cut off after "Full tenant isolation"; the legacy platform and the fleet size are not named.',
    confidence: 'high',
    sources: [
      {
        title: 'Containers and mission-critical applications (SEP309-R), AWS re:Inforce 2019, with Vanguard (slides)',
        url: 'https://www.slideshare.net/AmazonWebServices/containers-and-missioncritical-applications-sep309r-aws-reinforce-2019',
        date: '2019-06',
        publisher: 'Amazon Web Services, on SlideShare',
      },
      {
        title: 'AWS re:Invent 2019 – All in on AWS Fargate for high-security workloads (CON322-R1), captions',
        url: 'https://videodb.org/aws-reinvent-2019-repeat-1-all-in-on-aws-fargate-for-high-security-workloads-con322-r1/gNDi6l2tIws',
        date: '2019-12',
        publisher: 'AWS Events, captions copy',
      },
    ],
  },
  {
    id: 'bewith',
    name: 'bewith',
    option: 'ecs-fargate',
    exact: true,
    adopted: true,
    chose: 'ECS on Fargate, managed with Terraform',
    year: 2024,
    traits: { teamSize: 'small', platformTeam: false, kubernetes: 'none', portability: false },
    lesson:
      'A three-engineer team with AWS experience and fewer than 20 services picked ECS Fargate to avoid node management and cluster upgrades, knowingly accepting more lock-in. It wrote down when to revisit the choice: 50 or more services, more than one cloud, or active-active across Regions.',
    unconfirmed: 'This is a decision record; it reports no production outcomes.',
    confidence: 'high',
    sources: [
      {
        title: 'ADR-001: Deploy on AWS ECS Fargate',
        url: 'https://bewith-docs.pages.dev/he/adrs/adr-001-aws-ecs',
        date: '2024-08-01',
        publisher: 'bewith engineering docs',
      },
    ],
  },
  {
    id: 'smplkit',
    name: 'smplkit',
    option: 'ecs-fargate',
    exact: true,
    adopted: true,
    chose: 'ECS on Fargate instead of EKS',
    year: 2024,
    traits: { teamSize: 'small', platformTeam: false, kubernetesEcosystem: 'none', bursty: true },
    lesson:
      'With four stateless product microservices plus a platform service, bursty but moderate traffic and no need for a service mesh, the team judged Kubernetes "overkill" and chose ECS Fargate over EKS with managed node groups or Fargate profiles; it has run in production for over a year. It still says Kubernetes is often right for organisations with a dedicated platform team.',
    unconfirmed: 'The post gives no headcount; "a small team without a platform team" follows from its own reasoning.',
    confidence: 'medium',
    sources: [
      {
        title: 'Why We Chose ECS Fargate Over Kubernetes',
        url: 'https://www.smplkit.com/blog/ecs-fargate-over-kubernetes',
        publisher: 'smplkit blog',
      },
    ],
  },
  {
    id: 'segment',
    name: 'Segment',
    option: 'ecs-ec2',
    exact: true,
    adopted: true,
    chose: 'ECS on EC2 container instances, with Terraform and one AWS account per environment',
    year: 2015,
    traits: { kubernetes: 'none', kubernetesEcosystem: 'none' },
    lesson:
      "As Segment's engineering team grew, production was still something only a handful of people understood. In 10 weeks it replaced hand-built instances with containers on ECS, infrastructure in Terraform and one AWS account per environment, so that production became auditable, simple and usable by everyone.",
    unconfirmed:
      'The post says ECS, not "EC2 launch type"; in 2015 ECS ran only on EC2 instances (Fargate arrived in November 2017). Team size is not given.',
    confidence: 'high',
    sources: [
      {
        title: 'Rebuilding Our Infrastructure with Docker, ECS, and Terraform (Calvin French-Owen)',
        url: 'https://segment.com/blog/rebuilding-our-infrastructure/',
        date: '2015-10-07',
        publisher: 'Segment Engineering',
      },
    ],
  },
  {
    id: 'yipitdata',
    name: 'YipitData',
    option: 'ecs-ec2',
    exact: true,
    adopted: true,
    chose: 'ECS on EC2 behind an internal PaaS, batch workers on Spot, some Fargate',
    year: 2019,
    traits: { platformTeam: true, kubernetes: 'none', kubernetesEcosystem: 'none', batch: true },
    lesson:
      'An infrastructure team of one to three people has run ECS since 2016 because it integrates with IAM, CloudWatch and load balancers with the fewest moving parts. Most container processes are workers and batch jobs on EC2 Spot instances, which cut that bill by 80–90 %; the team said it would move more to Fargate if Fargate were much cheaper.',
    unconfirmed: 'The post is by one of the infrastructure engineers on his own blog; company and engineering headcount are not given.',
    confidence: 'medium',
    sources: [
      {
        title: 'AWS Fargate (Hugo Lopes Tavares)',
        url: 'https://blog.hltbra.net/2019/03/06/aws-fargate.html',
        date: '2019-03-06',
        publisher: 'blog of a YipitData infrastructure engineer',
      },
    ],
  },
  {
    id: 'tines',
    name: 'Tines',
    option: 'ecs-ec2',
    exact: true,
    adopted: true,
    chose: 'moved its backend services from ECS on Fargate to ECS on EC2 capacity providers',
    year: 2025,
    traits: { largeFleet: true },
    lesson:
      'Deploying 20–40 times a day to about 90 ECS clusters, Tines kept hitting "Fargate capacity unavailable" errors, and Fargate Spot would not fall back to On-Demand in the middle of a deploy, which left some services running stale code. It also wanted newer CPUs. EC2 capacity providers kept ECS but gave back control: Fargate\'s simplicity has limits at high deploy churn.',
    unconfirmed: 'Team size and Kubernetes experience are not given; the post does not say whether EKS was considered.',
    confidence: 'high',
    sources: [
      {
        title: 'Why we moved our ECS services from Fargate to EC2 (Nico Waissbluth)',
        url: 'https://www.tines.com/blog/migrating-ecs-fargate-ec2',
        date: '2025-06-03',
        publisher: 'Tines Engineering',
      },
    ],
  },
  {
    id: 'bayzat',
    name: 'Bayzat',
    option: 'ecs-ec2',
    exact: false,
    adopted: true,
    chose: 'Amazon ECS on an unstated launch type, replacing hand-managed EC2 hosts',
    year: 2020,
    traits: { teamSize: 'medium', platformTeam: true, kubernetes: 'none', kubernetesEcosystem: 'none' },
    lesson:
      'A growing product company with a small SRE team moved its mostly monolithic JVM application from EC2 hosts run with supervisord and Ansible to containers on ECS. Container images replaced golden machine images and host configuration, and ECS was the least new machinery to learn: containers pay off even without microservices.',
    unconfirmed:
      'The post does not say whether ECS runs on Fargate or on EC2 (ECS on EC2 is the closest guess), and gives no headcount: "medium" follows from "as the company grew, the team size grew".',
    confidence: 'medium',
    sources: [
      {
        title: 'Why we chose AWS ECS',
        url: 'https://mtyurt.net/post/2021/why-we-chose-aws-ecs.html',
        date: '2021',
        publisher: 'blog of a Bayzat SRE',
      },
    ],
  },
  {
    id: 'figma',
    name: 'Figma',
    option: 'eks-managed-nodes',
    exact: false,
    adopted: true,
    chose: 'moved its core services from ECS on EC2 to Amazon EKS',
    year: 2024,
    traits: { teamSize: 'large', platformTeam: true, kubernetes: 'some', kubernetesEcosystem: 'central', portability: true },
    lesson:
      'Figma left ECS because it kept working around what ECS lacks: StatefulSets for etcd, Helm charts for open-source software such as Temporal, and CNCF tools such as Keda, Karpenter and Envoy; it also cited lock-in and hiring. It kept the move tightly scoped, finished most services in under 12 months (January 2024), and runs three active clusters per environment to limit the blast radius. Figma says it is "not a microservices company", which made the move digestible.',
    unconfirmed: 'Whether the EKS nodes are managed node groups, Karpenter or something else is not stated in the sources.',
    confidence: 'high',
    sources: [
      {
        title: 'How we migrated onto K8s in less than 12 months',
        url: 'https://www.figma.com/blog/how-we-migrated-onto-k8s-in-less-than-12-months/',
        date: '2024-08-08',
        publisher: 'Figma Engineering',
      },
      {
        title: 'Figma Moves from ECS to Kubernetes to Benefit from the CNCF Ecosystem and Reduce Costs',
        url: 'https://www.infoq.com/news/2024/09/figma-ecs-kubernetes-eks/',
        date: '2024-09',
        publisher: 'InfoQ',
      },
      {
        title: 'Why Kubernetes? Too many issues with the supposedly simpler AWS Elastic Container Service, says Figma',
        url: 'https://devclass.com/2024/08/13/why-kubernetes-too-many-issues-with-the-supposedly-simpler-aws-elastic-container-service-says-figma/',
        date: '2024-08-13',
        publisher: 'DevClass',
      },
    ],
  },
  {
    id: 'egym',
    name: 'EGYM',
    option: 'eks-managed-nodes',
    exact: false,
    adopted: true,
    chose: 'moved three ECS clusters on EC2 to Amazon EKS, to match its GKE estate',
    year: 2024,
    traits: { platformTeam: true, kubernetes: 'expert', kubernetesEcosystem: 'central', portability: true },
    lesson:
      'A company already running everything on Google Kubernetes Engine found it costly to hire and train for two orchestrators after an acquisition brought ECS. Moving AWS to EKS let its SRE team reuse the same Kubernetes components and skills on both clouds; it ran both platforms side by side and shifted traffic in small steps with CloudFront and Route 53 for a cutover without downtime, stopping the last ECS task in February 2024.',
    unconfirmed:
      'The EKS node type and team size are not stated; "ECS on EC2" follows from the post\'s mention of the EC2 container-instance IAM role.',
    confidence: 'high',
    sources: [
      {
        title: 'Farewell, ECS! Hello, EKS: A Kubernetes Migration Story',
        url: 'https://jhandguy.github.io/posts/farewell-ecs-hello-eks',
        date: '2024',
        publisher: 'blog of an EGYM SRE',
      },
    ],
  },
  {
    id: 'casaone',
    name: 'CasaOne',
    option: 'eks-managed-nodes',
    exact: false,
    adopted: true,
    chose: 'moved from ECS, one cluster per service, to Amazon EKS',
    year: 2020,
    traits: { kubernetesEcosystem: 'some' },
    lesson:
      'A startup that began on ECS moved to EKS once it was stuck with one cluster and one load balancer per service, stateful tools that were awkward to run (Prometheus and Elasticsearch with docker-compose on EC2) and home-grown Terraform modules that new developers struggled with. It wanted a platform with existing tooling, documentation and community.',
    unconfirmed: 'Team size, the ECS launch type and the EKS node type are not stated.',
    confidence: 'high',
    sources: [
      {
        title: 'Migrating from ECS to Kubernetes (Deepak Narayana Rao)',
        url: 'https://medium.com/casaone-engineering/migrating-from-ecs-to-kubernetes-189b18235121',
        date: '2020-08-17',
        publisher: 'CasaOne Engineering',
      },
    ],
  },
  {
    id: 'dmm-exnoa',
    name: 'DMM / EXNOA',
    option: 'eks-managed-nodes',
    exact: true,
    adopted: true,
    chose: 'Amazon EKS with managed node groups, no Fargate',
    year: 2022,
    traits: { platformTeam: true, kubernetes: 'expert', kubernetesEcosystem: 'some' },
    lesson:
      'A platform infrastructure department that had run EKS 1.22 on managed node groups for about two years concluded that EKS is "not hard, but you must reserve time to operate it": version upgrades, ingress-controller upgrades and blue/green node-group swaps are recurring work to plan for.',
    unconfirmed: 'Fleet size and team size are not given; the post is in Japanese.',
    confidence: 'high',
    sources: [
      {
        title: 'Is running EKS hard after all? Lessons and container security from two years of EKS (in Japanese)',
        url: 'https://inside.dmm.com/entry/2022/08/26/eks_is_hard',
        date: '2022-08-26',
        publisher: 'DMM inside',
      },
    ],
  },
  {
    id: 'anthropic',
    name: 'Anthropic',
    option: 'eks-managed-nodes',
    exact: false,
    adopted: true,
    chose: 'Amazon EKS ultra-scale clusters for training and inference on GPUs and Trainium',
    year: 2025,
    traits: {
      teamSize: 'large',
      platformTeam: true,
      kubernetes: 'expert',
      kubernetesEcosystem: 'central',
      gpus: true,
      batch: true,
      largeFleet: true,
    },
    lesson:
      "At frontier-model scale, Anthropic runs more than 99 % of its compute on EKS, in very large single clusters so that training jobs share one accelerator pool and scheduling stays in one place, with its own schedulers on top. This is GPU work at a scale where Kubernetes' extensibility, not its simplicity, decides.",
    unconfirmed:
      'Whether the nodes are managed node groups, self-managed or Karpenter-provisioned is not stated; the details come from AWS posts and a talk recap, not an Anthropic write-up.',
    confidence: 'high',
    sources: [
      {
        title: 'Amazon EKS enables ultra scale AI/ML workloads with support for 100K nodes per cluster',
        url: 'https://aws.amazon.com/blogs/containers/amazon-eks-enables-ultra-scale-ai-ml-workloads-with-support-for-100k-nodes-per-cluster/',
        date: '2025-07',
        publisher: 'AWS Containers Blog',
      },
      {
        title: 're:Invent 2025 – Under the hood: Architecting Amazon EKS for scale and performance (CNS429)',
        url: 'https://repost.aws/articles/ARZ3qVRVY8SUKZ_6mj32xAiQ/re-invent-2025-under-the-hood-architecting-amazon-eks-for-scale-and-performance',
        date: '2025-12',
        publisher: 'AWS re:Post',
      },
    ],
  },
  {
    id: 'generali-italia',
    name: 'Generali Italia',
    option: 'eks-fargate',
    exact: true,
    adopted: true,
    chose: 'Amazon EKS on AWS Fargate for critical claims-management workloads',
    year: 2019,
    traits: { teamSize: 'large', compliance: true, kubernetes: 'some' },
    lesson:
      "One of Europe's largest insurers runs critical claims workloads on EKS with Fargate, built with AWS Professional Services as part of an IT transformation that began in 2019: it gets the Kubernetes API without owning any worker nodes. EKS on Fargate is a real option for a regulated team that wants Kubernetes but not node operations.",
    unconfirmed:
      "The post confirms the platform and the use case but not the detailed reasons for Fargate or the limits met; 2019 is when the transformation began, and the post's own date is not shown.",
    confidence: 'medium',
    sources: [
      {
        title: 'Running critical workloads with Amazon EKS and AWS Fargate at Generali Italia',
        url: 'https://aws.amazon.com/blogs/containers/running-critical-workloads-with-amazon-eks-and-aws-fargate-at-generali-italia/',
        publisher: 'AWS Containers Blog, co-authored with Generali Italia',
      },
    ],
  },
  {
    id: 'generali-malaysia',
    name: 'Generali Malaysia',
    option: 'eks-auto-mode',
    exact: true,
    adopted: true,
    chose: 'Amazon EKS Auto Mode: AWS-managed Bottlerocket nodes, upgrades and add-ons',
    year: 2026,
    traits: { compliance: true, kubernetes: 'some', kubernetesEcosystem: 'some' },
    lesson:
      'An insurer adopted EKS Auto Mode to hand node patching, add-on upgrades and cluster-upgrade work to AWS, alongside GuardDuty, Inspector and egress filtering. The price is that AWS replaces nodes on its own schedule (about weekly, for new machine images), so the team keeps pods stateless and relies on disruption budgets and maintenance windows.',
    unconfirmed:
      'Read through a third-party summary of the AWS Architecture Blog post; it gives no cluster sizes, team size or cost figures.',
    confidence: 'medium',
    sources: [
      {
        title: 'How Generali Malaysia optimizes operations with Amazon EKS (summary of the AWS Architecture Blog post)',
        url: 'https://sysdesign-wiki.pages.dev/sources/2026-03-23-aws-generali-malaysia-eks-auto-mode/',
        date: '2026-03-23',
        publisher: 'sysdesign-wiki, third party, summarising the AWS Architecture Blog',
      },
      {
        title: 'Amazon EKS Auto Mode (system summary citing Generali Malaysia)',
        url: 'https://sysdesign-wiki.pages.dev/systems/eks-auto-mode/',
        publisher: 'sysdesign-wiki, third party',
      },
    ],
  },
  {
    id: 'cyberagent-srg',
    name: 'CyberAgent (Service Reliability Group)',
    option: 'eks-auto-mode',
    exact: true,
    adopted: false,
    chose: 'evaluated EKS Auto Mode and decided not to adopt it, staying on its existing EKS setup',
    year: 2025,
    traits: { teamSize: 'large', platformTeam: true, kubernetes: 'some', kubernetesEcosystem: 'some' },
    lesson:
      'A central SRE group that supports more than 50 media services confirmed that Auto Mode cuts routine work (add-on updates, node provisioning and patching) but turned it down over technical constraints. Check that your add-ons, networking and node customisations fit Auto Mode before you count on the savings.',
    unconfirmed:
      "The post confirms the evaluation and the decision, but the specific constraints are not spelled out in the sources (locked-down nodes, networking or add-on limits are plausible, not confirmed), nor is the post's exact date (Auto Mode became generally available in December 2024) or how the existing nodes are run.",
    confidence: 'medium',
    sources: [
      {
        title: 'EKS Auto Mode Verification',
        url: 'https://en.ca-srg.dev/2564358b43f781868ac0df0f8810b963',
        publisher: 'CyberAgent SRG blog',
      },
      {
        title: 'CyberAgent group SRE: ten years of history (the SRG covers 50+ media services)',
        url: 'https://speakerdeck.com/player/baa31b97533740ff82b1ec03346c487f',
        date: '2025',
        publisher: 'CyberAgent, on Speaker Deck',
      },
    ],
  },
  {
    id: 'godaddy',
    name: 'GoDaddy',
    option: 'ecs-fargate',
    exact: true,
    adopted: true,
    chose: 'ECS on Fargate under Katana, its internal developer platform for 2,000+ engineers',
    year: 2025,
    traits: { teamSize: 'large', platformTeam: true, kubernetes: 'some' },
    lesson:
      'A large organisation with a central cloud platform team built its 2025 paved road for more than 2,000 engineers on ECS Fargate, with dashboards, escape hatches and CloudFormation hooks for governance; in 2018 the same company had described a platform team offering Kubernetes on EKS as a service. Having a platform team does not force Kubernetes: the team chooses how much of the platform to own.',
    unconfirmed:
      "The 2025 account is an auto-generated summary of the re:Invent talk; whether Katana replaced the earlier EKS plans, and what share of GoDaddy's workloads it runs, is not stated.",
    confidence: 'medium',
    sources: [
      {
        title: 'AWS re:Invent 2025 – From code to cloud: Accelerate application development with Amazon ECS (CNS341), talk summary',
        url: 'https://dev.to/kazuya_dev/aws-reinvent-2025-from-code-to-cloud-accelerate-application-development-with-amazon-ecs-cns341-31dg',
        date: '2025-12',
        publisher: 'DEV Community, summary of an AWS talk',
      },
      {
        title: 'GoDaddy and Amazon EKS',
        url: 'https://godaddy.github.io/engineering/2018/06/28/amazon-eks',
        date: '2018-06-28',
        publisher: 'GoDaddy Engineering',
      },
    ],
  },
];

/**
 * What a case chose, for a headline: "self-managed Kubernetes on EC2 … (closest option: EKS with
 * managed node groups)", "ECS on Fargate, managed with Terraform (exactly ECS on Fargate)", and for a
 * team that looked and decided against it, "(evaluated, not adopted: EKS Auto Mode)".
 */
export function describeChoice(c: Pick<CaseStudy, 'chose' | 'option' | 'exact' | 'adopted'>): string {
  const name = optionName(c.option);
  const label = !c.adopted ? `evaluated, not adopted: ${name}` : c.exact ? `exactly ${name}` : `closest option: ${name}`;
  return `${c.chose} (${label})`;
}

/** One source as a reader sees it: "Title · publisher · date · https://…". */
export function describeSource(src: CaseStudyMatch['sources'][number]): string {
  return [src.title, src.publisher, src.date, src.url].filter(Boolean).join(' · ');
}

/** A case study is "close" when its similarity is at least this. */
export const CLOSE_SIMILARITY = 0.6;
/** Sparse profiles are measured as if their traits weighed this much, so two lucky matches cannot score 1.0. */
export const MIN_WEIGHT = 6;
/** At most this many case studies are shown with an advice (every one is listed by `ecs-or-eks cases`). */
export const MAX_MATCHES = 3;

/**
 * A case is confirmed when its sources confirm what the company chose: confidence high or medium.
 * A low-confidence case is folklore the sources do not bear out; it is shown only with that label.
 */
export function isConfirmed(cs: Pick<CaseStudy, 'confidence'>): boolean {
  return cs.confidence !== 'low';
}

type TraitKey = keyof CaseTraits;

interface Described {
  value: string | boolean;
  /** How the workload reads, e.g. "6 engineers" / "no platform engineers". */
  yours: string;
}

function workloadTraits(w: Workload, t: WorkloadFacts['traits']): Record<TraitKey, Described> {
  const e = w.team.engineers;
  const teamSize = e < 10 ? 'small' : e < 50 ? 'medium' : 'large';
  return {
    teamSize: { value: teamSize, yours: `a ${teamSize} team (${e} engineers)` },
    platformTeam: {
      value: w.team.platformEngineers > 0,
      yours: w.team.platformEngineers > 0 ? `${w.team.platformEngineers} platform engineer(s)` : 'no platform engineers',
    },
    kubernetes: { value: w.team.kubernetes, yours: `Kubernetes experience: ${w.team.kubernetes}` },
    kubernetesEcosystem: { value: w.team.kubernetesEcosystem, yours: `Kubernetes ecosystem: ${w.team.kubernetesEcosystem}` },
    portability: { value: w.requirements.portability !== 'none', yours: `portability ${w.requirements.portability}` },
    compliance: {
      value: w.requirements.compliance.length > 0,
      yours: w.requirements.compliance.length > 0 ? `compliance: ${w.requirements.compliance.join(', ')}` : 'no compliance regime',
    },
    gpus: { value: t.gpuTasks.length > 0, yours: t.gpuTasks.length > 0 ? 'GPU tasks' : 'no GPUs' },
    bursty: { value: t.bursty, yours: t.bursty ? 'bursty load' : 'steady load' },
    batch: { value: t.hasJobs, yours: t.hasJobs ? 'batch jobs' : 'no batch jobs' },
    perTaskIsolation: { value: w.requirements.isolation === 'per-task', yours: `isolation ${w.requirements.isolation}` },
    largeFleet: { value: t.peakTasks >= 500, yours: `${formatNumber(t.peakTasks)} tasks at peak` },
  };
}

const TRAIT_WORDS: Record<TraitKey, (v: string | boolean) => string> = {
  teamSize: (v) => `a ${String(v)} team`,
  platformTeam: (v) => (v ? 'a platform team' : 'no platform team'),
  kubernetes: (v) => `Kubernetes experience: ${String(v)}`,
  kubernetesEcosystem: (v) => `Kubernetes ecosystem: ${String(v)}`,
  portability: (v) => (v ? 'portability across environments' : 'no portability need'),
  compliance: (v) => (v ? 'regulated (compliance)' : 'no compliance regime'),
  gpus: (v) => (v ? 'GPUs' : 'no GPUs'),
  bursty: (v) => (v ? 'bursty load' : 'steady load'),
  batch: (v) => (v ? 'batch and data jobs' : 'no batch jobs'),
  perTaskIsolation: (v) => (v ? 'per-task isolation' : 'shared isolation'),
  largeFleet: (v) => (v ? 'a large fleet (hundreds of tasks or more)' : 'a small fleet'),
};

const TRAIT_ORDER: readonly TraitKey[] = [
  'gpus',
  'perTaskIsolation',
  'portability',
  'compliance',
  'kubernetesEcosystem',
  'kubernetes',
  'platformTeam',
  'teamSize',
  'bursty',
  'batch',
  'largeFleet',
];

/**
 * How much each trait counts. Hard requirements that decide between the options (GPUs, per-task
 * isolation) weigh most, then compliance, portability and the team's Kubernetes experience and
 * ecosystem; team shape and load shape weigh 1.
 */
const WEIGHT: Record<TraitKey, number> = {
  gpus: 4,
  perTaskIsolation: 4,
  portability: 2,
  compliance: 2,
  kubernetesEcosystem: 2,
  kubernetes: 2,
  platformTeam: 1,
  teamSize: 1,
  bursty: 1,
  batch: 1,
  largeFleet: 1,
};

/**
 * Neighbouring values that count half: a medium team against a small or a large one, "some"
 * Kubernetes against "expert", a "some" ecosystem against a "central" one. No Kubernetes at all is
 * never close to some.
 */
const NEIGHBOURS: Partial<Record<TraitKey, ReadonlyArray<readonly [string, string]>>> = {
  teamSize: [
    ['small', 'medium'],
    ['medium', 'large'],
  ],
  kubernetes: [['some', 'expert']],
  kubernetesEcosystem: [['some', 'central']],
};

/**
 * Your requirements that a case must show to be a precedent for them: when the workload has one and
 * the case's sources do not mention it, it counts as a trait that differs.
 */
const REQUIREMENTS: Partial<Record<TraitKey, string>> = {
  gpus: 'no GPUs',
  perTaskIsolation: 'no per-task isolation',
  compliance: 'no compliance regime',
  portability: 'no portability need',
};

function credit(key: TraitKey, yours: string | boolean, theirs: string | boolean): number {
  if (yours === theirs) return 1;
  const close = NEIGHBOURS[key]?.some(([x, y]) => (x === yours && y === theirs) || (y === yours && x === theirs));
  return close ? 0.5 : 0;
}

/** One line naming the first source, for readers of the JSON who want a single string. */
function sourceLine(cs: CaseStudy): string {
  const first = cs.sources[0]!;
  return `${first.title} — ${first.url}`;
}

function scoreCase(cs: CaseStudy, mine: Record<TraitKey, Described>): CaseStudyMatch {
  const matches: string[] = [];
  const differs: string[] = [];
  let points = 0;
  let weight = 0;
  for (const key of TRAIT_ORDER) {
    const theirs = cs.traits[key];
    const yours = mine[key];
    const required = REQUIREMENTS[key];
    if (theirs === undefined) {
      if (required && yours.value === true) {
        weight += WEIGHT[key];
        differs.push(`${cs.name}: ${required} in its sources; yours: ${yours.yours}`);
      }
      continue;
    }
    const c = credit(key, yours.value, theirs);
    weight += WEIGHT[key];
    points += c * WEIGHT[key];
    if (c === 1) matches.push(TRAIT_WORDS[key](theirs));
    else differs.push(`${cs.name}: ${TRAIT_WORDS[key](theirs)}; yours: ${yours.yours}${c > 0 ? ' — close, counts half' : ''}`);
  }
  const similarity = weight === 0 ? 0 : Math.round((points / Math.max(weight, MIN_WEIGHT)) * 100) / 100;
  return {
    id: cs.id,
    name: cs.name,
    option: cs.option,
    similarity,
    matches,
    differs,
    lesson: cs.lesson,
    source: sourceLine(cs),
    chose: cs.chose,
    exact: cs.exact,
    adopted: cs.adopted,
    year: cs.year,
    confidence: cs.confidence,
    confirmed: isConfirmed(cs),
    unconfirmed: cs.unconfirmed,
    sources: cs.sources.map((src) => ({ ...src })),
  };
}

const bySimilarity = (a: CaseStudyMatch, b: CaseStudyMatch) =>
  b.similarity - a.similarity || Number(b.confirmed) - Number(a.confirmed) || compareText(a.id, b.id);

/**
 * The case studies that resemble the workload: the MAX_MATCHES most similar at or above
 * CLOSE_SIMILARITY, most similar first and, at equal similarity, confirmed before unconfirmed.
 *
 * An unconfirmed case is never shown alone. When every close case is unconfirmed, the most similar
 * confirmed case is added after them, even below the threshold, with a note that says why; if no
 * confirmed case shares a single trait, the unconfirmed ones are dropped and nothing is shown.
 */
export function matchCaseStudies(
  workload: Workload,
  facts: WorkloadFacts = factsOf(workload),
  cases: readonly CaseStudy[] = CASE_STUDIES,
): CaseStudyMatch[] {
  const mine = workloadTraits(workload, facts.traits);
  const scored = cases.map((cs) => scoreCase(cs, mine)).sort(bySimilarity);
  const close = scored.filter((m) => m.similarity >= CLOSE_SIMILARITY).slice(0, MAX_MATCHES);
  if (close.length === 0 || close.some((m) => m.confirmed)) return close;
  const best = scored.find((m) => m.confirmed && m.similarity > 0);
  if (!best) return [];
  const names = close.map((m) => m.name ?? m.id).join(', ');
  const closer = close.length === 1 ? `the closer match (${names}) is` : `the closer matches (${names}) are`;
  const where = best.similarity < CLOSE_SIMILARITY ? ` below the ${Math.round(CLOSE_SIMILARITY * 100)} % threshold` : '';
  const note = `Shown${where} because ${closer} not confirmed by public sources; this is the most similar case that is.`;
  return [...close, { ...best, note }];
}
