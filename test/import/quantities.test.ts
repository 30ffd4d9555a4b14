import { describe, expect, it } from 'vitest';
import {
  composeCpus,
  dockerGiB,
  draftCpu,
  draftGiB,
  ecsTaskCpu,
  ecsTaskMemoryGiB,
  kubernetesGiB,
  kubernetesQuantity,
  roundUp,
  wholeNumber,
} from '../../src/import/quantities.js';

const GIB = 1024 ** 3;

describe('Kubernetes quantities', () => {
  it.each([
    ['500m', 0.5],
    ['100m', 0.1],
    ['1.5', 1.5],
    ['2', 2],
    [2, 2],
    ['0.25', 0.25],
    ['.5', 0.5],
    ['250000u', 0.25],
    ['1k', 1000],
    ['1e3', 1000],
    ['1E3', 1000],
    ['1M', 1e6],
    ['1G', 1e9],
    ['1Ki', 1024],
    ['512Mi', 512 * 1024 ** 2],
    ['1Gi', GIB],
    ['1.5Gi', 1.5 * GIB],
    ['1Ti', 1024 ** 4],
    ['1E', 1e18],
    ['536870912', 536870912],
    [' 64Mi ', 64 * 1024 ** 2],
  ] as [string | number, number][])('%s → %s', (raw, expected) => {
    expect(kubernetesQuantity(raw)).toBeCloseTo(expected, 9);
  });

  it.each(['', 'abc', '1.2.3', '10 Mi', '-1', '1mi', '1GB', null, undefined, {}, true])('rejects %s', (raw) => {
    expect(kubernetesQuantity(raw)).toBeUndefined();
  });

  it.each([
    ['1Gi', 1],
    ['512Mi', 0.5],
    ['1G', 1e9 / GIB],
    ['100Mi', 100 / 1024],
  ] as [string, number][])('%s is %s GiB', (raw, gib) => {
    expect(kubernetesGiB(raw)).toBeCloseTo(gib, 12);
  });
});

describe('Compose sizes', () => {
  it.each([
    ['300M', 300 / 1024],
    ['300m', 300 / 1024],
    ['2g', 2],
    ['2G', 2],
    ['1.5gb', 1.5],
    ['1GiB', 1],
    ['512mb', 0.5],
    ['1024k', 1 / 1024],
    ['1073741824', 1],
    [1073741824, 1],
    ['64M', 1 / 16],
  ] as [string | number, number][])('memory %s → %s GiB', (raw, gib) => {
    expect(dockerGiB(raw)).toBeCloseTo(gib, 12);
  });

  it.each(['', 'lots', '-1g', '0', 0, '1x'])('rejects memory %s', (raw) => expect(dockerGiB(raw)).toBeUndefined());

  it.each([
    ['0.5', 0.5],
    [1.5, 1.5],
    ['2', 2],
    ['.25', 0.25],
  ] as [string | number, number][])('cpus %s → %s', (raw, v) => expect(composeCpus(raw)).toBe(v));

  it.each(['0', 0, 'one', '', '-1'])('rejects cpus %s', (raw) => expect(composeCpus(raw)).toBeUndefined());
});

describe('ECS task sizes', () => {
  it.each([
    ['1024', 1],
    [512, 0.5],
    ['256', 0.25],
    ['1 vCPU', 1],
    ['0.25 vcpu', 0.25],
    ['4 vCPU', 4],
  ] as [string | number, number][])('cpu %s → %s vCPU', (raw, v) => expect(ecsTaskCpu(raw)).toBe(v));

  it.each([
    ['2048', 2],
    [512, 0.5],
    ['2 GB', 2],
    ['0.5GB', 0.5],
    ['64', 0.0625],
  ] as [string | number, number][])('memory %s → %s GiB', (raw, v) => expect(ecsTaskMemoryGiB(raw)).toBe(v));

  it.each([null, undefined, '', 'big', '0', 0, '1.5'])('rejects %s', (raw) => {
    expect(ecsTaskCpu(raw)).toBeUndefined();
    expect(ecsTaskMemoryGiB(raw)).toBeUndefined();
  });
});

describe('rounding for the draft', () => {
  it.each([
    [0.15, 3, 0.15],
    [0.1501, 3, 0.151],
    [0.09375, 4, 0.0938],
    [1, 4, 1],
    [20 / 1024 / 1024, 3, 0.001],
  ])('roundUp(%s, %s) = %s', (v, digits, expected) => expect(roundUp(v, digits)).toBe(expected));

  it('never rounds a positive size to 0', () => {
    expect(draftCpu(0.00001)).toBe(0.001);
    expect(draftGiB(1 / 1024 / 1024)).toBe(0.0001);
    expect(draftCpu(0.15)).toBe(0.15);
    expect(draftGiB(0.09375)).toBe(0.0938);
  });

  it.each([
    [3, 3],
    ['3', 3],
    [' 4 ', 4],
    [1.5, undefined],
    ['x', undefined],
    [-1, undefined],
  ] as [unknown, number | undefined][])('wholeNumber(%s) = %s', (raw, v) => expect(wholeNumber(raw)).toBe(v));
});
