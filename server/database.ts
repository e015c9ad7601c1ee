import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';
import { type DatabaseHandle, openDatabase } from './db/connect.js';

/** The configured database: the PostgreSQL server at DATABASE_URL, or PGlite in the data dir. */
export function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): DatabaseHandle {
  if (config.databaseUrl) return openDatabase({ url: config.databaseUrl, pgliteDir: null });
  const pgliteDir = join(config.dataDir, 'pgdata');
  mkdirSync(pgliteDir, { recursive: true, mode: 0o700 });
  return openDatabase({ url: null, pgliteDir });
}
