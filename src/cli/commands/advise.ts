/** `ecs-or-eks advise`: a workload (file or questionnaire) → prices → advice → a report. */
import { renderReportLazily } from '../../reports/lazy.js';
import type { OutputFormat, PriceSourceKind } from '../../schema/enums.js';
import type { Workload } from '../../schema/workload.js';
import { createAdviser } from '../adviser.js';
import { UsageError } from '../errors.js';
import { checkBaseFlags, enforceFailOn, parseFailOn } from '../fail-on.js';
import { isFolder } from '../workload-folder.js';
import { checkWritable, sameFile, type CliContext } from '../io.js';
import type { ProgramDeps } from '../deps.js';
import { clip } from '../sanitize.js';
import { askWorkload, keepAnswersHint } from './ask.js';
import { applyOverrides, emit, readWorkload, terminalWidth, useColor } from './shared.js';

export interface AdviseFlags {
  input?: string;
  format: OutputFormat;
  out?: string;
  utilization?: number;
  region?: string;
  prices?: PriceSourceKind;
  save?: string;
  /** Files and folders to draft the workload from (`--import`); the questionnaire asks the rest. */
  import?: string[];
  explain?: boolean;
  details?: boolean;
  color: boolean;
  /** `--base FILE|FOLDER`: the design `--fail-on` compares against. */
  base?: string;
  /** `--fail-on` as given (repeatable, comma-separated); parsed before any work. */
  failOn?: string[];
}

export async function runAdvise(ctx: CliContext, deps: ProgramDeps, flags: AdviseFlags): Promise<void> {
  const failOn = parseFailOn(flags.failOn ?? []);
  checkBaseFlags(flags.base, failOn);
  // Every output path is checked before any work — above all before a questionnaire, whose
  // answers would be lost to a folder that does not exist.
  if (flags.input !== undefined && flags.import !== undefined) {
    throw new UsageError('--input and --import both give the workload; use --input for a workload file, --import for manifests');
  }
  if (flags.input !== undefined && flags.save !== undefined) {
    throw new UsageError('--save records questionnaire answers; with --input the file already is the record');
  }
  if (flags.out !== undefined) {
    await checkWritable(flags.out, ctx, '--out');
    if (flags.input !== undefined && flags.input !== '-' && (await sameFile(flags.input, flags.out, ctx))) {
      throw new UsageError(`--out ${clip(flags.out)} is the input file; the report would replace the workload. Write it elsewhere.`);
    }
  }
  if (flags.save !== undefined) {
    await checkWritable(flags.save, ctx, '--save');
    if (flags.out !== undefined && (await sameFile(flags.save, flags.out, ctx))) {
      throw new UsageError('--save and --out name the same file; give each its own');
    }
  }
  if (flags.input !== undefined && (await isFolder(flags.input, ctx))) {
    return (await import('./folders.js')).runAdviseFolder(ctx, deps, { ...flags, input: flags.input }, failOn);
  }
  // The base is read (and validated) before the questionnaire, whose answers a bad base would waste.
  const base = flags.base !== undefined ? applyOverrides(await readBase(flags.base, flags, ctx), flags) : undefined;
  let workload: Workload;
  let asked = false;
  if (flags.input !== undefined) workload = await readWorkload(flags.input, ctx);
  else ({ workload, asked } = await askWorkload(ctx, deps, flags));
  workload = applyOverrides(workload, flags);
  const adviceFor = createAdviser(ctx, deps, flags.prices);
  const advice = await adviceFor(workload);
  const baseAdvice = base ? await adviceFor(base) : undefined;
  const report = await renderReportLazily(advice, flags.format, {
    color: useColor(ctx, flags.color && flags.out === undefined),
    explain: flags.explain,
    details: flags.details,
    width: terminalWidth(ctx),
  });
  await emit(report, flags.out, ctx);
  // Messages that change the numbers go to stderr too, where a pipeline's reader sees them.
  for (const warning of advice.warnings) ctx.stderr.write(`warning: ${clip(warning, 400)}\n`);
  if (asked && flags.save === undefined) ctx.stderr.write(`${keepAnswersHint(flags.import)}\n`);
  if (baseAdvice) enforceFailOn(ctx, failOn, [{ file: inputLabel(flags.input), base: baseAdvice, head: advice }]);
}

/** `--base` for a single workload: a file (a folder base goes with a folder `--input`). */
async function readBase(base: string, flags: AdviseFlags, ctx: CliContext): Promise<Workload> {
  if (await isFolder(base, ctx)) throw new UsageError(`--base ${clip(base)} is a folder; with a folder, --input must be a folder too`);
  if (base === '-' && flags.input === '-') throw new UsageError('--input and --base cannot both read stdin (-)');
  if (flags.out !== undefined && base !== '-' && (await sameFile(base, flags.out, ctx))) {
    throw new UsageError(`--out ${clip(flags.out)} is the --base file; the report would replace it. Write it elsewhere.`);
  }
  return readWorkload(base, ctx);
}

function inputLabel(input: string | undefined): string {
  return input === undefined ? '<answers>' : input === '-' ? '<stdin>' : input;
}
