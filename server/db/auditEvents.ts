import type { Kysely } from 'kysely';
import type { Actor } from '../principal.js';
import type { AuditEventRow, Database } from './database.js';
import { type KeysetPage, newestFirstBounds, newestFirstDirection } from './keyset.js';

type Db = Kysely<Database>;

export interface AuditEntry {
  projectId: string;
  actor: Actor;
  action: string;
  apiToken?: { id: string; name: string };
  details?: object;
}

/** Call with the transaction that makes the change, so the record and the change commit together. */
export async function recordAuditEvent(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      project_id: entry.projectId,
      actor_kind: entry.actor.kind,
      actor_id: entry.actor.id,
      action: entry.action,
      api_token_id: entry.apiToken?.id ?? null,
      api_token_name: entry.apiToken?.name ?? null,
      details: JSON.stringify(entry.details ?? {}),
      client_address: entry.actor.clientAddress,
    })
    .execute();
}

/** Newest first, one keyset page. */
export function listAuditEvents(db: Db, projectId: string, page: KeysetPage): Promise<AuditEventRow[]> {
  const direction = newestFirstDirection(page);
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('project_id', '=', projectId)
    .where((eb) => eb.and(newestFirstBounds(page, 'occurred_at')))
    .orderBy('occurred_at', direction)
    .orderBy('id', direction)
    .limit(page.limit)
    .execute();
}

export async function countAuditEvents(db: Db, projectId: string): Promise<number> {
  const { count } = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('project_id', '=', projectId)
    .executeTakeFirstOrThrow();
  return Number(count);
}
