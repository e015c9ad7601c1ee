import type { Kysely } from 'kysely';
import type { ArticleRow, ArticleStatus, Database, DriveAssetRow } from './database.js';
import { type KeysetPage, newestFirstBounds, newestFirstDirection } from './keyset.js';

type Db = Kysely<Database>;

export interface ArticleFilter {
  categoryId?: string;
  tag?: string;
  status?: ArticleStatus;
}

export function findArticle(db: Db, projectId: string, id: string): Promise<ArticleRow | undefined> {
  return db
    .selectFrom('articles')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Newest first, one keyset page, narrowed by category, tag and status. */
export function listArticles(db: Db, projectId: string, filter: ArticleFilter, page: KeysetPage): Promise<ArticleRow[]> {
  const direction = newestFirstDirection(page);
  let query = db.selectFrom('articles').selectAll().where('project_id', '=', projectId);
  if (filter.categoryId) query = query.where('category_id', '=', filter.categoryId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.tag) {
    const tag = filter.tag;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_tags')
          .whereRef('article_tags.article_id', '=', 'articles.id')
          .where('article_tags.tag', '=', tag)
          .select('article_tags.article_id'),
      ),
    );
  }
  return query
    .where((eb) => eb.and(newestFirstBounds(page)))
    .orderBy('created_at', direction)
    .orderBy('id', direction)
    .limit(page.limit)
    .execute();
}

export function insertArticle(
  db: Db,
  article: Pick<ArticleRow, 'project_id' | 'category_id' | 'title' | 'slug' | 'content' | 'status'>,
): Promise<ArticleRow> {
  return db.insertInto('articles').values(article).returningAll().executeTakeFirstOrThrow();
}

export function updateArticle(
  db: Db,
  projectId: string,
  id: string,
  patch: Partial<Pick<ArticleRow, 'category_id' | 'title' | 'content' | 'status'>>,
): Promise<ArticleRow | undefined> {
  return db
    .updateTable('articles')
    .set({ ...patch, updated_at: new Date() })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function deleteArticle(db: Db, projectId: string, id: string): Promise<ArticleRow | undefined> {
  return db
    .deleteFrom('articles')
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function articleSlugs(db: Db, projectId: string, base: string): Promise<string[]> {
  const rows = await db
    .selectFrom('articles')
    .select('slug')
    .where('project_id', '=', projectId)
    .where('slug', 'like', `${base}%`)
    .execute();
  return rows.map((r) => r.slug);
}

export async function tagsOf(db: Db, articleId: string): Promise<string[]> {
  const rows = await db.selectFrom('article_tags').select('tag').where('article_id', '=', articleId).orderBy('tag').execute();
  return rows.map((r) => r.tag);
}

export async function setTags(db: Db, projectId: string, articleId: string, tags: string[]): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  if (tags.length === 0) return;
  await db
    .insertInto('article_tags')
    .values(tags.map((tag) => ({ article_id: articleId, project_id: projectId, tag })))
    .execute();
}

export function listTags(db: Db, projectId: string): Promise<{ name: string; articleCount: number }[]> {
  return db
    .selectFrom('article_tags')
    .select((eb) => ['tag as name', eb.fn.count<number>('article_id').as('articleCount')])
    .where('project_id', '=', projectId)
    .groupBy('tag')
    .orderBy('tag')
    .execute()
    .then((rows) => rows.map((r) => ({ name: r.name, articleCount: Number(r.articleCount) })));
}

export function assetsOf(db: Db, articleId: string): Promise<DriveAssetRow[]> {
  return db
    .selectFrom('article_assets as aa')
    .innerJoin('drive_assets as d', 'd.id', 'aa.asset_id')
    .selectAll('d')
    .where('aa.article_id', '=', articleId)
    .orderBy('aa.position')
    .execute();
}

export async function setAssets(db: Db, articleId: string, assetIds: string[]): Promise<void> {
  await db.deleteFrom('article_assets').where('article_id', '=', articleId).execute();
  if (assetIds.length === 0) return;
  await db
    .insertInto('article_assets')
    .values(assetIds.map((asset_id, position) => ({ article_id: articleId, asset_id, position })))
    .execute();
}
