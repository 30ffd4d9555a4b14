/**
 * The draft as a commented `workload.yaml`: the header, the origin of each service above it, and the
 * provenance (or `TODO`) of each value after it. Built with the `yaml` Document API, so the text
 * parses back to exactly the draft.
 */
import YAML, { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { DraftNote, ImportResult } from './assemble.js';

const SECTIONS = new Set(['services', 'jobs', 'daemons', 'requirements', 'team', 'network', 'cost']);
/** Trailing comments line up at this column at most; longer lines keep one space. */
const COMMENT_COLUMN_CAP = 32;

/** The commented YAML text of an import. */
export function renderDraftYaml(result: ImportResult): string {
  const doc = new YAML.Document(result.draft);
  annotate(doc.contents, '', result.notes);
  doc.commentBefore = result.header.map((l) => ` ${l}`).join('\n');
  return alignComments(doc.toString({ lineWidth: 0, indentSeq: true }));
}

function applyAbove(target: Node, note: DraftNote | undefined): void {
  if (note?.above?.length) target.commentBefore = note.above.map((l) => ` ${oneLine(l)}`).join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function annotate(node: unknown, path: string, notes: Map<string, DraftNote>): void {
  if (isMap(node)) {
    for (const pair of node.items as Pair<Node, Node>[]) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const here = path === '' ? key : `${path}.${key}`;
      const note = notes.get(here);
      const value = pair.value;
      applyAbove(pair.key, note);
      if (isScalar(value) || (isSeq(value) && value.items.every(isScalar))) {
        if (isSeq(value)) value.flow = true;
        if (note?.comment) value.comment = ` ${oneLine(note.comment)}`;
      } else {
        if (note?.comment) pair.key.comment = ` ${oneLine(note.comment)}`;
        annotate(value, here, notes);
      }
      if (path === '' && SECTIONS.has(key)) pair.key.spaceBefore = true;
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const here = `${path}[${i}]`;
      if (isMap(item)) {
        applyAbove(item, notes.get(here));
        if (i > 0) item.spaceBefore = true;
      }
      annotate(item, here, notes);
    });
  }
}

/** Lines up trailing `# notes` in a column, so the draft reads like a table. */
function alignComments(text: string): string {
  const lines = text.split('\n');
  // Values in the draft never contain " # " (tidy names, numbers, regions), so the first one starts the note.
  const split = lines.map((line) => {
    const at = line.trimStart().startsWith('#') ? -1 : line.indexOf(' # ');
    return at < 0 ? null : { code: line.slice(0, at), note: line.slice(at + 1) };
  });
  const width = Math.min(COMMENT_COLUMN_CAP, Math.max(0, ...split.map((s) => (s ? s.code.length : 0))));
  return lines.map((line, i) => (split[i] ? `${split[i].code.padEnd(width)} ${split[i].note}` : line)).join('\n');
}
