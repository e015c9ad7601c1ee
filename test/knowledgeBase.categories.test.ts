import { randomUUID } from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentHelpers, expectValidation, missingCategoryId, notFound, Q } from './knowledgeBase.helpers.js';
import { createTestApp, globalId, type TestApp } from './support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const { setup, mutate, run, createCategory, createArticle, getCategory, storedCategories, storedArticles } = contentHelpers(() => t);

const NO_SUCH_PARENT = { path: ['parentId'], message: 'no such category' };
const CYCLE = { path: ['parentId'], message: 'would make the category its own ancestor' };

describe('categories', () => {
  test('top-level and nested categories, with slugs from their names', async () => {
    const s = await setup();
    const top = await createCategory(s, 'Getting Started!');
    expect(top).toEqual({ id: expect.any(String), name: 'Getting Started!', slug: 'getting-started', parent: null, children: [] });
    expect(decodeGlobalID(top.id).typename).toBe('Category');

    const nested = await createCategory(s, '  Install & Setup ', top.id, s.token);
    expect(nested).toEqual({ id: expect.any(String), name: 'Install & Setup', slug: 'install-and-setup', parent: { id: top.id }, children: [] });

    const explicitNull = await createCategory(s, 'FAQ', null);
    expect(explicitNull.parent).toBeNull();
    expect((await createCategory(s, '!!!')).slug).toBe('category');

    expect(await getCategory(s, top.id)).toEqual({
      ...top,
      parent: null,
      children: [{ id: nested.id, name: 'Install & Setup', slug: 'install-and-setup' }],
    });
    const stored = await storedCategories(s);
    expect(stored.find((c) => c.id === decodeGlobalID(nested.id).id)).toMatchObject({
      parent_id: decodeGlobalID(top.id).id,
      name: 'Install & Setup',
      slug: 'install-and-setup',
    });
  });

  test('slugs are unique among siblings only', async () => {
    const s = await setup();
    const first = await createCategory(s, 'Getting Started!');
    const second = await createCategory(s, 'Getting started');
    const third = await createCategory(s, 'getting   STARTED');
    expect([first.slug, second.slug, third.slug]).toEqual(['getting-started', 'getting-started-2', 'getting-started-3']);

    const parent = await createCategory(s, 'Guides');
    const underParent = await createCategory(s, 'Getting started', parent.id);
    expect(underParent.slug).toBe('getting-started');
    expect((await createCategory(s, 'Getting started', parent.id)).slug).toBe('getting-started-2');
    // A longer slug that merely starts with the base does not take the base.
    expect((await createCategory(s, 'Getting started guide', first.id)).slug).toBe('getting-started-guide');
    expect((await createCategory(s, 'Getting started', first.id)).slug).toBe('getting-started');

    // A freed slug is given out again.
    expect((await mutate('deleteCategory', { id: first.id }, s.editor)).__typename).toBe('CategoryNotEmptyError');
    expect((await mutate('deleteCategory', { id: second.id }, s.editor)).__typename).toBe('DeleteCategorySuccess');
    expect((await createCategory(s, 'Getting Started')).slug).toBe('getting-started-2');

    const other = await setup();
    expect((await createCategory(other, 'Getting started')).slug).toBe('getting-started');
  });

  test('simultaneous creates of one name under one parent all succeed with distinct slugs', async () => {
    const s = await setup();
    const parent = await createCategory(s, 'Parent');
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => t.gql(Q.createCategory, { input: { name: 'Same name', parentId: parent.id } }, s.editor)),
    );
    const results = responses.map((r) => r.body.data?.createCategory ?? r.body.errors?.[0]?.message);
    expect(results.map((r) => r.__typename ?? r)).toEqual(Array(20).fill('CreateCategorySuccess'));
    const slugs = results.map((r) => r.category.slug).sort();
    expect(slugs).toEqual(['same-name', ...Array.from({ length: 19 }, (_, i) => `same-name-${i + 2}`)].sort());
  });

  test('parent and children walk the tree; categories lists every one by name; category(id)', async () => {
    const s = await setup();
    const b = await createCategory(s, 'B docs');
    const a = await createCategory(s, 'A docs');
    const b2 = await createCategory(s, 'Z child', b.id);
    const b1 = await createCategory(s, 'M child', b.id);
    const leaf = await createCategory(s, 'Leaf', b1.id);

    const read = await getCategory(s, leaf.id);
    expect(read.parent).toEqual({ id: b1.id, name: 'M child', parent: { id: b.id, name: 'B docs' } });
    expect((await getCategory(s, b.id)).children).toEqual([
      { id: b1.id, name: 'M child', slug: 'm-child' },
      { id: b2.id, name: 'Z child', slug: 'z-child' },
    ]);
    expect((await getCategory(s, a.id)).children).toEqual([]);

    const { categories } = await run(Q.categories, {}, s.token);
    expect(categories).toEqual([
      { id: a.id, name: 'A docs', slug: 'a-docs', parent: null },
      { id: b.id, name: 'B docs', slug: 'b-docs', parent: null },
      { id: leaf.id, name: 'Leaf', slug: 'leaf', parent: { id: b1.id } },
      { id: b1.id, name: 'M child', slug: 'm-child', parent: { id: b.id } },
      { id: b2.id, name: 'Z child', slug: 'z-child', parent: { id: b.id } },
    ]);

    // Another project's categories are invisible; a garbage or unknown id is null.
    const other = await setup();
    expect((await run(Q.categories, {}, other.editor)).categories).toEqual([]);
    expect(await getCategory(other, a.id)).toBeNull();
    expect(await getCategory(s, missingCategoryId())).toBeNull();
    expect(await getCategory(s, 'garbage')).toBeNull();
  });

  test('update: a rename moves the slug, a move keeps siblings unique, null goes to the top level', async () => {
    const s = await setup();
    const guides = await createCategory(s, 'Guides');
    const faq = await createCategory(s, 'FAQ');
    const cat = await createCategory(s, 'Getting Started');
    await createCategory(s, 'Getting started', guides.id);

    const renamed = await mutate('updateCategory', { id: cat.id, name: 'Advanced Topics' }, s.editor);
    expect(renamed).toEqual({
      __typename: 'UpdateCategorySuccess',
      category: { id: cat.id, name: 'Advanced Topics', slug: 'advanced-topics', parent: null, children: [] },
    });
    // Same slug base as its own current slug: it keeps it rather than colliding with itself.
    const recased = await mutate('updateCategory', { id: cat.id, name: 'advanced topics!' }, s.token);
    expect(recased.category).toMatchObject({ name: 'advanced topics!', slug: 'advanced-topics' });

    const back = await mutate('updateCategory', { id: cat.id, name: 'Getting started' }, s.editor);
    expect(back.category.slug).toBe('getting-started');
    // Moved next to a sibling of the same slug, it takes the next free one.
    const moved = await mutate('updateCategory', { id: cat.id, parentId: guides.id }, s.editor);
    expect(moved.category).toMatchObject({ name: 'Getting started', slug: 'getting-started-2', parent: { id: guides.id } });
    expect((await getCategory(s, guides.id)).children.map((c: any) => c.id)).toContain(cat.id);

    const again = await mutate('updateCategory', { id: cat.id, parentId: faq.id, name: 'Install' }, s.editor);
    expect(again.category).toMatchObject({ name: 'Install', slug: 'install', parent: { id: faq.id } });
    expect((await getCategory(s, guides.id)).children.map((c: any) => c.id)).not.toContain(cat.id);

    // Omitting parentId keeps the parent.
    const kept = await mutate('updateCategory', { id: cat.id, name: 'Installation' }, s.editor);
    expect(kept.category).toMatchObject({ slug: 'installation', parent: { id: faq.id } });

    const top = await mutate('updateCategory', { id: cat.id, parentId: null }, s.editor);
    expect(top.category).toMatchObject({ name: 'Installation', slug: 'installation', parent: null });
    const row = (await storedCategories(s)).find((c) => c.id === decodeGlobalID(cat.id).id)!;
    expect(row).toMatchObject({ parent_id: null, name: 'Installation', slug: 'installation' });
    expect((await getCategory(s, faq.id)).children).toEqual([]);
  });

  test('a move that would close a cycle is refused and changes nothing', async () => {
    const s = await setup();
    const a = await createCategory(s, 'A');
    const child = await createCategory(s, 'Child', a.id);
    const grandchild = await createCategory(s, 'Grandchild', child.id);
    const before = await storedCategories(s);

    for (const target of [a, child, grandchild]) {
      const result = await mutate('updateCategory', { id: a.id, parentId: target.id, name: 'Renamed' }, s.editor);
      expectValidation(result, [CYCLE]);
    }
    expectValidation(await mutate('updateCategory', { id: child.id, parentId: grandchild.id }, s.token), [CYCLE]);
    expectValidation(await mutate('updateCategory', { id: grandchild.id, parentId: grandchild.id }, s.token), [CYCLE]);
    expect(await storedCategories(s)).toEqual(before);
    expect((await getCategory(s, a.id)).parent).toBeNull();

    // Moving down a branch that is not its own is fine.
    const sibling = await createCategory(s, 'Sibling');
    const ok = await mutate('updateCategory', { id: a.id, parentId: sibling.id }, s.editor);
    expect(ok.category.parent).toEqual({ id: sibling.id });
  });

  test('an unknown, foreign or garbage parentId is a ValidationError on parentId', async () => {
    const s = await setup();
    const other = await setup();
    const foreign = await createCategory(other, 'Theirs');
    const mine = await createCategory(s, 'Mine');
    const before = await storedCategories(s);

    for (const parentId of [missingCategoryId(), foreign.id]) {
      expectValidation(await mutate('createCategory', { name: 'X', parentId }, s.editor), [NO_SUCH_PARENT]);
      expectValidation(await mutate('updateCategory', { id: mine.id, parentId }, s.editor), [NO_SUCH_PARENT]);
    }
    const garbage = { path: ['parentId'], message: 'is not a Category id' };
    for (const parentId of ['garbage', globalId('Article', randomUUID())]) {
      expectValidation(await mutate('createCategory', { name: 'X', parentId }, s.editor), [garbage]);
      expectValidation(await mutate('updateCategory', { id: mine.id, parentId }, s.editor), [garbage]);
    }
    expect(await storedCategories(s)).toEqual(before);
    expect((await getCategory(other, foreign.id)).children).toEqual([]);
  });

  test.each([
    ['empty', '', 'must not be empty'],
    ['all whitespace', ' \t ', 'must not be empty'],
    ['101 chars', 'c'.repeat(101), 'must be at most 100 characters'],
  ])('a name that is %s is refused on create and update', async (_, name, message) => {
    const s = await setup();
    const cat = await createCategory(s, 'Original');
    const before = await storedCategories(s);
    expectValidation(await mutate('createCategory', { name }, s.editor), [{ path: ['name'], message }]);
    expectValidation(await mutate('updateCategory', { id: cat.id, name }, s.editor), [{ path: ['name'], message }]);
    expect(await storedCategories(s)).toEqual(before);
  });

  test('names of 1 and 100 chars are accepted', async () => {
    const s = await setup();
    expect((await createCategory(s, 'x')).name).toBe('x');
    const long = await createCategory(s, `  ${'c'.repeat(100)} `);
    expect(long.name).toBe('c'.repeat(100));
    expect(long.slug).toBe('c'.repeat(80));
  });

  test('update of a missing, foreign or garbage id is NotFoundError', async () => {
    const s = await setup();
    const other = await setup();
    const foreign = await createCategory(other, 'Theirs');
    for (const id of [missingCategoryId(), foreign.id, 'garbage']) {
      expect(await mutate('updateCategory', { id, name: 'Mine now' }, s.editor)).toEqual(notFound('Category'));
    }
    expect((await getCategory(other, foreign.id)).name).toBe('Theirs');
  });

  test('delete: an empty category goes; one holding a child or an article stays', async () => {
    const s = await setup();
    const empty = await createCategory(s, 'Empty');
    expect(await mutate('deleteCategory', { id: empty.id }, s.token)).toEqual({ __typename: 'DeleteCategorySuccess', deletedId: empty.id });
    expect(await getCategory(s, empty.id)).toBeNull();
    expect(await mutate('deleteCategory', { id: empty.id }, s.editor)).toEqual(notFound('Category'));

    const withArticle = await createCategory(s, 'With article');
    const article = await createArticle(s, { title: 'Inside', categoryId: withArticle.id });
    const withChild = await createCategory(s, 'With child');
    const child = await createCategory(s, 'Child', withChild.id);
    const full = await createCategory(s, 'Full');
    for (let i = 0; i < 2; i++) await createCategory(s, `Sub ${i}`, full.id);
    for (let i = 0; i < 3; i++) await createArticle(s, { title: `Doc ${i}`, categoryId: full.id });
    const before = { categories: await storedCategories(s), articles: await storedArticles(s) };

    const notEmpty = (childCount: number, articleCount: number) => ({
      __typename: 'CategoryNotEmptyError',
      code: 'CATEGORY_NOT_EMPTY',
      message: `The category still holds ${childCount} subcategories and ${articleCount} articles; move or delete them first`,
      childCount,
      articleCount,
    });
    expect(await mutate('deleteCategory', { id: withArticle.id }, s.editor)).toEqual(notEmpty(0, 1));
    expect(await mutate('deleteCategory', { id: withChild.id }, s.token)).toEqual(notEmpty(1, 0));
    expect(await mutate('deleteCategory', { id: full.id }, s.editor)).toEqual(notEmpty(2, 3));
    expect({ categories: await storedCategories(s), articles: await storedArticles(s) }).toEqual(before);

    // Emptied, they go.
    expect((await mutate('deleteArticle', { id: article.id }, s.editor)).__typename).toBe('DeleteArticleSuccess');
    expect((await mutate('deleteCategory', { id: withArticle.id }, s.editor)).deletedId).toBe(withArticle.id);
    expect((await mutate('deleteCategory', { id: child.id }, s.editor)).deletedId).toBe(child.id);
    expect((await mutate('deleteCategory', { id: withChild.id }, s.editor)).deletedId).toBe(withChild.id);
  });

  test('delete of a missing, foreign or garbage id is NotFoundError and deletes nothing', async () => {
    const s = await setup();
    const other = await setup();
    const foreign = await createCategory(other, 'Theirs');
    for (const id of [missingCategoryId(), foreign.id, 'garbage', globalId('Article', randomUUID())]) {
      expect(await mutate('deleteCategory', { id }, s.editor)).toEqual(notFound('Category'));
    }
    expect(await getCategory(other, foreign.id)).not.toBeNull();
  });
});
