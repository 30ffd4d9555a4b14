/** `ecs-or-eks advise`: a workload (file or questionnaire) → prices → advice → a report. */
import { advise } from '../../advise.js';
import { renderReport } from '../../reports/index.js';
import type { OutputFormat, PriceSourceKind } from '../../schema/enums.js';
import type { Workload } from '../../schema/workload.js';
import { withRegionEstimateWarning } from '../catalog.js';
import { UsageError } from '../errors.js';
import { checkWritable, sameFile, type CliContext } from '../io.js';
import type { ProgramDeps } from '../deps.js';
import { choosePriceBook } from '../prices/choose.js';
import { clip } from '../sanitize.js';
import { askWorkload, keepAnswersHint } from './ask.js';
import { applyOverrides, emit, lazyLiveFetcher, readWorkload, terminalWidth, useColor } from './shared.js';

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
}

export async function runAdvise(ctx: CliContext, deps: ProgramDeps, flags: AdviseFlags): Promise<void> {
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
  let workload: Workload;
  let asked = false;
  if (flags.input !== undefined) workload = await readWorkload(flags.input, ctx);
  else ({ workload, asked } = await askWorkload(ctx, deps, flags));
  workload = applyOverrides(workload, flags);
  const book = withRegionEstimateWarning(
    await choosePriceBook(
      { mode: flags.prices, region: workload.region, instanceTypes: workload.cost.ec2.instanceTypes },
      ctx,
      deps.fetchLive ?? lazyLiveFetcher,
    ),
  );
  const advice = advise(workload, book, { toolVersion: deps.version });
  const report = renderReport(advice, flags.format, {
    color: useColor(ctx, flags.color && flags.out === undefined),
    explain: flags.explain,
    details: flags.details,
    width: terminalWidth(ctx),
  });
  await emit(report, flags.out, ctx);
  // Messages that change the numbers go to stderr too, where a pipeline's reader sees them.
  for (const warning of advice.warnings) ctx.stderr.write(`warning: ${clip(warning, 400)}\n`);
  if (asked && flags.save === undefined) ctx.stderr.write(`${keepAnswersHint(flags.import)}\n`);
}
