/**
 * Pitfalls: things that go wrong in production with a given option, each with a trigger on the
 * workload, the fix, a source, and the workload's own numbers where they exist.
 */
import { isEc2Sizing, type OptionPricing, type PitfallHit } from '../domain/advice.js';
import { fargateSize } from '../domain/fargate-sizes.js';
import { OPTIONS, optionIds, optionName } from '../domain/options.js';
import type { InstanceShape } from '../domain/price-book.js';
import { SOURCES, sourceOf } from '../domain/sources.js';
import { list, money, plural } from '../domain/text.js';
import { OPTION_IDS, type OptionId } from '../schema/enums.js';
import { formatNumber } from '../schema/numbers.js';
import type { Workload } from '../schema/workload.js';
import { factsOf, type WorkloadFacts } from './traits.js';
import type { Pitfall, PitfallFinding, RuleContext } from './types.js';

const ECS: OptionId[] = optionIds((o) => o.orchestrator === 'ecs');
const EKS: OptionId[] = optionIds((o) => o.orchestrator === 'eks');
/** Options that can run on Spot capacity: Fargate Spot, or EC2 Spot. */
const SPOT: OptionId[] = optionIds((o) => o.fargateSpot || o.compute === 'ec2');
const FARGATE_SPOT: OptionId[] = optionIds((o) => o.fargateSpot);
const EC2_SPOT: OptionId[] = optionIds((o) => o.compute === 'ec2');
const ALL: OptionId[] = [...OPTION_IDS];
const FARGATE: OptionId[] = optionIds((o) => o.compute === 'fargate');
const n = (x: number) => formatNumber(x);

/** Extended support adds $0.50 per cluster-hour on top of the $0.10 standard fee (EKS pricing). */
const EKS_STANDARD_PER_HOUR = 0.1;
const EKS_EXTENDED_PER_HOUR = 0.6;

export const PITFALLS: readonly Pitfall[] = [
  {
    id: 'image-pull-no-route',
    title: 'Private subnets with no route to ECR',
    options: ALL,
    trigger: 'network.privateSubnets is true and network.natOrEndpoints is false',
    fix: 'Add a NAT gateway, or all four VPC endpoints: ecr.api, ecr.dkr, an S3 gateway endpoint (the one most often forgotten) and logs.',
    sources: ['ecr-vpc-endpoints', 'vpc-pricing'],
    check: ({ workload }) =>
      workload.network.privateSubnets && !workload.network.natOrEndpoints
        ? {
            severity: 'high',
            options: ALL,
            text: 'Tasks in private subnets with neither NAT nor VPC endpoints cannot pull images from ECR or ship logs: every task stops with CannotPullContainerError.',
          }
        : null,
  },
  {
    id: 'eni-exhaustion',
    title: 'Subnets run out of IPs',
    options: ALL,
    trigger:
      'network.subnets is given and the IPs an option holds at peak — one per awsvpc task or pod, one per node, the VPC CNI’s warm IPs on EKS nodes, and a deploy surge — come near the usable IPs',
    fix: 'Use larger or secondary-CIDR subnets. On EKS with EC2 nodes, turn on prefix delegation (needs contiguous free /28 blocks) or lower WARM_ENI_TARGET / set WARM_IP_TARGET and MINIMUM_IP_TARGET.',
    sources: [
      'vpc-subnet-sizing',
      'vpc-cni-warm-targets',
      'eks-bpg-vpc-cni',
      'eks-cni-prefixes',
      'ecs-eni-trunking-guide',
      'eks-update-cluster',
    ],
    check: ({ workload, traits, pricing, instances }) => {
      if (traits.subnetIps === null) return null;
      const ips = traits.subnetIps;
      const prefixes = workload.cost.eks.prefixDelegation;
      const needs = OPTION_IDS.map((id) => ({ id, need: ipsHeld(id, traits, pricing[id], instances, prefixes) }));
      const tight = needs.filter((x) => x.need > 0.8 * ips);
      if (tight.length === 0) return null;
      const worst = [...tight].sort((a, b) => b.need - a.need);
      const shown = worst
        .slice(0, 3)
        .map((x) => `${x.id} ${n(x.need)}`)
        .join(', ');
      return {
        severity: worst.some((x) => x.need > ips) ? 'high' : 'medium',
        options: tight.map((x) => x.id),
        text: `Your subnets hold ${n(ips)} usable IPs (AWS reserves 5 per subnet: a /24 holds 251). At peak, with a deploy surge of ${traits.largestServiceName ? `${traits.largestServiceName} (${plural(traits.largestServicePeak, 'task')})` : 'the largest service'}, the options hold about: ${shown}. On EKS nodes the VPC CNI keeps a full spare ENI of IPs per node (WARM_ENI_TARGET=1), and an EKS upgrade needs 5 free IPs.`,
      };
    },
  },
  {
    id: 'circuit-breaker',
    title: 'The deployment circuit breaker misses some failures',
    options: ECS,
    trigger: 'the workload has services (ECS rolling deployments)',
    fix: 'Turn on the circuit breaker with rollback and add CloudWatch-alarm rollback; since July 2026 set resetOnHealthyTask=false to count failures cumulatively.',
    sources: ['ecs-circuit-breaker', 'ecs-api-circuit-breaker'],
    check: ({ workload }) => {
      const s = [...workload.services].sort((a, b) => b.replicas - a.replicas)[0];
      if (!s) return null;
      const threshold = Math.min(200, Math.max(3, Math.ceil(0.5 * s.replicas)));
      return {
        severity: 'medium',
        options: ECS,
        text: `For ${s.name} (${plural(s.replicas, 'task')}) the breaker trips after ${threshold} failed tasks (half the desired count, clamped 3–200). By default a healthy task resets the count (consecutive counting; cumulative counting is possible since July 2026), and it never trips for tasks that pass health checks and die later.`,
      };
    },
  },
  {
    id: 'deregistration-delay',
    title: 'Deploys and the load balancer’s deregistration delay',
    options: ALL,
    trigger: 'the workload has services behind a load balancer (assumed for every service)',
    fix: 'ECS: set deregistration_delay.timeout_seconds to 30–60 s (longer than your longest request; below 120 s for Spot). EKS: add a preStop sleep longer than the delay, a terminationGracePeriodSeconds above both, and the AWS Load Balancer Controller’s pod readiness gate.',
    sources: ['elb-deregistration-delay', 'ecs-rolling-update', 'k8s-deployment-strategy', 'lbc-pod-readiness-gate'],
    check: ({ workload, traits }) => {
      if (workload.services.length === 0) return null;
      const biggest = [...workload.services].sort((a, b) => b.peakReplicas - a.peakReplicas)[0]!;
      // Kubernetes Deployments default to maxSurge 25 % (rounded up) and maxUnavailable 25 % (rounded down).
      const surge = Math.ceil(biggest.peakReplicas * 0.25);
      const unavailable = Math.floor(biggest.peakReplicas * 0.25);
      return {
        severity: traits.peakTasks >= 20 ? 'medium' : 'low',
        options: ALL,
        text: `Target groups keep a target draining for 300 s by default. On ECS a task stays DRAINING that long, so deploying ${biggest.name} (${plural(biggest.peakReplicas, 'task')} at peak; minimum 100 %, maximum 200 %) takes at least 5 minutes. On EKS a rolling update (maxSurge ${n(surge)}, maxUnavailable ${n(unavailable)} at the 25 % defaults) does not wait for the load balancer: pods that stop while still registered cause 5xx errors during every rollout.`,
      };
    },
  },
  {
    id: 'kubectl-skew',
    title: 'kubectl version skew and one-way upgrades',
    options: EKS,
    trigger: 'always, for the EKS options',
    fix: 'Pin kubectl to the control-plane minor (±1) per cluster in CI; upgrade one minor at a time, nodes after the control plane, and restart Fargate pods afterwards.',
    sources: ['eks-update-cluster', 'eks-bpg-cluster-upgrades', 'eks-kubernetes-versions'],
    check: ({ workload }) => ({
      severity: 'low',
      options: EKS,
      text: `kubectl must be within one minor version of each control plane; upgrades go one minor at a time and cannot be rolled back. With ${n(workload.cost.clusters)} cluster(s) that is ${n(workload.cost.clusters)} upgrade(s) about every 4 months.`,
    }),
  },
  {
    id: 'control-plane-logs',
    title: 'EKS control-plane logs are off by default',
    options: EKS,
    trigger: 'always, for the EKS options (high when a compliance regime is set)',
    fix: 'Turn on at least the audit and authenticator log types per cluster (CloudWatch charges for ingestion and storage).',
    sources: ['eks-control-plane-logs'],
    check: ({ workload }) => {
      const regimes = workload.requirements.compliance;
      return {
        severity: regimes.length > 0 ? 'high' : 'low',
        options: EKS,
        text:
          regimes.length > 0
            ? `All five control-plane log types (api, audit, authenticator, controllerManager, scheduler) are off by default; a ${regimes.join('/')} audit will ask for the audit log.`
            : 'All five control-plane log types (api, audit, authenticator, controllerManager, scheduler) are off by default.',
      };
    },
  },
  {
    id: 'irsa-trust-policy',
    title: 'IRSA trust policies (aud/sub) break per cluster',
    options: EKS,
    trigger: 'always, for the EKS options (EKS Fargate has no Pod Identity, so it must use IRSA)',
    fix: 'Trust policy: sts:AssumeRoleWithWebIdentity with <issuer>:aud = sts.amazonaws.com and <issuer>:sub = system:serviceaccount:<namespace>:<serviceaccount>, and annotate the service account. On EC2 nodes prefer EKS Pod Identity.',
    sources: ['eks-irsa', 'eks-pod-identity'],
    check: ({ workload }) => {
      const clusters = workload.cost.clusters;
      return {
        severity: clusters > 1 ? 'medium' : 'low',
        options: EKS,
        text: `EKS Fargate cannot use Pod Identity, so its pods use IRSA; a mismatched aud or sub, or another cluster's issuer, is the usual failure. Each of your ${n(clusters)} cluster(s) needs its own OIDC trust entry, and the default 2,048-character trust policy fits only about 4.`,
      };
    },
  },
  {
    id: 'spot-sigterm',
    title: 'Spot interruptions: 2 minutes, but 30 s to shut down by default',
    options: SPOT,
    trigger: 'cost.fargate.spotPercent or cost.ec2.spotPercent above 0, or requirements.interruptible',
    fix: 'Handle SIGTERM, raise stopTimeout (up to 120 s on Fargate), keep the deregistration delay under 2 minutes, and never put a single-task service only on Spot.',
    sources: ['fargate-spot-termination', 'fargate-capacity-providers', 'ecs-fargate-task-defs'],
    check: ({ workload, traits }) => {
      const fargateSpot = workload.cost.fargate.spotPercent;
      const ec2Spot = workload.cost.ec2.spotPercent;
      const tolerant = workload.requirements.interruptible;
      if (fargateSpot === 0 && ec2Spot === 0 && !tolerant) return null;
      const options: OptionId[] = [];
      if (fargateSpot > 0 || tolerant) options.push(...FARGATE_SPOT);
      if (ec2Spot > 0 || tolerant) options.push(...EC2_SPOT);
      const parts = [
        fargateSpot > 0 ? `${fargateSpot} % of Fargate tasks on Fargate Spot` : '',
        ec2Spot > 0 ? `${ec2Spot} % of EC2 capacity on Spot` : '',
      ].filter(Boolean);
      // The text is shared by every option it names: say what applies to Fargate when only EC2 Spot was given.
      const fargateToo =
        tolerant && fargateSpot === 0
          ? ' The workload is interruptible, so Fargate Spot (up to 70 % off) suits its Fargate tasks too.'
          : '';
      const windows = traits.windowsTasks.length > 0 && fargateSpot > 0 ? ' Windows tasks cannot use Fargate Spot.' : '';
      const singles = workload.services.filter((s) => s.replicas === 1).map((s) => s.name);
      const single =
        singles.length > 0 && (fargateSpot > 0 || ec2Spot > 0)
          ? ` ${list(singles)} run${singles.length === 1 ? 's' : ''} a single task: on Spot alone it is down until capacity returns.`
          : '';
      return {
        severity: !tolerant && parts.length > 0 ? 'high' : 'medium',
        options,
        // What applies to this workload comes first: the compact report shows only the opening lines.
        text: `${parts.length > 0 ? `${parts.join(' and ')}${tolerant ? '' : ', but the workload is not marked interruptible'}.` : ''}${fargateToo} Spot gives a 2-minute notice and SIGTERM; SIGKILL follows after stopTimeout, 30 s by default.${windows}${single}`.trimStart(),
      };
    },
  },
  {
    id: 'cross-region-pulls',
    title: 'Images pulled from another Region',
    options: ALL,
    trigger: 'network.registryRegion differs from region',
    fix: 'Replicate the repositories to the workload Region with ECR replication (SOCI indexes must be in the same Region too).',
    sources: ['fargate-pull-behavior', 'fargate-soci'],
    check: ({ workload, traits }) => {
      if (workload.network.registryRegion === workload.region) return null;
      const biggest = Math.max(...traits.tasks.map((t) => t.imageSizeMB));
      return {
        severity: 'medium',
        options: ALL,
        text: `Images live in ${workload.network.registryRegion} but tasks run in ${workload.region}: every Fargate task pulls its whole image (up to ${n(biggest)} MB here) across Regions with no cache, which is slower, billed as inter-Region transfer, and rules out SOCI.`,
      };
    },
  },
  {
    id: 'eks-fargate-limits',
    title: 'What EKS Fargate does not do',
    options: ['eks-fargate'],
    trigger: 'always, for EKS Fargate',
    fix: 'Match every pod to a Fargate profile, set requests equal to limits, run agents as sidecars, use EFS (static) instead of EBS, and IRSA instead of Pod Identity.',
    sources: ['eks-fargate', 'eks-fargate-pod-config', 'eks-network-policy'],
    check: ({ traits }) => ({
      severity: 'medium',
      options: ['eks-fargate'],
      text: `${traits.peakTasks === 1 ? 'Your one pod' : `Each of your ${n(traits.peakTasks)} pods`} at peak becomes its own Fargate node (+256 MiB, rounded up). No DaemonSets, EBS, Arm, Windows, GPUs, Fargate Spot, Pod Identity or VPC-CNI network policy; pods that match no profile stay Pending; private subnets only; over a minute to start a pod.`,
    }),
  },
  {
    id: 'extended-support-cost',
    title: 'EKS extended support: $0.60 instead of $0.10 per cluster-hour after 14 months',
    options: EKS,
    trigger: 'always, for the EKS options (high when cost.eks.support is extended)',
    fix: 'Upgrade before a minor leaves its 14 months of standard support, or set the upgrade policy to STANDARD (AWS then upgrades the cluster itself).',
    sources: ['eks-kubernetes-versions', 'eks-extended-support-blog', 'eks-pricing'],
    check: ({ workload }) => {
      const hours = workload.cost.hoursPerMonth;
      const clusters = workload.cost.clusters;
      const standard = EKS_STANDARD_PER_HOUR * hours * clusters;
      const extended = EKS_EXTENDED_PER_HOUR * hours * clusters;
      const on = workload.cost.eks.support === 'extended';
      return {
        severity: on ? 'high' : 'low',
        options: EKS,
        text: `${on ? 'You are pricing extended support' : 'Extended support is on by default'}: after 14 months a version costs $0.60 per cluster-hour instead of $0.10, so your ${n(clusters)} cluster(s) go from ${money(standard)} to ${money(extended)} a month.`,
      };
    },
  },
  {
    id: 'managed-scaling-headroom',
    title: 'ECS managed scaling keeps no headroom by default',
    options: ['ecs-ec2'],
    trigger: 'the workload scales out (peaks or jobs)',
    fix: 'Set targetCapacity to 80–90 for spare room, or use a warm pool; attach no other scaling policy to the ASG.',
    sources: ['ecs-managed-scaling', 'ecs-cluster-auto-scaling', 'ecs-warm-pools'],
    check: ({ traits }) =>
      traits.scalesOut
        ? {
            severity: 'low',
            options: ['ecs-ec2'],
            text: 'Managed scaling’s targetCapacity defaults to 100 (not 80): instances run full, so every scale-out waits minutes for a new instance.',
          }
        : null,
  },
  {
    id: 'eks-fargate-finished-jobs',
    title: 'Finished Job pods keep billing on EKS Fargate',
    options: ['eks-fargate'],
    trigger: 'the workload has jobs',
    fix: 'Set ttlSecondsAfterFinished on every Job so its pods (and Fargate nodes) are removed.',
    sources: ['eks-fargate'],
    check: ({ workload }) =>
      workload.jobs.length > 0
        ? {
            severity: 'medium',
            options: ['eks-fargate'],
            text: `${list(workload.jobs.map((j) => j.name))}: a finished Job keeps its Fargate node, and its bill, until its pods are cleaned up.`,
          }
        : null,
  },
  {
    id: 'network-policy-off',
    title: 'Kubernetes NetworkPolicy is off by default (and absent on Fargate)',
    options: ['eks-managed-nodes', 'eks-fargate'],
    trigger: 'a compliance regime is set, or isolation is per-task',
    fix: 'Set enableNetworkPolicy=true on the VPC CNI (1.14+, Kubernetes 1.25+) for EC2 nodes; on EKS Fargate use security groups per pod. Auto Mode includes network policy.',
    sources: ['eks-network-policy', 'eks-automode'],
    check: ({ workload }) =>
      workload.requirements.compliance.length > 0 || workload.requirements.isolation === 'per-task'
        ? {
            severity: 'medium',
            options: ['eks-managed-nodes', 'eks-fargate'],
            text: 'VPC CNI network policy is off by default, applies only to Linux EC2 nodes and not to Fargate pods.',
          }
        : null,
  },
  {
    id: 'gpu-drivers',
    title: 'GPU drivers, AMIs and the device plugin are yours on self-run nodes',
    options: ['ecs-ec2', 'eks-managed-nodes'],
    trigger: 'any service or job asks for GPUs',
    fix: 'ECS on EC2: use the ECS GPU-optimized AMI and update it with the fleet. Managed node groups: use the EKS-optimized accelerated AMI and install the NVIDIA device plugin (AL2023), or use Bottlerocket, which includes it.',
    sources: ['ecs-gpu', 'eks-gpu-ami', 'eks-gpu-device-plugin'],
    check: ({ traits }) =>
      traits.gpuTasks.length > 0
        ? {
            severity: 'medium',
            options: ['ecs-ec2', 'eks-managed-nodes'],
            text: `${list(traits.gpuTasks)} ${traits.gpuTasks.length === 1 ? 'needs' : 'need'} GPU nodes whose AMI carries the NVIDIA driver; on EKS AL2023 nodes the device plugin must run before pods can request nvidia.com/gpu. A driver or plugin mismatch leaves GPU pods Pending or tasks unplaced.`,
          }
        : null,
  },
  {
    id: 'gpu-capacity',
    title: 'GPU instances may not be there when you scale',
    options: ['ecs-ec2', 'eks-managed-nodes', 'ecs-managed-instances', 'eks-auto-mode'],
    trigger: 'any service or job asks for GPUs',
    fix: 'Allow several GPU instance types and every zone, keep the baseline on reserved capacity (On-Demand Capacity Reservations or Capacity Blocks for ML), and alert on failed launches.',
    sources: ['ec2-capacity-blocks'],
    check: ({ traits }) =>
      traits.gpuTasks.length > 0
        ? {
            severity: 'medium',
            options: ['ecs-ec2', 'eks-managed-nodes', 'ecs-managed-instances', 'eks-auto-mode'],
            text: `GPU instance types are often short in a zone: a scale-out of ${list(traits.gpuTasks)} can wait, or fail, for capacity whoever runs the nodes.`,
          }
        : null,
  },
  {
    id: 'gpu-large-images',
    title: 'Large GPU images slow every new node',
    options: ['ecs-ec2', 'eks-managed-nodes', 'ecs-managed-instances', 'eks-auto-mode'],
    trigger: 'GPU tasks whose image is 1 GB or more',
    fix: 'Keep CUDA and framework layers shared and stable, pull from ECR in the same Region, and pre-pull or cache the image on the node (a data volume snapshot or a custom AMI where the option allows one).',
    sources: ['kubefm-node-startup', 'ecs-cas-speed-up'],
    check: ({ traits }) => {
      const big = traits.tasks.filter((t) => t.gpus > 0 && t.imageSizeMB >= 1000);
      if (big.length === 0) return null;
      const largest = Math.max(...big.map((t) => t.imageSizeMB));
      return {
        severity: 'medium',
        options: ['ecs-ec2', 'eks-managed-nodes', 'ecs-managed-instances', 'eks-auto-mode'],
        text: `${list(big.map((t) => t.name))}: a ${n(largest)} MB image takes about ${n(Math.round(largest / 15))} s to pull at 15 MB/s on every new node before the first task starts.`,
      };
    },
  },
  {
    id: 'windows-nodes',
    title: 'Windows nodes: bigger images, slower starts, a Linux node group on EKS',
    options: ['ecs-ec2', 'eks-managed-nodes'],
    trigger: 'any service or job has os: windows',
    fix: 'Use the Windows Server Core or Nano base images that match the node OS version, pre-pull them, and on EKS keep a Linux node group for CoreDNS and the add-ons (priced in) with node selectors on every Windows pod.',
    sources: ['eks-windows-support', 'ecs-windows'],
    check: ({ traits }) =>
      traits.windowsTasks.length > 0
        ? {
            severity: 'medium',
            options: ['ecs-ec2', 'eks-managed-nodes'],
            text: `${list(traits.windowsTasks)} run Windows: base images are several GB and must match the host OS version, instances take longer to boot, and on EKS CoreDNS and most add-ons run only on Linux nodes.`,
          }
        : null,
  },
  {
    id: 'windows-fargate',
    title: 'Windows on ECS Fargate: 1–4 vCPU, no Spot, a 5-minute minimum',
    options: ['ecs-fargate'],
    trigger: 'any service or job has os: windows',
    fix: 'Size Windows tasks within 1–4 vCPU and 30 GB, keep Spot for Linux tasks only, and expect slower starts from the larger images.',
    sources: ['ecs-fargate-sizes', 'fargate-pricing'],
    check: ({ traits }) =>
      traits.windowsTasks.length > 0
        ? {
            severity: 'low',
            options: ['ecs-fargate'],
            text: `${list(traits.windowsTasks)}: Windows Fargate tasks take 1–4 vCPU, cannot use Fargate Spot, carry a per-vCPU licence fee and are billed for at least 5 minutes (all priced in).`,
          }
        : null,
  },
  {
    id: 'sidecar-size',
    title: 'Sidecars push tasks to a larger Fargate size',
    options: ['ecs-fargate', 'eks-fargate'],
    trigger: 'a daemon runs as a sidecar and moves a task to a larger billed Fargate size than the task alone',
    fix: 'Give the sidecar the least CPU and memory it needs, or share one agent per host on an EC2-backed option.',
    sources: ['ecs-fargate-sizes', 'eks-fargate-pod-config'],
    check: ({ pricing }) => {
      const pushed: string[] = [];
      const options: OptionId[] = [];
      for (const id of FARGATE) {
        const sizing = pricing[id]?.sizing;
        if (!sizing || isEc2Sizing(sizing) || sizing.sidecars.length === 0) continue;
        const variant = OPTIONS[id].orchestrator;
        const mine = sizing.tasks.filter((t) => {
          const alone = fargateSize(t.requested.cpu, t.requested.memoryGiB, variant, t.platform === 'Windows' ? 'windows' : 'linux');
          return t.billed !== null && alone !== null && (t.billed.cpu > alone.cpu || t.billed.memoryGiB > alone.memoryGiB);
        });
        if (mine.length === 0) continue;
        options.push(id);
        const t = mine[0]!;
        pushed.push(
          `${optionName(id)}: ${t.name} ${fmtSize(t.requested)} + ${list(sizing.sidecars)} → billed ${fmtSize(t.billed!)}${mine.length > 1 ? ` (and ${mine.length - 1} more)` : ''}`,
        );
      }
      return pushed.length === 0 ? null : { severity: 'low', options, text: `${pushed.join('; ')} (priced in).` };
    },
  },
];

const fmtSize = (s: { cpu: number; memoryGiB: number }): string => `${s.cpu} vCPU / ${s.memoryGiB} GiB`;

/**
 * The IPs an option holds in the subnets at peak: one per awsvpc task or pod, one per node, the VPC
 * CNI's warm IPs on EKS nodes (a full spare ENI in secondary-IP mode, a spare /28 prefix with prefixes),
 * and the extra tasks of a deploy surge (ECS maximumPercent 200, Kubernetes maxSurge 25 %).
 */
function ipsHeld(
  id: OptionId,
  traits: RuleContext['traits'],
  p: OptionPricing | undefined,
  instances: ReadonlyMap<string, InstanceShape> | undefined,
  prefixDelegation: boolean,
): number {
  const spec = OPTIONS[id];
  const surge = spec.orchestrator === 'ecs' ? traits.largestServicePeak : Math.ceil(traits.largestServicePeak * 0.25);
  const tasks = traits.peakTasks + surge;
  if (!p || !isEc2Sizing(p.sizing)) return tasks;
  let nodesIps = 0;
  for (const pool of p.sizing.pools) {
    const nodes = pool.peakNodes * pool.copies;
    if (spec.orchestrator === 'ecs') {
      nodesIps += nodes; // the node's primary IP; each task's (branch) ENI is counted with the tasks
      continue;
    }
    const prefixes = spec.managementFee === 'auto-mode' || prefixDelegation;
    const perEni = instances?.get(pool.instanceType)?.vpc.ipv4PerInterface ?? 0;
    // Secondary-IP mode keeps one full ENI of unused IPs (its secondaries); prefix mode one spare /28.
    nodesIps += nodes * (1 + (prefixes ? 16 : Math.max(0, perEni - 1)));
  }
  return tasks + nodesIps;
}

/** What the pitfalls are about: the advice's verdict, so they concern the options a reader can choose. */
export interface PitfallFocus {
  /** The recommended option: its pitfalls come first. */
  recommended: OptionId | null;
  /** Options that are blocked: they get no pitfalls. */
  blocked: ReadonlySet<OptionId>;
  /** Instance shapes by type (from the price book), for the IPs a node holds. */
  instances?: ReadonlyMap<string, InstanceShape>;
}

export function findPitfalls(
  workload: Workload,
  pricing: Record<OptionId, OptionPricing>,
  facts: WorkloadFacts = factsOf(workload),
  focus: PitfallFocus = { recommended: null, blocked: new Set() },
): PitfallHit[] {
  const ctx: RuleContext = { workload, ...facts, pricing, instances: focus.instances };
  const hits: PitfallHit[] = [];
  for (const p of PITFALLS) {
    const found: PitfallFinding | null = p.check(ctx);
    if (!found) continue;
    const options = found.options.filter((id) => !focus.blocked.has(id));
    if (options.length === 0) continue;
    hits.push({
      id: p.id,
      severity: found.severity,
      options,
      text: found.text,
      fix: p.fix,
      source: p.sources.map((id) => `${SOURCES[id].title} — ${SOURCES[id].url}`).join('; '),
      sources: p.sources.map(sourceOf),
    });
  }
  const rank = { high: 0, medium: 1, low: 2 } as const;
  const mine = (h: PitfallHit) => (focus.recommended !== null && h.options.includes(focus.recommended) ? 0 : 1);
  return hits.sort(
    (a, b) =>
      mine(a) - mine(b) ||
      rank[a.severity] - rank[b.severity] ||
      PITFALLS.findIndex((p) => p.id === a.id) - PITFALLS.findIndex((p) => p.id === b.id),
  );
}
