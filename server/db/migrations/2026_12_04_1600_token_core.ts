import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('projects')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) =>
      c.notNull().check(sql`plan in ('FREE', 'STANDARD', 'PROFESSIONAL', 'BUSINESS', 'ENTERPRISE')`),
    )
    .addColumn('api_token_limit', 'integer', (c) =>
      c.check(sql`api_token_limit between 0 and 1000`),
    )
    .addColumn('rate_limit_per_minute', 'integer', (c) =>
      c.check(sql`rate_limit_per_minute between 1 and 100000`),
    )
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('projects_created_at_id_idx')
    .on('projects')
    .columns(['created_at', 'id'])
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('project_id', 'uuid', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_digest', 'bytea', (c) => c.notNull())
    .addColumn('token_ciphertext', 'bytea', (c) => c.notNull())
    .addColumn('masked_token', 'text', (c) => c.notNull())
    .addColumn('allowed_methods', sql`text[]`, (c) =>
      c.notNull().check(sql`cardinality(allowed_methods) > 0`),
    )
    .addColumn('drive_asset_access_validity_minutes', 'integer', (c) =>
      c.notNull().defaultTo(15).check(sql`drive_asset_access_validity_minutes between 15 and 2160`),
    )
    .addColumn('created_by', 'text')
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', sql`timestamptz(3)`)
    .execute();
  await db.schema
    .createIndex('api_tokens_token_digest_key')
    .on('api_tokens')
    .column('token_digest')
    .unique()
    .execute();
  await db.schema
    .createIndex('api_tokens_project_name_key')
    .on('api_tokens')
    .expression(sql`project_id, lower(name)`)
    .unique()
    .execute();
  await db.schema
    .createIndex('api_tokens_project_created_idx')
    .on('api_tokens')
    .columns(['project_id', 'created_at desc', 'id desc'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('api_token_id', 'uuid')
    .addColumn('api_token_name', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('client_address', 'text')
    .addColumn('occurred_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('audit_events_project_occurred_idx')
    .on('audit_events')
    .columns(['project_id', 'occurred_at desc', 'id desc'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_events').execute();
  await db.schema.dropTable('api_tokens').execute();
  await db.schema.dropTable('projects').execute();
}
