/**
 * When the CLI prints colour. Off with `--no-color`, `NO_COLOR` (any non-empty value),
 * `FORCE_COLOR=0`/`false`, or `TERM=dumb`; forced on by any other `FORCE_COLOR`; otherwise on only
 * when the stream is a terminal. The questionnaire (on stderr) and the report (on stdout) each
 * decide for their own stream.
 */
import type { CliContext, OutStream } from './io.js';

export function useColorOn(stream: Pick<OutStream, 'isTTY'>, env: NodeJS.ProcessEnv, flagAllows = true): boolean {
  if (!flagAllows) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}

/** Whether anything on stdout may be coloured in this run (the sanitiser then keeps SGR codes). */
export function colorPossible(ctx: Pick<CliContext, 'stdout' | 'env'>): boolean {
  return useColorOn(ctx.stdout, ctx.env);
}
