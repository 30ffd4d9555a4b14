/** What several commands share: reading a workload, the flag overrides, writing the report, colour and width. */
import { loadWorkload } from '../../schema/load.js';
import type { Workload } from '../../schema/workload.js';
import { InputError } from '../errors.js';
import { readInput, writeFileAtomic, type CliContext } from '../io.js';
import type { LiveFetcher } from '../prices/choose.js';

/** Reads and validates one workload file (`-` = stdin); every problem is reported at once. */
export async function readWorkload(file: string, ctx: CliContext): Promise<Workload> {
  const result = loadWorkload(await readInput(file, ctx));
  if (!result.ok) throw new InputError(file === '-' ? '<stdin>' : file, result.problems);
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
  if (out) {
    await writeFileAtomic(out, report, ctx);
    ctx.stderr.write(`wrote ${out}\n`);
  } else ctx.stdout.write(report);
}

/** Colour only on a terminal, never with NO_COLOR or --no-color; FORCE_COLOR forces it on. */
export function useColor(ctx: CliContext, flagAllows: boolean): boolean {
  if (!flagAllows) return false;
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '') return false;
  if (ctx.env.FORCE_COLOR !== undefined && ctx.env.FORCE_COLOR !== '0' && ctx.env.FORCE_COLOR !== 'false') return true;
  return Boolean(ctx.stdout.isTTY);
}

export function terminalWidth(ctx: CliContext): number {
  const columns = (ctx.stdout as { columns?: number }).columns;
  return typeof columns === 'number' && columns > 0 ? columns : 100;
}

/** The real Price List fetcher, loaded only when a live fetch happens (it brings the AWS SDK). */
export const lazyLiveFetcher: LiveFetcher = async (region, options) =>
  (await import('../prices/live.js')).fetchRegionPrices(region, options);
