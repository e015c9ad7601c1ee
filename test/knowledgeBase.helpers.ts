import { randomUUID } from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { expect } from 'vitest';
import { globalId, type TestApp } from './support/app.js';
import { upload } from './support/kb.js';

// Queries and helpers shared by knowledgeBase.categories.test.ts and knowledgeBase.content.test.ts.

const ERROR = `... on Error { code message }`;
const INVALID = `... on ValidationError { fieldErrors { path message } }`;
const CATEGORY = `id name slug parent { id } children { id name slug }`;
const ARTICLE = `id title slug content status category { id } tags assets { id fileName } createdAt updatedAt`;

export const Q = {
  createCategory: `mutation ($input: CreateCategoryInput!) {
    createCategory(input: $input) { __typename ${ERROR} ${INVALID} ... on CreateCategorySuccess { category { ${CATEGORY} } } }
  }`,
  updateCategory: `mutation ($input: UpdateCategoryInput!) {
    updateCategory(input: $input) { __typename ${ERROR} ${INVALID} ... on UpdateCategorySuccess { category { ${CATEGORY} } } }
  }`,
  deleteCategory: `mutation ($input: DeleteCategoryInput!) {
    deleteCategory(input: $input) {
      __typename ${ERROR}
      ... on DeleteCategorySuccess { deletedId }
      ... on CategoryNotEmptyError { childCount articleCount }
    }
  }`,
  category: `query ($id: ID!) { category(id: $id) { ${CATEGORY} parent { id name parent { id name } } } }`,
  categories: `{ categories { id name slug parent { id } } }`,
  createArticle: `mutation ($input: CreateArticleInput!) {
    createArticle(input: $input) { __typename ${ERROR} ${INVALID} ... on CreateArticleSuccess { article { ${ARTICLE} } } }
  }`,
  updateArticle: `mutation ($input: UpdateArticleInput!) {
    updateArticle(input: $input) { __typename ${ERROR} ${INVALID} ... on UpdateArticleSuccess { article { ${ARTICLE} } } }
  }`,
  deleteArticle: `mutation ($input: DeleteArticleInput!) {
    deleteArticle(input: $input) { __typename ${ERROR} ... on DeleteArticleSuccess { deletedId } }
  }`,
  article: `query ($id: ID!) { article(id: $id) { ${ARTICLE} } }`,
  tags: `{ tags { name articleCount } }`,
};

export interface Setup {
  projectId: string;
  /** The project's database uuid, for reading what is stored. */
  dbId: string;
  /** An EDITOR admin session: may do all four methods on the knowledge base. */
  editor: string;
  /** An API token allowed every method. */
  token: string;
}

export function validationError(fieldErrors: { path: string[]; message: string }[]) {
  return {
    __typename: 'ValidationError',
    code: 'VALIDATION',
    message:
      fieldErrors.length === 1
        ? `Invalid input: ${fieldErrors[0]!.path.join('.')}: ${fieldErrors[0]!.message}`
        : `Invalid input: ${fieldErrors.length} fields are invalid`,
    fieldErrors,
  };
}

const byPath = <T extends { path: string[] }>(errors: T[]) =>
  [...errors].sort((x, y) => x.path.join('.').localeCompare(y.path.join('.')));

/** A ValidationError with exactly these field errors, in any order. */
export function expectValidation(result: any, fieldErrors: { path: string[]; message: string }[]) {
  expect({ ...result, fieldErrors: byPath(result.fieldErrors ?? []) }).toEqual(validationError(byPath(fieldErrors)));
}

export const notFound = (what: string) => ({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: `${what} not found` });
export const missingCategoryId = () => globalId('Category', randomUUID());

/** Helpers bound to the suite's app, which beforeAll creates (hence the getter). */
export function contentHelpers(app: () => TestApp) {
  let projectCounter = 0;

  /** A fresh project with an EDITOR session and a token allowed every method. */
  async function setup(): Promise<Setup> {
    const t = app();
    const projectId = await t.createProject({ name: `KB ${++projectCounter}` });
    const owner = await t.adminSession(projectId, 'OWNER');
    const { token } = await t.createToken(owner, { allowedMethods: ['GET', 'POST', 'PUT', 'DELETE'] });
    return { projectId, dbId: decodeGlobalID(projectId).id, editor: await t.adminSession(projectId, 'EDITOR'), token };
  }

  /** Runs a query, insisting on no GraphQL errors; returns its data. */
  async function run(query: string, variables: Record<string, unknown>, credential: string) {
    const res = await app().gql(query, variables, credential);
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    return res.body.data;
  }

  /** Runs one of the mutations above; returns its result union. */
  const mutate = async (name: keyof typeof Q, input: object, credential: string) =>
    (await run(Q[name], { input }, credential))[name];

  async function createCategory(s: Setup, name: string, parentId?: string | null, credential = s.editor) {
    const result = await mutate('createCategory', { name, parentId }, credential);
    expect(result.__typename, JSON.stringify(result)).toBe('CreateCategorySuccess');
    return result.category;
  }

  async function createArticle(s: Setup, input: Record<string, unknown>, credential = s.editor) {
    const result = await mutate('createArticle', input, credential);
    expect(result.__typename, JSON.stringify(result)).toBe('CreateArticleSuccess');
    return result.article;
  }

  /** The project's categories as stored, to show that a refused change wrote nothing. */
  const storedCategories = (s: Setup) =>
    app()
      .database.handle.db.selectFrom('categories')
      .select(['id', 'parent_id', 'name', 'slug', 'updated_at'])
      .where('project_id', '=', s.dbId)
      .orderBy('id')
      .execute();

  /** The project's articles and their tags as stored. */
  const storedArticles = async (s: Setup) => {
    const { db } = app().database.handle;
    return {
      articles: await db
        .selectFrom('articles')
        .select(['id', 'category_id', 'title', 'slug', 'content', 'status', 'updated_at'])
        .where('project_id', '=', s.dbId)
        .orderBy('id')
        .execute(),
      tags: await db
        .selectFrom('article_tags')
        .select(['article_id', 'tag'])
        .where('project_id', '=', s.dbId)
        .orderBy('article_id')
        .orderBy('tag')
        .execute(),
    };
  };

  /** Uploads one file (GraphQL multipart) and insists that it was stored. */
  async function uploadAsset(credential: string, fileName: string, bytes: Uint8Array, type: string) {
    const response = await upload(app(), credential, bytes, fileName, type);
    expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
    expect(response.body.data.uploadDriveAsset.__typename).toBe('UploadDriveAssetSuccess');
    return response.body.data.uploadDriveAsset.driveAsset as { id: string; fileName: string };
  }

  return {
    setup,
    run,
    mutate,
    createCategory,
    createArticle,
    getCategory: async (s: Setup, id: string) => (await run(Q.category, { id }, s.editor)).category,
    getArticle: async (s: Setup, id: string) => (await run(Q.article, { id }, s.editor)).article,
    listTags: async (s: Setup) => (await run(Q.tags, {}, s.token)).tags,
    storedCategories,
    storedArticles,
    uploadAsset,
  };
}
