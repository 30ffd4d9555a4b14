/** `init`, `validate` and `schema`: the workload file itself. */
import { schemaModeline, workloadJsonSchema } from '../../schema/json-schema.js';
import { writeFileAtomic, type CliContext } from '../io.js';
import { readWorkload } from './shared.js';

/** `init`: the commented template, its first line pointing editors at this version's published schema. */
export async function runInit(ctx: CliContext, version: string, file: string, flags: { force?: boolean }): Promise<void> {
  const { INIT_TEMPLATE } = await import('../../questionnaire/yaml.js');
  const text = `${schemaModeline(version)}\n${INIT_TEMPLATE}`;
  if (file === '-') {
    ctx.stdout.write(text);
    return;
  }
  await writeFileAtomic(file, text, ctx, { overwrite: Boolean(flags.force) });
  ctx.stderr.write(`wrote ${file}; edit it, then run: ecs-or-eks advise --input ${file}\n`);
}

export async function runValidate(ctx: CliContext, file: string): Promise<void> {
  await readWorkload(file, ctx);
  ctx.stdout.write(`${file}: valid\n`);
}

export function runSchema(ctx: CliContext): void {
  ctx.stdout.write(`${JSON.stringify(workloadJsonSchema(), null, 2)}\n`);
}
