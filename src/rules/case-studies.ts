/**
 * Public case studies, matched to a workload by trait similarity. Each says what the company ran,
 * the traits that drove it, the lesson, and a public source. Where the sources found confirm less
 * than the usual retelling, `confidence` is lowered and the lesson says what is unconfirmed.
 */
import type { CaseStudyMatch } from '../domain/advice.js';
import type { Workload } from '../schema/workload.js';
import { factsOf, type WorkloadFacts } from './traits.js';
import type { CaseStudy, CaseTraits } from './types.js';

export const CASE_STUDIES: readonly CaseStudy[] = [
  {
    id: 'lyft',
    name: 'Lyft',
    option: 'eks-managed-nodes',
    chose: 'Kubernetes on EC2, from 2018, after years of services on EC2 virtual machines',
    traits: { teamSize: 'large', platformTeam: true, kubernetes: 'expert', kubernetesEcosystem: 'central', bursty: true, largeFleet: true },
    lesson:
      'Lyft moved hundreds of VM-based services to Kubernetes only once a platform team could bridge old and new with Envoy, its own service mesh, as a sidecar; the mesh and the team made Kubernetes natural. (The common retelling says "ECS first"; the talks found describe EC2 VMs, not ECS.)',
    source:
      'KubeCon NA 2018, "Evolving Legacy Systems into Kubernetes at Lyft: A Hybrid Environment" (Lita Cho, Jose Nino), sched.co/GrS1; altoros.com/blog/lyft-runs-300000-containers-in-a-multicluster-kubernetes-environment (3p)',
    confidence: 'medium',
  },
  {
    id: 'robinhood',
    name: 'Robinhood',
    option: 'eks-managed-nodes',
    chose: 'Kubernetes on AWS, with an in-house "Archetype Framework" that declares every service the same way',
    traits: { teamSize: 'large', platformTeam: true, kubernetes: 'expert', compliance: true, portability: true, largeFleet: true },
    lesson:
      'A regulated broker replaced Terraform + SaltStack deploys, which were non-deterministic and slow across large host fleets, with Kubernetes and one standard service definition for every environment: deterministic, reviewable deploys were the point. (The post describes Kubernetes on AWS; it does not say in the passages found whether the clusters are EKS.)',
    source: 'robinhood.com/us/en/newsroom/building-an-application-deployment-platform-on-kubernetes (Robinhood Engineering, 2019-11-13)',
    confidence: 'medium',
  },
  {
    id: 'pinterest',
    name: 'Pinterest',
    option: 'eks-managed-nodes',
    chose: 'PinCompute, a Kubernetes-based compute platform on EC2 (zonal clusters, GPU instance families for ML)',
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
      'Pinterest runs services, batch and about half its offline ML (Ray, on GPU hosts) on one Kubernetes platform; at that scale node-level control pays, and its cost shows too: a 2025 incident was traced to a systemd unit in the base GPU AMI. (GPU autoscaling with Karpenter is often attributed to Pinterest; the sources found do not confirm it.)',
    source:
      'Pinterest Engineering blog, "PinCompute: A Kubernetes Backed General Purpose Compute Platform for Pinterest" (Oct 2023); Pinterest Engineering, "Finding zombies in our systems" (2026), summarised at sysdesign-wiki.pages.dev/systems/pinterest-pincompute (3p)',
    confidence: 'medium',
  },
  {
    id: 'crowdstrike',
    name: 'CrowdStrike',
    option: 'ecs-fargate',
    chose: 'ECS on Fargate for telemetry ingestion (per the project brief; unconfirmed)',
    traits: { perTaskIsolation: true, bursty: true, largeFleet: true, compliance: true, kubernetesEcosystem: 'none' },
    lesson:
      'Ingestion on ECS Fargate, where each task has its own VM boundary and there are no hosts to harden or explain. Unconfirmed: the public AWS case study found (2016) confirms only that CrowdStrike runs Falcon analytics on AWS to reduce operational overhead and to "scale quickly without having to do a lot of capacity planning"; it does not mention Fargate.',
    source: 'aws.amazon.com/solutions/case-studies/crowdstrike/ (2016)',
    confidence: 'low',
  },
  {
    id: 'goldman-sachs',
    name: 'Goldman Sachs',
    option: 'ecs-fargate',
    chose: 'ECS on Fargate (a customer talk at re:Invent 2022)',
    traits: { teamSize: 'large', compliance: true },
    lesson:
      'A heavily regulated bank told its ECS Fargate journey on stage: regulation alone does not require Kubernetes or self-managed hosts. (Details of the workload were not in the passages found.)',
    source: 'AWS re:Invent 2022, "What\'s new and what\'s next with Amazon ECS" (CON210), with Akhilesh Reddy, Goldman Sachs',
    confidence: 'low',
  },
];

/** A case study is "close" when at least this share of its known traits match the workload. */
export const CLOSE_SIMILARITY = 0.6;
/** Sparse profiles are measured as if they had this many traits, so two lucky matches cannot score 1.0. */
export const MIN_TRAITS = 4;

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
    largeFleet: { value: t.peakTasks >= 500, yours: `${t.peakTasks.toLocaleString('en-US')} tasks at peak` },
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

export function matchCaseStudies(workload: Workload, facts: WorkloadFacts = factsOf(workload)): CaseStudyMatch[] {
  const mine = workloadTraits(workload, facts.traits);
  return CASE_STUDIES.map((cs) => {
    const matches: string[] = [];
    const differs: string[] = [];
    for (const key of TRAIT_ORDER) {
      const theirs = cs.traits[key];
      if (theirs === undefined) continue;
      const yours = mine[key];
      if (yours.value === theirs) matches.push(TRAIT_WORDS[key](theirs));
      else differs.push(`${cs.name}: ${TRAIT_WORDS[key](theirs)}; yours: ${yours.yours}`);
    }
    const known = matches.length + differs.length;
    const similarity = known === 0 ? 0 : Math.round((matches.length / Math.max(known, MIN_TRAITS)) * 100) / 100;
    return {
      id: cs.id,
      name: cs.name,
      option: cs.option,
      similarity,
      matches,
      differs,
      lesson: cs.lesson,
      source: cs.source,
    } satisfies CaseStudyMatch;
  })
    .filter((m) => m.similarity >= CLOSE_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id));
}
