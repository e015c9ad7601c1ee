import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('categories')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('parent_id', 'uuid', (c) => c.references('categories.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Slugs are unique among siblings; top-level categories are siblings of each other.
  await sql`create unique index categories_sibling_slug_key
    on categories (project_id, parent_id, slug) nulls not distinct`.execute(db);
  await db.schema.createIndex('categories_parent_idx').on('categories').column('parent_id').execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('category_id', 'uuid', (c) => c.notNull().references('categories.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('DRAFT', 'PUBLISHED')`))
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('articles_project_slug_key').on('articles').columns(['project_id', 'slug']).unique().execute();
  await db.schema
    .createIndex('articles_project_created_idx')
    .on('articles')
    .columns(['project_id', 'created_at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('articles_category_created_idx')
    .on('articles')
    .columns(['category_id', 'created_at desc', 'id desc'])
    .execute();

  await db.schema
    .createTable('article_tags')
    .addColumn('article_id', 'uuid', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_tags_pkey', ['article_id', 'tag'])
    .execute();
  await db.schema.createIndex('article_tags_project_tag_idx').on('article_tags').columns(['project_id', 'tag']).execute();

  await db.schema
    .createTable('drive_assets')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('drive_assets_project_created_idx')
    .on('drive_assets')
    .columns(['project_id', 'created_at desc', 'id desc'])
    .execute();
  // The bytes live apart so that listing assets never reads them.
  await db.schema
    .createTable('drive_asset_contents')
    .addColumn('asset_id', 'uuid', (c) => c.primaryKey().references('drive_assets.id').onDelete('cascade'))
    .addColumn('data', 'bytea', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('article_assets')
    .addColumn('article_id', 'uuid', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('asset_id', 'uuid', (c) => c.notNull().references('drive_assets.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_assets_pkey', ['article_id', 'asset_id'])
    .execute();
  await db.schema.createIndex('article_assets_asset_idx').on('article_assets').column('asset_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['article_assets', 'drive_asset_contents', 'drive_assets', 'article_tags', 'articles', 'categories']) {
    await db.schema.dropTable(table).execute();
  }
}
