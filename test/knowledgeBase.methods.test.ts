import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type GraphQLResponse, type TestApp } from './support/app.js';
import { PNG_1X1, resultOf, seedArticle, seedAsset, seedCategory, upload } from './support/kb.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const METHODS: Method[] = ['GET', 'POST', 'PUT', 'DELETE'];

/** Every non-empty subset of the four methods, in their canonical order. */
const SUBSETS: Method[][] = Array.from({ length: 15 }, (_, i) => METHODS.filter((_, bit) => (i + 1) & (1 << bit)));

const ERROR = `__typename ... on Error { code message }`;
/** For the results that have ValidationError among their members. */
const INVALID = `${ERROR} ... on ValidationError { fieldErrors { path message } }`;

/** One project's knowledge base as its OWNER sees it; drive-link fields left out as they change with time. */
const SNAPSHOT = `{
  categories { id name slug parent { id } }
  articles(first: 100) { edges { node { id title slug content status tags updatedAt category { id } assets { id } } } }
  driveAssets(first: 100) { edges { node { id fileName contentType byteSize createdAt } } }
  tags { name articleCount }
}`;

interface Snapshot {
  categories: { id: string; name: string; slug: string; parent: { id: string } | null }[];
  articles: { id: string; title: string; slug: string; content: string; status: string; tags: string[]; category: { id: string }; assets: { id: string }[] }[];
  assets: { id: string; fileName: string; contentType: string; byteSize: number }[];
  tags: { name: string; articleCount: number }[];
}

async function snapshot(owner: string): Promise<Snapshot> {
  const res = await t.gql(SNAPSHOT, {}, owner);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  const { categories, articles, driveAssets, tags } = res.body.data;
  return {
    categories,
    articles: articles.edges.map((e: any) => e.node),
    assets: driveAssets.edges.map((e: any) => e.node),
    tags,
  };
}

interface Kb {
  projectId: string;
  owner: string;
  /** Guides: holds both articles; the updateCategory target. */
  categoryId: string;
  /** Archive: empty; the deleteCategory target. */
  emptyCategoryId: string;
  /** "Getting started": the updateArticle target, uses `assetId`. */
  articleId: string;
  /** "Old news": the deleteArticle target. */
  oldArticleId: string;
  assetId: string;
  /** spare.txt: used by nothing; the deleteDriveAsset target. */
  spareAssetId: string;
}

let projectCounter = 0;

/** A new BUSINESS project with one of everything, seeded by its OWNER. */
async function freshKb(): Promise<Kb> {
  const projectId = await t.createProject({ name: `Methods ${++projectCounter}` });
  const owner = await t.adminSession(projectId, 'OWNER');
  const categoryId = await seedCategory(t, owner, 'Guides');
  const emptyCategoryId = await seedCategory(t, owner, 'Archive');
  const assetId = (await seedAsset(t, owner)).id;
  const spareAssetId = (await seedAsset(t, owner, Buffer.from('spare bytes'), 'spare.txt', 'text/plain')).id;
  const articleId = await seedArticle(t, owner, {
    title: 'Getting started',
    content: '# Hello',
    categoryId,
    tags: ['intro', 'setup'],
    status: 'PUBLISHED',
    assetIds: [assetId],
  });
  const oldArticleId = await seedArticle(t, owner, { title: 'Old news', categoryId, tags: ['intro'] });
  return { projectId, owner, categoryId, emptyCategoryId, articleId, oldArticleId, assetId, spareAssetId };
}

interface Entry {
  field: string;
  method: Method;
  run(credential: string | null, kb: Kb): Promise<GraphQLResponse>;
  /** Asserts the field did its job: its result, and what changed between the snapshots. */
  succeeded(result: any, kb: Kb, before: Snapshot, after: Snapshot): void;
}

const byId = <T extends { id: string }>(rows: T[], id: string) => rows.find((row) => row.id === id);
const without = <T extends { id: string }>(rows: T[], id: string) => rows.filter((row) => row.id !== id);

/** Every knowledge-base field, its method, a runnable call and what success looks like. */
const TABLE: Entry[] = [
  {
    field: 'articles',
    method: 'GET',
    run: (c) => t.gql(`{ articles(first: 100) { edges { node { id title } } } }`, {}, c),
    succeeded: (result, _kb, before, after) => {
      expect(result.edges.map((e: any) => e.node)).toEqual(before.articles.map(({ id, title }) => ({ id, title })));
      expect(after).toEqual(before);
    },
  },
  {
    field: 'article',
    method: 'GET',
    run: (c, kb) => t.gql(`query ($id: ID!) { article(id: $id) { id title tags assets { id } } }`, { id: kb.articleId }, c),
    succeeded: (result, kb, before, after) => {
      const stored = byId(before.articles, kb.articleId)!;
      expect(result).toEqual({ id: kb.articleId, title: stored.title, tags: stored.tags, assets: stored.assets });
      expect(after).toEqual(before);
    },
  },
  {
    field: 'categories',
    method: 'GET',
    run: (c) => t.gql(`{ categories { id name } }`, {}, c),
    succeeded: (result, _kb, before, after) => {
      expect(result).toEqual(before.categories.map(({ id, name }) => ({ id, name })));
      expect(after).toEqual(before);
    },
  },
  {
    field: 'category',
    method: 'GET',
    run: (c, kb) => t.gql(`query ($id: ID!) { category(id: $id) { id name slug } }`, { id: kb.categoryId }, c),
    succeeded: (result, kb, before, after) => {
      const { id, name, slug } = byId(before.categories, kb.categoryId)!;
      expect(result).toEqual({ id, name, slug });
      expect(after).toEqual(before);
    },
  },
  {
    field: 'tags',
    method: 'GET',
    run: (c) => t.gql(`{ tags { name articleCount } }`, {}, c),
    succeeded: (result, _kb, before, after) => {
      expect(result).toEqual(before.tags);
      expect(after).toEqual(before);
    },
  },
  {
    field: 'driveAssets',
    method: 'GET',
    run: (c) => t.gql(`{ driveAssets(first: 100) { edges { node { id fileName } } } }`, {}, c),
    succeeded: (result, _kb, before, after) => {
      expect(result.edges.map((e: any) => e.node)).toEqual(before.assets.map(({ id, fileName }) => ({ id, fileName })));
      expect(after).toEqual(before);
    },
  },
  {
    field: 'driveAsset',
    method: 'GET',
    run: (c, kb) =>
      t.gql(`query ($id: ID!) { driveAsset(id: $id) { id fileName contentType byteSize } }`, { id: kb.assetId }, c),
    succeeded: (result, kb, before, after) => {
      const { id, fileName, contentType, byteSize } = byId(before.assets, kb.assetId)!;
      expect(result).toEqual({ id, fileName, contentType, byteSize });
      expect(after).toEqual(before);
    },
  },
  {
    field: 'createCategory',
    method: 'POST',
    run: (c) =>
      t.gql(
        `mutation ($input: CreateCategoryInput!) {
          createCategory(input: $input) { ${INVALID} ... on CreateCategorySuccess { category { id name slug } } }
        }`,
        { input: { name: 'Release notes' } },
        c,
      ),
    succeeded: (result, _kb, before, after) => {
      expect(result).toMatchObject({ __typename: 'CreateCategorySuccess', category: { name: 'Release notes', slug: 'release-notes' } });
      const created = { id: result.category.id, name: 'Release notes', slug: 'release-notes', parent: null };
      expect(after).toEqual({ ...before, categories: expect.arrayContaining([...before.categories, created]) });
      expect(after.categories).toHaveLength(before.categories.length + 1);
    },
  },
  {
    field: 'createArticle',
    method: 'POST',
    run: (c, kb) =>
      t.gql(
        `mutation ($input: CreateArticleInput!) {
          createArticle(input: $input) { ${INVALID} ... on CreateArticleSuccess { article { id title category { id } } } }
        }`,
        { input: { title: 'Fresh article', categoryId: kb.categoryId, tags: ['fresh'] } },
        c,
      ),
    succeeded: (result, kb, before, after) => {
      expect(result).toMatchObject({ __typename: 'CreateArticleSuccess', article: { title: 'Fresh article', category: { id: kb.categoryId } } });
      expect(after.articles).toHaveLength(before.articles.length + 1);
      expect(after.articles[0]).toMatchObject({ id: result.article.id, title: 'Fresh article', status: 'DRAFT', tags: ['fresh'] });
      expect(after.articles.slice(1)).toEqual(before.articles);
      expect(after.tags).toEqual(expect.arrayContaining([{ name: 'fresh', articleCount: 1 }]));
    },
  },
  {
    field: 'uploadDriveAsset',
    method: 'POST',
    run: (c) => upload(t, c, PNG_1X1, 'uploaded.png', 'image/png'),
    succeeded: (result, _kb, before, after) => {
      expect(result).toMatchObject({
        __typename: 'UploadDriveAssetSuccess',
        driveAsset: { fileName: 'uploaded.png', contentType: 'image/png', byteSize: PNG_1X1.length },
      });
      expect(after.assets).toHaveLength(before.assets.length + 1);
      expect(after.assets[0]).toMatchObject({ id: result.driveAsset.id, fileName: 'uploaded.png' });
      expect(after.assets.slice(1)).toEqual(before.assets);
      expect(after.articles).toEqual(before.articles);
    },
  },
  {
    field: 'updateCategory',
    method: 'PUT',
    run: (c, kb) =>
      t.gql(
        `mutation ($input: UpdateCategoryInput!) {
          updateCategory(input: $input) { ${INVALID} ... on UpdateCategorySuccess { category { id name } } }
        }`,
        { input: { id: kb.categoryId, name: 'Handbook' } },
        c,
      ),
    succeeded: (result, kb, before, after) => {
      expect(result).toEqual({ __typename: 'UpdateCategorySuccess', category: { id: kb.categoryId, name: 'Handbook' } });
      expect(byId(after.categories, kb.categoryId)).toMatchObject({ name: 'Handbook', slug: 'handbook' });
      expect(without(after.categories, kb.categoryId)).toEqual(without(before.categories, kb.categoryId));
      expect(after.articles).toEqual(before.articles);
    },
  },
  {
    field: 'updateArticle',
    method: 'PUT',
    run: (c, kb) =>
      t.gql(
        `mutation ($input: UpdateArticleInput!) {
          updateArticle(input: $input) { ${INVALID} ... on UpdateArticleSuccess { article { id title } } }
        }`,
        { input: { id: kb.articleId, title: 'Getting started, revised' } },
        c,
      ),
    succeeded: (result, kb, before, after) => {
      expect(result).toEqual({ __typename: 'UpdateArticleSuccess', article: { id: kb.articleId, title: 'Getting started, revised' } });
      const { title: _t, updatedAt: _u, ...rest } = byId(before.articles, kb.articleId) as any;
      expect(byId(after.articles, kb.articleId)).toMatchObject({ ...rest, title: 'Getting started, revised' });
      expect(without(after.articles, kb.articleId)).toEqual(without(before.articles, kb.articleId));
      expect(after.categories).toEqual(before.categories);
    },
  },
  {
    field: 'deleteCategory',
    method: 'DELETE',
    run: (c, kb) =>
      t.gql(
        `mutation ($input: DeleteCategoryInput!) {
          deleteCategory(input: $input) { ${ERROR} ... on DeleteCategorySuccess { deletedId } }
        }`,
        { input: { id: kb.emptyCategoryId } },
        c,
      ),
    succeeded: (result, kb, before, after) => {
      expect(result).toEqual({ __typename: 'DeleteCategorySuccess', deletedId: kb.emptyCategoryId });
      expect(after).toEqual({ ...before, categories: without(before.categories, kb.emptyCategoryId) });
      expect(after.categories).toHaveLength(before.categories.length - 1);
    },
  },
  {
    field: 'deleteArticle',
    method: 'DELETE',
    run: (c, kb) =>
      t.gql(
        `mutation ($input: DeleteArticleInput!) {
          deleteArticle(input: $input) { ${ERROR} ... on DeleteArticleSuccess { deletedId } }
        }`,
        { input: { id: kb.oldArticleId } },
        c,
      ),
    succeeded: (result, kb, before, after) => {
      expect(result).toEqual({ __typename: 'DeleteArticleSuccess', deletedId: kb.oldArticleId });
      expect(after.articles).toEqual(without(before.articles, kb.oldArticleId));
      expect(after.articles).toHaveLength(before.articles.length - 1);
      expect(after.categories).toEqual(before.categories);
      expect(after.assets).toEqual(before.assets);
    },
  },
  {
    field: 'deleteDriveAsset',
    method: 'DELETE',
    run: (c, kb) =>
      t.gql(
        `mutation ($input: DeleteDriveAssetInput!) {
          deleteDriveAsset(input: $input) { ${ERROR} ... on DeleteDriveAssetSuccess { deletedId } }
        }`,
        { input: { id: kb.spareAssetId } },
        c,
      ),
    succeeded: (result, kb, before, after) => {
      expect(result).toEqual({ __typename: 'DeleteDriveAssetSuccess', deletedId: kb.spareAssetId });
      expect(after).toEqual({ ...before, assets: without(before.assets, kb.spareAssetId) });
      expect(after.assets).toHaveLength(before.assets.length - 1);
    },
  },
];

type Outcome = 'ALLOWED' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/**
 * Runs every field of the table with one credential, each against the data
 * as the previous field left it, and checks each outcome; a refused field
 * must leave the snapshot exactly as it was.
 */
async function runTable(kb: Kb, credential: string | null, outcome: (method: Method) => Outcome, options = { requiredMethod: true }) {
  let before = await snapshot(kb.owner);
  for (const entry of TABLE) {
    const res = await entry.run(credential, kb);
    const after = await snapshot(kb.owner);
    const label = `${entry.field} (${entry.method}): ${JSON.stringify(res.body)}`;
    switch (outcome(entry.method)) {
      case 'ALLOWED':
        expect(res.status, label).toBe(200);
        expect(res.body.errors, label).toBeUndefined();
        entry.succeeded(res.body.data[entry.field], kb, before, after);
        break;
      case 'FORBIDDEN':
        expect(res.status, label).toBe(200);
        // data is null, or { field: null } for a nullable field
        expect(res.body.data?.[entry.field] ?? null, label).toBeNull();
        expect(res.body.errors, label).toHaveLength(1);
        expect(res.body.errors![0], label).toMatchObject({
          path: [entry.field],
          extensions: { code: 'FORBIDDEN', ...(options.requiredMethod && { requiredMethod: entry.method }) },
        });
        expect(after, label).toEqual(before);
        break;
      case 'UNAUTHENTICATED':
        expect(res.status, label).toBe(401);
        expect(res.body.data?.[entry.field] ?? null, label).toBeNull();
        expect(res.body.errors?.[0]?.extensions?.code, label).toBe('UNAUTHENTICATED');
        expect(after, label).toEqual(before);
        break;
    }
    before = after;
  }
}

test('the table covers every knowledge-base field of the schema exactly once', async () => {
  const res = await t.gql(`{
    query: __type(name: "Query") { fields { name } }
    mutation: __type(name: "Mutation") { fields { name } }
  }`);
  const kbQueries = ['articles', 'article', 'categories', 'category', 'tags', 'driveAssets', 'driveAsset'];
  const queries = res.body.data.query.fields.map((f: any) => f.name).filter((n: string) => kbQueries.includes(n));
  const mutations = res.body.data.mutation.fields
    .map((f: any) => f.name)
    .filter((n: string) => /^(create|update|delete|upload)(Category|Article|DriveAsset)$/.test(n));
  expect(TABLE.map((e) => e.field).sort()).toEqual([...queries, ...mutations].sort());
  expect(TABLE).toHaveLength(15);
  expect(Object.fromEntries(TABLE.map((e) => [e.field, e.method]))).toEqual({
    articles: 'GET', article: 'GET', categories: 'GET', category: 'GET', tags: 'GET', driveAssets: 'GET', driveAsset: 'GET',
    createCategory: 'POST', createArticle: 'POST', uploadDriveAsset: 'POST',
    updateCategory: 'PUT', updateArticle: 'PUT',
    deleteCategory: 'DELETE', deleteArticle: 'DELETE', deleteDriveAsset: 'DELETE',
  });
});

test('the seeded fixtures are what the table expects', async () => {
  const kb = await freshKb();
  const s = await snapshot(kb.owner);
  expect(s.categories.map((c) => c.name)).toEqual(['Archive', 'Guides']);
  expect(s.articles.map((a) => [a.id, a.title, a.status, a.tags, a.assets])).toEqual([
    [kb.oldArticleId, 'Old news', 'DRAFT', ['intro'], []],
    [kb.articleId, 'Getting started', 'PUBLISHED', ['intro', 'setup'], [{ id: kb.assetId }]],
  ]);
  expect(s.assets.map((a) => [a.id, a.fileName, a.contentType, a.byteSize])).toEqual([
    [kb.spareAssetId, 'spare.txt', 'text/plain', 11],
    [kb.assetId, 'pixel.png', 'image/png', PNG_1X1.length],
  ]);
  expect(s.tags).toEqual([
    { name: 'intro', articleCount: 2 },
    { name: 'setup', articleCount: 1 },
  ]);
});

describe('API tokens: every field under every combination of methods', () => {
  test.each(SUBSETS.map((methods) => [methods.join('+'), methods] as const))('%s', async (_, methods) => {
    const kb = await freshKb();
    const { token } = await t.createToken(kb.owner, { allowedMethods: methods });
    await runTable(kb, token, (method) => (methods.includes(method) ? 'ALLOWED' : 'FORBIDDEN'));
  });
});

describe('admin sessions by role', () => {
  test('READER may only GET', async () => {
    const kb = await freshKb();
    const reader = await t.adminSession(kb.projectId, 'READER');
    await runTable(kb, reader, (method) => (method === 'GET' ? 'ALLOWED' : 'FORBIDDEN'));
  });

  test.each(['EDITOR', 'ADMIN', 'OWNER'] as const)('%s may use all four methods', async (role) => {
    const kb = await freshKb();
    const session = await t.adminSession(kb.projectId, role, `someone-${role}`);
    await runTable(kb, session, () => 'ALLOWED');
  });

  test('the operator key is FORBIDDEN on every knowledge-base field', async () => {
    const kb = await freshKb();
    await runTable(kb, t.operatorKey, () => 'FORBIDDEN', { requiredMethod: false });
  });

  test('no credential: HTTP 401 UNAUTHENTICATED on every knowledge-base field', async () => {
    const kb = await freshKb();
    await runTable(kb, null, () => 'UNAUTHENTICATED');
  });
});

const UPDATE_TOKEN = `mutation ($input: UpdateApiTokenInput!) {
  updateApiToken(input: $input) { __typename ... on UpdateApiTokenSuccess { apiToken { allowedMethods } } }
}`;
const DELETE_TOKEN = `mutation ($input: DeleteApiTokenInput!) {
  deleteApiToken(input: $input) { __typename }
}`;
const UPDATE_PROJECT = `mutation ($input: UpdateProjectInput!) {
  updateProject(input: $input) { __typename ... on UpdateProjectSuccess { project { plan } } }
}`;

const entry = (field: string) => TABLE.find((e) => e.field === field)!;

function expectForbidden(res: GraphQLResponse, requiredMethod: Method) {
  expect(res.body.errors, JSON.stringify(res.body)).toHaveLength(1);
  expect(res.body.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN', requiredMethod });
}

function expectUnauthenticated(res: GraphQLResponse) {
  expect(res.status, JSON.stringify(res.body)).toBe(401);
  expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
}

describe('a change to a token holds from its very next request', () => {
  test('removing POST, adding PUT, deleting the token', async () => {
    const kb = await freshKb();
    const token = await t.createToken(kb.owner, { allowedMethods: ['GET', 'POST'] });
    const create = (name: string) =>
      t.gql(
        `mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { __typename } }`,
        { input: { name } },
        token.token,
      );

    expect((await create('Before')).body.data.createCategory.__typename).toBe('CreateCategorySuccess');

    const removed = await t.gql(UPDATE_TOKEN, { input: { id: token.id, allowedMethods: ['GET'] } }, kb.owner);
    expect(removed.body.data.updateApiToken).toEqual({ __typename: 'UpdateApiTokenSuccess', apiToken: { allowedMethods: ['GET'] } });
    const before = await snapshot(kb.owner);
    expectForbidden(await create('After'), 'POST');
    expectForbidden(await upload(t, token.token, PNG_1X1, 'late.png', 'image/png'), 'POST');
    expectForbidden(await entry('updateCategory').run(token.token, kb), 'PUT');
    expect(await snapshot(kb.owner)).toEqual(before);

    const added = await t.gql(UPDATE_TOKEN, { input: { id: token.id, allowedMethods: ['GET', 'PUT'] } }, kb.owner);
    expect(added.body.data.updateApiToken.apiToken.allowedMethods).toEqual(['GET', 'PUT']);
    const renamed = await entry('updateCategory').run(token.token, kb);
    expect(renamed.body.data.updateCategory).toEqual({ __typename: 'UpdateCategorySuccess', category: { id: kb.categoryId, name: 'Handbook' } });
    expectForbidden(await create('Still no'), 'POST');

    const deleted = await t.gql(DELETE_TOKEN, { input: { id: token.id } }, kb.owner);
    expect(deleted.body.data.deleteApiToken.__typename).toBe('DeleteApiTokenSuccess');
    expectUnauthenticated(await t.gql(`{ categories { id } }`, {}, token.token));
    expectUnauthenticated(await create('Gone'));
    expect((await snapshot(kb.owner)).categories.map((c) => c.name)).toEqual(['Archive', 'Before', 'Handbook']);
  });
});

describe('plans', () => {
  test('on FREE a project’s tokens get 401; back on BUSINESS they work again and nothing was deleted', async () => {
    const kb = await freshKb();
    const token = await t.createToken(kb.owner, { allowedMethods: ['GET', 'POST', 'PUT', 'DELETE'] });
    const articles = () => entry('articles').run(token.token, kb);
    const before = await snapshot(kb.owner);
    expect((await articles()).body.data.articles.edges).toHaveLength(2);

    const free = await t.gql(UPDATE_PROJECT, { input: { id: kb.projectId, plan: 'FREE' } }, t.operatorKey);
    expect(free.body.data.updateProject).toEqual({ __typename: 'UpdateProjectSuccess', project: { plan: 'FREE' } });
    for (const field of ['articles', 'article', 'driveAssets', 'createCategory', 'uploadDriveAsset', 'updateArticle', 'deleteArticle']) {
      expectUnauthenticated(await entry(field).run(token.token, kb));
    }

    const business = await t.gql(UPDATE_PROJECT, { input: { id: kb.projectId, plan: 'BUSINESS' } }, t.operatorKey);
    expect(business.body.data.updateProject.project.plan).toBe('BUSINESS');
    expect(await snapshot(kb.owner)).toEqual(before);
    const back = await articles();
    expect(back.status).toBe(200);
    expect(back.body.data.articles.edges.map((e: any) => e.node.id)).toEqual([kb.oldArticleId, kb.articleId]);
    const created = await entry('createCategory').run(token.token, kb);
    expect(created.body.data.createCategory.__typename).toBe('CreateCategorySuccess');
  });
});

describe('data is confined to the credential’s project', () => {
  let a: Kb;
  let b: Kb;
  let bToken: string;
  beforeAll(async () => {
    a = await freshKb();
    b = await freshKb();
    bToken = (await t.createToken(b.owner, { allowedMethods: ['GET', 'POST', 'PUT', 'DELETE'] })).token;
  });

  const credentials = () => ({ 'B’s API token': bToken, 'B’s OWNER session': b.owner });

  test.each(['B’s API token', 'B’s OWNER session'] as const)('%s sees none of A’s data', async (name) => {
    const credential = credentials()[name];
    const res = await t.gql(
      `query ($article: ID!, $category: ID!, $asset: ID!) {
        categories { id }
        articles(first: 100) { edges { node { id } } }
        inCategory: articles(first: 100, categoryId: $category) { edges { node { id } } }
        driveAssets(first: 100) { edges { node { id } } }
        tags { name articleCount }
        article(id: $article) { id }
        category(id: $category) { id }
        driveAsset(id: $asset) { id }
      }`,
      { article: a.articleId, category: a.categoryId, asset: a.assetId },
      credential,
    );
    expect(res.body.errors).toBeUndefined();
    const own = await snapshot(b.owner);
    expect(res.body.data).toEqual({
      categories: own.categories.map(({ id }) => ({ id })),
      articles: { edges: own.articles.map(({ id }) => ({ node: { id } })) },
      inCategory: { edges: [] },
      driveAssets: { edges: own.assets.map(({ id }) => ({ node: { id } })) },
      tags: own.tags,
      article: null,
      category: null,
      driveAsset: null,
    });
    const aIds = new Set([a.categoryId, a.emptyCategoryId, a.articleId, a.oldArticleId, a.assetId, a.spareAssetId]);
    expect(JSON.stringify(res.body.data).match(/"id":"[^"]+"/g)!.some((m) => aIds.has(m.slice(6, -1)))).toBe(false);
  });

  test.each(['B’s API token', 'B’s OWNER session'] as const)('%s changes nothing of A’s', async (name) => {
    const credential = credentials()[name];
    const aBefore = await snapshot(a.owner);
    const bBefore = await snapshot(b.owner);

    // A's ids in the place of B's own: the mutations that target them find nothing.
    for (const field of ['updateCategory', 'deleteCategory', 'updateArticle', 'deleteArticle', 'deleteDriveAsset']) {
      const res = await entry(field).run(credential, a);
      expect(res.body.errors, field).toBeUndefined();
      expect(res.body.data[field], field).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    }

    // A's ids as references: invalid input, every bad reference named.
    const mutate = (field: string, input: string, variables: object) =>
      t.gql(`mutation ($input: ${input}!) { ${field}(input: $input) { ${INVALID} } }`, { input: variables }, credential);
    const cases: [string, string, object, string[][]][] = [
      ['createCategory', 'CreateCategoryInput', { name: 'Under A', parentId: a.categoryId }, [['parentId']]],
      ['updateCategory', 'UpdateCategoryInput', { id: b.emptyCategoryId, parentId: a.categoryId }, [['parentId']]],
      [
        'createArticle',
        'CreateArticleInput',
        { title: 'Into A', categoryId: a.categoryId, assetIds: [b.assetId, a.assetId] },
        [['categoryId'], ['assetIds', '1']],
      ],
      [
        'updateArticle',
        'UpdateArticleInput',
        { id: b.articleId, categoryId: a.categoryId, assetIds: [a.spareAssetId] },
        [['categoryId'], ['assetIds', '0']],
      ],
    ];
    for (const [field, input, variables, paths] of cases) {
      const res = await mutate(field, input, variables);
      expect(res.body.errors, field).toBeUndefined();
      const result = res.body.data[field];
      expect(result, field).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
      expect(result.fieldErrors.map((e: any) => e.path), field).toEqual(paths);
    }

    expect(await snapshot(a.owner)).toEqual(aBefore);
    expect(await snapshot(b.owner)).toEqual(bBefore);
  });
});
