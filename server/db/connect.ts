import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './database.js';

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface DatabaseTarget {
  /** postgres:// URL of a server; null: embedded PGlite. */
  url: string | null;
  /** PGlite's data directory; null keeps it in memory (tests). */
  pgliteDir: string | null;
}

export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  if (target.url) {
    // The application name tells this process's connections apart in pg_stat_activity.
    const pool = new pg.Pool({ connectionString: target.url, max: 10, application_name: `kbgate-${process.pid}` });
    // An idle client that loses its server must not take the process down with it.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const pglite = target.pgliteDir ? new PGlite(target.pgliteDir) : new PGlite();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

export async function isDatabaseUp(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
