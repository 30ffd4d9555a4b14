/**
 * The view layer every renderer shares: the sentences and summaries a report shows for an option,
 * an estimate, the workload's scale. Pure functions from the advice model to plain strings.
 */
import { isEc2Sizing, type Advice, type OptionAdvice, type PriceEstimate, type TaskSize } from '../domain/advice.js';
import { OPTION_IDS } from '../schema/enums.js';
import { percent, quantity } from './format.js';

/** One line on what the option runs on: billed Fargate sizes, or nodes and instance types. */
export function describeSizing(o: OptionAdvice): string {
  const s = o.sizing;
  if (isEc2Sizing(s)) {
    const peak = s.peakNodeCount > s.nodeCount ? ` (${s.peakNodeCount} at peak)` : '';
    const pools = s.pools.map(
      (p) =>
        `${p.instanceType} ×${p.nodes}${p.tasksPerNode ? ` (avg ${p.tasksPerNode} task${p.tasksPerNode === 1 ? '' : 's'}/node, bound by ${p.bindingLimit})` : ''}`,
    );
    return `${s.nodeCount} node${s.nodeCount === 1 ? '' : 's'}${peak}: ${pools.length > 0 ? pools.join(', ') : s.nodeTypes.join(', ')}`;
  }
  const resized = s.tasks.filter((t) => t.billed && (t.billed.cpu !== t.requested.cpu || t.billed.memoryGiB !== t.requested.memoryGiB));
  const shown = resized.slice(0, 3).map((t) => `${t.name} ${fmtSize(t.requested)} → billed ${fmtSize(t.billed)}`);
  if (resized.length > 3) shown.push(`${resized.length - 3} more`);
  return resized.length === 0 ? 'every task billed at its requested size' : `rounded up to valid Fargate sizes: ${shown.join('; ')}`;
}

/** What the break-even column means, for the note under every options matrix. */
export const BREAK_EVEN_NOTE =
  'break-even: the EC2 utilisation from which an EC2-backed option costs no more than its Fargate counterpart (never: not even fully used; always: even nearly idle)';

/**
 * The break-even cell: the utilisation at which an EC2-backed option costs what its Fargate
 * counterpart costs; "never" when it costs more even fully used, "always" when it costs less even
 * nearly idle; "—" for the Fargate options themselves and where the counterpart is blocked.
 */
export function breakEvenLabel(o: OptionAdvice, advice: Advice): string {
  if (o.breakEvenUtilization !== null) return percent(o.breakEvenUtilization);
  if (!isEc2Sizing(o.sizing)) return '—';
  const { against } = o.sizing.breakEven;
  const fargate = advice.options.find((x) => x.id === against);
  const fullyUsed = o.costCurve.find((p) => p.utilization === 100)?.monthly;
  // Against a counterpart that cannot run the workload, a break-even means nothing.
  if (!fargate?.eligible || fullyUsed === undefined) return '—';
  return fullyUsed <= fargate.monthlyCost.total ? 'always' : 'never';
}

function fmtSize(size: TaskSize | null): string {
  return size ? `${quantity(size.cpu)} vCPU/${quantity(size.memoryGiB)} GiB` : '?';
}

/** "2 services (5–14 tasks), 1 job, 1 daemon" */
export function describeScale(advice: Advice): string {
  const w = advice.input;
  const steady = w.services.reduce((n, s) => n + s.replicas, 0);
  const peak = w.services.reduce((n, s) => n + s.peakReplicas, 0);
  const parts = [
    `${w.services.length} service${w.services.length === 1 ? '' : 's'} (${steady}${peak > steady ? `–${peak}` : ''} task${peak === 1 ? '' : 's'})`,
  ];
  if (w.jobs.length > 0) parts.push(`${w.jobs.length} job${w.jobs.length === 1 ? '' : 's'}`);
  if (w.daemons.length > 0) parts.push(`${w.daemons.length} daemon${w.daemons.length === 1 ? '' : 's'}`);
  return parts.join(', ');
}

export const NO_WHAT_IF =
  'Nothing small: no single change to platform engineers, team size, utilisation, scale (×2, ×10), compliance, portability or Spot tolerance changes the recommendation.';

/** `all options` instead of listing all six. */
export function optionList(options: readonly string[]): string {
  return options.length === OPTION_IDS.length ? 'all options' : options.join(', ');
}

/** "item: reason. Exact price: fix" with the punctuation the parts may lack. */
export function describeEstimate(e: PriceEstimate): string {
  const reason = /[.!?]$/.test(e.reason.trim()) ? e.reason.trim() : `${e.reason.trim()}.`;
  return `${e.item}: ${reason} For the exact price: ${e.fix.replace(/^./, (ch) => ch.toLowerCase())}`;
}
