/**
 * `ecs-or-eks comment FILE` (issue 15) against a local stand-in for the GitHub REST API: one comment
 * per pull request, found by its marker on any page and updated in place; what it needs from the
 * environment, said clearly when missing; API failures as one line, never a stack trace; a body
 * past GitHub's limit cut with its `<details>` and fences closed.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_MARKER, MAX_COMMENT_CHARS, commentBody } from '../../src/cli/commands/comment.js';
import { run, tempDir } from '../helpers.js';
import { humanComment, startGitHubStandIn, type GitHubStandIn } from '../action/github-stand-in.js';

let gh: GitHubStandIn;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  gh = await startGitHubStandIn();
  dir = tempDir();
  const event = join(dir, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: gh.pr } }));
  env = { GITHUB_TOKEN: gh.token, GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: gh.repository, GITHUB_EVENT_PATH: event };
});

afterAll(async () => {
  await gh.close();
});

beforeEach(() => {
  gh.comments.length = 0;
  gh.requests.length = 0;
  gh.failWith = null;
});

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function report(text: string): string {
  const file = join(dir, `report-${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(file, text);
  return file;
}

describe('comment', () => {
  it('creates the comment, then updates the same one, and leaves it alone when nothing changed', async () => {
    const first = await run(['comment', report('# Report\n\nfirst\n')], { env });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(/^created the ecs-or-eks comment on pull request #7: https:\/\/github\.example\//);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toBe(`${COMMENT_MARKER}\n# Report\n\nfirst\n`);

    const second = await run(['comment', report('# Report\n\nsecond\n')], { env });
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/^updated the ecs-or-eks comment on pull request #7/);
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toBe(`${COMMENT_MARKER}\n# Report\n\nsecond\n`);

    gh.requests.length = 0;
    const third = await run(['comment', report('# Report\n\nsecond\n')], { env });
    expect(third.code).toBe(0);
    expect(third.stderr).toMatch(/already up to date/);
    expect(gh.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('finds its comment past the first page, and never takes a comment that only quotes the marker', async () => {
    for (let i = 1; i <= 150; i++) gh.comments.push(humanComment(i, i === 42 ? `quoting ${COMMENT_MARKER} mid-text` : `comment ${i}`));
    gh.comments.push({ ...humanComment(500, `${COMMENT_MARKER}\nold report\n`), user: { login: 'github-actions[bot]' } });
    const { code } = await run(['comment', report('new report')], { env });
    expect(code).toBe(0);
    expect(gh.requests.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual([
      `/repos/${gh.repository}/issues/7/comments?per_page=100`,
      `/repos/${gh.repository}/issues/7/comments?per_page=100&page=2`,
    ]);
    expect(gh.requests.at(-1)).toMatchObject({ method: 'PATCH', path: `/repos/${gh.repository}/issues/comments/500` });
    expect(gh.comments).toHaveLength(151);
    expect(gh.comments.find((c) => c.id === 42)?.body).toBe(`quoting ${COMMENT_MARKER} mid-text`);
  });

  it('--pr overrides the event, and stdin is read with -', async () => {
    const { code } = await run(['comment', '-', '--pr', '7'], { env: { ...env, GITHUB_EVENT_PATH: '' }, stdin: 'from stdin\n' });
    expect(code).toBe(0);
    expect(gh.comments[0]!.body).toBe(`${COMMENT_MARKER}\nfrom stdin\n`);
  });

  it.each([
    [{ GITHUB_TOKEN: '' }, /comment needs a GitHub token in GITHUB_TOKEN/],
    [{ GITHUB_REPOSITORY: 'not a repo' }, /GITHUB_REPOSITORY must be owner\/name/],
    [{ GITHUB_API_URL: 'ftp://example.com' }, /GITHUB_API_URL must be http\(s\)/],
    [{ GITHUB_EVENT_PATH: '' }, /GITHUB_EVENT_PATH is not set; run it on a pull_request event, or pass --pr NUMBER/],
  ])('what it needs from the environment, said as a usage error (exit 2): %o', async (override, message) => {
    const { code, stderr } = await run(['comment', report('x')], { env: { ...env, ...override } });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(gh.requests).toEqual([]);
  });

  it('an event that is not a pull request is exit 2', async () => {
    const push = join(dir, 'push.json');
    writeFileSync(push, JSON.stringify({ ref: 'refs/heads/main' }));
    const { code, stderr } = await run(['comment', report('x')], { env: { ...env, GITHUB_EVENT_PATH: push } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/the event has no pull_request\.number/);
    expect((await run(['comment', report('x'), '--pr', '0'], { env })).code).toBe(2);
  });

  it('API failures are one line with the server message and a hint, exit 1, no stack trace', async () => {
    gh.failWith = 403;
    const forbidden = await run(['comment', report('x')], { env });
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toBe(
      'error: could not post the PR comment: GET /repos/acme/platform/issues/7/comments answered 403 (Resource not accessible by integration); ' +
        'the token may lack `pull-requests: write` (a pull request from a fork gets a read-only token)\n',
    );
    gh.failWith = null;
    const badToken = await run(['comment', report('x')], { env: { ...env, GITHUB_TOKEN: 'wrong' } });
    expect(badToken.code).toBe(1);
    expect(badToken.stderr).toMatch(/answered 401 \(Bad credentials\); the token is missing or expired/);
    const closed = await closedPort();
    const unreachable = await run(['comment', report('x')], { env: { ...env, GITHUB_API_URL: `http://127.0.0.1:${closed}` } });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(
      /^error: could not post the PR comment: GET http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/platform\/issues\/7\/comments failed \(ECONNREFUSED\)\n$/,
    );
  });
});

describe('commentBody', () => {
  it('is the marker and the report, unchanged, when it fits', () => {
    expect(commentBody('# a\n\nb\n\n\n')).toBe(`${COMMENT_MARKER}\n# a\n\nb\n`);
  });

  it('cuts a report past GitHub’s limit at a line, closes open <details> and fences, and says where the rest is', () => {
    const section = (i: number) =>
      `<details>\n<summary>file ${i}</summary>\n\n${'| a | b |\n'.repeat(400)}\n\`\`\`text\n${'x\n'.repeat(300)}\`\`\`\n\n</details>\n`;
    const long = Array.from({ length: 40 }, (_, i) => section(i)).join('\n');
    expect(long.length).toBeGreaterThan(MAX_COMMENT_CHARS);
    const body = commentBody(long, 'https://github.example/acme/platform/actions/runs/1');
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body.startsWith(`${COMMENT_MARKER}\n<details>`)).toBe(true);
    expect(body.match(/<details>/g)?.length).toBe(body.match(/<\/details>/g)?.length);
    expect((body.match(/^```/gm)?.length ?? 0) % 2).toBe(0);
    expect(body).toMatch(
      /the full report is in the job summary of \[this workflow run\]\(https:\/\/github\.example\/acme\/platform\/actions\/runs\/1\)\._\n$/,
    );
  });

  it('closes a fence the cut falls inside', () => {
    const long = `<details>\n<summary>s</summary>\n\n\`\`\`json\n${'{"a": 1}\n'.repeat(9_000)}\`\`\`\n</details>\n`;
    const body = commentBody(long);
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body).toMatch(/\{"a": 1\}\n\n```\n<\/details>\n\n_The report is longer than a pull request comment may be/);
  });
});
