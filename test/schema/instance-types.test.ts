import { describe, expect, it } from 'vitest';
import { instanceTypeProblem, suggestInstanceTypes, type InstanceTypeCatalog } from '../../src/schema/instance-types.js';
import { loadWorkloadText, validateWorkload } from '../../src/schema/load.js';

const catalog: InstanceTypeCatalog = {
  known: new Set([
    'm5.large',
    'm5.xlarge',
    'm5.2xlarge',
    'm5.metal',
    'm6i.large',
    'm7g.large',
    'c6g.xlarge',
    't2.micro',
    't2.large',
    't3.nano',
    't3.large',
  ]),
  priceOnly: new Set(['m8z.large']),
};

describe('suggestInstanceTypes', () => {
  it.each([
    ['m5.larg', ['m5.large']],
    ['m5.lrage', ['m5.large']],
    ['M5.LARGE', ['m5.large']],
    ['m5.foo', ['m5.large']],
    ['m5.2xlarg', ['m5.2xlarge']],
    ['t9.foo', ['t2.large', 't3.large']],
    ['t9.micro', ['t2.micro']],
    ['t9.nano', ['t3.nano']],
    ['zz9.large', []],
  ])('%s → %j', (typo, expected) => {
    expect(suggestInstanceTypes(typo, catalog)).toEqual(expected);
  });
});

describe('instanceTypeProblem', () => {
  it.each([
    ['m5.large', undefined],
    ['m5.larg', '"m5.larg" is not an EC2 instance type the tool knows; did you mean m5.large?'],
    ['m5.foo', '"m5.foo" is not an EC2 instance type the tool knows (m5 comes in large, xlarge, 2xlarge, metal); did you mean m5.large?'],
    ['t9.foo', '"t9.foo" is not an EC2 instance type the tool knows; did you mean t2.large or t3.large?'],
    ['zz9.large', '"zz9.large" is not an EC2 instance type the tool knows; use a type like m7g.large or c6i.xlarge'],
    [
      'm8z.large',
      '"m8z.large" has cached prices but no size data (vCPU, memory, network interfaces) in the bundled catalog, so tasks cannot be placed on it; choose another type',
    ],
  ])('%s', (type, message) => {
    expect(instanceTypeProblem(type, catalog)).toEqual(message);
  });
});

describe('the loader with a catalog', () => {
  const file = (types: string) =>
    `version: 1\nname: x\nservices: [{name: a, cpu: 1, memory: 2, replicas: 1}]\ncost:\n  ec2:\n    instanceTypes: ${types}\n`;

  it.each([
    ['[m5.large, m7g.large]', []],
    ['[m5.larg]', [['cost.ec2.instanceTypes[0]', '"m5.larg" is not an EC2 instance type the tool knows; did you mean m5.large?', 6, 21]]],
    [
      '[m5.large, t9.foo, M5]',
      [
        ['cost.ec2.instanceTypes[1]', '"t9.foo" is not an EC2 instance type the tool knows; did you mean t2.large or t3.large?', 6, 31],
        // The schema's own shape check comes first; the catalog does not repeat it.
        ['cost.ec2.instanceTypes[2]', 'must be an instance type like m7g.large', 6, 39],
      ],
    ],
  ])('instanceTypes: %s', (types, expected) => {
    const result = loadWorkloadText(file(types), { instanceTypes: () => catalog });
    const problems = result.ok ? [] : result.problems.map((p) => [p.path, p.message, p.line, p.column]);
    expect(problems).toEqual(expected);
  });

  it('reports unknown types beside the other problems of a file, all at once', () => {
    const result = loadWorkloadText(file('[m5.larg]').replace('cpu: 1', 'cpu: 0'), { instanceTypes: () => catalog });
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['services[0].cpu', 'cost.ec2.instanceTypes[0]']);
  });

  it('without a catalog (the library default) checks only the shape, and never asks for one it does not need', () => {
    expect(loadWorkloadText(file('[m5.larg]')).ok).toBe(true);
    let asked = 0;
    const counting = () => {
      asked++;
      return catalog;
    };
    expect(loadWorkloadText(file('[]'), { instanceTypes: counting }).ok).toBe(true);
    expect(
      validateWorkload({ version: 1, name: 'x', services: [{ name: 'a', cpu: 1, memory: 2, replicas: 1 }] }, undefined, {
        instanceTypes: counting,
      }).ok,
    ).toBe(true);
    expect(asked).toBe(0);
  });
});
