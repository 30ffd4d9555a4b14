/** Shared helpers for the pricing tests: the committed snapshot and quick workload builders. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveWorkload, WorkloadSchema, type Workload, type WorkloadInput } from '../../src/schema/workload.js';
import { isEc2Sizing, type Ec2Sizing, type FargateSizing, type OptionPricing } from '../../src/domain/advice.js';
import type { PriceSnapshot } from '../../src/domain/price-book.js';

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

/** The sizing of an EC2-backed option (fails the test when it is a Fargate sizing). */
export function ec2Sizing(o: OptionPricing): Ec2Sizing {
  if (!isEc2Sizing(o.sizing)) throw new Error(`${o.option}: expected an EC2 sizing`);
  return o.sizing;
}

/** The sizing of a Fargate option (fails the test when it is an EC2 sizing). */
export function fargateSizing(o: OptionPricing): FargateSizing {
  if (isEc2Sizing(o.sizing)) throw new Error(`${o.option}: expected a Fargate sizing`);
  return o.sizing;
}
