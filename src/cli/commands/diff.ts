/** `ecs-or-eks diff A B`: how the recommendation and every option's cost change between two designs. */
import { advise } from '../../advise.js';
import type { Advice } from '../../domain/advice.js';
import { renderDiff } from '../../reports/listings.js';
import type { OutputFormat, PriceSourceKind } from '../../schema/enums.js';
import type { Workload } from '../../schema/workload.js';
import type { CliContext } from '../io.js';
import type { ProgramDeps } from '../deps.js';
import { choosePriceBook } from '../prices/choose.js';
import { lazyLiveFetcher, readWorkload } from './shared.js';

export async function runDiff(
  ctx: CliContext,
  deps: ProgramDeps,
  a: string,
  b: string,
  flags: { format: OutputFormat; prices?: PriceSourceKind },
): Promise<void> {
  const [wa, wb] = [await readWorkload(a, ctx), await readWorkload(b, ctx)];
  const adviceFor = async (w: Workload): Promise<Advice> => {
    const book = await choosePriceBook(
      { mode: flags.prices, region: w.region, instanceTypes: w.cost.ec2.instanceTypes },
      ctx,
      deps.fetchLive ?? lazyLiveFetcher,
    );
    return advise(w, book, { toolVersion: deps.version });
  };
  ctx.stdout.write(renderDiff({ name: a, advice: await adviceFor(wa) }, { name: b, advice: await adviceFor(wb) }, flags.format));
}
