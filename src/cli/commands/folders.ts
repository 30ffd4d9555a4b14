/**
 * `advise --input FOLDER` and `diff FOLDER_A FOLDER_B`: every workload file of a folder advised in
 * one run and reported as one combined document. Every file is validated first; any invalid file
 * means exit 2 and nothing written. Files are paired by name for `--base` and `diff`.
 */
import * as path from 'node:path';
import type { Advice } from '../../domain/advice.js';
import { renderCombinedAdvice, renderCombinedDiff, type FilePair } from '../../reports/combined.js';
import type { OutputFormat, PriceSourceKind } from '../../schema/enums.js';
import { createAdviser } from '../adviser.js';
import type { ProgramDeps } from '../deps.js';
import { UsageError } from '../errors.js';
import { enforceFailOn, type ComparedAdvice, type FailOnCondition } from '../fail-on.js';
import type { CliContext } from '../io.js';
import { clip } from '../sanitize.js';
import { isFolder, readWorkloadFolder, throwIfInvalid, type FolderWorkload } from '../workload-folder.js';
import { applyOverrides, emit, terminalWidth, useColor, type WorkloadOverrides } from './shared.js';

interface FolderAdvice extends FolderWorkload {
  advice: Advice;
}

/** The `advise` flags a folder run uses (the rest are refused earlier, e.g. `--save` with `--input`). */
export interface FolderAdviseFlags extends WorkloadOverrides {
  input: string;
  base?: string;
  out?: string;
  format: OutputFormat;
  prices?: PriceSourceKind;
  explain?: boolean;
  details?: boolean;
  color: boolean;
}

export async function runAdviseFolder(
  ctx: CliContext,
  deps: ProgramDeps,
  flags: FolderAdviseFlags,
  failOn: FailOnCondition[],
): Promise<void> {
  htmlIsOnePage(flags.format);
  if (flags.base !== undefined && !(await isFolder(flags.base, ctx))) {
    throw new UsageError(`--input ${clip(flags.input)} is a folder, so --base must be a folder too (files are compared by name)`);
  }
  const head = await readWorkloadFolder(flags.input, ctx);
  const base = flags.base !== undefined ? await readWorkloadFolder(flags.base, ctx, { allowEmpty: true }) : undefined;
  throwIfInvalid([...head.invalid, ...(base?.invalid ?? [])]);
  if (flags.out !== undefined) {
    const out = path.resolve(ctx.cwd, flags.out);
    const clash = [...head.workloads, ...(base?.workloads ?? [])].some((w) => path.resolve(ctx.cwd, w.file) === out);
    if (clash)
      throw new UsageError(`--out ${clip(flags.out)} is one of the workload files; the report would replace it. Write it elsewhere.`);
  }
  const adviser = createAdviser(ctx, deps, flags.prices);
  const adviseAll = async (files: readonly FolderWorkload[]): Promise<FolderAdvice[]> => {
    const advised: FolderAdvice[] = [];
    for (const f of files) advised.push({ ...f, advice: await adviser(applyOverrides(f.workload, flags)) });
    return advised;
  };
  const heads = await adviseAll(head.workloads);
  const bases = base ? await adviseAll(base.workloads) : [];
  const report = renderCombinedAdvice(heads, flags.format, {
    title: flags.input,
    color: useColor(ctx, flags.color && flags.out === undefined),
    explain: flags.explain,
    details: flags.details,
    width: terminalWidth(ctx),
  });
  await emit(report, flags.out, ctx);
  // As for one file: messages that change the numbers go to stderr too, here with the file they concern.
  for (const h of heads) for (const warning of h.advice.warnings) ctx.stderr.write(`warning: ${clip(h.file)}: ${clip(warning, 400)}\n`);
  enforceFailOn(ctx, failOn, pairByName(bases, heads));
}

/** Workloads on both sides, by file name; a file only in the head (a new workload) has nothing to compare with. */
function pairByName(bases: readonly FolderAdvice[], heads: readonly FolderAdvice[]): ComparedAdvice[] {
  const byName = new Map(bases.map((b) => [b.name, b]));
  return heads.flatMap((h) => {
    const b = byName.get(h.name);
    return b ? [{ file: h.file, base: b.advice, head: h.advice }] : [];
  });
}

export interface DiffFlags extends WorkloadOverrides {
  format: OutputFormat;
  prices?: PriceSourceKind;
  failOn?: string[];
}

export async function runDiffFolders(
  ctx: CliContext,
  deps: ProgramDeps,
  a: string,
  b: string,
  flags: DiffFlags,
  failOn: FailOnCondition[],
): Promise<void> {
  htmlIsOnePage(flags.format);
  const [ra, rb] = [await readWorkloadFolder(a, ctx, { allowEmpty: true }), await readWorkloadFolder(b, ctx, { allowEmpty: true })];
  throwIfInvalid([...ra.invalid, ...rb.invalid]);
  if (ra.workloads.length === 0 && rb.workloads.length === 0) {
    throw new UsageError(`neither ${clip(a)} nor ${clip(b)} holds workload files (*.yaml or *.yml directly in them)`);
  }
  const adviser = createAdviser(ctx, deps, flags.prices);
  const names = [...new Set([...ra.workloads, ...rb.workloads].map((w) => w.name))].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const pairs: FilePair[] = [];
  for (const name of names) {
    const [wa, wb] = [ra.workloads.find((w) => w.name === name), rb.workloads.find((w) => w.name === name)];
    pairs.push({
      name,
      // -u and -r apply to both sides, as for two files.
      a: wa ? { name: wa.file, advice: await adviser(applyOverrides(wa.workload, flags)) } : null,
      b: wb ? { name: wb.file, advice: await adviser(applyOverrides(wb.workload, flags)) } : null,
    });
  }
  ctx.stdout.write(renderCombinedDiff(a, b, pairs, flags.format, { width: terminalWidth(ctx) }));
  enforceFailOn(
    ctx,
    failOn,
    pairs.flatMap((p) => (p.a && p.b ? [{ file: p.b.name, base: p.a.advice, head: p.b.advice }] : [])),
  );
}

/** An HTML page is one decision: a folder's combined document is Markdown, a table or JSON. */
function htmlIsOnePage(format: OutputFormat): void {
  if (format === 'html') {
    throw new UsageError(
      '--format html makes a page for one workload (or one pair of files); for a folder use --format markdown, table or json',
    );
  }
}
