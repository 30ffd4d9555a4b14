/**
 * The versioned JSON document of SPEC §7. Key order follows the model, so the same advice always
 * serialises to the same bytes. The rule trace is included only when asked for (`--explain`).
 */
import type { Advice } from '../domain/advice.js';

export interface JsonReportOptions {
  explain?: boolean;
}

export function renderJson(advice: Advice, options: JsonReportOptions = {}): string {
  const { trace, ...rest } = advice;
  const document = options.explain ? { ...rest, trace } : rest;
  return `${JSON.stringify(document, null, 2)}\n`;
}
