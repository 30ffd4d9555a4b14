/** Shared helpers for the pricing tests: the committed snapshot and quick workload builders. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveWorkload, WorkloadSchema, type Workload, type WorkloadInput } from '../../src/schema/workload.js';
import type { PriceSnapshot } from '../../src/pricing/price-book.js';

export const SNAPSHOT_PATH = fileURLToPath(new URL('../../data/price-snapshot.json', import.meta.url));

let cached: PriceSnapshot | undefined;
export function snapshot(): PriceSnapshot {
  cached ??= JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as PriceSnapshot;
  return cached;
}

export type TestWorkloadInput = Omit<WorkloadInput, 'version' | 'name'> & { name?: string };

export function workload(input: TestWorkloadInput): Workload {
  return resolveWorkload(WorkloadSchema.parse({ version: 1, name: 'test', ...input }));
}
