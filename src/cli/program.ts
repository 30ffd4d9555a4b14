/**
 * The commander program. Each action reads its inputs, calls the pure core and hands a string back
 * to `ctx.stdout` (or an atomic file). Actions throw typed errors; `main()` maps them to exit codes.
 */
import { Command, Option } from 'commander';
import { advise } from '../advise.js';
import type { Advice } from '../domain/advice.js';
import { renderReport } from '../reports/index.js';
import { renderCases, renderDiff, renderPriceBook, renderRules } from '../reports/listings.js';
import { OUTPUT_FORMATS, PRICE_SOURCES, type OutputFormat, type PriceSourceKind } from '../schema/enums.js';
import { loadWorkload, validateWorkload } from '../schema/load.js';
import { workloadJsonSchema } from '../schema/json-schema.js';
import type { Workload } from '../schema/workload.js';
import { Region } from '../schema/workload.js';
import { CancelledError, InputError, UsageError } from './errors.js';
import { readInput, writeFileAtomic, type CliContext } from './io.js';
import { choosePriceBook, type LiveFetcher } from './prices/choose.js';
import { fetchRegionPrices } from './prices/live.js';
import { readPriceCache } from './prices/cache.js';
import {
  createInquirerPrompter,
  INIT_TEMPLATE,
  isPromptCancelled,
  renderAnswersReview,
  renderWorkloadYaml,
  runQuestionnaire,
  type Prompter,
} from '../questionnaire/index.js';

export interface ProgramDeps {
  version: string;
  /** Live Price List fetcher; tests inject a fake or point the real one at a local server. */
  fetchLive?: LiveFetcher;
  /** The questionnaire's prompter; tests inject a scripted one. */
  prompter?: () => Prompter;
}

interface AdviseFlags {
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

export function createProgram(ctx: CliContext, deps: ProgramDeps): Command {
  const fetchLive = deps.fetchLive ?? fetchRegionPrices;
  const program = new Command('ecs-or-eks')
    .description('Should your containers run on ECS or EKS, on Fargate or EC2 — and what will each cost?')
    .version(deps.version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      outputError: (s, write) => write(s),
    })
    .exitOverride();

  program
    .command('advise')
    .description('recommend a container platform and price every option (questionnaire on a terminal, or --input FILE)')
    .option('-i, --input <file>', 'workload file, YAML or JSON (- for stdin); skips the questionnaire')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
    .option('-o, --out <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('-u, --utilization <pct>', 'override cost.utilization (1-100)', parsePercent)
    .option('-r, --region <region>', 'override region', parseRegion)
    .addOption(new Option('--prices <source>', 'price source (default: fresh cache if present, else snapshot)').choices(PRICE_SOURCES))
    .option('--save <file>', 'after a questionnaire, write the answers as a replayable workload file')
    .option('--explain', 'also print the full rule trace')
    .option('--no-color', 'no colour (also off with NO_COLOR or when stdout is not a terminal)')
    .action(async (flags: AdviseFlags) => {
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
        fetchLive,
      );
      const advice = advise(workload, book, { toolVersion: deps.version });
      await emit(
        renderReport(advice, flags.format, {
          color: useColor(ctx, flags.color && !flags.out),
          explain: flags.explain,
          width: terminalWidth(ctx),
        }),
        flags.out,
        ctx,
      );
    });

  program
    .command('init')
    .description('write a commented workload.yaml template')
    .argument('[file]', 'where to write it', 'workload.yaml')
    .option('--force', 'overwrite an existing file')
    .action(async (file: string, flags: { force?: boolean }) => {
      if (file === '-') {
        ctx.stdout.write(INIT_TEMPLATE);
        return;
      }
      await writeFileAtomic(file, INIT_TEMPLATE, ctx, { overwrite: Boolean(flags.force) });
      ctx.stderr.write(`wrote ${file}; edit it, then run: ecs-or-eks advise --input ${file}\n`);
    });

  program
    .command('validate')
    .description('check a workload file and print every problem')
    .argument('<file>', 'workload file (- for stdin)')
    .action(async (file: string) => {
      await readWorkload(file, ctx);
      ctx.stdout.write(`${file}: valid\n`);
    });

  const prices = program.command('prices').description('the prices advise uses: refresh them from AWS, or show them');
  prices
    .command('refresh')
    .description('fetch live prices with the AWS Price List API into the local cache (needs AWS credentials)')
    .option('-r, --region <region...>', 'regions to refresh (default: AWS_REGION, else us-east-1)')
    .action(async (flags: { region?: string[] }) => {
      const regions = (flags.region ?? [ctx.env.AWS_REGION ?? 'us-east-1']).map((r) => parseRegion(r));
      for (const region of regions) {
        ctx.stderr.write(`fetching prices for ${region}…\n`);
        await choosePriceBook({ mode: 'live', region }, ctx, fetchLive);
        const cached = readPriceCache(region, ctx.env, ctx.now());
        ctx.stdout.write(`${region}: cached ${cached ? `at ${cached.entry.fetchedAt}` : '(cache not written)'}\n`);
      }
    });
  prices
    .command('show')
    .description('show the prices advise would use, with source and date')
    .option('-r, --region <region>', 'region', parseRegion)
    .addOption(new Option('--prices <source>', 'price source').choices(PRICE_SOURCES))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json'] as const).default('table'))
    .action(async (flags: { region?: string; prices?: PriceSourceKind; format: 'table' | 'json' }) => {
      const region = flags.region ?? ctx.env.AWS_REGION ?? 'us-east-1';
      const book = await choosePriceBook({ mode: flags.prices, region }, ctx, fetchLive);
      ctx.stdout.write(renderPriceBook(book, flags.format));
    });

  program
    .command('rules')
    .description('list every rule: what triggers it, its effect on each option, and its source')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'markdown'] as const).default('table'))
    .action((flags: { format: OutputFormat }) => {
      ctx.stdout.write(renderRules(flags.format, terminalWidth(ctx)));
    });

  program
    .command('cases')
    .description('list the public case studies with their profiles and sources')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'markdown'] as const).default('table'))
    .action((flags: { format: OutputFormat }) => {
      ctx.stdout.write(renderCases(flags.format, terminalWidth(ctx)));
    });

  program
    .command('diff')
    .description('how the recommendation and every option’s cost change between two designs')
    .argument('<a>', 'the first workload file')
    .argument('<b>', 'the second workload file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
    .addOption(new Option('--prices <source>', 'price source').choices(PRICE_SOURCES))
    .action(async (a: string, b: string, flags: { format: OutputFormat; prices?: PriceSourceKind }) => {
      const [wa, wb] = [await readWorkload(a, ctx), await readWorkload(b, ctx)];
      const adviceFor = async (w: Workload): Promise<Advice> =>
        advise(
          w,
          await choosePriceBook({ mode: flags.prices, region: w.region, instanceTypes: w.cost.ec2.instanceTypes }, ctx, fetchLive),
          {
            toolVersion: deps.version,
          },
        );
      ctx.stdout.write(renderDiff({ name: a, advice: await adviceFor(wa) }, { name: b, advice: await adviceFor(wb) }, flags.format));
    });

  program
    .command('schema')
    .description('print the JSON Schema of workload.yaml (for editor completion)')
    .action(() => {
      ctx.stdout.write(`${JSON.stringify(workloadJsonSchema(), null, 2)}\n`);
    });

  return program;
}

async function readWorkload(file: string, ctx: CliContext): Promise<Workload> {
  const result = loadWorkload(await readInput(file, ctx));
  if (!result.ok) throw new InputError(file === '-' ? '<stdin>' : file, result.problems);
  return result.workload;
}

async function interview(ctx: CliContext, deps: ProgramDeps, flags: AdviseFlags): Promise<Workload> {
  if (!ctx.stdin.isTTY && !deps.prompter) {
    throw new UsageError(
      'no --input and no terminal to ask questions on. Pass a workload file with `--input workload.yaml` (or `--input -` for stdin); ' +
        'create one with `ecs-or-eks init`.',
    );
  }
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

function applyOverrides(workload: Workload, flags: AdviseFlags): Workload {
  let next = workload;
  if (flags.utilization !== undefined) next = { ...next, cost: { ...next.cost, utilization: flags.utilization } };
  if (flags.region !== undefined && flags.region !== next.region) {
    // The registry follows the region unless the file pinned it elsewhere.
    const registryRegion = next.network.registryRegion === next.region ? flags.region : next.network.registryRegion;
    next = { ...next, region: flags.region, network: { ...next.network, registryRegion } };
  }
  return next;
}

async function emit(report: string, out: string | undefined, ctx: CliContext): Promise<void> {
  if (out) {
    await writeFileAtomic(out, report, ctx);
    ctx.stderr.write(`wrote ${out}\n`);
  } else ctx.stdout.write(report);
}

function parsePercent(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > 100 || value.trim() === '')
    throw new UsageError(`--utilization must be a number from 1 to 100, got "${value}"`);
  return n;
}

function parseRegion(value: string): string {
  const result = Region.safeParse(value);
  if (!result.success) throw new UsageError(`--region "${value}": ${result.error.issues[0]?.message ?? 'not a region'}`);
  return value;
}

/** Colour only on a terminal, never with NO_COLOR or --no-color; FORCE_COLOR forces it on. */
export function useColor(ctx: CliContext, flagAllows: boolean): boolean {
  if (!flagAllows) return false;
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '') return false;
  if (ctx.env.FORCE_COLOR !== undefined && ctx.env.FORCE_COLOR !== '0' && ctx.env.FORCE_COLOR !== 'false') return true;
  return Boolean(ctx.stdout.isTTY);
}

function terminalWidth(ctx: CliContext): number {
  const columns = (ctx.stdout as { columns?: number }).columns;
  return typeof columns === 'number' && columns > 0 ? columns : 100;
}
