/**
 * Mermaid charts for the Markdown record (GitHub draws ```mermaid blocks): the monthly bill against
 * utilisation, one line per eligible option, and the bill at the workload's utilisation as bars.
 * Only syntax every `xychart-beta` release reads: no per-line titles, colours set by the palette and
 * named in the text beside the chart. No user text goes inside a chart.
 */
import type { CostChartModel } from './charts.js';

const UTILISATIONS = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100] as const;

const number = (x: number): string => String(Math.round(x * 100) / 100);

function palette(model: CostChartModel): string {
  const colors = model.series.map((s) => s.color.hex).join(', ');
  return `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${colors}"}}}}%%`;
}

/** The monthly bill at 10–100 % utilisation; null when no option is eligible. */
export function mermaidCostCurve(model: CostChartModel): string | null {
  if (model.series.length === 0) return null;
  const lines = model.series.map((s) => {
    const byUtilisation = new Map(s.points.map((p) => [p.utilization, p.monthly]));
    return `  line [${UTILISATIONS.map((u) => number(byUtilisation.get(u) ?? s.atChosen)).join(', ')}]`;
  });
  return [
    '```mermaid',
    palette(model),
    'xychart-beta',
    '  title "Monthly AWS bill against utilisation"',
    `  x-axis "Utilisation of EC2 capacity, % (this workload: ${number(model.utilization)})" [${UTILISATIONS.join(', ')}]`,
    `  y-axis "USD per month" 0 --> ${number(model.yMax)}`,
    ...lines,
    '```',
  ].join('\n');
}

/** The bill of each eligible option at the workload's utilisation, as horizontal bars. */
export function mermaidMonthlyBars(model: CostChartModel): string | null {
  if (model.series.length === 0) return null;
  // Ranked as in the options matrix, the recommendation first.
  const bars = model.series;
  return [
    '```mermaid',
    `%%{init: {"xyChart": {"showDataLabel": true}, "themeVariables": {"xyChart": {"plotColorPalette": "#0072B2"}}}}%%`,
    'xychart-beta horizontal',
    `  title "Monthly AWS bill at ${number(model.utilization)} % utilisation"`,
    `  x-axis [${bars.map((s) => `"${s.option.name}"`).join(', ')}]`,
    `  y-axis "USD per month" 0 --> ${number(model.barMax)}`,
    `  bar [${bars.map((s) => number(s.atChosen)).join(', ')}]`,
    '```',
  ].join('\n');
}
