import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closest, loadWorkload, loadWorkloadText, MAX_INPUT_BYTES } from '../../src/schema/load.js';

const problemsOf = (text: string) => {
  const result = loadWorkloadText(text);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('loading workload files', () => {
  it.each(readdirSync('fixtures').filter((f) => f.endsWith('.yaml')))('accepts the fixture %s', (file) => {
    const result = loadWorkload(readFileSync(`fixtures/${file}`));
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it('names both bad fields with line and column (cpu: -1, memory: two)', () => {
    const problems = problemsOf(readFileSync('test/fixtures-bad/bad-types.yaml', 'utf8'));
    expect(problems).toEqual([
      { path: 'services[0].cpu', message: 'cpu (vCPU per task) must be greater than 0', line: 5, column: 10 },
      { path: 'services[0].memory', message: 'memory (GiB per task) must be a number', line: 6, column: 13 },
    ]);
  });

  it('reports a typo once, as an unknown key with a "did you mean", at the key position', () => {
    const problems = problemsOf('version: 1\nname: x\nservices:\n  - {name: a, cpu: 1, memory: 2, replica: 3}\ncost:\n  utilisation: 50\n');
    expect(problems.map((p) => [p.path, p.message, p.line, p.column])).toEqual([
      ['services[0].replica', 'unknown key "replica"; did you mean "replicas"?', 4, 34],
      ['cost.utilisation', 'unknown key "utilisation"; did you mean "utilization"?', 6, 3],
    ]);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(
      'version: 2\nname: Bad Name\nregion: moon-1\nservices:\n  - name: a\n    cpu: 1\n    memory: 1\n    replicas: 1.5\n    peakReplicas: 4\ncost:\n  utilization: 0\n',
    );
    // No "peakHoursPerDay is required when peakReplicas > replicas": replicas itself is invalid.
    expect(problems.map((p) => p.path)).toEqual(['version', 'name', 'region', 'services[0].replicas', 'cost.utilization']);
  });

  it('accepts JSON with the same schema and positions', () => {
    const ok = loadWorkloadText('{"version": 1, "name": "j", "services": [{"name": "a", "cpu": 1, "memory": 2, "replicas": 1}]}');
    expect(ok.ok).toBe(true);
    const problems = problemsOf(
      '{\n  "version": 1,\n  "name": "j",\n  "jobs": [{"name": "a", "cpu": 1, "memory": 2, "runsPerDay": 0, "minutesPerRun": 5}]\n}',
    );
    expect(problems).toEqual([{ path: 'jobs[0].runsPerDay', message: 'runsPerDay must be greater than 0', line: 4, column: 63 }]);
  });

  it('rejects duplicate keys, alias bombs, oversize and non-UTF-8 input', () => {
    expect(problemsOf('version: 1\nname: a\nname: b\n')[0]).toMatchObject({ line: 3, message: expect.stringMatching(/duplicate key/) });
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ),
    ].join('\n');
    expect(problemsOf(bomb)[0]?.message).toMatch(/alias/i);
    const big = loadWorkload(new Uint8Array(MAX_INPUT_BYTES + 1));
    expect(big.ok ? '' : big.problems[0]?.message).toMatch(/1 MiB/);
    const latin1 = loadWorkload(Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(latin1.ok ? '' : latin1.problems[0]?.message).toMatch(/UTF-8/);
  });

  it('fills defaults that depend on other fields', () => {
    const result = loadWorkloadText('version: 1\nname: x\nregion: eu-west-1\nservices: [{name: a, cpu: 1, memory: 2, replicas: 3}]\n');
    if (!result.ok) throw new Error('should load');
    expect(result.workload.services[0]).toMatchObject({ peakReplicas: 3, peakHoursPerDay: 0, arch: 'x86_64', os: 'linux', storage: 20 });
    expect(result.workload.network.registryRegion).toBe('eu-west-1');
    expect(result.workload.cost).toMatchObject({ utilization: 70, hoursPerMonth: 730, clusters: 1 });
  });

  it('needs at least one service or job, and unique names', () => {
    expect(problemsOf('version: 1\nname: x\n').map((p) => p.message)).toEqual(['add at least one service or one job']);
    const dup = problemsOf(
      'version: 1\nname: x\nservices: [{name: a, cpu: 1, memory: 2, replicas: 1}]\njobs: [{name: a, cpu: 1, memory: 2, runsPerDay: 1, minutesPerRun: 1}]\n',
    );
    expect(dup[0]).toMatchObject({ path: 'jobs[0].name', line: 4 });
  });

  it('suggests only plausible typos', () => {
    expect(closest('replica', ['replicas', 'memory'])).toBe('replicas');
    expect(closest('zzzzzz', ['replicas', 'memory'])).toBeUndefined();
  });
});
