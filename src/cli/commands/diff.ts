/** `ecs-or-eks diff A B`: how the recommendation and every option's cost change between two designs. */
import { renderDiff } from '../../reports/listings.js';
import { createAdviser } from '../adviser.js';
import type { CliContext } from '../io.js';
import type { ProgramDeps } from '../deps.js';
import { UsageError } from '../errors.js';
import { enforceFailOn, parseFailOn } from '../fail-on.js';
import { clip } from '../sanitize.js';
import { isFolder } from '../workload-folder.js';
import type { DiffFlags } from './folders.js';
import { applyOverrides, readWorkload, terminalWidth } from './shared.js';

export async function runDiff(ctx: CliContext, deps: ProgramDeps, a: string, b: string, flags: DiffFlags): Promise<void> {
  const failOn = parseFailOn(flags.failOn ?? []);
  const [folderA, folderB] = [await isFolder(a, ctx), await isFolder(b, ctx)];
  if (folderA !== folderB) {
    throw new UsageError(`${clip(folderA ? a : b)} is a folder and ${clip(folderA ? b : a)} is not; diff two files or two folders`);
  }
  if (folderA) return (await import('./folders.js')).runDiffFolders(ctx, deps, a, b, flags, failOn);
  // -u and -r apply to both sides, so the diff shows what the files change, not the flags.
  const [wa, wb] = [applyOverrides(await readWorkload(a, ctx), flags), applyOverrides(await readWorkload(b, ctx), flags)];
  const adviceFor = createAdviser(ctx, deps, flags.prices);
  const [adviceA, adviceB] = [await adviceFor(wa), await adviceFor(wb)];
  ctx.stdout.write(renderDiff({ name: a, advice: adviceA }, { name: b, advice: adviceB }, flags.format, terminalWidth(ctx)));
  enforceFailOn(ctx, failOn, [{ file: b, base: adviceA, head: adviceB }]);
}
