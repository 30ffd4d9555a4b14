#!/usr/bin/env node
/**
 * Bundles the CLI (`src/cli/bin.ts`) into `dist/bundle/`: one file for start-up and one chunk per
 * command, loaded when it runs. Node resolves one module instead of hundreds, which is most of the
 * start-up time (docs/performance.md). The AWS SDK stays external: only `prices refresh` and
 * `--prices live` load it. The library entry (`dist/index.js`) is the plain, typed `tsc` output.
 *
 * One rewrite on the way: the sources import zod as `import { z } from 'zod'`, a namespace object
 * esbuild must keep whole, with zod's 40-odd locales (366 KB of the 770 KB zod chunk that every
 * `advise --input` parses). Read as `import * as z`, the same code lets esbuild drop what is never
 * used; English messages stay (zod registers them with its first schema).
 */
import { readFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const zodNamespace = fileURLToPath(new URL('../node_modules/zod/v4/classic/external.js', import.meta.url));
const ZOD_IMPORT = "import { z } from 'zod';";

/** `import { z } from 'zod'` → `import * as z from …/zod/v4/classic/external.js` in the project's own sources. */
const zodAsNamespace = {
  name: 'zod-as-namespace',
  setup(b) {
    b.onResolve({ filter: /^zod-namespace$/ }, () => ({ path: zodNamespace }));
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes(ZOD_IMPORT)) return undefined;
      return { contents: text.replace(ZOD_IMPORT, "import * as z from 'zod-namespace';"), loader: 'ts' };
    });
  },
};

/**
 * Node built-ins as lazy CommonJS modules. An ES `import … from 'node:fs'` builds the module's ES
 * facade, which reads every export — and so runs `fs`'s lazy getters, loading all of streams (7 ms on
 * Node 24); `node:crypto` (7 ms) and commander's `node:child_process` (3 ms) load whole subsystems
 * that `--help` and `advise` never call. Here each built-in is an object of getters that `require()`s
 * the real module on first use. The export names are read from this Node at build time; the banner's
 * `require` does the loading.
 */
const requireHere = createRequire(import.meta.url);
/** Loaded while Node starts and cheap to import as they are; a shim would only add a module to load. */
const EAGER_BUILTINS = new Set(['path', 'url', 'process', 'util', 'buffer', 'module']);
const BUILTIN = new RegExp(`^(node:)?(${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})$`);
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: BUILTIN }, (args) => {
      const name = args.path.replace(/^node:/, '');
      // The shim's own require() is of the real module; so is a module that is itself a function or
      // class (events, stream, assert: `class X extends require('events')` needs the real thing).
      if (args.namespace === 'lazy-builtin' || EAGER_BUILTINS.has(name) || typeof requireHere(`node:${name}`) !== 'object')
        return { path: args.path, external: true };
      return { path: name, namespace: 'lazy-builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const id = JSON.stringify(`node:${args.path}`);
      const names = Object.keys(requireHere(`node:${args.path}`)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
      const getters = names.map((n) => `  get ${n}() { return load().${n}; },`).join('\n');
      return { contents: `let real;\nconst load = () => (real ??= require(${id}));\nmodule.exports = {\n${getters}\n};\n`, loader: 'js' };
    });
  },
};

await build({
  entryPoints: { bin: 'src/cli/bin.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@aws-sdk/*'],
  plugins: [zodAsNamespace, lazyBuiltins],
  // CommonJS dependencies bundled into ES modules still call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
