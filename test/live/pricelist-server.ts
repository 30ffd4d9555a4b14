/**
 * A local stand-in for the AWS Price List Query API, for tests that drive the REAL
 * `@aws-sdk/client-pricing` (in-process or through the built CLI) without touching the network.
 *
 * It speaks awsJson1_1 like the real service: `POST /`, `Content-Type: application/x-amz-json-1.1`,
 * `X-Amz-Target: AWSPriceListService.GetProducts`, a SigV4 `Authorization` header; it answers with
 * `PriceList` items as JSON-encoded strings, pages with `NextToken`, and reports errors with HTTP 4xx,
 * an `x-amzn-errortype` header and a `{"__type","message"}` body. Faults, delays and misbehaviour
 * (a request that is never answered, a dropped connection, a body that stalls, a huge or repeated
 * answer, pages without end) can be scripted per request to prove retries, timeouts and caps.
 *
 * Use:
 *   const server = await startPriceListServer();
 *   // in-process: Object.assign(process.env, server.env()); or for a child process: { env: { ...process.env, ...server.env() } }
 *   ...
 *   await server.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sampleCatalog, type Catalog, type PriceListObject } from './catalog.js';

export { type Catalog } from './catalog.js';

export interface PriceListFault {
  status: number;
  /** The awsJson error type, e.g. `ThrottlingException`, `AccessDeniedException`. */
  type: string;
  message?: string;
}

export const THROTTLING: PriceListFault = { status: 400, type: 'ThrottlingException', message: 'Rate exceeded' };
export const ACCESS_DENIED: PriceListFault = {
  status: 400,
  type: 'AccessDeniedException',
  message: 'User: arn:aws:iam::123456789012:user/test is not authorized to perform: pricing:GetProducts',
};

/** Ways to misbehave, for the hardening tests. */
export type Misbehaviour =
  /** Read the request, never answer (the socket stays open). */
  | { kind: 'hang' }
  /** Read the request, then destroy the socket without a response. */
  | { kind: 'drop' }
  /** Send 200 headers and the first bytes of the body, then stop sending (socket stays open). */
  | { kind: 'stall-body' }
  /** A 200 answer of about `bytes` bytes: one real-shaped item repeated; `declareLength` sets content-length. */
  | { kind: 'huge'; bytes: number; declareLength?: boolean }
  /** The page's first item `times` times over (a valid, small answer that says one thing). */
  | { kind: 'repeat'; times: number }
  /** A normal page, but always with a fresh NextToken: pages without end. */
  | { kind: 'endless' };

export interface RecordedRequest {
  target: string;
  contentType: string;
  authorization: string;
  body: GetProductsBody;
}

interface GetProductsBody {
  ServiceCode?: string;
  Filters?: Array<{ Type?: string; Field?: string; Value?: string }>;
  FormatVersion?: string;
  NextToken?: string;
  MaxResults?: number;
}

export interface PriceListServerOptions {
  catalog?: Catalog;
  /** Items per page at most (the real service caps at `MaxResults` ≤ 100). Small → more pages. */
  pageSize?: number;
}

export interface PriceListServer {
  url: string;
  port: number;
  /** Every request received, in order (including those answered with a fault). */
  requests: RecordedRequest[];
  /** The next `times` requests are answered with `fault`. */
  failNext(fault: PriceListFault, times?: number): void;
  /** The next `times` requests are answered only after `ms` milliseconds. */
  delayNext(ms: number, times?: number): void;
  /** Every request from now on gets `fault` (until `clearFaults`). */
  failAlways(fault: PriceListFault): void;
  /** The next `times` requests misbehave so. */
  misbehaveNext(how: Misbehaviour, times?: number): void;
  /** Every request from now on misbehaves so (until `clearFaults`). */
  misbehaveAlways(how: Misbehaviour): void;
  clearFaults(): void;
  setCatalog(catalog: Catalog): void;
  /** Environment that points an AWS SDK (or the CLI) at this server with fake credentials and no IMDS. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

/** Variables to remove from a test's environment so no real AWS config or credentials leak in. */
export const AWS_ENV_TO_CLEAR = [
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_SESSION_TOKEN',
  'AWS_ENDPOINT_URL',
  'AWS_ROLE_ARN',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_MAX_ATTEMPTS',
  'AWS_RETRY_MODE',
] as const;

function matches(item: PriceListObject, serviceCode: string, filter: { Type?: string; Field?: string; Value?: string }): boolean {
  const field = filter.Field ?? '';
  const want = (filter.Value ?? '').toLowerCase();
  const product = item['product'] as { attributes?: Record<string, string>; productFamily?: string } | undefined;
  const attributes = product?.attributes ?? {};
  const have = (
    field === 'ServiceCode'
      ? serviceCode
      : field === 'productFamily'
        ? (product?.productFamily ?? attributes['productFamily'])
        : attributes[field]
  )?.toLowerCase();
  switch (filter.Type) {
    case 'TERM_MATCH':
    case 'EQUALS':
      return have === want;
    case 'CONTAINS':
      return have !== undefined && have.includes(want);
    case 'ANY_OF':
      return (
        have !== undefined &&
        want
          .split(',')
          .map((v) => v.trim())
          .includes(have)
      );
    case 'NONE_OF':
      return (
        have === undefined ||
        !want
          .split(',')
          .map((v) => v.trim())
          .includes(have)
      );
    default:
      throw new Error(`unknown filter type ${String(filter.Type)}`);
  }
}

function sendError(res: ServerResponse, fault: PriceListFault): void {
  const body = JSON.stringify({ __type: fault.type, message: fault.message ?? fault.type });
  res.writeHead(fault.status, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-errortype': `${fault.type}:http://internal.amazon.com/coral/com.amazonaws.awspricelistservice/`,
    'x-amzn-requestid': 'mock-request',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startPriceListServer(options: PriceListServerOptions = {}): Promise<PriceListServer> {
  let catalog = options.catalog ?? sampleCatalog();
  const pageSize = options.pageSize ?? 3;
  const requests: RecordedRequest[] = [];
  const faults: PriceListFault[] = [];
  const delays: number[] = [];
  let alwaysFault: PriceListFault | undefined;
  const misbehaviours: Misbehaviour[] = [];
  let alwaysMisbehave: Misbehaviour | undefined;
  const timers = new Set<NodeJS.Timeout>();
  let endlessCounter = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const text = await readBody(req);
    const target = String(req.headers['x-amz-target'] ?? '');
    const contentType = String(req.headers['content-type'] ?? '');
    const authorization = String(req.headers['authorization'] ?? '');
    let body: GetProductsBody = {};
    try {
      body = JSON.parse(text || '{}') as GetProductsBody;
    } catch {
      sendError(res, { status: 400, type: 'SerializationException', message: 'body is not JSON' });
      return;
    }
    requests.push({ target, contentType, authorization, body });

    const delay = delays.shift();
    if (delay !== undefined) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, delay);
        timers.add(t);
      });
      if (res.destroyed) return;
    }
    const fault = faults.shift() ?? alwaysFault;
    if (fault) return sendError(res, fault);
    const how = misbehaviours.shift() ?? alwaysMisbehave;
    if (how?.kind === 'hang') return;
    if (how?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (how?.kind === 'stall-body') {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': 1_000_000 });
      res.write('{"FormatVersion":"aws_v1","PriceList":["');
      return;
    }
    if (how?.kind === 'huge') {
      const item = JSON.stringify(JSON.stringify((catalog[body.ServiceCode ?? ''] ?? catalog['AmazonEC2'] ?? [])[0] ?? {}));
      const count = Math.max(1, Math.ceil(how.bytes / (item.length + 1)));
      const head = '{"FormatVersion":"aws_v1","PriceList":[';
      const total = head.length + count * (item.length + 1) - 1 + 2;
      res.writeHead(200, {
        'content-type': 'application/x-amz-json-1.1',
        ...(how.declareLength ? { 'content-length': total } : {}),
      });
      res.write(head);
      let sent = 0;
      const pump = (): void => {
        while (sent < count && !res.destroyed) {
          const chunk = Array.from({ length: Math.min(500, count - sent) }, (_, i) => (sent + i === 0 ? item : `,${item}`)).join('');
          sent += Math.min(500, count - sent);
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        if (!res.destroyed) res.end(']}');
      };
      res.on('error', () => undefined);
      pump();
      return;
    }

    if (req.method !== 'POST' || (req.url ?? '/') !== '/') return sendError(res, { status: 404, type: 'UnknownOperationException' });
    if (!contentType.startsWith('application/x-amz-json-1.1'))
      return sendError(res, { status: 400, type: 'SerializationException', message: `bad content-type ${contentType}` });
    if (target !== 'AWSPriceListService.GetProducts')
      return sendError(res, { status: 400, type: 'UnknownOperationException', message: `unknown target ${target}` });
    if (!/^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[a-z0-9-]+\/pricing\/aws4_request/.test(authorization)) {
      return sendError(res, {
        status: 400,
        type: 'MissingAuthenticationTokenException',
        message: 'request is not SigV4-signed for pricing',
      });
    }
    const serviceCode = body.ServiceCode ?? '';
    if (!serviceCode) return sendError(res, { status: 400, type: 'InvalidParameterException', message: 'ServiceCode is required' });
    const maxResults = body.MaxResults ?? 100;
    if (maxResults < 1 || maxResults > 100)
      return sendError(res, { status: 400, type: 'InvalidParameterException', message: 'MaxResults must be 1..100' });

    let selected: PriceListObject[];
    try {
      selected = (catalog[serviceCode] ?? []).filter((item) => (body.Filters ?? []).every((f) => matches(item, serviceCode, f)));
    } catch (error) {
      return sendError(res, { status: 400, type: 'InvalidParameterException', message: (error as Error).message });
    }
    const queryKey = JSON.stringify([serviceCode, body.Filters ?? []]);
    let offset = 0;
    if (body.NextToken) {
      try {
        const token = JSON.parse(Buffer.from(body.NextToken, 'base64').toString('utf8')) as { key: string; offset: number };
        if (token.key !== queryKey || !Number.isInteger(token.offset)) throw new Error('mismatch');
        offset = token.offset;
      } catch {
        return sendError(res, { status: 400, type: 'InvalidNextTokenException', message: 'invalid NextToken' });
      }
    }
    const size = Math.min(pageSize, maxResults);
    let page = selected.slice(offset, offset + size);
    if (how?.kind === 'repeat') page = Array.from({ length: how.times }, () => page[0] ?? selected[0] ?? {});
    const next =
      how?.kind === 'endless'
        ? Buffer.from(JSON.stringify({ key: queryKey, offset: 0, n: (endlessCounter += 1) })).toString('base64')
        : offset + size < selected.length
          ? Buffer.from(JSON.stringify({ key: queryKey, offset: offset + size })).toString('base64')
          : undefined;
    const out = JSON.stringify({
      FormatVersion: 'aws_v1',
      PriceList: page.map((item) => JSON.stringify(item)),
      ...(next ? { NextToken: next } : {}),
    });
    res.writeHead(200, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': 'mock-request',
      'content-length': Buffer.byteLength(out),
    });
    res.end(out);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, { status: 500, type: 'InternalErrorException', message: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    requests,
    failNext(fault, times = 1) {
      for (let i = 0; i < times; i += 1) faults.push(fault);
    },
    delayNext(ms, times = 1) {
      for (let i = 0; i < times; i += 1) delays.push(ms);
    },
    failAlways(fault) {
      alwaysFault = fault;
    },
    misbehaveNext(how, times = 1) {
      for (let i = 0; i < times; i += 1) misbehaviours.push(how);
    },
    misbehaveAlways(how) {
      alwaysMisbehave = how;
    },
    clearFaults() {
      faults.length = 0;
      delays.length = 0;
      misbehaviours.length = 0;
      alwaysFault = undefined;
      alwaysMisbehave = undefined;
    },
    setCatalog(next) {
      catalog = next;
    },
    env() {
      return {
        AWS_ENDPOINT_URL_PRICING: url,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_EC2_METADATA_DISABLED: 'true',
        // Keep the developer's ~/.aws out of the test: no profile, retries or endpoints from there.
        AWS_CONFIG_FILE: '/nonexistent/ecs-or-eks-test/config',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/ecs-or-eks-test/credentials',
      };
    },
    async close() {
      alwaysMisbehave = undefined;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
