/** `ecs-or-eks advise`: a workload (file or questionnaire) → prices → advice → a report. */
import { advise } from '../../advise.js';
import { renderReport } from '../../reports/index.js';
import type { OutputFormat, PriceSourceKind } from '../../schema/enums.js';
import { validateWorkload } from '../../schema/load.js';
import type { Workload } from '../../schema/workload.js';
import { useColorOn } from '../color.js';
import { CancelledError, InputError, UsageError } from '../errors.js';
import { createAdviser } from '../adviser.js';
import { checkBaseFlags, enforceFailOn, parseFailOn } from '../fail-on.js';
import { isFolder } from '../workload-folder.js';
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
  if (flags.input !== undefined) workload = await readWorkload(flags.input, ctx);
  else workload = await interview(ctx, deps, flags);
  workload = applyOverrides(workload, flags);
  const book = await choosePriceBook(
    { mode: flags.prices, region: workload.region, instanceTypes: workload.cost.ec2.instanceTypes },
    ctx,
    deps.fetchLive ?? lazyLiveFetcher,
  );
  const advice = advise(workload, book, { toolVersion: deps.version });
  const baseAdvice = base ? await createAdviser(ctx, deps, flags.prices)(base) : undefined;
  const report = renderReport(advice, flags.format, {
    color: useColor(ctx, flags.color && flags.out === undefined),
    explain: flags.explain,
    details: flags.details,
    width: terminalWidth(ctx),
  });
  await emit(report, flags.out, ctx);
  // Messages that change the numbers go to stderr too, where a pipeline's reader sees them.
  for (const warning of advice.warnings) ctx.stderr.write(`warning: ${clip(warning, 400)}\n`);
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
  const result = validateWorkload(raw);
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
