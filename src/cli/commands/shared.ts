/** What several commands share: reading a workload, the flag overrides, writing the report, colour and width. */
import { loadWorkload } from '../../schema/load.js';
import type { Workload } from '../../schema/workload.js';
import { useColorOn } from '../color.js';
import { InputError } from '../errors.js';
import { readInput, writeFileAtomic, type CliContext } from '../io.js';
import type { LiveFetcher } from '../prices/refresh.js';
import { clip } from '../sanitize.js';

/** Reads and validates one workload file (`-` = stdin); every problem is reported at once. */
export async function readWorkload(file: string, ctx: CliContext): Promise<Workload> {
  const result = loadWorkload(await readInput(file, ctx));
  if (!result.ok) throw new InputError(file === '-' ? '<stdin>' : clip(file), result.problems);
  return result.workload;
}

export interface WorkloadOverrides {
  utilization?: number;
  region?: string;
}

/** `-u` and `-r` on top of a workload; the registry follows the region unless the file pinned it elsewhere. */
export function applyOverrides(workload: Workload, flags: WorkloadOverrides): Workload {
  let next = workload;
  if (flags.utilization !== undefined) next = { ...next, cost: { ...next.cost, utilization: flags.utilization } };
  if (flags.region !== undefined && flags.region !== next.region) {
    const registryRegion = next.network.registryRegion === next.region ? flags.region : next.network.registryRegion;
    next = { ...next, region: flags.region, network: { ...next.network, registryRegion } };
  }
  return next;
}

/** The report to `--out` (atomically) or to stdout. */
export async function emit(report: string, out: string | undefined, ctx: CliContext): Promise<void> {
  if (out !== undefined) {
    await writeFileAtomic(out, report, ctx);
    ctx.stderr.write(`wrote ${clip(out)}\n`);
  } else ctx.stdout.write(report);
}

/** Colour for the report on stdout (see `color.ts` for the rules). */
export function useColor(ctx: CliContext, flagAllows: boolean): boolean {
  return useColorOn(ctx.stdout, ctx.env, flagAllows);
}

/** The terminal's width; `COLUMNS` when stdout is not a terminal; 80 when neither says. */
export function terminalWidth(ctx: CliContext): number {
  const columns = ctx.stdout.columns;
  if (typeof columns === 'number' && columns > 0) return columns;
  const fromEnv = Number(ctx.env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80;
}

/** The real Price List fetcher, loaded only when a live fetch happens (it brings the AWS SDK). */
export const lazyLiveFetcher: LiveFetcher = async (region, options) =>
  (await import('../prices/live.js')).fetchRegionPrices(region, options);
