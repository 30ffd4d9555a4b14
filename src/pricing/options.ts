/**
 * `priceOptions`: the six options priced from one workload and one price book. Pure and
 * deterministic: the same input gives the same numbers, items and order.
 */
import type { CurvePoint, OptionPricing, OptionSizing } from '../domain/advice.js';
import { ALL_OPTIONS, type OptionSpec } from '../domain/options.js';
import type { PriceBook } from '../domain/price-book.js';
import { tasksOf, type Task } from '../domain/tasks.js';
import { OPTION_IDS, type OptionId } from '../schema/enums.js';
import type { Workload } from '../schema/workload.js';
import { Bill } from './collector.js';
import { Ec2Model } from './ec2-model.js';
import { priceFargate } from './fargate-model.js';
import { monthlyCost } from './money.js';
import type { PackResult } from './packing.js';

export const CURVE_UTILIZATIONS = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const;

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
): Record<OptionId, OptionPricing> {
  const w = workload;
  const out = {} as Record<OptionId, OptionPricing>;

  for (const option of ALL_OPTIONS.filter((o) => o.compute === 'fargate')) {
    const { bill, sizing } = priceFargate(w, tasks, book, option);
    addCommon(bill, w, book, option.orchestrator === 'eks');
    const total = monthlyCost(bill.items).total;
    out[option.id] = finish(
      option.id,
      bill,
      sizing,
      CURVE_UTILIZATIONS.map((u) => ({ utilization: u, monthly: total })),
      null,
    );
  }

  const packCache = new Map<string, PackResult>();
  for (const option of ALL_OPTIONS.filter((o) => o.compute === 'ec2'))
    out[option.id] = priceEc2Option(w, tasks, book, option, out, packCache);

  const ordered = {} as Record<OptionId, OptionPricing>;
  for (const id of OPTION_IDS) ordered[id] = out[id];
  return ordered;
}

/** One EC2-backed option: the cheapest fleet at the workload's utilisation, its cost curve and break-even. */
function priceEc2Option(
  w: Workload,
  tasks: readonly Task[],
  book: PriceBook,
  option: OptionSpec,
  priced: Readonly<Partial<Record<OptionId, OptionPricing>>>,
  packCache: Map<string, PackResult>,
): OptionPricing {
  const counterpart = option.fargateCounterpart;
  const eks = option.orchestrator === 'eks';
  const model = new Ec2Model(w, tasks, book, option, packCache);
  const u0 = w.cost.utilization / 100;
  const plans = model.plans(u0);
  const bill = model.bill;
  model.items(plans, bill);
  addCommon(bill, w, book, eks);
  if (model.unplaceable.length > 0) {
    bill.block(
      'no-instance-fits',
      `no EC2 instance type can run ${model.unplaceable.join(', ')} (too large, or too many GPUs per task); not priced`,
    );
  }
  const totalAt = (u: number): number => {
    const scratch = new Bill();
    model.items(model.plans(u / 100), scratch);
    addCommon(scratch, w, book, eks);
    return monthlyCost(scratch.items).total;
  };
  const costCurve = CURVE_UTILIZATIONS.map((u) => ({
    utilization: u,
    monthly: u === w.cost.utilization ? monthlyCost(bill.items).total : totalAt(u),
  }));
  if (counterpart === null || !priced[counterpart]) throw new Error(`${option.id}: its Fargate counterpart must be priced first`);
  const fargateTotal = priced[counterpart].monthlyCost.total;
  let breakEven: number | null = null;
  let note: string;
  if (totalAt(100) > fargateTotal) {
    note = `more expensive than ${counterpart} even at 100% utilisation`;
  } else if (totalAt(1) <= fargateTotal) {
    note = `cheaper than ${counterpart} at any utilisation`;
  } else {
    // Smallest whole percentage at which this option costs no more than its Fargate counterpart.
    let lo = 1;
    let hi = 100;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (totalAt(mid) <= fargateTotal) hi = mid;
      else lo = mid;
    }
    breakEven = hi;
    note = `costs the same as ${counterpart} at about ${hi}% utilisation; cheaper above it`;
  }
  const sizing = { ...model.sizing(plans, u0), breakEven: { against: counterpart, note } };
  return finish(option.id, bill, sizing, costCurve, breakEven);
}
