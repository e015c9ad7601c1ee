import { join } from 'node:path';
import type { Config } from './config.js';
import { type DatabaseHandle, openDatabase } from './db/connect.js';

/** The configured database: the PostgreSQL server at DATABASE_URL, or PGlite in the data dir. */
export function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): DatabaseHandle {
  return openDatabase({ url: config.databaseUrl, pgliteDir: join(config.dataDir, 'pgdata') });
}
