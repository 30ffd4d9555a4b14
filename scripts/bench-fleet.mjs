/**
 * Generated fleets for `npm run bench`: deterministic (a fixed seed), shaped like a platform team's
 * estate — services of 20 task shapes (0.25–4 vCPU, 1–8 GiB per vCPU up to 30 GiB; mean 50 replicas; 30 %
 * on Arm; 20 % with a daily peak), a batch job per 40 services and one daemon on every node.
 */

/** Deterministic pseudo-random numbers (mulberry32), so every run advises the same fleet. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CPUS = [0.25, 0.5, 1, 2, 4];
const RATIOS = [1, 2, 4, 8];

/**
 * The raw workload document (what a user would write) for a fleet of `services` services with about
 * `meanReplicas` tasks each; `peaks: false` and `jobs: false` leave only the always-on services.
 */
export function fleetDocument(services, { seed = 42, meanReplicas = 50, utilization = 70, peaks = true, jobs: withJobs = true } = {}) {
  const r = rng(seed + services);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const out = [];
  for (let i = 0; i < services; i++) {
    const cpu = pick(CPUS);
    const memory = Math.max(0.5, Math.min(cpu * pick(RATIOS), 30));
    const replicas = 1 + Math.floor(r() * (2 * meanReplicas - 1));
    const s = { name: `svc-${i}`, cpu, memory, replicas };
    if (r() < 0.3) s.arch = 'arm64';
    if (r() < 0.2 && peaks) {
      s.peakReplicas = replicas * 2;
      s.peakHoursPerDay = pick([2, 4, 8]);
    }
    out.push(s);
  }
  const jobs = [];
  for (let i = 0; withJobs && i < Math.floor(services / 40); i++) {
    jobs.push({
      name: `job-${i}`,
      cpu: pick([1, 2, 4]),
      memory: pick([2, 4, 8]),
      parallelism: 1 + Math.floor(r() * 20),
      runsPerDay: pick([1, 4, 24]),
      minutesPerRun: pick([5, 15, 60]),
    });
  }
  return {
    version: 1,
    name: `fleet-${services}`,
    region: 'us-east-1',
    services: out,
    jobs,
    daemons: [{ name: 'log-agent', cpu: 0.1, memory: 0.25 }],
    team: { engineers: 40, platformEngineers: 4, kubernetes: 'some' },
    cost: { utilization },
  };
}
