import { randomBytes } from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';
import { DRIVE_ASSET_FIELDS, PNG_1X1, resultOf, seedArticle, seedAsset, seedCategory, upload } from './support/kb.js';

/** Whole seconds, so "now + 15 min" is exact; every test starts here. */
const START = Math.floor(Date.now() / 1000) * 1000;
let now = START;
const clock = () => now;

let t: TestApp;
let owner: string;
let projectId: string;
/** All four methods, links valid 15 minutes. */
let token15: { id: string; token: string };
/** GET only, links valid 36 hours. */
let token2160: { id: string; token: string };

beforeAll(async () => {
  t = await createTestApp({ clock });
  projectId = await t.createProject({ name: 'Drive' });
  owner = await t.adminSession(projectId, 'OWNER');
  token15 = await t.createToken(owner, { allowedMethods: ['GET', 'POST', 'PUT', 'DELETE'], driveAssetAccessValidityMinutes: 15 });
  token2160 = await t.createToken(owner, { allowedMethods: ['GET'], driveAssetAccessValidityMinutes: 2160 });
});
afterAll(() => t.close());
beforeEach(() => {
  now = START;
});

const ASSET = `query ($id: ID!) { driveAsset(id: $id) { ${DRIVE_ASSET_FIELDS} } }`;
const DELETE_ASSET = `mutation ($input: DeleteDriveAssetInput!) {
  deleteDriveAsset(input: $input) { __typename ... on Error { code message } ... on DeleteDriveAssetSuccess { deletedId } }
}`;
const ASSETS_PAGE = `query ($first: Int, $after: String) {
  driveAssets(first: $first, after: $after) {
    edges { cursor node { id fileName createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The asset as `credential` sees it, with a link issued at the current clock. */
async function assetFor(credential: string, id: string) {
  const res = await t.gql(ASSET, { id }, credential);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data.driveAsset;
}

/** Follows a drive link with no credential at all. */
function follow(url: string | URL, init?: RequestInit) {
  const u = new URL(url);
  return t.fetch(u.pathname + u.search, init);
}

function withParam(url: string, name: string, value: string | null): URL {
  const u = new URL(url);
  if (value === null) u.searchParams.delete(name);
  else u.searchParams.set(name, value);
  return u;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `value` with its character at `index` replaced by the base64url digit whose value differs by `xor`. */
function flipDigit(value: string, index: number, xor: number): string {
  const i = index < 0 ? value.length + index : index;
  return value.slice(0, i) + BASE64URL[BASE64URL.indexOf(value[i]!) ^ xor] + value.slice(i + 1);
}

const assetPath = (url: string) => new URL(url).pathname;
const localId = (globalId: string) => decodeGlobalID(globalId).id;
const at = (ms: number) => new Date(ms).toISOString();

async function expectRefused(url: string | URL, status = 403) {
  const res = await follow(url);
  expect(res.status, String(url)).toBe(status);
  expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  expect(res.headers.get('content-disposition')).toBeNull();
  return res;
}

describe('uploadDriveAsset', () => {
  test('a PNG: file name, sniffed type, size; stored as uploaded', async () => {
    const res = await upload(t, token15.token, PNG_1X1, 'pixel.png', 'image/png');
    expect(res.status).toBe(200);
    const asset = resultOf(res, 'uploadDriveAsset', 'UploadDriveAssetSuccess').driveAsset;
    expect(asset).toMatchObject({ fileName: 'pixel.png', contentType: 'image/png', byteSize: 70 });
    expect(decodeGlobalID(asset.id).typename).toBe('DriveAsset');
    expect(await assetFor(token15.token, asset.id)).toMatchObject({
      id: asset.id,
      fileName: 'pixel.png',
      contentType: 'image/png',
      byteSize: 70,
      createdAt: asset.createdAt,
    });
  });

  test('the type comes from the bytes even when the upload says application/octet-stream', async () => {
    const asset = await seedAsset(t, token15.token, PNG_1X1, 'photo', 'application/octet-stream');
    expect(asset).toMatchObject({ fileName: 'photo', contentType: 'image/png', byteSize: 70 });
  });

  test('a text file declared text/plain stays text/plain', async () => {
    const text = Buffer.from('Plain notes\nsecond line\n');
    const asset = await seedAsset(t, token15.token, text, 'notes.txt', 'text/plain');
    expect(asset).toMatchObject({ fileName: 'notes.txt', contentType: 'text/plain', byteSize: text.length });
  });

  describe('with a 1024-byte cap', () => {
    let small: TestApp;
    let session: string;
    beforeAll(async () => {
      small = await createTestApp({ config: { maxUploadBytes: 1024 } });
      session = await small.adminSession(await small.createProject({ name: 'Small' }), 'EDITOR');
    });
    afterAll(() => small.close());

    const stored = async () => (await small.gql(ASSETS_PAGE, { first: 100 }, session)).body.data.driveAssets.edges;

    test('1025 bytes: FileTooLargeError with maxBytes, nothing stored', async () => {
      const res = await upload(small, session, randomBytes(1025), 'big.bin', 'application/octet-stream');
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.uploadDriveAsset).toEqual({
        __typename: 'FileTooLargeError',
        code: 'FILE_TOO_LARGE',
        message: expect.stringContaining('1024'),
        maxBytes: 1024,
      });
      expect(await stored()).toEqual([]);
    });

    test('exactly 1024 bytes: stored, served byte for byte', async () => {
      const bytes = randomBytes(1024);
      const asset = resultOf(
        await upload(small, session, bytes, 'exact.bin', 'application/octet-stream'),
        'uploadDriveAsset',
        'UploadDriveAssetSuccess',
      ).driveAsset;
      expect(asset).toMatchObject({ fileName: 'exact.bin', byteSize: 1024 });
      expect((await stored()).map((e: any) => e.node.id)).toEqual([asset.id]);
      const u = new URL(asset.url);
      const served = await small.fetch(u.pathname + u.search);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    });
  });
});

describe('following a link, with no credential', () => {
  let png: any;
  let html: any;
  const page = Buffer.from('<!doctype html><title>x</title><p>Hello</p>\n');
  beforeAll(async () => {
    png = await seedAsset(t, token15.token, PNG_1X1, 'pixel.png', 'image/png');
    html = await seedAsset(t, token15.token, page, 'page.html', 'text/html');
  });

  test('an image: the exact bytes, inline, cached privately for the remaining validity', async () => {
    const { url } = await assetFor(token15.token, png.id);
    const res = await follow(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG_1X1)).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-length')).toBe('70');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="pixel.png"; filename*=UTF-8''pixel.png`);
    expect(res.headers.get('cache-control')).toBe('private, max-age=900');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('HTML is a download, never shown in place', async () => {
    expect(html.contentType).toBe('text/html');
    const res = await follow((await assetFor(token15.token, html.id)).url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(page)).toBe(true);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(res.headers.get('content-length')).toBe(String(page.length));
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="page.html"; filename*=UTF-8''page.html`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('max-age shrinks with the time left and never exceeds it', async () => {
    const { url, urlExpiresAt } = await assetFor(token15.token, png.id);
    for (const elapsed of [0, 1, 100, 899]) {
      now = START + elapsed * 1000;
      const res = await follow(url);
      expect(res.status).toBe(200);
      const maxAge = Number(/^private, max-age=(\d+)$/.exec(res.headers.get('cache-control')!)![1]);
      expect(maxAge).toBe(900 - elapsed);
      expect(now + maxAge * 1000).toBeLessThanOrEqual(Date.parse(urlExpiresAt));
    }
  });

  test('HEAD: the same headers, no body', async () => {
    const { url } = await assetFor(token15.token, png.id);
    const res = await follow(url, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-length')).toBe('70');
    expect(res.headers.get('cache-control')).toBe('private, max-age=900');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  test('POST to /drive: 405', async () => {
    const { url } = await assetFor(token15.token, png.id);
    const res = await follow(url, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('validity', () => {
  let asset: any;
  beforeAll(async () => {
    asset = await seedAsset(t, owner, PNG_1X1, 'valid.png', 'image/png');
  });

  test.each([
    ['a 15-minute token', () => token15.token, 15 * 60],
    ['a 36-hour token', () => token2160.token, 36 * 3600],
    ['an admin session', () => owner, 15 * 60],
  ] as const)('%s: urlExpiresAt and the link’s expires agree with the validity', async (_, credential, seconds) => {
    now = START + 7_000;
    const { url, urlExpiresAt } = await assetFor(credential(), asset.id);
    expect(urlExpiresAt).toBe(at(now + seconds * 1000));
    const u = new URL(url);
    expect(u.origin).toBe('http://kbgate.test');
    expect(u.pathname).toBe(`/drive/${localId(asset.id)}`);
    expect(u.searchParams.get('expires')).toBe(String(now / 1000 + seconds));
    expect((await follow(url)).headers.get('cache-control')).toBe(`private, max-age=${seconds}`);
  });

  test('the link of an upload is valid for the uploader’s validity', async () => {
    const uploaded = resultOf(
      await upload(t, token15.token, PNG_1X1, 'fresh.png', 'image/png'),
      'uploadDriveAsset',
      'UploadDriveAssetSuccess',
    ).driveAsset;
    expect(uploaded.urlExpiresAt).toBe(at(START + 15 * 60_000));
    expect((await follow(uploaded.url)).status).toBe(200);
  });

  test('valid until just before urlExpiresAt; 403 at it and after', async () => {
    const { url, urlExpiresAt } = await assetFor(token15.token, asset.id);
    const expiry = Date.parse(urlExpiresAt);
    expect(expiry).toBe(START + 15 * 60_000);

    now = expiry - 1000;
    const last = await follow(url);
    expect(last.status).toBe(200);
    expect(last.headers.get('cache-control')).toBe('private, max-age=1');
    now = expiry - 1;
    expect((await follow(url)).status).toBe(200);

    for (const later of [expiry, expiry + 1, expiry + 1000, expiry + 86_400_000]) {
      now = later;
      await expectRefused(url);
    }
  });
});

describe('an altered link is refused (403)', () => {
  let url: string;
  let otherUrl: string;
  let other: any;
  beforeAll(async () => {
    const asset = await seedAsset(t, owner, PNG_1X1, 'signed.png', 'image/png');
    other = await seedAsset(t, owner, Buffer.from('other file'), 'other.txt', 'text/plain');
    url = (await assetFor(token15.token, asset.id)).url;
    otherUrl = (await assetFor(token15.token, other.id)).url;
  });

  test('the untouched links work', async () => {
    expect((await follow(url)).status).toBe(200);
    expect((await follow(otherUrl)).status).toBe(200);
  });

  test('another real asset’s id in the path', async () => {
    const moved = new URL(url);
    moved.pathname = assetPath(otherUrl);
    expect(moved.pathname).not.toBe(assetPath(url));
    await expectRefused(moved);
  });

  test('expires moved by a second', async () => {
    const expires = Number(new URL(url).searchParams.get('expires'));
    await expectRefused(withParam(url, 'expires', String(expires + 1)));
    await expectRefused(withParam(url, 'expires', String(expires - 1)));
  });

  test('token: another token’s id, or empty', async () => {
    const tokenParam = new URL(url).searchParams.get('token')!;
    expect(tokenParam).toBe(localId(token15.id));
    const theirs = new URL((await assetFor(token2160.token, other.id)).url).searchParams.get('token')!;
    expect(theirs).toBe(localId(token2160.id));
    await expectRefused(withParam(url, 'token', theirs));
    await expectRefused(withParam(url, 'token', ''));
  });

  test('signature: a character flipped (first, middle, last)', async () => {
    const signature = new URL(url).searchParams.get('signature')!;
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expectRefused(withParam(url, 'signature', flipDigit(signature, 0, 32)));
    await expectRefused(withParam(url, 'signature', flipDigit(signature, 20, 1)));
    await expectRefused(withParam(url, 'signature', flipDigit(signature, -1, 8)));
  });

  // 32 HMAC bytes take 43 base64url digits, the last of which has 2 unused bits:
  // these signatures differ from the issued one in text but decode to the same bytes.
  test('signature: the same bytes spelled differently', async () => {
    const signature = new URL(url).searchParams.get('signature')!;
    const variants = {
      'an unused bit of the last digit set': flipDigit(signature, -1, 1),
      'a padding "=" appended': `${signature}=`,
      'a "." inserted': `${signature.slice(0, 10)}.${signature.slice(10)}`,
    };
    const statuses: Record<string, number> = {};
    for (const [name, variant] of Object.entries(variants)) {
      statuses[name] = (await follow(withParam(url, 'signature', variant))).status;
    }
    expect(statuses).toEqual(Object.fromEntries(Object.keys(variants).map((name) => [name, 403])));
  });

  test('signature: truncated, empty or removed', async () => {
    const signature = new URL(url).searchParams.get('signature')!;
    await expectRefused(withParam(url, 'signature', signature.slice(0, -1)));
    await expectRefused(withParam(url, 'signature', signature.slice(0, 22)));
    await expectRefused(withParam(url, 'signature', ''));
    await expectRefused(withParam(url, 'signature', null));
  });

  test('an extra query parameter', async () => {
    await expectRefused(withParam(url, 'download', '1'));
    await expectRefused(`${url}&expires=${new URL(url).searchParams.get('expires')}`);
  });
});

describe('a link ends with its token, its plan or its asset', () => {
  test('deleting the token that got the link: 403 from then on; other links unaffected', async () => {
    const doomed = await t.createToken(owner, { allowedMethods: ['GET'] });
    const asset = await seedAsset(t, owner, PNG_1X1, 'doomed.png', 'image/png');
    const { url } = await assetFor(doomed.token, asset.id);
    const adminUrl = (await assetFor(owner, asset.id)).url;
    expect((await follow(url)).status).toBe(200);

    const res = await t.gql(
      `mutation ($input: DeleteApiTokenInput!) { deleteApiToken(input: $input) { __typename } }`,
      { input: { id: doomed.id } },
      owner,
    );
    expect(res.body.data.deleteApiToken.__typename).toBe('DeleteApiTokenSuccess');
    await expectRefused(url);
    expect((await follow(adminUrl)).status).toBe(200);
  });

  test('a project moved to FREE: its tokens’ links 403; back on BUSINESS they work again', async () => {
    const otherProject = await t.createProject({ name: 'Downgraded' });
    const otherOwner = await t.adminSession(otherProject, 'OWNER');
    const token = await t.createToken(otherOwner, { allowedMethods: ['GET', 'POST'] });
    const asset = await seedAsset(t, token.token, PNG_1X1, 'plan.png', 'image/png');
    const { url } = await assetFor(token.token, asset.id);
    const setPlan = async (plan: string) => {
      const res = await t.gql(
        `mutation ($input: UpdateProjectInput!) { updateProject(input: $input) { __typename } }`,
        { input: { id: otherProject, plan } },
        t.operatorKey,
      );
      expect(res.body.data.updateProject.__typename).toBe('UpdateProjectSuccess');
    };

    expect((await follow(url)).status).toBe(200);
    await setPlan('FREE');
    await expectRefused(url);
    await setPlan('BUSINESS');
    expect((await follow(url)).status).toBe(200);
  });

  test('a deleted asset: 404 while the signature is still valid', async () => {
    const asset = await seedAsset(t, owner, PNG_1X1, 'gone.png', 'image/png');
    const tokenUrl = (await assetFor(token15.token, asset.id)).url;
    const adminUrl = (await assetFor(owner, asset.id)).url;
    const res = await t.gql(DELETE_ASSET, { input: { id: asset.id } }, token15.token);
    expect(res.body.data.deleteDriveAsset).toEqual({ __typename: 'DeleteDriveAssetSuccess', deletedId: asset.id });
    await expectRefused(tokenUrl, 404);
    await expectRefused(adminUrl, 404);
    now = START + 14 * 60_000;
    await expectRefused(tokenUrl, 404);
  });
});

describe('deleteDriveAsset', () => {
  test('removes the asset from every article’s assets and from driveAssets; a second delete is NotFoundError', async () => {
    const categoryId = await seedCategory(t, owner, 'Screenshots');
    const doomed = await seedAsset(t, owner, PNG_1X1, 'doomed.png', 'image/png');
    const kept = await seedAsset(t, owner, Buffer.from('kept'), 'kept.txt', 'text/plain');
    const both = await seedArticle(t, owner, { title: 'Both', categoryId, assetIds: [doomed.id, kept.id] });
    const only = await seedArticle(t, owner, { title: 'Only', categoryId, assetIds: [doomed.id] });
    const assetsOf = async (id: string) =>
      (await t.gql(`query ($id: ID!) { article(id: $id) { assets { id } } }`, { id }, owner)).body.data.article.assets.map(
        (a: any) => a.id,
      );
    expect(await assetsOf(both)).toEqual([doomed.id, kept.id]);
    expect(await assetsOf(only)).toEqual([doomed.id]);

    const first = await t.gql(DELETE_ASSET, { input: { id: doomed.id } }, token15.token);
    expect(first.body.data.deleteDriveAsset).toEqual({ __typename: 'DeleteDriveAssetSuccess', deletedId: doomed.id });
    expect(await assetsOf(both)).toEqual([kept.id]);
    expect(await assetsOf(only)).toEqual([]);
    expect((await t.gql(ASSET, { id: doomed.id }, owner)).body.data.driveAsset).toBeNull();
    const listed = (await t.gql(ASSETS_PAGE, { first: 100 }, owner)).body.data.driveAssets.edges.map((e: any) => e.node.id);
    expect(listed).not.toContain(doomed.id);
    expect(listed).toContain(kept.id);

    const second = await t.gql(DELETE_ASSET, { input: { id: doomed.id } }, token15.token);
    expect(second.body.data.deleteDriveAsset).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });
});

describe('driveAssets pagination', () => {
  let session: string;
  beforeAll(async () => {
    session = await t.adminSession(await t.createProject({ name: 'Paged' }), 'EDITOR');
  });

  async function allPages(first: number) {
    const ids: string[] = [];
    const createdAts: number[] = [];
    const hasNext: boolean[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const res: any = await t.gql(ASSETS_PAGE, { first, after }, session);
      expect(res.body.errors).toBeUndefined();
      const { edges, pageInfo } = res.body.data.driveAssets;
      ids.push(...edges.map((e: any) => e.node.id));
      createdAts.push(...edges.map((e: any) => Date.parse(e.node.createdAt)));
      hasNext.push(pageInfo.hasNextPage);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    return { ids, createdAts, hasNext };
  }

  test('pages of 2 over 5 uploads: each once, newest first', async () => {
    const uploaded: string[] = [];
    for (let i = 1; i <= 5; i++) uploaded.push((await seedAsset(t, session, Buffer.from(`file ${i}`), `f${i}.txt`, 'text/plain')).id);
    const { ids, hasNext } = await allPages(2);
    expect(ids).toEqual([...uploaded].reverse());
    expect(hasNext).toEqual([true, true, false]);
  });

  test('simultaneous uploads: still each once, in newest-first order', async () => {
    const before = (await allPages(100)).ids;
    const uploaded = await Promise.all(
      Array.from({ length: 8 }, (_, i) => seedAsset(t, session, Buffer.from(`burst ${i}`), `burst${i}.txt`, 'text/plain')),
    );
    for (const size of [1, 3, 4]) {
      const { ids, createdAts } = await allPages(size);
      expect(ids).toHaveLength(before.length + 8);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set([...before, ...uploaded.map((a) => a.id)]));
      expect(createdAts).toEqual([...createdAts].sort((a, b) => b - a));
      expect(ids).toEqual((await allPages(100)).ids);
    }
  });
});
