/**
 * Money arithmetic: every line item is rounded to cents on its own, and a total is the exact sum of
 * its rounded items (summed in integer cents), so a reviewer's calculator agrees with the report.
 */
import type { LineItem, MonthlyCost } from '../domain/advice.js';

/** Rounds half away from zero to `digits` decimals, robust to binary noise (0.125 → 0.13). */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  const scaled = Math.abs(value) * f;
  // toPrecision(12) strips binary noise first (1.005 × 100 = 100.49999999999999 → 100.5).
  const rounded = Math.round(Number(scaled.toPrecision(12)));
  const out = (Math.sign(value) * rounded) / f;
  return out === 0 ? 0 : out;
}

export const cents = (value: number): number => roundTo(value, 2);

/** Quantities are shown (and multiplied) with 4 decimals, so quantity × unitPrice reproduces `monthly`. */
export function lineItem(
  name: string,
  quantity: number,
  unit: string,
  unitPrice: number,
  extra: { estimate?: boolean; note?: string } = {},
): LineItem {
  const q = roundTo(quantity, 4);
  const p = roundTo(unitPrice, 8);
  const item: LineItem = { name, quantity: q, unit, unitPrice: p, monthly: cents(q * p) };
  if (extra.estimate) item.estimate = true;
  if (extra.note) item.note = extra.note;
  return item;
}

export function monthlyCost(items: LineItem[]): MonthlyCost {
  const totalCents = items.reduce((sum, item) => sum + Math.round(item.monthly * 100), 0);
  return { total: totalCents / 100, items };
}

/** A number as plain text with at most three decimals ("0.125", "16"). */
export function fmt(n: number): string {
  return String(roundTo(n, 3));
}
