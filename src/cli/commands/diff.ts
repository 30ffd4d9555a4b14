/** `ecs-or-eks diff A B`: how the recommendation and every option's cost change between two designs. */
import { advise } from '../../advise.js';
import type { Advice } from '../../domain/advice.js';
import { renderDiff } from '../../reports/listings.js';
import type { OutputFormat, PriceSourceKind } from '../../schema/enums.js';
import type { Workload } from '../../schema/workload.js';
import type { CliContext } from '../io.js';
import type { ProgramDeps } from '../deps.js';
import { choosePriceBook } from '../prices/choose.js';
import { applyOverrides, lazyLiveFetcher, readWorkload, terminalWidth } from './shared.js';

export async function runDiff(
  ctx: CliContext,
  deps: ProgramDeps,
  a: string,
  b: string,
  flags: { format: OutputFormat; prices?: PriceSourceKind; utilization?: number; region?: string },
): Promise<void> {
  // -u and -r apply to both sides, so the diff shows what the files change, not the flags.
  const [wa, wb] = [applyOverrides(await readWorkload(a, ctx), flags), applyOverrides(await readWorkload(b, ctx), flags)];
  const adviceFor = async (w: Workload): Promise<Advice> => {
    const book = await choosePriceBook(
      { mode: flags.prices, region: w.region, instanceTypes: w.cost.ec2.instanceTypes },
      ctx,
      deps.fetchLive ?? lazyLiveFetcher,
    );
    return advise(w, book, { toolVersion: deps.version });
  };
  ctx.stdout.write(
    renderDiff({ name: a, advice: await adviceFor(wa) }, { name: b, advice: await adviceFor(wb) }, flags.format, terminalWidth(ctx)),
  );
}
