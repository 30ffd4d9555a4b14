import { describe, expect, it } from 'vitest';
import { entry, FIXTURES, importPaths, importText, noteOf } from './helpers.js';

describe('Compose', () => {
  const r = importPaths([`${FIXTURES}/compose/docker-compose.yml`]);

  it('deploy.replicas and deploy.resources.reservations', () => {
    expect(entry(r, 'services', 'web')).toEqual({ name: 'web', cpu: 0.5, memory: 0.5, replicas: 3 });
    expect(noteOf(r, 'services', 'web', 'cpu')).toBe('deploy.resources.reservations.cpus 0.5');
    expect(noteOf(r, 'services', 'web', '')).toBe('test/fixtures-import/compose/docker-compose.yml:9: Compose service web');
  });

  it('an extension field with an anchor, used through a merge key', () => {
    expect(entry(r, 'services', 'api')).toMatchObject({ cpu: 0.5, memory: 0.5, replicas: 1 });
    expect(r.draft.services?.map((s) => s.name)).not.toContain('x-not-a-service');
  });

  it('limits when there is no reservation; ${VAR:-default} takes the default; platform', () => {
    expect(entry(r, 'services', 'worker')).toEqual({ name: 'worker', cpu: 0.75, memory: 0.75, replicas: 2, arch: 'arm64', os: 'linux' });
    expect(noteOf(r, 'services', 'worker', 'cpu')).toBe('deploy.resources.limits.cpus 0.75 (no reservation; ${WORKER_CPUS:-0.75} → 0.75)');
  });

  it('the older cpus / mem_limit', () => {
    expect(entry(r, 'services', 'legacy')).toMatchObject({ cpu: 1.5, memory: 2 });
    expect(noteOf(r, 'services', 'legacy', 'memory')).toBe('mem_limit 2g');
  });

  it('GPU device reservations → gpus', () => {
    expect(entry(r, 'services', 'trainer')).toMatchObject({ cpu: 8, memory: 32, gpus: 2 });
  });

  it('named volumes → blockStorage; privileged and network_mode host → requirements', () => {
    expect(r.draft.requirements).toMatchObject({ blockStorage: true, privileged: true, hostNetworking: true });
    expect(r.notes.get('requirements.blockStorage')?.comment).toBe('Compose service db: named volume pgdata');
    expect(r.notes.get('requirements.privileged')?.comment).toBe('Compose service capture: privileged');
  });

  it('deploy.mode global → a daemon, with hostAccess from privileged, host network and host binds', () => {
    expect(entry(r, 'daemons', 'monitor')).toMatchObject({ hostAccess: true, memory: 0.0625 });
    expect(noteOf(r, 'daemons', 'monitor', 'hostAccess')).toBe('privileged, network_mode host, host bind mounts /var/run/docker.sock');
  });

  it('no size: the default and a warning naming every such service once', () => {
    expect(entry(r, 'services', 'db')).toMatchObject({ cpu: 0.25, memory: 0.5 });
    expect(r.warnings).toContain(
      'test/fixtures-import/compose/docker-compose.yml: 2 Compose services (db and monitor): no cpus reservation or limit; 0.25 vCPU (the smallest Fargate task) used',
    );
  });

  it('an unset ${VAR} is said, not guessed', () => {
    const c = importText(
      'services:\n  app:\n    image: app\n    deploy:\n      resources:\n        limits: {cpus: "${APP_CPUS}", memory: 1g}\n',
      'c.yaml',
    );
    expect(entry(c, 'services', 'app')).toMatchObject({ cpu: 0.25, memory: 1 });
    expect(c.warnings.join('\n')).toContain('needs ${APP_CPUS}, which is not set here');
  });
});
