import { describe, expect, it } from 'vitest';
import { createScriptedPrompter, runQuestionnaire, QUESTIONS, renderAnswersReview } from '../../src/questionnaire/index.js';
import { Service, Team, WorkloadSchema, resolveWorkload } from '../../src/schema/workload.js';

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
  'service.more',
  'requirements.needs',
  'team.engineers',
  'team.platformEngineers',
  'team.kubernetes',
  'tune.sections',
];

/** The schema's own message for a bad value, so the tests prove there is one schema, not two. */
const schemaMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe('runQuestionnaire with a scripted prompter', () => {
  it('pressing Enter all the way through asks 15 questions and gives a valid workload', async () => {
    const prompter = createScriptedPrompter({});
    const workload = await runQuestionnaire(prompter);
    expect(prompter.asked).toEqual(DEFAULT_PATH);
    expect(workload.version).toBe(1);
    const parsed = WorkloadSchema.parse(workload);
    const resolved = resolveWorkload(parsed);
    expect(resolved.services).toHaveLength(1);
    expect(resolved.services[0]).toMatchObject({ name: 'api', cpu: 0.5, memory: 1, replicas: 2, peakReplicas: 2, gpus: 0 });
    expect(workload).not.toHaveProperty('jobs');
    expect(workload).not.toHaveProperty('daemons');
  });

  it('every question asked has wording and a why line', async () => {
    const prompter = createScriptedPrompter({
      'workload.kinds': ['services', 'jobs', 'daemons'],
      'service.traits': ['gpu', 'storage'],
      'service.peakReplicas': 10,
      'job.traits': ['gpu', 'storage'],
      'requirements.needs': ['compliance', 'portability', 'coldStart', 'interruptible'],
      'team.kubernetes': 'some',
      'tune.sections': ['network', 'cost'],
    });
    await runQuestionnaire(prompter);
    for (const id of prompter.asked) {
      const q = QUESTIONS[id as keyof typeof QUESTIONS];
      expect(q, id).toBeDefined();
      expect(q.why.length, id).toBeGreaterThan(10);
    }
    expect(new Set(prompter.asked).size).toBe(Object.keys(QUESTIONS).length);
  });

  it('asks the GPU count only for GPU workloads', async () => {
    const without = createScriptedPrompter({});
    await runQuestionnaire(without);
    expect(without.asked).not.toContain('service.gpus');

    const withGpu = createScriptedPrompter({ 'service.traits': ['gpu'], 'service.gpus': 2 });
    const workload = await runQuestionnaire(withGpu);
    expect(withGpu.asked).toContain('service.gpus');
    expect(workload.services?.[0]?.gpus).toBe(2);
  });

  it('asks peak hours only when the peak is above the baseline', async () => {
    const flat = createScriptedPrompter({ 'service.replicas': 4 });
    const flatWorkload = await runQuestionnaire(flat);
    expect(flat.asked).not.toContain('service.peakHoursPerDay');
    expect(flatWorkload.services?.[0]).not.toHaveProperty('peakReplicas');

    const peaky = createScriptedPrompter({ 'service.replicas': 4, 'service.peakReplicas': 12, 'service.peakHoursPerDay': 3 });
    const peakyWorkload = await runQuestionnaire(peaky);
    expect(peaky.asked.indexOf('service.peakHoursPerDay')).toBe(peaky.asked.indexOf('service.peakReplicas') + 1);
    expect(peakyWorkload.services?.[0]).toMatchObject({ replicas: 4, peakReplicas: 12, peakHoursPerDay: 3 });
  });

  it('rejects a bad answer with the message of the workload schema, then takes the retyped one', async () => {
    const prompter = createScriptedPrompter({
      'service.cpu': { attempts: [0, 0.25] },
      'service.replicas': { attempts: [2.5, 3] },
      'team.engineers': { attempts: [0, 5] },
    });
    const workload = await runQuestionnaire(prompter);
    expect(prompter.rejected).toEqual([
      { id: 'service.cpu', answer: 0, message: schemaMessage(Service.shape.cpu.safeParse(0)) },
      { id: 'service.replicas', answer: 2.5, message: schemaMessage(Service.shape.replicas.safeParse(2.5)) },
      { id: 'team.engineers', answer: 0, message: schemaMessage(Team.shape.engineers.safeParse(0)) },
    ]);
    expect(prompter.rejected[0]?.message).toBe('cpu (vCPU per task) must be greater than 0');
    expect(workload.services?.[0]).toMatchObject({ cpu: 0.25, replicas: 3 });
  });

  it('applies the cross-field rules of the schema as the user answers', async () => {
    const prompter = createScriptedPrompter({
      'service.replicas': 6,
      'service.peakReplicas': { attempts: [4, 6] },
      'service.traits': { attempts: [['arm64', 'windows'], ['windows']] },
      'team.engineers': 3,
      'team.platformEngineers': { attempts: [5, 1] },
    });
    const workload = await runQuestionnaire(prompter);
    expect(prompter.rejected.map((r) => [r.id, r.message])).toEqual([
      ['service.peakReplicas', 'peakReplicas (4) must be at least replicas (6)'],
      ['service.traits', 'Windows containers run on x86_64 only on ECS and EKS; use arch: x86_64'],
      ['team.platformEngineers', 'platformEngineers (5) cannot exceed engineers (3); engineers counts everyone'],
    ]);
    expect(workload.services?.[0]).toMatchObject({ os: 'windows', arch: 'x86_64' });
    expect(workload.services?.[0]).not.toHaveProperty('peakReplicas');
  });

  it('loops over services with unique default names and rejects a duplicate name', async () => {
    const prompter = createScriptedPrompter({
      'service.more#1': true,
      'service.name#2': { attempts: ['api', 'worker'] },
      'service.cpu#2': 2,
    });
    const workload = await runQuestionnaire(prompter);
    expect(workload.services?.map((s) => s.name)).toEqual(['api', 'worker']);
    expect(workload.services?.[1]?.cpu).toBe(2);
    expect(prompter.rejected).toEqual([
      { id: 'service.name', answer: 'api', message: '"api" is already used by services[0]; names must be unique' },
    ]);

    const defaults = createScriptedPrompter({ 'service.more#1': true });
    const twice = await runQuestionnaire(defaults);
    expect(twice.services?.map((s) => s.name)).toEqual(['api', 'api-2']);
  });

  it('needs at least one service or job, and handles a jobs-only workload', async () => {
    const prompter = createScriptedPrompter({
      'workload.kinds': { attempts: [['daemons'], ['jobs', 'daemons']] },
      'daemon.hostAccess': true,
    });
    const workload = await runQuestionnaire(prompter);
    expect(prompter.rejected[0]?.message).toBe('add at least one service or one job');
    expect(workload).not.toHaveProperty('services');
    expect(workload.jobs).toEqual([
      { name: 'batch', cpu: 1, memory: 2, runsPerDay: 1, minutesPerRun: 30, parallelism: 1, arch: 'x86_64', os: 'linux', gpus: 0 },
    ]);
    expect(workload.daemons).toEqual([{ name: 'log-router', cpu: 0.25, memory: 0.5, hostAccess: true }]);
    expect(WorkloadSchema.safeParse(workload).success).toBe(true);
  });

  it('skips the region question when the region is given, and uses defaultRegion as the default', async () => {
    const given = createScriptedPrompter({});
    const w1 = await runQuestionnaire(given, { region: 'eu-west-1' });
    expect(given.asked).not.toContain('workload.region');
    expect(w1.region).toBe('eu-west-1');

    const env = createScriptedPrompter({});
    const w2 = await runQuestionnaire(env, { defaultRegion: 'ap-southeast-2' });
    expect(env.asked).toContain('workload.region');
    expect(w2.region).toBe('ap-southeast-2');
  });

  it('asks requirement follow-ups only for what is ticked', async () => {
    const prompter = createScriptedPrompter({
      'requirements.needs': ['privileged', 'compliance', 'portability', 'coldStart'],
      'requirements.compliance': ['pci', 'soc2'],
      'requirements.portability': 'required',
      'requirements.coldStartSeconds': { attempts: [0, 20] },
    });
    const workload = await runQuestionnaire(prompter);
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
    expect(prompter.rejected[0]?.message).toBe('coldStartSeconds must be at least 1');
    const plain = createScriptedPrompter({});
    await runQuestionnaire(plain);
    expect(plain.asked.filter((id) => id.startsWith('requirements.'))).toEqual(['requirements.needs']);
  });

  it('asks the ecosystem only of teams with Kubernetes experience', async () => {
    const none = createScriptedPrompter({});
    await runQuestionnaire(none);
    expect(none.asked).not.toContain('team.kubernetesEcosystem');
    const some = createScriptedPrompter({ 'team.kubernetes': 'expert', 'team.kubernetesEcosystem': 'central' });
    const w = await runQuestionnaire(some);
    expect(w.team).toMatchObject({ kubernetes: 'expert', kubernetesEcosystem: 'central' });
  });

  it('network section: optional subnets checked as CIDRs, NAT asked only for private subnets', async () => {
    const prompter = createScriptedPrompter({
      'tune.sections': ['network'],
      'network.subnets': { attempts: ['10.0.0.0/22, 10.0.4.0/33', '10.0.0.0/22 10.0.4.0/22'] },
      'network.natOrEndpoints': false,
      'network.registryRegion': 'eu-west-1',
    });
    const workload = await runQuestionnaire(prompter);
    expect(prompter.rejected[0]?.message).toMatch(/^"10\.0\.4\.0\/33" must be an IPv4 CIDR/);
    expect(workload.network).toEqual({
      subnets: ['10.0.0.0/22', '10.0.4.0/22'],
      privateSubnets: true,
      natOrEndpoints: false,
      registryRegion: 'eu-west-1',
      availabilityZones: 3,
    });

    const publicNet = createScriptedPrompter({ 'tune.sections': ['network'], 'network.privateSubnets': false });
    const w2 = await runQuestionnaire(publicNet);
    expect(publicNet.asked).not.toContain('network.natOrEndpoints');
    expect(w2.network).not.toHaveProperty('registryRegion');
  });

  it('cost section: Spot shares only for Spot-tolerant workloads', async () => {
    const strict = createScriptedPrompter({ 'tune.sections': ['cost'], 'cost.utilization': { attempts: [0, 101, 55] } });
    const w1 = await runQuestionnaire(strict);
    expect(strict.asked).not.toContain('cost.ec2.spotPercent');
    expect(strict.rejected.map((r) => r.message)).toEqual([
      'utilization must be between 1 and 100',
      'utilization must be between 1 and 100',
    ]);
    expect(w1.cost?.utilization).toBe(55);

    const spot = createScriptedPrompter({
      'requirements.needs': ['interruptible'],
      'tune.sections': ['cost'],
      'cost.ec2.spotPercent': 60,
      'cost.fargate.spotPercent': 50,
      'cost.ec2.instanceTypes': { attempts: ['m7g.large, M7G', 'm7g.large c7g.xlarge'] },
      'cost.eks.support': 'extended',
    });
    const w2 = await runQuestionnaire(spot);
    expect(w2.cost).toMatchObject({
      ec2: { spotPercent: 60, discountPercent: 0, instanceTypes: ['m7g.large', 'c7g.xlarge'] },
      fargate: { spotPercent: 50 },
      eks: { support: 'extended' },
    });
    expect(spot.rejected[0]?.message).toBe('"M7G" must be an instance type like m7g.large');
  });

  it('tidies names the way Kubernetes wants them instead of rejecting them', async () => {
    const prompter = createScriptedPrompter({ 'workload.name': '  Checkout API ', 'service.name': { attempts: ['Web_Front', 'web'] } });
    const workload = await runQuestionnaire(prompter);
    expect(workload.name).toBe('checkout-api');
    expect(workload.services?.[0]?.name).toBe('web-front');
    const bad = createScriptedPrompter({ 'workload.name': { attempts: ['café!', 'cafe'] } });
    await runQuestionnaire(bad);
    expect(bad.rejected[0]?.message).toBe('name must be lowercase letters, digits and dashes (like a Kubernetes name)');
  });

  it('a strict script fails on any question it does not expect', async () => {
    const prompter = createScriptedPrompter({ 'workload.name': 'x' }, { strict: true });
    await expect(runQuestionnaire(prompter)).rejects.toThrow('unexpected question "workload.region"');
  });

  it('the review sums up the answers with defaults filled in', async () => {
    const workload = await runQuestionnaire(
      createScriptedPrompter({
        'workload.name': 'checkout',
        'service.replicas': 6,
        'service.peakReplicas': 18,
        'workload.kinds': ['services', 'daemons'],
        'requirements.needs': ['interruptible'],
      }),
    );
    expect(renderAnswersReview(workload)).toMatchInlineSnapshot(`
      "Your answers
        workload  checkout in us-east-1
        services  api: 0.5 vCPU / 1 GiB × 6, peak 18 for 4 h/day
        agents    log-router: 0.25 vCPU / 0.5 GiB on every host
        needs     Spot-tolerant, new capacity within 60 s
        team      8 engineers, 0 on the platform, Kubernetes: none
        network   subnets not given, private with NAT/endpoints
        cost      70 % utilisation, 1 cluster"
    `);
  });
});

describe('docs/questionnaire.md', () => {
  it('lists every question with its wording and why line', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync('docs/questionnaire.md', 'utf8');
    for (const [id, q] of Object.entries(QUESTIONS)) {
      expect(doc, `${id} wording`).toContain(q.message.replace('{name}', '*name*'));
      expect(doc, `${id} why`).toContain(q.why);
    }
  });
});
