/**
 * The recurring operations effort of one option for the fleet the pricing model sized: each item of
 * the catalog (`operations-effort.ts`) counted per estate, per cluster or per node pool, plus the
 * items that grow with nodes. The rules weigh it against the team; the reports show it beside the bill.
 */
import { isEc2Sizing, type EffortLine, type OperationsEffort, type OptionSizing, type Range } from './advice.js';
import { OPERATIONS_EFFORT, effortSources, type EffortItem } from './operations-effort.js';
import { plural } from './text.js';
import type { OptionId } from '../schema/enums.js';
import type { Workload } from '../schema/workload.js';

/** What the effort items are counted per, read off the sized fleet. */
interface FleetCounts {
  clusters: number;
  nodePools: number;
  nodes: number;
}

function countsOf(w: Workload, sizing: OptionSizing): FleetCounts {
  if (!isEc2Sizing(sizing)) return { clusters: w.cost.clusters, nodePools: 0, nodes: 0 };
  return {
    clusters: w.cost.clusters,
    nodePools: sizing.pools.reduce((n, p) => n + p.copies, 0),
    // Nodes at peak: drains and host incidents happen on every node the fleet runs.
    nodes: sizing.peakNodeCount,
  };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const range = (low: number, high: number): Range => ({ low: round1(low), high: round1(high) });

function line(item: EffortItem, c: FleetCounts): EffortLine {
  const units = item.scalesWith === 'cluster' ? c.clusters : item.scalesWith === 'nodePool' ? c.nodePools : 1;
  const parts = [
    item.scalesWith === 'cluster'
      ? `× ${plural(c.clusters, 'cluster')}`
      : item.scalesWith === 'nodePool'
        ? `× ${plural(c.nodePools, 'node pool')}`
        : 'per estate',
  ];
  let [low, high] = [item.hoursPerMonth[0] * units, item.hoursPerMonth[1] * units];
  if (item.perCluster) {
    low += item.perCluster[0] * c.clusters;
    high += item.perCluster[1] * c.clusters;
    parts.push(`+ ${plural(c.clusters, 'cluster')}`);
  }
  if (item.per100Nodes && c.nodes > 0) {
    low += (item.per100Nodes[0] * c.nodes) / 100;
    high += (item.per100Nodes[1] * c.nodes) / 100;
    parts.push(`+ ${plural(c.nodes, 'node')}`);
  }
  return {
    item: item.what,
    counted: parts.join(', '),
    hoursPerMonth: range(low, high),
    confidence: item.confidence,
    sources: effortSources(item.sources),
  };
}

/** The recurring operations effort of one option, for the fleet the pricing model sized. */
export function operationsEffort(option: OptionId, w: Workload, sizing: OptionSizing): OperationsEffort {
  const counts = countsOf(w, sizing);
  const items = OPERATIONS_EFFORT[option].map((item) => line(item, counts));
  return {
    hoursPerMonth: range(
      items.reduce((n, i) => n + i.hoursPerMonth.low, 0),
      items.reduce((n, i) => n + i.hoursPerMonth.high, 0),
    ),
    items,
  };
}
