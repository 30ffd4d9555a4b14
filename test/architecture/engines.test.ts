/**
 * `engines.node` tells the truth: every Node version it admits is one that every runtime dependency
 * (the ones an installed package brings, from the lock file) also admits.
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  dev?: boolean;
  engines?: { node?: string } | string[];
}

it('engines.node is within every runtime dependency’s engines.node', () => {
  const ours = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };
  const wider: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || Array.isArray(entry.engines) || !entry.engines?.node) continue;
    if (!semver.subset(ours, entry.engines.node)) wider.push(`${path}@${entry.version}: ${entry.engines.node}`);
  }
  expect(wider).toEqual([]);
  // And this machine's Node, which runs the suite, is one it admits.
  expect(semver.satisfies(process.versions.node, ours)).toBe(true);
});
