/**
 * The size notations the imported files use, turned into the units of `workload.yaml` (vCPU and GiB).
 * Each parser returns `undefined` for a value it cannot read, so the caller can say so in a comment
 * instead of guessing.
 */

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

const KUBERNETES_SUFFIXES: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};

const KUBERNETES_QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/**
 * A Kubernetes resource quantity (`500m`, `1.5`, `512Mi`, `1Gi`, `1G`, `1e3`, plain numbers) in base
 * units: cores for cpu, bytes for memory and storage, a count for GPUs.
 */
export function kubernetesQuantity(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const m = KUBERNETES_QUANTITY.exec(raw.trim());
  if (!m) return undefined;
  const base = Number(m[1]);
  const value = m[2] !== undefined ? base * 10 ** Number(m[2]) : base * KUBERNETES_SUFFIXES[m[3] ?? '']!;
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** A Kubernetes memory or storage quantity in GiB. */
export function kubernetesGiB(raw: unknown): number | undefined {
  const bytes = kubernetesQuantity(raw);
  return bytes === undefined ? undefined : bytes / GIB;
}

const DOCKER_BYTES = /^(\d+(?:\.\d+)?)\s*([bkmgtp])?(i?b)?$/i;
const DOCKER_UNITS: Readonly<Record<string, number>> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/**
 * A Compose / Docker byte size (`300M`, `2g`, `512mb`, `1.5GiB`, a plain number of bytes) in GiB.
 * Docker reads every unit as binary (`1m` = 1 MiB), and so does this.
 */
export function dockerGiB(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw > 0 ? raw / GIB : undefined;
  if (typeof raw !== 'string') return undefined;
  const m = DOCKER_BYTES.exec(raw.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  const bytes = Number(m[1]) * DOCKER_UNITS[unit]!;
  return bytes > 0 ? bytes / GIB : undefined;
}

/** Compose `cpus` (`0.5`, `"1.5"`, `2`) in vCPU. */
export function composeCpus(raw: unknown): number | undefined {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d*\.?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * ECS task-level `cpu`: CPU units (`"1024"`, `512`) or the `"1 vCPU"` form the API also accepts,
 * in vCPU (1,024 units = 1 vCPU).
 */
export function ecsTaskCpu(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw > 0 ? raw / 1024 : undefined;
  if (typeof raw !== 'string') return undefined;
  const vcpu = /^\s*(\d*\.?\d+)\s*vcpu\s*$/i.exec(raw);
  if (vcpu) return Number(vcpu[1]) > 0 ? Number(vcpu[1]) : undefined;
  return /^\s*\d+\s*$/.test(raw) && Number(raw) > 0 ? Number(raw) / 1024 : undefined;
}

/**
 * ECS task-level `memory`: MiB (`"2048"`, `512`) or the `"2 GB"` form the API also accepts (ECS's
 * "GB" is 1,024 MiB), in GiB.
 */
export function ecsTaskMemoryGiB(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw > 0 ? raw / 1024 : undefined;
  if (typeof raw !== 'string') return undefined;
  const gb = /^\s*(\d*\.?\d+)\s*gb\s*$/i.exec(raw);
  if (gb) return Number(gb[1]) > 0 ? Number(gb[1]) : undefined;
  return /^\s*\d+\s*$/.test(raw) && Number(raw) > 0 ? (Number(raw) * MIB) / GIB : undefined;
}

/** A whole count from a number or a numeric string (`replicas: "3"` in a Terraform plan). */
export function wholeNumber(raw: unknown): number | undefined {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * Rounds up to `digits` decimals, so a draft never asks for less than the source did (and a tiny
 * positive value never becomes 0). The small epsilon keeps exact values exact (0.15 stays 0.15).
 */
export function roundUp(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.ceil(value * f - 1e-6) / f;
}

/** vCPU as written in the draft: millicore precision. */
export function draftCpu(vcpu: number): number {
  return Math.max(0.001, roundUp(vcpu, 3));
}

/** GiB as written in the draft: four decimals (about 0.1 MiB). */
export function draftGiB(gib: number): number {
  return Math.max(0.0001, roundUp(gib, 4));
}
