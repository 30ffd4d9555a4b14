import { describe, expect, it } from 'vitest';
import { AWS_REGIONS, isRegionCode, regionName, regionProblem, suggestRegions } from '../../src/schema/regions.js';
import { closestAll, orList } from '../../src/schema/suggest.js';
import { loadWorkloadText } from '../../src/schema/load.js';

const problemsOf = (text: string) => {
  const result = loadWorkloadText(text);
  return result.ok ? [] : result.problems.map((p) => [p.path, p.message, p.line, p.column]);
};

describe('the Region list', () => {
  it('holds the 34 commercial Regions and the 2 AWS GovCloud (US) Regions, each once, with a name', () => {
    expect(AWS_REGIONS.filter((r) => r.partition === 'aws')).toHaveLength(34);
    expect(AWS_REGIONS.filter((r) => r.partition === 'aws-us-gov').map((r) => r.code)).toEqual(['us-gov-east-1', 'us-gov-west-1']);
    expect(new Set(AWS_REGIONS.map((r) => r.code)).size).toBe(AWS_REGIONS.length);
    for (const r of AWS_REGIONS) {
      expect(r.code).toMatch(/^[a-z]{2}(-gov)?-[a-z]+-\d$/);
      expect(r.name.length).toBeGreaterThan(4);
    }
    expect(regionName('eu-central-2')).toBe('Europe (Zurich)');
    expect(regionName('us-east-9')).toBeUndefined();
  });

  it.each([
    ['us-east-9', ['us-east-1', 'us-east-2']],
    ['eu-west-4', ['eu-west-1', 'eu-west-2', 'eu-west-3']],
    ['useast1', ['us-east-1']],
    ['US-EAST-1', ['us-east-1']],
    ['ap-southest-2', ['ap-southeast-2']],
    ['moon-1', []],
  ])('suggests for %s: %j', (typo, expected) => {
    expect(suggestRegions(typo)).toEqual(expected);
  });

  it.each([
    ['us-east-1', undefined],
    ['us-gov-west-1', undefined],
    ['us-east-9', 'region "us-east-9" is not an AWS Region; did you mean us-east-1 or us-east-2?'],
    [
      'cn-north-1',
      'region "cn-north-1" is in the AWS China partition, which this tool does not price; use a commercial or AWS GovCloud (US) Region such as us-east-1',
    ],
    ['us-iso-east-1', 'region "us-iso-east-1" is not an AWS Region; did you mean us-gov-east-1?'],
    ['mars', expect.stringMatching(/^region "mars" is not an AWS Region; use a Region code such as us-east-1/)],
  ])('regionProblem(%s)', (code, message) => {
    expect(isRegionCode(code)).toBe(message === undefined);
    expect(regionProblem(code)).toEqual(message);
  });
});

describe('suggestions', () => {
  it('closestAll keeps every candidate at the smallest distance, within a typo’s reach', () => {
    expect(closestAll('replica', ['replicas', 'peakReplicas'], 3)).toEqual(['replicas']);
    expect(closestAll('ab', ['ac', 'ad', 'xyz'], 3)).toEqual(['ac', 'ad']);
    expect(closestAll('abcdef', ['uvwxyz'], 3)).toEqual([]);
    expect(closestAll('x'.repeat(65), ['x'.repeat(65)], 3)).toEqual([]);
  });

  it('orList joins like a sentence', () => {
    expect(orList([])).toBe('');
    expect(orList(['a'])).toBe('a');
    expect(orList(['a', 'b'])).toBe('a or b');
    expect(orList(['a', 'b', 'c'])).toBe('a, b or c');
  });
});

describe('Regions in a workload file', () => {
  const base = 'version: 1\nname: x\nservices: [{name: a, cpu: 1, memory: 2, replicas: 1}]\n';
  it.each([
    [`${base}region: us-east-9\n`, [['region', 'region "us-east-9" is not an AWS Region; did you mean us-east-1 or us-east-2?', 4, 9]]],
    [
      `${base}network:\n  registryRegion: eu-west-9\n`,
      [
        [
          'network.registryRegion',
          'registryRegion "eu-west-9" is not an AWS Region; did you mean eu-west-1, eu-west-2 or eu-west-3?',
          5,
          19,
        ],
      ],
    ],
    [`${base}region: 7\n`, [['region', 'region must be a string like us-east-1', 4, 9]]],
    [`${base}region: ap-southeast-6\n`, []],
    [`${base}region: us-gov-east-1\nnetwork: {registryRegion: us-gov-west-1}\n`, []],
  ])('%j', (text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });
});
