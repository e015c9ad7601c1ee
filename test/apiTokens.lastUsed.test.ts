import { decodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';

// lastUsedAt: visible within a few seconds of a use, written at most once a minute per
// token, and never by the request itself. The app's clock is ours; its flush timer is real.

const START = Date.parse('2031-05-06T07:08:09.123Z');
let now = START;
const clock = () => now;
const iso = (ms: number) => new Date(ms).toISOString();

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

interface Setup {
  owner: string;
  tokenId: string;
  token: string;
}

let counter = 0;
async function setup(app: TestApp = t): Promise<Setup> {
  const projectId = await app.createProject({ name: `Last used ${++counter}` });
  const owner = await app.adminSession(projectId, 'OWNER');
  const { id, token } = await app.createToken(owner, { allowedMethods: ['GET', 'POST', 'PUT', 'DELETE'] });
  return { owner, tokenId: id, token };
}

/** One knowledge-base request with the token; it must be accepted. */
async function use(s: Setup, app: TestApp = t, headers?: Record<string, string>) {
  const res = headers ? await app.gql(`{ categories { id } }`, {}, null, headers) : await app.gql(`{ categories { id } }`, {}, s.token);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  expect(res.body.data.categories).toEqual([]);
}

/** lastUsedAt as the project's admin sees it. */
async function lastUsedAt(s: Setup, app: TestApp = t): Promise<string | null> {
  const res = await app.gql(`query ($id: ID!) { apiToken(id: $id) { lastUsedAt } }`, { id: s.tokenId }, s.owner);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.apiToken.lastUsedAt;
}

/** The row version: it changes with every UPDATE of the token's row. */
async function xmin(s: Setup, app: TestApp = t): Promise<string> {
  const { rows } = await sql<{ xmin: string }>`select xmin::text as xmin from api_tokens where id = ${decodeGlobalID(s.tokenId).id}`.execute(
    app.database.handle.db,
  );
  expect(rows).toHaveLength(1);
  return rows[0]!.xmin;
}

describe('lastUsedAt on a controlled clock', () => {
  test('is the time of the use, to the millisecond; kept for a later use within the minute; moved after it', async () => {
    now = START;
    const s = await setup();
    expect(await lastUsedAt(s)).toBeNull();

    await use(s);
    await t.app.flush();
    expect(await lastUsedAt(s)).toBe('2031-05-06T07:08:09.123Z');

    now = START + 10_000;
    await use(s);
    await t.app.flush();
    expect(await lastUsedAt(s)).toBe('2031-05-06T07:08:09.123Z');

    now = START + 59_999;
    await use(s);
    await t.app.flush();
    expect(await lastUsedAt(s)).toBe('2031-05-06T07:08:09.123Z');

    now = START + 61_000;
    await use(s);
    await t.app.flush();
    expect(await lastUsedAt(s)).toBe('2031-05-06T07:09:10.123Z');

    // The admin's own requests are not uses of the token.
    now = START + 200_000;
    await lastUsedAt(s);
    await t.app.flush();
    expect(await lastUsedAt(s)).toBe('2031-05-06T07:09:10.123Z');
  });

  test('each token has its own time, whichever header carried it; others are untouched', async () => {
    now = START + 1_000_000;
    const a = await setup();
    const b = await setup();
    const idle = await setup();
    const idleVersion = await xmin(idle);

    await use(a);
    now += 1_234;
    await use(b, t, { api_token: b.token });
    await t.app.flush();

    expect(await lastUsedAt(a)).toBe(iso(START + 1_000_000));
    expect(await lastUsedAt(b)).toBe(iso(START + 1_001_234));
    expect(await lastUsedAt(idle)).toBeNull();
    expect(await xmin(idle)).toBe(idleVersion);
  });

  test('a token deleted before the flush does not break the flush', async () => {
    now = START + 2_000_000;
    const s = await setup();
    const keep = await setup();
    await use(s);
    await use(keep);
    const res = await t.gql(`mutation ($id: ID!) { deleteApiToken(input: { id: $id }) { __typename } }`, { id: s.tokenId }, s.owner);
    expect(res.body.data.deleteApiToken.__typename).toBe('DeleteApiTokenSuccess');
    await expect(t.app.flush()).resolves.toBeUndefined();
    expect(await lastUsedAt(keep)).toBe(iso(START + 2_000_000));
  });
});

describe('visible within a few seconds without an explicit flush', () => {
  // The timer flushes every 2 s; the bound leaves room for a loaded CI machine.
  test('the background flush writes it within a few seconds of real time', async () => {
    now = START + 3_000_000;
    const s = await setup();
    const started = Date.now();
    await use(s);
    let seen: string | null = null;
    while (Date.now() - started < 10_000) {
      seen = await lastUsedAt(s);
      if (seen !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const elapsed = Date.now() - started;
    expect(seen).toBe(iso(START + 3_000_000));
    expect(elapsed).toBeLessThan(6_000);
  });
});

describe('no database write per request', () => {
  // An app whose flush timer is stopped, so every write happens at a flush we call.
  let quiet: TestApp;
  beforeAll(async () => {
    quiet = await createTestApp({ clock });
    await quiet.app.stop();
  });
  afterAll(() => quiet.close());

  test('a request does not write the row; 20 requests in one minute write it once', async () => {
    now = START + 4_000_000;
    const s = await setup(quiet);
    const created = await xmin(s, quiet);

    await use(s, quiet);
    expect(await xmin(s, quiet)).toBe(created);
    expect(await lastUsedAt(s, quiet)).toBeNull();
    await quiet.app.flush();
    const written = await xmin(s, quiet);
    expect(written).not.toBe(created);
    expect(await lastUsedAt(s, quiet)).toBe(iso(START + 4_000_000));

    for (let i = 1; i < 20; i++) {
      now = START + 4_000_000 + i * 1_000;
      await use(s, quiet);
      await quiet.app.flush();
      expect(await xmin(s, quiet)).toBe(written);
    }
    await Promise.all(Array.from({ length: 20 }, () => use(s, quiet)));
    await quiet.app.flush();
    expect(await xmin(s, quiet)).toBe(written);
    expect(await lastUsedAt(s, quiet)).toBe(iso(START + 4_000_000));

    now = START + 4_000_000 + 60_000;
    await use(s, quiet);
    expect(await xmin(s, quiet)).toBe(written);
    await quiet.app.flush();
    expect(await xmin(s, quiet)).not.toBe(written);
    expect(await lastUsedAt(s, quiet)).toBe(iso(START + 4_060_000));
  });

  test('20 simultaneous first uses write the row once', async () => {
    now = START + 5_000_000;
    const s = await setup(quiet);
    const created = await xmin(s, quiet);
    await Promise.all(Array.from({ length: 20 }, () => use(s, quiet)));
    expect(await xmin(s, quiet)).toBe(created);
    await quiet.app.flush();
    const written = await xmin(s, quiet);
    expect(written).not.toBe(created);
    await quiet.app.flush();
    expect(await xmin(s, quiet)).toBe(written);
    expect(await lastUsedAt(s, quiet)).toBe(iso(START + 5_000_000));
  });
});
