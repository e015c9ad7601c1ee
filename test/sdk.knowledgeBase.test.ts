import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type Client,
  createClient,
  DriveLinkError,
  type FetchLike,
  fetchDriveAsset,
  ForbiddenError,
  NetworkError,
  UploadDriveAssetDocument,
} from '../sdk/src/index.js';
import { createTestApp, type TestApp } from './support/app.js';

// The SDK's knowledge-base methods against the real app in process: multipart uploads,
// drive links, method refusals. The live, packed-SDK run is test/sdk.test.ts.

/** A valid 1×1 PNG, so the server's sniffing keeps image/png. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const MAX_UPLOAD_BYTES = 4096;

let t: TestApp;
let admin: Client;
let sent: Array<{ url: string; headers: Record<string, string>; body: unknown }>;

/** The global fetch's shape, answered by the app in process. */
const appFetch: FetchLike = async (url, init) => {
  sent.push({ url, headers: init.headers, body: init.body });
  const { pathname, search } = new URL(url);
  return t.fetch(`${pathname}${search}`, init);
};

function clientFor(credential: string): Client {
  return createClient({ url: 'http://kbgate.test/graphql', credential, fetch: appFetch });
}

beforeAll(async () => {
  t = await createTestApp({ config: { maxUploadBytes: MAX_UPLOAD_BYTES } });
  const projectId = await t.createProject({ name: 'SDK knowledge base' });
  admin = clientFor(await t.adminSession(projectId, 'EDITOR'));
});
afterAll(async () => {
  await t?.close();
});

function success<T extends { __typename: string }, N extends T['__typename']>(result: T, typename: N): Extract<T, { __typename: N }> {
  if (result.__typename !== typename) throw new Error(`expected ${typename}: ${JSON.stringify(result)}`);
  return result as Extract<T, { __typename: N }>;
}

describe('uploadDriveAsset', () => {
  test('sends a GraphQL multipart request with the CSRF header, and the bytes arrive intact', async () => {
    sent = [];
    const bytes = new Uint8Array(PNG);
    const result = await admin.uploadDriveAsset({ file: new File([bytes], 'pixel.png', { type: 'image/png' }) });
    const { driveAsset } = success(result, 'UploadDriveAssetSuccess');
    expect(driveAsset).toMatchObject({ __typename: 'DriveAsset', fileName: 'pixel.png', contentType: 'image/png', byteSize: PNG.length });

    const [request] = sent;
    expect(request!.headers['x-graphql-yoga-csrf']).toBe('1');
    expect(request!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const body = Buffer.from(request!.body as Uint8Array).toString('latin1');
    expect(body).toContain('name="operations"');
    expect(body).toContain('"variables":{"input":{"file":null}}');
    expect(body).toContain('name="map"\r\n\r\n{"0":["variables.input.file"]}');
    expect(body).toContain('name="0"; filename="pixel.png"\r\nContent-Type: image/png');

    const download = await admin.downloadDriveAsset(driveAsset);
    expect(Buffer.from(download.bytes).equals(PNG)).toBe(true);
    expect(download.contentType).toBe('image/png');
    expect(download.fileName).toBe('pixel.png');
    // The link is the credential: the client sends no Authorization with it.
    expect(sent.at(-1)!.headers.authorization).toBeUndefined();
  });

  test('takes bytes with a file name, or a Blob under another name and type', async () => {
    const text = new TextEncoder().encode('# Notes\nÜmlaut "quoted"\n');
    const fromBytes = success(
      await admin.uploadDriveAsset({ file: text, fileName: 'Grüße.md', contentType: 'text/markdown' }),
      'UploadDriveAssetSuccess',
    ).driveAsset;
    expect(fromBytes).toMatchObject({ fileName: 'Grüße.md', contentType: 'text/markdown', byteSize: text.byteLength });
    const bytes = await fetchDriveAsset(fromBytes.url, { fetch: appFetch });
    expect(Buffer.from(bytes.bytes).equals(Buffer.from(text))).toBe(true);

    const fromBlob = success(
      await admin.uploadDriveAsset({ file: new Blob(['a,b\n1,2\n']), fileName: 'table.csv', contentType: 'text/csv' }),
      'UploadDriveAssetSuccess',
    ).driveAsset;
    expect(fromBlob).toMatchObject({ fileName: 'table.csv', contentType: 'text/csv', byteSize: 8 });
  });

  test('uploads just the bytes of a Node Buffer, not the pool it may sit in', async () => {
    const pooled = Buffer.from('small and pooled');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    const asset = success(await admin.uploadDriveAsset({ file: pooled, fileName: 'pooled.txt' }), 'UploadDriveAssetSuccess').driveAsset;
    expect(asset.byteSize).toBe(pooled.byteLength);
    expect(Buffer.from((await admin.downloadDriveAsset(asset)).bytes).equals(pooled)).toBe(true);
  });

  test('encodes a file name as browsers do: quotes and line breaks percent-encoded', async () => {
    sent = [];
    await admin.uploadDriveAsset({ file: new Uint8Array([1, 2, 3]), fileName: 'a "b"\r\nc.bin' });
    const body = Buffer.from(sent[0]!.body as Uint8Array).toString('utf8');
    expect(body).toContain('filename="a %22b%22%0D%0Ac.bin"\r\nContent-Type: application/octet-stream\r\n');
  });

  test('client.request runs the generated upload document as multipart too', async () => {
    const { uploadDriveAsset } = await admin.request(UploadDriveAssetDocument, {
      input: { file: new File([new Uint8Array(PNG)], 'via-request.png', { type: 'image/png' }) },
    });
    expect(success(uploadDriveAsset, 'UploadDriveAssetSuccess').driveAsset.fileName).toBe('via-request.png');
  });

  test('a file over the limit is a FileTooLargeError with maxBytes', async () => {
    const result = await admin.uploadDriveAsset({ file: new Uint8Array(MAX_UPLOAD_BYTES + 1), fileName: 'big.bin' });
    expect(result).toMatchObject({ __typename: 'FileTooLargeError', code: 'FILE_TOO_LARGE', maxBytes: MAX_UPLOAD_BYTES });
  });

  // The server reads up to 64 KiB past the cap to answer with the typed error; beyond that, 413.
  test('a file well over the limit is a FileTooLargeError too', async () => {
    const result = await admin.uploadDriveAsset({ file: new Uint8Array(MAX_UPLOAD_BYTES * 2), fileName: 'bigger.bin' });
    expect(result).toMatchObject({ __typename: 'FileTooLargeError', maxBytes: MAX_UPLOAD_BYTES });
  });
});

describe('categories and articles', () => {
  test('create, read, filter, update and delete, with the errors as union members', async () => {
    const root = success(await admin.createCategory({ name: 'Guides' }), 'CreateCategorySuccess').category;
    const child = success(await admin.createCategory({ name: 'Setup', parentId: root.id }), 'CreateCategorySuccess').category;
    expect(child.parent).toMatchObject({ id: root.id, slug: 'guides' });
    const asset = success(
      await admin.uploadDriveAsset({ file: new Uint8Array(PNG), fileName: 'shot.png' }),
      'UploadDriveAssetSuccess',
    ).driveAsset;

    const created = success(
      await admin.createArticle({
        title: 'Install kbgate',
        content: '# Install\n\n![shot](shot.png)\n',
        categoryId: child.id,
        tags: ['Setup', 'cli'],
        status: 'PUBLISHED',
        assetIds: [asset.id],
      }),
      'CreateArticleSuccess',
    ).article;
    expect(created).toMatchObject({ slug: 'install-kbgate', status: 'PUBLISHED', category: { id: child.id } });
    expect([...created.tags].sort()).toEqual(['cli', 'setup']);
    expect(created.assets.map((a) => a.id)).toEqual([asset.id]);
    success(await admin.createArticle({ title: 'Draft', categoryId: child.id }), 'CreateArticleSuccess');

    const published = await admin.articles({ categoryId: child.id, status: 'PUBLISHED', first: 10 });
    expect(published.edges.map((e) => e.node.slug)).toEqual(['install-kbgate']);
    expect((await admin.articles({ tag: 'CLI' })).edges.map((e) => e.node.id)).toEqual([created.id]);
    expect((await admin.article({ id: created.id }))?.title).toBe('Install kbgate');

    const page = await admin.category({ id: child.id, first: 1 });
    expect(page).toMatchObject({ slug: 'setup', parent: { id: root.id }, children: [] });
    expect(page!.articles.edges).toHaveLength(1);
    expect(page!.articles.pageInfo.hasNextPage).toBe(true);
    const next = await admin.category({ id: child.id, first: 1, after: page!.articles.pageInfo.endCursor });
    expect(next!.articles.edges.map((e) => e.node.title)).toEqual(['Install kbgate']);
    expect((await admin.category({ id: root.id }))!.children.map((c) => c.id)).toEqual([child.id]);
    expect((await admin.categories()).map((c) => c.name)).toEqual(expect.arrayContaining(['Guides', 'Setup']));
    expect(await admin.tags()).toEqual(expect.arrayContaining([{ __typename: 'Tag', name: 'cli', articleCount: 1 }]));
    expect((await admin.driveAssets({ first: 50 })).edges.some((e) => e.node.id === asset.id)).toBe(true);
    expect((await admin.driveAsset({ id: asset.id }))?.fileName).toBe('shot.png');

    const notEmpty = await admin.deleteCategory({ id: child.id });
    expect(notEmpty).toMatchObject({ __typename: 'CategoryNotEmptyError', code: 'CATEGORY_NOT_EMPTY', childCount: 0, articleCount: 2 });
    const invalid = await admin.updateCategory({ id: child.id, name: '  ' });
    expect(invalid.__typename === 'ValidationError' && invalid.fieldErrors.length).toBeTruthy();
    const renamed = success(await admin.updateArticle({ id: created.id, title: 'Installing kbgate', tags: [] }), 'UpdateArticleSuccess');
    expect(renamed.article).toMatchObject({ title: 'Installing kbgate', slug: 'install-kbgate', tags: [] });

    expect(success(await admin.deleteArticle({ id: created.id }), 'DeleteArticleSuccess').deletedId).toBe(created.id);
    expect(await admin.deleteArticle({ id: created.id })).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    expect(success(await admin.deleteDriveAsset({ id: asset.id }), 'DeleteDriveAssetSuccess').deletedId).toBe(asset.id);
    const gone = await admin.downloadDriveAsset(asset).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(DriveLinkError);
    expect(gone).toMatchObject({ reason: 'NOT_FOUND', status: 404 });
  });
});

describe('an API token', () => {
  test('is refused each method it lacks with ForbiddenError.requiredMethod', async () => {
    const session = await t.adminSession(await t.createProject({ name: 'Methods' }), 'OWNER');
    const reader = clientFor((await t.createToken(session, { allowedMethods: ['GET'] })).token);
    const refusal = async (action: () => Promise<unknown>) => {
      const error = await action().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ForbiddenError);
      return (error as ForbiddenError).requiredMethod;
    };
    expect(await reader.categories()).toEqual([]);
    expect(await refusal(() => reader.createCategory({ name: 'Nope' }))).toBe('POST');
    expect(await refusal(() => reader.uploadDriveAsset({ file: new Uint8Array(PNG), fileName: 'p.png' }))).toBe('POST');
    expect(await refusal(() => reader.updateArticle({ id: 'QXJ0aWNsZTox', title: 'x' }))).toBe('PUT');
    expect(await refusal(() => reader.deleteDriveAsset({ id: 'x' }))).toBe('DELETE');

    const writer = clientFor((await t.createToken(session, { allowedMethods: ['POST'] })).token);
    expect(await refusal(() => writer.articles())).toBe('GET');
  });

  test('gets links that a changed signature or a deleted token ends (DriveLinkError 403)', async () => {
    const session = await t.adminSession(await t.createProject({ name: 'Links' }), 'OWNER');
    const { id: tokenId, token } = await t.createToken(session, { allowedMethods: ['GET', 'POST'] });
    const client = clientFor(token);
    const asset = success(await client.uploadDriveAsset({ file: new Uint8Array(PNG), fileName: 'p.png' }), 'UploadDriveAssetSuccess').driveAsset;
    expect((await client.downloadDriveAsset(asset)).bytes.byteLength).toBe(PNG.length);

    const altered = asset.url.replace(/signature=./, (m) => (m.endsWith('A') ? `${m.slice(0, -1)}B` : `${m.slice(0, -1)}A`));
    const refused = await fetchDriveAsset(altered, { fetch: appFetch }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DriveLinkError);
    expect(refused).toMatchObject({ reason: 'INVALID_OR_EXPIRED', status: 403 });
    // The signature grants access: it stays out of the message.
    expect((refused as Error).message).not.toContain('signature');

    const deleted = await t.gql('mutation ($id: ID!) { deleteApiToken(input: { id: $id }) { __typename } }', { id: tokenId }, session);
    expect(deleted.body.data.deleteApiToken.__typename).toBe('DeleteApiTokenSuccess');
    await expect(client.downloadDriveAsset(asset)).rejects.toMatchObject({ name: 'DriveLinkError', status: 403 });
  });

  test('an unreachable drive host is a NetworkError', async () => {
    const failing: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    const error = await fetchDriveAsset('http://kbgate.test/drive/x?signature=SECRET', { fetch: failing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).not.toContain('SECRET');
  });
});
