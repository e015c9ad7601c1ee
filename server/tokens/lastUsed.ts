import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * Records when API tokens were last used without a write on the request path:
 * uses are noted in memory and flushed in one statement every `flushMs`, and a
 * token is written at most once per `minGapMs` from this process.
 */
export class LastUsedRecorder {
  private readonly lastNoted = new Map<string, number>();
  private pending = new Map<string, Date>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: { clock: () => number; flushMs?: number; minGapMs?: number; onError?: (error: unknown) => void },
  ) {}

  note(tokenId: string): void {
    const now = this.options.clock();
    const last = this.lastNoted.get(tokenId);
    if (last !== undefined && now - last < (this.options.minGapMs ?? 60_000)) return;
    this.lastNoted.set(tokenId, now);
    this.pending.set(tokenId, new Date(now));
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending];
    this.pending = new Map();
    const rows = sql.join(batch.map(([id, at]) => sql`(cast(${id} as uuid), cast(${at.toISOString()} as timestamptz))`));
    try {
      await sql`
        update api_tokens set last_used_at = used.at
        from (values ${rows}) as used(id, at)
        where api_tokens.id = used.id and (last_used_at is null or last_used_at < used.at)`.execute(this.db);
    } catch (error) {
      // Keep what failed for the next flush, unless a newer use replaced it meanwhile.
      for (const [id, at] of batch) if (!this.pending.has(id)) this.pending.set(id, at);
      throw error;
    }
    const horizon = this.options.clock() - (this.options.minGapMs ?? 60_000);
    for (const [id, at] of this.lastNoted) if (at < horizon) this.lastNoted.delete(id);
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.flush().catch((error) => this.options.onError?.(error));
    }, this.options.flushMs ?? 2_000);
    this.timer.unref();
  }

  /** Stops the timer and writes what is still pending. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}
