// Regenerates schema/workload.schema.json from the zod schema (run after `npm run build`).
// schema/advice.schema.json is written by hand and checked against real output by the tests.
import { writeFileSync } from 'node:fs';
import { workloadJsonSchema } from '../dist/schema/json-schema.js';

writeFileSync(new URL('../schema/workload.schema.json', import.meta.url), `${JSON.stringify(workloadJsonSchema(), null, 2)}\n`);
console.log('wrote schema/workload.schema.json');
