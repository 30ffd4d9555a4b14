import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { resolvePriceBook } from '../../src/pricing/index.js';
import type { RegionPrices, SourcedPrice } from '../../src/domain/price-book.js';
import { SNAPSHOT_PATH, snapshot } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = join(ROOT, '../shared/data');

function prices(obj: unknown, path = ''): [string, SourcedPrice][] {
  if (!obj || typeof obj !== 'object') return [];
  const o = obj as Record<string, unknown>;
  if (typeof o['usd'] === 'number' && typeof o['source'] === 'string') return [[path, o as unknown as SourcedPrice]];
  return Object.entries(o).flatMap(([k, v]) => prices(v, `${path}.${k}`));
}

describe('the committed snapshot', () => {
  test.skipIf(!existsSync(join(SHARED, 'pricing-facts.json')))('equals what scripts/build-snapshot.mjs generates', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'snapshot-')), 'snap.json');
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-snapshot.mjs'), SHARED, out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(SNAPSHOT_PATH, 'utf8'));
  });

  test('every price has a source, a date and a positive value; estimates say why and how to fix', () => {
    const s = snapshot();
    const all = [...prices(s.regions), ...prices(s.defaults)];
    expect(all.length).toBeGreaterThan(1000);
    for (const [path, p] of all) {
      expect(p.usd, path).toBeGreaterThan(0);
      expect(s.sources[p.source], `${path} source ${p.source}`).toBeDefined();
      expect(p.asOf, path).toMatch(/^(\d{4}-\d{2}(-\d{2})?|unknown)$/);
      if (p.estimate) {
        expect(p.estimate.reason.length, path).toBeGreaterThan(20);
        expect(p.estimate.fix.length, path).toBeGreaterThan(10);
      }
    }
  });

  test('covers Fargate x86 for every region in the facts and EC2 for the us-east-1 catalog', () => {
    const s = snapshot();
    expect(Object.keys(s.regions).length).toBeGreaterThanOrEqual(22);
    for (const r of Object.values(s.regions)) {
      if (r.fargate.linuxX86 === undefined) continue;
      expect(r.fargate.linuxX86.vcpuHour.usd).toBeGreaterThan(0.03);
    }
    expect(Object.keys(s.regions['us-east-1']!.ec2.onDemandHour).length).toBeGreaterThan(1300);
    expect(s.regions['us-east-1']!.ec2.onDemandHour['m5.large']).toMatchObject({ usd: 0.096 });
    expect(s.defaults.windowsMinimumSeconds).toMatchObject({ usd: 300 });
    // The AWS Fargate pricing page states the five-minute Windows minimum.
    expect(s.defaults.windowsMinimumSeconds.estimate).toBeUndefined();
    expect(s.defaults.autoModeFeeRatio.usd).toBe(0.12);
  });
});

describe('resolvePriceBook', () => {
  test('us-east-1 is fully sourced for Fargate x86/ARM and EKS', () => {
    const book = resolvePriceBook(snapshot(), 'us-east-1');
    expect(book.estimates).toEqual([]);
    expect(book.prices.fargate.linuxX86?.vcpuHour.estimate).toBeUndefined();
    expect(book.prices.fargate.linuxArm?.vcpuHour.usd).toBe(0.03238);
    expect(book.prices.eks.controlPlaneHour?.usd).toBe(0.1);
    expect(book.prices.eks.extendedSupportHour?.usd).toBe(0.6);
    expect(book.source).toBe('snapshot');
    expect(book.asOf).toBe(snapshot().asOf);
  });

  test('eu-central-1: EC2 = us-east-1 × the Fargate x86 ratio, ARM = x86 × the ARM/x86 ratio, all flagged', () => {
    const book = resolvePriceBook(snapshot(), 'eu-central-1');
    const m5 = book.prices.ec2.onDemandHour['m5.large']!;
    expect(m5.usd).toBeCloseTo(0.096 * 1.1502, 6);
    expect(m5.estimate?.reason).toMatch(/us-east-1 price × 1.1502/);
    expect(m5.estimate?.fix).toBe('run `ecs-or-eks prices refresh --region eu-central-1`');
    expect(book.prices.fargate.linuxX86?.vcpuHour).toMatchObject({ usd: 0.04656 });
    expect(book.prices.fargate.linuxX86?.vcpuHour.estimate).toBeUndefined();
    expect(book.prices.fargate.linuxArm?.vcpuHour.usd).toBeCloseTo(0.04656 * (0.03238 / 0.04048), 7);
    expect(book.prices.fargate.linuxArm?.vcpuHour.estimate).toBeDefined();
    expect(book.estimates.map((e) => e.item)).toContain('EC2 on-demand prices in eu-central-1');
  });

  test('a region with sourced EC2 rows scales the rest by their median ratio', () => {
    const book = resolvePriceBook(snapshot(), 'ap-south-1');
    expect(book.prices.ec2.onDemandHour['m7g.large']).toMatchObject({ usd: 0.0583 });
    expect(book.prices.ec2.onDemandHour['m7g.large']?.estimate).toBeUndefined();
    expect(book.prices.ec2.onDemandHour['m5.large']!.usd).toBeLessThan(0.096);
    expect(book.prices.ecs.managedInstancesFee?.['m7g.large']?.usd).toBe(0.006996);
  });

  test('an unknown region still gets every price, estimated from us-east-1, and says so', () => {
    const book = resolvePriceBook(snapshot(), 'me-central-1');
    expect(book.estimates[0]?.item).toBe('all prices in me-central-1');
    expect(book.estimates[0]?.fix).toMatch(/--region me-central-1/);
    for (const [path, p] of prices(book.prices)) {
      expect(p.usd, path).toBeGreaterThan(0);
      expect(p.estimate, path).toBeDefined();
    }
    expect(Object.keys(book.prices.ec2.onDemandHour).length).toBeGreaterThan(1300);
  });

  test('an overlay (cache/live) wins over the snapshot and keeps the rest', () => {
    const overlay: RegionPrices = {
      region: 'us-east-1',
      fargate: {
        linuxX86: {
          vcpuHour: { usd: 0.05, source: 'live', asOf: '2026-11-01' },
          gbHour: { usd: 0.005, source: 'live', asOf: '2026-11-01' },
        },
      },
      eks: {},
      ecs: {},
      ec2: { onDemandHour: { 'm5.large': { usd: 0.1, source: 'live', asOf: '2026-11-01' } } },
    };
    const book = resolvePriceBook(snapshot(), 'us-east-1', { source: 'live', overlay, asOf: '2026-11-01', warnings: ['w'] });
    expect(book.prices.fargate.linuxX86?.vcpuHour.usd).toBe(0.05);
    expect(book.prices.fargate.linuxArm?.vcpuHour.usd).toBe(0.03238);
    expect(book.prices.ec2.onDemandHour['m5.large']?.usd).toBe(0.1);
    expect(book.prices.ec2.onDemandHour['m6i.large']?.usd).toBe(0.096);
    expect(book).toMatchObject({ source: 'live', asOf: '2026-11-01', warnings: ['w'] });
  });
});
