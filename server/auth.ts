import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { rateLimitPerMinute } from './plans.js';
import type { Principal } from './principal.js';
import { looksLikeJwt, verifyAdminSession } from './sessions.js';
import { looksLikeToken } from './tokens/format.js';
import type { TokenVerifier } from './tokens/verify.js';

/** One message for every reason a credential is refused, so none can be told apart. */
export const UNAUTHENTICATED_MESSAGE = 'Missing, invalid or expired credential';

export function unauthenticated(): GraphQLError {
  return new GraphQLError(UNAUTHENTICATED_MESSAGE, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="kbgate"' } },
    },
  });
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/** Turns a request's credential into a principal, once per request. */
export class Authenticator {
  private readonly operatorKeyDigest: Buffer;

  constructor(
    private readonly options: {
      sessionKey: Uint8Array;
      operatorKey: string;
      verifier: TokenVerifier;
      /** Told of every accepted API token, e.g. to record when it was last used. */
      onTokenUsed?: (tokenId: string) => void;
    },
  ) {
    this.operatorKeyDigest = sha256(options.operatorKey);
  }

  /** null when no credential was presented; throws UNAUTHENTICATED for a bad one. */
  async authenticate(headers: Headers): Promise<Principal | null> {
    const credential = presentedCredential(headers);
    if (credential === null) return null;
    const principal = await this.resolve(credential);
    if (!principal) throw unauthenticated();
    return principal;
  }

  private async resolve(credential: string): Promise<Principal | null> {
    if (looksLikeToken(credential)) {
      const token = await this.options.verifier.verify(credential);
      if (!token) return null;
      const { plan, rate_limit_per_minute, ...record } = token;
      this.options.onTokenUsed?.(record.id);
      return {
        kind: 'API_TOKEN',
        projectId: record.project_id,
        token: record,
        allowedMethods: record.allowed_methods,
        rateLimitPerMinute: rateLimitPerMinute(plan, rate_limit_per_minute),
      };
    }
    if (looksLikeJwt(credential)) {
      const claims = await verifyAdminSession(this.options.sessionKey, credential);
      return claims && { kind: 'ADMIN', ...claims };
    }
    return timingSafeEqual(sha256(credential), this.operatorKeyDigest) ? { kind: 'OPERATOR' } : null;
  }
}

/**
 * `Authorization: Bearer <credential>`, or Document360's `api_token` header.
 * Returns '' (refused) for a header that is there but not a bearer credential.
 */
function presentedCredential(headers: Headers): string | null {
  const authorization = headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    return match ? match[1]! : '';
  }
  const apiToken = headers.get('api_token');
  return apiToken === null ? null : apiToken.trim();
}
