/**
 * The data behind the cost charts, shared by the Mermaid charts of the Markdown record and the SVG
 * charts of the HTML page: one series per eligible option (blocked options are never drawn: a line or
 * a bar would read as a price), a y-axis with round ticks, and the break-evens in words.
 */
import { isEc2Sizing, type Advice, type CurvePoint, type OptionAdvice } from '../domain/advice.js';
import type { OptionId } from '../schema/enums.js';

/** One colour per option, the same in every chart (Okabe–Ito: tells apart for colour-blind readers). */
export const OPTION_COLORS: Record<OptionId, { hex: string; name: string; dash: string }> = {
  'ecs-fargate': { hex: '#E69F00', name: 'orange', dash: '' },
  'ecs-ec2': { hex: '#0072B2', name: 'blue', dash: '8 4' },
  'eks-managed-nodes': { hex: '#009E73', name: 'green', dash: '2 3' },
  'eks-fargate': { hex: '#CC79A7', name: 'pink', dash: '12 3 2 3' },
  'ecs-managed-instances': { hex: '#D55E00', name: 'red', dash: '6 2 2 2' },
  'eks-auto-mode': { hex: '#56B4E9', name: 'light blue', dash: '1 2' },
};

export interface CostSeries {
  option: OptionAdvice;
  color: (typeof OPTION_COLORS)[OptionId];
  /** The cost curve, utilisation 10–100 %. */
  points: CurvePoint[];
  /** The bill at the workload's own utilisation (the bills and the bars). */
  atChosen: number;
  recommended: boolean;
  /** The cost does not depend on utilisation (Fargate bills each task's requested size). */
  flat: boolean;
}

export interface CostChartModel {
  /** `input.cost.utilization`: the bills are priced here. */
  utilization: number;
  series: CostSeries[];
  yMax: number;
  yTicks: number[];
  /** The axis of the bars: the bills at the workload's utilisation only. */
  barMax: number;
  barTicks: number[];
  /** One sentence per EC2-backed eligible option on where it crosses its Fargate counterpart. */
  breakEvens: string[];
}

export function costChartModel(advice: Advice): CostChartModel {
  const series = advice.options
    .filter((o) => o.eligible)
    .map((o): CostSeries => ({
      option: o,
      color: OPTION_COLORS[o.id],
      points: o.costCurve,
      atChosen: o.monthlyCost.total,
      recommended: o.id === advice.recommendation.option,
      flat: o.costCurve.every((p) => p.monthly === o.costCurve[0]?.monthly),
    }));
  const highest = Math.max(0, ...series.flatMap((s) => [...s.points.map((p) => p.monthly), s.atChosen]));
  const curveAxis = niceAxis(highest);
  const barAxis = niceAxis(Math.max(0, ...series.map((s) => s.atChosen)));
  return {
    utilization: advice.input.cost.utilization,
    series,
    yMax: curveAxis.max,
    yTicks: curveAxis.ticks,
    barMax: barAxis.max,
    barTicks: barAxis.ticks,
    breakEvens: breakEvens(advice),
  };
}

/** Round ticks from 0: a step of 1, 2, 2.5 or 5 × 10ⁿ, about five of them, the top one above every value. */
export function niceAxis(highest: number): { max: number; ticks: number[] } {
  if (highest <= 0) return { max: 1, ticks: [0, 1] };
  const rough = highest / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const count = Math.ceil(highest / step);
  const ticks = Array.from({ length: count + 1 }, (_, i) => Math.round(i * step * 100) / 100);
  return { max: ticks[ticks.length - 1]!, ticks };
}

function breakEvens(advice: Advice): string[] {
  const out: string[] = [];
  for (const o of advice.options) {
    const sizing = o.sizing;
    if (!o.eligible || !isEc2Sizing(sizing)) continue;
    const against = advice.options.find((c) => c.id === sizing.breakEven.against);
    if (!against) continue;
    const blocked = against.eligible ? '' : ` (${against.name} cannot run this workload: a comparison only)`;
    const last = o.costCurve[o.costCurve.length - 1]?.monthly ?? o.monthlyCost.total;
    if (o.breakEvenUtilization !== null)
      out.push(`${o.name} costs the same as ${against.name} at about ${o.breakEvenUtilization} % utilisation and less above it${blocked}.`);
    // Without a crossing, a blocked counterpart says nothing a reader can act on.
    else if (!against.eligible) continue;
    else if (last > against.monthlyCost.total) out.push(`${o.name} costs more than ${against.name} even at 100 % utilisation.`);
    else out.push(`${o.name} costs less than ${against.name} at any utilisation.`);
  }
  return out;
}
