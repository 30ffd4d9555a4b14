/**
 * Runs a composite `action.yml` the way the GitHub Actions runner does, for tests: inputs with their
 * defaults, `${{ inputs.* }}` and `${{ steps.<id>.outputs.* }}` expanded in `env:` values and outputs,
 * every `run:` script executed by `bash --noprofile --norc -eo pipefail` (the runner's `shell: bash`),
 * a fresh `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY` file per step, and the remaining steps skipped
 * after the first that fails. Anything the action uses that this does not model is an error, so the
 * test cannot pass by ignoring it.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface ActionStep {
  id?: string;
  name?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
  uses?: string;
  if?: string;
}

export interface ActionDefinition {
  name: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export function loadAction(file: string): ActionDefinition {
  return parse(readFileSync(file, 'utf8')) as ActionDefinition;
}

export interface StepResult {
  id: string;
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionRun {
  /** The job's result: the exit code of the first failing step, else 0. */
  code: number;
  steps: StepResult[];
  /** What the job summary shows: every step's summary file, in order. */
  summary: string;
  outputs: Record<string, string>;
}

export interface RunActionOptions {
  inputs: Record<string, string>;
  /** The workspace: the steps run here. */
  cwd: string;
  /** The runner's environment (PATH, GITHUB_*, RUNNER_TEMP …). */
  env: NodeJS.ProcessEnv;
  /** Where the per-step GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files go. */
  scratch: string;
}

export async function runAction(action: ActionDefinition, options: RunActionOptions): Promise<ActionRun> {
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: ${action.runs.using}`);
  for (const name of Object.keys(options.inputs)) if (!(name in action.inputs)) throw new Error(`action.yml has no input "${name}"`);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    const given = options.inputs[name];
    if (spec.required && given === undefined && spec.default === undefined) throw new Error(`input "${name}" is required`);
    inputs[name] = given ?? spec.default ?? '';
  }
  const stepOutputs: Record<string, Record<string, string>> = {};
  const expand = (text: string): string =>
    text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expr);
      if (input) {
        if (!(input[1]! in inputs)) throw new Error(`\${{ ${expr} }}: no such input`);
        return inputs[input[1]!]!;
      }
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
      if (output) return stepOutputs[output[1]!]?.[output[2]!] ?? '';
      throw new Error(`\${{ ${expr} }} is not modelled by the test runner`);
    });

  const results: StepResult[] = [];
  let code = 0;
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.if !== undefined) throw new Error(`step ${step.id ?? index}: "if:" is not modelled by the test runner`);
    if (step.uses !== undefined || step.run === undefined) throw new Error(`step ${step.id ?? index}: only run: steps are modelled`);
    if (step.shell !== 'bash') throw new Error(`step ${step.id ?? index}: shell must be bash, is ${step.shell}`);
    if (/\$\{\{/.test(step.run))
      throw new Error(`step ${step.id ?? index}: an expression inside run: is an injection risk; pass it through env:`);
    const id = step.id ?? `step-${index}`;
    const script = join(options.scratch, `${id}.sh`);
    const outputFile = join(options.scratch, `${id}.output`);
    const summaryFile = join(options.scratch, `${id}.summary`);
    writeFileSync(script, step.run);
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const env: NodeJS.ProcessEnv = { ...options.env, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(String(v));
    const result = await spawnBash(script, options.cwd, env);
    const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
    stepOutputs[id] = outputs;
    results.push({ id, ...result, outputs, summary: readFileSync(summaryFile, 'utf8') });
    if (result.code !== 0) {
      code = result.code;
      break;
    }
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, v]) => [k, expand(v.value)]));
  return { code, steps: results, summary: results.map((r) => r.summary).join(''), outputs };
}

function spawnBash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** `name=value` lines and `name<<DELIMITER … DELIMITER` blocks, as the runner reads GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: ${heredoc[1]} has no closing ${heredoc[2]}`);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      outputs[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return outputs;
}
