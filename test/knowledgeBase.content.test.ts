import { randomUUID } from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentHelpers, expectValidation, missingCategoryId, notFound, Q } from './knowledgeBase.helpers.js';
import { createTestApp, globalId, type TestApp } from './support/app.js';
import { PNG_1X1 } from './support/kb.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const { setup, run, mutate, createCategory, createArticle, getArticle, listTags, storedArticles, uploadAsset } = contentHelpers(() => t);

const NO_SUCH_CATEGORY = { path: ['categoryId'], message: 'no such category' };

describe('articles', () => {
  test('create with every field, through an API token and an EDITOR session', async () => {
    const s = await setup();
    const cat = await createCategory(s, 'Guides');
    const asset = await uploadAsset(s.token, 'diagram.png', PNG_1X1, 'image/png');
    const asset2 = await uploadAsset(s.editor, 'notes.txt', new TextEncoder().encode('notes'), 'text/plain');

    const before = Date.now();
    const article = await createArticle(
      s,
      {
        title: '  Hello World  ',
        content: '# Hello\n\nSome *Markdown*.',
        categoryId: cat.id,
        tags: [' Setup ', 'FAQ', 'setup', 'faq  '],
        status: 'PUBLISHED',
        assetIds: [asset2.id, asset.id],
      },
      s.token,
    );
    expect(article).toEqual({
      id: expect.any(String),
      title: 'Hello World',
      slug: 'hello-world',
      content: '# Hello\n\nSome *Markdown*.',
      status: 'PUBLISHED',
      category: { id: cat.id },
      tags: expect.any(Array),
      assets: [
        { id: asset2.id, fileName: 'notes.txt' },
        { id: asset.id, fileName: 'diagram.png' },
      ],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect([...article.tags].sort()).toEqual(['faq', 'setup']);
    expect(decodeGlobalID(article.id).typename).toBe('Article');
    expect(Date.parse(article.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(article.createdAt)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await getArticle(s, article.id)).toEqual(article);

    const stored = await storedArticles(s);
    expect(stored.articles).toEqual([
      expect.objectContaining({ id: decodeGlobalID(article.id).id, title: 'Hello World', status: 'PUBLISHED', category_id: decodeGlobalID(cat.id).id }),
    ]);
    expect(stored.tags.map((r) => r.tag)).toEqual(['faq', 'setup']);
  });

  test('an asset whose bytes start like a PNG but are cut short can still be uploaded and attached', async () => {
    const s = await setup();
    const cat = await createCategory(s, 'Guides');
    const cut = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    // Sniffing the type must not turn a short file into "Unexpected error.": the declared type applies.
    const asset = await uploadAsset(s.token, 'cut.png', cut, 'image/png');
    const { driveAsset } = await run(`query ($id: ID!) { driveAsset(id: $id) { fileName contentType byteSize } }`, { id: asset.id }, s.token);
    expect(driveAsset).toEqual({ fileName: 'cut.png', contentType: 'image/png', byteSize: 11 });
    const article = await createArticle(s, { title: 'With a cut file', categoryId: cat.id, assetIds: [asset.id] });
    expect(article.assets).toEqual([{ id: asset.id, fileName: 'cut.png' }]);
  });

  test('defaults: DRAFT, empty content, no tags, no assets', async () => {
    const s = await setup();
    const cat = await createCategory(s, 'Guides');
    const article = await createArticle(s, { title: 'Bare', categoryId: cat.id });
    expect(article).toMatchObject({ title: 'Bare', slug: 'bare', content: '', status: 'DRAFT', tags: [], assets: [] });
    const explicitNulls = await createArticle(s, { title: 'Nulls', categoryId: cat.id, content: null, tags: null, status: null, assetIds: null });
    expect(explicitNulls).toMatchObject({ content: '', status: 'DRAFT', tags: [], assets: [] });
  });

  test('slugs are unique in the project and kept when the title changes', async () => {
    const s = await setup();
    const a = await createCategory(s, 'A');
    const b = await createCategory(s, 'B');
    const first = await createArticle(s, { title: 'Hello', categoryId: a.id });
    const second = await createArticle(s, { title: 'Hello', categoryId: b.id }, s.token);
    expect([first.slug, second.slug]).toEqual(['hello', 'hello-2']);
    expect((await createArticle(s, { title: 'Hello!', categoryId: a.id })).slug).toBe('hello-3');
    expect((await createArticle(s, { title: 'Hello there', categoryId: a.id })).slug).toBe('hello-there');

    const retitled = await mutate('updateArticle', { id: first.id, title: 'Goodbye' }, s.editor);
    expect(retitled.article).toMatchObject({ title: 'Goodbye', slug: 'hello' });
    expect((await getArticle(s, first.id)).slug).toBe('hello');
    expect((await createArticle(s, { title: 'Goodbye', categoryId: a.id })).slug).toBe('goodbye');
    expect((await createArticle(s, { title: 'Hello', categoryId: a.id })).slug).toBe('hello-4');

    // A deleted article's slug is free again.
    await mutate('deleteArticle', { id: second.id }, s.editor);
    expect((await createArticle(s, { title: 'HELLO', categoryId: a.id })).slug).toBe('hello-2');

    const other = await setup();
    const otherCat = await createCategory(other, 'A');
    expect((await createArticle(other, { title: 'Hello', categoryId: otherCat.id })).slug).toBe('hello');
    expect((await createArticle(s, { title: '???', categoryId: a.id })).slug).toBe('article');
  });

  test('simultaneous creates of one title all succeed with distinct slugs', async () => {
    const s = await setup();
    const cat = await createCategory(s, 'Guides');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.gql(Q.createArticle, { input: { title: 'Same title', categoryId: cat.id } }, i % 2 ? s.token : s.editor),
      ),
    );
    const results = responses.map((r) => r.body.data?.createArticle ?? r.body.errors?.[0]?.message);
    expect(results.map((r) => r.__typename ?? r)).toEqual(Array(20).fill('CreateArticleSuccess'));
    const slugs = results.map((r) => r.article.slug).sort();
    expect(slugs).toEqual(['same-title', ...Array.from({ length: 19 }, (_, i) => `same-title-${i + 2}`)].sort());
  });

  test('update changes each field alone and leaves the others', async () => {
    const s = await setup();
    const a = await createCategory(s, 'A');
    const b = await createCategory(s, 'B');
    const asset = await uploadAsset(s.token, 'one.txt', new TextEncoder().encode('one'), 'text/plain');
    const asset2 = await uploadAsset(s.token, 'two.txt', new TextEncoder().encode('two'), 'text/plain');
    const created = await createArticle(s, {
      title: 'Start',
      content: 'v1',
      categoryId: a.id,
      tags: ['x', 'y'],
      status: 'DRAFT',
      assetIds: [asset.id],
    });
    const { updatedAt: _u, tags: _t, ...base } = created;
    let expected = { ...base, tags: ['x', 'y'] };
    const update = async (patch: Record<string, unknown>, change: Record<string, unknown>, credential = s.editor) => {
      const result = await mutate('updateArticle', { id: created.id, ...patch }, credential);
      expect(result.__typename, JSON.stringify(result)).toBe('UpdateArticleSuccess');
      expected = { ...expected, ...change };
      const { updatedAt, tags, ...rest } = result.article;
      expect({ ...rest, tags: [...tags].sort() }).toEqual(expected);
      expect(Date.parse(updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
      const { updatedAt: _again, tags: readTags, ...read } = await getArticle(s, created.id);
      expect({ ...read, tags: [...readTags].sort() }).toEqual(expected);
    };

    await update({ title: '  New title ' }, { title: 'New title' });
    await update({ content: '## v2' }, { content: '## v2' }, s.token);
    await update({ content: '' }, { content: '' });
    await update({ categoryId: b.id }, { category: { id: b.id } });
    await update({ tags: ['Z', ' z', 'Alpha'] }, { tags: ['alpha', 'z'] }, s.token);
    await update({ status: 'PUBLISHED' }, { status: 'PUBLISHED' });
    await update({ assetIds: [asset2.id, asset.id] }, { assets: [{ id: asset2.id, fileName: 'two.txt' }, { id: asset.id, fileName: 'one.txt' }] });
    await update({}, {});
    await update({ title: null, content: null, categoryId: null, tags: null, status: null, assetIds: null }, {});
    await update({ status: 'DRAFT', tags: [], assetIds: [] }, { status: 'DRAFT', tags: [], assets: [] }, s.token);
    expect((await storedArticles(s)).tags).toEqual([]);
  });

  test('a categoryId of another project, unknown or garbage is a ValidationError on categoryId', async () => {
    const s = await setup();
    const other = await setup();
    const mine = await createCategory(s, 'Mine');
    const foreign = await createCategory(other, 'Theirs');
    const article = await createArticle(s, { title: 'Kept', categoryId: mine.id });
    const before = await storedArticles(s);

    for (const categoryId of [foreign.id, missingCategoryId()]) {
      expectValidation(await mutate('createArticle', { title: 'X', categoryId }, s.editor), [NO_SUCH_CATEGORY]);
      expectValidation(await mutate('updateArticle', { id: article.id, categoryId }, s.token), [NO_SUCH_CATEGORY]);
    }
    const garbage = { path: ['categoryId'], message: 'is not a Category id' };
    for (const categoryId of ['garbage', '', article.id]) {
      expectValidation(await mutate('createArticle', { title: 'X', categoryId }, s.editor), [garbage]);
      expectValidation(await mutate('updateArticle', { id: article.id, categoryId }, s.token), [garbage]);
    }
    expect(await storedArticles(s)).toEqual(before);
    expect((await getArticle(s, article.id)).category).toEqual({ id: mine.id });
  });

  test('unknown or foreign asset ids are ValidationErrors on their index', async () => {
    const s = await setup();
    const other = await setup();
    const cat = await createCategory(s, 'Mine');
    const mine = await uploadAsset(s.token, 'mine.txt', new TextEncoder().encode('mine'), 'text/plain');
    const theirs = await uploadAsset(other.token, 'theirs.txt', new TextEncoder().encode('theirs'), 'text/plain');
    const result = await mutate(
      'createArticle',
      { title: 'X', categoryId: cat.id, assetIds: [mine.id, theirs.id, globalId('DriveAsset', randomUUID())] },
      s.editor,
    );
    expectValidation(result, [
      { path: ['assetIds', '1'], message: 'no such drive asset' },
      { path: ['assetIds', '2'], message: 'no such drive asset' },
    ]);
    expect((await storedArticles(s)).articles).toEqual([]);
  });

  test.each([
    ['an empty title', { title: '  ' }, [{ path: ['title'], message: 'must not be empty' }]],
    ['a 201-char title', { title: 't'.repeat(201) }, [{ path: ['title'], message: 'must be at most 200 characters' }]],
    ['21 tags', { tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }, [{ path: ['tags'], message: 'at most 20 tags' }]],
    ['a 51-char tag', { tags: ['ok', 'g'.repeat(51)] }, [{ path: ['tags', '1'], message: 'must be at most 50 characters' }]],
    ['an empty tag', { tags: ['ok', '   '] }, [{ path: ['tags', '1'], message: 'must not be empty' }]],
    [
      'a bad title and bad tags at once',
      { title: '', tags: ['ok', 'g'.repeat(51), ' '] },
      [
        { path: ['title'], message: 'must not be empty' },
        { path: ['tags', '1'], message: 'must be at most 50 characters' },
        { path: ['tags', '2'], message: 'must not be empty' },
      ],
    ],
    [
      'a long title, 21 tags and a garbage category at once',
      { title: 't'.repeat(201), tags: Array.from({ length: 21 }, (_, i) => `tag${i}`), categoryId: 'garbage' },
      [
        { path: ['title'], message: 'must be at most 200 characters' },
        { path: ['tags'], message: 'at most 20 tags' },
        { path: ['categoryId'], message: 'is not a Category id' },
      ],
    ],
  ])('%s is refused on create and update, every bad field listed, nothing written', async (_, bad, fieldErrors) => {
    const s = await setup();
    const cat = await createCategory(s, 'Guides');
    const article = await createArticle(s, { title: 'Kept', categoryId: cat.id, tags: ['kept'] });
    const before = await storedArticles(s);
    expectValidation(await mutate('createArticle', { title: 'Fine', categoryId: cat.id, ...bad }, s.editor), fieldErrors);
    expectValidation(await mutate('updateArticle', { id: article.id, ...bad }, s.token), fieldErrors);
    expect(await storedArticles(s)).toEqual(before);
  });

  test('a bad title and a category that does not exist are reported together', async () => {
    const s = await setup();
    expectValidation(await mutate('createArticle', { title: '', categoryId: missingCategoryId() }, s.editor), [
      { path: ['title'], message: 'must not be empty' },
      NO_SUCH_CATEGORY,
    ]);
  });

  test('limits that are allowed: 200-char title, 20 tags, 50-char tag', async () => {
    const s = await setup();
    const cat = await createCategory(s, 'Guides');
    const tags = [...Array.from({ length: 19 }, (_, i) => `tag${String(i).padStart(2, '0')}`), 'g'.repeat(50)];
    const article = await createArticle(s, { title: 't'.repeat(200), categoryId: cat.id, tags });
    expect(article.title).toBe('t'.repeat(200));
    expect(article.slug).toBe('t'.repeat(80));
    expect([...article.tags].sort()).toEqual([...tags].sort());
  });

  test('delete removes the article and its tags; a second delete or a foreign id is NotFoundError', async () => {
    const s = await setup();
    const other = await setup();
    const cat = await createCategory(s, 'Guides');
    const article = await createArticle(s, { title: 'Doomed', categoryId: cat.id, tags: ['gone'] });
    const keeper = await createArticle(s, { title: 'Keeper', categoryId: cat.id, tags: ['gone'] });

    for (const id of [article.id, globalId('Article', randomUUID()), 'garbage', cat.id]) {
      expect(await mutate('deleteArticle', { id }, other.editor)).toEqual(notFound('Article'));
    }
    expect(await getArticle(s, article.id)).not.toBeNull();

    expect(await mutate('deleteArticle', { id: article.id }, s.token)).toEqual({ __typename: 'DeleteArticleSuccess', deletedId: article.id });
    expect(await getArticle(s, article.id)).toBeNull();
    expect(await mutate('deleteArticle', { id: article.id }, s.editor)).toEqual(notFound('Article'));
    expect(await mutate('updateArticle', { id: article.id, title: 'Back?' }, s.editor)).toEqual(notFound('Article'));
    const stored = await storedArticles(s);
    expect(stored.articles.map((a) => a.id)).toEqual([decodeGlobalID(keeper.id).id]);
    expect(stored.tags).toEqual([{ article_id: decodeGlobalID(keeper.id).id, tag: 'gone' }]);
    expect(await getArticle(other, keeper.id)).toBeNull();
  });
});

describe('tags', () => {
  test('articleCount follows creates, updates and deletes; other projects do not count', async () => {
    const s = await setup();
    const other = await setup();
    const cat = await createCategory(s, 'Guides');
    const otherCat = await createCategory(other, 'Guides');
    expect(await listTags(s)).toEqual([]);

    const a = await createArticle(s, { title: 'A', categoryId: cat.id, tags: ['Setup', 'faq'] });
    const b = await createArticle(s, { title: 'B', categoryId: cat.id, tags: ['setup ', 'SETUP', 'billing'] });
    const c = await createArticle(s, { title: 'C', categoryId: cat.id, tags: ['faq'], status: 'PUBLISHED' });
    await createArticle(s, { title: 'D', categoryId: cat.id });
    await createArticle(other, { title: 'X', categoryId: otherCat.id, tags: ['setup', 'other'] });
    expect(await listTags(s)).toEqual([
      { name: 'billing', articleCount: 1 },
      { name: 'faq', articleCount: 2 },
      { name: 'setup', articleCount: 2 },
    ]);

    await mutate('updateArticle', { id: a.id, tags: ['faq', 'new'] }, s.editor);
    await mutate('updateArticle', { id: c.id, title: 'C2', status: 'DRAFT' }, s.editor);
    expect(await listTags(s)).toEqual([
      { name: 'billing', articleCount: 1 },
      { name: 'faq', articleCount: 2 },
      { name: 'new', articleCount: 1 },
      { name: 'setup', articleCount: 1 },
    ]);

    await mutate('deleteArticle', { id: b.id }, s.editor);
    await mutate('updateArticle', { id: c.id, tags: [] }, s.token);
    expect(await listTags(s)).toEqual([
      { name: 'faq', articleCount: 1 },
      { name: 'new', articleCount: 1 },
    ]);
    await mutate('deleteArticle', { id: a.id }, s.token);
    expect(await listTags(s)).toEqual([]);
    expect(await listTags(other)).toEqual([
      { name: 'other', articleCount: 1 },
      { name: 'setup', articleCount: 1 },
    ]);
  });
});
