import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appOn, createTestApp, type TestApp } from './support/app.js';
import { createTestDatabase } from './support/database.js';

let t: TestApp;
let operator: string;
beforeAll(async () => {
  t = await createTestApp();
  operator = t.operatorKey;
});
afterAll(() => t.close());

describe('GraphQL over HTTP', () => {
  test('GET /graphql runs a query when it carries the CSRF header', async () => {
    const url = `/graphql?query=${encodeURIComponent('{ viewer { kind } }')}`;
    const res = await t.fetch(url, {
      headers: { authorization: `Bearer ${operator}`, 'x-graphql-yoga-csrf': '1' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { viewer: { kind: 'OPERATOR' } } });
    // Yoga's CSRF prevention treats a GET like any request a browser sends without a preflight.
    const bare = await t.fetch(url, { headers: { authorization: `Bearer ${operator}` } });
    expect(bare.status).toBe(403);
  });

  test('a mutation over GET is refused and changes nothing', async () => {
    const mutation = 'mutation { createProject(input: {name: "via GET", plan: BUSINESS}) { __typename } }';
    const res = await t.fetch(`/graphql?query=${encodeURIComponent(mutation)}`, {
      headers: { authorization: `Bearer ${operator}`, 'x-graphql-yoga-csrf': '1' },
    });
    expect(res.status).toBe(405);
    const list = await t.gql('{ projects { totalCount } }', {}, operator);
    expect(list.body.data.projects.totalCount).toBe(0);
  });

  test.each([
    ['text/plain', JSON.stringify({ query: 'mutation { createProject(input: {name: "csrf", plan: BUSINESS}) { __typename } }' })],
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent('mutation { createProject(input: {name: "csrf", plan: BUSINESS}) { __typename } }')}`],
  ])('a %s post without the CSRF header is refused', async (contentType, body) => {
    const res = await t.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${operator}` },
      body,
    });
    expect(res.status).toBe(403);
    const list = await t.gql('{ projects { totalCount } }', {}, operator);
    expect(list.body.data.projects.totalCount).toBe(0);
  });

  test('batched requests are refused: one operation per request', async () => {
    const res = await t.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${operator}` },
      body: JSON.stringify([{ query: '{ viewer { kind } }' }, { query: '{ viewer { kind } }' }]),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  test('a negative page size is a clear error', async () => {
    const res = await t.gql('{ projects(first: -1) { totalCount } }', {}, operator);
    expect(res.body.errors?.[0]?.message).toBe('Argument "first" must be a non-negative integer');
  });

  test('an internal fault reaches the client masked', async () => {
    const db = await createTestDatabase();
    const app = appOn(db.handle);
    await db.handle.close();
    const res = await app.yoga.fetch(
      new Request('http://kbgate.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${operator}` },
        body: JSON.stringify({ query: '{ projects { totalCount } }' }),
      }),
    );
    const body = await res.json();
    expect(body.errors).toEqual([expect.objectContaining({ message: 'Unexpected error.' })]);
    expect(JSON.stringify(body)).not.toMatch(/stack|kysely|pglite|closed/i);
    await db.destroy().catch(() => {});
  });
});

describe('GET /healthz', () => {
  test('200 when the database answers', async () => {
    const res = await t.fetch('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('503 when it does not', async () => {
    const db = await createTestDatabase();
    const app = appOn(db.handle);
    await db.handle.close();
    const res = await app.yoga.fetch(new Request('http://kbgate.test/healthz'));
    expect(res.status).toBe(503);
    await db.destroy().catch(() => {});
  });
});
