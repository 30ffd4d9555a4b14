/**
 * en-US number formatting without ICU. The first `Intl.NumberFormat`, `toLocaleString` or
 * `localeCompare` of a process loads ICU's locale data: 6–12 ms on Node 20 and up to 28 ms on Node 24,
 * a third of a whole `advise` start-up for formatting a few numbers. These give the same strings as
 * `Intl.NumberFormat('en-US', …)` and `localeCompare` (test/schema/numbers.test.ts compares them on
 * many values) and hand anything unusual — NaN, infinities, −0, exponent forms, other characters —
 * to the real thing.
 */

let intl: Map<string, Intl.NumberFormat> | undefined;

function viaIntl(value: number, options: Intl.NumberFormatOptions): string {
  intl ??= new Map();
  const key = JSON.stringify(options);
  let f = intl.get(key);
  if (!f) intl.set(key, (f = new Intl.NumberFormat('en-US', options)));
  return f.format(value);
}

/**
 * `value` rounded as ICU rounds it: the shortest decimal that reads back as the double (what
 * `String(x)` prints), rounded half away from zero — so 1.005 gives 1.01, where `toFixed(2)` gives
 * 1.00. Returns the integer digits grouped by thousands and the fraction digits (at most `digits`,
 * trailing zeros kept), or undefined when the value needs ICU.
 */
function decimal(abs: number, digits: number): { int: string; frac: string } | undefined {
  // Finite, and not written with an exponent (below 1e-6 or from 1e21): digits and one '.' only.
  if (!Number.isFinite(abs)) return undefined;
  const s = String(abs);
  if (s.includes('e')) return undefined;
  const dot = s.indexOf('.');
  let int = dot < 0 ? s : s.slice(0, dot);
  let frac = dot < 0 ? '' : s.slice(dot + 1);
  if (frac.length > digits) {
    const up = frac.charCodeAt(digits) >= 53; // '5'
    let kept = int + frac.slice(0, digits);
    if (up) {
      let i = kept.length - 1;
      while (i >= 0 && kept[i] === '9') i--;
      kept = i < 0 ? `1${'0'.repeat(kept.length)}` : kept.slice(0, i) + String(Number(kept[i]) + 1) + '0'.repeat(kept.length - i - 1);
    }
    int = kept.slice(0, kept.length - digits);
    frac = kept.slice(kept.length - digits);
  }
  return { int: grouped(int), frac };
}

/** "1234567" → "1,234,567" */
function grouped(int: string): string {
  if (int.length <= 3) return int;
  let out = int.slice(0, int.length % 3 || 3);
  for (let i = out.length; i < int.length; i += 3) out += `,${int.slice(i, i + 3)}`;
  return out;
}

/** `Intl.NumberFormat('en-US', { maximumFractionDigits })` (`toLocaleString('en-US')` is 3). */
export function formatNumber(value: number, maximumFractionDigits = 3): string {
  const d = Object.is(value, -0) ? undefined : decimal(Math.abs(value), maximumFractionDigits);
  if (!d) return viaIntl(value, { maximumFractionDigits });
  const frac = d.frac.replace(/0+$/, '');
  return `${value < 0 ? '-' : ''}${d.int}${frac ? `.${frac}` : ''}`;
}

/** `Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })`, two decimals: "$1,234.50", "-$3.00". */
export function formatUsd(value: number): string {
  const d = Object.is(value, -0) ? undefined : decimal(Math.abs(value), 2);
  if (!d) return viaIntl(value, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${value < 0 ? '-' : ''}$${d.int}.${d.frac.padEnd(2, '0')}`;
}

const PLAIN = /^[a-z0-9.-]*$/;

/**
 * `a.localeCompare(b)` for the ids and names this tool sorts. Lower-case letters, digits, '.' and '-'
 * collate in code-unit order under ICU's root collation too ('-' < '.' < digits < letters, no case or
 * accent levels to break ties), so those compare without ICU; anything else goes to `localeCompare`.
 */
export function compareText(a: string, b: string): number {
  if (PLAIN.test(a) && PLAIN.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}
