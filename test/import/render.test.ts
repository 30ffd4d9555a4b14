import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderDraftYaml } from '../../src/import/index.js';
import { loadWorkloadText } from '../../src/schema/load.js';
import { FIXTURES, importPaths } from './helpers.js';

const SOURCES = ['k8s', 'ecs', 'compose', 'terraform'].map((s) => `${FIXTURES}/${s}`);

describe('the commented draft', () => {
  it.each(SOURCES)('%s: parses back to exactly the draft, and validates', (source) => {
    const result = importPaths([source]);
    const text = renderDraftYaml(result);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(result.draft)));
    const loaded = loadWorkloadText(text);
    expect(loaded.ok, JSON.stringify(loaded)).toBe(true);
  });

  it.each(SOURCES)('%s: every number and every true/false carries a comment', (source) => {
    const text = renderDraftYaml(importPaths([source]));
    const valueLines = text.split('\n').filter((l) => /^\s*(- )?[A-Za-z]+: (-?[\d.]+|true|false|\[\])\s*(#|$)/.test(l));
    expect(valueLines.length).toBeGreaterThan(10);
    for (const line of valueLines.filter((l) => !/^version: 1/.test(l))) expect(line, line).toMatch(/ # \S/);
  });

  it('marks every default and assumption TODO, and counts them in the header', () => {
    const result = importPaths([`${FIXTURES}/k8s/hpa.yaml`]);
    const text = renderDraftYaml(result);
    for (const path of result.todos) expect(result.notes.get(path)?.comment, path).toMatch(/^TODO: /);
    expect(text).toContain(`(${result.todos.length} of them)`);
    expect(text.match(/# TODO: /g)?.length).toBeGreaterThanOrEqual(result.todos.length);
    for (const field of [
      'team.engineers',
      'requirements.compliance',
      'requirements.portability',
      'cost.utilization',
      'services[0].peakHoursPerDay',
    ])
      expect(result.todos).toContain(field);
  });

  it('puts each item’s origin above it and the provenance after each value, aligned', () => {
    const text = renderDraftYaml(importPaths([`${FIXTURES}/k8s/frontend.yaml`]));
    expect(text).toContain(
      [
        '  # test/fixtures-import/k8s/frontend.yaml:2: Deployment frontend, 2 containers',
        '  - name: frontend',
        '    cpu: 0.15               # requests 100m+50m',
        '    memory: 0.0938          # requests 64Mi+32Mi',
        '    replicas: 2             # spec.replicas 2',
      ].join('\n'),
    );
    expect(
      text.startsWith(
        '# Draft workload.yaml from `ecs-or-eks import`, read from 1 file:\n#   test/fixtures-import/k8s/frontend.yaml (Kubernetes manifests)\n',
      ),
    ).toBe(true);
    expect(text).toContain('# Skipped, not workloads:\n#   Service ×1 (frontend)\n');
  });

  it('is deterministic', () => {
    expect(renderDraftYaml(importPaths(SOURCES))).toBe(renderDraftYaml(importPaths(SOURCES)));
  });
});
