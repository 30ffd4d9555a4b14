/**
 * The documented limits of a workload file (README, "Limits"): a file's size, list lengths and the
 * largest task. Beyond them input is refused with exit 2; below them everything stays fast. Kept
 * apart from the schema so the CLI can check a file's size without loading the YAML parser.
 */

export const MAX_INPUT_BYTES = 1024 * 1024;

/** Longest lists a workload may hold (an estate of 10,000 services is advised in seconds). */
export const LIST_LIMITS = {
  services: 10_000,
  jobs: 2_000,
  daemons: 50,
  instanceTypes: 200,
  subnets: 256,
} as const;

/** The largest task the tool reasons about; anything larger is a typo, not a workload. */
export const LIMITS = {
  maxCpu: 192,
  maxMemoryGiB: 24_576,
  maxReplicas: 1_000_000,
  maxGpus: 16,
  maxStorageGiB: 16_384,
  maxImageSizeMB: 100_000,
  /** GB a month through NAT in `cost.extras` (10 PB). */
  maxNatGbPerMonth: 10_000_000,
  /** Savings Plan and Spot discounts: AWS's own maxima are 72 % and 90 %; 100 % would make compute free. */
  maxDiscountPercent: 95,
  /** A fully loaded engineer's yearly cost, USD: a sanity range, not a market figure. */
  minEngineerCostPerYear: 1_000,
  maxEngineerCostPerYear: 5_000_000,
} as const;
