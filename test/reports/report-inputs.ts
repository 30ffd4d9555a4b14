/**
 * The advice the report tests render: each fixture, a fixture with an engineer rate and a current
 * platform (people in dollars, total cost of ownership, migration), and a large generated fleet.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { advise } from '../../src/advise.js';
import { loadSnapshot } from '../../src/cli/prices/snapshot.js';
import type { Advice } from '../../src/domain/advice.js';
import { resolvePriceBook } from '../../src/pricing/index.js';
import { validateWorkload } from '../../src/schema/load.js';

export { FIXTURES } from '../helpers.js';

const snapshot = loadSnapshot();

export function adviceOf(raw: unknown): Advice {
  const result = validateWorkload(raw);
  if (!result.ok) throw new Error(`workload does not validate: ${JSON.stringify(result.problems.slice(0, 3))}`);
  const book = resolvePriceBook(snapshot, result.workload.region, { source: 'snapshot' });
  return advise(result.workload, book, { toolVersion: '0.0.0-golden' });
}

export function fixtureWorkload(name: string): Record<string, unknown> {
  return parse(readFileSync(`fixtures/${name}.yaml`, 'utf8')) as Record<string, unknown>;
}

export function adviceFor(name: string): Advice {
  return adviceOf(fixtureWorkload(name));
}

/** regulated-fintech with a fully loaded engineer rate and ECS on EC2 as the platform it runs on today. */
export function adviceWithPeopleCost(): Advice {
  const w = fixtureWorkload('regulated-fintech');
  const team = w.team as Record<string, unknown>;
  return adviceOf({ ...w, team: { ...team, engineerCostPerYear: 190_000 }, current: { platform: 'ecs-ec2' } });
}

/**
 * A fleet big enough that the full Markdown record passes GitHub's comment limit: 300 services of
 * varied shapes (arm64, Windows, GPU) over 20 clusters, with jobs and a host daemon.
 */
export function largeFleetAdvice(): Advice {
  const services = Array.from({ length: 300 }, (_, i) => {
    const windows = i % 97 === 1;
    return {
      name: `service-with-a-rather-long-name-${String(i).padStart(5, '0')}`,
      cpu: [0.25, 0.5, 1, 2, 4, 8][i % 6],
      memory: [0.5, 1, 2, 4, 8, 16][i % 6]! * (1 + (i % 3)),
      replicas: 1 + (i % 7),
      peakReplicas: 2 + (i % 7) * 2,
      peakHoursPerDay: 4,
      arch: i % 4 === 0 && !windows ? 'arm64' : 'x86_64',
      os: windows ? 'windows' : 'linux',
      gpus: i % 50 === 0 && !windows ? 1 : 0,
    };
  });
  const jobs = Array.from({ length: 200 }, (_, i) => ({
    name: `job-${i}`,
    cpu: 1,
    memory: 2,
    runsPerDay: 1 + (i % 24),
    minutesPerRun: 5 + (i % 50),
  }));
  return adviceOf({
    version: 1,
    name: 'large-fleet',
    services,
    jobs,
    daemons: [{ name: 'agent', cpu: 0.1, memory: 0.25, hostAccess: true }],
    cost: { clusters: 20, utilization: 55 },
  });
}
