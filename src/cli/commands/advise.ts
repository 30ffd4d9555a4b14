/** `ecs-or-eks advise`: a workload (file or questionnaire) → prices → advice → a report. */
import { advise } from '../../advise.js';
import { renderReport } from '../../reports/index.js';
import type { OutputFormat, PriceSourceKind } from '../../schema/enums.js';
import { validateWorkload } from '../../schema/load.js';
import type { Workload } from '../../schema/workload.js';
import { CancelledError, InputError, UsageError } from '../errors.js';
import { writeFileAtomic, type CliContext } from '../io.js';
import type { ProgramDeps } from '../deps.js';
import { choosePriceBook } from '../prices/choose.js';
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
  let workload: Workload;
  if (flags.input !== undefined) {
    if (flags.save) throw new UsageError('--save records questionnaire answers; with --input the file already is the record');
    workload = await readWorkload(flags.input, ctx);
  } else {
    workload = await interview(ctx, deps, flags);
  }
  workload = applyOverrides(workload, flags);
  const book = await choosePriceBook(
    { mode: flags.prices, region: workload.region, instanceTypes: workload.cost.ec2.instanceTypes },
    ctx,
    deps.fetchLive ?? lazyLiveFetcher,
  );
  const advice = advise(workload, book, { toolVersion: deps.version });
  const report = renderReport(advice, flags.format, {
    color: useColor(ctx, flags.color && !flags.out),
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
  const prompter = deps.prompter ? deps.prompter() : createInquirerPrompter();
  let raw;
  try {
    raw = await runQuestionnaire(prompter, { region: flags.region, defaultRegion: ctx.env.AWS_REGION });
  } catch (error) {
    if (isPromptCancelled(error)) throw new CancelledError();
    throw error;
  }
  const result = validateWorkload(raw);
  if (!result.ok) throw new InputError('<answers>', result.problems);
  ctx.stderr.write(`\n${renderAnswersReview(raw)}\n`);
  if (flags.save) {
    const header = `Answers from \`ecs-or-eks advise\` on ${ctx.now().toISOString().slice(0, 10)}.\nReplay: ecs-or-eks advise --input ${flags.save}`;
    await writeFileAtomic(flags.save, renderWorkloadYaml(raw, { header }), ctx);
    ctx.stderr.write(`saved your answers to ${flags.save}; replay them with: ecs-or-eks advise --input ${flags.save}\n\n`);
  }
  return result.workload;
}
