#!/usr/bin/env node
/**
 * `npm run bench`: prices a generated fleet of 2,000 services (~100,000 tasks) with the built
 * pricing model and prints the time and the EC2 node cost against the lower bound (total demand /
 * node capacity, on the instance type the model chose). Targets: < 2 s, within 5 % of the bound.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { priceOptions, resolvePriceBook, packNodes, lowerBoundNodes } from '../dist/pricing/index.js';
import { resolveWorkload, WorkloadSchema } from '../dist/schema/workload.js';

const snapshot = JSON.parse(readFileSync(fileURLToPath(new URL('../data/price-snapshot.json', import.meta.url)), 'utf8'));

/** Deterministic pseudo-random numbers (mulberry32), so every run prices the same fleet. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fleet(services, utilization) {
  const r = rng(42);
  const cpus = [0.25, 0.5, 1, 2, 4];
  const ratios = [1, 2, 4, 8];
  const out = [];
  for (let i = 0; i < services; i++) {
    const cpu = cpus[Math.floor(r() * cpus.length)];
    const memory = Math.min(cpu * ratios[Math.floor(r() * ratios.length)], 30);
    const replicas = 1 + Math.floor(r() * 99); // mean 50 → ~100,000 tasks
    out.push({ name: `svc-${i}`, cpu, memory: Math.max(memory, 0.5), replicas, arch: r() < 0.3 ? 'arm64' : 'x86_64' });
  }
  return resolveWorkload(WorkloadSchema.parse({ version: 1, name: 'bench', services: out, cost: { utilization } }));
}

function bench(utilization) {
  const w = fleet(2000, utilization);
  const tasks = w.services.reduce((n, s) => n + s.replicas, 0);
  const book = resolvePriceBook(snapshot, 'us-east-1');
  const t0 = performance.now();
  const priced = priceOptions(w, book);
  const ms = performance.now() - t0;
  console.log(`utilization ${utilization}%: ${w.services.length} services, ${tasks} tasks, priced 6 options in ${ms.toFixed(0)} ms`);
  for (const id of ['ecs-ec2', 'eks-managed-nodes', 'ecs-managed-instances', 'eks-auto-mode']) {
    const o = priced[id];
    let nodes = 0;
    let bound = 0;
    let nodeCost = 0;
    let boundCost = 0;
    for (const pool of o.sizing.pools) {
      const shape = snapshot.instances.find((i) => i.instanceType === pool.instanceType);
      const price = book.prices.ec2.onDemandHour[pool.instanceType].usd;
      const cap = {
        cpuMillicores: Math.round(pool.capacityPerNode.cpu * 1000),
        memoryMiB: Math.round(pool.capacityPerNode.memoryGiB * 1024),
        gpus: pool.capacityPerNode.gpus,
        slots: pool.capacityPerNode.pods ?? pool.capacityPerNode.ENIs ?? Infinity,
      };
      const arch = pool.pool.includes('arm64') ? 'arm64' : 'x86_64';
      const groups = w.services
        .filter((s) => s.arch === arch)
        .map((s) => ({ count: s.replicas, cpuMillicores: Math.round(s.cpu * 1000), memoryMiB: Math.round(s.memory * 1024), gpus: 0 }));
      // The bound: total demand / per-node capacity (on the tightest resource), sized for utilisation.
      const demand = groups.reduce((d, g) => [d[0] + g.count * g.cpuMillicores, d[1] + g.count * g.memoryMiB, d[2] + g.count], [0, 0, 0]);
      const lb = Math.max(
        lowerBoundNodes(groups, cap),
        Math.ceil(Math.max(demand[0] / cap.cpuMillicores, demand[1] / cap.memoryMiB) / (utilization / 100) - 1e-9),
      );
      void shape;
      void packNodes;
      nodes += pool.nodes;
      bound += lb;
      nodeCost += pool.nodes * price * w.cost.hoursPerMonth;
      boundCost += lb * price * w.cost.hoursPerMonth;
    }
    const gap = ((nodeCost / boundCost - 1) * 100).toFixed(2);
    console.log(
      `  ${id.padEnd(22)} ${o.sizing.nodeTypes.join('+').padEnd(26)} nodes ${String(nodes).padStart(5)} vs bound ${String(bound).padStart(5)}  node cost $${nodeCost.toFixed(2)} vs $${boundCost.toFixed(2)} (+${gap}%)  total $${o.monthlyCost.total}`,
    );
  }
  return ms;
}

const times = [bench(100), bench(70)];
const worst = Math.max(...times);
console.log(`worst time ${worst.toFixed(0)} ms (target < 2000 ms)`);
