/**
 * The command's entry point (bundled into `dist/bundle/bin.js`): run the CLI, set the exit code.
 * `--version` alone is answered here, without loading commander and the program (a third of the
 * start-up); everything else goes to `main()`.
 */
import { readFileSync } from 'node:fs';
import { processContext } from './io.js';
import { packageFile } from './package-files.js';

const argv = process.argv.slice(2);
process.exitCode = argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v') ? await printVersion() : await runMain(argv);

async function runMain(args: string[]): Promise<number> {
  const { main } = await import('./main.js');
  return main(args);
}

/** What `main()` prints and returns for `--version`: the version, exit 0; a write failure as `main()` reports it. */
async function printVersion(): Promise<number> {
  const { version } = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
  const ctx = processContext();
  ctx.stdout.write(`${version}\n`);
  const failure = await ctx.stdout.settled?.();
  if (!failure || failure.code === 'EPIPE' || failure.code === 'ERR_STREAM_DESTROYED') return 0;
  const why =
    failure.code === 'ENOSPC' ? 'no space left on the device' : failure.code === 'EDQUOT' ? 'disk quota exceeded' : failure.message;
  ctx.stderr.write(`error: could not write the output to stdout: ${why}${failure.code ? ` (${failure.code})` : ''}\n`);
  await ctx.stderr.settled?.();
  return 1;
}
