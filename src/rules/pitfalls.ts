/**
 * Pitfalls: things that go wrong in production with a given option, each with a trigger on the
 * workload, the fix, a source, and the workload's own numbers where they exist.
 */
import type { OptionPricing, PitfallHit } from '../domain/advice.js';
import { optionIds } from '../domain/options.js';
import { list, money } from '../domain/text.js';
import { OPTION_IDS, type OptionId } from '../schema/enums.js';
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
const n = (x: number) => x.toLocaleString('en-US');

/** Extended support adds $0.50 per cluster-hour on top of the $0.10 standard fee (domain-facts 5.2). */
const EKS_STANDARD_PER_HOUR = 0.1;
const EKS_EXTENDED_PER_HOUR = 0.6;

export const PITFALLS: readonly Pitfall[] = [
  {
    id: 'image-pull-no-route',
    title: 'Private subnets with no route to ECR',
    options: ALL,
    trigger: 'network.privateSubnets is true and network.natOrEndpoints is false',
    fix: 'Add a NAT gateway, or all four VPC endpoints: ecr.api, ecr.dkr, an S3 gateway endpoint (the one most often forgotten) and logs.',
    source: 'domain-facts 4.7',
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
      'network.subnets is given and peak tasks plus a deploy surge come near the usable IPs (every awsvpc task and every pod takes one)',
    fix: 'Use larger or secondary-CIDR subnets. On EKS with EC2 nodes, prefix delegation packs more pods per ENI but needs contiguous free /28 blocks; lower the VPC CNI warm-IP targets.',
    source: 'domain-facts 4.1, 4.2, 4.4, 4.5, 4.6',
    check: ({ traits }) => {
      if (traits.subnetIps === null) return null;
      const need = traits.peakTasks + traits.largestServicePeak;
      const ips = traits.subnetIps;
      if (need <= 0.8 * ips) return null;
      const surge = traits.largestServiceName
        ? ` plus a deploy surge of ${n(traits.largestServicePeak)} (${traits.largestServiceName} at maximumPercent 200)`
        : '';
      return {
        severity: need > ips ? 'high' : 'medium',
        options: ALL,
        text: `Peak ${n(traits.peakTasks)} tasks${surge} need ${n(need)} IPs; your subnets hold ${n(ips)} usable IPs (AWS reserves 5 per subnet: a /24 holds 251). EKS on EC2 also holds warm-ENI IPs, and an EKS upgrade needs 5 free IPs.`,
      };
    },
  },
  {
    id: 'circuit-breaker',
    title: 'The deployment circuit breaker misses some failures',
    options: ECS,
    trigger: 'the workload has services (ECS rolling deployments)',
    fix: 'Turn on the circuit breaker with rollback and add CloudWatch-alarm rollback; since July 2026 set resetOnHealthyTask=false to count failures cumulatively.',
    source: 'domain-facts 3.1, 3.3, 3.4, 3.5, 13 (S6, S6b)',
    check: ({ workload }) => {
      const s = [...workload.services].sort((a, b) => b.replicas - a.replicas)[0];
      if (!s) return null;
      const threshold = Math.min(200, Math.max(3, Math.ceil(0.5 * s.replicas)));
      return {
        severity: 'medium',
        options: ECS,
        text: `For ${s.name} (${s.replicas} tasks) the breaker trips after ${threshold} failed tasks (half the desired count, clamped 3–200). By default a healthy task resets the count (consecutive counting; cumulative counting is possible since July 2026), and it never trips for tasks that pass health checks and die later.`,
      };
    },
  },
  {
    id: 'deregistration-delay',
    title: 'Slow deploys from the 300 s deregistration delay',
    options: ALL,
    trigger: 'the workload has services behind a load balancer (assumed for every service)',
    fix: 'Set deregistration_delay.timeout_seconds to 30–60 s (longer than your longest request), and below 120 s for Spot tasks.',
    source: 'domain-facts 3.8, 3.6, 7.2',
    check: ({ workload, traits }) => {
      if (workload.services.length === 0) return null;
      const biggest = [...workload.services].sort((a, b) => b.peakReplicas - a.peakReplicas)[0]!;
      // ECS defaults (min 100 / max 200) replace every task in one wave; Kubernetes Deployments default to a
      // 25 % surge, so about four waves.
      const k8sWaves = Math.ceil(biggest.peakReplicas / Math.max(1, Math.ceil(biggest.peakReplicas * 0.25)));
      return {
        severity: traits.peakTasks >= 20 ? 'medium' : 'low',
        options: ALL,
        text: `Target groups wait 300 s by default before a task is gone. Deploying ${biggest.name} (${biggest.peakReplicas} tasks at peak) takes at least 5 min on ECS (min 100 / max 200: one wave) and about ${k8sWaves * 5} min on EKS (${k8sWaves} waves at the default 25 % surge).`,
      };
    },
  },
  {
    id: 'kubectl-skew',
    title: 'kubectl version skew and one-way upgrades',
    options: EKS,
    trigger: 'always, for the EKS options',
    fix: 'Pin kubectl to the control-plane minor (±1) per cluster in CI; upgrade one minor at a time, nodes after the control plane, and restart Fargate pods afterwards.',
    source: 'domain-facts 5.3, 5.4, 5.5',
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
    source: 'domain-facts 5.6',
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
    source: 'domain-facts 6.1, 6.2',
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
    source: 'domain-facts 7.1, 7.2, 7.3, 1.12',
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
      const windows = traits.windowsTasks.length > 0 && fargateSpot > 0 ? ' Windows tasks cannot use Fargate Spot.' : '';
      const singles = workload.services.filter((s) => s.replicas === 1).map((s) => s.name);
      const single =
        singles.length > 0 && (fargateSpot > 0 || ec2Spot > 0)
          ? ` ${list(singles)} run${singles.length === 1 ? 's' : ''} a single task: on Spot alone it is down until capacity returns.`
          : '';
      return {
        severity: !tolerant && parts.length > 0 ? 'high' : 'medium',
        options,
        text: `${parts.length > 0 ? `${parts.join(' and ')}${tolerant ? '' : ', but the workload is not marked interruptible'}. ` : ''}Spot gives a 2-minute notice and SIGTERM; SIGKILL follows after stopTimeout, 30 s by default.${windows}${single}`,
      };
    },
  },
  {
    id: 'cross-region-pulls',
    title: 'Images pulled from another Region',
    options: ALL,
    trigger: 'network.registryRegion differs from region',
    fix: 'Replicate the repositories to the workload Region with ECR replication (SOCI indexes must be in the same Region too).',
    source: 'domain-facts 1.6, 2.4, 2.5',
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
    source: 'domain-facts 1.15–1.19, 2.3, 8.6',
    check: ({ traits }) => ({
      severity: 'medium',
      options: ['eks-fargate'],
      text: `Each of your ${n(traits.peakTasks)} pods at peak becomes its own Fargate node (+256 MiB, rounded up). No DaemonSets, EBS, Arm, Windows, GPUs, Fargate Spot, Pod Identity or VPC-CNI network policy; pods that match no profile stay Pending; private subnets only; over a minute to start a pod.`,
    }),
  },
  {
    id: 'extended-support-cost',
    title: 'EKS extended support: $0.60 instead of $0.10 per cluster-hour after 14 months',
    options: EKS,
    trigger: 'always, for the EKS options (high when cost.eks.support is extended)',
    fix: 'Upgrade before a minor leaves its 14 months of standard support, or set the upgrade policy to STANDARD (AWS then upgrades the cluster itself).',
    source: 'domain-facts 5.1, 5.2, 11.4, 13 (S9)',
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
    source: 'domain-facts 10.1, 10.2, 2.7, 13 (S5)',
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
    source: 'domain-facts 1.21',
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
    source: 'domain-facts 8.6',
    check: ({ workload }) =>
      workload.requirements.compliance.length > 0 || workload.requirements.isolation === 'per-task'
        ? {
            severity: 'medium',
            options: ['eks-managed-nodes', 'eks-fargate'],
            text: 'VPC CNI network policy is off by default, applies only to Linux EC2 nodes and not to Fargate pods.',
          }
        : null,
  },
];

export function findPitfalls(
  workload: Workload,
  pricing: Record<OptionId, OptionPricing>,
  facts: WorkloadFacts = factsOf(workload),
): PitfallHit[] {
  const ctx: RuleContext = { workload, ...facts, pricing };
  const hits: PitfallHit[] = [];
  for (const p of PITFALLS) {
    const found: PitfallFinding | null = p.check(ctx);
    if (!found) continue;
    hits.push({ id: p.id, severity: found.severity, options: found.options, text: found.text, fix: p.fix, source: p.source });
  }
  const rank = { high: 0, medium: 1, low: 2 } as const;
  return hits.sort(
    (a, b) => rank[a.severity] - rank[b.severity] || PITFALLS.findIndex((p) => p.id === a.id) - PITFALLS.findIndex((p) => p.id === b.id),
  );
}
