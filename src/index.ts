/**
 * The library face of `ecs-or-eks`: the pure core and what it needs, with no side effects on import
 * (nothing is read, printed or fetched until a function is called).
 *
 *     import { advise, loadWorkloadText, loadSnapshot, resolvePriceBook, renderReport } from 'ecs-or-eks';
 *     const loaded = loadWorkloadText(yamlText);
 *     if (loaded.ok) {
 *       const book = resolvePriceBook(loadSnapshot(), loaded.workload.region);
 *       console.log(renderReport(advise(loaded.workload, book, { toolVersion: 'lib' }), 'markdown'));
 *     }
 */
export { advise, type AdviseOptions } from './advise.js';
export { loadWorkload, loadWorkloadText, validateWorkload, type LoadResult, type Problem } from './schema/load.js';
export { WorkloadSchema, type Workload, type WorkloadInput, type ServiceSpec, type JobSpec, type DaemonSpec } from './schema/workload.js';
export { workloadJsonSchema } from './schema/json-schema.js';
export { OPTION_IDS, type OptionId, type OutputFormat, type PriceSourceKind } from './schema/enums.js';
export { OPTIONS, type OptionSpec } from './domain/options.js';
export { resolvePriceBook, type ResolveOptions } from './pricing/book.js';
export { loadSnapshot } from './cli/prices/snapshot.js';
export { renderReport, renderJson, renderMarkdown, renderTable, type ReportOptions } from './reports/index.js';
export type * from './domain/advice.js';
export type { PriceBook, PriceSnapshot, RegionPrices, SourcedPrice } from './domain/price-book.js';
