/**
 * The engine: run every rule against the workload, turn effects into blockers and reasons, add the
 * cost contribution, and rank. Pure and deterministic: no clock, no randomness, stable ordering.
 */
import type { Blocker, OptionPricing, Reason, Recommendation, RuleTrace } from '../domain/advice.js';
import { OPTIONS, optionName } from '../domain/options.js';
import { joinAnd, money } from '../domain/text.js';
import { OPTION_IDS, type OptionId } from '../schema/enums.js';
import type { Workload } from '../schema/workload.js';
import { COST_RULE, SCORING_RULES } from './rules.js';
import { factsOf, type WorkloadFacts } from './traits.js';
import type { Effects, RuleContext } from './types.js';
import { CLOSE_CALL_POINTS, COST_WEIGHTS, engineerMonthDollars, roundPoints } from './weights.js';

/** Every option starts here; each fired rule adds or subtracts its points. The result is clamped to 0–100. */
export const BASE_SCORE = 50;

export interface OptionVerdict {
  id: OptionId;
  rank: number;
  eligible: boolean;
  /** BASE_SCORE plus every reason's points, clamped to 0–100; null when the option is blocked. */
  score: number | null;
  /** The score the option would have without its blockers (used to order blocked options). */
  unblockedScore: number;
  blockers: Blocker[];
  reasons: Reason[];
  operates: string[];
}

export interface RulesResult {
  options: OptionVerdict[];
  recommendation: Recommendation;
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
  trace.push(applyCost(work, pricing, workload));

  const scored = OPTION_IDS.map((id) => {
    const w = work.get(id)!;
    const unblockedScore = clamp(roundPoints(BASE_SCORE + w.reasons.reduce((a, r) => a + r.points, 0)));
    const eligible = w.blockers.length === 0;
    return { ...w, eligible, unblockedScore, score: eligible ? unblockedScore : null, cost: costOf(pricing[id]) };
  });
  const order = (a: (typeof scored)[number], b: (typeof scored)[number]) =>
    Number(b.eligible) - Number(a.eligible) ||
    (a.eligible ? b.unblockedScore - a.unblockedScore : a.blockers.length - b.blockers.length || b.unblockedScore - a.unblockedScore) ||
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

/**
 * Cost points for one option: nothing for the cheapest eligible option, and for the others a penalty
 * that grows with the gap in absolute terms (measured in engineer-months) and in relative terms (damped
 * on small bills). See `COST_WEIGHTS` for the reasoning.
 */
export function costPoints(gap: number, cheapest: number, engineerMonth: number): number {
  if (!(gap > 0)) return 0;
  const W = COST_WEIGHTS;
  const absolute = (W.absolutePoints * gap) / (gap + engineerMonth);
  const r = cheapest > 0 ? gap / cheapest : Number.POSITIVE_INFINITY;
  const relativeShare = Number.isFinite(r) ? r / (1 + r) : 1;
  const relative = W.relativePoints * relativeShare * (gap / (gap + W.relativeDampingDollars));
  return roundPoints(-(absolute + relative));
}

function applyCost(work: Map<OptionId, Work>, pricing: Record<OptionId, OptionPricing>, workload: Workload): RuleTrace {
  const priced = OPTION_IDS.filter(
    (id) => work.get(id)!.blockers.length === 0 && Number.isFinite(costOf(pricing[id])) && costOf(pricing[id]) >= 0,
  );
  if (priced.length === 0) return { rule: COST_RULE.id, fired: false, why: 'no eligible option has a price', effects: {} };
  const cheapestId = [...priced].sort(
    (a, b) => costOf(pricing[a]) - costOf(pricing[b]) || OPTION_IDS.indexOf(a) - OPTION_IDS.indexOf(b),
  )[0]!;
  const cheapest = costOf(pricing[cheapestId]);
  const month = engineerMonthDollars(workload);
  const effects: Effects = {};
  for (const id of priced) {
    const cost = costOf(pricing[id]);
    const gap = cost - cheapest;
    const points = priced.length === 1 ? 0 : costPoints(gap, cheapest, month.dollars);
    effects[id] = points;
    const share = cheapest > 0 ? `${Math.round((gap / cheapest) * 100)} %` : 'more than the free option';
    const months = gap / month.dollars;
    const inMonths =
      months >= 0.05
        ? `, about ${months >= 1 ? months.toFixed(1) : months.toFixed(2)} engineer-months a month${month.reference ? ' at a reference $210,000 a year' : ''}`
        : '';
    const text =
      priced.length === 1
        ? `${money(cost)}/month; the only eligible option, so cost does not separate it.`
        : gap < 0.005
          ? `${money(cost)}/month, the cheapest eligible option${id === cheapestId ? '' : ' (tied)'}.`
          : `${money(cost)}/month: ${money(gap)} (${share}) more than ${optionName(cheapestId)} at ${money(cheapest)}${inMonths}.`;
    work.get(id)!.reasons.push({ rule: COST_RULE.id, points, text });
  }
  return {
    rule: COST_RULE.id,
    fired: true,
    why: `cheapest eligible: ${cheapestId} at ${money(cheapest)}/month; an engineer-month is ${money(month.dollars)}${month.reference ? ' (reference)' : ''}; compared: ${priced.map((id) => `${id} ${money(costOf(pricing[id]))}`).join(', ')}`,
    effects,
  };
}

function recommend(options: OptionVerdict[], pricing: Record<OptionId, OptionPricing>, labels: Map<string, string>): Recommendation {
  const eligible = options.filter((o) => o.eligible);
  const top = options[0]!;
  if (eligible.length === 0) {
    const why = options.map((o) => `${optionName(o.id)}: ${o.blockers.map((b) => b.rule).join(', ')}`).join('; ');
    return {
      option: top.id,
      runnerUp: null,
      summary: `No option can run this workload as described (${why}). Change what blocks them — for example the task size, GPUs or host access — and advise again.`,
      eligible: false,
      score: null,
      monthlyCost: null,
      margin: null,
      closeCall: false,
    };
  }
  const winner = eligible[0]!;
  const runnerUp = eligible[1] ?? null;
  const winnerScore = winner.score!;
  const margin = runnerUp ? roundPoints(winnerScore - runnerUp.score!) : null;
  const closeCall = margin !== null && margin < CLOSE_CALL_POINTS;
  const cost = costOf(pricing[winner.id]);
  const strengths = winner.reasons
    .filter((r) => r.points > 0 && r.rule !== COST_RULE.id)
    .slice(0, 3)
    .map((r) => labels.get(r.rule) ?? r.rule);
  const because = strengths.length > 0 ? ` on ${joinAnd(strengths)}` : '';
  const base = {
    option: winner.id,
    runnerUp: runnerUp?.id ?? null,
    eligible: true,
    score: winnerScore,
    monthlyCost: Number.isFinite(cost) ? cost : null,
    margin,
    closeCall,
  };
  if (closeCall && runnerUp) return { ...base, summary: closeCallSummary(winner, runnerUp, margin!, pricing, labels) };
  let summary = `${optionName(winner.id)} scores ${fmtScore(winnerScore)}/100${because}${costSentence(
    winner.id,
    eligible.map((o) => o.id),
    pricing,
  )}.`;
  if (runnerUp) {
    // Only penalties of a point or more: a few cents of cost are not what holds an option back.
    const against = runnerUp.reasons
      .filter((r) => r.points <= -1)
      .slice(0, 2)
      .map((r) => labels.get(r.rule) ?? r.rule);
    summary += ` Runner-up: ${optionName(runnerUp.id)} (${fmtScore(runnerUp.score!)}, ${fmtScore(margin!)} points behind)${against.length > 0 ? `, held back by ${joinAnd(against)}` : ''}.`;
  }
  return { ...base, summary };
}

/** "Too close to call on scores: A (57) and B (56) …; B is cheaper by $N (P %)." or what would decide it. */
function closeCallSummary(
  winner: OptionVerdict,
  runnerUp: OptionVerdict,
  margin: number,
  pricing: Record<OptionId, OptionPricing>,
  labels: Map<string, string>,
): string {
  const a = optionName(winner.id);
  const b = optionName(runnerUp.id);
  const head = `Too close to call on scores: ${a} (${fmtScore(winner.score!)}) and ${b} (${fmtScore(runnerUp.score!)}) are ${fmtScore(margin)} point${margin === 1 ? '' : 's'} apart`;
  const ca = costOf(pricing[winner.id]);
  const cb = costOf(pricing[runnerUp.id]);
  if (Number.isFinite(ca) && Number.isFinite(cb) && Math.abs(ca - cb) >= 0.005) {
    const [cheap, dear, low, high] = ca < cb ? [a, b, ca, cb] : [b, a, cb, ca];
    const pct = low > 0 ? ` (${Math.round(((high - low) / low) * 100)} %)` : '';
    return `${head}; ${cheap} is cheaper than ${dear} by ${money(high - low)}/month${pct}.`;
  }
  const strongest = (o: OptionVerdict) =>
    o.reasons.filter((r) => r.points > 0 && r.rule !== COST_RULE.id).map((r) => labels.get(r.rule) ?? r.rule)[0];
  const forA = strongest(winner);
  const forB = strongest(runnerUp);
  const decide =
    forA && forB && forA !== forB
      ? `it comes down to which weighs more for you: ${forA} (${a}) or ${forB} (${b})`
      : 'they cost the same; decide on what your team already runs';
  return `${head}; ${decide}.`;
}

/** Scores carry one decimal; show it only when it is not a whole number. */
function fmtScore(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
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
  return `; it costs ${money(cost)}/month, ${money(cost - low)} (${low > 0 ? `${Math.round(((cost - low) / low) * 100)} %` : 'more'}) more than ${optionName(cheapest)} (${money(low)})`;
}

function costOf(p: OptionPricing | undefined): number {
  const total = p?.monthlyCost.total;
  return typeof total === 'number' && Number.isFinite(total) ? total : Number.POSITIVE_INFINITY;
}

function clamp(score: number): number {
  return Math.max(0, Math.min(100, score));
}
