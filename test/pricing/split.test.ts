/**
 * Node groups per shape: a pool whose services have very different memory per vCPU is divided into
 * node groups of one instance type each (compute-optimised beside memory-optimised), when that is
 * cheaper than one group; a pool of one shape, or one type to choose from, stays one group.
 */
import { describe, expect, test } from 'vitest';
import { tasksOf } from '../../src/domain/tasks.js';
import { priceOptions, resolvePriceBook } from '../../src/pricing/index.js';
import type { TestWorkloadInput } from './helpers.js';
import { ec2Sizing, snapshot, workload } from './helpers.js';

const EC2_OPTIONS = ['ecs-ec2', 'eks-managed-nodes', 'ecs-managed-instances', 'eks-auto-mode'] as const;

function price(input: TestWorkloadInput) {
  const w = workload(input);
  return priceOptions(w, resolvePriceBook(snapshot(), 'us-east-1'), tasksOf(w));
}

const twoShapes: TestWorkloadInput = {
  services: [
    { name: 'cache', cpu: 4, memory: 30, replicas: 77 },
    { name: 'api', cpu: 2, memory: 2, replicas: 150 },
  ],
  cost: { utilization: 100 },
};

describe('dividing a pool into node groups', () => {
  test.each(EC2_OPTIONS)('%s: CPU-heavy and memory-heavy services get a group each, on fitting families', (id) => {
    const pools = ec2Sizing(price(twoShapes)[id]).pools;
    expect(pools.map((p) => p.pool)).toEqual(['linux/x86_64', 'linux/x86_64 (2)']);
    const families = pools.map((p) => p.instanceType.replace(/\d.*$/, ''));
    expect(families[0]).toMatch(/^[cm]$/); // the 1 GiB-per-vCPU services
    expect(families[1]).toBe('r'); // the 7.5 GiB-per-vCPU services
    // Every group spreads over the zones on its own.
    for (const p of pools) expect(p.nodes).toBeGreaterThanOrEqual(3);
  });

  test('one shape stays one group', () => {
    const pricing = price({
      services: [
        { name: 'api', cpu: 2, memory: 4, replicas: 150 },
        { name: 'web', cpu: 1, memory: 2, replicas: 90 },
      ],
    });
    for (const id of EC2_OPTIONS)
      expect(
        ec2Sizing(pricing[id]).pools.map((p) => p.pool),
        id,
      ).toEqual(['linux/x86_64']);
  });

  test('with one instance type allowed there is nothing to divide', () => {
    const pricing = price({ ...twoShapes, cost: { utilization: 100, ec2: { instanceTypes: ['m5.4xlarge'] } } });
    expect(ec2Sizing(pricing['ecs-ec2']).pools.map((p) => [p.pool, p.instanceType])).toEqual([['linux/x86_64', 'm5.4xlarge']]);
  });

  test('a division is never dearer than the one group it replaces', () => {
    // With every type allowed the planner may divide; on the one type it cannot. Same tasks, so
    // the divided fleet (over more types) can only cost less or the same.
    const divided = price(twoShapes);
    const single = price({
      ...twoShapes,
      cost: { utilization: 100, ec2: { instanceTypes: [ec2Sizing(divided['ecs-ec2']).pools[1]!.instanceType] } },
    });
    expect(divided['ecs-ec2'].monthlyCost.total).toBeLessThan(single['ecs-ec2'].monthlyCost.total);
  });
});
