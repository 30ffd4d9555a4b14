/**
 * The rules engine's public face: scoring (`evaluateRules`), case studies, pitfalls, what-if, and the
 * plain data behind the `rules` and `cases` commands. Everything here is pure.
 */
import { OPTION_IDS, type OptionId } from '../schema/enums.js';
import { BASE_SCORE } from './engine.js';
import { CASE_STUDIES } from './case-studies.js';
import { PITFALLS } from './pitfalls.js';
import { COST_RULE, SCORING_RULES } from './rules.js';
import { SOURCES, sourceOf, type Source, type SourceId } from '../domain/sources.js';
import type { Effect, TraitId } from './types.js';

export { evaluateRules, BASE_SCORE } from './engine.js';
export { matchCaseStudies, CASE_STUDIES } from './case-studies.js';
export { findPitfalls, PITFALLS } from './pitfalls.js';
export { findWhatIfs, MAX_WHAT_IF_CALLS } from './what-if.js';

export { factsOf } from './traits.js';
export type { Effect } from './types.js';

/** One row of `ecs-or-eks rules`: what triggers the rule, what it does to each option, and why. */
export interface RuleDescription {
  id: string;
  label: string;
  trigger: string;
  /** Per option: 'blocker', signed points, or absent when the rule does not touch the option. */
  effects: Partial<Record<OptionId, Effect>>;
  /** Set for rules whose points are computed (cost, cold start, launch rate). */
  effectNote: string | null;
  reason: string;
  /** The workload fact the rule scores; rules sharing a trait are alternatives or a blocker beside one scorer. */
  trait: TraitId;
  /** Every source as "Title — URL", joined with "; " (the same documents as `sources`). */
  source: string;
  sources: Source[];
  kind: 'blocker' | 'score' | 'computed';
}

const sourceLine = (ids: readonly SourceId[]): string => ids.map((id) => `${SOURCES[id].title} — ${SOURCES[id].url}`).join('; ');

/** The rules as plain data, in evaluation order, cost last. */
export const RULES: readonly RuleDescription[] = [
  ...SCORING_RULES.map((r): RuleDescription => {
    const values = Object.values(r.effects);
    return {
      id: r.id,
      label: r.label,
      trigger: r.trigger,
      effects: { ...r.effects },
      effectNote: r.effectNote ?? null,
      reason: r.reason,
      trait: r.trait,
      source: sourceLine(r.sources),
      sources: r.sources.map(sourceOf),
      kind: values.includes('blocker') ? 'blocker' : r.effectNote ? 'computed' : 'score',
    };
  }),
  {
    id: COST_RULE.id,
    label: COST_RULE.label,
    trigger: COST_RULE.trigger,
    effects: {},
    effectNote: COST_RULE.effectNote,
    reason: COST_RULE.reason,
    trait: COST_RULE.trait,
    source: sourceLine(COST_RULE.sources),
    sources: COST_RULE.sources.map(sourceOf),
    kind: 'computed',
  },
];

export function describeRules(): { baseScore: number; options: readonly OptionId[]; rules: readonly RuleDescription[] } {
  return { baseScore: BASE_SCORE, options: OPTION_IDS, rules: RULES };
}

/** Plain data for `ecs-or-eks cases`. */
export function describeCaseStudies() {
  return CASE_STUDIES.map((c) => ({ ...c, traits: { ...c.traits }, sources: c.sources.map((s) => ({ ...s })) }));
}

/** Plain data for listing pitfalls (no check functions). */
export function describePitfalls() {
  return PITFALLS.map(({ check: _check, sources, ...rest }) => ({
    ...rest,
    options: [...rest.options],
    source: sourceLine(sources),
    sources: sources.map(sourceOf),
  }));
}
