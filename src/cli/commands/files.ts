/** `init`, `validate` and `schema`: the workload file itself. */
import { workloadJsonSchema } from '../../schema/json-schema.js';
import { writeFileAtomic, type CliContext } from '../io.js';
import { readWorkload } from './shared.js';

export async function runInit(ctx: CliContext, file: string, flags: { force?: boolean }): Promise<void> {
  const { INIT_TEMPLATE } = await import('../../questionnaire/yaml.js');
  if (file === '-') {
    ctx.stdout.write(INIT_TEMPLATE);
    return;
  }
  await writeFileAtomic(file, INIT_TEMPLATE, ctx, { overwrite: Boolean(flags.force) });
  ctx.stderr.write(`wrote ${file}; edit it, then run: ecs-or-eks advise --input ${file}\n`);
}

export async function runValidate(ctx: CliContext, file: string): Promise<void> {
  await readWorkload(file, ctx);
  ctx.stdout.write(`${file}: valid\n`);
}

export function runSchema(ctx: CliContext): void {
  ctx.stdout.write(`${JSON.stringify(workloadJsonSchema(), null, 2)}\n`);
}
