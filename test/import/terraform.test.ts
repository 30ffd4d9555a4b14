import { describe, expect, it } from 'vitest';
import { entry, FIXTURES, importPaths, importText, noteOf } from './helpers.js';

describe('Terraform plans', () => {
  const r = importPaths([`${FIXTURES}/terraform/plan.json`]);

  it('aws_ecs_task_definition + aws_ecs_service + aws_appautoscaling_target, joined through configuration references', () => {
    expect(entry(r, 'services', 'api')).toEqual({
      name: 'api',
      cpu: 1,
      memory: 2,
      replicas: 2,
      peakReplicas: 12,
      peakHoursPerDay: 4,
      arch: 'arm64',
      os: 'linux',
      storage: 30,
    });
    expect(noteOf(r, 'services', 'api', '')).toContain('aws_ecs_service.api: ECS service api, task definition api');
    expect(r.draft.cost?.fargate?.spotPercent).toBe(50);
  });

  it('kubernetes_deployment_v1, kubernetes_cron_job_v1 and kubernetes_daemon_set_v1 are read by the Kubernetes rules', () => {
    expect(entry(r, 'services', 'web')).toEqual({ name: 'web', cpu: 0.25, memory: 0.25, replicas: 4, arch: 'arm64' });
    expect(r.draft.requirements?.blockStorage).toBe(true);
    expect(entry(r, 'jobs', 'cleanup')).toMatchObject({ runsPerDay: 4, minutesPerRun: 15, parallelism: 1 });
    expect(entry(r, 'daemons', 'fluent-bit')).toMatchObject({ hostAccess: true, cpu: 0.1 });
  });

  it('the region from the provider (through a variable), the current platform, other resources skipped', () => {
    expect(r.draft.region).toBe('eu-west-1');
    expect(r.currentPlatform).toMatch(
      /^EKS with managed node groups \(eks-managed-nodes\): .*aws_eks_node_group\.general; ECS on Fargate \(ecs-fargate\)/,
    );
    expect(r.header.join('\n')).toContain('Runs today on: EKS with managed node groups');
    expect(r.skipped).toEqual([{ file: 'test/fixtures-import/terraform/plan.json', kind: 'aws_vpc', name: 'aws_vpc.main' }]);
  });

  it('falls back to resource_changes when there are no planned values', () => {
    const plan = {
      format_version: '1.0',
      resource_changes: [
        {
          address: 'aws_ecs_task_definition.x',
          mode: 'managed',
          type: 'aws_ecs_task_definition',
          name: 'x',
          change: { actions: ['create'], after: { family: 'x', cpu: '512', memory: '1024', container_definitions: '[{"name":"x"}]' } },
        },
        {
          address: 'aws_ecs_task_definition.gone',
          mode: 'managed',
          type: 'aws_ecs_task_definition',
          name: 'gone',
          change: { actions: ['delete'], after: null },
        },
      ],
    };
    const p = importText(JSON.stringify(plan), 'plan.json');
    expect(p.draft.services).toEqual([{ name: 'x', cpu: 0.5, memory: 1, replicas: 1 }]);
  });

  it('notes EKS Auto Mode from compute_config', () => {
    const plan = {
      format_version: '1.0',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_eks_cluster.c',
              mode: 'managed',
              type: 'aws_eks_cluster',
              name: 'c',
              values: { compute_config: [{ enabled: true }] },
            },
            {
              address: 'kubernetes_deployment.a',
              mode: 'managed',
              type: 'kubernetes_deployment',
              name: 'a',
              values: { metadata: [{ name: 'a' }], spec: [{ replicas: '2', template: [{ spec: [{ container: [{ name: 'a' }] }] }] }] },
            },
          ],
        },
      },
    };
    const p = importText(JSON.stringify(plan), 'plan.json');
    expect(p.currentPlatform).toBe('EKS Auto Mode (eks-auto-mode): plan.json: aws_eks_cluster.c');
    expect(entry(p, 'services', 'a')).toMatchObject({ replicas: 2, cpu: 0.25 });
  });
});
