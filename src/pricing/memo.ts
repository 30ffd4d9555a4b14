/**
 * Memoisation for one advice: the what-if search and the cost curves price many variants of one
 * workload, and most of them share what was already worked out. Keys are the pricing inputs
 * themselves, so a hit is the same answer a fresh computation would give (pure memoisation).
 */
import type { OptionPricing } from '../domain/advice.js';
import type { OptionId } from '../schema/enums.js';
import type { Workload } from '../schema/workload.js';
import type { PackCache } from './ec2/plan.js';

export interface PricingMemo {
  /** Packings by task groups and node capacity. */
  packs: PackCache;
  /** Every option's pricing by the workload's pricing inputs. */
  priced: Map<string, Record<OptionId, OptionPricing>>;
  /** An EC2-backed option's pools, candidates and profiles, by its inputs less the utilisation. */
  prepared: Map<string, unknown>;
}

export function createPricingMemo(): PricingMemo {
  return { packs: new Map(), priced: new Map(), prepared: new Map() };
}

/** What pricing reads of a workload (the team, compliance, portability and the like change no price). */
function pricingInputs(w: Workload) {
  return {
    region: w.region,
    services: w.services,
    jobs: w.jobs,
    daemons: w.daemons,
    requirements: { hostNetworking: w.requirements.hostNetworking, blockStorage: w.requirements.blockStorage },
    network: w.network,
    cost: w.cost,
  };
}

export function pricingKey(w: Workload): string {
  return JSON.stringify(pricingInputs(w));
}

/** The pricing key without the utilisation: packings, candidates and profiles do not depend on it. */
export function preparationKey(w: Workload, option: OptionId): string {
  const inputs = pricingInputs(w);
  return `${option}|${JSON.stringify({ ...inputs, cost: { ...inputs.cost, utilization: null } })}`;
}
