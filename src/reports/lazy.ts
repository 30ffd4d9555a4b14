/**
 * `renderReport` (index.ts) for a command that renders one format per run: only that format's
 * renderer is loaded. JSON needs none of the terminal, Markdown or HTML code (chalk, the
 * charts), 90 KB of the bundle that `advise -f json` would otherwise load. Kept apart from index.ts,
 * whose static imports would load every renderer.
 */
import type { Advice } from '../domain/advice.js';
import type { OutputFormat } from '../schema/enums.js';
import type { ReportOptions } from './index.js';

export async function renderReportLazily(advice: Advice, format: OutputFormat, options: ReportOptions = {}): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).renderJson(advice, options);
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown(advice, options);
    case 'table':
      return options.details
        ? (await import('./details.js')).renderDetails(advice, options)
        : (await import('./table.js')).renderTable(advice, options);
    case 'html':
      return (await import('./html.js')).renderHtml(advice, options);
  }
}
