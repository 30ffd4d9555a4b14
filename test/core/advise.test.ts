/** The pure core: same input and prices → the same advice, no mutation of its inputs, no I/O. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { advise } from '../../src/advise.js';
import { loadSnapshot } from '../../src/cli/prices/snapshot.js';
import { resolvePriceBook } from '../../src/pricing/index.js';
import { loadWorkload } from '../../src/schema/load.js';
import type { Workload } from '../../src/schema/workload.js';
import { FIXTURES } from '../helpers.js';

function fixture(name: string): Workload {
  const loaded = loadWorkload(readFileSync(`fixtures/${name}.yaml`));
  if (!loaded.ok) throw new Error(name);
  return loaded.workload;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('advise(workload, priceBook)', () => {
  it.each(FIXTURES)('%s: deterministic, independent of the clock, and does not mutate its inputs', (name) => {
    const workload = deepFreeze(fixture(name));
    const book = deepFreeze(resolvePriceBook(loadSnapshot(), workload.region, { source: 'snapshot' }));
    const first = advise(workload, book, { toolVersion: 't' });
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-01-01T00:00:00Z'));
    const second = advise(workload, book, { toolVersion: 't' });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.input).toEqual(workload);
  });

  it('recommends an eligible option and ranks every option once', () => {
    const workload = fixture('gpu-inference');
    const advice = advise(workload, resolvePriceBook(loadSnapshot(), workload.region, { source: 'snapshot' }), { toolVersion: 't' });
    expect(advice.options.map((o) => o.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    const winner = advice.options.find((o) => o.id === advice.recommendation.option);
    expect(winner?.eligible).toBe(true);
    expect(advice.options.filter((o) => o.id.includes('fargate')).every((o) => !o.eligible)).toBe(true);
  });
});
