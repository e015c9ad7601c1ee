import type { Kysely } from 'kysely';
import * as articles from '../db/articles.js';
import type { ArticleFilter } from '../db/articles.js';
import type { Database } from '../db/database.js';
import type { KeysetPage } from '../db/keyset.js';
import { lockProject } from '../db/projects.js';
import { NotFoundError } from '../errors.js';
import { slugBase, uniqueSlug } from '../slugs.js';
import { createArticleInput, parseInput, updateArticleInput } from '../validation.js';
import { type Article, type DriveAsset, toArticle, toDriveAsset } from './model.js';
import { projectReferences } from './references.js';

type Db = Kysely<Database>;

/** Articles: a slug unique in the project (kept when the title changes), one category, tags, assets. */
export class ArticleService {
  constructor(private readonly db: Db) {}

  async get(projectId: string, id: string): Promise<Article | null> {
    const row = await articles.findArticle(this.db, projectId, id);
    return row ? toArticle(row) : null;
  }

  async list(projectId: string, filter: ArticleFilter, page: KeysetPage): Promise<Article[]> {
    return (await articles.listArticles(this.db, projectId, filter, page)).map(toArticle);
  }

  tags(articleId: string): Promise<string[]> {
    return articles.tagsOf(this.db, articleId);
  }

  async assets(articleId: string): Promise<DriveAsset[]> {
    return (await articles.assetsOf(this.db, articleId)).map(toDriveAsset);
  }

  allTags(projectId: string) {
    return articles.listTags(this.db, projectId);
  }

  async create(projectId: string, rawInput: unknown): Promise<Article> {
    return this.db.transaction().execute(async (trx) => {
      const input = await parseInput(createArticleInput(projectReferences(trx, projectId)), rawInput);
      // Creates in a project take turns choosing a slug, so two equal titles get "x" and "x-2".
      await lockProject(trx, projectId);
      const base = slugBase(input.title, 'article');
      const taken = await articles.articleSlugs(trx, projectId, base);
      const row = await articles.insertArticle(trx, {
        project_id: projectId,
        category_id: input.categoryId,
        title: input.title,
        slug: uniqueSlug(base, taken),
        content: input.content,
        status: input.status,
      });
      await articles.setTags(trx, projectId, row.id, input.tags);
      await articles.setAssets(trx, row.id, input.assetIds);
      return toArticle(row);
    });
  }

  async update(projectId: string, id: string, rawInput: unknown): Promise<Article> {
    return this.db.transaction().execute(async (trx) => {
      const input = await parseInput(updateArticleInput(projectReferences(trx, projectId)), rawInput);
      const row = await articles.updateArticle(trx, projectId, id, {
        title: input.title,
        content: input.content,
        category_id: input.categoryId,
        status: input.status,
      });
      if (!row) throw new NotFoundError('Article');
      if (input.tags) await articles.setTags(trx, projectId, id, input.tags);
      if (input.assetIds) await articles.setAssets(trx, id, input.assetIds);
      return toArticle(row);
    });
  }

  async delete(projectId: string, id: string): Promise<string> {
    const row = await articles.deleteArticle(this.db, projectId, id);
    if (!row) throw new NotFoundError('Article');
    return row.id;
  }
}
