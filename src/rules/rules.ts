/**
 * Every rule as data, in evaluation order: the blockers (what an option cannot run), then the scoring
 * rules (one owner per workload fact). The engine (`engine.ts`) adds the points to a base score; cost
 * comes last, computed from the pricing model once the blockers are known.
 */
import { BLOCKERS } from './blockers.js';
import { SCORING } from './scoring.js';
import type { Effects, Rule } from './types.js';
import { COST_WEIGHTS } from './weights.js';

/** The cost rule: computed by the engine from the pricing model, after the blockers are known. */
export const COST_RULE = {
  id: 'cost',
  trait: 'cost',
  label: 'monthly cost',
  trigger: 'always, among the eligible options with a price',
  effects: {} as Effects,
  effectNote: `0 for the cheapest eligible option; the others lose ${COST_WEIGHTS.absolutePoints} × gap ÷ (gap + one engineer-month) plus ${COST_WEIGHTS.relativePoints} × r ÷ (1 + r) × gap ÷ (gap + $${COST_WEIGHTS.relativeDampingDollars}), where gap is the monthly difference in dollars, r = gap ÷ cheapest, and an engineer-month is team.engineerCostPerYear ÷ 12 (a reference $17,500 when not given)`,
  reason: 'Cost is one contribution among the others: a few dollars never outweigh an operational fact, an engineer’s salary a month does.',
  sources: ['fargate-pricing', 'eks-pricing', 'aws-decision-guide'],
} as const;

/** Every rule, in evaluation order (the cost rule is appended by the engine). */
export const SCORING_RULES: readonly Rule[] = [...BLOCKERS, ...SCORING];
