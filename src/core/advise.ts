/**
 * The pure core: `workload + price book → advice`. No file, network, terminal or clock is touched
 * here, so the same input and prices always give the same (byte-identical, once serialised) advice.
 */
import { OPTION_IDS, OPTION_NAMES, type OptionId } from '../schema/enums.js';
import type { Workload } from '../schema/workload.js';
import type { PriceBook } from '../pricing/price-book.js';
import { priceOptions } from '../pricing/index.js';
import { evaluateRules, findPitfalls, findWhatIfs, matchCaseStudies } from '../rules/index.js';
import type { Advice, OptionAdvice, OptionPricing } from './advice.js';

export interface AdviseOptions {
  toolVersion: string;
  /** Skip the what-if search (it re-runs the core a few dozen times); used by what-if itself. */
  whatIf?: boolean;
}

export function advise(workload: Workload, book: PriceBook, options: AdviseOptions): Advice {
  const pricing = priceOptions(workload, book);
  const rules = evaluateRules(workload, pricing);

  const options_: OptionAdvice[] = rules.options
    .map((o) => {
      const p: OptionPricing = pricing[o.id];
      return {
        id: o.id,
        name: OPTION_NAMES[o.id],
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
      };
    })
    .sort((a, b) => a.rank - b.rank);

  const recommend = (changed: Workload): OptionId => evaluateRules(changed, priceOptions(changed, book)).recommendation.option;

  const estimates = dedupeBy(
    [...book.estimates, ...OPTION_IDS.flatMap((id) => pricing[id].estimates)],
    (e) => `${e.item}\u0000${e.reason}`,
  );
  const warnings = [...book.warnings, ...OPTION_IDS.flatMap((id) => pricing[id].warnings)];

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
    caseStudies: matchCaseStudies(workload),
    pitfalls: findPitfalls(workload, pricing),
    whatIf: options.whatIf === false ? [] : findWhatIfs(workload, recommend),
    trace: rules.trace,
    warnings: [...new Set(warnings)],
  };
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
