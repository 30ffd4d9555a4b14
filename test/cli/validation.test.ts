/**
 * Issue 10, input that must be refused: a Region outside AWS's list and an instance type the tool does
 * not know are input errors (exit 2, nothing on stdout) with a "did you mean", in files, in flags and
 * in the questionnaire's final check; a real Region the snapshot does not price is accepted and says
 * up front that its prices are estimates.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PriceCacheEntry, PriceSnapshot } from '../../src/domain/price-book.js';
import { run, tempDir } from '../helpers.js';

const workloadFile = (extra: string): string => {
  const file = join(tempDir(), 'workload.yaml');
  writeFileSync(file, `version: 1\nname: shop\nservices:\n  - {name: api, cpu: 1, memory: 2, replicas: 2}\n${extra}`);
  return file;
};

describe('validate and advise --input refuse what AWS does not have', () => {
  it.each([
    ['region: us-east-9\n', '5:9  region  region "us-east-9" is not an AWS Region; did you mean us-east-1 or us-east-2?'],
    [
      'network:\n  registryRegion: us-east-9\n',
      '6:19  network.registryRegion  registryRegion "us-east-9" is not an AWS Region; did you mean us-east-1 or us-east-2?',
    ],
    [
      'cost:\n  ec2:\n    instanceTypes: [m5.larg]\n',
      '7:21  cost.ec2.instanceTypes[0]  "m5.larg" is not an EC2 instance type the tool knows; did you mean m5.large?',
    ],
    [
      'cost:\n  ec2:\n    instanceTypes:\n      - m5.large\n      - t9.foo\n',
      '9:9  cost.ec2.instanceTypes[1]  "t9.foo" is not an EC2 instance type the tool knows; did you mean t1.micro, t2.large or t3.large?',
    ],
  ])('%j', async (extra, problem) => {
    const file = workloadFile(extra);
    for (const argv of [
      ['validate', file],
      ['advise', '--input', file],
      ['advise', '--input', file, '-f', 'json'],
      ['diff', file, 'fixtures/startup-api.yaml'],
    ]) {
      const { code, stdout, stderr } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`${file}:${problem}\n1 problem in ${file}; see \`ecs-or-eks init\` for a commented template.\n`);
    }
  });

  it('reads stdin the same way', async () => {
    const { code, stderr } = await run(['validate', '-'], { stdin: readFileSync(workloadFile('region: eu-west-4\n'), 'utf8') });
    expect(code).toBe(2);
    expect(stderr).toContain(
      '<stdin>:5:9  region  region "eu-west-4" is not an AWS Region; did you mean eu-west-1, eu-west-2 or eu-west-3?',
    );
  });

  it.each([
    ['us-east-1', 'm7g.large, c6i.xlarge'],
    ['us-gov-west-1', 'm5.large'],
    ['ap-southeast-6', 'm6i.large'],
  ])('accepts %s with %s', async (region, types) => {
    const file = workloadFile(`region: ${region}\ncost:\n  ec2:\n    instanceTypes: [${types}]\n`);
    expect(await run(['validate', file])).toMatchObject({ code: 0, stdout: `${file}: valid\n` });
  });
});

describe('the --region flag', () => {
  it.each([
    [
      ['advise', '-i', 'fixtures/startup-api.yaml', '-r', 'us-east-9'],
      'error: --region "us-east-9" is not an AWS Region; did you mean us-east-1 or us-east-2?\n',
    ],
    [
      ['advise', '-i', 'fixtures/startup-api.yaml', '--region', 'eu-centrl-1'],
      'error: --region "eu-centrl-1" is not an AWS Region; did you mean eu-central-1?\n',
    ],
    [
      ['import', 'test/fixtures-import/k8s/frontend.yaml', '-r', 'us-east-9'],
      'error: --region "us-east-9" is not an AWS Region; did you mean us-east-1 or us-east-2?\n',
    ],
    [['prices', 'show', '-r', 'us-west-3'], 'error: --region "us-west-3" is not an AWS Region; did you mean us-west-1 or us-west-2?\n'],
    [['prices', 'refresh', '-r', 'us-west-3'], 'error: --region "us-west-3" is not an AWS Region; did you mean us-west-1 or us-west-2?\n'],
    [['advise', '-i', 'fixtures/startup-api.yaml', '-r', 'cn-north-1'], expect.stringContaining('is in the AWS China partition')],
  ])('%j', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toEqual(message);
  });
});

describe('a real Region the snapshot does not price', () => {
  it('is accepted, and the advice warns first that every price is estimated from us-east-1', async () => {
    for (const argv of [
      ['advise', '-i', 'fixtures/startup-api.yaml', '-r', 'ap-southeast-6', '-f', 'json'],
      ['advise', '-i', workloadFile('region: ca-west-1\n'), '-f', 'json'],
    ]) {
      const { code, stdout } = await run(argv);
      expect(code).toBe(0);
      const advice = JSON.parse(stdout) as { pricing: { region: string }; warnings: string[] };
      expect(advice.warnings[0]).toMatch(
        new RegExp(
          `^${advice.pricing.region} \\(.+\\) is not in the bundled price snapshot, so every price is estimated from us-east-1 prices; for exact prices run \`ecs-or-eks prices refresh --region ${advice.pricing.region}\`$`,
        ),
      );
    }
  });

  it('a Region the snapshot prices gets no such warning', async () => {
    const { stdout } = await run(['advise', '-i', 'fixtures/startup-api.yaml', '-r', 'eu-west-1', '-f', 'json']);
    expect((JSON.parse(stdout) as { warnings: string[] }).warnings.join(' ')).not.toMatch(/not in the bundled price snapshot/);
  });
});

describe('instance types from a price cache', () => {
  it('a cached type with no size data is refused with its own reason', async () => {
    const cache = join(tempDir(), 'cache');
    mkdirSync(cache, { recursive: true });
    const snapshot = JSON.parse(readFileSync('data/price-snapshot.json', 'utf8')) as PriceSnapshot;
    // Cached prices carry a plain YYYY-MM-DD date, as a refresh writes them.
    const prices = JSON.parse(
      JSON.stringify(snapshot.regions['us-east-1']).replace(/"asOf":"[^"]*"/g, '"asOf":"2026-11-20"'),
    ) as PriceCacheEntry['prices'];
    prices.ec2.onDemandHour['m9z.large'] = { usd: 0.1, source: 'live', asOf: '2026-11-20' };
    const entry: PriceCacheEntry = { schemaVersion: 1, region: 'us-east-1', fetchedAt: '2026-11-26T12:00:00.000Z', prices };
    writeFileSync(join(cache, 'prices-us-east-1.json'), JSON.stringify(entry));
    const file = workloadFile('cost:\n  ec2:\n    instanceTypes: [m9z.large]\n');
    const { code, stderr } = await run(['validate', file], { env: { ECS_OR_EKS_CACHE_DIR: cache } });
    expect(code).toBe(2);
    expect(stderr).toContain('cost.ec2.instanceTypes[0]  "m9z.large" has cached prices but no size data');
  });
});
