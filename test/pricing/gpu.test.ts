import { describe, expect, test } from 'vitest';
import { priceOptions, resolvePriceBook } from '../../src/pricing/index.js';
import { ec2Sizing, snapshot, workload } from './helpers.js';

describe('GPU tasks', () => {
  test.each([
    [1, 4, 4],
    [3, 12, 1],
    [8, 64, 2],
  ])('%d vCPU / %d GiB with %d GPU(s) land only on NVIDIA GPU types, never on the Radeon g4ad', (cpu, memory, gpus) => {
    const w = workload({ services: [{ name: 'infer', cpu, memory, gpus, replicas: 2 }] });
    const priced = priceOptions(w, resolvePriceBook(snapshot(), 'us-east-1'));
    for (const id of ['ecs-ec2', 'eks-managed-nodes', 'ecs-managed-instances', 'eks-auto-mode'] as const) {
      // EKS managed node groups also run a small general-purpose node for CoreDNS; the GPU pool is what counts here.
      const types = ec2Sizing(priced[id])
        .pools.filter((p) => p.pool.endsWith('/gpu'))
        .map((p) => p.instanceType);
      expect(types.length).toBeGreaterThan(0);
      for (const t of types) expect(t).toMatch(/^(g[4-7][a-z]*|p\d[a-z-]*\d*|gr6)[a-z0-9-]*\./);
      for (const t of types) expect(t).not.toMatch(/^g4ad\./);
    }
  });
});
