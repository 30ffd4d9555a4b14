/** The package face: `import('ecs-or-eks')` loads the built library with no side effects. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

describe.skipIf(!existsSync('dist/index.js'))('library entry (dist/index.js)', () => {
  test('package.json exports files that the build produces', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: { '.': { default: string; types: string } } };
    expect(existsSync(pkg.exports['.'].default)).toBe(true);
    expect(existsSync(pkg.exports['.'].types)).toBe(true);
  });

  test('importing it prints nothing and reads no file; calling it gives advice', () => {
    // Records every path read through fs during the import, except the module loader's own reads of
    // JavaScript and package.json files (CommonJS dependencies are loaded through fs).
    const script = `
      import fs from 'node:fs';
      const reads = [];
      for (const name of ['readFileSync', 'openSync', 'readdirSync', 'statSync', 'existsSync']) {
        const original = fs[name];
        fs[name] = (...args) => { reads.push(String(args[0])); return original(...args); };
      }
      const lib = await import('./dist/index.js');
      const readsOnImport = reads.filter((p) => !/(\\.c?js|package\\.json)$/.test(p));
      const loaded = lib.loadWorkloadText('version: 1\\nname: lib\\nservices: [{name: api, cpu: 0.5, memory: 1, replicas: 2}]\\n');
      if (!loaded.ok) throw new Error('workload did not load');
      const advice = lib.advise(loaded.workload, lib.resolvePriceBook(lib.loadSnapshot(), 'us-east-1'), { toolVersion: 'lib' });
      process.stdout.write(JSON.stringify({ readsOnImport, option: advice.recommendation.option, markdown: lib.renderReport(advice, 'markdown').startsWith('# ') }));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout) as { readsOnImport: string[]; option: string; markdown: boolean };
    expect(result.readsOnImport).toEqual([]);
    expect(result.option).toMatch(/^(ecs|eks)-/);
    expect(result.markdown).toBe(true);
  });
});
