/** One signature for every report: `(advice, options) → string`, chosen by `--format`. */
import type { Advice } from '../domain/advice.js';
import type { OutputFormat } from '../schema/enums.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderDetails } from './details.js';
import { renderTable } from './table.js';

export interface ReportOptions {
  color?: boolean;
  explain?: boolean;
  width?: number;
  /** The full terminal report (`--details`) instead of the compact one. */
  details?: boolean;
}

export function renderReport(advice: Advice, format: OutputFormat, options: ReportOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(advice, options);
    case 'markdown':
      return renderMarkdown(advice, options);
    case 'table':
      return options.details ? renderDetails(advice, options) : renderTable(advice, options);
  }
}

export { renderDetails, renderJson, renderMarkdown, renderTable };
