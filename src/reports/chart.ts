/**
 * A text chart of monthly cost against utilisation (10–100 %) for the eligible options: one letter
 * per option, the chosen utilisation marked with a dotted column, the break-evens listed under it.
 * Fits the width it is given (at least 60 columns); pure, so tests can pin it byte for byte.
 */
import type { ChalkInstance } from 'chalk';
import type { Advice, OptionAdvice } from '../domain/advice.js';
import { compactMoney, percent } from './format.js';
import { wrap } from './text.js';

/** The letter each option is drawn with, in the legend too. */
const MARK: Record<string, string> = {
  'ecs-fargate': 'F',
  'ecs-ec2': 'E',
  'eks-managed-nodes': 'M',
  'eks-fargate': 'K',
  'ecs-managed-instances': 'I',
  'eks-auto-mode': 'A',
};

const ROWS = 12;
const AXIS = 9; // "$12.3k ┤" label width plus the axis

export function renderCostChart(advice: Advice, width: number, c: ChalkInstance): string {
  const shown = advice.options.filter((o) => o.eligible && o.costCurve.length > 1);
  if (shown.length === 0) return '  (no eligible option to chart)';
  const cols = Math.max(40, Math.min(72, width - AXIS - 4));
  const lo = 10;
  const hi = 100;
  const xOf = (u: number) => Math.round(((u - lo) / (hi - lo)) * (cols - 1));
  const costAt = (o: OptionAdvice, u: number): number => {
    const pts = o.costCurve;
    if (u <= pts[0]!.utilization) return pts[0]!.monthly;
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1]!;
      const b = pts[i]!;
      if (u <= b.utilization) return a.monthly + ((b.monthly - a.monthly) * (u - a.utilization)) / (b.utilization - a.utilization);
    }
    return pts[pts.length - 1]!.monthly;
  };
  const series = shown.map((o) => ({ o, ys: Array.from({ length: cols }, (_, x) => costAt(o, lo + ((hi - lo) * x) / (cols - 1))) }));
  const all = series.flatMap((s) => s.ys);
  let top = Math.max(...all);
  let bottom = Math.min(...all);
  if (top - bottom < 1e-9) {
    top += 1;
    bottom = Math.max(0, bottom - 1);
  }
  const rowOf = (y: number) => Math.round(((top - y) / (top - bottom)) * (ROWS - 1));
  const grid: string[][] = Array.from({ length: ROWS }, () => Array.from({ length: cols }, () => ' '));
  const chosen = xOf(Math.min(hi, Math.max(lo, advice.input.cost.utilization)));
  for (let r = 0; r < ROWS; r++) grid[r]![chosen] = '·';
  // Draw the recommendation last, so it stays visible where lines cross.
  const order = [...series].sort(
    (a, b) => Number(a.o.id === advice.recommendation.option) - Number(b.o.id === advice.recommendation.option),
  );
  for (const s of order) {
    const mark = MARK[s.o.id] ?? '?';
    s.ys.forEach((y, x) => {
      const cell = grid[rowOf(y)]![x]!;
      grid[rowOf(y)]![x] = cell !== ' ' && cell !== '·' && cell !== mark ? '*' : mark;
    });
  }
  const out: string[] = [];
  for (let r = 0; r < ROWS; r++) {
    const label =
      r === 0
        ? compactMoney(top)
        : r === ROWS - 1
          ? compactMoney(bottom)
          : r === Math.floor((ROWS - 1) / 2)
            ? compactMoney((top + bottom) / 2)
            : '';
    out.push(`  ${label.padStart(AXIS - 2)} ┤${grid[r]!.join('').replace(/\s+$/, '')}`);
  }
  out.push(`  ${' '.repeat(AXIS - 2)} └${'─'.repeat(cols)}`);
  const ticks = Array.from({ length: cols + 1 }, () => ' ');
  for (const u of [10, 25, 50, 75, 100]) {
    const text = `${u} %`;
    const at = Math.min(cols - text.length, Math.max(0, xOf(u) - Math.floor(text.length / 2)));
    for (let i = 0; i < text.length; i++) ticks[at + i] = text[i]!;
  }
  out.push(`  ${' '.repeat(AXIS - 1)}${ticks.join('').replace(/\s+$/, '')}`);
  out.push(
    c.dim(`  ${' '.repeat(AXIS - 1)}EC2 utilisation; · marks the ${percent(advice.input.cost.utilization)} you chose; * lines cross`),
  );
  out.push(
    ...legend(
      shown.map((o) => `${MARK[o.id]} ${o.name}`),
      width,
    ),
  );
  const breakEvens = shown.filter((o) => o.breakEvenUtilization !== null);
  if (breakEvens.length > 0)
    out.push(
      wrap(
        c.dim(
          `Break-even with the Fargate counterpart: ${breakEvens.map((o) => `${o.name} at ${percent(o.breakEvenUtilization!)}`).join(', ')}.`,
        ),
        width,
        '  ',
      ),
    );
  return out.join('\n');
}

/** Legend entries joined by " · ", a line broken only between entries. */
function legend(entries: string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const e of entries) {
    if (line && 2 + line.length + 3 + e.length > width) {
      lines.push(`  ${line}`);
      line = e;
    } else line = line ? `${line} · ${e}` : e;
  }
  if (line) lines.push(`  ${line}`);
  return lines;
}
