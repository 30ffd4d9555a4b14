import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText, formatNumber, formatUsd } from '../../src/schema/numbers.js';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const nf = (digits: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });

/** Values where rounding the shortest decimal and rounding the double disagree, carries, signs and the fallbacks. */
const EDGES = [
  0,
  -0,
  1,
  -1,
  0.5,
  1.005,
  -1.005,
  1.255,
  2.675,
  8.345,
  0.125,
  0.0005,
  0.0004999,
  999.995,
  999.9949,
  9999999.999,
  123456.785,
  1e15,
  123456789012345.67,
  1e21,
  1.5e-7,
  -1.5e-7,
  0.000001,
  1e-7,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_VALUE,
  -0.001,
  -0.004,
  -0.005,
  1234.5,
  1000,
  999,
  100000,
  0.1 + 0.2,
];

describe('ICU-free en-US numbers', () => {
  it('formats money as Intl does', () => {
    for (const x of EDGES) expect(formatUsd(x), String(x)).toBe(usd.format(x));
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => formatUsd(x) === usd.format(x)),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 999 }), (i, c) => {
        const x = i + c / 1000;
        return formatUsd(x) === usd.format(x);
      }),
      { numRuns: 20_000 },
    );
  });

  it('formats numbers as Intl does, for every number of fraction digits used', () => {
    for (const digits of [0, 2, 3, 6]) {
      const f = nf(digits);
      for (const x of EDGES) expect(formatNumber(x, digits), `${x} to ${digits}`).toBe(f.format(x));
      fc.assert(
        fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => formatNumber(x, digits) === f.format(x)),
        { numRuns: 10_000 },
      );
      fc.assert(
        fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 99_999_999 }), (i, frac) => {
          const x = i + frac / 1e8;
          return formatNumber(x, digits) === f.format(x);
        }),
        { numRuns: 10_000 },
      );
    }
    for (const n of [0, 7, 1000, 12_345, 1_000_000, 2000.5]) expect(formatNumber(n)).toBe(n.toLocaleString('en-US'));
  });

  it('compares text as localeCompare does', () => {
    const alphabet = ['a', 'b', 'z', '0', '9', '.', '-', 'A', '_', ' ', 'é'];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 6 }).map((cs) => cs.join(''));
    const plain = fc.array(fc.constantFrom('a', 'm', 'z', '0', '5', '9', '.', '-'), { maxLength: 8 }).map((cs) => cs.join(''));
    for (const gen of [text, plain])
      fc.assert(
        fc.property(gen, gen, (a, b) => Math.sign(compareText(a, b)) === Math.sign(a.localeCompare(b))),
        { numRuns: 20_000 },
      );
    expect(['m5.large', 'm5.2xlarge', 'c5a.xlarge', 'u-6tb1.metal', 'c5-x'].sort(compareText)).toEqual(
      ['m5.large', 'm5.2xlarge', 'c5a.xlarge', 'u-6tb1.metal', 'c5-x'].sort((a, b) => a.localeCompare(b)),
    );
  });
});
