import type { Kysely } from 'kysely';
import { findApiTokenByDigest, type TokenForVerification } from '../db/apiTokens.js';
import type { Database } from '../db/database.js';
import { planIncludesApiTokens } from '../plans.js';
import { isWellFormedToken } from './format.js';
import { digestToken } from './secrets.js';

/**
 * Turns a presented API token into its record, or null. Every check that
 * needs no database (shape, checksum) runs first. This is the one place a
 * verification cache will go; today each request reads the row, so a change
 * holds for the next request on every process.
 */
export class TokenVerifier {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly digestKey: Buffer,
  ) {}

  async verify(token: string): Promise<TokenForVerification | null> {
    if (!isWellFormedToken(token)) return null;
    const found = await findApiTokenByDigest(this.db, digestToken(token, this.digestKey));
    if (!found || !planIncludesApiTokens(found.plan)) return null;
    return found;
  }
}
