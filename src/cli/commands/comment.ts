/**
 * `ecs-or-eks comment FILE`: puts a Markdown report on a GitHub pull request as ONE comment, found
 * again on the next run by a hidden marker and updated in place — never a new comment per push.
 * It reads what a GitHub Actions runner provides (`GITHUB_TOKEN`, `GITHUB_API_URL`,
 * `GITHUB_REPOSITORY`, and the PR number from `GITHUB_EVENT_PATH`) and talks to the REST API with
 * the global `fetch`. A body past GitHub's size limit is cut at a line, with every open `<details>`
 * and code fence closed, and a note where the full report is.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ProgramDeps } from '../deps.js';
import { OutputError, UsageError } from '../errors.js';
import type { CliContext } from '../io.js';
import { clip } from '../sanitize.js';

/** The hidden first line that marks the comment as ours; a comment is ours only if its body starts with it. */
export const COMMENT_MARKER = '<!-- ecs-or-eks -->';

/** GitHub refuses comment bodies longer than 65,536 characters. */
export const MAX_COMMENT_CHARS = 65_536;

/** Files read here (the report, the event payload) and API answers are bounded. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** 100 comments a page: 10,000 comments is the furthest the marker is looked for. */
const MAX_PAGES = 100;
const REQUEST_TIMEOUT_MS = 15_000;

export interface CommentFlags {
  pr?: number;
}

interface Target {
  api: URL;
  repository: string;
  pr: number;
  token: string;
}

export async function runComment(ctx: CliContext, deps: ProgramDeps, file: string, flags: CommentFlags): Promise<void> {
  const target = await resolveTarget(ctx, flags);
  const report = await readText(file === '-' ? undefined : file, ctx, 'the report');
  const body = commentBody(report, runUrl(ctx.env));
  const github = client(target, deps.version);
  const existing = await findComment(github, target);
  if (existing && existing.body === body) {
    ctx.stderr.write(`the ecs-or-eks comment on pull request #${target.pr} is already up to date: ${clip(existing.html_url)}\n`);
    return;
  }
  const [verb, saved] = existing
    ? ['updated', await github.send('PATCH', `issues/comments/${existing.id}`, { body })]
    : ['created', await github.send('POST', `issues/${target.pr}/comments`, { body })];
  const url = isComment(saved) ? saved.html_url : '';
  ctx.stderr.write(`${verb} the ecs-or-eks comment on pull request #${target.pr}${url ? `: ${clip(url)}` : ''}\n`);
}

/**
 * The comment's body: the marker, then the report — cut at a line if it would pass GitHub's limit,
 * with open `<details>` blocks and code fences closed so the rest of the comment still renders.
 */
export function commentBody(report: string, fullReportAt?: string): string {
  const marker = `${COMMENT_MARKER}\n`;
  const text = report.trimEnd();
  if (marker.length + text.length + 1 <= MAX_COMMENT_CHARS) return `${marker}${text}\n`;
  const where = fullReportAt ? `the job summary of [this workflow run](${fullReportAt})` : "the workflow run's job summary";
  const note = `\n\n_The report is longer than a pull request comment may be, so it is cut here; the full report is in ${where}._\n`;
  const budget = MAX_COMMENT_CHARS - marker.length - note.length - 1_000; // room for the closing tags
  const lines = text.slice(0, budget).split('\n');
  if (lines.length > 1) lines.pop(); // the last line may be cut in the middle
  let fence: string | null = null;
  let openDetails = 0;
  for (const line of lines) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (f && (fence === null || (f[0] === fence[0] && f.length >= fence.length))) fence = fence === null ? f : null;
    if (fence !== null) continue;
    openDetails += (line.match(/<details[\s>]/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
  }
  const closing = [
    ...(fence !== null ? [fence] : []),
    ...Array.from({ length: Math.min(Math.max(openDetails, 0), 100) }, () => '</details>'),
  ];
  return `${marker}${[...lines, ...(closing.length > 0 ? ['', ...closing] : [])].join('\n')}${note}`;
}

/** Where the run's job summary is, when the runner says (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`, `GITHUB_RUN_ID`). */
function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run } = env;
  if (!server || !repository || !run || !/^\d+$/.test(run) || !/^https?:\/\//.test(server)) return undefined;
  return `${server.replace(/\/+$/, '')}/${repository}/actions/runs/${run}`;
}

async function resolveTarget(ctx: CliContext, flags: CommentFlags): Promise<Target> {
  const { env } = ctx;
  const token = env.GITHUB_TOKEN;
  if (!token) throw new UsageError('comment needs a GitHub token in GITHUB_TOKEN (in a workflow: `github-token: ${{ github.token }}`)');
  const repository = env.GITHUB_REPOSITORY ?? '';
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    throw new UsageError(`GITHUB_REPOSITORY must be owner/name, got "${clip(repository)}"`);
  }
  let api: URL;
  try {
    api = new URL(env.GITHUB_API_URL || 'https://api.github.com');
  } catch {
    throw new UsageError(`GITHUB_API_URL is not a URL: "${clip(env.GITHUB_API_URL ?? '')}"`);
  }
  if (api.protocol !== 'https:' && api.protocol !== 'http:')
    throw new UsageError(`GITHUB_API_URL must be http(s), got "${clip(api.href)}"`);
  const pr = flags.pr ?? (await pullRequestNumber(ctx));
  return { api, repository, pr, token };
}

/** `pull_request.number` from the event payload the runner wrote to `GITHUB_EVENT_PATH`. */
async function pullRequestNumber(ctx: CliContext): Promise<number> {
  const eventPath = ctx.env.GITHUB_EVENT_PATH;
  const hint = 'run it on a pull_request event, or pass --pr NUMBER';
  if (!eventPath) throw new UsageError(`no pull request to comment on: GITHUB_EVENT_PATH is not set; ${hint}`);
  let event: unknown;
  try {
    event = JSON.parse(await readText(eventPath, ctx, 'GITHUB_EVENT_PATH'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`GITHUB_EVENT_PATH ${clip(eventPath)} is not JSON`);
  }
  const number = (event as { pull_request?: { number?: unknown } } | null)?.pull_request?.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
    throw new UsageError(`no pull request to comment on: the event has no pull_request.number; ${hint}`);
  }
  return number;
}

/** A UTF-8 text file (or stdin), at most 16 MiB. */
async function readText(file: string | undefined, ctx: CliContext, what: string): Promise<string> {
  if (file === undefined) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of ctx.stdin) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buf.byteLength;
      if (size > MAX_FILE_BYTES) throw new UsageError(`${what} on stdin is larger than 16 MiB`);
      chunks.push(buf);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  const full = path.resolve(ctx.cwd, file);
  const stat = await fs.stat(full).catch(() => undefined);
  if (!stat) throw new UsageError(`${what}: ${clip(file)}: no such file`);
  if (!stat.isFile()) throw new UsageError(`${what}: ${clip(file)} is not a file`);
  if (stat.size > MAX_FILE_BYTES) throw new UsageError(`${what}: ${clip(file)} is larger than 16 MiB`);
  try {
    return await fs.readFile(full, 'utf8');
  } catch (error) {
    throw new UsageError(`${what}: cannot read ${clip(file)} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
}

interface IssueComment {
  id: number;
  body: string;
  html_url: string;
}

function isComment(value: unknown): value is IssueComment {
  const c = value as Partial<IssueComment> | null;
  return typeof c === 'object' && c !== null && typeof c.id === 'number' && typeof c.html_url === 'string';
}

interface Page {
  data: unknown;
  next: URL | null;
}

interface GitHub {
  get(url: URL): Promise<Page>;
  send(method: 'POST' | 'PATCH', route: string, payload: { body: string }): Promise<unknown>;
  first(route: string): URL;
}

function client(target: Target, version: string): GitHub {
  const base = `${target.api.href.replace(/\/+$/, '')}/repos/${target.repository}/`;
  const headers = {
    Accept: 'application/vnd.github+json',
    Authorization: `Bearer ${target.token}`,
    'User-Agent': `ecs-or-eks/${version}`,
    'X-GitHub-Api-Version': '2022-11-28',
  };
  const call = async (method: string, url: URL, payload?: { body: string }): Promise<{ data: unknown; link: string | null }> => {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: payload ? { ...headers, 'Content-Type': 'application/json' } : headers,
        body: payload ? JSON.stringify(payload) : undefined,
        redirect: 'error',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const { cause } = error as { cause?: { code?: unknown; message?: unknown } };
      const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
      const why =
        (error as Error).name === 'TimeoutError' ? `no answer in ${REQUEST_TIMEOUT_MS / 1000} s` : (detail ?? (error as Error).message);
      throw new OutputError(`could not post the PR comment: ${method} ${clip(url.origin + url.pathname)} failed (${clip(why)})`);
    }
    const text = await readCapped(response);
    if (!response.ok) throw new OutputError(`could not post the PR comment: ${httpProblem(method, url, response.status, text)}`);
    try {
      return { data: text === '' ? null : (JSON.parse(text) as unknown), link: response.headers.get('link') };
    } catch {
      throw new OutputError(
        `could not post the PR comment: ${method} ${clip(url.pathname)} answered ${response.status} with a body that is not JSON`,
      );
    }
  };
  return {
    first: (route) => new URL(`${base}${route}`),
    async get(url) {
      const { data, link } = await call('GET', url);
      return { data, next: nextPage(link, target.api) };
    },
    async send(method, route, payload) {
      return (await call(method, new URL(`${base}${route}`), payload)).data;
    },
  };
}

/** The first comment on the PR whose body starts with the marker, following `Link: rel="next"` pages. */
async function findComment(github: GitHub, target: Target): Promise<IssueComment | undefined> {
  let url: URL | null = github.first(`issues/${target.pr}/comments?per_page=100`);
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const { data, next }: Page = await github.get(url);
    if (!Array.isArray(data)) throw new OutputError('could not post the PR comment: the list of comments is not a JSON array');
    const ours = data.find(
      (c: unknown): c is IssueComment => isComment(c) && typeof c.body === 'string' && c.body.startsWith(COMMENT_MARKER),
    );
    if (ours) return ours;
    url = next;
  }
  return undefined;
}

/** The `rel="next"` URL of a `Link` header — only on the API's own origin, so the token goes nowhere else. */
function nextPage(link: string | null, api: URL): URL | null {
  const match = link?.split(',').find((part) => /;\s*rel="?next"?/.test(part));
  const href = match ? /<([^>]+)>/.exec(match)?.[1] : undefined;
  if (!href) return null;
  try {
    const url = new URL(href, api);
    return url.origin === api.origin ? url : null;
  } catch {
    return null;
  }
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw new OutputError('could not post the PR comment: the GitHub API answered with more than 16 MiB');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A failed request in one line, with the server's own message (clipped) and what usually causes it. */
function httpProblem(method: string, url: URL, status: number, text: string): string {
  let message = '';
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') message = parsed.message;
  } catch {
    message = text;
  }
  const hint =
    status === 401
      ? '; the token is missing or expired'
      : status === 403
        ? '; the token may lack `pull-requests: write` (a pull request from a fork gets a read-only token)'
        : status === 404
          ? '; no such repository or pull request, or the token cannot see it'
          : '';
  return `${method} ${clip(url.pathname)} answered ${status}${message ? ` (${clip(message, 200)})` : ''}${hint}`;
}
