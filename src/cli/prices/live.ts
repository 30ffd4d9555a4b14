/**
 * Live prices from the AWS Price List Query API (`GetProducts`), for one region.
 *
 * Queries (all `TERM_MATCH`, all pages of 100, see docs/prices.md):
 * - `AmazonECS`  `regionCode=R` — Fargate (x86, ARM, Windows, storage), ECS Managed Instances fees;
 * - `AmazonEKS`  `regionCode=R` — control plane, extended support, Auto Mode fees per instance type;
 * - `AmazonEC2`  `regionCode=R`, `operatingSystem=Linux`, `tenancy=Shared`, `capacitystatus=Used`,
 *   `preInstalledSw=NA` plus either `instanceType=T` per requested type (up to
 *   `PER_TYPE_QUERY_LIMIT` types) or `productFamily=Compute Instance` for every type in the region
 *   (about ten pages; the way Karpenter does it).
 *
 * The SDK does the signing, the credential chain, `AWS_ENDPOINT_URL_PRICING`/`AWS_ENDPOINT_URL`,
 * and retries with exponential backoff on throttling (`maxAttempts`). On top we add one deadline
 * for the whole fetch, and we turn every failure into a `LivePriceError` that says what to do.
 */
import { GetProductsCommand, PricingClient, type Filter, type GetProductsCommandInput } from '@aws-sdk/client-pricing';
import type { RegionPrices } from '../../domain/price-book.js';
import { LivePriceError, toLivePriceError } from './live-errors.js';
import { parsePriceList } from '../../pricing/price-list.js';
import { clip } from '../sanitize.js';
import { PER_TYPE_QUERY_LIMIT } from './completeness.js';

export { PER_TYPE_QUERY_LIMIT } from './completeness.js';

export { LivePriceError } from './live-errors.js';

/**
 * The Price List API endpoint region for a priced region: AWS hosts the API in us-east-1,
 * eu-central-1 and ap-south-1 and returns every region's prices from each; we pick the nearest
 * (`eu-*` → eu-central-1, `ap-*` → ap-south-1, everything else → us-east-1), as Karpenter does.
 */
export function pricingEndpointRegion(region: string): string {
  if (region.startsWith('eu-')) return 'eu-central-1';
  if (region.startsWith('ap-')) return 'ap-south-1';
  return 'us-east-1';
}

/** Deadline for a whole region, every query, page and retry included. */
export const DEFAULT_TIMEOUT_MS = 90_000;
/**
 * Per attempt: no answer within this long (no response headers, or a body that stops arriving) is
 * a timeout, retried with backoff. A Price List page normally arrives in under 2 s; without
 * `throwOnRequestTimeout` the SDK would only log a warning and wait for the overall deadline.
 */
export const REQUEST_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 5_000;
/** Tries per page (the SDK's standard retry mode: exponential backoff with jitter on throttling, timeouts, 5xx). */
export const DEFAULT_MAX_ATTEMPTS = 4;
/** GetProducts pages per region (a full region takes about 30); beyond it the refresh stops. */
export const MAX_REQUESTS_PER_REGION = 100;
/** One response body (a page of 100 items is about 2 MB). */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** All response bodies of one region together. */
export const MAX_REGION_BYTES = 128 * 1024 * 1024;
const PAGE_SIZE = 100;
const CONCURRENCY = 3;

export interface FetchRegionPricesOptions {
  /** EC2 instance types to price; empty or absent → every Linux shared-tenancy type in the region. */
  instanceTypes?: string[];
  /** Deadline for the whole fetch, all queries and retries included. */
  timeoutMs?: number;
  /** Per-attempt timeout (tests shorten it). */
  requestTimeoutMs?: number;
  /** SDK attempts per request (1 = no retry). Throttling is retried with exponential backoff. */
  maxAttempts?: number;
  /** A ready client (tests, or a caller with its own credentials); it is not destroyed afterwards. */
  client?: PricingClient;
  /** Show the SDK's own log lines and warnings (the CLI sets it from DEBUG). */
  debug?: boolean;
  onProgress?: (message: string) => void;
  /** Non-fatal findings: partial rate pairs, services that returned nothing. */
  onWarning?: (message: string) => void;
}

export interface LiveQuery {
  label: string;
  input: GetProductsCommandInput;
}

function termMatch(field: string, value: string): Filter {
  return { Type: 'TERM_MATCH', Field: field, Value: value };
}

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const INSTANCE_TYPE_PATTERN = /^[a-z0-9-]+\.[a-z0-9-]+$/;

/** The `GetProducts` queries a fetch for `region` issues (exported for docs, tests and `--explain`). */
export function liveQueries(region: string, instanceTypes: readonly string[] = []): LiveQuery[] {
  const base = (serviceCode: string, filters: Filter[]): GetProductsCommandInput => ({
    ServiceCode: serviceCode,
    FormatVersion: 'aws_v1',
    MaxResults: PAGE_SIZE,
    Filters: [termMatch('regionCode', region), ...filters],
  });
  const ec2Linux = [
    termMatch('operatingSystem', 'Linux'),
    termMatch('tenancy', 'Shared'),
    termMatch('capacitystatus', 'Used'),
    termMatch('preInstalledSw', 'NA'),
  ];
  const types = [...new Set(instanceTypes)].sort();
  const queries: LiveQuery[] = [
    { label: 'AmazonECS (Fargate, Managed Instances)', input: base('AmazonECS', []) },
    { label: 'AmazonEKS (control plane, Auto Mode)', input: base('AmazonEKS', []) },
  ];
  if (types.length > 0 && types.length <= PER_TYPE_QUERY_LIMIT) {
    for (const type of types) {
      queries.push({ label: `AmazonEC2 ${type}`, input: base('AmazonEC2', [termMatch('instanceType', type), ...ec2Linux]) });
    }
  } else {
    queries.push({
      label: 'AmazonEC2 (all Linux shared-tenancy instance types)',
      input: base('AmazonEC2', [termMatch('productFamily', 'Compute Instance'), ...ec2Linux]),
    });
  }
  return queries;
}

/** What one region's fetch may still spend: pages and response bytes. */
interface Budget {
  requests: number;
  bytes: number;
  maxRequests: number;
}

function newBudget(): Budget {
  return { requests: 0, bytes: 0, maxRequests: MAX_REQUESTS_PER_REGION };
}

interface RawResponse {
  statusCode?: number;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

const mib = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MiB`;

function tooLarge(detail: string): LivePriceError {
  return new LivePriceError('too-large', `the Price List API sent ${detail}; refusing it. Retry later, or use --prices snapshot.`);
}

/**
 * Reads each response body itself, counting bytes, before the SDK parses it: a body over
 * `MAX_RESPONSE_BYTES` (or a region over `MAX_REGION_BYTES`) is refused instead of being buffered
 * whole. It runs innermost in the deserialize step, inside the SDK's retry loop, so a body that
 * stalls still times out (and is retried) like any request.
 */
function sizeLimitMiddleware(budget: Budget) {
  return (next: (args: unknown) => Promise<{ response: unknown }>) =>
    async (args: unknown): Promise<{ response: unknown }> => {
      const result = await next(args);
      const response = result.response as RawResponse;
      const destroy = () => (response.body as { destroy?: () => void } | undefined)?.destroy?.();
      const declared = Number(response.headers?.['content-length'] ?? Number.NaN);
      if (Number.isFinite(declared) && declared > MAX_RESPONSE_BYTES) {
        destroy();
        throw tooLarge(`a ${mib(declared)} response (the limit is ${mib(MAX_RESPONSE_BYTES)} per response)`);
      }
      const body = response.body;
      if (body && typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
          const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
          size += buf.byteLength;
          if (size > MAX_RESPONSE_BYTES) {
            destroy();
            throw tooLarge(`a response of more than ${mib(MAX_RESPONSE_BYTES)} (the limit per response)`);
          }
          chunks.push(buf);
        }
        budget.bytes += size;
        if (budget.bytes > MAX_REGION_BYTES) throw tooLarge(`more than ${mib(MAX_REGION_BYTES)} for one region (the limit)`);
        response.body = Buffer.concat(chunks);
      }
      return result;
    };
}

/** Every `PriceList` item of one query, following `NextToken` to the last page (within the budget). */
export async function getAllProducts(
  client: PricingClient,
  input: GetProductsCommandInput,
  options: { abortSignal?: AbortSignal; onPage?: (page: number, items: number) => void; budget?: Budget } = {},
): Promise<unknown[]> {
  const budget = options.budget ?? newBudget();
  const items: unknown[] = [];
  const seenTokens = new Set<string>();
  let nextToken: string | undefined;
  for (let page = 1; ; page += 1) {
    budget.requests += 1;
    if (budget.requests > budget.maxRequests) {
      throw new LivePriceError(
        'too-many-requests',
        `stopped after ${budget.maxRequests} Price List requests for one region (the cap); the API kept handing out more pages for ${input.ServiceCode}. Retry later, or use --prices snapshot.`,
      );
    }
    const command = new GetProductsCommand({ ...input, ...(nextToken ? { NextToken: nextToken } : {}) });
    command.middlewareStack.add(
      sizeLimitMiddleware(budget) as never,
      {
        step: 'deserialize',
        priority: 'low',
        name: 'ecsOrEksResponseSizeLimit',
      } as never,
    );
    const output = await client.send(command, options.abortSignal ? { abortSignal: options.abortSignal } : {});
    const priceList: unknown = output.PriceList ?? [];
    if (Array.isArray(priceList)) for (const item of priceList as unknown[]) items.push(item);
    options.onPage?.(page, items.length);
    nextToken = output.NextToken || undefined;
    if (!nextToken) return items;
    if (seenTokens.has(nextToken)) {
      throw new LivePriceError('service', `the Price List API repeated a page token for ${input.ServiceCode}; giving up`);
    }
    seenTokens.add(nextToken);
  }
}

/** The SDK's logger: silent unless DEBUG is set, so its warnings never reach a user's terminal. */
function sdkLogger(debug: boolean) {
  const write =
    (level: string) =>
    (...args: unknown[]) => {
      if (debug) console.error(`[aws-sdk ${level}]`, ...args);
    };
  return { trace: write('trace'), debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/**
 * A `PricingClient` for the endpoint region of `region`, with per-attempt timeouts that fail (not
 * just warn), standard retries with backoff, and the SDK's logging and Node-version notice kept off
 * stderr unless `debug`.
 */
export function createPricingClient(
  region: string,
  options: { timeoutMs?: number; requestTimeoutMs?: number; maxAttempts?: number; debug?: boolean } = {},
): PricingClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const requestTimeout = Math.min(timeoutMs, options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS);
  const debug = options.debug ?? false;
  // The SDK warns through process.emitWarning on Node < 22 that future versions will need Node 22;
  // that is for this tool's maintainers, not its users. The SDK documents this variable to turn it
  // off (aws/aws-sdk-js-v3#7983); it is read when a client is created.
  if (!debug) process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const logger = sdkLogger(debug);
  return new PricingClient({
    region: pricingEndpointRegion(region),
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: 'standard',
    logger,
    requestHandler: {
      requestTimeout,
      // Without this the SDK only logs "a request has exceeded the configured requestTimeout".
      throwOnRequestTimeout: true,
      // A body that stops arriving after the headers: the same limit, as inactivity on the socket.
      socketTimeout: requestTimeout,
      connectionTimeout: Math.min(timeoutMs, CONNECT_TIMEOUT_MS),
      logger,
    },
  });
}

async function runPool<T>(tasks: Array<() => Promise<T>>, concurrency: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    // Once one task has failed the whole fetch has; start nothing new.
    while (next < tasks.length && !failed) {
      const index = next;
      next += 1;
      try {
        results[index] = await tasks[index]!();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, () => worker()));
  return results;
}

/**
 * Fetches the live prices of one region. Resolves to a `RegionPrices` whose every price has
 * `source: 'live'` and the price list's publication date; rejects with a `LivePriceError`.
 */
export async function fetchRegionPrices(region: string, options: FetchRegionPricesOptions = {}): Promise<RegionPrices> {
  const endpointRegion = pricingEndpointRegion(region);
  if (!REGION_PATTERN.test(region)) {
    throw new LivePriceError('invalid-region', `"${region}" is not an AWS region code (like us-east-1)`);
  }
  const instanceTypes = [...new Set(options.instanceTypes ?? [])].filter((t) => INSTANCE_TYPE_PATTERN.test(t));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client =
    options.client ??
    createPricingClient(region, {
      timeoutMs,
      requestTimeoutMs: options.requestTimeoutMs,
      maxAttempts: options.maxAttempts,
      debug: options.debug,
    });
  const budget = newBudget();
  const progress = options.onProgress ?? (() => undefined);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new LivePriceError(
          'timeout',
          `the AWS Price List API (pricing endpoint ${endpointRegion}) did not return prices for ${region} within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}; retry later or use --prices snapshot`,
        ),
      );
    }, timeoutMs);
  });

  const work = async (): Promise<RegionPrices> => {
    const queries = liveQueries(region, instanceTypes);
    progress(`fetching live prices for ${region} from the Price List API in ${endpointRegion} (${queries.length} queries)`);
    const perQuery = await runPool(
      queries.map((query) => async () => {
        const items = await getAllProducts(client, query.input, {
          abortSignal: controller.signal,
          budget,
          onPage: (page, count) => {
            if (page > 1) progress(`${query.label}: page ${page}, ${count} products`);
          },
        });
        progress(`${query.label}: ${items.length} products`);
        return items;
      }),
      CONCURRENCY,
    );
    // A server that repeats one item (or a page) must not count twice: identical items are one.
    const unique = new Map<string, unknown>();
    for (const item of perQuery.flat()) {
      const key = typeof item === 'string' || item instanceof String ? String(item) : JSON.stringify(item);
      if (!unique.has(key)) unique.set(key, item);
    }
    const parsed = parsePriceList(region, [...unique.values()], 'live');
    for (const warning of new Set(parsed.warnings)) options.onWarning?.(clip(warning, 300));
    if (parsed.mapped === 0) {
      throw new LivePriceError(
        'empty',
        `the AWS Price List API returned no usable prices for ${region}; check the region code, or use --prices snapshot`,
      );
    }
    const p = parsed.prices;
    const missing = instanceTypes.filter((t) => !Object.hasOwn(p.ec2.onDemandHour, t));
    if (missing.length > 0) {
      const shown = missing.length <= 5 ? missing.join(', ') : `${missing.slice(0, 5).join(', ')} and ${missing.length - 5} more`;
      options.onWarning?.(`no EC2 on-demand Linux price for ${shown} in ${region}`);
    }
    return p;
  };

  try {
    return await Promise.race([work(), deadline]);
  } catch (error) {
    throw toLivePriceError(error, { region, endpointRegion });
  } finally {
    clearTimeout(timer);
    // Whatever ended the fetch, the queries still in flight are cancelled, not left running.
    controller.abort();
    if (!options.client) client.destroy();
  }
}
