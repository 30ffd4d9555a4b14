/** `rules` and `cases`: the rules engine's data as lists. */
import { renderCases, renderRules } from '../../reports/listings.js';
import type { OutputFormat } from '../../schema/enums.js';
import type { CliContext } from '../io.js';
import { terminalWidth } from './shared.js';

export function runRules(ctx: CliContext, flags: { format: OutputFormat }): void {
  ctx.stdout.write(renderRules(flags.format, terminalWidth(ctx)));
}

export function runCases(ctx: CliContext, flags: { format: OutputFormat }): void {
  ctx.stdout.write(renderCases(flags.format, terminalWidth(ctx)));
}
