import type { Kysely } from 'kysely';
import { countAuditEvents, listAuditEvents } from '../db/auditEvents.js';
import type { Database } from '../db/database.js';
import type { KeysetPage } from '../db/keyset.js';
import { type AuditEvent, toAuditEvent } from './model.js';

/** A project's audit log, for its OWNERs and ADMINs. */
export class AuditService {
  constructor(private readonly db: Kysely<Database>) {}

  async list(projectId: string, page: KeysetPage): Promise<AuditEvent[]> {
    return (await listAuditEvents(this.db, projectId, page)).map(toAuditEvent);
  }

  count(projectId: string): Promise<number> {
    return countAuditEvents(this.db, projectId);
  }
}
