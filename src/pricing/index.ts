/**
 * The pricing model's public surface (docs/pricing-model.md): resolve a region's prices from the
 * bundled snapshot plus cached or live prices, then price every option for a workload.
 */
export { resolvePriceBook, ec2RegionFactor, refreshFix, REFERENCE_REGION, type ResolveOptions } from './book.js';
export { priceOptions, CURVE_UTILIZATIONS } from './options.js';
export { packNodes, fitCount, lowerBoundNodes, demandOf, type NodeCapacity, type TaskGroup, type PackResult, type NodeBatch, type PackingDimension } from './packing.js';
export { priceFargate, FARGATE_FREE_STORAGE_GIB } from './fargate-model.js';
export { Ec2Model, ECS_RESERVED_MEMORY_MIB, ECS_OS_MEMORY_SHARE, AUTO_MODE_MAX_PODS, EC2_MINIMUM_SECONDS } from './ec2-model.js';
export { cents, roundTo, lineItem, monthlyCost } from './money.js';
