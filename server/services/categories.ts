import type { Kysely } from 'kysely';
import * as articles from '../db/articles.js';
import * as categories from '../db/categories.js';
import type { Database } from '../db/database.js';
import type { KeysetPage } from '../db/keyset.js';
import { lockProject } from '../db/projects.js';
import { CategoryNotEmptyError, NotFoundError, ValidationError } from '../errors.js';
import { slugBase, uniqueSlug } from '../slugs.js';
import { createCategoryInput, parseInput, updateCategoryInput } from '../validation.js';
import { type Article, type Category, toArticle, toCategory } from './model.js';
import { projectReferences } from './references.js';

type Db = Kysely<Database>;

/** The category tree of a project: slugs unique among siblings, no cycles, no orphans. */
export class CategoryService {
  constructor(private readonly db: Db) {}

  async get(projectId: string, id: string): Promise<Category | null> {
    const row = await categories.findCategory(this.db, projectId, id);
    return row ? toCategory(row) : null;
  }

  async list(projectId: string): Promise<Category[]> {
    return (await categories.listCategories(this.db, projectId)).map(toCategory);
  }

  async children(projectId: string, parentId: string): Promise<Category[]> {
    return (await categories.listCategories(this.db, projectId, parentId)).map(toCategory);
  }

  async articles(projectId: string, categoryId: string, page: KeysetPage): Promise<Article[]> {
    return (await articles.listArticles(this.db, projectId, { categoryId }, page)).map(toArticle);
  }

  async create(projectId: string, rawInput: unknown): Promise<Category> {
    return this.db.transaction().execute(async (trx) => {
      const input = await parseInput(createCategoryInput(projectReferences(trx, projectId)), rawInput);
      // Changes to a project's tree take turns: slugs stay unique and moves cannot race into a cycle.
      await lockProject(trx, projectId);
      const slug = await this.freeSlug(trx, projectId, input.parentId, input.name);
      const row = await categories.insertCategory(trx, {
        project_id: projectId,
        parent_id: input.parentId,
        name: input.name,
        slug,
      });
      return toCategory(row);
    });
  }

  async update(projectId: string, id: string, rawInput: unknown): Promise<Category> {
    return this.db.transaction().execute(async (trx) => {
      const input = await parseInput(updateCategoryInput(projectReferences(trx, projectId)), rawInput);
      await lockProject(trx, projectId);
      const before = await categories.findCategory(trx, projectId, id);
      if (!before) throw new NotFoundError('Category');
      const parentId = input.parentId === undefined ? before.parent_id : input.parentId;
      if (parentId !== null && input.parentId !== undefined) {
        if (await categories.isSelfOrDescendant(trx, id, parentId)) {
          throw new ValidationError([
            { path: ['parentId'], message: 'would make the category its own ancestor' },
          ]);
        }
      }
      const name = input.name ?? before.name;
      const moved = parentId !== before.parent_id;
      const renamed = name !== before.name;
      const slug = moved || renamed ? await this.freeSlug(trx, projectId, parentId, name, id) : before.slug;
      const row = await categories.updateCategory(trx, projectId, id, { name, slug, parent_id: parentId });
      if (!row) throw new NotFoundError('Category');
      return toCategory(row);
    });
  }

  async delete(projectId: string, id: string): Promise<string> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await categories.findCategory(trx, projectId, id))) throw new NotFoundError('Category');
      const contents = await categories.categoryContents(trx, id);
      if (contents.children > 0 || contents.articles > 0) {
        throw new CategoryNotEmptyError(contents.children, contents.articles);
      }
      await categories.deleteCategory(trx, projectId, id);
      return id;
    });
  }

  private async freeSlug(db: Db, projectId: string, parentId: string | null, name: string, exceptId?: string) {
    const base = slugBase(name, 'category');
    return uniqueSlug(base, await categories.siblingSlugs(db, projectId, parentId, base, exceptId));
  }
}
