/**
 * What-if: for a few key inputs, the smallest change that changes the recommendation. Each input has a
 * short ladder of values tried nearest-first; the first that flips the answer is reported. Bounded
 * (at most MAX_CALLS calls of `recommend`, the base answer included) and deterministic.
 *
 * Every probe says how far its change reaches, so the caller re-does only that much: a team,
 * compliance, portability, Kubernetes or interruptible change re-scores the same prices; a utilisation
 * change re-sizes the same packings; only a scale change re-packs. The answers are those of a fresh
 * advice for every probe (test/rules/what-if-exhaustive.test.ts checks it against such a search).
 */
import type { WhatIf, WhatIfValue } from '../domain/advice.js';
import { COMPLIANCE_REGIMES, KUBERNETES_EXPERIENCE, PORTABILITY_LEVELS, type OptionId } from '../schema/enums.js';
import { LIMITS, type Workload } from '../schema/workload.js';

export const MAX_WHAT_IF_CALLS = 40;

/**
 * What a probe's change can alter: only the scores (`rules`: no pricing input changes), the sizing at
 * another utilisation (`utilization`), or the task counts themselves (`scale`).
 */
export type WhatIfReach = 'rules' | 'utilization' | 'scale';

/** One candidate change: the field it sets, from what to what, and the workload with it applied. */
export interface WhatIfProbe {
  change: string;
  path: string;
  from: WhatIfValue;
  to: WhatIfValue;
  reach: WhatIfReach;
  apply: (w: Workload) => Workload;
}

/** The recommendation for a changed workload; `probe` is absent only for the workload itself. */
export type Recommend = (w: Workload, probe?: WhatIfProbe) => OptionId;

/** Candidate changes per input, nearest first. */
export function whatIfProbes(w: Workload): WhatIfProbe[][] {
  const nearest = <T extends number>(current: number, values: readonly T[]) =>
    values.filter((v) => v !== current).sort((a, b) => Math.abs(a - current) - Math.abs(b - current) || a - b);
  const pe = w.team.platformEngineers;
  const eng = w.team.engineers;

  const platform = nearest(pe, [0, 1, 2, 3, 5, 8]).map((v): WhatIfProbe => ({
    change: `team.platformEngineers ${pe} → ${v}${v > eng ? ` (team.engineers ${eng} → ${v})` : ''}`,
    path: 'team.platformEngineers',
    from: pe,
    to: v,
    reach: 'rules',
    apply: (x) => ({ ...x, team: { ...x.team, platformEngineers: v, engineers: Math.max(x.team.engineers, v) } }),
  }));
  const engineers = nearest(eng, [3, 5, 10, 15, 25, 50])
    .filter((v) => v >= pe)
    .map((v): WhatIfProbe => ({
      change: `team.engineers ${eng} → ${v}`,
      path: 'team.engineers',
      from: eng,
      to: v,
      reach: 'rules',
      apply: (x) => ({ ...x, team: { ...x.team, engineers: v } }),
    }));
  const util = w.cost.utilization;
  const utilization = nearest(util, [30, 50, 70, 85, 95]).map((v): WhatIfProbe => ({
    change: `cost.utilization ${util} → ${v}`,
    path: 'cost.utilization',
    from: util,
    to: v,
    reach: 'utilization',
    apply: (x) => ({ ...x, cost: { ...x.cost, utilization: v } }),
  }));
  const scale = [2, 10].map((factor): WhatIfProbe => ({
    change: `scale ×${factor} (replicas, peakReplicas and job parallelism)`,
    path: 'scale',
    from: 1,
    to: factor,
    reach: 'scale',
    apply: (x) => scaleBy(x, factor),
  }));
  const regimes = w.requirements.compliance;
  const compliance: WhatIfProbe[] = [];
  const complianceTo = (next: readonly (typeof regimes)[number][]): WhatIfProbe => ({
    change: `requirements.compliance [${regimes.join(', ')}] → [${next.join(', ')}]`,
    path: 'requirements.compliance',
    from: [...regimes],
    to: [...next],
    reach: 'rules',
    apply: (x) => withCompliance(x, next),
  });
  if (!regimes.includes('fedramp')) compliance.push(complianceTo(COMPLIANCE_REGIMES.filter((r) => r === 'fedramp' || regimes.includes(r))));
  compliance.push(complianceTo(regimes.length > 0 ? [] : ['pci']));

  const port = w.requirements.portability;
  const portIdx = PORTABILITY_LEVELS.indexOf(port);
  const portability = [...PORTABILITY_LEVELS]
    .filter((p) => p !== port)
    .sort((a, b) => Math.abs(PORTABILITY_LEVELS.indexOf(a) - portIdx) - Math.abs(PORTABILITY_LEVELS.indexOf(b) - portIdx))
    .map((p): WhatIfProbe => ({
      change: `requirements.portability ${port} → ${p}`,
      path: 'requirements.portability',
      from: port,
      to: p,
      reach: 'rules',
      apply: (x) => ({ ...x, requirements: { ...x.requirements, portability: p } }),
    }));

  const k8s = w.team.kubernetes;
  const k8sIdx = KUBERNETES_EXPERIENCE.indexOf(k8s);
  const kubernetes = [...KUBERNETES_EXPERIENCE]
    .filter((k) => k !== k8s)
    .sort((a, b) => Math.abs(KUBERNETES_EXPERIENCE.indexOf(a) - k8sIdx) - Math.abs(KUBERNETES_EXPERIENCE.indexOf(b) - k8sIdx))
    .map((k): WhatIfProbe => ({
      change: `team.kubernetes ${k8s} → ${k}`,
      path: 'team.kubernetes',
      from: k8s,
      to: k,
      reach: 'rules',
      apply: (x) => ({ ...x, team: { ...x.team, kubernetes: k } }),
    }));

  const spot = w.requirements.interruptible;
  const interruptible: WhatIfProbe[] = [
    {
      change: `requirements.interruptible ${spot} → ${!spot}`,
      path: 'requirements.interruptible',
      from: spot,
      to: !spot,
      reach: 'rules',
      apply: (x) => ({ ...x, requirements: { ...x.requirements, interruptible: !spot } }),
    },
  ];
  return [platform, engineers, utilization, scale, compliance, portability, interruptible, kubernetes];
}

function withCompliance(w: Workload, regimes: readonly Workload['requirements']['compliance'][number][]): Workload {
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

/**
 * The first change of each ladder that flips the recommendation. `known` is the workload's own
 * recommendation when the caller has it already (it still counts as the first call of the budget).
 */
export function findWhatIfs(workload: Workload, recommend: Recommend, known?: OptionId): WhatIf[] {
  let calls = 1;
  const base = known ?? recommend(workload);
  const out: WhatIf[] = [];
  for (const ladder of whatIfProbes(workload)) {
    for (const probe of ladder) {
      if (calls >= MAX_WHAT_IF_CALLS) return out;
      calls += 1;
      const answer = recommend(probe.apply(workload), probe);
      if (answer !== base) {
        out.push({ change: probe.change, path: probe.path, from: probe.from, to: probe.to, recommendation: answer });
        break;
      }
    }
  }
  return out;
}
