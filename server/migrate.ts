import { loadConfig } from './config.js';
import { openConfiguredDatabase } from './database.js';
import { migrateToLatest } from './db/migrate.js';

/** `npm run migrate`: bring the configured database to the latest schema, then exit. */
const database = openConfiguredDatabase(loadConfig());
try {
  const results = await migrateToLatest(database.db);
  for (const r of results) console.log(`${r.status}: ${r.migrationName}`);
  if (results.length === 0) console.log('already at the latest schema');
} finally {
  await database.close();
}
