import { type Kysely, sql } from 'kysely';
import type { CategoryRow, Database } from './database.js';

type Db = Kysely<Database>;

export function findCategory(db: Db, projectId: string, id: string): Promise<CategoryRow | undefined> {
  return db
    .selectFrom('categories')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listCategories(db: Db, projectId: string, parentId?: string | null): Promise<CategoryRow[]> {
  let query = db.selectFrom('categories').selectAll().where('project_id', '=', projectId);
  if (parentId !== undefined) query = query.where('parent_id', parentId === null ? 'is' : '=', parentId);
  return query.orderBy('name').orderBy('id').execute();
}

export function insertCategory(
  db: Db,
  category: { project_id: string; parent_id: string | null; name: string; slug: string },
): Promise<CategoryRow> {
  return db.insertInto('categories').values(category).returningAll().executeTakeFirstOrThrow();
}

export function updateCategory(
  db: Db,
  projectId: string,
  id: string,
  patch: { name?: string; slug?: string; parent_id?: string | null },
): Promise<CategoryRow | undefined> {
  return db
    .updateTable('categories')
    .set({ ...patch, updated_at: new Date() })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function deleteCategory(db: Db, projectId: string, id: string): Promise<CategoryRow | undefined> {
  return db
    .deleteFrom('categories')
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** What still hangs off a category: child categories and articles. */
export async function categoryContents(db: Db, id: string): Promise<{ children: number; articles: number }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('categories').where('parent_id', '=', id).select(eb.fn.countAll<number>().as('n')).as('children'),
      eb.selectFrom('articles').where('category_id', '=', id).select(eb.fn.countAll<number>().as('n')).as('articles'),
    ])
    .executeTakeFirstOrThrow();
  return { children: Number(row.children), articles: Number(row.articles) };
}

/** True when `candidate` is `id` itself or lies below it: making it the parent would close a cycle. */
export async function isSelfOrDescendant(db: Db, id: string, candidate: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    with recursive up as (
      select id, parent_id from categories where id = ${candidate}
      union
      select c.id, c.parent_id from categories c join up on c.id = up.parent_id
    )
    select exists (select 1 from up where id = ${id}) as found`.execute(db);
  return rows[0]?.found === true;
}

/** Slugs among the category's future siblings that start with `base`. */
export async function siblingSlugs(db: Db, projectId: string, parentId: string | null, base: string, exceptId?: string): Promise<string[]> {
  let query = db
    .selectFrom('categories')
    .select('slug')
    .where('project_id', '=', projectId)
    .where('parent_id', parentId === null ? 'is' : '=', parentId)
    .where('slug', 'like', `${base}%`);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.execute()).map((r) => r.slug);
}
