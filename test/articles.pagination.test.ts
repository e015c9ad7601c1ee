import { randomUUID } from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, globalId, type TestApp } from './support/app.js';

let t: TestApp;

const PAGE = `edges { cursor node { id createdAt } } pageInfo { hasNextPage endCursor }`;
const ARTICLES = `query ($first: Int, $after: String, $last: Int, $before: String, $categoryId: ID, $tag: String, $status: ArticleStatus) {
  articles(first: $first, after: $after, last: $last, before: $before, categoryId: $categoryId, tag: $tag, status: $status) { ${PAGE} }
}`;
const CATEGORY_ARTICLES = `query ($id: ID!, $first: Int, $after: String) {
  category(id: $id) { articles(first: $first, after: $after) { ${PAGE} } }
}`;

type Status = 'DRAFT' | 'PUBLISHED';
interface Model {
  /** Global id. */
  id: string;
  createdAt: number;
  category: number;
  status: Status;
  tags: string[];
}

/** What the project holds, as this file put it there (not as the server reports it). */
let model: Model[] = [];
let categoryIds: string[] = [];
let editor: string;
let token: string;
let otherEditor: string;
let otherCategoryId: string;

const TAGS = ['alpha', 'beta', 'gamma'];
const localOf = (id: string) => decodeGlobalID(id).id;

/** Newest first: createdAt descending, then id descending. */
function newestFirst(list: Model[]): string[] {
  return [...list]
    .sort((a, b) => b.createdAt - a.createdAt || (localOf(b.id) < localOf(a.id) ? -1 : localOf(b.id) > localOf(a.id) ? 1 : 0))
    .map((m) => m.id);
}

async function run(query: string, variables: Record<string, unknown>, credential = editor) {
  const res = await t.gql(query, variables, credential);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data;
}

async function createViaApi(input: Record<string, unknown>, credential: string) {
  const data = await run(
    `mutation ($input: CreateArticleInput!) {
      createArticle(input: $input) { __typename ... on CreateArticleSuccess { article { id createdAt } } }
    }`,
    { input },
    credential,
  );
  expect(data.createArticle.__typename).toBe('CreateArticleSuccess');
  return data.createArticle.article as { id: string; createdAt: string };
}

beforeAll(async () => {
  t = await createTestApp();
  const projectId = await t.createProject({ name: 'Paging' });
  // One token walks hundreds of pages here; the per-minute limit has its own suite.
  await t.setRateLimit(projectId, 100_000);
  const owner = await t.adminSession(projectId, 'OWNER');
  editor = await t.adminSession(projectId, 'EDITOR');
  token = (await t.createToken(owner, { allowedMethods: ['GET', 'POST', 'PUT', 'DELETE'] })).token;
  for (const name of ['Guides', 'Reference']) {
    const data = await run(
      `mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { ... on CreateCategorySuccess { category { id } } } }`,
      { input: { name } },
    );
    categoryIds.push(data.createCategory.category.id);
  }

  // 240 rows straight into the tables, in groups of three sharing a createdAt, so the id decides their order.
  const dbProjectId = localOf(projectId);
  const base = Date.now() - 10 * 24 * 3600 * 1000 + 123;
  const rows = Array.from({ length: 240 }, (_, i) => {
    const tags = TAGS.filter((_, k) => [i % 5 < 2, i % 4 === 1 || i % 4 === 2, i % 7 === 3][k]);
    return {
      id: randomUUID(),
      createdAt: new Date(base + Math.floor(i / 3) * 1234),
      category: i % 2,
      status: (i % 3 === 0 ? 'PUBLISHED' : 'DRAFT') as Status,
      tags,
    };
  });
  const db = t.database.handle.db;
  await db
    .insertInto('articles')
    .values(
      rows.map((r, i) => ({
        id: r.id,
        project_id: dbProjectId,
        category_id: localOf(categoryIds[r.category]!),
        title: `Seeded ${i}`,
        slug: `seeded-${i}`,
        content: '',
        status: r.status,
        created_at: r.createdAt,
        updated_at: r.createdAt,
      })),
    )
    .execute();
  await db
    .insertInto('article_tags')
    .values(rows.flatMap((r) => r.tags.map((tag) => ({ article_id: r.id, project_id: dbProjectId, tag }))))
    .execute();
  model = rows.map((r) => ({ ...r, id: globalId('Article', r.id), createdAt: r.createdAt.getTime() }));

  // And 10 through the API, in parallel, by the token and the session.
  const viaApi = await Promise.all(
    Array.from({ length: 10 }, async (_, k) => {
      const input = {
        title: `Live ${k}`,
        categoryId: categoryIds[k % 2],
        status: k % 2 ? 'PUBLISHED' : 'DRAFT',
        tags: [[' Alpha'], ['BETA', 'gamma'], [], ['alpha', 'Beta ', 'GAMMA']][k % 4],
      };
      const article = await createViaApi(input, k % 2 ? token : editor);
      const tags = (input.tags as string[]).map((tag) => tag.trim().toLowerCase());
      return { id: article.id, createdAt: Date.parse(article.createdAt), category: k % 2, status: input.status as Status, tags };
    }),
  );
  model.push(...viaApi);

  // Another project's articles must never show up.
  const other = await t.createProject({ name: 'Elsewhere' });
  otherEditor = await t.adminSession(other, 'EDITOR');
  const otherCat = await run(
    `mutation { createCategory(input: { name: "Guides" }) { ... on CreateCategorySuccess { category { id } } } }`,
    {},
    otherEditor,
  );
  otherCategoryId = otherCat.createCategory.category.id;
  for (let k = 0; k < 3; k++) {
    await createViaApi({ title: `Theirs ${k}`, categoryId: otherCategoryId, tags: ['alpha'], status: 'PUBLISHED' }, otherEditor);
  }
}, 60_000);
afterAll(() => t.close());

interface Walk {
  ids: string[];
  pages: number[];
}

/** Follows endCursor until hasNextPage is false, checking each page's shape on the way. */
async function walk(fetchPage: (after: string | undefined) => Promise<any>, first: number): Promise<Walk> {
  const ids: string[] = [];
  const pages: number[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await fetchPage(after);
    const { edges, pageInfo } = page;
    expect(edges.length).toBeLessThanOrEqual(first);
    pages.push(edges.length);
    ids.push(...edges.map((e: any) => e.node.id));
    // Ordering as the server reports it: createdAt descending, then id descending.
    for (let i = 1; i < edges.length; i++) {
      const prev = edges[i - 1].node;
      const cur = edges[i].node;
      const prevAt = Date.parse(prev.createdAt);
      const curAt = Date.parse(cur.createdAt);
      expect(prevAt > curAt || (prevAt === curAt && localOf(prev.id) > localOf(cur.id)), `${prev.id} before ${cur.id}`).toBe(true);
    }
    if (edges.length > 0) expect(pageInfo.endCursor).toBe(edges.at(-1).cursor);
    else expect(pageInfo.endCursor).toBeNull();
    if (!pageInfo.hasNextPage) return { ids, pages };
    expect(edges.length).toBe(first);
    after = pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

type Filter = { categoryId?: string; tag?: string; status?: Status };

const walkArticles = (filter: Filter, first: number, credential = editor) =>
  walk(async (after) => (await run(ARTICLES, { ...filter, first, after }, credential)).articles, first);

const walkCategory = (id: string, first: number) =>
  walk(async (after) => (await run(CATEGORY_ARTICLES, { id, first, after }, token)).category.articles, first);

/** Page sizes for `total` items in pages of `first`: full pages, then the rest. */
function expectedPages(total: number, first: number): number[] {
  const pages = Array(Math.floor(total / first)).fill(first);
  if (total % first > 0 || total === 0) pages.push(total % first);
  return pages;
}

function matching(filter: { category?: number; tag?: string; status?: Status }): string[] {
  return newestFirst(
    model.filter(
      (m) =>
        (filter.category === undefined || m.category === filter.category) &&
        (filter.tag === undefined || m.tags.includes(filter.tag)) &&
        (filter.status === undefined || m.status === filter.status),
    ),
  );
}

describe('articles(first, after)', () => {
  test('the seed is what it should be: 250 articles over 2 categories, 3 tags and both statuses', () => {
    expect(model).toHaveLength(250);
    expect(new Set(model.map((m) => m.id)).size).toBe(250);
    for (const c of [0, 1]) expect(matching({ category: c }).length).toBeGreaterThan(100);
    for (const tag of TAGS) expect(matching({ tag }).length).toBeGreaterThan(30);
    expect(matching({ status: 'PUBLISHED' }).length).toBe(85);
    // Some share a createdAt, so the id tie-break is exercised.
    expect(new Set(model.map((m) => m.createdAt)).size).toBeLessThan(200);
  });

  test.each([100, 7])('pages of %i: every article exactly once, newest first, then no next page', async (first) => {
    const { ids, pages } = await walkArticles({}, first, first === 7 ? token : editor);
    expect(ids).toEqual(newestFirst(model));
    expect(pages).toEqual(expectedPages(250, first));
  });

  test('a page ending exactly at the last article says there is no next page', async () => {
    const all = newestFirst(model);
    const exact = (await run(ARTICLES, { first: 50, after: (await run(ARTICLES, { first: 100 })).articles.edges[99].cursor })).articles;
    expect(exact.edges.map((e: any) => e.node.id)).toEqual(all.slice(100, 150));
    const tail = (await run(ARTICLES, { first: 100, after: exact.pageInfo.endCursor })).articles;
    expect(tail.edges.map((e: any) => e.node.id)).toEqual(all.slice(150));
    expect(tail.pageInfo.hasNextPage).toBe(false);
    const published = matching({ status: 'PUBLISHED' });
    const onePage = (await run(ARTICLES, { first: published.length, status: 'PUBLISHED' })).articles;
    expect(onePage.edges.map((e: any) => e.node.id)).toEqual(published);
    expect(onePage.pageInfo.hasNextPage).toBe(false);
  });

  test('first: 500 is capped at 100', async () => {
    const { articles } = await run(ARTICLES, { first: 500 });
    expect(articles.edges.map((e: any) => e.node.id)).toEqual(newestFirst(model).slice(0, 100));
    expect(articles.pageInfo.hasNextPage).toBe(true);
  });

  test("any edge's cursor continues right after that edge", async () => {
    const all = newestFirst(model);
    const { articles } = await run(ARTICLES, { first: 40 });
    for (const index of [0, 2, 3, 17, 39]) {
      const next = (await run(ARTICLES, { first: 5, after: articles.edges[index].cursor })).articles;
      expect(next.edges.map((e: any) => e.node.id)).toEqual(all.slice(index + 1, index + 6));
    }
  });

  test('last and before page from the other end, still newest first', async () => {
    const all = newestFirst(model);
    const oldest = (await run(ARTICLES, { last: 5 })).articles;
    expect(oldest.edges.map((e: any) => e.node.id)).toEqual(all.slice(-5));
    const { articles } = await run(ARTICLES, { first: 20 });
    const before = (await run(ARTICLES, { last: 3, before: articles.edges[10].cursor })).articles;
    expect(before.edges.map((e: any) => e.node.id)).toEqual(all.slice(7, 10));
  });

  const filters: [string, Filter, () => { category?: number; tag?: string; status?: Status }][] = [
    ['category Guides', {}, () => ({ category: 0 })],
    ['category Reference', {}, () => ({ category: 1 })],
    ['tag alpha', { tag: 'alpha' }, () => ({ tag: 'alpha' })],
    ['tag beta', { tag: 'beta' }, () => ({ tag: 'beta' })],
    ['tag gamma', { tag: 'gamma' }, () => ({ tag: 'gamma' })],
    ['tag " GAMMA " (trimmed, lower-cased)', { tag: ' GAMMA ' }, () => ({ tag: 'gamma' })],
    ['status PUBLISHED', { status: 'PUBLISHED' }, () => ({ status: 'PUBLISHED' })],
    ['status DRAFT', { status: 'DRAFT' }, () => ({ status: 'DRAFT' })],
    ['category Guides + tag beta', { tag: 'beta' }, () => ({ category: 0, tag: 'beta' })],
    ['category Reference + PUBLISHED', { status: 'PUBLISHED' }, () => ({ category: 1, status: 'PUBLISHED' })],
    ['tag gamma + DRAFT', { tag: 'gamma', status: 'DRAFT' }, () => ({ tag: 'gamma', status: 'DRAFT' })],
    ['category Guides + tag alpha + PUBLISHED', { tag: 'alpha', status: 'PUBLISHED' }, () => ({ category: 0, tag: 'alpha', status: 'PUBLISHED' })],
    ['category Reference + tag gamma + DRAFT', { tag: 'gamma', status: 'DRAFT' }, () => ({ category: 1, tag: 'gamma', status: 'DRAFT' })],
  ];

  test.each(filters)('filter %s: exactly the matching articles, each once, in pages of 7 and of 100', async (name, filter, wantOf) => {
    const want = wantOf();
    const full = { ...filter, ...(want.category !== undefined ? { categoryId: categoryIds[want.category] } : {}) };
    const expected = matching(want);
    expect(expected.length, name).toBeGreaterThan(0);
    for (const first of [7, 100]) {
      const { ids, pages } = await walkArticles(full, first);
      expect(ids).toEqual(expected);
      expect(pages).toEqual(expectedPages(expected.length, first));
    }
  });

  test('a tag no article has gives an empty page', async () => {
    const { articles } = await run(ARTICLES, { first: 10, tag: 'nope' });
    expect(articles).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  test.each([
    ['garbage', () => 'garbage'],
    ['an Article id', () => model[0]!.id],
    ['an unknown Category id', () => globalId('Category', randomUUID())],
    ["another project's category", () => otherCategoryId],
  ])('a categoryId filter that is %s gives an empty list, not an error', async (_, id) => {
    const { articles } = await run(ARTICLES, { first: 10, categoryId: id() });
    expect(articles).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  test.each([
    ['garbage', 'garbage'],
    ['empty', ''],
    ['a cursor with a bad id', Buffer.from('2030-01-01T00:00:00.000Z|not-a-uuid').toString('base64url')],
    ['a cursor with a bad date', Buffer.from(`yesterday|${randomUUID()}`).toString('base64url')],
  ])('an after cursor that is %s is a BAD_USER_INPUT error', async (_, after) => {
    for (const [query, variables] of [
      [ARTICLES, { first: 5, after }],
      [CATEGORY_ARTICLES, { id: categoryIds[0], first: 5, after }],
    ] as const) {
      const res = await t.gql(query, variables, editor);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors![0]!.message).toBe('Invalid cursor');
    }
  });

  test("another project sees only its own three", async () => {
    const { ids } = await walkArticles({}, 100, otherEditor);
    expect(ids).toHaveLength(3);
    expect(ids.filter((id) => model.some((m) => m.id === id))).toEqual([]);
  });
});

describe('Category.articles(first, after)', () => {
  test.each([
    [0, 7],
    [0, 100],
    [1, 13],
    [1, 100],
  ])('category %i in pages of %i: its articles exactly once, newest first', async (category, first) => {
    const expected = matching({ category });
    const { ids, pages } = await walkCategory(categoryIds[category]!, first);
    expect(ids).toEqual(expected);
    expect(pages).toEqual(expectedPages(expected.length, first));
  });

  test('first: 500 is capped at 100 here too', async () => {
    const { category } = await run(CATEGORY_ARTICLES, { id: categoryIds[0], first: 500 });
    expect(category.articles.edges.map((e: any) => e.node.id)).toEqual(matching({ category: 0 }).slice(0, 100));
    expect(category.articles.pageInfo.hasNextPage).toBe(true);
  });
});

describe('keyset paging while the list changes', () => {
  // Last in the file: it changes the data the other tests read.
  test('an article added or deleted mid-walk neither repeats nor skips the others', async () => {
    const before = newestFirst(model);
    const first = await run(ARTICLES, { first: 50 });
    const seen = first.articles.edges.map((e: any) => e.node.id);
    expect(seen).toEqual(before.slice(0, 50));

    const added = await createViaApi({ title: 'Added mid-walk', categoryId: categoryIds[0], tags: ['alpha'] }, token);
    const doomed = before[120]!;
    const deleted = await run(`mutation ($id: ID!) { deleteArticle(input: { id: $id }) { __typename } }`, { id: doomed }, token);
    expect(deleted.deleteArticle.__typename).toBe('DeleteArticleSuccess');

    const rest = await walk(async (after) => (await run(ARTICLES, { first: 50, after: after ?? first.articles.pageInfo.endCursor })).articles, 50);
    expect([...seen, ...rest.ids]).toEqual(before.filter((id) => id !== doomed));

    const again = await walkArticles({}, 100);
    expect(again.ids).toEqual([added.id, ...before.filter((id) => id !== doomed)]);
  });
});
