/** The JSON Schema of `workload.yaml`, generated from the same zod schema that validates it. */
import { z } from 'zod';
import { WorkloadSchema } from './workload.js';

export function workloadJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(WorkloadSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/ecs-or-eks/ecs-or-eks/schema/workload.schema.json',
    title: 'ecs-or-eks workload.yaml, version 1',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/**
 * Where an editor can fetch the workload schema of a published version: unpkg serves every file of
 * an npm package at `https://unpkg.com/:package@:version/:file`, and the package ships `schema/`.
 */
export function workloadSchemaUrl(version: string): string {
  return `https://unpkg.com/ecs-or-eks@${encodeURIComponent(version)}/schema/workload.schema.json`;
}

/** The first line of a workload file for the YAML language server (VS Code's YAML extension and others). */
export function schemaModeline(version: string): string {
  return `# yaml-language-server: $schema=${workloadSchemaUrl(version)}`;
}
