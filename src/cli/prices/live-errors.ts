import { clip } from '../sanitize.js';

/** How much of a server's own error text is shown. */
const MAX_DETAIL_CHARS = 200;

/**
 * The one error a live price fetch throws. `code` says what went wrong in a way the CLI can act
 * on; `message` is written for the user and says what to do about it.
 */
export const LIVE_PRICE_ERROR_CODES = [
  'credentials',
  'access-denied',
  'throttled',
  'timeout',
  'network',
  'empty',
  'invalid-region',
  'service',
  /** A response (or a region's responses together) over the size cap. */
  'too-large',
  /** The per-region request cap was reached. */
  'too-many-requests',
  /** The answer lacked prices every option needs (see completeness.ts). */
  'incomplete',
] as const;
export type LivePriceErrorCode = (typeof LIVE_PRICE_ERROR_CODES)[number];

export class LivePriceError extends Error {
  override readonly name = 'LivePriceError';
  constructor(
    readonly code: LivePriceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface SdkLikeError {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $retryable?: { throttling?: unknown };
  cause?: unknown;
}

const THROTTLING = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown']);
const ACCESS_DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'AuthFailure',
  'NotAuthorized',
]);
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
]);

function networkCode(error: SdkLikeError, depth = 0): string | undefined {
  if (depth > 3) return undefined;
  if (typeof error.code === 'string' && NETWORK_CODES.has(error.code)) return error.code;
  const cause = error.cause;
  if (typeof cause === 'object' && cause !== null) return networkCode(cause as SdkLikeError, depth + 1);
  return undefined;
}

/** Turns whatever the SDK threw into a `LivePriceError` with advice. */
export function toLivePriceError(error: unknown, context: { region: string; endpointRegion: string }): LivePriceError {
  if (error instanceof LivePriceError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkLikeError;
  // The server's own words are shown, but sanitised (no terminal escapes), on one line, and cut
  // short; the SDK's multi-line "Deserialization error" hint is dropped.
  const name = typeof e.name === 'string' ? clip(e.name, 60) : '';
  const rawDetail = typeof e.message === 'string' && e.message ? e.message : String(error);
  const detail = clip(rawDetail.split('\n')[0]!.trim(), MAX_DETAIL_CHARS);
  const where = `the AWS Price List API (pricing endpoint ${context.endpointRegion}) for ${context.region}`;

  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(detail)) {
    return new LivePriceError(
      'credentials',
      `no AWS credentials found for ${where}. Configure credentials (AWS_PROFILE, \`aws sso login\`, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), or use --prices snapshot.`,
      { cause: error },
    );
  }
  if (EXPIRED.has(name)) {
    return new LivePriceError(
      'credentials',
      `your AWS credentials have expired (${name}); refresh them (e.g. \`aws sso login\`) and retry, or use --prices snapshot.`,
      {
        cause: error,
      },
    );
  }
  if (ACCESS_DENIED.has(name) || e.$metadata?.httpStatusCode === 403) {
    return new LivePriceError(
      'access-denied',
      `access denied by ${where} (${name || 'HTTP 403'}: ${detail}). The identity needs the IAM permission \`pricing:GetProducts\`; or use --prices snapshot.`,
      { cause: error },
    );
  }
  if (THROTTLING.has(name) || e.$retryable?.throttling === true) {
    return new LivePriceError(
      'throttled',
      `${where} kept throttling requests after retries (${name}); wait a minute and retry, or use --prices snapshot.`,
      {
        cause: error,
      },
    );
  }
  if (name === 'TimeoutError' || name === 'AbortError' || /timed? ?out/i.test(detail)) {
    return new LivePriceError('timeout', `${where} did not answer in time (${detail}); check your network or retry later.`, {
      cause: error,
    });
  }
  const net = networkCode(e);
  if (net) {
    return new LivePriceError(
      'network',
      `could not reach ${where} (${net}); check your network, proxy or AWS_ENDPOINT_URL_PRICING, or use --prices snapshot.`,
      {
        cause: error,
      },
    );
  }
  return new LivePriceError('service', `${where} failed: ${name ? `${name}: ` : ''}${detail}`, { cause: error });
}
