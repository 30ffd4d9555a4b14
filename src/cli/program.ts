/**
 * The commander program: every command, flag and its help, declared here; each command's code lives
 * in `commands/` and is loaded only when that command runs, so `--help` and `--version` stay fast.
 * Actions throw typed errors; `main()` maps them to exit codes.
 */
import { Command, Option } from 'commander';
import { OUTPUT_FORMATS, PRICE_SOURCES, type OutputFormat, type PriceSourceKind } from '../schema/enums.js';
import { regionProblem } from '../schema/regions.js';
import type { AdviseFlags } from './commands/advise.js';
import type { DiffFlags } from './commands/folders.js';
import { UsageError } from './errors.js';
import { addExamples } from './help.js';
import type { ProgramDeps } from './deps.js';
import type { CliContext } from './io.js';

export function createProgram(ctx: CliContext, deps: ProgramDeps): Command {
  const program = new Command('ecs-or-eks')
    .description('Should your containers run on ECS or EKS, on Fargate or EC2 —\nand what will each cost?')
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
    .option('-i, --input <file>', 'workload file, YAML or JSON (- for stdin), or a folder of them; skips the questionnaire')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
    .option('-o, --out <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('-u, --utilization <pct>', 'override cost.utilization (1-100)', parsePercent)
    .option('-r, --region <region>', 'override region', parseRegion)
    .addOption(
      new Option(
        '--prices <source>',
        'price source (default: fresh cache if present, else snapshot, no network; auto: refresh a stale or missing cache, falling back to cache, then snapshot)',
      ).choices(PRICE_SOURCES),
    )
    .option('--save <file>', 'after a questionnaire, write the answers as a replayable workload file')
    .option('--details', 'the full terminal report: reasons, bills, a cost chart, people, every pitfall and case study')
    .option(
      '--import <paths...>',
      'draft the workload from Kubernetes manifests, ECS task definitions, Compose files or a Terraform plan; the questionnaire asks only what they cannot say',
    )
    .option('--explain', 'also print the full rule trace')
    .option('--no-color', 'no colour (also off with NO_COLOR or when stdout is not a terminal)')
    .option('--fail-on <conditions>', `after the report, exit 4 when a condition holds against --base: ${FAIL_ON_HELP}`, collect)
    .option('--base <file>', 'the design --fail-on compares against: a workload file, or a folder when --input is a folder')
    .action(async (flags: AdviseFlags) => (await import('./commands/advise.js')).runAdvise(ctx, deps, flags));

  program
    .command('init')
    .description('write a commented workload.yaml template')
    .argument('[file]', 'where to write it', 'workload.yaml')
    .option('--force', 'overwrite an existing file')
    .action(async (file: string, flags: { force?: boolean }) =>
      (await import('./commands/files.js')).runInit(ctx, deps.version, file, flags),
    );

  program
    .command('validate')
    .description('check a workload file and print every problem')
    .argument('<file>', 'workload file (- for stdin)')
    .action(async (file: string) => (await import('./commands/files.js')).runValidate(ctx, file));

  program
    .command('import')
    .description('draft a workload.yaml from Kubernetes manifests, ECS task definitions, Compose files or a Terraform plan')
    .argument('<paths...>', 'files and folders to read (folders recursively; - for stdin)')
    .option('-o, --out <file>', 'write the draft to FILE (atomically) instead of stdout')
    .option('--name <name>', 'the workload name (default: from the first path)')
    .option('-r, --region <region>', 'the region (default: the one the files name, else us-east-1)', parseRegion)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['yaml', 'json'] as const).default('yaml'))
    .action(async (paths: string[], flags: { out?: string; name?: string; region?: string; format: 'yaml' | 'json' }) =>
      (await import('./commands/import.js')).runImport(ctx, paths, flags),
    );

  const prices = program.command('prices').description('the prices advise uses: refresh them from AWS, or show them');
  prices
    .command('refresh')
    .description('fetch live prices with the AWS Price List API into the local cache (needs AWS credentials)')
    .option('-r, --region <region...>', 'regions to refresh (default: AWS_REGION, else us-east-1)')
    .action(async (flags: { region?: string[] }) => {
      const regions = (flags.region ?? [ctx.env.AWS_REGION ?? 'us-east-1']).map((r) => parseRegion(r));
      await (await import('./commands/prices.js')).runPricesRefresh(ctx, deps, regions);
    });
  prices
    .command('show')
    .description('show the prices advise would use, with source and date')
    .option('-r, --region <region>', 'region', parseRegion)
    .addOption(new Option('--prices <source>', 'price source').choices(PRICE_SOURCES))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json'] as const).default('table'))
    .action(async (flags: { region?: string; prices?: PriceSourceKind; format: 'table' | 'json' }) =>
      (await import('./commands/prices.js')).runPricesShow(ctx, deps, flags),
    );

  program
    .command('rules')
    .description('list every rule: what triggers it, its effect on each option, and its source')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
    .action(async (flags: { format: OutputFormat }) => (await import('./commands/listings.js')).runRules(ctx, flags));

  program
    .command('cases')
    .description('list the public case studies with their profiles and sources')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
    .action(async (flags: { format: OutputFormat }) => (await import('./commands/listings.js')).runCases(ctx, flags));

  program
    .command('diff')
    .description('how the recommendation and every option’s cost change between two designs')
    .argument('<a>', 'the first workload file (or a folder of them)')
    .argument('<b>', 'the second workload file (or a folder; files are paired by name)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
    .addOption(new Option('--prices <source>', 'price source').choices(PRICE_SOURCES))
    .option('-u, --utilization <pct>', 'override cost.utilization (1-100) on both sides', parsePercent)
    .option('-r, --region <region>', 'override region on both sides', parseRegion)
    .option('--fail-on <conditions>', `after the report, exit 4 when a condition holds from A to B: ${FAIL_ON_HELP}`, collect)
    .action(async (a: string, b: string, flags: DiffFlags) => (await import('./commands/diff.js')).runDiff(ctx, deps, a, b, flags));

  program
    .command('comment')
    .description('create or update the one ecs-or-eks comment on a GitHub pull request (for CI; reads the GITHUB_* variables)')
    .argument('<file>', 'the Markdown report to post (- for stdin)')
    .option('--pr <number>', 'the pull request (default: pull_request.number of the event in GITHUB_EVENT_PATH)', parsePullRequest)
    .action(async (file: string, flags: { pr?: number }) => (await import('./commands/comment.js')).runComment(ctx, deps, file, flags));

  program
    .command('schema')
    .description('print the JSON Schema of workload.yaml (for editor completion)')
    .action(async () => (await import('./commands/files.js')).runSchema(ctx));

  addExamples(program);
  return program;
}

const FAIL_ON_HELP = 'recommendation-change, cost-increase:PCT, cost-increase:PCT:option:ID (repeatable or comma-separated)';

/** `--fail-on` repeats; every value is kept as given and parsed (with the valid forms in any error) when the command runs. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function parsePullRequest(value: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value)) throw new UsageError(`--pr must be a pull request number, got "${value}"`);
  return Number(value);
}

function parsePercent(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > 100 || value.trim() === '')
    throw new UsageError(`--utilization must be a number from 1 to 100, got "${value}"`);
  return n;
}

/** A Region of AWS's commercial or GovCloud (US) list, else a usage error with a "did you mean". */
function parseRegion(value: string): string {
  const problem = regionProblem(value, '--region');
  if (problem !== undefined) throw new UsageError(problem);
  return value;
}
