/**
 * Table-driven scenarios. Each expected answer follows from a cited public source (the AWS page the
 * rule cites), not from tuning weights: the pricing is neutral (every option costs the same) unless a
 * row says otherwise.
 */
import { describe, expect, it } from 'vitest';
import type { OptionId } from '../../src/schema/enums.js';
import type { WorkloadInput } from '../../src/schema/workload.js';
import { BASE_SCORE, evaluateRules } from '../../src/rules/index.js';
import { costPoints } from '../../src/rules/engine.js';
import { CLOSE_CALL_POINTS } from '../../src/rules/weights.js';
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
    name: 'Windows ⇒ EKS Fargate, Auto Mode and ECS Managed Instances blocked; ECS Fargate, ECS on EC2 and MNG not',
    fact: 'EKS Fargate and Auto Mode pages; Managed Instances run Linux only (ECS MI guide, AWS Batch MI job definitions)',
    input: { services: [{ ...api, os: 'windows' }] },
    blocked: { 'eks-fargate': 'windows', 'eks-auto-mode': 'windows', 'ecs-managed-instances': 'windows' },
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
    name: 'a 32 vCPU / 64 GiB task ⇒ ECS Fargate (32 vCPU with 120 GB, Linux), not EKS Fargate (16 vCPU at most)',
    fact: 'ECS Fargate task sizes (32 vCPU: 60, 120 or 244 GB); EKS Fargate pod configuration',
    input: { services: [{ ...api, cpu: 32, memory: 64 }] },
    blocked: { 'eks-fargate': 'task-too-large' },
    notBlocked: ['ecs-fargate', ...EC2_BACKED],
  },
  {
    name: 'a 32 vCPU Windows task ⇒ no Fargate (Windows stops at 4 vCPU)',
    fact: 'ECS Fargate task sizes (Windows: 1–4 vCPU)',
    input: { services: [{ ...api, cpu: 32, memory: 64, os: 'windows' }] },
    blocked: { 'ecs-fargate': 'task-too-large' },
    notBlocked: ['ecs-ec2', 'eks-managed-nodes'],
  },
  {
    name: 'a 48 vCPU task ⇒ both Fargate options blocked',
    fact: 'ECS Fargate task sizes (32 vCPU is the largest)',
    input: { services: [{ ...api, cpu: 48, memory: 96 }] },
    blocked: { 'ecs-fargate': 'task-too-large', 'eks-fargate': 'task-too-large' },
    notBlocked: EC2_BACKED,
  },
  {
    name: '500 GiB of ephemeral storage ⇒ both Fargate options blocked (200 GiB on ECS, 175 GiB on EKS)',
    fact: 'ECS EphemeralStorage (21–200 GiB); EKS Fargate pod configuration (175 GiB)',
    input: { services: [{ ...api, storage: 500 }] },
    blocked: { 'ecs-fargate': 'storage-too-large', 'eks-fargate': 'storage-too-large' },
    notBlocked: EC2_BACKED,
    winnerIn: EC2_BACKED,
  },
  {
    name: '180 GiB of storage ⇒ EKS Fargate blocked (175 GiB), ECS Fargate not (200 GiB)',
    fact: 'ECS EphemeralStorage; EKS Fargate pod configuration',
    input: { services: [{ ...api, storage: 180 }] },
    blocked: { 'eks-fargate': 'storage-too-large' },
    notBlocked: ['ecs-fargate'],
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
      it(`${row.name} (${row.fact}; ${teamName} team)`, () => {
        const r = evaluateRules(workload({ ...row.input, team }), fakePricing());
        const byId = new Map(r.options.map((o) => [o.id, o]));
        for (const [id, rule] of Object.entries(row.blocked ?? {})) {
          const o = byId.get(id as OptionId)!;
          expect(o.eligible).toBe(false);
          expect(o.score).toBeNull();
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
    it(`${row.name} (${row.fact})`, () => {
      const r = evaluateRules(workload(row.input), fakePricing());
      expect(row.expected).toContain(r.recommendation.option);
    });
  }
});

describe('scores, reasons and the summary', () => {
  it('every eligible score is the base plus its listed points, clamped to 0–100', () => {
    const r = evaluateRules(workload({ services: [api], requirements: { isolation: 'per-task', portability: 'required' } }), fakePricing());
    for (const o of r.options) {
      const sum = Math.round((BASE_SCORE + o.reasons.reduce((a, x) => a + x.points, 0)) * 10) / 10;
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

  it('cost is one visible contribution: the cheapest eligible option loses nothing, a dearer one loses points that grow with the gap', () => {
    const r = evaluateRules(
      workload({ services: [{ ...api, replicas: 20 }] }),
      fakePricing({ 'ecs-ec2': 1000, 'ecs-fargate': 2000 }, {}, 1500),
    );
    const cost = (id: OptionId) => r.options.find((o) => o.id === id)!.reasons.find((x) => x.rule === 'cost')!;
    expect(cost('ecs-ec2').points).toBe(0);
    expect(cost('ecs-ec2').text).toContain('cheapest eligible');
    expect(cost('ecs-fargate').points).toBeLessThan(cost('eks-fargate').points);
    expect(cost('ecs-fargate').text).toContain('$1,000.00 (100 %) more than ECS on EC2');
    expect(cost('ecs-fargate').text).toContain('engineer-months a month at a reference $210,000 a year');
  });

  it('a few dollars never outweigh an operational fact; an engineer’s salary a month does', () => {
    // $20 on a $40 bill, $300 on $500, $18,000 on $100,000: the points follow the absolute gap.
    const small = costPoints(20, 40, 17_500);
    const mid = costPoints(300, 500, 17_500);
    const large = costPoints(18_000, 100_000, 17_500);
    expect(small).toBeGreaterThan(-1);
    expect(mid).toBeGreaterThan(-2);
    expect(large).toBeLessThan(-10);
    expect(costPoints(17_500, 1_000_000, 17_500)).toBeCloseTo(-10, 0);
    expect(costPoints(0, 100, 17_500)).toBe(0);
  });

  it('table: cost points by gap (engineer-month $17,500)', () => {
    const rows: Array<[gap: number, cheapest: number, points: number]> = [
      [10, 40, 0],
      [100, 1_000, -0.2],
      [1_000, 10_000, -1.4],
      [5_000, 10_000, -6.3],
      [17_500, 100_000, -10.9],
      [50_000, 50_000, -17.8],
    ];
    for (const [gap, cheapest, points] of rows) expect(costPoints(gap, cheapest, 17_500), `${gap} on ${cheapest}`).toBe(points);
  });

  it('the team’s own engineer cost sets the scale', () => {
    const cheap = workload({ services: [api], team: { engineerCostPerYear: 60_000 } });
    const dear = workload({ services: [api], team: { engineerCostPerYear: 400_000 } });
    const pricing = fakePricing({ 'ecs-ec2': 1000, 'ecs-fargate': 4000 }, {}, 2000);
    const pts = (w: typeof cheap) =>
      evaluateRules(w, pricing)
        .options.find((o) => o.id === 'ecs-fargate')!
        .reasons.find((x) => x.rule === 'cost')!.points;
    expect(pts(cheap)).toBeLessThan(pts(dear));
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
    expect(r.recommendation.summary).toMatch(/^ECS on Fargate scores [\d.]+\/100 on .*no Kubernetes experience/);
    expect(r.recommendation.summary).toContain('$99.41/month it is also the cheapest eligible option');
    expect(r.recommendation.summary).toMatch(/Runner-up: .* points behind/);
    expect(r.recommendation.runnerUp).not.toBeNull();
    expect(r.recommendation).toMatchObject({ eligible: true, closeCall: false, monthlyCost: 99.41 });
    expect(r.recommendation.margin).toBeGreaterThanOrEqual(CLOSE_CALL_POINTS);
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
    expect(r.options.every((o) => !o.eligible && o.score === null)).toBe(true);
    expect(r.recommendation.runnerUp).toBeNull();
    expect(r.recommendation).toMatchObject({ eligible: false, score: null, monthlyCost: null, margin: null, closeCall: false });
    expect(r.recommendation.summary).toMatch(/^No option can run this workload/);
    // It names no option as the one to choose.
    expect(r.recommendation.summary).not.toMatch(/recommend|choose [A-Z]/);
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
