import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Blocker, OptionPricing } from '../../src/domain/advice.js';
import { OPTION_IDS, type OptionId } from '../../src/schema/enums.js';
import { WorkloadSchema, resolveWorkload, type Workload, type WorkloadInput } from '../../src/schema/workload.js';

/** A fake pricing result: the same total for every option unless told otherwise. */
export function fakePricing(
  totals: Partial<Record<OptionId, number>> = {},
  blockers: Partial<Record<OptionId, Blocker[]>> = {},
  fallback = 1000,
): Record<OptionId, OptionPricing> {
  return Object.fromEntries(
    OPTION_IDS.map((id) => {
      const total = totals[id] ?? fallback;
      const p: OptionPricing = {
        option: id,
        monthlyCost: { total, items: [{ name: 'compute', quantity: 1, unit: 'month', unitPrice: total, monthly: total }] },
        sizing: { launchType: 'test', sidecars: [], podOverheadGiB: 0, spotShare: 0, savingsPlanPercent: 0, tasks: [] },
        costCurve: [],
        breakEvenUtilization: null,
        blockers: blockers[id] ?? [],
        estimates: [],
        warnings: [],
      };
      return [id, p];
    }),
  ) as Record<OptionId, OptionPricing>;
}

export function workload(input: Omit<WorkloadInput, 'version' | 'name'> & { name?: string }): Workload {
  return resolveWorkload(WorkloadSchema.parse({ version: 1, name: 'test', ...input }));
}

export function fixture(name: string): Workload {
  const text = readFileSync(new URL(`../../fixtures/${name}.yaml`, import.meta.url), 'utf8');
  return resolveWorkload(WorkloadSchema.parse(parse(text)));
}

export const FIXTURES = ['startup-api', 'gpu-inference', 'regulated-fintech', 'security-telemetry', 'nightly-etl'] as const;
