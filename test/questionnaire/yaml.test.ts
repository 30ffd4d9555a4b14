import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import {
  FIELD_NOTES,
  INIT_TEMPLATE,
  TEMPLATE_WORKLOAD,
  createScriptedPrompter,
  renderWorkloadYaml,
  runQuestionnaire,
  type ScriptedAnswer,
} from '../../src/questionnaire/index.js';
import { WorkloadSchema, knownKeysAt, resolveWorkload, type WorkloadInput } from '../../src/schema/workload.js';

const resolve = (input: unknown) => resolveWorkload(WorkloadSchema.parse(input));

/** answers → YAML → parse → schema → resolve must equal the resolved answers. */
function expectRoundTrip(workload: WorkloadInput): string {
  const text = renderWorkloadYaml(workload, { header: 'Saved by ecs-or-eks advise --save' });
  const back = YAML.parse(text) as unknown;
  expect(back).toEqual(workload);
  expect(resolve(back)).toEqual(resolve(workload));
  return text;
}

describe('renderWorkloadYaml', () => {
  it('round-trips the defaults-only interview, with notes and a header', async () => {
    const workload = await runQuestionnaire(createScriptedPrompter({}));
    const text = expectRoundTrip(workload);
    expect(text.startsWith('# Saved by ecs-or-eks advise --save\n\nversion: 1')).toBe(true);
    expect(text).toMatch(/^ {4}cpu: 0\.5 +# vCPU per task \(pod\)$/m);
    expect(text).toMatch(/^# long-running services/m);
  });

  it('round-trips a full interview (every section, follow-ups and loops)', async () => {
    const workload = await runQuestionnaire(
      createScriptedPrompter({
        'workload.name': 'payments',
        'workload.region': 'eu-central-1',
        'workload.kinds': ['services', 'jobs', 'daemons'],
        'service.cpu': 0.25,
        'service.memory': 0.5,
        'service.replicas': 3,
        'service.peakReplicas': 9,
        'service.peakHoursPerDay': 2.5,
        'service.traits': ['arm64', 'storage'],
        'service.storage': 64,
        'service.more#1': true,
        'service.name#2': 'worker',
        'service.traits#2': ['gpu'],
        'service.gpus': 4,
        'job.traits': ['windows'],
        'job.parallelism': 5,
        'daemon.hostAccess': true,
        'requirements.needs': ['blockStorage', 'isolation', 'interruptible', 'compliance', 'portability', 'coldStart'],
        'requirements.compliance': ['hipaa', 'fedramp'],
        'requirements.portability': 'preferred',
        'requirements.coldStartSeconds': 15,
        'team.engineers': 40,
        'team.platformEngineers': 4,
        'team.kubernetes': 'some',
        'team.kubernetesEcosystem': 'some',
        'tune.sections': ['network', 'cost'],
        'network.subnets': '10.0.0.0/20,10.0.16.0/20',
        'network.registryRegion': 'us-east-1',
        'cost.utilization': 55.5,
        'cost.clusters': 3,
        'cost.ec2.spotPercent': 30,
        'cost.fargate.spotPercent': 20,
        'cost.ec2.discountPercent': 28,
        'cost.fargate.discountPercent': 12,
        'cost.ec2.instanceTypes#1': 'm7g.large',
        'team.engineerCostPerYear': 175_000,
        'current.platform': 'ecs-ec2',
        'current.services': 1,
        'service.imageSizeMB': 450,
        'cost.eks.support': 'extended',
      }),
    );
    const text = expectRoundTrip(workload);
    expect(text).toContain('compliance: [ hipaa, fedramp ]');
    expect(text).toContain('subnets: [ 10.0.0.0/20, 10.0.16.0/20 ]');
  });

  it('round-trips whatever the interview produces (property)', async () => {
    const traits = fc.subarray(['arm64', 'gpu', 'storage'] as const);
    const needs = fc.subarray([
      'privileged',
      'blockStorage',
      'hostNetworking',
      'isolation',
      'interruptible',
      'compliance',
      'portability',
      'coldStart',
    ] as const);
    const cpu = fc.double({ min: 0.01, max: 192, noNaN: true, noDefaultInfinity: true });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          cpu,
          memory: fc.double({ min: 0.01, max: 24_576, noNaN: true, noDefaultInfinity: true }),
          replicas: fc.integer({ min: 0, max: 1_000 }),
          extraPeak: fc.integer({ min: 0, max: 1_000 }),
          hours: fc.double({ min: 0, max: 24, noNaN: true }),
          traits,
          needs,
          engineers: fc.integer({ min: 1, max: 500 }),
          kinds: fc.constantFrom(['services'], ['services', 'jobs'], ['jobs', 'daemons'], ['services', 'jobs', 'daemons']),
        }),
        async (a) => {
          const script: Record<string, ScriptedAnswer> = {
            'workload.kinds': a.kinds,
            'service.cpu': a.cpu,
            'service.memory': a.memory,
            'service.replicas': a.replicas,
            'service.peakReplicas': a.replicas + a.extraPeak,
            'service.peakHoursPerDay': a.hours,
            'service.traits': a.traits,
            'job.cpu': a.cpu,
            'job.traits': a.traits,
            'requirements.needs': a.needs,
            'requirements.compliance': ['soc2'],
            'team.engineers': a.engineers,
          };
          const workload = await runQuestionnaire(createScriptedPrompter(script));
          const text = renderWorkloadYaml(workload);
          const back = YAML.parse(text) as unknown;
          expect(back).toEqual(workload);
          expect(resolve(back)).toEqual(resolve(workload));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('round-trips every bundled fixture', () => {
    const dir = join(import.meta.dirname, '../../fixtures');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const workload = YAML.parse(readFileSync(join(dir, file), 'utf8')) as WorkloadInput;
      expectRoundTrip(workload);
    }
  });
});

describe('INIT_TEMPLATE', () => {
  it('validates as it is', () => {
    const result = WorkloadSchema.safeParse(YAML.parse(INIT_TEMPLATE));
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(YAML.parse(INIT_TEMPLATE)).toEqual(TEMPLATE_WORKLOAD);
  });

  it('spells out every field of the schema, each with a note', () => {
    const walk = (path: (string | number)[], label: string[]): string[] =>
      knownKeysAt(path).flatMap((key) => {
        const isList = path.length === 0 && ['services', 'jobs', 'daemons'].includes(key);
        const childPath = isList ? [...path, key, 0] : [...path, key];
        const childLabel = isList ? [...label, key, '*'] : [...label, key];
        return [[...label, key].join('.'), ...walk(childPath, childLabel)];
      });
    const fields = walk([], []);
    expect(fields.length).toBeGreaterThan(50);
    for (const field of fields) {
      expect(FIELD_NOTES[field], field).toBeDefined();
      const key = field.split('.').at(-1)!;
      // Optional fields without a default are shown commented out (`# engineerCostPerYear:`).
      expect(INIT_TEMPLATE, field).toMatch(new RegExp(`^\\s*(# +)?(- )?${key}:`, 'm'));
    }
  });

  it('gives every value line a trailing note and every section a heading note', () => {
    const lines = INIT_TEMPLATE.split('\n').filter((l) => /^\s*(- )?\w+: \S/.test(l));
    for (const line of lines) expect(line, line).toMatch(/ # \S/);
  });
});
