/**
 * The GitHub Action, run the way the runner runs it: `action.yml` parsed, its steps' bash scripts
 * executed in a temporary git repository with two commits that change a workload file, with the
 * GITHUB_* variables a pull_request job has, a local stand-in for the GitHub REST API on 127.0.0.1,
 * and `npx --yes ecs-or-eks@<version>` answered by the built CLI of this checkout (a shim first on
 * PATH that refuses any other package or version, so the production command line is what runs).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../src/cli/commands/comment.js';
import { ExitCode } from '../../src/cli/errors.js';
import { tempDir } from '../helpers.js';
import { humanComment, startGitHubStandIn, type GitHubStandIn } from './github-stand-in.js';
import { loadAction, runAction, type ActionRun } from './runner.js';

const ROOT = process.cwd();
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const action = loadAction(join(ROOT, 'action.yml'));
const isBuilt = existsSync(join(ROOT, 'dist/bundle/bin.js'));

describe('action.yml', () => {
  it('pins the published package to the version in package.json', () => {
    const pins = action.runs.steps.flatMap((s) => (s.env?.ECS_OR_EKS !== undefined ? [s.env.ECS_OR_EKS] : []));
    expect(pins.length).toBeGreaterThan(0);
    for (const pin of pins) expect(pin, 'action.yml must pin ecs-or-eks@<package.json version>').toBe(`ecs-or-eks@${VERSION}`);
    for (const step of action.runs.steps) {
      const npx = step.run?.match(/npx[^\n]*/g) ?? [];
      for (const call of npx) expect(call).toMatch(/^npx --yes "\$ECS_OR_EKS" /);
      if (npx.length > 0) expect(step.env?.ECS_OR_EKS).toBe(`ecs-or-eks@${VERSION}`);
    }
  });

  it('has the documented inputs, and no expression inside a run: script', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(['base-ref', 'comment', 'fail-on', 'format', 'github-token', 'path']);
    expect(action.inputs.format?.default).toBe('markdown');
    for (const step of action.runs.steps) expect(step.run).not.toMatch(/\$\{\{/);
  });
});

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## In pull requests'), readme.indexOf('## Import what you already run'));

  it('shows a complete workflow that uses this version of the action, and every input', () => {
    expect(section).toContain('on:\n  pull_request:');
    expect(section).toContain('pull-requests: write');
    expect(section).toContain('fetch-depth: 0');
    expect(section).toContain(`- uses: OWNER/ecs-or-eks@v${VERSION}`);
    for (const input of Object.keys(action.inputs)) expect(section).toContain(`| \`${input}\` |`);
  });

  it('documents every exit code the CLI has', () => {
    const table = section.slice(section.indexOf('### Exit codes'));
    for (const code of Object.values(ExitCode)) expect(table).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'));
  });
});

describe.skipIf(!isBuilt)('the action in a pull request', () => {
  let gh: GitHubStandIn;
  let work: string;
  let repo: string;
  let npxLog: string;
  let env: NodeJS.ProcessEnv;
  const commits: string[] = [];

  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();

  beforeAll(async () => {
    gh = await startGitHubStandIn();
    work = tempDir();
    repo = join(work, 'repo');
    mkdirSync(repo);
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'CI');
    git('config', 'commit.gpgsign', 'false');
    // Commit 1: the startup API (ECS on Fargate); commit 2 rewrites the same file into a regulated
    // platform whose answer is EKS — the recommendation changes.
    mkdirSync(join(repo, 'services'));
    cpSync('fixtures/startup-api.yaml', join(repo, 'workload.yaml'));
    cpSync('fixtures/startup-api.yaml', join(repo, 'services', 'api.yaml'));
    cpSync('fixtures/nightly-etl.yaml', join(repo, 'services', 'etl.yml'));
    git('add', '.');
    git('commit', '-q', '-m', 'workload: startup API');
    commits.push(git('rev-parse', 'HEAD'));
    cpSync('fixtures/regulated-fintech.yaml', join(repo, 'workload.yaml'));
    cpSync('fixtures/regulated-fintech.yaml', join(repo, 'services', 'api.yaml'));
    cpSync('fixtures/gpu-inference.yaml', join(repo, 'services', 'gpu.yaml'));
    git('add', '.');
    git('commit', '-q', '-m', 'workload: regulated platform');
    commits.push(git('rev-parse', 'HEAD'));

    const shims = join(work, 'shims');
    mkdirSync(shims);
    npxLog = join(work, 'npx.log');
    writeFileSync(
      join(shims, 'npx'),
      [
        '#!/usr/bin/env bash',
        '# Stands in for npx: only the pinned package, answered by the CLI built from this checkout.',
        `printf '%s\\n' "$*" >> '${npxLog}'`,
        `if [ "\${1:-}" != --yes ] || [ "\${2:-}" != 'ecs-or-eks@${VERSION}' ]; then echo "npx shim: unexpected npx $*" >&2; exit 97; fi`,
        'shift 2',
        `exec '${process.execPath}' '${resolve(ROOT, 'bin/ecs-or-eks.js')}' "$@"`,
        '',
      ].join('\n'),
    );
    chmodSync(join(shims, 'npx'), 0o755);
    const eventPath = join(work, 'event.json');
    writeFileSync(eventPath, JSON.stringify({ action: 'synchronize', pull_request: { number: gh.pr, base: { sha: commits[0] } } }));
    env = {
      PATH: `${shims}:${process.env.PATH ?? ''}`,
      HOME: work,
      NO_COLOR: '1',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_REPOSITORY: gh.repository,
      GITHUB_RUN_ID: '4242',
      GITHUB_WORKSPACE: repo,
      ECS_OR_EKS_CACHE_DIR: join(work, 'cache'),
    };
  });

  afterAll(async () => {
    await gh?.close();
  });

  beforeEach(() => {
    gh.requests.length = 0;
  });

  const run = async (inputs: Record<string, string>, extraEnv: NodeJS.ProcessEnv = {}): Promise<ActionRun> => {
    const scratch = tempDir();
    const runnerTemp = join(scratch, 'runner-temp');
    mkdirSync(runnerTemp);
    return runAction(action, { inputs, cwd: repo, env: { ...env, RUNNER_TEMP: runnerTemp, ...extraEnv }, scratch });
  };
  const writes = () => gh.requests.filter((r) => r.method !== 'GET');
  const ours = () => gh.comments.filter((c) => c.body.startsWith(COMMENT_MARKER));

  it('comments once, updates that comment on the next push, and fails with 4 when the recommendation changes', async () => {
    gh.comments.push(humanComment(1, 'LGTM, but what will it cost?'));
    const inputs = { path: 'workload.yaml', 'base-ref': commits[0]!, 'fail-on': 'recommendation-change', 'github-token': gh.token };

    // First push: the PR's head is still the base commit — nothing changed, exit 0, a new comment.
    git('checkout', '-q', commits[0]!);
    const first = await run(inputs);
    expect(first.steps.map((s) => [s.id, s.code])).toEqual([
      ['check', 0],
      ['comment', 0],
      ['gate', 0],
    ]);
    expect(first.code).toBe(0);
    expect(first.outputs['exit-code']).toBe('0');
    expect(first.summary).toContain('base/workload.yaml → head/workload.yaml');
    expect(first.summary).toMatch(/Recommendation unchanged: ECS on Fargate\b/);
    expect(writes().map((r) => r.method)).toEqual(['POST']);
    expect(ours()).toHaveLength(1);
    const comment = ours()[0]!;
    expect(comment.body).toBe(`${COMMENT_MARKER}\n${first.summary.trimEnd()}\n`);
    expect(gh.requests.every((r) => r.authorization === `Bearer ${gh.token}` && r.apiVersion === '2022-11-28')).toBe(true);

    // Second push: the file now recommends EKS. The report is still written and the comment still
    // updated — then the job fails with exit code 4.
    gh.requests.length = 0;
    git('checkout', '-q', commits[1]!);
    const second = await run(inputs);
    expect(second.steps.map((s) => [s.id, s.code])).toEqual([
      ['check', 0],
      ['comment', 0],
      ['gate', 4],
    ]);
    expect(second.code).toBe(4);
    expect(second.outputs['exit-code']).toBe('4');
    expect(second.summary).toMatch(/Recommendation changes: ECS on Fargate\b.* → EKS with managed node groups\b/);
    expect(second.steps[0]!.stderr).toMatch(/^error: --fail-on condition holds: recommendation-change in head\/workload\.yaml: /m);
    expect(second.steps[2]!.stdout).toMatch(/^::error title=ecs-or-eks fail-on::--fail-on condition holds: recommendation-change/m);
    expect(writes().map((r) => r.method)).toEqual(['PATCH']);
    expect(writes()[0]!.path).toBe(`/repos/${gh.repository}/issues/comments/${comment.id}`);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body).toBe(`${COMMENT_MARKER}\n${second.summary.trimEnd()}\n`);
    expect(gh.comments.find((c) => c.id === 1)?.body).toBe('LGTM, but what will it cost?');

    // A re-run with nothing new leaves the comment alone (no notification), and still fails the gate.
    gh.requests.length = 0;
    const third = await run(inputs);
    expect(third.code).toBe(4);
    expect(writes()).toEqual([]);
    expect(third.steps[1]!.stderr).toMatch(/already up to date/);
    expect(ours()).toHaveLength(1);

    // Every CLI call went through the pinned package.
    const calls = readFileSync(npxLog, 'utf8').trim().split('\n');
    expect(calls.length).toBeGreaterThanOrEqual(6);
    for (const call of calls) expect(call.startsWith(`--yes ecs-or-eks@${VERSION} `)).toBe(true);
  });

  it('a folder: the combined diff per file name, added files listed, cost-increase fails the job', async () => {
    gh.comments.length = 0;
    git('checkout', '-q', commits[1]!);
    const result = await run({ path: 'services', 'base-ref': commits[0]!, 'fail-on': 'cost-increase:50', 'github-token': gh.token });
    expect(result.code).toBe(4);
    expect(result.summary).toContain('# base/services → head/services');
    expect(result.summary).toMatch(/\| `api\.yaml` \| \*\*ECS on Fargate \(ecs-fargate\) → EKS with managed node groups/);
    expect(result.summary).toMatch(/\| `etl\.yml` \| ECS on Fargate \(ecs-fargate\) \|/);
    expect(result.summary).toMatch(/\| `gpu\.yaml` \| added: EKS Auto Mode/);
    expect(result.steps[0]!.stderr).toMatch(/cost-increase:50 in head\/services\/api\.yaml: the recommended option's monthly cost rises/);
    expect(result.steps[0]!.stderr).not.toMatch(/etl\.yml|gpu\.yaml/);
    expect(ours()).toHaveLength(1);
  });

  it('without base-ref: the advice alone; without a token: no comment; table output is fenced in the summary', async () => {
    gh.comments.length = 0;
    git('checkout', '-q', commits[1]!);
    const result = await run({ path: 'workload.yaml', format: 'table' });
    expect(result.code).toBe(0);
    expect(result.summary).toMatch(/^```text\necs-or-eks · regulated-fintech/);
    expect(result.summary.trimEnd().endsWith('```')).toBe(true);
    expect(result.steps[1]!.stdout).toMatch(/no github-token: no pull request comment/);
    expect(gh.requests).toEqual([]);
  });

  it('a report past the job summary limit is cut at a line, its <details> closed, with a note', async () => {
    git('checkout', '-q', commits[1]!);
    const limit = 6_000;
    const result = await run({ path: 'workload.yaml', comment: 'false' }, { ECS_OR_EKS_SUMMARY_BYTES: String(limit) });
    expect(result.code).toBe(0);
    expect(Buffer.byteLength(result.summary)).toBeLessThanOrEqual(limit);
    expect(result.summary).toMatch(/^# Container platform decision: regulated-fintech/);
    expect(result.summary).toMatch(/_The report is cut here: a job summary holds at most 1 MiB\. .*_\n$/);
    expect(result.summary.match(/<details/g)?.length ?? 0).toBe(result.summary.match(/<\/details>/g)?.length ?? 0);
    // The whole report is still what the step printed.
    expect(result.steps[0]!.stdout.length).toBeGreaterThan(limit);
  });

  it('a file that is new in the pull request gets advice, with a notice that there is nothing to compare', async () => {
    git('checkout', '-q', commits[1]!);
    const result = await run({ path: 'services/gpu.yaml', 'base-ref': commits[0]!, 'fail-on': 'recommendation-change', comment: 'false' });
    expect(result.code).toBe(0);
    expect(result.steps[0]!.stdout).toMatch(/::notice title=ecs-or-eks::services\/gpu\.yaml is new in this pull request/);
    expect(result.summary).toMatch(/^# Container platform decision: gpu-inference/);
  });

  it('stops before commenting on bad input: fail-on without base-ref, a bad condition, an invalid workload', async () => {
    const noBase = await run({ path: 'workload.yaml', 'fail-on': 'recommendation-change', 'github-token': gh.token });
    expect(noBase.code).toBe(2);
    expect(noBase.steps).toHaveLength(1);
    expect(noBase.steps[0]!.stdout).toMatch(/::error title=ecs-or-eks::fail-on compares against the pull request base/);

    const badCondition = await run({
      path: 'workload.yaml',
      'base-ref': commits[0]!,
      'fail-on': 'cost-increase:lots',
      'github-token': gh.token,
    });
    expect(badCondition.code).toBe(2);
    expect(badCondition.steps[0]!.stderr).toMatch(/--fail-on "cost-increase:lots": PCT must be a number/);

    writeFileSync(join(repo, 'workload.yaml'), 'version: 1\nname: x\nservices: [{name: a, cpu: -1, memory: 1, replicas: 1}]\n');
    try {
      const invalid = await run({ path: 'workload.yaml', 'base-ref': commits[0]!, 'github-token': gh.token });
      expect(invalid.code).toBe(2);
      expect(invalid.steps).toHaveLength(1);
      expect(invalid.steps[0]!.stderr).toMatch(/head\/workload\.yaml:3:\d+ {2}services\[0\]\.cpu/);
      expect(invalid.summary).toBe('');
    } finally {
      git('checkout', '-q', '--', 'workload.yaml');
    }
    expect(writes()).toEqual([]);
  });

  it('a token that may not comment (a fork) fails the comment step with the reason', async () => {
    gh.failWith = 403;
    try {
      const result = await run({ path: 'workload.yaml', 'github-token': gh.token });
      expect(result.code).toBe(1);
      expect(result.steps.map((s) => s.id)).toEqual(['check', 'comment']);
      expect(result.steps[1]!.stderr).toMatch(
        /answered 403 \(Resource not accessible by integration\); the token may lack `pull-requests: write`/,
      );
      expect(result.steps[1]!.stderr).not.toMatch(/^\s+at /m);
    } finally {
      gh.failWith = null;
    }
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });
});
