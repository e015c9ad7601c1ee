import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Requests granted per API token and minute, summed over every server process.
  await db.schema
    .createTable('rate_limit_windows')
    .addColumn('token_id', 'uuid', (c) => c.notNull())
    .addColumn('window_start', sql`timestamptz(0)`, (c) => c.notNull())
    .addColumn('granted', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_windows_pkey', ['token_id', 'window_start'])
    .execute();
  await db.schema.createIndex('rate_limit_windows_start_idx').on('rate_limit_windows').column('window_start').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_windows').execute();
}
