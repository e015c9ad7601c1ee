/** One entry of a GraphQL response's `errors`, as the server sent it. */
export interface GraphQLErrorPayload {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: Record<string, unknown>;
}

/** Base of every error the client throws. Messages never contain the credential. */
export class KbgateError extends Error {
  override name = 'KbgateError';
  /** HTTP status of the response, when there was one. */
  readonly status: number | undefined;

  constructor(message: string, options: { status?: number | undefined; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
  }
}

/** The credential is missing, malformed, unknown, deleted or expired (HTTP 401, `UNAUTHENTICATED`). */
export class AuthenticationError extends KbgateError {
  override name = 'AuthenticationError';
  constructor(
    message: string,
    readonly errors: GraphQLErrorPayload[],
    status?: number,
  ) {
    super(message, { status });
  }
}

/** The credential is valid but may not do this (`FORBIDDEN`); nothing was changed. */
export class ForbiddenError extends KbgateError {
  override name = 'ForbiddenError';
  /** For an API token: the HTTP method the field needs among its allowed methods. */
  readonly requiredMethod: string | undefined;

  constructor(
    message: string,
    readonly errors: GraphQLErrorPayload[],
    status?: number,
  ) {
    super(message, { status });
    const required = errors.find((e) => e.extensions?.code === 'FORBIDDEN')?.extensions?.requiredMethod;
    this.requiredMethod = typeof required === 'string' ? required : undefined;
  }
}

/** Too many requests (HTTP 429); the fields are those of the response's rate-limit headers, when present. */
export class RateLimitError extends KbgateError {
  override name = 'RateLimitError';
  /** `X-RateLimit-Limit`: requests allowed per window. */
  readonly limit: number | undefined;
  /** `X-RateLimit-Remaining`: requests left in the window. */
  readonly remaining: number | undefined;
  /** `X-RateLimit-Reset`: the header's value, as the server sent it. */
  readonly reset: number | undefined;
  /** `Retry-After`, in seconds (an HTTP date is turned into seconds from now). */
  readonly retryAfter: number | undefined;

  constructor(message: string, headers: { get(name: string): string | null }, status = 429) {
    super(message, { status });
    this.limit = numberHeader(headers, 'x-ratelimit-limit');
    this.remaining = numberHeader(headers, 'x-ratelimit-remaining');
    this.reset = numberHeader(headers, 'x-ratelimit-reset');
    this.retryAfter = retryAfterSeconds(headers.get('retry-after'));
  }
}

/** The server could not be reached, or answered with something that is not a GraphQL response. */
export class NetworkError extends KbgateError {
  override name = 'NetworkError';
}

/** A drive link was refused: 403 when it expired, was altered or its token was deleted; 404 when the asset was deleted. */
export class DriveLinkError extends KbgateError {
  override name = 'DriveLinkError';
  constructor(
    readonly reason: 'INVALID_OR_EXPIRED' | 'NOT_FOUND',
    message: string,
    status: number,
  ) {
    super(message, { status });
  }
}

/** Any other GraphQL error (bad query, masked server error…); `errors` is the response's array. */
export class GraphQLRequestError extends KbgateError {
  override name = 'GraphQLRequestError';
  constructor(
    message: string,
    readonly errors: GraphQLErrorPayload[],
    status?: number,
    /** What the response carried besides the errors, if anything. */
    readonly data?: unknown,
  ) {
    super(message, { status });
  }
}

function numberHeader(headers: { get(name: string): string | null }, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function retryAfterSeconds(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
