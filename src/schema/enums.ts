/**
 * Every closed set of values in one place. The same arrays feed the workload schema, the TypeScript
 * types, commander's `.choices()` and the questionnaire's `select()` choices, so they cannot drift.
 */

/** The option ids (their names and facts live in the domain catalog, `src/domain/options.ts`). */
export const OPTION_IDS = ['ecs-fargate', 'ecs-ec2', 'eks-managed-nodes', 'eks-fargate', 'ecs-managed-instances', 'eks-auto-mode'] as const;
export type OptionId = (typeof OPTION_IDS)[number];

export const ARCHITECTURES = ['x86_64', 'arm64'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const OPERATING_SYSTEMS = ['linux', 'windows'] as const;
export type OperatingSystem = (typeof OPERATING_SYSTEMS)[number];

export const ISOLATION_LEVELS = ['shared', 'per-task'] as const;

export const COMPLIANCE_REGIMES = ['soc2', 'pci', 'hipaa', 'fedramp', 'iso27001'] as const;
export type ComplianceRegime = (typeof COMPLIANCE_REGIMES)[number];

export const PORTABILITY_LEVELS = ['none', 'preferred', 'required'] as const;
export type PortabilityLevel = (typeof PORTABILITY_LEVELS)[number];

export const KUBERNETES_EXPERIENCE = ['none', 'some', 'expert'] as const;
export type KubernetesExperience = (typeof KUBERNETES_EXPERIENCE)[number];

export const KUBERNETES_ECOSYSTEM = ['none', 'some', 'central'] as const;
export type KubernetesEcosystem = (typeof KUBERNETES_ECOSYSTEM)[number];

export const EKS_SUPPORT_TIERS = ['standard', 'extended'] as const;
export type EksSupportTier = (typeof EKS_SUPPORT_TIERS)[number];

/** How images reach tasks: a NAT gateway, VPC endpoints, or the internet from public subnets. */
export const IMAGE_PULL_PATHS = ['nat', 'vpc-endpoints', 'internet'] as const;
export type ImagePullPath = (typeof IMAGE_PULL_PATHS)[number];

/** How the workload relates to several clusters: divided among them, or run in full in each. */
export const CLUSTER_SPLITS = ['divide', 'replicate'] as const;

/** What a Savings Plan discount covers: the always-on baseline, or every on-demand hour. */
export const DISCOUNT_SCOPES = ['baseline', 'all'] as const;

export const OUTPUT_FORMATS = ['table', 'json', 'markdown', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const PRICE_SOURCES = ['snapshot', 'cache', 'live', 'auto'] as const;
export type PriceSourceKind = (typeof PRICE_SOURCES)[number];

export const HOURS_PER_MONTH_DEFAULT = 730;
