import type { Kysely } from 'kysely';
import type { Database, NewProject, ProjectRow, ProjectUpdate } from './database.js';
import { type KeysetPage, newestFirstBounds, newestFirstDirection } from './keyset.js';

type Db = Kysely<Database>;

export function findProject(db: Db, id: string): Promise<ProjectRow | undefined> {
  return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the project row until the transaction ends: serialises token creation per project. */
export function lockProject(trx: Db, id: string): Promise<ProjectRow | undefined> {
  return trx.selectFrom('projects').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertProject(db: Db, project: NewProject): Promise<ProjectRow> {
  return db.insertInto('projects').values(project).returningAll().executeTakeFirstOrThrow();
}

export function updateProject(db: Db, id: string, patch: ProjectUpdate): Promise<ProjectRow | undefined> {
  return db
    .updateTable('projects')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function countProjects(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom('projects')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Newest first, one keyset page. */
export function listProjects(db: Db, page: KeysetPage): Promise<ProjectRow[]> {
  const direction = newestFirstDirection(page);
  return db
    .selectFrom('projects')
    .selectAll()
    .where((eb) => eb.and(newestFirstBounds(page)))
    .orderBy('created_at', direction)
    .orderBy('id', direction)
    .limit(page.limit)
    .execute();
}
