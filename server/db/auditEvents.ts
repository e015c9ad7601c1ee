import type { Kysely } from 'kysely';
import type { Actor } from '../principal.js';
import type { AuditEventRow, Database } from './database.js';

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

export function listAuditEvents(db: Db, projectId: string): Promise<AuditEventRow[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
