/**
 * Preloaded into the CLI by `npm run bench` (`node --import ./scripts/bench-rss.mjs bin/ecs-or-eks.js …`):
 * when the process exits it writes its peak resident set size (KiB) to the file named by
 * BENCH_RSS_FILE. The CLI itself is unchanged.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
