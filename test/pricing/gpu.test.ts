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
      const types = ec2Sizing(priced[id]).nodeTypes;
      expect(types.length).toBeGreaterThan(0);
      for (const t of types) expect(t).toMatch(/^(g[4-7][a-z]*|p\d[a-z-]*\d*|gr6)[a-z0-9-]*\./);
      for (const t of types) expect(t).not.toMatch(/^g4ad\./);
    }
  });
});
