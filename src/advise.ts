/**
 * The pure core: `workload + price book → advice`. No file, network, terminal or clock is touched
 * here, so the same input and prices always give the same (byte-identical, once serialised) advice.
 */
import type { Advice, OptionAdvice, OptionPricing, PeopleCost, Range } from './domain/advice.js';
import { operationsEffort } from './domain/operations.js';
import { optionName } from './domain/options.js';
import type { InstanceShape, PriceBook } from './domain/price-book.js';
import { tasksOf } from './domain/tasks.js';
import { createPricingMemo, priceOptions } from './pricing/index.js';
import { migrationTo, peopleCost, totalCostOfOwnership } from './pricing/people.js';
import { evaluateRules, factsOf, findPitfalls, findWhatIfs, matchCaseStudies } from './rules/index.js';
import type { WhatIfProbe } from './rules/what-if.js';
import { OPTION_IDS, type OptionId } from './schema/enums.js';
import type { Workload } from './schema/workload.js';

export interface AdviseOptions {
  toolVersion: string;
  /** Skip the what-if search (it re-runs the core a few dozen times); used by what-if itself. */
  whatIf?: boolean;
}

export function advise(workload: Workload, book: PriceBook, options: AdviseOptions): Advice {
  // The workload's tasks and traits are derived once; every stage reads the same list.
  const facts = factsOf(workload, tasksOf(workload));
  // One memo for the advice: what-if re-prices variants of the workload that share most of the work.
  const memo = createPricingMemo();
  const pricing = priceOptions(workload, book, facts.tasks, memo);
  const rules = evaluateRules(workload, pricing, facts);

  // The people side, beside the bill: effort for the sized fleet, its dollars at the team's rate, the
  // total cost of ownership, and the move from the current platform.
  const people = Object.fromEntries(
    OPTION_IDS.map((id) => [id, peopleCost(operationsEffort(id, workload, pricing[id].sizing), workload)]),
  ) as Record<OptionId, PeopleCost>;
  const tco = Object.fromEntries(OPTION_IDS.map((id) => [id, totalCostOfOwnership(pricing[id].monthlyCost.total, people[id])])) as Record<
    OptionId,
    Range | null
  >;

  const options_: OptionAdvice[] = rules.options
    .map((o) => {
      const p: OptionPricing = pricing[o.id];
      return {
        id: o.id,
        name: optionName(o.id),
        rank: o.rank,
        eligible: o.eligible,
        score: o.score,
        blockers: o.blockers,
        reasons: o.reasons,
        operates: o.operates,
        monthlyCost: p.monthlyCost,
        sizing: p.sizing,
        costCurve: p.costCurve,
        breakEvenUtilization: p.breakEvenUtilization,
        people: people[o.id],
        totalCostOfOwnership: tco[o.id],
        migration: migrationTo(o.id, workload, tco),
      };
    })
    .sort((a, b) => a.rank - b.rank);

  const recommend = (changed: Workload, probe?: WhatIfProbe): OptionId => {
    // Only a scale change alters the tasks and their traits; the other probes re-score (or re-size) the same
    // ones (test/rules/what-if-exhaustive.test.ts checks that they leave the facts unchanged).
    const changedFacts = probe?.reach === 'scale' ? factsOf(changed) : facts;
    return evaluateRules(changed, priceOptions(changed, book, changedFacts.tasks, memo), changedFacts).recommendation.option;
  };

  const estimates = dedupeBy(
    [...book.estimates, ...OPTION_IDS.flatMap((id) => pricing[id].estimates)],
    (e) => `${e.item}\u0000${e.reason}`,
  );
  // A blocked option's bill is for comparison only: its pricing warnings would only distract.
  const eligible = new Set(rules.options.filter((o) => o.eligible).map((o) => o.id));
  const warnings = [...book.warnings, ...OPTION_IDS.filter((id) => eligible.has(id)).flatMap((id) => pricing[id].warnings)];

  return {
    schemaVersion: 1,
    tool: { name: 'ecs-or-eks', version: options.toolVersion },
    input: workload,
    pricing: {
      source: book.source,
      asOf: book.asOf,
      region: book.region,
      currency: 'USD',
      hoursPerMonth: workload.cost.hoursPerMonth,
      estimates,
    },
    recommendation: rules.recommendation,
    options: options_,
    caseStudies: matchCaseStudies(workload, facts),
    pitfalls: findPitfalls(workload, pricing, facts, {
      recommended: rules.recommendation.eligible ? rules.recommendation.option : null,
      blocked: new Set(rules.options.filter((o) => !o.eligible).map((o) => o.id)),
      instances: instancesOf(book),
    }),
    whatIf: options.whatIf === false ? [] : findWhatIfs(workload, recommend, rules.recommendation.option),
    trace: rules.trace,
    warnings: [...new Set(warnings)],
  };
}

/** Instance shapes by type, indexed once per snapshot. */
const shapeIndex = new WeakMap<object, ReadonlyMap<string, InstanceShape>>();
function instancesOf(book: PriceBook): ReadonlyMap<string, InstanceShape> {
  let index = shapeIndex.get(book.snapshot);
  if (!index) {
    index = new Map(book.snapshot.instances.map((s) => [s.instanceType, s]));
    shapeIndex.set(book.snapshot, index);
  }
  return index;
}

function dedupeBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
