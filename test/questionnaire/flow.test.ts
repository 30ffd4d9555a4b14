import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { instanceTypeChoices } from '../../src/cli/catalog.js';
import {
  createScriptedPrompter,
  pairedMemory,
  runQuestionnaire,
  QUESTIONS,
  renderAnswersReview,
  type ImportedAnswers,
  type QuestionnaireOptions,
} from '../../src/questionnaire/index.js';
import type { ScriptedAnswer } from '../../src/questionnaire/prompter.js';
import { Service, Team, WorkloadSchema, resolveWorkload, type WorkloadInput } from '../../src/schema/workload.js';

type Script = Record<string, ScriptedAnswer | { attempts: readonly ScriptedAnswer[] }>;

const DEFAULT_PATH = [
  'workload.name',
  'workload.region',
  'workload.kinds',
  'service.name',
  'service.cpu',
  'service.memory',
  'service.replicas',
  'service.peakReplicas',
  'service.traits',
  'service.imageSizeMB',
  'service.more',
  'requirements.needs',
  'team.engineers',
  'team.platformEngineers',
  'team.kubernetes',
  'team.engineerCostPerYear',
  'current.platform',
  'tune.sections',
  'review.change',
];

/** The schema's own message for a bad value, so the tests prove there is one schema, not two. */
const schemaMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

async function interview(script: Script, options: QuestionnaireOptions = {}) {
  const prompter = createScriptedPrompter(script);
  const workload = await runQuestionnaire(prompter, options);
  return { prompter, workload };
}

describe('runQuestionnaire with a scripted prompter', () => {
  it('pressing Enter all the way through asks 19 questions, says so first, and gives a valid workload', async () => {
    const { prompter, workload } = await interview({});
    expect(prompter.asked).toEqual(DEFAULT_PATH);
    expect(prompter.notes[0]).toBe(
      'About 19 questions; Enter takes the suggested answer. At the end you can go back and change any answer; Ctrl-C quits without writing anything.',
    );
    expect(workload.version).toBe(1);
    const resolved = resolveWorkload(WorkloadSchema.parse(workload));
    expect(resolved.services).toHaveLength(1);
    expect(resolved.services[0]).toMatchObject({
      name: 'api',
      cpu: 0.5,
      memory: 1,
      replicas: 2,
      peakReplicas: 2,
      gpus: 0,
      imageSizeMB: 300,
    });
    for (const absent of ['jobs', 'daemons', 'current']) expect(workload).not.toHaveProperty(absent);
    expect(workload.team).not.toHaveProperty('engineerCostPerYear');
  });

  it('counts 18 questions with --region, and fewer from an import', async () => {
    const { prompter } = await interview({}, { region: 'eu-west-1' });
    expect(prompter.notes[0]).toMatch(/^About 18 questions;/);
    expect(prompter.asked).toHaveLength(18);
  });

  it('every question asked has wording and a why line, and some script asks each', async () => {
    const scripts: Script[] = [
      {
        'workload.kinds': ['services', 'jobs', 'daemons'],
        'service.traits': ['gpu', 'storage'],
        'service.peakReplicas': 10,
        'service.more': false,
        'job.traits': ['gpu', 'storage'],
        'requirements.needs': ['compliance', 'portability', 'coldStart', 'interruptible'],
        'requirements.compliance': ['soc2'],
        'team.kubernetes': 'some',
        'workload.name': 'shop',
        'current.platform': 'ecs-ec2',
        'tune.sections': ['network', 'cost'],
        'service.more#1': true,
        'review.change#1': 'add',
        'review.add': 'jobs',
        'review.change#2': 'remove',
        'review.remove': 'jobs[1]',
      },
    ];
    const asked = new Set<string>();
    for (const script of scripts) {
      const { prompter } = await interview(script);
      for (const id of prompter.asked) {
        const q = QUESTIONS[id as keyof typeof QUESTIONS];
        expect(q, id).toBeDefined();
        expect(q.why.length, id).toBeGreaterThan(10);
        asked.add(id);
      }
    }
    expect([...asked].sort()).toEqual(Object.keys(QUESTIONS).sort());
  });

  it('asks the GPU count only for GPU workloads', async () => {
    const without = await interview({});
    expect(without.prompter.asked).not.toContain('service.gpus');
    const withGpu = await interview({ 'service.traits': ['gpu'], 'service.gpus': 2 });
    expect(withGpu.prompter.asked).toContain('service.gpus');
    expect(withGpu.workload.services?.[0]?.gpus).toBe(2);
  });

  it('asks peak hours only when the peak is above the baseline', async () => {
    const flat = await interview({ 'service.replicas': 4 });
    expect(flat.prompter.asked).not.toContain('service.peakHoursPerDay');
    expect(flat.workload.services?.[0]).not.toHaveProperty('peakReplicas');
    const peaky = await interview({ 'service.replicas': 4, 'service.peakReplicas': 12, 'service.peakHoursPerDay': 3 });
    expect(peaky.prompter.asked.indexOf('service.peakHoursPerDay')).toBe(peaky.prompter.asked.indexOf('service.peakReplicas') + 1);
    expect(peaky.workload.services?.[0]).toMatchObject({ replicas: 4, peakReplicas: 12, peakHoursPerDay: 3 });
  });

  it.each([
    ['service.cpu', 0, 0.25, 'cpu (vCPU per task) must be greater than 0 — enter a number above 0, up to 192 vCPU'],
    ['service.memory', 30_000, 2, 'memory (GiB per task) must be at most 24576 — enter a number above 0, up to 24,576 GiB'],
    ['service.replicas', 2.5, 3, 'replicas must be a whole number — enter a whole number from 0 to 1,000,000 tasks'],
    ['service.imageSizeMB', 0, 900, 'imageSizeMB must be greater than 0 — enter a number above 0, up to 100,000 MB'],
    ['team.engineers', 0, 5, 'engineers must be at least 1 — enter a whole number from 1 to 100,000 people'],
    [
      'team.engineerCostPerYear',
      10,
      150_000,
      'engineerCostPerYear must be at least 1000 (USD per year) — enter a number from 1,000 to 5,000,000 USD a year',
    ],
  ])('%s: %s is refused with the schema’s message, the range and the unit; %s is taken', async (id, bad, good, message) => {
    const { prompter, workload } = await interview({ [id]: { attempts: [bad, good] } });
    expect(prompter.rejected).toEqual([{ id, answer: bad, message }]);
    expect(JSON.stringify(workload)).toContain(`:${good}`);
  });

  it('the range is the schema’s own: the message starts with what validate would say', async () => {
    const { prompter } = await interview({ 'service.cpu': { attempts: [0, 0.25] } });
    expect(prompter.rejected[0]?.message.startsWith(schemaMessage(Service.shape.cpu.safeParse(0))!)).toBe(true);
    const team = await interview({ 'team.engineers': { attempts: [0, 5] } });
    expect(team.prompter.rejected[0]?.message.startsWith(schemaMessage(Team.shape.engineers.safeParse(0))!)).toBe(true);
  });

  it('applies the cross-field rules of the schema as the user answers', async () => {
    const { prompter, workload } = await interview({
      'service.replicas': 6,
      'service.peakReplicas': { attempts: [4, 6] },
      'service.traits': { attempts: [['arm64', 'windows'], ['windows']] },
      'team.engineers': 3,
      'team.platformEngineers': { attempts: [5, 1] },
    });
    expect(prompter.rejected.map((r) => [r.id, r.message])).toEqual([
      ['service.peakReplicas', 'peakReplicas (4) must be at least replicas (6)'],
      ['service.traits', 'Windows containers run on x86_64 only on ECS and EKS; use arch: x86_64'],
      ['team.platformEngineers', 'platformEngineers (5) cannot exceed engineers (3); engineers counts everyone'],
    ]);
    expect(workload.services?.[0]).toMatchObject({ os: 'windows', arch: 'x86_64' });
    expect(workload.services?.[0]).not.toHaveProperty('peakReplicas');
  });

  it('loops over services with unique default names and rejects a duplicate name', async () => {
    const { prompter, workload } = await interview({
      'service.more#1': true,
      'service.name#2': { attempts: ['api', 'worker'] },
      'service.cpu#2': 2,
    });
    expect(workload.services?.map((s) => s.name)).toEqual(['api', 'worker']);
    expect(workload.services?.[1]).toMatchObject({ cpu: 2, memory: 4 });
    expect(prompter.rejected).toEqual([
      { id: 'service.name', answer: 'api', message: '"api" is already used by services[0]; names must be unique' },
    ]);
    const twice = await interview({ 'service.more#1': true });
    expect(twice.workload.services?.map((s) => s.name)).toEqual(['api', 'api-2']);
  });

  it('needs at least one service or job, and handles a jobs-only workload', async () => {
    const { prompter, workload } = await interview({
      'workload.kinds': { attempts: [['daemons'], ['jobs', 'daemons']] },
      'daemon.hostAccess': true,
    });
    expect(prompter.rejected[0]?.message).toBe('add at least one service or one job');
    expect(workload).not.toHaveProperty('services');
    expect(workload.jobs).toEqual([
      {
        name: 'batch',
        cpu: 1,
        memory: 2,
        runsPerDay: 1,
        minutesPerRun: 30,
        parallelism: 1,
        arch: 'x86_64',
        os: 'linux',
        gpus: 0,
        imageSizeMB: 300,
      },
    ]);
    expect(workload.daemons).toEqual([{ name: 'log-router', cpu: 0.25, memory: 0.5, hostAccess: true }]);
    expect(WorkloadSchema.safeParse(workload).success).toBe(true);
  });

  it('tidies names the way Kubernetes wants them instead of rejecting them', async () => {
    const { workload } = await interview({ 'workload.name': '  Checkout API ', 'service.name': { attempts: ['Web_Front', 'web'] } });
    expect(workload.name).toBe('checkout-api');
    expect(workload.services?.[0]?.name).toBe('web-front');
    const bad = await interview({ 'workload.name': { attempts: ['café!', 'cafe'] } });
    expect(bad.prompter.rejected[0]?.message).toBe('name must be lowercase letters, digits and dashes (like a Kubernetes name)');
  });

  it('a strict script fails on any question it does not expect', async () => {
    await expect(runQuestionnaire(createScriptedPrompter({ 'workload.name': 'x' }, { strict: true }))).rejects.toThrow(
      'unexpected question "workload.region"',
    );
  });
});

describe('defaults that follow earlier answers', () => {
  it.each([
    [0.25, 0.5],
    [0.5, 1],
    [1, 2],
    [2, 4],
    [3, 8],
    [4, 8],
    [8, 16],
    [16, 32],
    [20, 60],
  ])('memory pairs with %s vCPU as a Fargate size: %s GiB', async (cpu, memory) => {
    expect(pairedMemory(cpu)).toBe(memory);
    const { workload } = await interview({ 'service.cpu': cpu, 'workload.kinds': ['services', 'jobs'], 'job.cpu': cpu });
    expect(workload.services?.[0]?.memory).toBe(memory);
    expect(workload.jobs?.[0]?.memory).toBe(memory);
  });

  it('Spot shares are asked, 50 % by default, once Spot is tolerated; not asked (and 0) otherwise', async () => {
    const spot = await interview({ 'requirements.needs': ['interruptible'] });
    expect(spot.prompter.asked.slice(spot.prompter.asked.indexOf('requirements.needs') + 1, -1).slice(0, 2)).toEqual([
      'cost.ec2.spotPercent',
      'cost.fargate.spotPercent',
    ]);
    expect(spot.workload.cost).toMatchObject({ ec2: { spotPercent: 50 }, fargate: { spotPercent: 50 } });
    const chosen = await interview({ 'requirements.needs': ['interruptible'], 'cost.ec2.spotPercent': 70, 'cost.fargate.spotPercent': 0 });
    expect(chosen.workload.cost).toMatchObject({ ec2: { spotPercent: 70 }, fargate: { spotPercent: 0 } });
    const none = await interview({ 'tune.sections': ['cost'] });
    expect(none.prompter.asked).not.toContain('cost.ec2.spotPercent');
    expect(none.workload.cost).toMatchObject({ ec2: { spotPercent: 0 }, fargate: { spotPercent: 0 } });
  });

  it('an answer changed at the review is the default when asked again', async () => {
    const { prompter, workload } = await interview({
      'service.cpu': 2,
      'service.replicas': 5,
      'review.change#1': 'services[0]',
      'review.change#2': 'done',
    });
    expect(prompter.asked.filter((id) => id === 'service.cpu')).toHaveLength(2);
    expect(workload.services?.[0]).toMatchObject({ cpu: 2, memory: 4, replicas: 5 });
  });
});

describe('Regions and instance types from the known lists', () => {
  it('the region is searched in AWS’s list; a near miss is refused with the near Regions', async () => {
    const { prompter, workload } = await interview({ 'workload.region': { attempts: ['us-east-9', 'us-east-2'] } });
    expect(prompter.rejected).toEqual([
      {
        id: 'workload.region',
        answer: 'us-east-9',
        message: 'region "us-east-9" is not an AWS Region; did you mean us-east-1 or us-east-2?',
      },
    ]);
    expect(workload.region).toBe('us-east-2');
  });

  it('skips the region question when the region is given, and uses a known defaultRegion as the default', async () => {
    const given = await interview({}, { region: 'eu-west-1' });
    expect(given.prompter.asked).not.toContain('workload.region');
    expect(given.workload.region).toBe('eu-west-1');
    expect((await interview({}, { defaultRegion: 'ap-southeast-2' })).workload.region).toBe('ap-southeast-2');
    expect((await interview({}, { defaultRegion: 'us-iso-east-1' })).workload.region).toBe('us-east-1');
  });

  it('offers every Region, the near ones for a typo, and marks those the snapshot does not price', async () => {
    const seen: { term: string | undefined; values: string[]; descriptions: (string | undefined)[] }[] = [];
    const prompter = createScriptedPrompter({});
    const search = prompter.search.bind(prompter);
    prompter.search = (q) => {
      if (q.id === 'workload.region') {
        for (const term of [undefined, 'frank', 'us-east-9']) {
          const choices = q.source(term);
          seen.push({ term, values: choices.map((c) => c.value), descriptions: choices.map((c) => c.description) });
        }
      }
      return search(q);
    };
    await runQuestionnaire(prompter, { pricedRegions: ['us-east-1', 'eu-central-1'] });
    expect(seen[0]!.values).toHaveLength(36);
    expect(seen[1]!.values).toEqual(['eu-central-1']);
    expect(seen[1]!.descriptions).toEqual([undefined]);
    expect(seen[2]!.values).toEqual(['us-east-1', 'us-east-2']);
    expect(seen[2]!.descriptions[1]).toBe(
      'no Region is called "us-east-9"; did you mean this one?; not in the bundled price snapshot: its prices are estimated from us-east-1',
    );
  });

  it('instance types one at a time from the catalog, until done; a typo is refused with a "did you mean"', async () => {
    const { prompter, workload } = await interview(
      {
        'tune.sections': ['cost'],
        'cost.ec2.instanceTypes#1': { attempts: ['m5.larg', 'm7g.large'] },
        'cost.ec2.instanceTypes#2': 'c7g.xlarge',
        'cost.eks.support': 'extended',
      },
      { instanceTypes: instanceTypeChoices() },
    );
    expect(prompter.rejected).toEqual([
      {
        id: 'cost.ec2.instanceTypes',
        answer: 'm5.larg',
        message: '"m5.larg" is not an EC2 instance type the tool knows; did you mean m5.large?',
      },
    ]);
    expect(prompter.asked.filter((id) => id === 'cost.ec2.instanceTypes')).toHaveLength(3);
    expect(workload.cost).toMatchObject({ ec2: { instanceTypes: ['m7g.large', 'c7g.xlarge'] }, eks: { support: 'extended' } });
  });

  it('the instance-type list filters as you type and suggests near types when nothing matches', async () => {
    const prompter = createScriptedPrompter({ 'tune.sections': ['cost'] });
    const lists: Record<string, string[]> = {};
    const search = prompter.search.bind(prompter);
    prompter.search = (q) => {
      if (q.id === 'cost.ec2.instanceTypes') for (const term of ['m7g.2x', 't9.foo']) lists[term] = q.source(term).map((c) => c.value);
      return search(q);
    };
    await runQuestionnaire(prompter, { instanceTypes: instanceTypeChoices() });
    // The matches first (Enter takes the best), "done" last.
    expect(lists['m7g.2x']).toEqual(['m7g.2xlarge', '']);
    expect(lists['t9.foo']).toEqual(['t1.micro', 't2.large', 't3.large', '']);
  });
});

describe('follow-ups', () => {
  it('asks requirement follow-ups only for what is ticked', async () => {
    const { prompter, workload } = await interview({
      'requirements.needs': ['privileged', 'compliance', 'portability', 'coldStart'],
      'requirements.compliance': ['pci', 'soc2'],
      'requirements.portability': 'required',
      'requirements.coldStartSeconds': { attempts: [0, 20] },
    });
    expect(workload.requirements).toEqual({
      privileged: true,
      blockStorage: false,
      hostNetworking: false,
      isolation: 'shared',
      compliance: ['pci', 'soc2'],
      portability: 'required',
      coldStartSeconds: 20,
      interruptible: false,
    });
    expect(prompter.rejected[0]?.message).toBe('coldStartSeconds must be at least 1 — enter a number from 1 to 3,600 seconds');
    const plain = await interview({});
    expect(plain.prompter.asked.filter((id) => id.startsWith('requirements.'))).toEqual(['requirements.needs']);
  });

  it('“compliance applies” needs at least one regime', async () => {
    const { prompter, workload } = await interview({
      'requirements.needs': ['compliance'],
      'requirements.compliance': { attempts: [[], ['hipaa']] },
    });
    expect(prompter.rejected).toEqual([
      {
        id: 'requirements.compliance',
        answer: [],
        message:
          'tick at least one regime with Space before Enter (if none applies after all, untick compliance when you review the answers)',
      },
    ]);
    expect(workload.requirements?.compliance).toEqual(['hipaa']);
  });

  it('asks the ecosystem only of teams with Kubernetes experience', async () => {
    expect((await interview({})).prompter.asked).not.toContain('team.kubernetesEcosystem');
    const { workload } = await interview({ 'team.kubernetes': 'expert', 'team.kubernetesEcosystem': 'central' });
    expect(workload.team).toMatchObject({ kubernetes: 'expert', kubernetesEcosystem: 'central' });
  });

  it.each([
    [{}, undefined],
    [{ 'team.engineerCostPerYear': '' }, undefined],
    [{ 'team.engineerCostPerYear': 180_000 }, 180_000],
  ])('engineerCostPerYear %j → %s (skippable: absent)', async (script, expected) => {
    const { workload } = await interview(script);
    expect(workload.team?.engineerCostPerYear).toBe(expected);
  });

  it.each<[Script, WorkloadInput['current'], string[]]>([
    [{}, undefined, []],
    [{ 'current.platform': 'none' }, { platform: 'none' }, []],
    [{ 'current.platform': 'ecs-ec2' }, { platform: 'ecs-ec2' }, []],
    [{ 'current.platform': 'ecs-ec2', 'service.more#1': true }, { platform: 'ecs-ec2' }, ['current.services']],
    [
      { 'current.platform': 'eks-fargate', 'service.more#1': true, 'current.services': 1 },
      { platform: 'eks-fargate', services: 1 },
      ['current.services'],
    ],
    [
      { 'current.platform': 'ecs-fargate', 'service.more#1': true, 'current.services': { attempts: [3, 2] } },
      { platform: 'ecs-fargate' },
      ['current.services'],
    ],
  ])('what runs today: %j → %j', async (script, current, follow) => {
    const { prompter, workload } = await interview(script);
    expect(workload.current).toEqual(current);
    expect(prompter.asked.filter((id) => id === 'current.services')).toEqual(follow);
    if (JSON.stringify(script).includes('"attempts":[3')) {
      expect(prompter.rejected[0]?.message).toBe(
        'current.services (3) cannot exceed the 2 services of the workload; it counts the services that would move',
      );
    }
  });

  it('network section: optional subnets checked as CIDRs, NAT asked only for private subnets, registry from the list', async () => {
    const { prompter, workload } = await interview({
      'tune.sections': ['network'],
      'network.subnets': { attempts: ['10.0.0.0/22, 10.0.4.0/33', '10.0.0.0/22 10.0.4.0/22'] },
      'network.natOrEndpoints': false,
      'network.registryRegion': { attempts: ['eu-wset-1', 'eu-west-1'] },
    });
    expect(prompter.rejected.map((r) => r.message)).toEqual([
      expect.stringMatching(/^"10\.0\.4\.0\/33" must be an IPv4 CIDR/),
      'registryRegion "eu-wset-1" is not an AWS Region; did you mean eu-west-1?',
    ]);
    expect(workload.network).toEqual({
      subnets: ['10.0.0.0/22', '10.0.4.0/22'],
      privateSubnets: true,
      natOrEndpoints: false,
      registryRegion: 'eu-west-1',
      availabilityZones: 3,
    });
    const publicNet = await interview({ 'tune.sections': ['network'], 'network.privateSubnets': false });
    expect(publicNet.prompter.asked).not.toContain('network.natOrEndpoints');
    expect(publicNet.workload.network).not.toHaveProperty('registryRegion');
  });

  it('cost section: utilisation and discounts in range, instance types without a catalog checked for their shape', async () => {
    const { prompter, workload } = await interview({
      'tune.sections': ['cost'],
      'cost.utilization': { attempts: [0, 101, 55] },
      'cost.ec2.instanceTypes#1': { attempts: ['M7G', 'm7g.large'] },
    });
    expect(prompter.rejected.map((r) => r.message)).toEqual([
      'utilization must be between 1 and 100 — enter a number from 1 to 100 %',
      'utilization must be between 1 and 100 — enter a number from 1 to 100 %',
      '"M7G" must be an instance type like m7g.large',
    ]);
    expect(workload.cost).toMatchObject({ utilization: 55, ec2: { instanceTypes: ['m7g.large'] } });
  });
});

describe('the review: going back', () => {
  it('shows the answers, and any line can be answered again before the advice', async () => {
    const { prompter, workload } = await interview({
      'workload.name': 'checkout',
      'service.replicas': 6,
      'service.peakReplicas': 18,
      'workload.kinds': ['services', 'daemons'],
      'requirements.needs': ['interruptible'],
      'review.change#1': 'services[0]',
      'service.cpu#2': 1,
      'service.replicas#2': 4,
      'service.peakReplicas#2': 4,
      'review.change#2': 'team',
      'team.engineers#2': 3,
      'review.change#3': 'done',
    });
    // After each change the review comes back.
    expect(prompter.asked.filter((id) => id === 'review.change')).toHaveLength(3);
    const reviews = prompter.notes.filter((n) => n.includes('Your answers'));
    expect(reviews).toHaveLength(3);
    expect(reviews[0]).toContain('services  api: 0.5 vCPU / 1 GiB × 6, peak 18 for 4 h/day');
    expect(reviews[2]).toContain('services  api: 1 vCPU / 2 GiB × 4');
    expect(reviews[2]).toContain('team      3 engineers');
    expect(workload.services?.[0]).toMatchObject({ cpu: 1, memory: 2, replicas: 4 });
    expect(workload.services?.[0]).not.toHaveProperty('peakReplicas');
    expect(workload.services?.[0]).not.toHaveProperty('peakHoursPerDay');
    expect(workload.team?.engineers).toBe(3);
  });

  it('adds and removes services, jobs and agents, keeping at least one service or job', async () => {
    const { prompter, workload } = await interview({
      'workload.kinds': ['services', 'daemons'],
      'review.change#1': 'add',
      'review.add#1': 'jobs',
      'job.name': 'nightly',
      'review.change#2': 'remove',
      'review.remove#1': 'services[0]',
      'review.change#3': 'remove',
      'review.remove#2': 'jobs[0]',
      'review.change#4': 'remove',
      'review.remove#3': 'daemons[0]',
      'review.change#5': 'done',
    });
    expect(workload).not.toHaveProperty('services');
    expect(workload).not.toHaveProperty('daemons');
    expect(workload.jobs?.map((j) => j.name)).toEqual(['nightly']);
    expect(prompter.notes).toContain('  add at least one service or one job; add another first, then remove this one.');
    // With one job and nothing else left, "remove" is no longer offered.
    expect(prompter.asked.filter((id) => id === 'review.remove')).toHaveLength(3);
  });

  it('unticking Spot at the review sets the Spot shares back to 0; changing the Region searches again', async () => {
    const { workload } = await interview({
      'requirements.needs#1': ['interruptible'],
      'review.change#1': 'needs',
      'requirements.needs#2': [],
      'review.change#2': 'workload',
      'workload.region#2': 'eu-central-1',
      'review.change#3': 'done',
    });
    expect(workload.requirements?.interruptible).toBe(false);
    expect(workload.cost).toMatchObject({ ec2: { spotPercent: 0 }, fargate: { spotPercent: 0 } });
    expect(workload.region).toBe('eu-central-1');
  });

  it('the review line sums up the answers with defaults filled in', async () => {
    const { workload } = await interview({
      'workload.name': 'checkout',
      'service.replicas': 6,
      'service.peakReplicas': 18,
      'service.imageSizeMB': 1200,
      'workload.kinds': ['services', 'daemons'],
      'requirements.needs': ['interruptible'],
      'team.engineerCostPerYear': 160_000,
      'current.platform': 'ecs-ec2',
    });
    expect(renderAnswersReview(workload)).toMatchInlineSnapshot(`
      "Your answers
        workload  checkout in us-east-1
        services  api: 0.5 vCPU / 1 GiB × 6, peak 18 for 4 h/day, 1,200 MB image
        agents    log-router: 0.25 vCPU / 0.5 GiB on every host
        needs     Spot-tolerant, new capacity within 60 s
        team      8 engineers, 0 on the platform, Kubernetes: none, $160,000 a year each
        today     ECS on EC2 today
        network   subnets not given, private with NAT/endpoints
        cost      70 % utilisation, 1 cluster, EC2 Spot 50 %, Fargate Spot 50 %"
    `);
  });
});

describe('from an import: only what the files leave open', () => {
  const fromFiles: ImportedAnswers = {
    draft: {
      version: 1,
      name: 'frontend',
      region: 'eu-west-1',
      services: [{ name: 'web', cpu: 0.25, memory: 0.5, replicas: 2, peakReplicas: 10, peakHoursPerDay: 4 }],
      jobs: [{ name: 'report', cpu: 1, memory: 2, runsPerDay: 1, minutesPerRun: 10, parallelism: 1 }],
      requirements: {
        privileged: true,
        blockStorage: false,
        hostNetworking: false,
        isolation: 'shared',
        compliance: [],
        portability: 'none',
        coldStartSeconds: 60,
        interruptible: false,
      },
      team: { engineers: 8, platformEngineers: 0, kubernetes: 'none', kubernetesEcosystem: 'none' },
      network: { subnets: [], privateSubnets: true, natOrEndpoints: true },
      cost: { utilization: 70, clusters: 1, ec2: { spotPercent: 0, discountPercent: 0 }, fargate: { spotPercent: 0, discountPercent: 0 } },
    },
    todos: [
      'name',
      'services[0].peakHoursPerDay',
      'jobs[0].minutesPerRun',
      'requirements.isolation',
      'team.engineers',
      'team.platformEngineers',
      'team.kubernetes',
      'cost.utilization',
    ],
    currentPlatform: 'eks-managed-nodes',
  };

  it('keeps the imported answers and asks the TODOs, the image sizes, the team and the rest', async () => {
    const { prompter, workload } = await interview({ 'service.peakHoursPerDay': 6, 'job.minutesPerRun': 25 }, { imported: fromFiles });
    expect(prompter.asked).toEqual([
      'workload.name',
      'service.peakHoursPerDay',
      'service.imageSizeMB',
      'job.minutesPerRun',
      'job.imageSizeMB',
      'requirements.needs',
      'team.engineers',
      'team.platformEngineers',
      'team.kubernetes',
      'team.engineerCostPerYear',
      'current.platform',
      'tune.sections',
      'review.change',
    ]);
    expect(prompter.notes[0]).toMatch(/^About 13 questions;/);
    expect(workload).toMatchObject({
      name: 'frontend',
      region: 'eu-west-1',
      services: [{ name: 'web', cpu: 0.25, memory: 0.5, replicas: 2, peakReplicas: 10, peakHoursPerDay: 6, imageSizeMB: 300 }],
      jobs: [{ name: 'report', minutesPerRun: 25 }],
      requirements: { privileged: true },
      current: { platform: 'eks-managed-nodes' },
    });
    expect(WorkloadSchema.safeParse(workload).success).toBe(true);
  });

  it('the imported requirements come pre-ticked; a placeholder service is asked in full', async () => {
    const needs: string[][] = [];
    const prompter = createScriptedPrompter({});
    const checkbox = prompter.checkbox.bind(prompter);
    prompter.checkbox = (q) => {
      if (q.id === 'requirements.needs') needs.push(q.choices.filter((c) => c.checked).map((c) => c.value));
      return checkbox(q);
    };
    await runQuestionnaire(prompter, { imported: fromFiles, intro: false });
    expect(needs).toEqual([['privileged']]);
    const placeholder = await interview({}, { imported: { ...fromFiles, placeholderService: true } });
    expect(placeholder.prompter.asked.slice(1, 7)).toEqual([
      'service.name',
      'service.cpu',
      'service.memory',
      'service.replicas',
      'service.peakReplicas',
      'service.peakHoursPerDay',
    ]);
  });
});

describe('docs/questionnaire.md', () => {
  it('lists every question with its wording and why line', () => {
    const doc = readFileSync('docs/questionnaire.md', 'utf8');
    for (const [id, q] of Object.entries(QUESTIONS)) {
      expect(doc, `${id} wording`).toContain(q.message.replace('{name}', '*name*'));
      expect(doc, `${id} why`).toContain(q.why);
    }
  });
});
