/**
 * Table-driven scenarios. Each expected answer follows from a cited fact (domain-facts N.N), not from
 * tuning weights: the pricing is neutral (every option costs the same) unless a row says otherwise.
 */
import { describe, expect, it } from 'vitest';
import type { OptionId } from '../../src/schema/enums.js';
import type { WorkloadInput } from '../../src/schema/workload.js';
import { BASE_SCORE, evaluateRules } from '../../src/rules/index.js';
import { fakePricing, workload } from './helpers.js';

const FARGATE: OptionId[] = ['ecs-fargate', 'eks-fargate'];
const EC2_BACKED: OptionId[] = ['ecs-ec2', 'eks-managed-nodes', 'ecs-managed-instances', 'eks-auto-mode'];
const EKS: OptionId[] = ['eks-managed-nodes', 'eks-fargate', 'eks-auto-mode'];

type Input = Omit<WorkloadInput, 'version' | 'name'>;
const api = { name: 'api', cpu: 1, memory: 2, replicas: 4 };

/** Team profiles that the blocker rows are crossed with: a blocker must hold whoever the team is. */
const TEAMS: Record<string, Input['team']> = {
  startup: { engineers: 5, platformEngineers: 0, kubernetes: 'none', kubernetesEcosystem: 'none' },
  platform: { engineers: 80, platformEngineers: 8, kubernetes: 'expert', kubernetesEcosystem: 'central' },
};

interface Row {
  name: string;
  fact: string;
  input: Input;
  blocked?: Partial<Record<OptionId, string>>;
  notBlocked?: OptionId[];
  winnerIn?: OptionId[];
  winnerNotIn?: OptionId[];
}

const blockerRows: Row[] = [
  {
    name: 'GPU ⇒ never a Fargate option',
    fact: '1.2, 1.16',
    input: { services: [{ ...api, gpus: 1 }] },
    blocked: { 'ecs-fargate': 'gpu', 'eks-fargate': 'gpu' },
    notBlocked: EC2_BACKED,
    winnerNotIn: FARGATE,
  },
  {
    name: 'host-access daemon ⇒ EC2-backed',
    fact: '1.11, 1.16',
    input: { services: [api], daemons: [{ name: 'edr', cpu: 0.1, memory: 0.25, hostAccess: true }] },
    blocked: { 'ecs-fargate': 'host-daemons', 'eks-fargate': 'host-daemons' },
    winnerIn: EC2_BACKED,
  },
  {
    name: 'privileged ⇒ no Fargate',
    fact: '1.3, 1.16',
    input: { services: [api], requirements: { privileged: true } },
    blocked: { 'ecs-fargate': 'privileged', 'eks-fargate': 'privileged' },
    winnerNotIn: FARGATE,
  },
  {
    name: 'host networking ⇒ no Fargate',
    fact: '1.4, 1.16',
    input: { services: [api], requirements: { hostNetworking: true } },
    blocked: { 'ecs-fargate': 'host-networking', 'eks-fargate': 'host-networking' },
    winnerNotIn: FARGATE,
  },
  {
    name: 'block storage ⇒ EKS Fargate blocked, ECS Fargate not',
    fact: '1.8, 1.16',
    input: { services: [api], requirements: { blockStorage: true } },
    blocked: { 'eks-fargate': 'block-storage' },
    notBlocked: ['ecs-fargate', ...EC2_BACKED],
  },
  {
    name: 'Windows ⇒ EKS Fargate and Auto Mode blocked, ECS Fargate and MNG not',
    fact: '1.12, 1.16, 1.23',
    input: { services: [{ ...api, os: 'windows' }] },
    blocked: { 'eks-fargate': 'windows', 'eks-auto-mode': 'windows' },
    notBlocked: ['ecs-fargate', 'ecs-ec2', 'eks-managed-nodes'],
  },
  {
    name: 'Arm ⇒ only EKS Fargate blocked',
    fact: '1.13, 1.16',
    input: { services: [{ ...api, arch: 'arm64' }] },
    blocked: { 'eks-fargate': 'arm' },
    notBlocked: ['ecs-fargate', ...EC2_BACKED],
  },
  {
    name: 'a 32 vCPU task ⇒ both Fargate options blocked',
    fact: '1.1',
    input: { services: [{ ...api, cpu: 32, memory: 64 }] },
    blocked: { 'ecs-fargate': 'task-too-large', 'eks-fargate': 'task-too-large' },
    notBlocked: EC2_BACKED,
  },
  {
    name: '16 vCPU / 120 GiB fits ECS Fargate but not EKS Fargate (+256 MiB)',
    fact: '1.1, 1.15',
    input: { services: [{ ...api, cpu: 16, memory: 120 }] },
    blocked: { 'eks-fargate': 'task-too-large' },
    notBlocked: ['ecs-fargate'],
  },
  {
    name: 'GovCloud ⇒ no EKS Fargate',
    fact: '1.20',
    input: { region: 'us-gov-west-1', services: [api] },
    blocked: { 'eks-fargate': 'region-unavailable' },
    notBlocked: ['ecs-fargate'],
  },
];

describe('blockers hold for every team profile', () => {
  for (const row of blockerRows) {
    for (const [teamName, team] of Object.entries(TEAMS)) {
      it(`${row.name} (domain-facts ${row.fact}; ${teamName} team)`, () => {
        const r = evaluateRules(workload({ ...row.input, team }), fakePricing());
        const byId = new Map(r.options.map((o) => [o.id, o]));
        for (const [id, rule] of Object.entries(row.blocked ?? {})) {
          const o = byId.get(id as OptionId)!;
          expect(o.eligible).toBe(false);
          expect(o.score).toBe(0);
          expect(o.blockers.map((b) => b.rule)).toContain(rule);
        }
        for (const id of row.notBlocked ?? []) expect(byId.get(id)!.eligible).toBe(true);
        if (row.winnerIn) expect(row.winnerIn).toContain(r.recommendation.option);
        if (row.winnerNotIn) expect(row.winnerNotIn).not.toContain(r.recommendation.option);
        expect(byId.get(r.recommendation.option)!.eligible).toBe(true);
      });
    }
  }
});

const recommendationRows: Array<{ name: string; fact: string; input: Input; expected: OptionId[] }> = [
  {
    name: 'small team, bursty traffic, no Kubernetes ⇒ ECS on Fargate',
    fact: '9.2 (ECS Fargate for web apps, workers, batch; no EKS unless asked), 1.7',
    input: {
      services: [{ ...api, replicas: 2, peakReplicas: 10, peakHoursPerDay: 3 }],
      team: { engineers: 5, platformEngineers: 0, kubernetes: 'none' },
    },
    expected: ['ecs-fargate'],
  },
  {
    name: 'large platform team with portability required ⇒ an EKS option',
    fact: '9.4, 12.1 (portability is the usual reason for EKS), 9.2',
    input: {
      services: [{ ...api, replicas: 30 }],
      requirements: { portability: 'required' },
      team: { engineers: 60, platformEngineers: 6, kubernetes: 'expert', kubernetesEcosystem: 'some' },
    },
    expected: EKS,
  },
  {
    name: 'Kubernetes ecosystem at the centre with an expert team ⇒ an EKS option',
    fact: '9.4, 12.3',
    input: {
      services: [{ ...api, replicas: 20 }],
      team: { engineers: 40, platformEngineers: 4, kubernetes: 'expert', kubernetesEcosystem: 'central' },
    },
    expected: EKS,
  },
  {
    name: 'per-task isolation ⇒ a Fargate option',
    fact: '8.3 (VM boundary per task or pod)',
    input: {
      services: [{ ...api, replicas: 50 }],
      requirements: { isolation: 'per-task' },
      team: { engineers: 20, platformEngineers: 1, kubernetes: 'some' },
    },
    expected: FARGATE,
  },
  {
    name: 'GPU work with no platform team ⇒ an EC2-backed option that AWS manages (Managed Instances or Auto Mode)',
    fact: '0.1, 0.4, 12.6',
    input: { services: [{ ...api, gpus: 1, cpu: 4, memory: 16 }], team: { engineers: 6, platformEngineers: 0, kubernetes: 'none' } },
    expected: ['ecs-managed-instances'],
  },
  {
    name: 'tiny batch team ⇒ ECS on Fargate or ECS on EC2',
    fact: '9.2, 9.3',
    input: {
      services: [{ ...api, cpu: 0.25, memory: 0.5, replicas: 1 }],
      jobs: [{ name: 'etl', cpu: 2, memory: 8, runsPerDay: 1, minutesPerRun: 30, parallelism: 5 }],
      team: { engineers: 3 },
    },
    expected: ['ecs-fargate', 'ecs-ec2'],
  },
];

describe('recommendations that follow from the facts', () => {
  for (const row of recommendationRows) {
    it(`${row.name} (domain-facts ${row.fact})`, () => {
      const r = evaluateRules(workload(row.input), fakePricing());
      expect(row.expected).toContain(r.recommendation.option);
    });
  }
});

describe('scores, reasons and the summary', () => {
  it('every eligible score is the base plus its listed points, clamped to 0–100', () => {
    const r = evaluateRules(workload({ services: [api], requirements: { isolation: 'per-task', portability: 'required' } }), fakePricing());
    for (const o of r.options) {
      const sum = BASE_SCORE + o.reasons.reduce((a, x) => a + x.points, 0);
      expect(o.unblockedScore).toBe(Math.max(0, Math.min(100, sum)));
      if (o.eligible) expect(o.score).toBe(o.unblockedScore);
    }
  });

  it('ranks all six options 1..6, eligible first', () => {
    const r = evaluateRules(workload({ services: [{ ...api, gpus: 1 }] }), fakePricing());
    expect(r.options.map((o) => o.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    const firstBlocked = r.options.findIndex((o) => !o.eligible);
    expect(r.options.slice(firstBlocked).every((o) => !o.eligible)).toBe(true);
  });

  it('cost is one visible contribution: the cheapest eligible option gets +12, a 2× option loses points', () => {
    const r = evaluateRules(
      workload({ services: [{ ...api, replicas: 20 }] }),
      fakePricing({ 'ecs-ec2': 1000, 'ecs-fargate': 2000 }, {}, 1500),
    );
    const cost = (id: OptionId) => r.options.find((o) => o.id === id)!.reasons.find((x) => x.rule === 'cost')!;
    expect(cost('ecs-ec2').points).toBe(12);
    expect(cost('ecs-ec2').text).toContain('cheapest eligible');
    expect(cost('ecs-fargate').points).toBe(-12);
    expect(cost('ecs-fargate').text).toContain('$1,000.00 (100 %) more than ECS on EC2');
  });

  it('cost differences on a small bill count for little (measured against $500/month)', () => {
    const r = evaluateRules(workload({ services: [api] }), fakePricing({ 'ecs-fargate': 60, 'ecs-ec2': 40 }, {}, 100));
    const fargateCost = r.options.find((o) => o.id === 'ecs-fargate')!.reasons.find((x) => x.rule === 'cost')!;
    expect(fargateCost.points).toBe(10); // 12 − 40 × 20/500
  });

  it('blocked options get no cost points', () => {
    const r = evaluateRules(workload({ services: [{ ...api, gpus: 1 }] }), fakePricing({ 'ecs-fargate': 1 }));
    expect(r.options.find((o) => o.id === 'ecs-fargate')!.reasons.some((x) => x.rule === 'cost')).toBe(false);
  });

  it('the summary names the winner, its top reasons and its cost, and the runner-up', () => {
    const r = evaluateRules(
      workload({ services: [{ ...api, replicas: 2, peakReplicas: 10, peakHoursPerDay: 3 }], team: { engineers: 5 } }),
      fakePricing({ 'ecs-fargate': 99.41 }, {}, 200),
    );
    expect(r.recommendation.option).toBe('ecs-fargate');
    expect(r.recommendation.summary).toMatch(/^ECS on Fargate scores \d+\/100 on .*small team/);
    expect(r.recommendation.summary).toContain('$99.41/month it is also the cheapest eligible option');
    expect(r.recommendation.summary).toContain('Runner-up:');
    expect(r.recommendation.runnerUp).not.toBeNull();
  });

  it('pricing blockers are merged, with the pricing model’s text', () => {
    const r = evaluateRules(
      workload({ services: [api] }),
      fakePricing(
        {},
        {
          'ecs-fargate': [{ rule: 'task-too-large', text: 'from pricing' }],
          'ecs-ec2': [{ rule: 'no-instance-type', text: 'nothing fits' }],
        },
      ),
    );
    const f = r.options.find((o) => o.id === 'ecs-fargate')!;
    expect(f.blockers).toEqual([{ rule: 'task-too-large', text: 'from pricing' }]);
    expect(r.options.find((o) => o.id === 'ecs-ec2')!.blockers).toEqual([{ rule: 'no-instance-type', text: 'nothing fits' }]);
    expect(r.trace.find((t) => t.rule === 'pricing-blockers')!.fired).toBe(true);
  });

  it('if every option is blocked, the result is well formed and says so', () => {
    const all = Object.fromEntries(
      (['ecs-fargate', 'ecs-ec2', 'eks-managed-nodes', 'eks-fargate', 'ecs-managed-instances', 'eks-auto-mode'] as const).map((id) => [
        id,
        [{ rule: 'test-block', text: 'blocked in test' }],
      ]),
    );
    const r = evaluateRules(workload({ services: [api] }), fakePricing({}, all));
    expect(r.options).toHaveLength(6);
    expect(r.options.every((o) => !o.eligible && o.score === 0)).toBe(true);
    expect(r.recommendation.runnerUp).toBeNull();
    expect(r.recommendation.summary).toMatch(/^No option is eligible/);
  });

  it('operates lists what a team runs with each option', () => {
    const r = evaluateRules(workload({ services: [api] }), fakePricing());
    const ops = (id: OptionId) => r.options.find((o) => o.id === id)!.operates.join(' | ');
    expect(ops('ecs-fargate')).toContain('task definitions');
    expect(ops('ecs-ec2')).toMatch(/Auto Scaling groups.*AMIs.*capacity providers/);
    expect(ops('eks-managed-nodes')).toMatch(/node groups.*add-ons/);
    expect(ops('eks-managed-nodes')).toContain('Helm');
    expect(ops('eks-fargate')).toContain('IRSA');
  });
});

describe('the trace', () => {
  it('lists every rule, fired or not, with why', async () => {
    const { RULES } = await import('../../src/rules/index.js');
    const r = evaluateRules(workload({ services: [api] }), fakePricing());
    const ids = r.trace.map((t) => t.rule);
    for (const rule of RULES) expect(ids).toContain(rule.id);
    expect(ids).toContain('pricing-blockers');
    for (const t of r.trace) expect(t.why.length).toBeGreaterThan(0);
    expect(r.trace.find((t) => t.rule === 'gpu')).toMatchObject({ fired: false, why: 'no task asks for GPUs', effects: {} });
  });
});

describe('trait rules', () => {
  const reasonsOf = (input: Input, id: OptionId) => evaluateRules(workload(input), fakePricing()).options.find((o) => o.id === id)!.reasons;

  it('cold start: a 2 GB image against 60 s costs ECS Fargate points and suggests SOCI', () => {
    const rs = reasonsOf(
      {
        services: [{ ...api, replicas: 2, peakReplicas: 8, peakHoursPerDay: 2, imageSizeMB: 2000 }],
        requirements: { coldStartSeconds: 60 },
      },
      'ecs-fargate',
    );
    const cold = rs.find((x) => x.rule === 'cold-start')!;
    expect(cold.points).toBe(-8);
    expect(cold.text).toContain('SOCI');
  });

  it('cold start: new EC2 instances take minutes; a 600 s tolerance absorbs them', () => {
    const input = (cold: number): Input => ({
      services: [{ ...api, replicas: 2, peakReplicas: 8, peakHoursPerDay: 2, imageSizeMB: 300 }],
      requirements: { coldStartSeconds: cold },
    });
    expect(reasonsOf(input(60), 'ecs-ec2').find((x) => x.rule === 'cold-start')?.points).toBe(-8);
    expect(reasonsOf(input(600), 'ecs-ec2').find((x) => x.rule === 'cold-start')).toBeUndefined();
  });

  it('launch rate: 2,000 tasks at once exceed the Fargate burst of 100 at 20 per second', () => {
    const rs = reasonsOf(
      { services: [{ ...api, replicas: 100, peakReplicas: 2100, peakHoursPerDay: 1 }], requirements: { coldStartSeconds: 60 } },
      'ecs-fargate',
    );
    const rate = rs.find((x) => x.rule === 'fargate-launch-rate')!;
    expect(rate.points).toBe(-6);
    expect(rate.text).toContain('about 95 s later');
  });

  it('Spot tolerance: EKS has no Fargate Spot', () => {
    expect(
      reasonsOf({ services: [api], requirements: { interruptible: true } }, 'eks-fargate').find((x) => x.rule === 'spot-tolerant')!.points,
    ).toBeLessThan(0);
    expect(
      reasonsOf({ services: [api], requirements: { interruptible: true } }, 'ecs-fargate').find((x) => x.rule === 'spot-tolerant')!.points,
    ).toBeGreaterThan(0);
  });

  it('FedRAMP (low confidence): no points against ECS Fargate, but EKS Fargate loses (not in GovCloud)', () => {
    const f = reasonsOf({ services: [api], requirements: { compliance: ['fedramp'] } }, 'ecs-fargate').find(
      (x) => x.rule === 'compliance-fedramp',
    )!;
    expect(f.points).toBe(0);
    expect(f.text).toContain('services-in-scope');
    expect(
      reasonsOf({ services: [api], requirements: { compliance: ['fedramp'] } }, 'eks-fargate').find((x) => x.rule === 'compliance-fedramp')!
        .points,
    ).toBeLessThan(0);
  });

  it('SOC 2 and ISO 27001 do not separate the options', () => {
    const r = evaluateRules(workload({ services: [api], requirements: { compliance: ['soc2', 'iso27001'] } }), fakePricing());
    for (const o of r.options) expect(o.reasons.some((x) => x.rule.startsWith('compliance-'))).toBe(false);
    expect(r.trace.find((t) => t.rule === 'compliance-soc2')!.fired).toBe(true);
  });

  it('EKS Fargate rounding: 1 vCPU / 8 GiB is billed as 2 vCPU / 9 GiB', () => {
    const k = reasonsOf({ services: [{ ...api, cpu: 1, memory: 8 }] }, 'eks-fargate').find((x) => x.rule === 'eks-fargate-rounding')!;
    expect(k.text).toContain('2 vCPU, 9 GiB');
  });
});

describe('facts, not folklore', () => {
  const allText = async () => {
    const { RULES, PITFALLS } = await import('../../src/rules/index.js');
    const r = evaluateRules(
      workload({
        services: [{ ...api, replicas: 2, peakReplicas: 8, peakHoursPerDay: 2 }],
        requirements: { blockStorage: true, interruptible: true },
        cost: { fargate: { spotPercent: 50 } },
      }),
      fakePricing(),
    );
    return [
      ...RULES.map((x) => `${x.reason} ${x.effectNote ?? ''}`),
      ...PITFALLS.map((p) => `${p.title} ${p.fix}`),
      ...r.options.flatMap((o) => [...o.reasons.map((x) => x.text), ...o.blockers.map((b) => b.text)]),
    ].join('\n');
  };

  it('never claims Fargate is "3×" EC2, or that managed scaling defaults to 80 %', async () => {
    const text = await allText();
    expect(text).not.toMatch(/3\s*[×x]\s*(the cost of )?EC2/i);
    expect(text).not.toMatch(/defaults? to 80/i);
    expect(text).toMatch(/target capacity (is )?100/i);
  });

  it('says ECS Fargate supports one EBS volume per task', async () => {
    expect(await allText()).toContain('one EBS volume per task');
  });

  it('does not call Fargate Firecracker', async () => {
    expect(await allText()).not.toMatch(/firecracker/i);
  });
});
