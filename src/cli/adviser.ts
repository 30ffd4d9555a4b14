/**
 * Advice for several workloads in one run (a folder, or a base and a head design): one price book
 * per region and instance-type list, chosen once, so a folder of twenty files in one region makes
 * at most one live fetch and prints each price warning once. A Region the snapshot does not price
 * says so up front, in every report.
 */
import { advise } from '../advise.js';
import type { Advice } from '../domain/advice.js';
import type { PriceBook } from '../domain/price-book.js';
import type { PriceSourceKind } from '../schema/enums.js';
import type { Workload } from '../schema/workload.js';
import { withRegionEstimateWarning } from './catalog.js';
import type { ProgramDeps } from './deps.js';
import type { CliContext } from './io.js';
import { choosePriceBook } from './prices/choose.js';
import { lazyLiveFetcher } from './commands/shared.js';

export type Adviser = (workload: Workload) => Promise<Advice>;

export function createAdviser(ctx: CliContext, deps: ProgramDeps, mode: PriceSourceKind | undefined): Adviser {
  const books = new Map<string, Promise<PriceBook>>();
  return async (workload) => {
    const { region } = workload;
    const instanceTypes = workload.cost.ec2.instanceTypes;
    const key = `${region}\u0000${instanceTypes.join(',')}`;
    let book = books.get(key);
    if (!book) {
      book = choosePriceBook({ mode, region, instanceTypes }, ctx, deps.fetchLive ?? lazyLiveFetcher).then(withRegionEstimateWarning);
      books.set(key, book);
    }
    return advise(workload, await book, { toolVersion: deps.version });
  };
}
