/**
 * Inline SVG charts for the HTML page, drawn from the same chart model as the Mermaid charts: the
 * monthly bill against utilisation (one line per eligible option, the workload's utilisation marked,
 * break-evens as diamonds) and the bill at that utilisation as horizontal bars. Plain SVG 1.1 with
 * axes, labels and a legend: no script, no font or image fetched, readable in print and in greyscale
 * (each option also has its own dash pattern). And for a comparison, each option's bill before and after.
 */
import { money } from '../domain/text.js';
import { formatNumber } from '../schema/numbers.js';
import type { CostChartModel, CostSeries } from './charts.js';
import { htmlText } from './escape.js';

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';
const WIDTH = 880;

/** Two decimals at most: stable output, small files. */
const n = (x: number): string => String(Math.round(x * 100) / 100);

/** "$12,000": axis labels need no cents. */
const axisMoney = (x: number): string => `$${formatNumber(Math.round(x))}`;

export function svgCostCurve(model: CostChartModel, id = 'cost-curve'): string | null {
  if (model.series.length === 0) return null;
  const margin = { left: 78, right: 24, top: 34, bottom: 54 };
  const plotHeight = 300;
  const legendRows = Math.ceil((model.series.length + 1) / 2);
  const height = margin.top + plotHeight + margin.bottom + legendRows * 22 + 24;
  const plotWidth = WIDTH - margin.left - margin.right;
  const xMin = xStart(model);
  const x = (u: number): number => margin.left + ((u - xMin) / (100 - xMin)) * plotWidth;
  const y = (v: number): number => margin.top + plotHeight - (v / model.yMax) * plotHeight;
  const bottom = margin.top + plotHeight;

  const grid = model.yTicks.map(
    (t) =>
      `<line x1="${n(margin.left)}" y1="${n(y(t))}" x2="${n(WIDTH - margin.right)}" y2="${n(y(t))}" stroke="#d0d7de" stroke-width="1"/>` +
      `<text x="${n(margin.left - 8)}" y="${n(y(t) + 4)}" text-anchor="end" font-size="12" fill="#1f2328">${axisMoney(t)}</text>`,
  );
  const xTicks = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map(
    (u) =>
      `<line x1="${n(x(u))}" y1="${n(bottom)}" x2="${n(x(u))}" y2="${n(bottom + 5)}" stroke="#1f2328"/>` +
      `<text x="${n(x(u))}" y="${n(bottom + 19)}" text-anchor="middle" font-size="12" fill="#1f2328">${u} %</text>`,
  );
  const u0 = model.utilization;
  const chosen =
    `<line class="chosen-utilisation" x1="${n(x(u0))}" y1="${n(margin.top - 6)}" x2="${n(x(u0))}" y2="${n(bottom)}" stroke="#1f2328" stroke-width="1.5" stroke-dasharray="5 4"/>` +
    `<text x="${n(x(u0))}" y="${n(margin.top - 12)}" text-anchor="${u0 > 80 ? 'end' : u0 < 20 ? 'start' : 'middle'}" font-size="12" font-weight="600" fill="#1f2328">this workload: ${n(model.utilization)} %</text>`;
  const lines = model.series.map((s) => seriesPath(s, model, x, y));
  const legend = curveLegend(model.series, margin.left, bottom + 62);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${id}" viewBox="0 0 ${WIDTH} ${n(height)}" width="${WIDTH}" height="${n(height)}" role="img" aria-labelledby="${id}-title ${id}-desc" ${FONT}>`,
    `<title id="${id}-title">Monthly AWS bill against utilisation</title>`,
    `<desc id="${id}-desc">${htmlText(describeCurve(model))}</desc>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${n(height)}" fill="#ffffff"/>`,
    ...grid,
    `<line x1="${n(margin.left)}" y1="${n(bottom)}" x2="${n(WIDTH - margin.right)}" y2="${n(bottom)}" stroke="#1f2328" stroke-width="1.5"/>`,
    `<line x1="${n(margin.left)}" y1="${n(margin.top)}" x2="${n(margin.left)}" y2="${n(bottom)}" stroke="#1f2328" stroke-width="1.5"/>`,
    ...xTicks,
    `<text x="${n(margin.left + plotWidth / 2)}" y="${n(bottom + 36)}" text-anchor="middle" font-size="12" fill="#1f2328">utilisation of EC2 capacity</text>`,
    `<text x="16" y="${n(margin.top + plotHeight / 2)}" text-anchor="middle" font-size="12" fill="#1f2328" transform="rotate(-90 16 ${n(margin.top + plotHeight / 2)})">USD per month</text>`,
    ...lines,
    chosen,
    legend,
    '</svg>',
  ].join('\n');
}

function seriesPath(s: CostSeries, model: CostChartModel, x: (u: number) => number, y: (v: number) => number): string {
  // The workload's own point joins the curve, so the line passes through the bill the report shows.
  const points = [
    ...s.points.filter((p) => p.utilization !== model.utilization),
    { utilization: model.utilization, monthly: s.atChosen },
  ].sort((a, b) => a.utilization - b.utilization);
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(x(p.utilization))} ${n(y(p.monthly))}`).join(' ');
  const dash = s.color.dash ? ` stroke-dasharray="${s.color.dash}"` : '';
  const width = s.recommended ? 4 : 2.5;
  const marks = [
    `<circle cx="${n(x(model.utilization))}" cy="${n(y(s.atChosen))}" r="4.5" fill="${s.color.hex}" stroke="#ffffff" stroke-width="1.5"><title>${htmlText(`${s.option.name}: ${money(s.atChosen)} a month at ${n(model.utilization)} %`)}</title></circle>`,
  ];
  const be = s.option.breakEvenUtilization;
  if (be !== null && be >= xStart(model)) {
    const at = interpolate(points, be);
    const cx = x(be);
    const cy = y(at);
    marks.push(
      `<path class="break-even" d="M${n(cx)} ${n(cy - 6)} L${n(cx + 6)} ${n(cy)} L${n(cx)} ${n(cy + 6)} L${n(cx - 6)} ${n(cy)} Z" fill="#ffffff" stroke="${s.color.hex}" stroke-width="2"><title>${htmlText(`${s.option.name}: break-even at about ${be} %`)}</title></path>`,
    );
  }
  return [
    `<g class="series" data-option="${s.option.id}">`,
    `<path d="${d}" fill="none" stroke="${s.color.hex}" stroke-width="${width}" stroke-linejoin="round" stroke-linecap="round"${dash}/>`,
    ...marks,
    '</g>',
  ].join('\n');
}

/** The axis starts at 10 %, or lower when the workload's own utilisation is below it. */
function xStart(model: CostChartModel): number {
  return Math.min(10, model.utilization);
}

function interpolate(points: ReadonlyArray<{ utilization: number; monthly: number }>, u: number): number {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (u >= a.utilization && u <= b.utilization) {
      const t = b.utilization === a.utilization ? 0 : (u - a.utilization) / (b.utilization - a.utilization);
      return a.monthly + t * (b.monthly - a.monthly);
    }
  }
  return points[points.length - 1]?.monthly ?? 0;
}

/** Two columns: a line sample in the option's colour and dash, its name; then the break-even mark. */
function curveLegend(series: readonly CostSeries[], left: number, top: number): string {
  const column = 390;
  const entries = series.map((s, i) => {
    const ex = left + (i % 2) * column;
    const ey = top + Math.floor(i / 2) * 22;
    const dash = s.color.dash ? ` stroke-dasharray="${s.color.dash}"` : '';
    return (
      `<line x1="${n(ex)}" y1="${n(ey)}" x2="${n(ex + 34)}" y2="${n(ey)}" stroke="${s.color.hex}" stroke-width="${s.recommended ? 4 : 2.5}"${dash}/>` +
      `<text x="${n(ex + 42)}" y="${n(ey + 4)}" font-size="12" fill="#1f2328"${s.recommended ? ' font-weight="600"' : ''}>${htmlText(`${s.option.name}${s.recommended ? ' (recommended)' : ''}`)}</text>`
    );
  });
  const i = series.length;
  const ex = left + (i % 2) * column;
  const ey = top + Math.floor(i / 2) * 22;
  entries.push(
    `<path d="M${n(ex + 17)} ${n(ey - 6)} L${n(ex + 23)} ${n(ey)} L${n(ex + 17)} ${n(ey + 6)} L${n(ex + 11)} ${n(ey)} Z" fill="#ffffff" stroke="#1f2328" stroke-width="2"/>` +
      `<text x="${n(ex + 42)}" y="${n(ey + 4)}" font-size="12" fill="#1f2328">break-even against its Fargate counterpart</text>`,
  );
  return `<g class="legend">${entries.join('')}</g>`;
}

function describeCurve(model: CostChartModel): string {
  return model.series
    .map(
      (s) =>
        `${s.option.name}: ${money(s.points[0]?.monthly ?? s.atChosen)} at 10 %, ${money(s.points[s.points.length - 1]?.monthly ?? s.atChosen)} at 100 %`,
    )
    .join('; ');
}

export function svgMonthlyBars(model: CostChartModel, id = 'monthly-bars'): string | null {
  if (model.series.length === 0) return null;
  const margin = { left: 250, right: 120, top: 12, bottom: 44 };
  const row = 34;
  const plotHeight = model.series.length * row;
  const height = margin.top + plotHeight + margin.bottom;
  const plotWidth = WIDTH - margin.left - margin.right;
  const x = (v: number): number => margin.left + (v / model.barMax) * plotWidth;
  const bottom = margin.top + plotHeight;

  const grid = model.barTicks.map(
    (t) =>
      `<line x1="${n(x(t))}" y1="${n(margin.top)}" x2="${n(x(t))}" y2="${n(bottom)}" stroke="#d0d7de"/>` +
      `<text x="${n(x(t))}" y="${n(bottom + 18)}" text-anchor="middle" font-size="12" fill="#1f2328">${axisMoney(t)}</text>`,
  );
  const bars = model.series.map((s, i) => {
    const top = margin.top + i * row + 6;
    const w = Math.max(1, x(s.atChosen) - margin.left);
    const weight = s.recommended ? ' font-weight="600"' : '';
    return [
      `<g class="bar" data-option="${s.option.id}">`,
      `<text x="${n(margin.left - 10)}" y="${n(top + 15)}" text-anchor="end" font-size="13" fill="#1f2328"${weight}>${htmlText(s.option.name)}</text>`,
      `<rect x="${n(margin.left)}" y="${n(top)}" width="${n(w)}" height="${row - 12}" fill="${s.color.hex}"${s.recommended ? ' stroke="#1f2328" stroke-width="2"' : ''}><title>${htmlText(`${s.option.name}: ${money(s.atChosen)} a month`)}</title></rect>`,
      `<text x="${n(margin.left + w + 6)}" y="${n(top + 15)}" font-size="13" fill="#1f2328"${weight}>${htmlText(money(s.atChosen))}${s.recommended ? ' ★' : ''}</text>`,
      '</g>',
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${id}" viewBox="0 0 ${WIDTH} ${n(height)}" width="${WIDTH}" height="${n(height)}" role="img" aria-labelledby="${id}-title" ${FONT}>`,
    `<title id="${id}-title">${htmlText(`Monthly AWS bill per eligible option at ${n(model.utilization)} % utilisation`)}</title>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${n(height)}" fill="#ffffff"/>`,
    ...grid,
    `<line x1="${n(margin.left)}" y1="${n(margin.top)}" x2="${n(margin.left)}" y2="${n(bottom)}" stroke="#1f2328" stroke-width="1.5"/>`,
    ...bars,
    `<text x="${n(margin.left + plotWidth / 2)}" y="${n(bottom + 36)}" text-anchor="middle" font-size="12" fill="#1f2328">USD per month at ${n(model.utilization)} % utilisation</text>`,
    '</svg>',
  ].join('\n');
}

/** `diff --format html`: paired horizontal bars per option, A above B, on one scale, with a text alternative. */
export function svgBeforeAfter(options: ReadonlyArray<{ name: string; before: number; after: number; blockedAfter: boolean }>): string {
  const max = Math.max(1, ...options.flatMap((o) => [o.before, o.after]));
  const label = 230;
  const bar = 360;
  const rowH = 34;
  const height = options.length * rowH + 10;
  const width = label + bar + 110;
  const rows = options.map((o, i) => {
    const y = 5 + i * rowH;
    const wa = Math.max(1, (o.before / max) * bar);
    const wb = Math.max(1, (o.after / max) * bar);
    return [
      `<text x="${label - 8}" y="${y + 17}" text-anchor="end" class="label">${htmlText(o.name)}</text>`,
      `<rect x="${label}" y="${y + 2}" width="${wa.toFixed(1)}" height="12" class="bar-a"><title>A: ${htmlText(money(o.before))}</title></rect>`,
      `<rect x="${label}" y="${y + 16}" width="${wb.toFixed(1)}" height="12" class="bar-b${o.blockedAfter ? ' blocked' : ''}"><title>B: ${htmlText(money(o.after))}</title></rect>`,
      `<text x="${(label + wb + 6).toFixed(1)}" y="${y + 26}" class="value">${htmlText(money(o.after))}</text>`,
    ].join('');
  });
  const alt = options.map((o) => `${o.name}: ${money(o.before)} → ${money(o.after)}`).join('; ');
  return (
    `<figure><svg role="img" aria-labelledby="diff-bars-title" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px">` +
    `<title id="diff-bars-title">${htmlText(alt)}</title>` +
    `<style>.bar-a{fill:#b0b7c3}.bar-b{fill:#2b6cb0}.blocked{fill:#c53030;opacity:.5}.label,.value{font:12px sans-serif;fill:#1a202c}</style>` +
    `${rows.join('')}</svg><figcaption>Grey: A; blue: B (red where B cannot run that option).</figcaption></figure>`
  );
}
