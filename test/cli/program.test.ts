import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, run, tempDir } from '../helpers.js';

const TOP_LEVEL_KEYS = [
  'schemaVersion',
  'tool',
  'input',
  'pricing',
  'recommendation',
  'options',
  'caseStudies',
  'pitfalls',
  'whatIf',
  'warnings',
];

describe('advise --input', () => {
  it.each(FIXTURES)('%s: prints the JSON advice document', async (name) => {
    const { code, stdout, stderr } = await run(['advise', '--input', `fixtures/${name}.yaml`, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(TOP_LEVEL_KEYS));
    expect(doc.schemaVersion).toBe(1);
    expect(doc.pricing).toMatchObject({ source: 'snapshot', currency: 'USD', hoursPerMonth: 730 });
    expect(doc.pricing.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const ids = doc.options.map((o: { id: string }) => o.id);
    expect(ids).toEqual(expect.arrayContaining(['ecs-fargate', 'ecs-ec2', 'eks-managed-nodes', 'eks-fargate']));
    for (const option of doc.options) {
      expect(option).toHaveProperty('eligible');
      expect(option.eligible ? typeof option.score : option.score).toBe(option.eligible ? 'number' : null);
      expect(Array.isArray(option.blockers)).toBe(true);
      expect(Array.isArray(option.reasons)).toBe(true);
      const sum = option.monthlyCost.items.reduce((n: number, i: { monthly: number }) => n + i.monthly, 0);
      expect(Math.round(sum * 100)).toBe(Math.round(option.monthlyCost.total * 100));
    }
    const winner = doc.options.find((o: { id: string }) => o.id === doc.recommendation.option);
    expect(winner.eligible).toBe(true);
  });

  it.each(FIXTURES)('%s: prints a readable table', async (name) => {
    const { code, stdout } = await run(['advise', '--input', `fixtures/${name}.yaml`]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Recommendation( \(a close call\))?:/);
    expect(stdout).toMatch(/ECS on Fargate/);
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('gives byte-identical JSON for the same input', async () => {
    const a = await run(['advise', '-i', 'fixtures/regulated-fintech.yaml', '-f', 'json']);
    const b = await run(['advise', '-i', 'fixtures/regulated-fintech.yaml', '-f', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('reads the workload from stdin with -', async () => {
    const { code, stdout } = await run(['advise', '-i', '-', '-f', 'json'], { stdin: readFileSync('fixtures/startup-api.yaml', 'utf8') });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).input.name).toBe('startup-api');
  });

  it('exits 2 naming both bad fields with line and column, and prints nothing on stdout', async () => {
    const { code, stdout, stderr } = await run(['advise', '--input', 'test/fixtures-bad/bad-types.yaml']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('test/fixtures-bad/bad-types.yaml:5:10  services[0].cpu  cpu (vCPU per task) must be greater than 0');
    expect(stderr).toContain('test/fixtures-bad/bad-types.yaml:6:13  services[0].memory  memory (GiB per task) must be a number');
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('writes --out atomically, and writes nothing when the input is bad', async () => {
    const dir = tempDir();
    const out = join(dir, 'decision.md');
    expect((await run(['advise', '-i', 'fixtures/startup-api.yaml', '-f', 'markdown', '-o', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Container platform decision: startup-api/);
    const bad = join(dir, 'bad.md');
    expect((await run(['advise', '-i', 'test/fixtures-bad/bad-types.yaml', '-o', bad])).code).toBe(2);
    expect(existsSync(bad)).toBe(false);
  });

  it('applies --utilization and --region overrides', async () => {
    const { stdout } = await run(['advise', '-i', 'fixtures/startup-api.yaml', '-f', 'json', '-u', '90', '-r', 'eu-central-1']);
    const doc = JSON.parse(stdout);
    expect(doc.input.cost.utilization).toBe(90);
    expect(doc.pricing.region).toBe('eu-central-1');
  });

  it.each([
    [['advise', '--format', 'yaml', '-i', 'fixtures/startup-api.yaml'], /format/],
    [['advise', '--utilization', '0', '-i', 'fixtures/startup-api.yaml'], /utilization/],
    [['advise', '--region', 'mars', '-i', 'fixtures/startup-api.yaml'], /region/],
    [['advise', '--bogus'], /unknown option/],
    [['advise', '-i', 'no-such-file.yaml'], /no such file/],
    [['frobnicate'], /unknown command/],
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const { code, stderr, stdout } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('without --input and without a terminal, exits 2 at once naming --input and init', async () => {
    const { code, stderr } = await run(['advise'], { stdinIsTTY: false });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--input/);
    expect(stderr).toMatch(/ecs-or-eks init/);
  });

  it('--explain adds the rule trace', async () => {
    const plain = await run(['advise', '-i', 'fixtures/startup-api.yaml']);
    const explained = await run(['advise', '-i', 'fixtures/startup-api.yaml', '--explain']);
    expect(plain.stdout).not.toMatch(/Rule trace/);
    expect(explained.stdout).toMatch(/Rule trace/);
    const json = JSON.parse((await run(['advise', '-i', 'fixtures/startup-api.yaml', '-f', 'json', '--explain'])).stdout);
    expect(json.trace.length).toBeGreaterThan(5);
  });

  it('colours only when asked by FORCE_COLOR and never with NO_COLOR or --no-color', async () => {
    const forced = await run(['advise', '-i', 'fixtures/startup-api.yaml'], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[/);
    const no = await run(['advise', '-i', 'fixtures/startup-api.yaml'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(no.stdout).not.toMatch(/\u001b\[/);
    const flag = await run(['advise', '-i', 'fixtures/startup-api.yaml', '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(flag.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('price sources', () => {
  it('--prices live that fails exits 3', async () => {
    const { code, stderr, stdout } = await run(['advise', '-i', 'fixtures/startup-api.yaml', '--prices', 'live'], {
      deps: { fetchLive: async () => Promise.reject(new Error('no AWS credentials found')) },
    });
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no AWS credentials/);
  });

  it('--prices cache without a cache falls back to the snapshot with a warning', async () => {
    const { code, stdout } = await run(['advise', '-i', 'fixtures/startup-api.yaml', '--prices', 'cache', '-f', 'json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.pricing.source).toBe('snapshot');
    expect(doc.warnings.join(' ')).toMatch(/prices refresh/);
  });
});

describe('other commands', () => {
  it('init writes a template that validates, and refuses to overwrite without --force', async () => {
    const dir = tempDir();
    expect((await run(['init'], { cwd: dir })).code).toBe(0);
    expect((await run(['validate', 'workload.yaml'], { cwd: dir })).stdout).toMatch(/valid/);
    const again = await run(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--force/);
    expect((await run(['init', '--force'], { cwd: dir })).code).toBe(0);
  });

  it('validate prints every problem and exits 2, or "valid" and exits 0', async () => {
    expect(await run(['validate', 'fixtures/startup-api.yaml'])).toMatchObject({ code: 0, stdout: 'fixtures/startup-api.yaml: valid\n' });
    const bad = await run(['validate', 'test/fixtures-bad/bad-types.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n').filter((l) => l.includes('services[0]'))).toHaveLength(2);
  });

  it('schema prints the JSON Schema that ships with the package', async () => {
    const { stdout } = await run(['schema']);
    const schema = JSON.parse(stdout);
    expect(schema.title).toMatch(/workload/);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['version', 'services', 'jobs', 'daemons', 'requirements', 'team', 'network', 'cost']),
    );
    expect(JSON.parse(readFileSync('schema/workload.schema.json', 'utf8'))).toEqual(schema);
  });

  it('rules and cases list their entries with sources', async () => {
    const rules = await run(['rules', '-f', 'json']);
    expect(rules.code).toBe(0);
    const list = JSON.parse(rules.stdout);
    expect(list.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(['gpu', 'privileged', 'host-daemons', 'host-networking', 'block-storage', 'windows', 'arm']),
    );
    const cases = JSON.parse((await run(['cases', '-f', 'json'])).stdout);
    expect(cases.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['lyft', 'robinhood', 'pinterest', 'crowdstrike']));
    expect((await run(['rules'])).stdout).toMatch(/gpu/);
  });

  it('diff shows how the recommendation and costs change', async () => {
    const { code, stdout } = await run(['diff', 'fixtures/startup-api.yaml', 'fixtures/regulated-fintech.yaml', '-f', 'json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.options).toHaveLength(6);
    expect(typeof doc.recommendationChanged).toBe('boolean');
  });

  it('prices show lists the prices with source and date', async () => {
    const { code, stdout } = await run(['prices', 'show', '--region', 'us-east-1']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/source snapshot, as of \d{4}-\d{2}-\d{2}/);
    expect(stdout).toMatch(/Fargate Linux\/x86 vCPU +\$0\.04048 +vCPU-hour +\d{4}-\d{2}-\d{2} +\[1\]/);
    // Each source once, numbered, with where to check it; no bare internal ids.
    expect(stdout).toMatch(/^ {2}\[1\] \S/m);
    expect(stdout).toContain('https://aws.amazon.com/fargate/pricing/');
    expect(stdout).not.toMatch(/r4_bulk|fgcalc|spec_assumption/);
    for (const line of stdout.split('\n')) if (!/^\s*\S*https?:\/\//.test(line)) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('an unexpected error exits 1, asks for a report, and shows the stack only with DEBUG', async () => {
    const broken = () => {
      const fail = () => Promise.reject(new TypeError('cannot read properties of undefined'));
      return {
        input: fail,
        number: fail,
        optionalNumber: fail,
        search: fail,
        confirm: fail,
        select: fail,
        checkbox: fail,
        note: () => undefined,
      };
    };
    const plain = await run(['advise'], { deps: { prompter: broken } });
    expect(plain.code).toBe(1);
    expect(plain.stdout).toBe('');
    expect(plain.stderr).toMatch(/internal error: cannot read properties of undefined/);
    expect(plain.stderr).toMatch(/please report it/);
    expect(plain.stderr).not.toMatch(/^\s+at /m);
    const debug = await run(['advise'], { deps: { prompter: broken }, env: { DEBUG: '1' } });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});
