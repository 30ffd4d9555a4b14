/**
 * The architecture as a test: each folder imports only the floors below it, no file imports itself
 * round a circle, rules and pricing read option facts from the catalog instead of switching on ids,
 * and the tree holds one Fargate size table.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { OPTION_IDS } from '../../src/schema/enums.js';

const SRC = resolve('src');

/** What each folder (or top-level file) may import, besides itself and node/npm modules. */
const ALLOWED: Record<string, readonly string[]> = {
  schema: [],
  domain: ['schema'],
  questionnaire: ['domain', 'schema'],
  import: ['domain', 'schema'],
  pricing: ['domain', 'schema'],
  rules: ['domain', 'schema'],
  'advise.ts': ['rules', 'pricing', 'domain', 'schema'],
  reports: ['rules', 'pricing', 'domain', 'schema'],
  cli: ['advise.ts', 'reports', 'rules', 'pricing', 'domain', 'questionnaire', 'import', 'schema'],
  'index.ts': ['advise.ts', 'reports', 'pricing', 'domain', 'schema', 'cli'],
};

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (path.endsWith('.ts')) out.push(path);
  }
  return out;
}

const FILES = sourceFiles(SRC);
const floorOf = (file: string): string => relative(SRC, file).split('/')[0]!;

/** Relative imports (static, `export … from`, and dynamic `import()`), resolved to source files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'));
}

describe('architecture', () => {
  test('every folder imports only the floors below it', () => {
    const wrong: string[] = [];
    for (const file of FILES) {
      const from = floorOf(file);
      const allowed = ALLOWED[from];
      expect(allowed, `${relative(SRC, file)} is in a folder the architecture does not know`).toBeDefined();
      for (const target of importsOf(file)) {
        const to = floorOf(target);
        if (to !== from && !allowed!.includes(to)) wrong.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('no file imports itself round a circle', () => {
    const graph = new Map(FILES.map((f) => [f, importsOf(f).filter((t) => FILES.includes(t))]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map((x) => relative(SRC, x)).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of FILES) visit(f, []);
    expect(cycles).toEqual([]);
  });

  test('rules/ and pricing/ never switch on a literal option id', () => {
    const ids = OPTION_IDS.join('|');
    const switchOnId = new RegExp(`(case\\s+|[!=]==\\s*)'(${ids})'|'(${ids})'\\s*[!=]==`);
    const found = FILES.filter((f) => ['rules', 'pricing'].includes(floorOf(f)))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ f, line, i }))
          .filter((x) => switchOnId.test(x.line)),
      )
      .map((x) => `${relative(SRC, x.f)}:${x.i + 1}: ${x.line.trim()}`);
    expect(found).toEqual([]);
  });

  test('one Fargate size table in the tree', () => {
    // The rows of the table: 0.25 vCPU with 0.5/1/2 GiB, …, 16 vCPU with 32–120 GiB in 8 GiB steps.
    const signature = /\[\s*0\.5\s*,\s*1\s*,\s*2\s*\]|range\(\s*32\s*,\s*120/;
    const holders = FILES.filter((f) => signature.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
    expect(holders).toEqual(['domain/fargate-sizes.ts']);
  });
});
