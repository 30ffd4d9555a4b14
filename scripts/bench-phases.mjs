/**
 * One cold process of `npm run bench` for one workload file: the CLI's path in-process (read and
 * validate the file, the price book from the snapshot, `advise`, the JSON report), each phase timed,
 * with the peak RSS so far after it. With `--split`, `advise` runs under the CPU profiler and the
 * samples are split into pricing, rules and what-if by the functions on the stack. Prints JSON.
 */
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { advise } from '../dist/advise.js';
import { loadSnapshot } from '../dist/cli/prices/snapshot.js';
import { resolvePriceBook } from '../dist/pricing/index.js';
import { renderReport } from '../dist/reports/index.js';
import { loadWorkload } from '../dist/schema/load.js';

const [file, mode] = process.argv.slice(2);
const split = mode === '--split';
const phases = [];
let last = performance.now();
const mark = (phase) => {
  const now = performance.now();
  phases.push({
    phase,
    ms: now - last,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    heapMiB: process.memoryUsage().heapUsed / 2 ** 20,
  });
  last = now;
};

const loaded = loadWorkload(readFileSync(file));
if (!loaded.ok) throw new Error(`${file}: ${loaded.problems[0]?.message}`);
mark('load');
const book = resolvePriceBook(loadSnapshot(), loaded.workload.region, { source: 'snapshot' });
mark('book');

let session;
if (split) {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  last = performance.now();
}
const advice = advise(loaded.workload, book, { toolVersion: 'bench' });
mark('advise');
if (split) {
  const { profile } = await session.post('Profiler.stop');
  console.log(JSON.stringify({ split: splitProfile(profile) }));
  process.exit(0);
}
const report = renderReport(advice, 'json');
mark('render');
console.log(
  JSON.stringify({ phases, reportBytes: report.length, recommendation: advice.recommendation.option, whatIf: advice.whatIf.length }),
);

/** Sampled time under `advise`, by phase: what-if (the search), price (pricing and its lazily read parts), rules (the rest). */
function splitProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const PRICE = new Set(['priceOptions', 'get costCurve', 'get sizing', 'get breakEvenUtilization']);
  const out = { price: 0, rules: 0, 'what-if': 0 };
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const names = [];
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) names.push(byId.get(cur).callFrame.functionName);
    if (!names.includes('advise')) return;
    if (names.includes('findWhatIfs')) out['what-if'] += dt;
    else if (names.some((n) => PRICE.has(n))) out.price += dt;
    else out.rules += dt;
  });
  return out;
}
