/** The bundled price snapshot, shipped in the package at `data/price-snapshot.json`, read once per process. */
import { readFileSync } from 'node:fs';
import type { PriceSnapshot } from '../../domain/price-book.js';
import { packageFile } from '../package-files.js';

let snapshotMemo: PriceSnapshot | undefined;

export function loadSnapshot(): PriceSnapshot {
  snapshotMemo ??= JSON.parse(readFileSync(packageFile('data/price-snapshot.json'), 'utf8')) as PriceSnapshot;
  return snapshotMemo;
}
