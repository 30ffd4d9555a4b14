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
