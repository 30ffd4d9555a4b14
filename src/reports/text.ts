/** Text layout shared by the renderers: word wrap that ignores colour codes, indenting, escaping. */

/** Greedy word wrap that ignores ANSI escapes when measuring. */
export function wrap(text: string, width: number, hangingIndent: string, firstIndent = '  '): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = firstIndent;
  // Indents may carry colour (a score in the first line's margin), so they are measured as shown.
  let lineLength = visibleLength(firstIndent);
  let empty = true;
  for (const word of words) {
    const len = visibleLength(word);
    if (!empty && lineLength + 1 + len > width) {
      lines.push(line);
      line = hangingIndent + word;
      lineLength = visibleLength(hangingIndent) + len;
    } else {
      line += (empty ? '' : ' ') + word;
      lineLength += (empty ? 0 : 1) + len;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

/** Keeps user-supplied text from breaking a Markdown table cell. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
