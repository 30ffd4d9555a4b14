/**
 * What-if: for a few key inputs, the smallest change that changes the recommendation. Each input has a
 * short ladder of values tried nearest-first; the first that flips the answer is reported. Bounded
 * (at most MAX_CALLS calls of `recommend`, which re-runs pricing) and deterministic.
 */
import type { WhatIf } from '../domain/advice.js';
import { COMPLIANCE_REGIMES, KUBERNETES_EXPERIENCE, PORTABILITY_LEVELS, type OptionId } from '../schema/enums.js';
import { LIMITS, type Workload } from '../schema/workload.js';

export const MAX_WHAT_IF_CALLS = 40;

interface Probe {
  change: string;
  apply: (w: Workload) => Workload;
}

/** Candidate changes per input, nearest first. */
function probes(w: Workload): Probe[][] {
  const nearest = <T extends number>(current: number, values: readonly T[]) =>
    values.filter((v) => v !== current).sort((a, b) => Math.abs(a - current) - Math.abs(b - current) || a - b);
  const pe = w.team.platformEngineers;
  const eng = w.team.engineers;

  const platform = nearest(pe, [0, 1, 2, 3, 5, 8]).map((v) => ({
    change: `team.platformEngineers ${pe} → ${v}${v > eng ? ` (team.engineers ${eng} → ${v})` : ''}`,
    apply: (x: Workload) => ({ ...x, team: { ...x.team, platformEngineers: v, engineers: Math.max(x.team.engineers, v) } }),
  }));
  const engineers = nearest(eng, [3, 5, 10, 15, 25, 50])
    .filter((v) => v >= pe)
    .map((v) => ({ change: `team.engineers ${eng} → ${v}`, apply: (x: Workload) => ({ ...x, team: { ...x.team, engineers: v } }) }));
  const util = w.cost.utilization;
  const utilization = nearest(util, [30, 50, 70, 85, 95]).map((v) => ({
    change: `cost.utilization ${util} → ${v}`,
    apply: (x: Workload) => ({ ...x, cost: { ...x.cost, utilization: v } }),
  }));
  const scale = [2, 10].map((factor) => ({
    change: `scale ×${factor} (replicas, peakReplicas and job parallelism)`,
    apply: (x: Workload) => scaleBy(x, factor),
  }));
  const regimes = w.requirements.compliance;
  const compliance: Probe[] = [];
  if (!regimes.includes('fedramp')) {
    const next = COMPLIANCE_REGIMES.filter((r) => r === 'fedramp' || regimes.includes(r));
    compliance.push({
      change: `requirements.compliance [${regimes.join(', ')}] → [${next.join(', ')}]`,
      apply: (x) => withCompliance(x, next),
    });
  }
  if (regimes.length > 0)
    compliance.push({ change: `requirements.compliance [${regimes.join(', ')}] → []`, apply: (x) => withCompliance(x, []) });
  else compliance.push({ change: 'requirements.compliance [] → [pci]', apply: (x) => withCompliance(x, ['pci']) });

  const port = w.requirements.portability;
  const portIdx = PORTABILITY_LEVELS.indexOf(port);
  const portability = [...PORTABILITY_LEVELS]
    .filter((p) => p !== port)
    .sort((a, b) => Math.abs(PORTABILITY_LEVELS.indexOf(a) - portIdx) - Math.abs(PORTABILITY_LEVELS.indexOf(b) - portIdx))
    .map((p) => ({
      change: `requirements.portability ${port} → ${p}`,
      apply: (x: Workload) => ({ ...x, requirements: { ...x.requirements, portability: p } }),
    }));

  const k8s = w.team.kubernetes;
  const k8sIdx = KUBERNETES_EXPERIENCE.indexOf(k8s);
  const kubernetes = [...KUBERNETES_EXPERIENCE]
    .filter((k) => k !== k8s)
    .sort((a, b) => Math.abs(KUBERNETES_EXPERIENCE.indexOf(a) - k8sIdx) - Math.abs(KUBERNETES_EXPERIENCE.indexOf(b) - k8sIdx))
    .map((k) => ({ change: `team.kubernetes ${k8s} → ${k}`, apply: (x: Workload) => ({ ...x, team: { ...x.team, kubernetes: k } }) }));

  const spot = w.requirements.interruptible;
  const interruptible = [
    {
      change: `requirements.interruptible ${spot} → ${!spot}`,
      apply: (x: Workload) => ({ ...x, requirements: { ...x.requirements, interruptible: !spot } }),
    },
  ];
  return [platform, engineers, utilization, scale, compliance, portability, interruptible, kubernetes];
}

function withCompliance(w: Workload, regimes: Workload['requirements']['compliance']): Workload {
  return { ...w, requirements: { ...w.requirements, compliance: [...regimes] } };
}

function scaleBy(w: Workload, factor: number): Workload {
  const cap = (x: number) => Math.min(LIMITS.maxReplicas, x * factor);
  return {
    ...w,
    services: w.services.map((s) => ({ ...s, replicas: cap(s.replicas), peakReplicas: cap(s.peakReplicas) })),
    jobs: w.jobs.map((j) => ({ ...j, parallelism: cap(j.parallelism) })),
  };
}

export function findWhatIfs(workload: Workload, recommend: (w: Workload) => OptionId): WhatIf[] {
  let calls = 0;
  const ask = (w: Workload): OptionId | null => {
    if (calls >= MAX_WHAT_IF_CALLS) return null;
    calls += 1;
    return recommend(w);
  };
  const base = ask(workload);
  if (base === null) return [];
  const out: WhatIf[] = [];
  for (const ladder of probes(workload)) {
    for (const probe of ladder) {
      const answer = ask(probe.apply(workload));
      if (answer === null) return out;
      if (answer !== base) {
        out.push({ change: probe.change, recommendation: answer });
        break;
      }
    }
  }
  return out;
}
