/**
 * The pricing model's public surface (docs/pricing-model.md): resolve a region's prices from the
 * bundled snapshot plus cached or live prices, then price every option for a workload.
 */
export { resolvePriceBook } from './book.js';
export { priceOptions } from './options.js';
export { createPricingMemo } from './memo.js';
export { packNodes, lowerBoundNodes, type NodeCapacity, type TaskGroup } from './packing.js';
