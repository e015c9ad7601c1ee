import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';

/** Which database the suite runs on: the PostgreSQL server at DATABASE_URL, or PGlite. */
export const DATABASE_KIND = process.env.DATABASE_URL ? 'postgres' : 'pglite';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Opens a second handle on the same data, as a restarted or second process would. */
  reopen(): DatabaseHandle;
  /** Closes every handle and drops what was created for this test. */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database: a new database on the PostgreSQL server named
 * by DATABASE_URL, or a PGlite one (in memory, or in `pgliteDir` to test restarts).
 */
export async function createTestDatabase(options: { pgliteDir?: string } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const handles: DatabaseHandle[] = [];
  const open = (target: Parameters<typeof openDatabase>[0]) => {
    const handle = openDatabase(target);
    handles.push(handle);
    return handle;
  };

  if (!serverUrl) {
    const pgliteDir = options.pgliteDir ?? null;
    const handle = open({ url: null, pgliteDir });
    await migrateToLatest(handle.db);
    return {
      handle,
      reopen: () => {
        if (!pgliteDir) throw new Error('reopen needs a pgliteDir');
        return open({ url: null, pgliteDir });
      },
      destroy: async () => {
        for (const h of handles) await h.close();
      },
    };
  }

  const name = `kbgate_test_${randomBytes(6).toString('hex')}`;
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) }),
  });
  await sql`create database ${sql.id(name)}`.execute(admin);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = open({ url: url.toString(), pgliteDir: null });
  await migrateToLatest(handle.db);
  return {
    handle,
    reopen: () => open({ url: url.toString(), pgliteDir: null }),
    destroy: async () => {
      for (const h of handles) await h.close();
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
      await admin.destroy();
    },
  };
}
