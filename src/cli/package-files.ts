/**
 * Files shipped in the package (`package.json`, `data/price-snapshot.json`), found from wherever the
 * running code lives: `src/` in tests, `dist/` after `tsc`, `dist/bundle/` in the bundled CLI.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package's root folder: the nearest folder above this file that holds `package.json`. */
function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6 && !existsSync(join(dir, 'package.json')); i++) dir = dirname(dir);
  root = dir;
  return dir;
}

export function packageFile(relative: string): string {
  return join(packageRoot(), relative);
}
