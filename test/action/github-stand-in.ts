/**
 * A local stand-in for the three GitHub REST endpoints the PR comment uses, on 127.0.0.1: list an
 * issue's comments (paged, with a `Link` header like GitHub's), create one, update one. It checks
 * the token and records every request, so tests can say "created once, then updated, never duplicated".
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string };
  html_url: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  apiVersion: string | undefined;
  body: string;
}

export interface GitHubStandIn {
  url: string;
  repository: string;
  pr: number;
  token: string;
  comments: StoredComment[];
  requests: RecordedRequest[];
  /** Answer every request with this status instead (e.g. 403), while set. */
  failWith: number | null;
  close(): Promise<void>;
}

const PER_PAGE_MAX = 100;

export async function startGitHubStandIn(options: { repository?: string; pr?: number; token?: string } = {}): Promise<GitHubStandIn> {
  const repository = options.repository ?? 'acme/platform';
  const pr = options.pr ?? 7;
  const token = options.token ?? 'test-token';
  let nextId = 1000;
  const state: Omit<GitHubStandIn, 'url' | 'close'> = { repository, pr, token, comments: [], requests: [], failWith: null };

  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      state.requests.push({
        method: req.method ?? '',
        path: url.pathname + url.search,
        authorization: req.headers.authorization,
        apiVersion: req.headers['x-github-api-version'] as string | undefined,
        body,
      });
      const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(data));
      };
      if (state.failWith !== null) return send(state.failWith, { message: 'Resource not accessible by integration' });
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { message: 'Bad credentials' });
      const base = `/repos/${repository}`;
      const htmlUrl = (id: number) => `https://github.example/${repository}/pull/${pr}#issuecomment-${id}`;

      if (url.pathname === `${base}/issues/${pr}/comments` && req.method === 'GET') {
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), PER_PAGE_MAX);
        const page = Number(url.searchParams.get('page') ?? 1);
        const slice = state.comments.slice((page - 1) * perPage, page * perPage);
        const last = Math.max(1, Math.ceil(state.comments.length / perPage));
        const link =
          page < last
            ? { Link: `<http://${req.headers.host}${base}/issues/${pr}/comments?per_page=${perPage}&page=${page + 1}>; rel="next"` }
            : undefined;
        return send(200, slice, link);
      }
      if (url.pathname === `${base}/issues/${pr}/comments` && req.method === 'POST') {
        const id = nextId++;
        const comment = {
          id,
          body: (JSON.parse(body) as { body: string }).body,
          user: { login: 'github-actions[bot]' },
          html_url: htmlUrl(id),
        };
        state.comments.push(comment);
        return send(201, comment);
      }
      const update = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(url.pathname);
      if (update && req.method === 'PATCH') {
        const comment = state.comments.find((c) => c.id === Number(update[1]));
        if (!comment) return send(404, { message: 'Not Found' });
        comment.body = (JSON.parse(body) as { body: string }).body;
        return send(200, comment);
      }
      return send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** A comment someone else wrote, to show that only the marked one is ever touched. */
export function humanComment(id: number, body: string): StoredComment {
  return { id, body, user: { login: 'octocat' }, html_url: `https://github.example/comment/${id}` };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
  });
}
