/**
 * The questionnaire branch of `advise`: the answers (from the terminal, or a test's prompter), or a
 * draft from `--import` with only what the files leave open asked; checked like a file (instance
 * types included), saved with `--save`. Without a terminal an import asks nothing and says so.
 */
import { OPTION_IDS, type OptionId } from '../../schema/enums.js';
import { schemaModeline } from '../../schema/json-schema.js';
import { validateWorkload } from '../../schema/load.js';
import type { Workload, WorkloadInput } from '../../schema/workload.js';
import type { ImportedAnswers } from '../../questionnaire/interview.js';
import { instanceTypeCatalog, instanceTypeChoices, pricedRegions } from '../catalog.js';
import { useColorOn } from '../color.js';
import type { ProgramDeps } from '../deps.js';
import { CancelledError, InputError, UsageError } from '../errors.js';
import { writeFileAtomic, type CliContext } from '../io.js';
import { clip } from '../sanitize.js';

/** The flags of `advise` the questionnaire branch reads. */
export interface AskFlags {
  region?: string;
  save?: string;
  import?: string[];
  color: boolean;
}

/** The workload of an `advise` without `--input`; `asked` is false when nothing was asked. */
export async function askWorkload(ctx: CliContext, deps: ProgramDeps, flags: AskFlags): Promise<{ workload: Workload; asked: boolean }> {
  const fromFiles = flags.import ? await imported(ctx, flags.import, flags.region) : undefined;
  return interview(ctx, deps, flags, fromFiles);
}

/** The closing line after a questionnaire without `--save`: how to keep and replay the answers. */
export function keepAnswersHint(importPaths: readonly string[] | undefined): string {
  const again = importPaths ? `advise --import ${importPaths.map((p) => clip(p)).join(' ')}` : 'advise';
  return `To keep these answers, run \`ecs-or-eks ${again} --save workload.yaml\`; then replay them, without questions, with \`ecs-or-eks advise --input workload.yaml\`.`;
}

/** The workload drafted from files, as answers the questionnaire keeps (its TODOs stay open). */
async function imported(ctx: CliContext, paths: string[], region: string | undefined): Promise<ImportedAnswers> {
  const { importPaths } = await import('./import.js');
  const result = await importPaths(paths, ctx, { region });
  for (const w of result.warnings) ctx.stderr.write(`warning: ${w}\n`);
  // "EKS with managed node groups (eks-managed-nodes): plan.json …": the default answer when the files name one option.
  const named = [...(result.currentPlatform ?? '').matchAll(/\(([a-z-]+)\)/g)].map((m) => m[1]!);
  const platforms = [...new Set(named.filter((id): id is OptionId => (OPTION_IDS as readonly string[]).includes(id)))];
  return {
    draft: result.draft,
    todos: result.todos,
    ...(platforms.length === 1 ? { currentPlatform: platforms[0] } : {}),
    placeholderService: result.found.services + result.found.jobs === 0,
  };
}

/**
 * The questionnaire (on the prompter, or the terminal on stderr), checked like a file, saved with
 * `--save`. From an import without a terminal nothing is asked: the files' defaults stand, and stderr
 * says which.
 */
async function interview(
  ctx: CliContext,
  deps: ProgramDeps,
  flags: AskFlags,
  fromFiles: ImportedAnswers | undefined,
): Promise<{ workload: Workload; asked: boolean }> {
  const terminal = ctx.stdin.isTTY || deps.prompter !== undefined;
  if (!terminal && fromFiles) {
    const order = ['name', 'region', 'services', 'jobs', 'daemons', 'requirements', 'team', 'network', 'cost'];
    const topics = [...new Set(fromFiles.todos.map((t) => t.split(/[.[]/)[0]!))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    ctx.stderr.write(
      `no terminal to ask on, so nothing is asked: the ${fromFiles.todos.length} values the files cannot give${topics.length > 0 ? ` (${topics.join(', ')})` : ''} keep their defaults. ` +
        'Run on a terminal to answer them, or review them as the TODOs of `ecs-or-eks import`.\n',
    );
    const result = validateWorkload(fromFiles.draft, undefined, { instanceTypes: () => instanceTypeCatalog(ctx) });
    if (!result.ok) throw new InputError('<import>', result.problems);
    if (flags.save !== undefined) await save(ctx, deps.version, flags.save, fromFiles.draft);
    return { workload: result.workload, asked: false };
  }
  if (!terminal) {
    throw new UsageError(
      'no --input and no terminal to ask questions on. Pass a workload file with `--input workload.yaml` (or `--input -` for stdin); ' +
        'create one with `ecs-or-eks init`.',
    );
  }
  const { createInquirerPrompter, isPromptCancelled, runQuestionnaire } = await import('../../questionnaire/index.js');
  // The questions are asked on stderr, so its terminal (and --no-color, NO_COLOR …) decides their colour.
  const prompter = deps.prompter ? deps.prompter() : createInquirerPrompter({ color: useColorOn(ctx.stderr, ctx.env, flags.color) });
  let raw;
  try {
    raw = await runQuestionnaire(prompter, {
      region: flags.region,
      defaultRegion: ctx.env.AWS_REGION,
      pricedRegions: pricedRegions(ctx),
      instanceTypes: instanceTypeChoices(),
      ...(fromFiles ? { imported: fromFiles } : {}),
    });
  } catch (error) {
    if (isPromptCancelled(error)) throw new CancelledError(cancelSignal(error));
    throw error;
  }
  const result = validateWorkload(raw, undefined, { instanceTypes: () => instanceTypeCatalog(ctx) });
  if (!result.ok) throw new InputError('<answers>', result.problems);
  if (flags.save !== undefined) await save(ctx, deps.version, flags.save, raw);
  return { workload: result.workload, asked: true };
}

/** The answers as a commented workload file that replays to the same advice. */
async function save(ctx: CliContext, version: string, file: string, answers: WorkloadInput): Promise<void> {
  const { renderWorkloadYaml } = await import('../../questionnaire/yaml.js');
  const header =
    `${schemaModeline(version).replace(/^# /, '')}\n` +
    `Answers from \`ecs-or-eks advise\` on ${ctx.now().toISOString().slice(0, 10)}.\nReplay: ecs-or-eks advise --input ${clip(file)}`;
  await writeFileAtomic(file, renderWorkloadYaml(answers, { header }), ctx);
  ctx.stderr.write(`saved your answers to ${clip(file)}; replay them with: ecs-or-eks advise --input ${clip(file)}\n\n`);
}

/** The signal that cancelled a prompt (the prompter records it on the error), SIGINT by default. */
function cancelSignal(error: unknown): 'SIGINT' | 'SIGTERM' {
  const signal = (error as { signal?: unknown }).signal;
  return signal === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
}
