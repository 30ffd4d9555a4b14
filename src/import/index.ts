/**
 * `ecs-or-eks import`, the pure part: the text of each file in, a draft `workload.yaml` out. Parses
 * every file with line positions, decides what each file is by its content, hands each kind to its
 * reader, and assembles one draft. Bad input comes back as problems with line and column, never as
 * an exception; nothing here reads a file or prints.
 */
import { isMap, isPair, isScalar, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Problem } from '../schema/load.js';
import { assemble, type ImportResult } from './assemble.js';
import { importCompose, isComposeFile, type ComposeFile } from './compose.js';
import { ecsEntities, emptyEcs, importEcs, type EcsEntities } from './ecs.js';
import { importKubernetes, isKubernetesObject, type KubeObject } from './kubernetes.js';
import { emptyResult, mergeInto, type Skipped, type Warning } from './model.js';
import { isTerraformPlan, readTerraform, type TerraformPlan } from './terraform.js';

export type { ImportResult } from './assemble.js';
export { renderDraftYaml } from './render.js';

export interface ImportInput {
  /** The name to print in notes and problems (the path as the user gave it, or `<stdin>`). */
  file: string;
  text: string;
  /** Named on the command line (not found inside a folder): an unknown type is then an error. */
  explicit: boolean;
}

export interface ImportOptions {
  name?: string;
  region?: string;
  /** The workload name when `name` is not given (the CLI derives it from the paths). */
  defaultName: string;
}

export type SourceType = 'kubernetes' | 'ecs' | 'compose' | 'terraform';

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; files: { file: string; problems: Problem[] }[] };

/** More aliases than any real file uses, far fewer than an "alias bomb" needs. */
const MAX_ALIAS_COUNT = 1000;

const SOURCE_LABELS: Readonly<Record<SourceType, string>> = {
  kubernetes: 'Kubernetes manifests',
  ecs: 'ECS task definition / service',
  compose: 'Compose file',
  terraform: 'Terraform plan',
};

/** Every file's workloads as one draft, or every file's problems. */
export function importDocuments(inputs: readonly ImportInput[], options: ImportOptions): ImportOutcome {
  const failed: { file: string; problems: Problem[] }[] = [];
  const warnings: Warning[] = [];
  const skipped: Skipped[] = [];
  const kube: KubeObject[] = [];
  const compose: ComposeFile[] = [];
  const plans: TerraformPlan[] = [];
  const ecs: EcsEntities = emptyEcs();
  const sources: { file: string; type: string }[] = [];

  for (const input of inputs) {
    const parsed = parseFile(input);
    warnings.push(...parsed.warnings);
    if (parsed.problems.length) {
      failed.push({ file: input.file, problems: parsed.problems });
      continue;
    }
    const docs = parsed.docs;
    if (docs.length === 0) {
      warnings.push({ at: input.file, file: input.file, message: 'the file is empty; skipped' });
      continue;
    }
    const type = classify(docs.map((d) => d.value));
    if (!type) {
      const message = 'not a Kubernetes manifest, ECS task definition or service, Compose file or Terraform plan (`terraform show -json`)';
      if (input.explicit) failed.push({ file: input.file, problems: [{ path: '', message: `unknown file type: ${message}` }] });
      else {
        warnings.push({ at: input.file, file: input.file, message: `${message}; skipped` });
        skipped.push({ file: input.file, kind: 'file', name: input.file, reason: 'not a file type import reads' });
      }
      continue;
    }
    sources.push({ file: input.file, type: SOURCE_LABELS[type] });
    if (type === 'kubernetes') kube.push(...kubernetesObjects(input.file, docs, skipped));
    else if (type === 'compose') {
      const d = docs[0]!;
      compose.push({ file: input.file, doc: d.value as Record<string, unknown>, lineOf: (name) => keyLine(d, ['services'], name) });
    } else if (type === 'terraform') plans.push({ file: input.file, doc: docs[0]!.value as Record<string, unknown> });
    else {
      const found = ecsEntities(docs[0]!.value, { file: input.file })!;
      ecs.taskDefinitions.push(...found.taskDefinitions);
      ecs.services.push(...found.services);
      ecs.scalingTargets.push(...found.scalingTargets);
    }
  }
  if (failed.length) return { ok: false, files: failed };

  const all = emptyResult();
  all.warnings.push(...warnings);
  all.skipped.push(...skipped);
  const tf = readTerraform(plans);
  kube.push(...tf.kube);
  ecs.taskDefinitions.push(...tf.ecs.taskDefinitions);
  ecs.services.push(...tf.ecs.services);
  ecs.scalingTargets.push(...tf.ecs.scalingTargets);
  all.skipped.push(...tf.skipped);
  all.warnings.push(...tf.warnings);
  all.platforms.push(...tf.platforms);
  all.regions.push(...tf.regions);
  mergeInto(all, importKubernetes(kube));
  mergeInto(all, importEcs(ecs));
  mergeInto(all, importCompose(compose));
  return { ok: true, result: assemble(all, { ...options, sources, kubernetes: kube.length > 0 }) };
}

interface ParsedDoc {
  value: unknown;
  doc: Document;
  lineCounter: LineCounter;
}

function parseFile(input: ImportInput): { docs: ParsedDoc[]; problems: Problem[]; warnings: Warning[] } {
  const lineCounter = new LineCounter();
  const text = input.text.replace(/^\uFEFF/, '');
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, merge: true });
  const list = Array.isArray(documents) ? documents : [documents];
  const problems: Problem[] = [];
  const warnings: Warning[] = [];
  const helm = /\{\{-?\s/.test(text);
  for (const d of list) {
    for (const e of d.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      const first = e.message.split('\n')[0] ?? e.message;
      if (e.code === 'DUPLICATE_KEY') {
        // kubectl and Compose accept a repeated key and keep the last value; so does import, and says so.
        warnings.push({
          at: `${input.file}:${pos.line}:${pos.col}`,
          file: input.file,
          message: 'a key appears twice in one mapping; the last value is used',
        });
        continue;
      }
      const hint = helm ? ' (this looks like a Helm template: import the output of `helm template` instead)' : '';
      problems.push({ path: '', message: `not valid YAML/JSON: ${first}${hint}`, line: pos.line, column: pos.col });
    }
  }
  if (problems.length) return { docs: [], problems: dedupe(problems), warnings };
  const docs: ParsedDoc[] = [];
  for (const d of list) {
    let value: unknown;
    try {
      value = d.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        docs: [],
        problems: [
          {
            path: '',
            message: /alias/i.test(message) ? 'too many YAML aliases (a YAML "alias bomb"); write the values out instead' : message,
          },
        ],
        warnings,
      };
    }
    if (value !== null && value !== undefined) docs.push({ value, doc: d, lineCounter });
  }
  return { docs, problems: [], warnings };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function classify(values: unknown[]): SourceType | undefined {
  if (values.some(isKubernetesObject)) return 'kubernetes';
  if (values.length !== 1) return undefined;
  const [v] = values;
  if (isTerraformPlan(v)) return 'terraform';
  if (isComposeFile(v)) return 'compose';
  if (ecsEntities(v, { file: '' })) return 'ecs';
  return undefined;
}

function lineOfNode(d: ParsedDoc, node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return Array.isArray(range) ? d.lineCounter.linePos(range[0]).line : undefined;
}

/** The line of the key `key` inside the mapping at `path`. */
function keyLine(d: ParsedDoc, path: string[], key: string): number | undefined {
  const map = d.doc.getIn(path, true);
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  return pair ? lineOfNode(d, pair.key) : undefined;
}

/** Every Kubernetes object in a file, `List` objects opened, each with its line. */
function kubernetesObjects(file: string, docs: ParsedDoc[], skipped: Skipped[]): KubeObject[] {
  const out: KubeObject[] = [];
  const visit = (d: ParsedDoc, value: unknown, path: (string | number)[]) => {
    if (!isKubernetesObject(value)) {
      skipped.push({
        file,
        kind: 'document',
        name: `line ${lineOfNode(d, path.length ? d.doc.getIn(path, true) : d.doc.contents) ?? '?'}`,
        reason: 'not a Kubernetes object',
      });
      return;
    }
    const kind = String(value.kind);
    if (kind.endsWith('List') && Array.isArray(value.items)) {
      value.items.forEach((item, i) => visit(d, item, [...path, 'items', i]));
      return;
    }
    out.push({ file, line: lineOfNode(d, path.length ? d.doc.getIn(path, true) : d.doc.contents), obj: value });
  };
  for (const d of docs) visit(d, d.value, []);
  return out;
}
