/** `diff A B`: the recommendation before and after, per option +$X (+P %), inputs that differ, rules started/stopped. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputChanges } from '../../src/reports/diff.js';
import { run, tempDir } from '../helpers.js';

const base = `version: 1
name: shop
services:
  - {name: api, cpu: 1, memory: 2, replicas: 6}
  - {name: web, cpu: 0.5, memory: 1, replicas: 2}
team: {engineers: 8}
`;

function files(b: string): [string, string] {
  const dir = tempDir();
  const pa = join(dir, 'a.yaml');
  const pb = join(dir, 'b.yaml');
  writeFileSync(pa, base);
  writeFileSync(pb, b);
  return [pa, pb];
}

describe('inputChanges', () => {
  it.each([
    [{ region: 'us-east-1' }, { region: 'eu-west-1' }, [{ path: 'region', from: 'us-east-1', to: 'eu-west-1' }]],
    [
      { services: [{ name: 'api', replicas: 6 }] },
      { services: [{ name: 'api', replicas: 12 }] },
      [{ path: 'services[api].replicas', from: 6, to: 12 }],
    ],
    [
      { services: [{ name: 'a' }, { name: 'b' }] },
      { services: [{ name: 'b' }, { name: 'c' }] },
      [
        { path: 'services[a]', from: 'present', to: null },
        { path: 'services[c]', from: null, to: 'added' },
      ],
    ],
    [
      { requirements: { compliance: ['soc2'] } },
      { requirements: { compliance: ['soc2', 'pci'] } },
      [{ path: 'requirements.compliance', from: ['soc2'], to: ['soc2', 'pci'] }],
    ],
    [{ a: 1 }, { a: 1 }, []],
  ])('%o → %o', (a, b, expected) => {
    expect(inputChanges(a, b)).toEqual(expected);
  });
});

describe('diff at the CLI', () => {
  it('table: the recommendation, +$X (+P %) per option, the inputs that differ and the rules', async () => {
    const [a, b] = files(
      base.replace('replicas: 6', 'replicas: 12').replace('team: {engineers: 8}', 'team: {engineers: 8, kubernetes: expert}'),
    );
    const { code, stdout } = await run(['diff', a, b]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Recommendation (unchanged|changes)/);
    expect(stdout).toMatch(/ECS on Fargate .* \+\$[\d,.]+ \(\+[\d.]+ %\)/);
    expect(stdout).toContain('services[api].replicas 6 → 12');
    expect(stdout).toContain('team.kubernetes none → expert');
    expect(stdout).toContain('+ kubernetes-expert (now fires)');
    expect(stdout).toContain('− kubernetes-none (no longer fires)');
  });

  it('-u and -r apply to both sides: they are not reported as differences', async () => {
    const [a, b] = files(base);
    const { stdout } = await run(['diff', a, b, '-r', 'eu-west-1', '-u', '50', '--format', 'json']);
    const doc = JSON.parse(stdout);
    expect(doc.inputs).toEqual([]);
    expect(doc.recommendationChanged).toBe(false);
    for (const o of doc.options) expect(o.monthlyChange).toBe(0);
    const plain = JSON.parse((await run(['diff', a, b, '--format', 'json'])).stdout);
    expect(doc.options[0].before.monthly).not.toBe(plain.options[0].before.monthly);
  });

  it('json and markdown carry the same facts', async () => {
    const [a, b] = files(
      base.replace('name: web, cpu: 0.5, memory: 1, replicas: 2', 'name: web, cpu: 0.5, memory: 1, replicas: 2, gpus: 1'),
    );
    const doc = JSON.parse((await run(['diff', a, b, '--format', 'json'])).stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, a: { file: a }, b: { file: b } });
    expect(doc.inputs).toContainEqual({ path: 'services[web].gpus', from: 0, to: 1 });
    expect(doc.rules.started).toContain('gpu');
    const fargate = doc.options.find((o: { option: string }) => o.option === 'ecs-fargate');
    expect(fargate.after).toMatchObject({ eligible: false, score: null });
    const md = (await run(['diff', a, b, '--format', 'markdown'])).stdout;
    expect(md).toContain('`services[web].gpus 0 → 1`');
    expect(md).toContain('| ECS on Fargate |');
    expect(md).toContain('→ blocked');
    const html = (await run(['diff', a, b, '--format', 'html'])).stdout;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
    expect(html).toContain('<code>services[web].gpus 0 → 1</code>');
    expect(html).toMatch(/<th scope="row">ECS on Fargate<\/th><td class="num">[\d.]+ → blocked<\/td>/);
    expect(html).toContain('<svg role="img"');
  });

  it('html escapes file names, and is refused for folders (one page is one decision)', async () => {
    const dir = tempDir();
    const odd = join(dir, '<b>&.yaml');
    writeFileSync(odd, base);
    const html = (await run(['diff', odd, odd, '--format', 'html'])).stdout;
    expect(html).toContain('&lt;b&gt;&amp;.yaml');
    expect(html).not.toContain('<b>&');
    const folder = await run(['diff', dir, dir, '--format', 'html']);
    expect(folder.code).toBe(2);
    expect(folder.stdout).toBe('');
    expect(folder.stderr).toMatch(/--format html makes a page for one workload/);
    const advise = await run(['advise', '-i', dir, '--format', 'html']);
    expect(advise.code).toBe(2);
  });
});
