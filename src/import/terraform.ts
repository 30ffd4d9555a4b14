/**
 * `terraform show -json` plans (and state) → the same shapes the ECS and Kubernetes readers take, so a
 * task definition in a plan is read by exactly the rules of a task definition file. Reads
 * `planned_values` (else `resource_changes[].change.after`, else state `values`), follows
 * `configuration` references where the plan leaves a value unknown until apply (a service's task
 * definition, a scaling target's service), and notes the platform the plan builds (EKS cluster, node
 * groups, Fargate profiles, ECS capacity providers).
 */
import { emptyEcs, type EcsEntities } from './ecs.js';
import type { KubeObject } from './kubernetes.js';
import {
  asArray,
  asRecord,
  asString,
  isRecord,
  REGION_PATTERN,
  type Json,
  type PlatformHint,
  type RegionHint,
  type Skipped,
  type Warning,
} from './model.js';

export interface TerraformPlan {
  file: string;
  doc: Json;
}

/** `terraform show -json` output: a `format_version` and planned values, resource changes or state values. */
export function isTerraformPlan(value: unknown): value is Json {
  return (
    isRecord(value) &&
    typeof value.format_version === 'string' &&
    (isRecord(value.planned_values) || Array.isArray(value.resource_changes) || isRecord(value.values))
  );
}

export interface TerraformResult {
  kube: KubeObject[];
  ecs: EcsEntities;
  skipped: Skipped[];
  warnings: Warning[];
  platforms: PlatformHint[];
  regions: RegionHint[];
}

interface Resource {
  address: string;
  type: string;
  name: string;
  values: Json;
}

const KUBE_KINDS: Readonly<Record<string, { kind: string; apiVersion: string }>> = {
  kubernetes_deployment: { kind: 'Deployment', apiVersion: 'apps/v1' },
  kubernetes_deployment_v1: { kind: 'Deployment', apiVersion: 'apps/v1' },
  kubernetes_stateful_set: { kind: 'StatefulSet', apiVersion: 'apps/v1' },
  kubernetes_stateful_set_v1: { kind: 'StatefulSet', apiVersion: 'apps/v1' },
  kubernetes_daemonset: { kind: 'DaemonSet', apiVersion: 'apps/v1' },
  kubernetes_daemon_set_v1: { kind: 'DaemonSet', apiVersion: 'apps/v1' },
  kubernetes_job: { kind: 'Job', apiVersion: 'batch/v1' },
  kubernetes_job_v1: { kind: 'Job', apiVersion: 'batch/v1' },
  kubernetes_cron_job: { kind: 'CronJob', apiVersion: 'batch/v1' },
  kubernetes_cron_job_v1: { kind: 'CronJob', apiVersion: 'batch/v1' },
  kubernetes_horizontal_pod_autoscaler: { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v2' },
  kubernetes_horizontal_pod_autoscaler_v1: { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v1' },
  kubernetes_horizontal_pod_autoscaler_v2: { kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v2' },
};

/** Where the plan builds the platform itself (not workloads): noted, not imported. */
const PLATFORM_TYPES = new Set([
  'aws_eks_cluster',
  'aws_eks_node_group',
  'aws_eks_fargate_profile',
  'aws_ecs_cluster',
  'aws_ecs_cluster_capacity_providers',
  'aws_ecs_capacity_provider',
]);

/** Reads every plan: Kubernetes objects and ECS entities to import, platform and region hints. */
export function readTerraform(plans: TerraformPlan[]): TerraformResult {
  const out: TerraformResult = { kube: [], ecs: emptyEcs(), skipped: [], warnings: [], platforms: [], regions: [] };
  for (const plan of plans) readPlan(plan, out);
  return out;
}

function readPlan(plan: TerraformPlan, out: TerraformResult): void {
  const { file, doc } = plan;
  const resources = resourcesOf(doc);
  const config = configurationIndex(doc);
  const region = providerRegion(doc);
  if (region) out.regions.push({ region: region.region, evidence: `${file}: ${region.evidence}` });

  const familyOfAddress = new Map<string, string>();
  const serviceNameOfAddress = new Map<string, string>();
  for (const r of resources) {
    if (r.type === 'aws_ecs_task_definition') familyOfAddress.set(r.address, asString(r.values.family) ?? r.name);
    if (r.type === 'aws_ecs_service') serviceNameOfAddress.set(r.address, asString(r.values.name) ?? r.name);
  }
  const referenced = (address: string, field: string, type: string): string | undefined => {
    const refs = asArray(asRecord(asRecord(config.get(stripIndex(address)))[field]).references).map(String);
    const hit = refs.find((ref) => ref.startsWith(`${type}.`) || ref.includes(`.${type}.`));
    if (!hit) return undefined;
    const parts = hit.split('.');
    const at = parts.indexOf(type);
    return [...parts.slice(0, at), type, parts[at + 1]].join('.');
  };

  for (const r of resources) {
    const via = r.address;
    if (r.type === 'aws_ecs_task_definition') {
      const def = taskDefinition(r, file, out.warnings);
      if (def) out.ecs.taskDefinitions.push({ file, via, def });
    } else if (r.type === 'aws_ecs_service') {
      let taskDef = asString(r.values.task_definition);
      if (taskDef === undefined) {
        const ref = referenced(r.address, 'task_definition', 'aws_ecs_task_definition');
        taskDef = ref ? (familyOfAddress.get(ref) ?? [...familyOfAddress].find(([a]) => stripIndex(a) === ref)?.[1]) : undefined;
        if (taskDef === undefined)
          out.warnings.push({
            at: `${file}: ${via}`,
            file,
            message: 'task_definition is not known until apply and no reference to a task definition was found',
          });
      }
      out.ecs.services.push({
        file,
        via,
        service: {
          serviceName: asString(r.values.name) ?? r.name,
          taskDefinition: taskDef,
          desiredCount: r.values.desired_count ?? undefined,
          schedulingStrategy: r.values.scheduling_strategy ?? undefined,
          launchType: r.values.launch_type ?? undefined,
          capacityProviderStrategy: asArray(r.values.capacity_provider_strategy).map((p) => {
            const x = asRecord(p);
            return { capacityProvider: x.capacity_provider, weight: x.weight, base: x.base };
          }),
        },
      });
    } else if (r.type === 'aws_appautoscaling_target') {
      if (r.values.service_namespace !== undefined && r.values.service_namespace !== 'ecs') {
        out.skipped.push({ file, kind: r.type, name: via, reason: `scales ${String(r.values.service_namespace)}, not an ECS service` });
        continue;
      }
      let resourceId = asString(r.values.resource_id);
      if (resourceId === undefined) {
        const ref = referenced(r.address, 'resource_id', 'aws_ecs_service');
        const svc = ref
          ? (serviceNameOfAddress.get(ref) ?? [...serviceNameOfAddress].find(([a]) => stripIndex(a) === ref)?.[1])
          : undefined;
        if (svc) resourceId = `service/(cluster)/${svc}`;
      }
      if (resourceId === undefined) {
        out.warnings.push({
          at: `${file}: ${via}`,
          file,
          message: 'resource_id is not known until apply and names no aws_ecs_service; skipped',
        });
        continue;
      }
      out.ecs.scalingTargets.push({
        file,
        via,
        target: {
          ServiceNamespace: 'ecs',
          ResourceId: resourceId,
          ScalableDimension: r.values.scalable_dimension ?? 'ecs:service:DesiredCount',
          MinCapacity: r.values.min_capacity,
          MaxCapacity: r.values.max_capacity,
        },
      });
    } else if (KUBE_KINDS[r.type]) {
      const { kind, apiVersion } = KUBE_KINDS[r.type]!;
      const converted = asRecord(toKubernetes(r.values));
      out.kube.push({ file, via, obj: { apiVersion, kind, metadata: converted.metadata, spec: converted.spec } });
    } else if (PLATFORM_TYPES.has(r.type)) {
      const hint = platformHint(r);
      if (hint) out.platforms.push({ platform: hint, evidence: `${file}: ${via}` });
    } else {
      out.skipped.push({ file, kind: r.type, name: via });
    }
  }
}

function stripIndex(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

/** Every managed resource the plan will have, with its planned values. */
function resourcesOf(doc: Json): Resource[] {
  const fromModule = (m: unknown): Resource[] => {
    const mod = asRecord(m);
    return [
      ...asArray(mod.resources)
        .map(asRecord)
        .filter((r) => r.mode !== 'data')
        .map((r) => ({ address: String(r.address), type: String(r.type), name: String(r.name), values: asRecord(r.values) })),
      ...asArray(mod.child_modules).flatMap(fromModule),
    ];
  };
  const planned = fromModule(asRecord(doc.planned_values).root_module);
  if (planned.length) return planned;
  const changed = asArray(doc.resource_changes)
    .map(asRecord)
    .filter((r) => r.mode !== 'data' && !asArray(asRecord(r.change).actions).every((a) => a === 'delete'))
    .map((r) => ({ address: String(r.address), type: String(r.type), name: String(r.name), values: asRecord(asRecord(r.change).after) }));
  if (changed.length) return changed;
  return fromModule(asRecord(doc.values).root_module);
}

/** `configuration` expressions by resource address (module calls prefixed `module.NAME.`). */
function configurationIndex(doc: Json): Map<string, Json> {
  const out = new Map<string, Json>();
  const walk = (mod: unknown, prefix: string) => {
    for (const r of asArray(asRecord(mod).resources).map(asRecord)) out.set(`${prefix}${String(r.address)}`, asRecord(r.expressions));
    for (const [name, call] of Object.entries(asRecord(asRecord(mod).module_calls)))
      walk(asRecord(call).module, `${prefix}module.${name}.`);
  };
  walk(asRecord(doc.configuration).root_module, '');
  return out;
}

function providerRegion(doc: Json): { region: string; evidence: string } | undefined {
  for (const [key, provider] of Object.entries(asRecord(asRecord(doc.configuration).provider_config))) {
    const p = asRecord(provider);
    if (p.name !== 'aws' && !key.startsWith('aws')) continue;
    const expr = asRecord(asRecord(p.expressions).region);
    const constant = asString(expr.constant_value);
    if (constant && REGION_PATTERN.test(constant)) return { region: constant, evidence: `provider "${key}" region` };
    const ref = asArray(expr.references).map(String)[0];
    const variable = ref?.startsWith('var.') ? asString(asRecord(asRecord(doc.variables)[ref.slice(4)]).value) : undefined;
    if (variable && REGION_PATTERN.test(variable)) return { region: variable, evidence: `provider "${key}" region (${ref})` };
  }
  return undefined;
}

/** An `aws_ecs_task_definition` in the shape of `register-task-definition` input. */
function taskDefinition(r: Resource, file: string, warnings: Warning[]): Json | undefined {
  const v = r.values;
  const raw = v.container_definitions;
  let containers: unknown;
  if (typeof raw === 'string') {
    try {
      containers = JSON.parse(raw);
    } catch {
      warnings.push({ at: `${file}: ${r.address}`, file, message: 'container_definitions is not valid JSON; skipped' });
      return undefined;
    }
  } else if (Array.isArray(raw)) containers = raw;
  if (!Array.isArray(containers)) {
    warnings.push({
      at: `${file}: ${r.address}`,
      file,
      message: 'container_definitions is not known until apply; sizes come from the task level only',
    });
    containers = [];
  }
  const platform = asRecord(asArray(v.runtime_platform)[0]);
  const storage = asRecord(asArray(v.ephemeral_storage)[0]);
  return {
    family: asString(v.family) ?? r.name,
    cpu: v.cpu ?? undefined,
    memory: v.memory ?? undefined,
    networkMode: v.network_mode ?? undefined,
    pidMode: v.pid_mode ?? undefined,
    ipcMode: v.ipc_mode ?? undefined,
    requiresCompatibilities: v.requires_compatibilities ?? undefined,
    runtimePlatform: {
      cpuArchitecture: platform.cpu_architecture ?? undefined,
      operatingSystemFamily: platform.operating_system_family ?? undefined,
    },
    ephemeralStorage: { sizeInGiB: storage.size_in_gib ?? undefined },
    volumes: asArray(v.volume).map((x) => {
      const vol = asRecord(x);
      return { name: vol.name, host: typeof vol.host_path === 'string' && vol.host_path ? { sourcePath: vol.host_path } : undefined };
    }),
    placementConstraints: asArray(v.placement_constraints).map(asRecord),
    containerDefinitions: containers,
  };
}

function platformHint(r: Resource): string | undefined {
  const v = r.values;
  switch (r.type) {
    case 'aws_eks_cluster':
      return asRecord(asArray(v.compute_config)[0]).enabled === true ? 'eks-auto-mode' : 'EKS';
    case 'aws_eks_node_group':
      return 'eks-managed-nodes';
    case 'aws_eks_fargate_profile':
      return 'eks-fargate';
    case 'aws_ecs_cluster':
      return 'ECS';
    case 'aws_ecs_cluster_capacity_providers': {
      const providers = asArray(v.capacity_providers).map(String);
      return providers.some((p) => p.startsWith('FARGATE')) ? 'ecs-fargate' : providers.length ? 'ecs-ec2' : 'ECS';
    }
    case 'aws_ecs_capacity_provider':
      return asArray(v.managed_instances_provider).length ? 'ecs-managed-instances' : 'ecs-ec2';
    default:
      return undefined;
  }
}

/** Keys whose value is a map of user keys (labels, quantities, selectors): left as they are. */
const VERBATIM = new Set(['labels', 'annotations', 'node_selector', 'requests', 'limits', 'match_labels', 'data']);
/** Blocks that are lists in the Kubernetes API (every other one-element block list becomes an object). */
const LISTS: Readonly<Record<string, string>> = {
  container: 'containers',
  init_container: 'initContainers',
  volume: 'volumes',
  volume_claim_template: 'volumeClaimTemplates',
  node_selector_term: 'nodeSelectorTerms',
  match_expressions: 'matchExpressions',
  env: 'env',
  env_from: 'envFrom',
  port: 'ports',
  volume_mount: 'volumeMounts',
  toleration: 'tolerations',
  metric: 'metrics',
  owner_references: 'ownerReferences',
  access_modes: 'accessModes',
  values: 'values',
};
const RENAMES: Readonly<Record<string, string>> = { host_pid: 'hostPID', host_ipc: 'hostIPC' };

/** A Terraform kubernetes provider block (snake_case, one-element lists) in Kubernetes API shape. */
function toKubernetes(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    if (key in LISTS) return value.map((v) => toKubernetes(v));
    return value.length === 1 && isRecord(value[0]) ? toKubernetes(value[0]) : value.map((v) => toKubernetes(v));
  }
  if (!isRecord(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    const name = LISTS[k] ?? RENAMES[k] ?? k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    out[name] = VERBATIM.has(k) ? v : toKubernetes(v, k);
  }
  return out;
}
