/** Number formatting shared by the table and Markdown reports (JSON keeps raw numbers). */
import { formatNumber } from '../schema/numbers.js';

/** Unit prices keep their full precision (AWS quotes Fargate GB-hours to six decimals). */
export function unitPrice(value: number): string {
  return `$${formatNumber(value, 6)}`;
}

export function quantity(value: number): string {
  return formatNumber(value, 2);
}

export function signed(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : '±0';
}

export function percent(value: number): string {
  return `${quantity(value)} %`;
}

/** "$87", "$1.4k", "$12k", "$2.3M": for chart axes and ranges, where cents would only be noise. */
export function compactMoney(value: number): string {
  const v = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  if (v < 1_000) return `${sign}$${Math.round(v)}`;
  if (v < 10_000) return `${sign}$${(v / 1_000).toFixed(1)}k`;
  if (v < 1_000_000) return `${sign}$${Math.round(v / 1_000)}k`;
  return `${sign}$${(v / 1_000_000).toFixed(1)}M`;
}

/** "$1.4k–4.7k" / "12–44 h": a low–high estimate. */
export function range(low: number, high: number, unit: 'usd' | 'h'): string {
  if (unit === 'h') return `${hours(low)}–${hours(high)} h`;
  return `${compactMoney(low)}–${compactMoney(high).replace(/^\$/, '')}`;
}

function hours(h: number): string {
  return h >= 10 ? String(Math.round(h)) : String(Math.round(h * 10) / 10);
}
