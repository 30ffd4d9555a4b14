/** `ecs-or-eks advise`: a workload (file or questionnaire) → prices → advice → a report. */
import { advise } from '../../advise.js';
import { renderReport } from '../../reports/index.js';
import type { OutputFormat, PriceSourceKind } from '../../schema/enums.js';
import { validateWorkload } from '../../schema/load.js';
import type { Workload } from '../../schema/workload.js';
import { instanceTypeCatalog, withRegionEstimateWarning } from '../catalog.js';
import { useColorOn } from '../color.js';
import { CancelledError, InputError, UsageError } from '../errors.js';
import { checkWritable, sameFile, writeFileAtomic, type CliContext } from '../io.js';
import type { ProgramDeps } from '../deps.js';
import { choosePriceBook } from '../prices/choose.js';
import { clip } from '../sanitize.js';
import { applyOverrides, emit, lazyLiveFetcher, readWorkload, terminalWidth, useColor } from './shared.js';

export interface AdviseFlags {
  input?: string;
  format: OutputFormat;
  out?: string;
  utilization?: number;
  region?: string;
  prices?: PriceSourceKind;
  save?: string;
  explain?: boolean;
  color: boolean;
}

export async function runAdvise(ctx: CliContext, deps: ProgramDeps, flags: AdviseFlags): Promise<void> {
  // Every output path is checked before any work — above all before a questionnaire, whose
  // answers would be lost to a folder that does not exist.
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
  if (flags.input !== undefined) workload = await readWorkload(flags.input, ctx);
  else workload = await interview(ctx, deps, flags);
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
    width: terminalWidth(ctx),
  });
  await emit(report, flags.out, ctx);
}

async function interview(ctx: CliContext, deps: ProgramDeps, flags: AdviseFlags): Promise<Workload> {
  if (!ctx.stdin.isTTY && !deps.prompter) {
    throw new UsageError(
      'no --input and no terminal to ask questions on. Pass a workload file with `--input workload.yaml` (or `--input -` for stdin); ' +
        'create one with `ecs-or-eks init`.',
    );
  }
  const { createInquirerPrompter, isPromptCancelled, renderAnswersReview, renderWorkloadYaml, runQuestionnaire } =
    await import('../../questionnaire/index.js');
  // The questions are asked on stderr, so its terminal (and --no-color, NO_COLOR …) decides their colour.
  const prompter = deps.prompter ? deps.prompter() : createInquirerPrompter({ color: useColorOn(ctx.stderr, ctx.env, flags.color) });
  let raw;
  try {
    raw = await runQuestionnaire(prompter, { region: flags.region, defaultRegion: ctx.env.AWS_REGION });
  } catch (error) {
    if (isPromptCancelled(error)) throw new CancelledError(cancelSignal(error));
    throw error;
  }
  const result = validateWorkload(raw, undefined, { instanceTypes: () => instanceTypeCatalog(ctx) });
  if (!result.ok) throw new InputError('<answers>', result.problems);
  ctx.stderr.write(`\n${renderAnswersReview(raw)}\n`);
  if (flags.save !== undefined) {
    const header = `Answers from \`ecs-or-eks advise\` on ${ctx.now().toISOString().slice(0, 10)}.\nReplay: ecs-or-eks advise --input ${clip(flags.save)}`;
    await writeFileAtomic(flags.save, renderWorkloadYaml(raw, { header }), ctx);
    ctx.stderr.write(`saved your answers to ${clip(flags.save)}; replay them with: ecs-or-eks advise --input ${clip(flags.save)}\n\n`);
  }
  return result.workload;
}

/** The signal that cancelled a prompt (the prompter records it on the error), SIGINT by default. */
function cancelSignal(error: unknown): 'SIGINT' | 'SIGTERM' {
  const signal = (error as { signal?: unknown }).signal;
  return signal === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
}
