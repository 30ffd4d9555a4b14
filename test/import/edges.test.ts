/** The corners: clamping to the schema, conflicting platforms, the other input shapes of each source. */
import { describe, expect, it } from 'vitest';
import { importDocuments } from '../../src/import/index.js';
import { WorkloadSchema } from '../../src/schema/workload.js';
import { entry, importText, noteOf } from './helpers.js';

const deployment = (name: string, podSpec: string, extra = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  replicas: 1${extra}\n  template:\n    spec: ${podSpec}\n`;

describe('clamping and conflicts', () => {
  it('a task bigger than the format allows is clamped, with a warning and a comment', () => {
    const r = importText(
      deployment('huge', '{containers: [{name: c, resources: {requests: {cpu: "500", memory: 64Ti, nvidia.com/gpu: 32}}}]}'),
    );
    expect(entry(r, 'services', 'huge')).toMatchObject({ cpu: 192, memory: 24_576, gpus: 16 });
    expect(noteOf(r, 'services', 'huge', 'cpu')).toBe('requests 500; clamped to 192, the most workload.yaml allows');
    expect(r.warnings).toContain('inline.yaml:1: Deployment huge: cpu 500 is more than workload.yaml allows; clamped to 192');
    expect(WorkloadSchema.safeParse(r.draft).success).toBe(true);
  });

  it('a daemon is clamped to the daemon limits', () => {
    const r = importText(
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: big}\nspec:\n  template:\n    spec: {containers: [{name: c, resources: {requests: {cpu: "100", memory: 1Ti}}}]}\n---\n' +
        deployment('app', '{containers: [{name: c}]}'),
    );
    expect(entry(r, 'daemons', 'big')).toMatchObject({ cpu: 64, memory: 512 });
  });

  it('Windows on arm64 keeps os and drops arch; Windows with GPUs drops the GPUs; both with a warning', () => {
    const r = importText(
      deployment(
        'win',
        '{nodeSelector: {kubernetes.io/os: windows, kubernetes.io/arch: arm64}, containers: [{name: c, resources: {limits: {nvidia.com/gpu: 1}}}]}',
      ),
    );
    const s = entry(r, 'services', 'win');
    expect(s.os).toBe('windows');
    expect(s.arch).toBeUndefined();
    expect(s.gpus).toBeUndefined();
    expect(r.warnings.join('\n')).toContain('Windows on arm64 is not offered');
    expect(r.warnings.join('\n')).toContain('GPUs are modelled for Linux tasks only');
    expect(WorkloadSchema.safeParse(r.draft).success).toBe(true);
  });

  it('a nodeSelector value the format does not know is said', () => {
    const r = importText(deployment('s390', '{nodeSelector: {kubernetes.io/arch: s390x}, containers: [{name: c}]}'));
    expect(entry(r, 'services', 's390').arch).toBeUndefined();
    expect(r.warnings.join('\n')).toContain('kubernetes.io/arch: s390x is not a CPU architecture the workload format knows');
  });

  it('node affinity allowing both architectures pins none', () => {
    const affinity =
      '{affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}]}]}}}, containers: [{name: c}]}';
    expect(entry(importText(deployment('multi', affinity)), 'services', 'multi').arch).toBeUndefined();
    const notAmd =
      '{affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/arch, operator: NotIn, values: [amd64]}]}]}}}, containers: [{name: c}]}';
    expect(entry(importText(deployment('graviton', notAmd)), 'services', 'graviton').arch).toBe('arm64');
  });

  it('hostPath outside a DaemonSet is a warning, not a silent loss', () => {
    const r = importText(deployment('logs', '{volumes: [{name: l, hostPath: {path: /var/log}}], containers: [{name: c}]}'));
    expect(r.warnings.join('\n')).toContain('hostPath /var/log: Fargate cannot give a pod host access');
  });

  it('a repeated key is a warning with its line and column; the last value wins', () => {
    const r = importText(deployment('dup', '{containers: [{name: c}]}', '\n  replicas: 4'));
    expect(entry(r, 'services', 'dup').replicas).toBe(4);
    expect(r.warnings[0]).toBe('inline.yaml:6:3: a key appears twice in one mapping; the last value is used');
  });

  it('empty documents are ignored; an empty file is skipped with a warning', () => {
    const r = importText(`---\n# nothing\n---\n${deployment('a', '{containers: [{name: c}]}')}`);
    expect(r.draft.services).toHaveLength(1);
    const outcome = importDocuments(
      [
        { file: 'empty.yaml', text: '# just a comment\n', explicit: true },
        { file: 'a.yaml', text: deployment('a', '{containers: [{name: c}]}'), explicit: true },
      ],
      { defaultName: 'x' },
    );
    expect(outcome.ok && outcome.result.warnings[0]).toBe('empty.yaml: the file is empty; skipped');
  });
});

describe('other input shapes', () => {
  it('ECS: a taskDefinitions list, and create-service input on its own', () => {
    const def = { family: 'web', cpu: '512', memory: '1024', containerDefinitions: [{ name: 'web' }] };
    const outcome = [
      importText(JSON.stringify({ taskDefinitions: [def] }), 'defs.json'),
      importText(JSON.stringify({ serviceName: 'web', taskDefinition: 'web:3', desiredCount: 6, launchType: 'FARGATE' }), 'svc.json'),
    ];
    expect(outcome[0]!.draft.services?.[0]).toMatchObject({ name: 'web', cpu: 0.5, memory: 1 });
    // The service alone names a task definition that is not there.
    expect(outcome[1]!.skipped[0]).toMatchObject({ kind: 'ECS service', name: 'web' });
  });

  it('joins ECS files across inputs, with the scaling target as register-scalable-target input', () => {
    const outcome = importDocuments(
      [
        {
          file: 'def.json',
          text: JSON.stringify({ family: 'web', cpu: '512', memory: '1024', containerDefinitions: [{ name: 'web' }] }),
          explicit: true,
        },
        {
          file: 'svc.json',
          text: JSON.stringify({ serviceName: 'web', taskDefinition: 'web:3', desiredCount: 6, launchType: 'FARGATE' }),
          explicit: true,
        },
        {
          file: 'target.json',
          text: JSON.stringify({
            ServiceNamespace: 'ecs',
            ResourceId: 'service/prod/web',
            ScalableDimension: 'ecs:service:DesiredCount',
            MinCapacity: 3,
            MaxCapacity: 9,
          }),
          explicit: true,
        },
      ],
      { defaultName: 'web' },
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.draft.services).toEqual([{ name: 'web', cpu: 0.5, memory: 1, replicas: 3, peakReplicas: 9, peakHoursPerDay: 4 }]);
    expect(outcome.result.draft.cost?.fargate?.spotPercent).toBe(0);
    expect(outcome.result.notes.get('cost.fargate.spotPercent')?.comment).toBe('no FARGATE_SPOT in web (launchType FARGATE)');
  });

  it('Compose replicated-job and a GPU count of "all"', () => {
    const r = importText(
      'services:\n  batch:\n    image: b\n    deploy:\n      mode: replicated-job\n      replicas: 4\n      resources:\n        reservations:\n          devices: [{capabilities: [gpu], count: all}]\n',
      'compose.yaml',
    );
    expect(entry(r, 'jobs', 'batch')).toMatchObject({ parallelism: 4, runsPerDay: 1, minutesPerRun: 10, gpus: 1 });
    expect(noteOf(r, 'jobs', 'batch', 'gpus')).toMatch(/^TODO: GPU device count "all"/);
    expect(r.draft.services).toBeUndefined(); // a job is enough: no placeholder service
  });

  it('a Terraform HPA resource scales a Terraform deployment', () => {
    const plan = {
      format_version: '1.0',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'kubernetes_deployment_v1.api',
              mode: 'managed',
              type: 'kubernetes_deployment_v1',
              name: 'api',
              values: { metadata: [{ name: 'api' }], spec: [{ replicas: '1', template: [{ spec: [{ container: [{ name: 'api' }] }] }] }] },
            },
            {
              address: 'kubernetes_horizontal_pod_autoscaler_v2.api',
              mode: 'managed',
              type: 'kubernetes_horizontal_pod_autoscaler_v2',
              name: 'api',
              values: {
                metadata: [{ name: 'api' }],
                spec: [{ min_replicas: 2, max_replicas: 8, scale_target_ref: [{ kind: 'Deployment', name: 'api' }] }],
              },
            },
          ],
        },
      },
    };
    const r = importText(JSON.stringify(plan), 'plan.json');
    expect(entry(r, 'services', 'api')).toMatchObject({ replicas: 2, peakReplicas: 8, peakHoursPerDay: 4 });
  });
});
