/**
 * The engine: run every rule against the workload, turn effects into blockers and reasons, add the
 * cost contribution, and rank. Pure and deterministic: no clock, no randomness, stable ordering.
 */
import type { Blocker, OptionPricing, Reason, RuleTrace } from '../domain/advice.js';
import { OPTIONS, optionName } from '../domain/options.js';
import { joinAnd, money } from '../domain/text.js';
import { OPTION_IDS, type OptionId } from '../schema/enums.js';
import type { Workload } from '../schema/workload.js';
import { COST_POINTS, COST_RULE, SCORING_RULES } from './rules.js';
import { factsOf, type WorkloadFacts } from './traits.js';
import type { Effects, RuleContext } from './types.js';

/** Every option starts here; each fired rule adds or subtracts its points. The result is clamped to 0–100. */
export const BASE_SCORE = 50;

export interface OptionVerdict {
  id: OptionId;
  rank: number;
  eligible: boolean;
  /** 0–100: BASE_SCORE plus every reason's points, clamped; 0 when the option is blocked. */
  score: number;
  /** The score the option would have without its blockers (used to order blocked options). */
  unblockedScore: number;
  blockers: Blocker[];
  reasons: Reason[];
  operates: string[];
}

export interface RulesResult {
  options: OptionVerdict[];
  recommendation: { option: OptionId; runnerUp: OptionId | null; summary: string };
  trace: RuleTrace[];
}

interface Work {
  id: OptionId;
  blockers: Blocker[];
  reasons: Reason[];
}

export function evaluateRules(
  workload: Workload,
  pricing: Record<OptionId, OptionPricing>,
  facts: WorkloadFacts = factsOf(workload),
): RulesResult {
  const ctx: RuleContext = { workload, ...facts, pricing };
  const work = new Map<OptionId, Work>(OPTION_IDS.map((id) => [id, { id, blockers: [], reasons: [] }]));
  const trace: RuleTrace[] = [];
  const labels = new Map<string, string>();

  for (const rule of SCORING_RULES) {
    labels.set(rule.id, rule.label);
    const outcome = rule.evaluate(ctx);
    const effects: Effects = outcome.fired ? (outcome.effects ?? rule.effects) : {};
    for (const id of OPTION_IDS) {
      const effect = effects[id];
      if (effect === undefined) continue;
      const text = outcome.texts?.[id] ?? rule.reason;
      const w = work.get(id)!;
      if (effect === 'blocker') w.blockers.push({ rule: rule.id, text });
      else w.reasons.push({ rule: rule.id, points: effect, text });
    }
    trace.push({ rule: rule.id, fired: outcome.fired, why: outcome.why, effects: { ...effects } });
  }

  // Blockers the pricing model found (e.g. task-too-large) that no rule has reported yet.
  const extra: Effects = {};
  for (const id of OPTION_IDS) {
    const w = work.get(id)!;
    for (const b of pricing[id]?.blockers ?? []) {
      if (w.blockers.some((x) => x.rule === b.rule)) continue;
      w.blockers.push({ rule: b.rule, text: b.text });
      extra[id] = 'blocker';
    }
  }
  const pricingFired = Object.keys(extra).length > 0;
  trace.push({
    rule: 'pricing-blockers',
    fired: pricingFired,
    why: pricingFired ? `the pricing model blocks ${Object.keys(extra).join(', ')}` : 'the pricing model reports no further blockers',
    effects: extra,
  });

  // Cost: one contribution among the others, compared across the eligible options only.
  labels.set(COST_RULE.id, COST_RULE.label);
  trace.push(applyCost(work, pricing));

  const scored = OPTION_IDS.map((id) => {
    const w = work.get(id)!;
    const unblockedScore = clamp(BASE_SCORE + w.reasons.reduce((a, r) => a + r.points, 0));
    const eligible = w.blockers.length === 0;
    return { ...w, eligible, unblockedScore, score: eligible ? unblockedScore : 0, cost: costOf(pricing[id]) };
  });
  const order = (a: (typeof scored)[number], b: (typeof scored)[number]) =>
    Number(b.eligible) - Number(a.eligible) ||
    (a.eligible ? b.score - a.score : a.blockers.length - b.blockers.length || b.unblockedScore - a.unblockedScore) ||
    a.cost - b.cost ||
    OPTION_IDS.indexOf(a.id) - OPTION_IDS.indexOf(b.id);
  const ranked = [...scored].sort(order);

  const options: OptionVerdict[] = ranked.map((o, i) => ({
    id: o.id,
    rank: i + 1,
    eligible: o.eligible,
    score: o.score,
    unblockedScore: o.unblockedScore,
    blockers: o.blockers,
    reasons: [...o.reasons].sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || b.points - a.points),
    operates: [...OPTIONS[o.id].operates],
  }));

  return { options, recommendation: recommend(options, pricing, labels), trace };
}

function applyCost(work: Map<OptionId, Work>, pricing: Record<OptionId, OptionPricing>): RuleTrace {
  const priced = OPTION_IDS.filter(
    (id) => work.get(id)!.blockers.length === 0 && Number.isFinite(costOf(pricing[id])) && costOf(pricing[id]) > 0,
  );
  if (priced.length === 0) return { rule: COST_RULE.id, fired: false, why: 'no eligible option has a price', effects: {} };
  const cheapestId = [...priced].sort(
    (a, b) => costOf(pricing[a]) - costOf(pricing[b]) || OPTION_IDS.indexOf(a) - OPTION_IDS.indexOf(b),
  )[0]!;
  const cheapest = costOf(pricing[cheapestId]);
  const effects: Effects = {};
  for (const id of priced) {
    const cost = costOf(pricing[id]);
    const premium = (cost - cheapest) / Math.max(cheapest, COST_POINTS.floorDollars);
    const points =
      priced.length === 1
        ? 0
        : Math.max(-COST_POINTS.max, Math.min(COST_POINTS.max, Math.round(COST_POINTS.max - COST_POINTS.slope * premium)));
    effects[id] = points;
    const text =
      priced.length === 1
        ? `${money(cost)}/month; the only eligible option, so cost does not separate it.`
        : cost - cheapest < 0.005
          ? `${money(cost)}/month, the cheapest eligible option${id === cheapestId ? '' : ' (tied)'}.`
          : `${money(cost)}/month, ${money(cost - cheapest)} (${Math.round(((cost - cheapest) / cheapest) * 100)} %) more than ${optionName(cheapestId)} at ${money(cheapest)}.`;
    work.get(id)!.reasons.push({ rule: COST_RULE.id, points: points === 0 ? 0 : points, text });
  }
  return {
    rule: COST_RULE.id,
    fired: true,
    why: `cheapest eligible: ${cheapestId} at ${money(cheapest)}/month; compared: ${priced.map((id) => `${id} ${money(costOf(pricing[id]))}`).join(', ')}`,
    effects,
  };
}

function recommend(
  options: OptionVerdict[],
  pricing: Record<OptionId, OptionPricing>,
  labels: Map<string, string>,
): RulesResult['recommendation'] {
  const eligible = options.filter((o) => o.eligible);
  const top = options[0]!;
  if (eligible.length === 0) {
    const why = options.map((o) => `${optionName(o.id)} (${o.blockers.map((b) => b.rule).join(', ')})`).join('; ');
    return {
      option: top.id,
      runnerUp: null,
      summary: `No option is eligible: every one is blocked — ${why}. ${optionName(top.id)} has the fewest blockers; change the workload before choosing.`,
    };
  }
  const winner = eligible[0]!;
  const runnerUp = eligible[1] ?? null;
  const strengths = winner.reasons
    .filter((r) => r.points > 0 && r.rule !== COST_RULE.id)
    .slice(0, 3)
    .map((r) => labels.get(r.rule) ?? r.rule);
  const costPhrase = costSentence(
    winner.id,
    eligible.map((o) => o.id),
    pricing,
  );
  const because = strengths.length > 0 ? ` on ${joinAnd(strengths)}` : '';
  let summary = `${optionName(winner.id)} scores ${winner.score}/100${because}${costPhrase}.`;
  if (runnerUp) {
    const against = runnerUp.reasons
      .filter((r) => r.points < 0)
      .slice(0, 2)
      .map((r) => labels.get(r.rule) ?? r.rule);
    summary += ` Runner-up: ${optionName(runnerUp.id)} (${runnerUp.score})${against.length > 0 ? `, held back by ${joinAnd(against)}` : ''}.`;
  }
  return { option: winner.id, runnerUp: runnerUp?.id ?? null, summary };
}

/** "; at $99.41/month it is also the cheapest eligible option" or "; it costs $2,762.32/month, 15 % more than ECS on EC2 ($2,401.18)". */
function costSentence(winner: OptionId, eligible: OptionId[], pricing: Record<OptionId, OptionPricing>): string {
  const cost = costOf(pricing[winner]);
  if (!Number.isFinite(cost) || cost <= 0) return '';
  const others = eligible.filter((id) => id !== winner && Number.isFinite(costOf(pricing[id])));
  const cheapest = [...others].sort((a, b) => costOf(pricing[a]) - costOf(pricing[b]) || OPTION_IDS.indexOf(a) - OPTION_IDS.indexOf(b))[0];
  if (cheapest === undefined) return `; it costs ${money(cost)}/month`;
  const low = costOf(pricing[cheapest]);
  if (cost - low < 0.005) return `; at ${money(cost)}/month it is also the cheapest eligible option`;
  return `; it costs ${money(cost)}/month, ${Math.round(((cost - low) / low) * 100)} % more than ${optionName(cheapest)} (${money(low)})`;
}

function costOf(p: OptionPricing | undefined): number {
  const total = p?.monthlyCost.total;
  return typeof total === 'number' && Number.isFinite(total) ? total : Number.POSITIVE_INFINITY;
}

function clamp(score: number): number {
  return Math.max(0, Math.min(100, score));
}
