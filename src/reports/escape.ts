/**
 * Escaping for the Markdown and HTML reports: every string from the model (workload names, service
 * names inside sentences, placeholders such as `<issuer>`) displays exactly as written, never parsed
 * as markup, HTML or math.
 */

/**
 * The characters that can open markup inside a line: emphasis, code, links, raw HTML, entities, table
 * cells, strikethrough and GitHub's `$…$` math. CommonMark turns a backslash before any ASCII
 * punctuation into that character, so each is shown as written.
 */
const INLINE_MARKUP = /[\\`*_[\]<>&|~$]/g;

/** Text inside a Markdown line or table cell: markup escaped, line breaks folded to spaces. */
export function mdText(text: string): string {
  return text.replace(/\s*(\r\n?|\n)\s*/g, ' ').replace(INLINE_MARKUP, (ch) => `\\${ch}`);
}

/**
 * A sentence of the report's own prose: like `mdText`, but a `code span` in it stays one (its content
 * displays literally anyway). In a table cell, pipes inside the span are escaped too.
 */
export function mdProse(text: string, cell = false): string {
  const flat = text.replace(/\s*(\r\n?|\n)\s*/g, ' ');
  let out = '';
  let last = 0;
  for (const m of flat.matchAll(/`([^`]+)`/g)) {
    out += mdText(flat.slice(last, m.index)) + (cell ? m[0].replace(/\|/g, '\\|') : m[0]);
    last = m.index + m[0].length;
  }
  return out + mdText(flat.slice(last));
}

/**
 * Prose that begins a paragraph or a list item: also escapes a start that would make it a heading, a
 * (nested) list or a setext underline, and drops leading spaces (which would make it code).
 */
export function mdParagraph(text: string): string {
  return mdProse(text.trim())
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * A code span that holds any text: the fence is one backtick longer than any run inside. In a table
 * cell a pipe must still be escaped (GFM splits cells before it reads code spans).
 */
export function mdCode(text: string, cell = false): string {
  const oneLine = text.replace(/\s*(\r\n?|\n)\s*/g, ' ');
  const flat = cell ? oneLine.replace(/\|/g, '\\|') : oneLine;
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = longest > 0 || flat.startsWith(' ') || flat.endsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A link to a web page; anything but http(s) is shown as text, never linked. */
export function mdLink(title: string, url: string): string {
  if (!isWebUrl(url)) return `${mdText(title)} (${mdText(url)})`;
  return `[${mdText(title)}](${url.replace(/[\s<>()[\]|`\\]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})`;
}

/** Text for an HTML text node or attribute value. */
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]!);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}
