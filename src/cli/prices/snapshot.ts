/** The bundled price snapshot, shipped in the package at `data/price-snapshot.json`, read once per process. */
import { readFileSync } from 'node:fs';
import type { PriceSnapshot } from '../../domain/price-book.js';

let snapshotMemo: PriceSnapshot | undefined;

export function loadSnapshot(): PriceSnapshot {
  snapshotMemo ??= JSON.parse(readFileSync(new URL('../../../data/price-snapshot.json', import.meta.url), 'utf8')) as PriceSnapshot;
  return snapshotMemo;
}
