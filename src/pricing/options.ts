/**
 * `priceOptions`: the six options priced from one workload and one price book. Pure and
 * deterministic: the same input gives the same numbers, items and order.
 */
import type { CurvePoint, OptionPricing, OptionSizing } from '../domain/advice.js';
import { ALL_OPTIONS } from '../domain/options.js';
import type { PriceBook } from '../domain/price-book.js';
import { tasksOf, type Task } from '../domain/tasks.js';
import { OPTION_IDS, type OptionId } from '../schema/enums.js';
import type { Workload } from '../schema/workload.js';
import { type Bill } from './collector.js';
import { CURVE_UTILIZATIONS, priceEc2Option } from './ec2/index.js';
import { createPricingMemo, memoFor, type PricingMemo } from './memo.js';
import { priceFargate } from './fargate-model.js';
import { monthlyCost } from './money.js';

/** Items every option of an orchestrator shares: the EKS control plane and the requested extras. */
function addCommon(bill: Bill, w: Workload, book: PriceBook, eks: boolean): void {
  const H = w.cost.hoursPerMonth;
  const region = book.region;
  if (eks) {
    const extended = w.cost.eks.support === 'extended';
    const price = extended ? book.prices.eks.extendedSupportHour : book.prices.eks.controlPlaneHour;
    if (price) {
      const usd = bill.use(price, `EKS control-plane price (${extended ? 'extended' : 'standard'} support) in ${region}`);
      bill.add(`EKS control plane (${extended ? 'extended' : 'standard'} support)`, w.cost.clusters * H, 'cluster-hours', usd, {
        estimate: !!price.estimate,
      });
    } else {
      bill.warn(`no EKS control-plane price for ${region}; the control plane is not priced`);
    }
  }
  const x = w.cost.extras;
  const e = book.prices.extras ?? {};
  const extra = (count: number, name: string, unit: string, price: typeof e.natGatewayHour, what: string): void => {
    if (!(count > 0)) return;
    if (!price) {
      bill.warn(`no ${what} price for ${region}; not priced`);
      return;
    }
    bill.add(name, count, unit, bill.use(price, `${what} price in ${region}`), { estimate: !!price.estimate });
  };
  extra(x.natGateways * H, 'NAT gateway', 'gateway-hours', e.natGatewayHour, 'NAT gateway hourly');
  extra(x.natGbPerMonth, 'NAT gateway data processing', 'GB', e.natGatewayGb, 'NAT gateway per-GB');
  extra(x.publicIpv4Addresses * H, 'Public IPv4 addresses', 'address-hours', e.publicIpv4Hour, 'public IPv4');
}

function finish(option: OptionId, bill: Bill, sizing: OptionSizing, costCurve: CurvePoint[], breakEven: number | null): OptionPricing {
  return {
    option,
    monthlyCost: monthlyCost(bill.items),
    sizing,
    costCurve,
    breakEvenUtilization: breakEven,
    blockers: [...bill.blockers],
    estimates: bill.estimates,
    warnings: [...bill.warnings],
  };
}

/** Every option priced; `tasks` defaults to the workload's own (the pipeline passes the list it made once). */
export function priceOptions(
  workload: Workload,
  book: PriceBook,
  tasks: readonly Task[] = tasksOf(workload),
  memo: PricingMemo = createPricingMemo(),
): Record<OptionId, OptionPricing> {
  const w = workload;
  const known = memo.priced.get(w, book);
  if (known) return known;
  const out = {} as Record<OptionId, OptionPricing>;
  for (const option of ALL_OPTIONS.filter((o) => o.compute === 'fargate')) {
    // Fargate bills what the tasks ask for: another utilisation is the same pricing.
    const fargate = memoFor(memo.fargate, option.id);
    const cached = fargate.get(w, book);
    if (cached) {
      out[option.id] = cached;
      continue;
    }
    const { bill, sizing } = priceFargate(w, tasks, book, option);
    addCommon(bill, w, book, option.orchestrator === 'eks');
    const total = monthlyCost(bill.items).total;
    out[option.id] = fargate.set(
      w,
      book,
      finish(
        option.id,
        bill,
        sizing,
        CURVE_UTILIZATIONS.map((u) => ({ utilization: u, monthly: total })),
        null,
      ),
    );
  }
  for (const option of ALL_OPTIONS.filter((o) => o.compute === 'ec2')) {
    const counterpart = out[option.fargateCounterpart!];
    if (!counterpart) throw new Error(`${option.id}: its Fargate counterpart must be priced first`);
    out[option.id] = priceEc2Option(w, tasks, book, option, counterpart.monthlyCost.total, memo, (bill) =>
      addCommon(bill, w, book, option.orchestrator === 'eks'),
    );
  }
  const ordered = {} as Record<OptionId, OptionPricing>;
  for (const id of OPTION_IDS) ordered[id] = out[id];
  return memo.priced.set(w, book, ordered);
}
