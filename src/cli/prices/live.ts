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

export const DEFAULT_TIMEOUT_MS = 90_000;
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Up to this many requested EC2 types are fetched one query each; more → one region-wide query. */
export const PER_TYPE_QUERY_LIMIT = 30;
const PAGE_SIZE = 100;
const CONCURRENCY = 3;
/** Guards against a server that never stops handing out NextTokens. */
const MAX_PAGES_PER_QUERY = 200;

export interface FetchRegionPricesOptions {
  /** EC2 instance types to price; empty or absent → every Linux shared-tenancy type in the region. */
  instanceTypes?: string[];
  /** Deadline for the whole fetch, all queries and retries included. */
  timeoutMs?: number;
  /** SDK attempts per request (1 = no retry). Throttling is retried with exponential backoff. */
  maxAttempts?: number;
  /** A ready client (tests, or a caller with its own credentials); it is not destroyed afterwards. */
  client?: PricingClient;
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

/** Every `PriceList` item of one query, following `NextToken` to the last page. */
export async function getAllProducts(
  client: PricingClient,
  input: GetProductsCommandInput,
  options: { abortSignal?: AbortSignal; onPage?: (page: number, items: number) => void } = {},
): Promise<unknown[]> {
  const items: unknown[] = [];
  let nextToken: string | undefined;
  for (let page = 1; page <= MAX_PAGES_PER_QUERY; page += 1) {
    const output = await client.send(
      new GetProductsCommand({ ...input, ...(nextToken ? { NextToken: nextToken } : {}) }),
      options.abortSignal ? { abortSignal: options.abortSignal } : {},
    );
    const priceList: unknown = output.PriceList ?? [];
    if (Array.isArray(priceList)) items.push(...(priceList as unknown[]));
    options.onPage?.(page, items.length);
    nextToken = output.NextToken || undefined;
    if (!nextToken) return items;
  }
  throw new LivePriceError(
    'service',
    `the Price List API returned more than ${MAX_PAGES_PER_QUERY} pages for ${input.ServiceCode}; giving up`,
  );
}

/** A `PricingClient` for the endpoint region of `region`, with per-request timeouts and retries. */
export function createPricingClient(region: string, options: { timeoutMs?: number; maxAttempts?: number } = {}): PricingClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new PricingClient({
    region: pricingEndpointRegion(region),
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: 'standard',
    requestHandler: {
      requestTimeout: Math.min(timeoutMs, 30_000),
      connectionTimeout: Math.min(timeoutMs, 5_000),
    },
  });
}

async function runPool<T>(tasks: Array<() => Promise<T>>, concurrency: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      results[index] = await tasks[index]!();
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
  const instanceTypes = (options.instanceTypes ?? []).filter((t) => INSTANCE_TYPE_PATTERN.test(t));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = options.client ?? createPricingClient(region, { timeoutMs, maxAttempts: options.maxAttempts });
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
          onPage: (page, count) => {
            if (page > 1) progress(`${query.label}: page ${page}, ${count} products`);
          },
        });
        progress(`${query.label}: ${items.length} products`);
        return items;
      }),
      CONCURRENCY,
    );
    const parsed = parsePriceList(region, perQuery.flat(), 'live');
    for (const warning of parsed.warnings) options.onWarning?.(warning);
    if (parsed.mapped === 0) {
      throw new LivePriceError(
        'empty',
        `the AWS Price List API returned no usable prices for ${region}; check the region code, or use --prices snapshot`,
      );
    }
    const p = parsed.prices;
    if (!p.fargate.linuxX86) options.onWarning?.(`no Fargate Linux x86 prices in the price list for ${region}`);
    if (!p.eks.controlPlaneHour) options.onWarning?.(`no EKS control-plane price in the price list for ${region}`);
    const missing = instanceTypes.filter((t) => !p.ec2.onDemandHour[t]);
    if (missing.length > 0) options.onWarning?.(`no EC2 on-demand Linux price for ${missing.join(', ')} in ${region}`);
    return p;
  };

  try {
    return await Promise.race([work(), deadline]);
  } catch (error) {
    throw toLivePriceError(error, { region, endpointRegion });
  } finally {
    clearTimeout(timer);
    if (!options.client) client.destroy();
  }
}
