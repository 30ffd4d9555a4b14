import { describe, expect, it } from 'vitest';
import { entry, FIXTURES, importPaths, importText, noteOf } from './helpers.js';

const ECS = `${FIXTURES}/ecs`;

describe('ECS task definitions', () => {
  it('describe-task-definition output: task-level sizes ("4 vCPU", "16 GB"), runtimePlatform, ephemeralStorage, GPUs, privileged', () => {
    const r = importPaths([`${ECS}/describe-task-definition.json`]);
    expect(entry(r, 'services', 'gpu-worker')).toEqual({
      name: 'gpu-worker',
      cpu: 4,
      memory: 16,
      replicas: 1,
      arch: 'x86_64',
      os: 'linux',
      gpus: 2,
      storage: 50,
    });
    expect(noteOf(r, 'services', 'gpu-worker', 'gpus')).toBe('resourceRequirements GPU 2');
    expect(noteOf(r, 'services', 'gpu-worker', 'replicas')).toMatch(/^TODO: no ECS service in the imported files/);
    expect(r.draft.requirements?.privileged).toBe(true);
    expect(r.draft.region).toBe('eu-central-1');
    expect(r.notes.get('region')?.comment).toBe('test/fixtures-import/ecs/describe-task-definition.json: taskDefinitionArn');
  });

  it('register-task-definition input without task-level sizes: the containers’ sum, memoryReservation first', () => {
    const r = importPaths([`${ECS}/register-containers-sum.json`]);
    expect(entry(r, 'services', 'web-app')).toMatchObject({ cpu: 0.313, memory: 0.625, arch: 'arm64', os: 'linux' });
    expect(noteOf(r, 'services', 'web-app', 'cpu')).toBe("no task cpu; containers' cpu 256+64 units (1,024 = 1 vCPU)");
    expect(noteOf(r, 'services', 'web-app', 'memory')).toBe("no task memory; containers' 512 MiB reservation (hard limit 1024) + 128 MiB");
  });

  it('task cpu units (1,024 = 1 vCPU) and memory MiB; networkMode host → hostNetworking', () => {
    const r = importPaths([`${ECS}/host-network.json`]);
    expect(entry(r, 'services', 'edge-proxy')).toMatchObject({ cpu: 0.25, memory: 0.5 });
    expect(noteOf(r, 'services', 'edge-proxy', 'cpu')).toBe('task cpu 256 units (1,024 = 1 vCPU)');
    expect(r.draft.requirements?.hostNetworking).toBe(true);
  });

  it('a task definition with no sizes at all: the default, a TODO and a warning', () => {
    const r = importText('{"family": "tiny", "containerDefinitions": [{"name": "c", "image": "x"}]}', 'tiny.json');
    expect(entry(r, 'services', 'tiny')).toMatchObject({ cpu: 0.25, memory: 0.5 });
    expect(r.warnings).toContain(
      'tiny.json: task definition tiny: no cpu at task or container level; 0.25 vCPU (the smallest Fargate task) used',
    );
  });

  it('a standalone EC2 task definition with host volumes is a daemon (said as a TODO), with a placeholder service', () => {
    const r = importText(
      JSON.stringify({
        family: 'agent',
        requiresCompatibilities: ['EC2'],
        cpu: '128',
        memory: '64',
        volumes: [{ name: 'proc', host: { sourcePath: '/proc' } }],
        containerDefinitions: [{ name: 'agent', image: 'agent' }],
      }),
      'agent.json',
    );
    expect(entry(r, 'daemons', 'agent')).toEqual({ name: 'agent', cpu: 0.125, memory: 0.0625, hostAccess: true });
    expect(noteOf(r, 'daemons', 'agent', 'hostAccess')).toMatch(/^TODO: host volumes \/proc; a daemon is inferred/);
    expect(entry(r, 'services', 'app')).toMatchObject({ cpu: 0.25, memory: 0.5, replicas: 1 });
    expect(r.notes.get('services[0]')?.above?.[0]).toMatch(/^TODO: a placeholder/);
    expect(r.warnings.join('\n')).toContain('placeholder service "app"');
  });
});

describe('ECS services and scaling targets', () => {
  const r = importPaths([`${ECS}/services`]);

  it('a service takes its size from its task definition and its count from the scaling target (min, max)', () => {
    expect(entry(r, 'services', 'checkout')).toEqual({
      name: 'checkout',
      cpu: 1,
      memory: 2,
      replicas: 4,
      peakReplicas: 20,
      peakHoursPerDay: 4,
    });
    expect(noteOf(r, 'services', 'checkout', 'replicas')).toContain('MinCapacity 4 (desiredCount 8)');
    expect(noteOf(r, 'services', 'checkout', 'peakHoursPerDay')).toMatch(/^TODO: assumption/);
  });

  it('FARGATE_SPOT weights → cost.fargate.spotPercent (base first, then by weight), and interruptible', () => {
    // 4 tasks: base 2 on FARGATE, the other 2 split 1:3 → 1.5 on FARGATE_SPOT = 37.5 %.
    expect(r.draft.cost?.fargate?.spotPercent).toBe(37.5);
    expect(r.notes.get('cost.fargate.spotPercent')?.comment).toBe(
      '1.5 of 4 Fargate tasks on FARGATE_SPOT (checkout: FARGATE weight 1 base 2, FARGATE_SPOT weight 3)',
    );
    expect(r.draft.requirements?.interruptible).toBe(true);
  });

  it('schedulingStrategy DAEMON → a daemon; networkMode host makes it hostAccess', () => {
    expect(entry(r, 'daemons', 'node-agent')).toEqual({ name: 'node-agent', cpu: 0.125, memory: 0.25, hostAccess: true });
    // The host network of a daemon is its own business, not the services'.
    expect(r.draft.requirements?.hostNetworking).toBe(false);
  });

  it('a service whose task definition is missing is skipped with a warning', () => {
    expect(r.skipped).toContainEqual(expect.objectContaining({ kind: 'ECS service', name: 'ghost' }));
    expect(r.warnings.join('\n')).toContain('ECS service ghost: task definition ghost:4 is not among the imported files; skipped');
  });

  it('notes the platform the services run on today and the region of their ARNs', () => {
    expect(r.currentPlatform).toContain('ECS on Fargate (ecs-fargate)');
    expect(r.currentPlatform).toContain('ECS on EC2 (ecs-ec2)');
    expect(r.draft.region).toBe('eu-central-1');
  });
});
