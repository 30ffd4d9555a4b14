#!/usr/bin/env node
/**
 * Bundles the CLI (`src/cli/bin.ts`) into `dist/bundle/`: one file for start-up and one chunk per
 * command, loaded when it runs. Node resolves one module instead of hundreds, which is most of the
 * start-up time (docs: README "Performance"). The AWS SDK stays external: only `prices refresh` and
 * `--prices live` load it. The library entry (`dist/index.js`) is the plain, typed `tsc` output.
 */
import { build } from 'esbuild';

await build({
  entryPoints: { bin: 'src/cli/bin.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@aws-sdk/*'],
  // CommonJS dependencies bundled into ES modules still call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
