/**
 * The import over real public files (../shared/data/import-examples, with their licences in its
 * README): each imports, validates, and gives advice through `import … | advise -i -`.
 */
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';
import { entry, EXAMPLES, importPaths, noteOf } from './helpers.js';

const at = (folder: string) => join(EXAMPLES ?? '', folder);

const FOLDERS = [
  'k8s-online-boutique',
  'k8s-retail-store-helm',
  'k8s-mixed',
  'ecs-fargate-sidecar',
  'ecs-ec2-daemon',
  'ecs-ec2-host-network',
  'compose-otel-demo',
  'compose-swarmprom',
  'terraform-plan-ecs',
];

describe.skipIf(!EXAMPLES)('real files: import … | advise -i -', () => {
  it.each(FOLDERS)('%s', async (folder) => {
    const imported = await run(['import', at(folder)]);
    expect(imported.code, imported.stderr).toBe(0);
    const validated = await run(['validate', '-'], { stdin: imported.stdout });
    expect(validated.code, validated.stderr).toBe(0);
    const advised = await run(['advise', '-i', '-', '--format', 'json'], { stdin: imported.stdout });
    expect(advised.code, advised.stderr).toBe(0);
    const advice = JSON.parse(advised.stdout);
    expect(advice.input.name).toBe(folder);
    expect(advice.options.find((o: { id: string }) => o.id === advice.recommendation.option).eligible).toBe(true);
  });

  it('all of them at once', async () => {
    const imported = await run(['import', ...FOLDERS.map(at), '--name', 'everything']);
    expect(imported.code, imported.stderr).toBe(0);
    const draft = parse(imported.stdout);
    // The ECS daemon's placeholder service is not needed once other files bring services.
    expect(draft.services.length).toBe(12 + 11 + 2 + 0 + 1 + 1 + 20 + 5 + 1);
    expect(draft.daemons.length).toBe(1 + 1 + 3);
    const advised = await run(['advise', '-i', '-', '--format', 'json'], { stdin: imported.stdout });
    expect(advised.code, advised.stderr).toBe(0);
  });
});

describe.skipIf(!EXAMPLES)('real files: what they import to', () => {
  it('Online Boutique: 12 Deployments with requests, no replicas set, the rest skipped', () => {
    const r = importPaths([at('k8s-online-boutique')]);
    expect(r.draft.services?.map((s) => s.name)).toEqual([
      'frontend',
      'adservice',
      'currencyservice',
      'cartservice',
      'redis-cart',
      'loadgenerator',
      'recommendationservice',
      'checkoutservice',
      'emailservice',
      'paymentservice',
      'shippingservice',
      'productcatalogservice',
    ]);
    expect(entry(r, 'services', 'frontend')).toEqual({ name: 'frontend', cpu: 0.1, memory: 0.0625, replicas: 1 });
    expect(noteOf(r, 'services', 'frontend', 'replicas')).toBe('spec.replicas not set; Kubernetes runs 1');
    // An init container without resources does not change the pod's size.
    expect(entry(r, 'services', 'loadgenerator')).toMatchObject({ cpu: 0.3, memory: 0.25 });
    expect(r.draft.requirements).toMatchObject({ privileged: false, hostNetworking: false, blockStorage: false });
    expect(r.warnings).toEqual([]);
    expect(new Set(r.skipped.map((s) => s.kind))).toEqual(new Set(['Service', 'ServiceAccount']));
  });

  it('retail store (helm template): StatefulSets on emptyDir need no block storage; the repeated ConfigMap key is a warning', () => {
    const r = importPaths([at('k8s-retail-store-helm')]);
    expect(r.draft.services).toHaveLength(11);
    expect(entry(r, 'services', 'catalog')).toEqual({ name: 'catalog', cpu: 0.128, memory: 0.25, replicas: 1 });
    expect(entry(r, 'services', 'orders-postgresql')).toMatchObject({ cpu: 0.25, memory: 0.5 });
    expect(noteOf(r, 'services', 'orders-postgresql', 'cpu')).toMatch(/^TODO: no cpu request or limit/);
    expect(r.draft.requirements?.blockStorage).toBe(false);
    expect(r.warnings[0]).toMatch(/deploy\.yaml:249:3: a key appears twice in one mapping; the last value is used$/);
    expect(r.warnings.some((w) => /3 StatefulSets \(catalog-mysql, orders-postgresql and orders-rabbitmq\): no cpu request/.test(w))).toBe(
      true,
    );
  });

  it('k8s-mixed: HPA in another file, GPUs, volumeClaimTemplates, a host DaemonSet, a */2 CronJob', () => {
    const r = importPaths([at('k8s-mixed')]);
    expect(entry(r, 'services', 'mysql')).toEqual({ name: 'mysql', cpu: 0.6, memory: 1.0977, replicas: 3 });
    expect(entry(r, 'services', 'vllm-gemma-deployment')).toEqual({
      name: 'vllm-gemma-deployment',
      cpu: 2,
      memory: 10,
      replicas: 1,
      peakReplicas: 5,
      peakHoursPerDay: 4,
      gpus: 1,
      storage: 10,
    });
    expect(noteOf(r, 'services', 'vllm-gemma-deployment', 'peakReplicas')).toContain('HorizontalPodAutoscaler gemma-server-gpu-hpa');
    expect(entry(r, 'jobs', 'descheduler-cronjob')).toMatchObject({ cpu: 0.5, memory: 0.25, runsPerDay: 720, minutesPerRun: 2 });
    expect(entry(r, 'daemons', 'node-exporter')).toEqual({ name: 'node-exporter', cpu: 0.112, memory: 0.1954, hostAccess: true });
    expect(noteOf(r, 'daemons', 'node-exporter', 'hostAccess')).toBe('hostNetwork, hostPID, hostPath /sys, /');
    expect(r.draft.requirements).toMatchObject({ blockStorage: true, hostNetworking: false, privileged: false });
  });

  it('ECS Fargate task definition with a sidecar: the task level wins', () => {
    const r = importPaths([at('ecs-fargate-sidecar')]);
    expect(r.draft.services).toEqual([{ name: 'ecs-cwagent-sidecar-fargate', cpu: 0.5, memory: 1, replicas: 1 }]);
    expect(r.currentPlatform).toMatch(/^ECS on Fargate \(ecs-fargate\)/);
    expect(r.draft.region).toBe('us-east-1'); // "{{awslogs-region}}" is a placeholder, not a region
  });

  it('ECS daemon task definition with host volumes: a daemon, and a placeholder service', () => {
    const r = importPaths([at('ecs-ec2-daemon')]);
    expect(r.draft.daemons).toEqual([{ name: 'ecs-cwagent-daemon-service', cpu: 0.125, memory: 0.0625, hostAccess: true }]);
    expect(r.draft.services?.[0]?.name).toBe('app');
  });

  it('Consul client: container-level cpu, memoryReservation, host networking, the log region', () => {
    const r = importPaths([at('ecs-ec2-host-network')]);
    expect(r.draft.services).toEqual([{ name: 'consul-client', cpu: 0.125, memory: 0.0625, replicas: 1 }]);
    expect(r.draft.requirements?.hostNetworking).toBe(true);
    expect(r.draft.region).toBe('us-east-2');
  });

  it('OpenTelemetry demo: 20 services sized by memory limits, with the cpu default said once', () => {
    const r = importPaths([at('compose-otel-demo')]);
    expect(r.draft.services).toHaveLength(20);
    expect(entry(r, 'services', 'ad')).toEqual({ name: 'ad', cpu: 0.25, memory: 0.293, replicas: 1 });
    expect(noteOf(r, 'services', 'ad', 'memory')).toBe('deploy.resources.limits.memory 300M (no reservation)');
    expect(r.warnings.filter((w) => w.includes('no cpus reservation or limit'))).toHaveLength(1);
    expect(r.warnings.some((w) => w.includes('otel-collector') && w.includes('/var/run/docker.sock'))).toBe(true);
  });

  it('swarmprom: global services are daemons, named volumes need block storage', () => {
    const r = importPaths([at('compose-swarmprom')]);
    expect(r.draft.services?.map((s) => s.name)).toEqual(['grafana', 'alertmanager', 'unsee', 'prometheus', 'caddy']);
    expect(r.draft.daemons?.map((d) => [d.name, d.hostAccess])).toEqual([
      ['dockerd-exporter', false],
      ['cadvisor', true],
      ['node-exporter', true],
    ]);
    expect(entry(r, 'services', 'prometheus')).toMatchObject({ memory: 0.125, replicas: 1 });
    expect(r.draft.requirements?.blockStorage).toBe(true);
  });

  it('checkov Terraform plan: container_definitions JSON, null task sizes, the provider region', () => {
    const r = importPaths([at('terraform-plan-ecs')]);
    expect(r.draft.services).toEqual([{ name: 'service', cpu: 0.02, memory: 0.75, replicas: 1 }]);
    expect(noteOf(r, 'services', 'service', 'cpu')).toBe("no task cpu; containers' cpu 10+10 units (1,024 = 1 vCPU)");
    expect(r.draft.region).toBe('us-west-2');
  });
});
