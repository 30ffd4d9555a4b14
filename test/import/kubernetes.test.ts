import { describe, expect, it } from 'vitest';
import { entry, FIXTURES, importPaths, importText, noteOf } from './helpers.js';

const K8S = `${FIXTURES}/k8s`;
const one = (file: string) => importPaths([`${K8S}/${file}`]);

describe('Kubernetes: per-pod resources', () => {
  it('sums the containers’ requests, and says so', () => {
    const r = one('frontend.yaml');
    expect(entry(r, 'services', 'frontend')).toEqual({ name: 'frontend', cpu: 0.15, memory: 0.0938, replicas: 2 });
    expect(noteOf(r, 'services', 'frontend', '')).toBe('test/fixtures-import/k8s/frontend.yaml:2: Deployment frontend, 2 containers');
    expect(noteOf(r, 'services', 'frontend', 'cpu')).toBe('requests 100m+50m');
    expect(noteOf(r, 'services', 'frontend', 'memory')).toBe('requests 64Mi+32Mi');
    expect(noteOf(r, 'services', 'frontend', 'replicas')).toBe('spec.replicas 2');
    expect(r.skipped).toEqual([{ file: 'test/fixtures-import/k8s/frontend.yaml', kind: 'Service', name: 'frontend' }]);
    expect(r.warnings).toEqual([]);
  });

  it('takes a container’s limit when it has no request; reads every quantity notation; tidies the name', () => {
    const r = one('quantities.yaml');
    const s = entry(r, 'services', 'quantities-app');
    expect(s.cpu).toBe(1.75);
    expect(s.memory).toBeCloseTo(1e9 / 1024 ** 3 + 0.5, 3);
    expect(s.replicas).toBe(1);
    expect(noteOf(r, 'services', 'quantities-app', 'cpu')).toBe('requests/limits a 1.5 (limit) + b 250m');
    expect(noteOf(r, 'services', 'quantities-app', 'name')).toBe('tidied from "Quantities_App"');
    expect(noteOf(r, 'services', 'quantities-app', 'replicas')).toBe('spec.replicas not set; Kubernetes runs 1');
  });

  it('asks for the larger of the containers (with native sidecars) and the largest init container', () => {
    const r = one('init-containers.yaml');
    expect(entry(r, 'services', 'migrator')).toMatchObject({ cpu: 2, memory: 1.5 });
    expect(noteOf(r, 'services', 'migrator', 'cpu')).toBe("init container migrate 2, more than the containers' requests 500m+100m");
    expect(noteOf(r, 'services', 'migrator', 'memory')).toBe('requests 512Mi+1Gi');
  });

  it('imports a workload without requests with the default, a TODO and a warning', () => {
    const r = one('no-resources.yaml');
    expect(entry(r, 'services', 'bare')).toMatchObject({ cpu: 0.25, memory: 0.5, replicas: 3 });
    expect(noteOf(r, 'services', 'bare', 'cpu')).toMatch(/^TODO: no cpu request or limit; default 0.25 vCPU/);
    expect(r.todos).toEqual(expect.arrayContaining(['services[0].cpu', 'services[0].memory']));
    expect(r.warnings).toEqual([
      'test/fixtures-import/k8s/no-resources.yaml:2: Deployment bare: no cpu request or limit in any container; 0.25 vCPU (the smallest Fargate task) used',
      'test/fixtures-import/k8s/no-resources.yaml:2: Deployment bare: no memory request or limit in any container; 0.5 GiB (the smallest Fargate task) used',
    ]);
  });

  it('reads GPUs, ephemeral storage, arch from a nodeSelector and os from node affinity', () => {
    const r = one('gpu-arm-windows.yaml');
    expect(entry(r, 'services', 'inference')).toEqual({
      name: 'inference',
      cpu: 4,
      memory: 16,
      replicas: 2,
      arch: 'arm64',
      gpus: 2,
      storage: 50,
    });
    expect(noteOf(r, 'services', 'inference', 'gpus')).toBe('nvidia.com/gpu limits 2 (no requests)');
    expect(noteOf(r, 'services', 'inference', 'arch')).toBe('nodeSelector kubernetes.io/arch: arm64');
    expect(entry(r, 'services', 'legacy-dotnet')).toMatchObject({ os: 'windows' });
    expect(noteOf(r, 'services', 'legacy-dotnet', 'os')).toBe('node affinity kubernetes.io/os in [windows]');
  });
});

describe('Kubernetes: replicas and autoscaling', () => {
  it('an HPA sets replicas to min and peakReplicas to max, with peakHoursPerDay an assumption', () => {
    const r = one('hpa.yaml');
    expect(entry(r, 'services', 'api')).toMatchObject({ replicas: 2, peakReplicas: 10, peakHoursPerDay: 4 });
    expect(noteOf(r, 'services', 'api', 'replicas')).toBe('HorizontalPodAutoscaler api-hpa (line 16) minReplicas 2');
    expect(noteOf(r, 'services', 'api', 'peakHoursPerDay')).toMatch(/^TODO: assumption: .*4 h a day used$/);
    expect(noteOf(r, 'services', 'api', '')).toContain('Deployment shop/api');
  });

  it('lists an HPA whose target is not imported as skipped', () => {
    const r = one('hpa.yaml');
    expect(r.skipped).toContainEqual({
      file: 'test/fixtures-import/k8s/hpa.yaml',
      kind: 'HorizontalPodAutoscaler',
      name: 'orphan-hpa',
      reason: 'targets Deployment not-here, which is not in the imported files',
    });
  });

  it('matches an HPA to a Deployment in another file', () => {
    const r = importPaths([`${K8S}/hpa.yaml`, `${K8S}/frontend.yaml`]);
    expect(entry(r, 'services', 'api').peakReplicas).toBe(10);
  });

  it('opens List objects and skips objects owned by an imported controller', () => {
    const r = one('list.yaml');
    expect(entry(r, 'services', 'worker')).toMatchObject({ replicas: 5, cpu: 0.3, memory: 0.375 });
    expect(entry(r, 'services', 'standalone-rs')).toMatchObject({ replicas: 2 });
    expect(noteOf(r, 'services', 'worker', '')).toMatch(/list\.yaml:5: Deployment worker/);
    expect(r.skipped).toEqual([
      {
        file: 'test/fixtures-import/k8s/list.yaml',
        kind: 'ReplicaSet',
        name: 'worker-5d9c7',
        reason: 'owned by Deployment worker, which is imported instead',
      },
    ]);
  });

  it('imports a ReplicaSet whose Deployment is not in the files; skips Pods, saying whose they are', () => {
    const text = [
      'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: web-7f9\n  ownerReferences: [{kind: Deployment, name: web, controller: true}]\nspec:\n  replicas: 3\n  template: {spec: {containers: [{name: c, resources: {requests: {cpu: 1, memory: 1Gi}}}]}}',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-7f9-abc\n  ownerReferences: [{kind: ReplicaSet, name: web-7f9, controller: true}]\nspec: {containers: [{name: c}]}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: debug}\nspec: {containers: [{name: c}]}',
    ].join('\n---\n');
    const r = importText(text);
    expect(r.draft.services).toEqual([{ name: 'web-7f9', cpu: 1, memory: 1, replicas: 3 }]);
    expect(r.skipped.map((s) => s.reason)).toEqual(['a Pod of ReplicaSet web-7f9; import its controller', 'a bare Pod; not modelled']);
  });

  it('lists CRDs and custom resources as skipped, not errors', () => {
    const r = importPaths([`${K8S}/crd.yaml`, `${K8S}/frontend.yaml`]);
    expect(r.skipped.map((s) => `${s.kind} ${s.name}`)).toEqual([
      'CustomResourceDefinition widgets.example.com',
      'Widget my-widget',
      'Service frontend',
    ]);
  });
});

describe('Kubernetes: requirements and daemons', () => {
  it('StatefulSet volumeClaimTemplates → blockStorage', () => {
    const r = one('statefulset.yaml');
    expect(entry(r, 'services', 'postgres')).toMatchObject({ replicas: 3, cpu: 1, memory: 2 });
    expect(r.draft.requirements?.blockStorage).toBe(true);
    expect(r.notes.get('requirements.blockStorage')?.comment).toBe('StatefulSet postgres: volumeClaimTemplate data (100Gi)');
  });

  it('a persistentVolumeClaim volume → blockStorage', () => {
    const r = one('pvc.yaml');
    expect(r.draft.requirements?.blockStorage).toBe(true);
    expect(r.notes.get('requirements.blockStorage')?.comment).toBe('Deployment uploads: persistentVolumeClaim uploads-pvc');
  });

  it('privileged → requirements.privileged, hostNetwork → requirements.hostNetworking', () => {
    const r = one('privileged-hostnetwork.yaml');
    expect(r.draft.requirements).toMatchObject({ privileged: true, hostNetworking: true, blockStorage: false });
    expect(r.notes.get('requirements.privileged')?.comment).toBe('Deployment packet-capture: container capture privileged');
    expect(r.notes.get('requirements.hostNetworking')?.comment).toBe('Deployment packet-capture: hostNetwork');
  });

  it('says when nothing needs a requirement', () => {
    const r = one('frontend.yaml');
    expect(r.draft.requirements).toMatchObject({ privileged: false, hostNetworking: false, blockStorage: false });
    expect(r.notes.get('requirements.privileged')?.comment).toBe('no service or job container is privileged');
  });

  it('DaemonSets are daemons; privileged or hostPath make hostAccess true', () => {
    const r = importPaths([`${K8S}/daemonsets.yaml`, `${K8S}/frontend.yaml`]);
    expect(entry(r, 'daemons', 'log-agent')).toEqual({ name: 'log-agent', cpu: 0.1, memory: 0.125, hostAccess: true });
    expect(noteOf(r, 'daemons', 'log-agent', 'hostAccess')).toBe('container agent privileged, hostPath /var/log');
    expect(entry(r, 'daemons', 'sidecar-like')).toMatchObject({ hostAccess: false });
    // A privileged daemon does not make the services privileged: hostAccess says it.
    expect(r.draft.requirements?.privileged).toBe(false);
  });
});

describe('Kubernetes: jobs', () => {
  const r = one('cronjobs.yaml');

  it('*/15 → 96 runs a day; activeDeadlineSeconds → minutesPerRun; parallelism capped by completions', () => {
    expect(entry(r, 'jobs', 'report')).toEqual({ name: 'report', cpu: 1, memory: 1, runsPerDay: 96, minutesPerRun: 10, parallelism: 3 });
    expect(noteOf(r, 'jobs', 'report', 'runsPerDay')).toBe('schedule "*/15 * * * *": 96 runs a day');
    expect(noteOf(r, 'jobs', 'report', 'minutesPerRun')).toBe('activeDeadlineSeconds 600 (the deadline: an upper bound on the run)');
    expect(noteOf(r, 'jobs', 'report', 'parallelism')).toBe('parallelism 3, completions 6');
  });

  it('weekday schedules average over the week; no deadline → an assumed run length', () => {
    expect(entry(r, 'jobs', 'weekday-digest')).toMatchObject({ runsPerDay: 0.7143, minutesPerRun: 10, parallelism: 1 });
    expect(noteOf(r, 'jobs', 'weekday-digest', 'minutesPerRun')).toMatch(/^TODO: assumption: no activeDeadlineSeconds; 10 min per pod$/);
    expect(entry(r, 'jobs', 'nightly')).toMatchObject({ runsPerDay: 1 });
  });

  it('a Job: waves of completions ÷ parallelism, runs a day an assumption', () => {
    const job = one('job.yaml');
    expect(entry(job, 'jobs', 'backfill')).toMatchObject({ parallelism: 2, minutesPerRun: 50, runsPerDay: 1 });
    expect(noteOf(job, 'jobs', 'backfill', 'runsPerDay')).toMatch(/^TODO: a Job runs when it is created; assumption: once a day$/);
    expect(noteOf(job, 'jobs', 'backfill', 'minutesPerRun')).toContain('× 5 waves (completions 10 at parallelism 2)');
  });

  it('caps an assumed run length at the interval between runs', () => {
    const text = `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: fast}\nspec:\n  schedule: "*/2 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: c, resources: {requests: {cpu: 100m, memory: 64Mi}}}]\n`;
    const fast = importText(text);
    expect(entry(fast, 'jobs', 'fast')).toMatchObject({ runsPerDay: 720, minutesPerRun: 2 });
  });

  it('an unreadable schedule: a warning and 1 run a day marked TODO', () => {
    const text = `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: odd}\nspec:\n  schedule: "every tuesday"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: c, resources: {requests: {cpu: 100m, memory: 64Mi}}}]\n`;
    const odd = importText(text);
    expect(entry(odd, 'jobs', 'odd').runsPerDay).toBe(1);
    expect(odd.warnings.join('\n')).toContain('not a five-field cron expression');
  });
});

describe('Kubernetes: names', () => {
  it('keeps names unique across services and jobs, and among daemons', () => {
    const text = [
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: a}\nspec: {template: {spec: {containers: [{name: c}]}}}',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: b}\nspec: {template: {spec: {containers: [{name: c}]}}}',
      'apiVersion: batch/v1\nkind: Job\nmetadata: {name: API}\nspec: {template: {spec: {containers: [{name: c}]}}}',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: api}\nspec: {template: {spec: {containers: [{name: c}]}}}',
    ].join('\n---\n');
    const r = importText(text);
    expect(r.draft.services?.map((s) => s.name)).toEqual(['api', 'api-2']);
    expect(r.draft.jobs?.map((s) => s.name)).toEqual(['api-3']);
    expect(r.draft.daemons?.map((s) => s.name)).toEqual(['api']);
    expect(r.notes.get('jobs[0].name')?.comment).toBe('"API" tidied and made unique');
  });
});

describe('Kubernetes: what the labels say about the team', () => {
  const deployment = (labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: {${labels}}
spec:
  replicas: 2
  template:
    spec:
      containers: [{name: api, image: api, resources: {requests: {cpu: 500m, memory: 1Gi}}}]
`;

  it.each([['helm.sh/chart: api-1.2.0'], ['app.kubernetes.io/managed-by: Helm']])(
    '%s: Helm charts in use → kubernetesEcosystem some, said why',
    (labels) => {
      const r = importText(deployment(labels));
      expect(r.draft.team).toMatchObject({ kubernetesEcosystem: 'some', kubernetes: 'none' });
      expect(r.notes.get('team.kubernetesEcosystem')?.comment).toBe(
        "1 object carries Helm's labels (helm.sh/chart): Helm charts in use; say central if a platform team runs them for others",
      );
      expect(r.notes.get('team.kubernetes')?.comment).toMatch(/^TODO: /);
    },
  );

  it('without Helm labels the ecosystem stays a TODO', () => {
    const r = importText(deployment('app: api'));
    expect(r.draft.team).toMatchObject({ kubernetesEcosystem: 'none' });
    expect(r.notes.get('team.kubernetesEcosystem')?.comment).toMatch(/^TODO: default; Helm charts, operators or a mesh in use\?/);
  });
});
