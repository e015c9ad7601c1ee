import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';

const WINDOW_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** Requests left in this window, as far as this process knows. */
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

interface Lease {
  window: number;
  /** The limit the lease was taken under; a new limit re-opens an exhausted window. */
  limit: number;
  /** Requests this process may still grant without asking the database. */
  leased: number;
  /** Requests granted in this window over all processes, at the last lease. */
  grantedEverywhere: number;
  exhausted: boolean;
}

/**
 * Per-token requests per minute, in total over every process on the database.
 * A process leases a slice of a token's minute from PostgreSQL (one atomic
 * UPDATE that never lets the sum pass the limit) and spends it locally, so
 * there is no database round trip per request and no overshoot: at worst, a
 * slice leased by a process that then goes quiet is not used by the others.
 */
export class TokenRateLimiter {
  private readonly leases = new Map<string, Lease>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => number,
  ) {}

  async take(tokenId: string, limit: number): Promise<RateDecision> {
    const now = this.clock();
    const window = Math.floor(now / WINDOW_MS);
    const resetSeconds = Math.ceil(((window + 1) * WINDOW_MS - now) / 1000);
    let lease = this.leases.get(tokenId);
    if (!lease || lease.window !== window) {
      lease = { window, limit, leased: 0, grantedEverywhere: 0, exhausted: false };
      this.leases.set(tokenId, lease);
    } else if (lease.limit !== limit) {
      lease.limit = limit;
      lease.exhausted = false;
    }
    // Concurrent requests of one token wait for the same lease instead of each asking.
    while (lease.leased === 0 && !lease.exhausted) {
      const inFlight = this.pending.get(tokenId) ?? this.renew(tokenId, lease, limit);
      this.pending.set(tokenId, inFlight);
      await inFlight.finally(() => this.pending.delete(tokenId));
    }
    const remaining = () => Math.max(0, limit - lease.grantedEverywhere + lease.leased);
    if (lease.leased === 0) return { allowed: false, limit, remaining: 0, resetSeconds };
    lease.leased -= 1;
    return { allowed: true, limit, remaining: remaining(), resetSeconds };
  }

  private async renew(tokenId: string, lease: Lease, limit: number): Promise<void> {
    const windowStart = new Date(lease.window * WINDOW_MS);
    // A slice of about a twentieth of the minute; the last requests one at a time.
    for (const slice of [Math.max(1, Math.floor(limit / 20)), 1]) {
      const { rows } = await sql<{ granted: number }>`
        insert into rate_limit_windows as w (token_id, window_start, granted)
        values (${tokenId}, ${windowStart}, ${slice})
        on conflict (token_id, window_start) do update set granted = w.granted + ${slice}
          where w.granted + ${slice} <= ${limit}
        returning granted`.execute(this.db);
      if (rows[0] && rows[0].granted <= limit) {
        lease.leased += slice;
        lease.grantedEverywhere = rows[0].granted;
        return;
      }
      if (slice === 1) break;
    }
    lease.exhausted = true;
    lease.grantedEverywhere = limit;
  }

  /** Drops windows older than an hour; called now and then by one process or another. */
  async prune(): Promise<void> {
    await this.db
      .deleteFrom('rate_limit_windows')
      .where('window_start', '<', new Date(this.clock() - 3_600_000))
      .execute();
  }
}
