/**
 * The shapes of the rules engine's data. Rules, case studies and pitfalls are plain objects with a
 * human description of their trigger and a source, plus one pure function that looks at the workload.
 */
import type { CaseStudyMatch, OptionPricing } from '../domain/advice.js';
import type { OptionId } from '../schema/enums.js';
import type { Workload } from '../schema/workload.js';
import type { Task } from '../domain/tasks.js';
import type { InstanceShape } from '../domain/price-book.js';
import type { SourceId } from '../domain/sources.js';
import type { Traits } from './traits.js';

/** What a rule does to one option: make it ineligible, or add (or subtract) points. */
export type Effect = number | 'blocker';
export type Effects = Partial<Record<OptionId, Effect>>;

export interface RuleContext {
  workload: Workload;
  tasks: readonly Task[];
  traits: Traits;
  pricing: Record<OptionId, OptionPricing>;
  /** Instance shapes by type, when the caller has a price book (pitfalls that count node IPs read it). */
  instances?: ReadonlyMap<string, InstanceShape>;
}

/** The result of looking at one workload: whether the rule fired, and why (for `--explain`). */
export interface RuleOutcome {
  fired: boolean;
  /** What the rule saw, in words: "2 of 3 services peak at 2× or more" / "no task asks for GPUs". */
  why: string;
  /** The effects for this workload; defaults to the rule's declared `effects` when fired. */
  effects?: Effects;
  /** Reason text per option, when it differs from the rule's `reason` (e.g. it carries numbers). */
  texts?: Partial<Record<OptionId, string>>;
}

export interface Rule {
  id: string;
  /**
   * The workload fact this rule scores (see TRAITS). Rules that share a trait are alternatives (one per
   * value, like `kubernetes-none` and `kubernetes-expert`) or a blocker beside one scoring rule, so each
   * fact adds points through one rule at most.
   */
  trait: TraitId;
  /** A short noun phrase used in the recommendation summary, e.g. "small team". */
  label: string;
  /** When the rule fires, in words (the `rules` command prints this). */
  trigger: string;
  /** The declared effect per option. Computed rules (cost, cold start) describe theirs in `effectNote`. */
  effects: Effects;
  effectNote?: string;
  /** One line, written for the reader of the advice. */
  reason: string;
  /** Where the rule's facts come from: public documents, by id in the sources registry. */
  sources: readonly SourceId[];
  evaluate(ctx: RuleContext): RuleOutcome;
}

/** The facts of a workload that the rules score, each owned by one rule (or one family of alternatives). */
export type TraitId =
  | 'gpus'
  | 'privileged'
  | 'host-daemons'
  | 'host-networking'
  | 'block-storage'
  | 'windows'
  | 'arm'
  | 'task-size'
  | 'task-storage'
  | 'region'
  | 'isolation'
  | 'sidecar-daemons'
  | 'team-capacity'
  | 'kubernetes-skills'
  | 'kubernetes-ecosystem'
  | 'portability'
  | 'compliance-soc2'
  | 'compliance-iso27001'
  | 'compliance-pci'
  | 'compliance-hipaa'
  | 'compliance-fedramp'
  | 'burstiness'
  | 'jobs'
  | 'scale-out-time'
  | 'launch-burst'
  | 'interruptible'
  | 'pod-size-rounding'
  | 'subnets'
  | 'cost';

/** A public document a case study rests on: what a reader can open to check it. */
type CaseSource = CaseStudyMatch['sources'][number];

export interface CaseStudy {
  id: string;
  name: string;
  /** The option the company chose, or the closest of the six when it ran something else (see `exact`). */
  option: OptionId;
  /** true when the sources confirm exactly this AWS option; false when `option` is only the closest one. */
  exact: boolean;
  /** false for a team that evaluated `option` and decided against it. */
  adopted: boolean;
  /** What the company really ran, in words, as short as a headline. */
  chose: string;
  /** The year of the choice, or of the latest source describing it. */
  year: number;
  traits: CaseTraits;
  lesson: string;
  /** What the sources do not confirm, as a sentence; null when they confirm everything the case says. */
  unconfirmed: string | null;
  /**
   * `high`: the company's own write-up or talk confirms the choice and the reasons; `medium`: the choice
   * is confirmed but read through a summary, or the reasons only in part; `low`: the sources do not
   * confirm the choice itself.
   */
  confidence: 'high' | 'medium' | 'low';
  /** At least one, each with an https URL. */
  sources: CaseSource[];
}

/** The traits a case study is matched on; each is optional (unknown for that company). */
export interface CaseTraits {
  teamSize?: 'small' | 'medium' | 'large';
  platformTeam?: boolean;
  kubernetes?: 'none' | 'some' | 'expert';
  kubernetesEcosystem?: 'none' | 'some' | 'central';
  portability?: boolean;
  compliance?: boolean;
  gpus?: boolean;
  bursty?: boolean;
  batch?: boolean;
  perTaskIsolation?: boolean;
  largeFleet?: boolean;
}

export type Severity = 'high' | 'medium' | 'low';

export interface PitfallFinding {
  severity: Severity;
  /** The options this finding concerns (a subset of the pitfall's options). */
  options: OptionId[];
  /** The finding, with the workload's own numbers. */
  text: string;
}

export interface Pitfall {
  id: string;
  title: string;
  options: OptionId[];
  trigger: string;
  fix: string;
  sources: readonly SourceId[];
  check(ctx: RuleContext): PitfallFinding | null;
}
