/**
 * Memoisation for one advice: the what-if search and the cost curves price many variants of one
 * workload, and most of them share what was already worked out. An entry is found by the identity of
 * the pricing inputs — the what-if's variants share every part of the workload they do not change —
 * so a hit is the same answer a fresh computation would give (pure memoisation), and a lookup costs a
 * dozen comparisons, not a serialisation of a 10,000-service fleet.
 */
import type { OptionPricing } from '../domain/advice.js';
import type { PriceBook } from '../domain/price-book.js';
import type { OptionId } from '../schema/enums.js';
import type { Workload } from '../schema/workload.js';
import type { CandidateChoice } from './ec2/candidates.js';
import type { PackCache } from './ec2/plan.js';
import type { LayerCache } from './ec2/pools.js';

/** What pricing reads of a workload (the team, compliance, portability and the like change no price). */
interface PricingInputs {
  book: PriceBook;
  region: string;
  services: Workload['services'];
  jobs: Workload['jobs'];
  daemons: Workload['daemons'];
  hostNetworking: boolean;
  blockStorage: boolean;
  network: Workload['network'];
  cost: Workload['cost'];
}

function inputsOf(w: Workload, book: PriceBook): PricingInputs {
  return {
    book,
    region: w.region,
    services: w.services,
    jobs: w.jobs,
    daemons: w.daemons,
    hostNetworking: w.requirements.hostNetworking,
    blockStorage: w.requirements.blockStorage,
    network: w.network,
    cost: w.cost,
  };
}

/** The same inputs by identity; the `cost` block field by field, its utilisation too unless `anyUtilization`. */
function sameInputs(a: PricingInputs, b: PricingInputs, anyUtilization: boolean): boolean {
  if (
    a.book !== b.book ||
    a.region !== b.region ||
    a.services !== b.services ||
    a.jobs !== b.jobs ||
    a.daemons !== b.daemons ||
    a.hostNetworking !== b.hostNetworking ||
    a.blockStorage !== b.blockStorage ||
    a.network !== b.network
  )
    return false;
  if (a.cost === b.cost) return true;
  const keys = Object.keys(a.cost) as (keyof Workload['cost'])[];
  if (keys.length !== Object.keys(b.cost).length) return false;
  return keys.every((k) => (anyUtilization && k === 'utilization') || a.cost[k] === b.cost[k]);
}

/** Values by a workload's pricing inputs (optionally ignoring its utilisation). */
export class InputsMemo<T> {
  private readonly entries: { inputs: PricingInputs; value: T }[] = [];

  constructor(private readonly anyUtilization: boolean) {}

  get(w: Workload, book: PriceBook): T | undefined {
    const inputs = inputsOf(w, book);
    return this.entries.find((e) => sameInputs(e.inputs, inputs, this.anyUtilization))?.value;
  }

  set(w: Workload, book: PriceBook, value: T): T {
    this.entries.push({ inputs: inputsOf(w, book), value });
    return value;
  }
}

export interface PricingMemo {
  /** Packings by task groups and node capacity. */
  packs: PackCache;
  /** Every option's pricing by the workload's pricing inputs. */
  priced: InputsMemo<Record<OptionId, OptionPricing>>;
  /** Per EC2-backed option, its pools, candidates and profiles, by its inputs less the utilisation. */
  prepared: Map<OptionId, InputsMemo<unknown>>;
  /** Per Fargate option, its pricing, by its inputs less the utilisation (Fargate bills what tasks ask for). */
  fargate: Map<OptionId, InputsMemo<OptionPricing>>;
  /** Candidate instance types with their per-node capacity, by everything that picks them. */
  candidates: Map<string, CandidateChoice>;
  /** A cluster's tasks merged into layers of groups, by its task list. */
  layers: LayerCache;
}

export function createPricingMemo(): PricingMemo {
  return {
    packs: new Map(),
    priced: new InputsMemo(false),
    prepared: new Map(),
    fargate: new Map(),
    candidates: new Map(),
    layers: new WeakMap(),
  };
}

/** One option's memo in `table` (`memo.prepared`, `memo.fargate`): by the inputs less the utilisation. */
export function memoFor<T>(table: Map<OptionId, InputsMemo<T>>, option: OptionId): InputsMemo<T> {
  let m = table.get(option);
  if (!m) table.set(option, (m = new InputsMemo<T>(true)));
  return m;
}
