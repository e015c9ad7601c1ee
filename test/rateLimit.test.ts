import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createClient, type FetchLike, RateLimitError } from '../sdk/src/index.js';
import { DEFAULT_LIMITS } from '../server/config.js';
import { TokenRateLimiter } from '../server/rateLimit/tokens.js';
import { createTestApp, type GraphQLResponse, type TestApp } from './support/app.js';

// Rate limits in one process, on a clock the tests move: fixed minute windows,
// so every minute starts with 45 s left in it.
const MINUTE = 60_000;
const MINUTE_START = (Math.floor(Date.now() / MINUTE) + 1) * MINUTE;
const START = MINUTE_START + 15_000;
let now = START;
const clock = () => now;
/** Whole seconds left in the current minute, as X-RateLimit-Reset and Retry-After give them. */
const secondsLeft = () => Math.ceil((Math.floor(now / MINUTE + 1) * MINUTE - now) / 1000);

const VIEWER = '{ viewer { kind } }';
const CREATE_CATEGORY = `mutation ($input: CreateCategoryInput!) {
  createCategory(input: $input) { __typename ... on CreateCategorySuccess { category { id } } }
}`;
const CATEGORIES = '{ categories { name } }';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());
beforeEach(() => {
  now = START;
});

/** A fresh project on `plan` with an OWNER session and one token of the given methods. */
async function projectWithToken(plan: 'BUSINESS' | 'ENTERPRISE', allowedMethods = ['GET']) {
  const projectId = await t.createProject({ name: `Rate ${plan}`, plan });
  const owner = await t.adminSession(projectId, 'OWNER');
  const { token } = await t.createToken(owner, { allowedMethods });
  return { projectId, owner, token };
}

/** Every value a response carries for a header, however the server spelt its name. */
function headerValues(headers: Headers, name: string): string[] {
  return [...headers].filter(([key]) => key.toLowerCase() === name.toLowerCase()).map(([, value]) => value);
}

function expectAllowed(res: GraphQLResponse, limit: number, remaining: number) {
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  expect(headerValues(res.headers, 'x-ratelimit-limit')).toEqual([String(limit)]);
  expect(headerValues(res.headers, 'x-ratelimit-remaining')).toEqual([String(remaining)]);
  expect(headerValues(res.headers, 'x-ratelimit-reset')).toEqual([String(secondsLeft())]);
  expect(headerValues(res.headers, 'retry-after')).toEqual([]);
}

function expectLimited(res: GraphQLResponse, limit: number) {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({
    errors: [{ message: `Rate limit of ${limit} requests a minute reached`, extensions: { code: 'RATE_LIMITED' } }],
  });
  const reset = String(secondsLeft());
  // get(): that each header is sent once is a test of its own below.
  expect(res.headers.get('x-ratelimit-limit')).toBe(String(limit));
  expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
  expect(res.headers.get('x-ratelimit-reset')).toBe(reset);
  expect(res.headers.get('retry-after')).toBe(reset);
}

function expectNoRateLimitHeaders(res: GraphQLResponse) {
  for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after']) {
    expect(headerValues(res.headers, name)).toEqual([]);
  }
}

describe('requests per API token and minute', () => {
  test('BUSINESS: 60 pass with exact headers, the 61st is 429 and runs nothing, the next minute is open again', async () => {
    const { owner, token } = await projectWithToken('BUSINESS', ['GET', 'POST']);
    for (let i = 1; i <= 60; i++) {
      now = START + (i - 1) * 500; // the reset counts down as the minute passes
      const res = await t.gql(VIEWER, {}, token);
      expectAllowed(res, 60, 60 - i);
      expect(res.body.data).toEqual({ viewer: { kind: 'API_TOKEN' } });
    }
    now = START + 40_000;
    const refused = await t.gql(CREATE_CATEGORY, { input: { name: 'Over the limit' } }, token);
    expectLimited(refused, 60);
    expect(secondsLeft()).toBe(5);
    expect((await t.gql(CATEGORIES, {}, owner)).body).toEqual({ data: { categories: [] } });
    // Still refused at the last millisecond of the minute.
    now = MINUTE_START + MINUTE - 1;
    expectLimited(await t.gql(VIEWER, {}, token), 60);

    now = MINUTE_START + MINUTE;
    const next = await t.gql(CREATE_CATEGORY, { input: { name: 'Next minute' } }, token);
    expectAllowed(next, 60, 59);
    expect(headerValues(next.headers, 'x-ratelimit-reset')).toEqual(['60']);
    expect(next.body.data.createCategory.__typename).toBe('CreateCategorySuccess');
    expect((await t.gql(CATEGORIES, {}, owner)).body).toEqual({ data: { categories: [{ name: 'Next minute' }] } });
  });

  test('ENTERPRISE: 100 pass, the 101st is 429', async () => {
    const { token } = await projectWithToken('ENTERPRISE');
    for (let i = 1; i <= 100; i++) expectAllowed(await t.gql(VIEWER, {}, token), 100, 100 - i);
    expectLimited(await t.gql(VIEWER, {}, token), 100);
    now = START + MINUTE;
    expectAllowed(await t.gql(VIEWER, {}, token), 100, 99);
  });

  test("the operator's rateLimitPerMinute holds, and null returns the project to its plan's 60", async () => {
    const { projectId, owner, token } = await projectWithToken('BUSINESS');
    await t.setRateLimit(projectId, 5);
    expect((await t.gql('{ project { rateLimitPerMinute } }', {}, owner)).body.data).toEqual({ project: { rateLimitPerMinute: 5 } });
    for (let i = 1; i <= 5; i++) expectAllowed(await t.gql(VIEWER, {}, token), 5, 5 - i);
    expectLimited(await t.gql(VIEWER, {}, token), 5);

    await t.setRateLimit(projectId, null);
    expect((await t.gql('{ project { rateLimitPerMinute } }', {}, owner)).body.data).toEqual({ project: { rateLimitPerMinute: 60 } });
    now = START + MINUTE;
    for (let i = 1; i <= 60; i++) expectAllowed(await t.gql(VIEWER, {}, token), 60, 60 - i);
    expectLimited(await t.gql(VIEWER, {}, token), 60);
  });

  test('an operator who raises the limit of a token that ran out unblocks it at once', async () => {
    const { projectId, token } = await projectWithToken('BUSINESS');
    await t.setRateLimit(projectId, 5);
    for (let i = 1; i <= 5; i++) expectAllowed(await t.gql(VIEWER, {}, token), 5, 5 - i);
    expectLimited(await t.gql(VIEWER, {}, token), 5);
    await t.setRateLimit(projectId, null);
    // Same minute: 6 of the 60 are spent (5 allowed, and this one).
    expectAllowed(await t.gql(VIEWER, {}, token), 60, 54);
  });

  test('once the budget is gone, a request with an invalid document is refused too', async () => {
    const { projectId, token } = await projectWithToken('BUSINESS');
    await t.setRateLimit(projectId, 2);
    expectAllowed(await t.gql(VIEWER, {}, token), 2, 1);
    expectAllowed(await t.gql(VIEWER, {}, token), 2, 0);
    expectLimited(await t.gql(VIEWER, {}, token), 2);
    expectLimited(await t.gql('{ noSuchField }', {}, token), 2);
    expectLimited(await t.gql(`{ ${'viewer { kind } '.repeat(3)}`, {}, token), 2); // a syntax error
  });

  test('a request with an invalid document spends the budget like any other request', async () => {
    const { projectId, token } = await projectWithToken('BUSINESS');
    await t.setRateLimit(projectId, 2);
    const invalid = await t.gql('{ noSuchField }', {}, token);
    expect(invalid.status).toBe(200);
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(headerValues(invalid.headers, 'x-ratelimit-remaining')).toEqual(['1']);
    expectAllowed(await t.gql(VIEWER, {}, token), 2, 0);
  });

  test('each token has its own budget', async () => {
    const { owner, token: first } = await projectWithToken('BUSINESS');
    const { token: second } = await t.createToken(owner, { allowedMethods: ['GET'] });
    for (let i = 1; i <= 60; i++) expectAllowed(await t.gql(VIEWER, {}, first), 60, 60 - i);
    expectLimited(await t.gql(VIEWER, {}, first), 60);
    expectAllowed(await t.gql(VIEWER, {}, second), 60, 59);
    expectAllowed(await t.gql(VIEWER, {}, second), 60, 58);
    expectLimited(await t.gql(VIEWER, {}, first), 60);
  });

  test('admin sessions and the operator are not token-rate-limited', async () => {
    const { projectId, owner, token } = await projectWithToken('BUSINESS');
    await t.setRateLimit(projectId, 1);
    expectAllowed(await t.gql(VIEWER, {}, token), 1, 0);
    expectLimited(await t.gql(VIEWER, {}, token), 1);
    const reader = await t.adminSession(projectId, 'READER');
    for (let i = 0; i < 70; i++) {
      for (const [credential, kind] of [[owner, 'ADMIN'], [reader, 'ADMIN'], [t.operatorKey, 'OPERATOR']] as const) {
        const res = await t.gql(VIEWER, {}, credential);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ data: { viewer: { kind } } });
        expectNoRateLimitHeaders(res);
      }
    }
    expectLimited(await t.gql(VIEWER, {}, token), 1);
  });

  test('a 429 sends each rate-limit header once (a repeated header reads as "5, 5")', async () => {
    const { projectId, token } = await projectWithToken('BUSINESS');
    await t.setRateLimit(projectId, 1);
    expectAllowed(await t.gql(VIEWER, {}, token), 1, 0);
    const res = await t.gql(VIEWER, {}, token);
    expect(res.status).toBe(429);
    const reset = String(secondsLeft());
    expect({
      limit: headerValues(res.headers, 'x-ratelimit-limit'),
      remaining: headerValues(res.headers, 'x-ratelimit-remaining'),
      reset: headerValues(res.headers, 'x-ratelimit-reset'),
      retryAfter: headerValues(res.headers, 'retry-after'),
    }).toEqual({ limit: ['1'], remaining: ['0'], reset: [reset], retryAfter: [reset] });
  });

  test('a burst of 100 concurrent requests on a limit of 60: exactly 60 succeed', async () => {
    const { owner, token } = await projectWithToken('BUSINESS', ['GET', 'POST']);
    const names = Array.from({ length: 100 }, (_, i) => `burst ${i}`);
    const responses = await Promise.all(names.map((name) => t.gql(CREATE_CATEGORY, { input: { name } }, token)));
    const allowed = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 429);
    const allowedNames = names.filter((_, i) => responses[i]!.status === 200);
    expect(allowed).toHaveLength(60);
    expect(refused).toHaveLength(40);
    for (const res of allowed) expect(res.body.data.createCategory.__typename).toBe('CreateCategorySuccess');
    for (const res of refused) expectLimited(res, 60);
    // Every remaining count from 59 down to 0 handed out once.
    const remaining = allowed.map((r) => Number(r.headers.get('x-ratelimit-remaining'))).sort((a, b) => a - b);
    expect(remaining).toEqual(Array.from({ length: 60 }, (_, i) => i));
    // Exactly the allowed requests ran.
    const created = (await t.gql(CATEGORIES, {}, owner)).body.data.categories.map((c: { name: string }) => c.name);
    expect(created.sort()).toEqual(allowedNames.sort());
  });
});

describe('failed authentication per client address', () => {
  let limited: TestApp;
  let token: string;
  beforeAll(async () => {
    limited = await createTestApp({ clock, config: { limits: { ...DEFAULT_LIMITS, authFailuresPerMinute: 5 } } });
    const projectId = await limited.createProject({ name: 'Guarded' });
    const owner = await limited.adminSession(projectId, 'OWNER');
    token = (await limited.createToken(owner, { allowedMethods: ['GET'] })).token;
  });
  afterAll(() => limited.close());

  /** POST /graphql from `address`, as a request on a socket from there would be. */
  async function from(address: string, credential: string | null, query = VIEWER): Promise<GraphQLResponse> {
    const socket = { remoteAddress: address };
    const res = await limited.app.yoga.fetch(
      new Request('http://kbgate.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
        body: JSON.stringify({ query }),
      }),
      { req: { socket } as unknown as IncomingMessage },
    );
    return { status: res.status, headers: res.headers, body: await res.json() };
  }

  const BAD = [
    'kbg_0000000000000000000000000000000000000A', // token-shaped, bad checksum
    'kbg_not-a-token',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', // JWT-shaped, wrong signature
    'wrong-operator-key-wrong-operator-key',
    'x',
  ];

  function expectUnauthenticated(res: GraphQLResponse) {
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }

  function expectBlocked(res: GraphQLResponse) {
    expect(res.status).toBe(429);
    expect(res.body).toEqual({
      errors: [{ message: 'Too many failed authentication attempts', extensions: { code: 'RATE_LIMITED' } }],
    });
    expect(headerValues(res.headers, 'retry-after')).toEqual([String(secondsLeft())]);
  }

  test('after 5 failures an address gets 429 even with a valid credential; another address does not; the next minute it may try again', async () => {
    for (const bad of BAD) expectUnauthenticated(await from('203.0.113.7', bad));

    now = START + 10_000;
    // The first use of the token this minute comes after these: the refusals spend none of its budget.
    expectBlocked(await from('203.0.113.7', token));
    expectBlocked(await from('203.0.113.7', limited.operatorKey));
    expectBlocked(await from('203.0.113.7', null));
    expectBlocked(await from('203.0.113.7', BAD[0]!));
    expect(secondsLeft()).toBe(35);

    const other = await from('203.0.113.8', token);
    expect(other.status).toBe(200);
    expect(other.body).toEqual({ data: { viewer: { kind: 'API_TOKEN' } } });
    expect(headerValues(other.headers, 'x-ratelimit-remaining')).toEqual(['59']);
    expectUnauthenticated(await from('203.0.113.8', BAD[1]!));
    expectUnauthenticated(await from('2001:db8::7', BAD[1]!));

    now = MINUTE_START + MINUTE;
    const again = await from('203.0.113.7', token);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ data: { viewer: { kind: 'API_TOKEN' } } });
    expectUnauthenticated(await from('203.0.113.7', BAD[0]!));
  });

  test('successes do not count, and 4 failures a minute never block', async () => {
    for (let minute = 0; minute < 3; minute++) {
      now = START + minute * MINUTE;
      for (let i = 0; i < 4; i++) {
        expectUnauthenticated(await from('198.51.100.20', BAD[i]!));
        expect((await from('198.51.100.20', limited.operatorKey)).status).toBe(200);
      }
    }
    expectUnauthenticated(await from('198.51.100.20', BAD[4]!));
    expectBlocked(await from('198.51.100.20', limited.operatorKey));
  });
});

describe("the SDK's RateLimitError against the real app", () => {
  async function exhaust(fetch: FetchLike) {
    const { projectId, token } = await projectWithToken('BUSINESS');
    await t.setRateLimit(projectId, 3);
    const client = createClient({ url: 'http://kbgate.test/graphql', credential: token, fetch });
    for (let i = 0; i < 3; i++) await expect(client.viewer()).resolves.toMatchObject({ kind: 'API_TOKEN', allowedMethods: ['GET'] });
    now = START + 20_000;
    const error = await client.viewer().then(
      () => { throw new Error('expected a RateLimitError'); },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RateLimitError);
    const limitError = error as RateLimitError;
    expect(limitError.message).not.toContain(token);
    return limitError;
  }

  test('in process: limit, remaining, reset and retryAfter from the headers', async () => {
    const error = await exhaust(async (url, init) => t.app.yoga.fetch(new Request(url, init)));
    expect({ status: error.status, limit: error.limit, remaining: error.remaining, reset: error.reset, retryAfter: error.retryAfter })
      .toEqual({ status: 429, limit: 3, remaining: 0, reset: 25, retryAfter: 25 });
  });

  test('over a real HTTP connection: the same fields', async () => {
    const server = createServer(t.app.yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const error = await exhaust((_url, init) => fetch(`http://127.0.0.1:${port}/graphql`, init));
      expect({ status: error.status, limit: error.limit, remaining: error.remaining, reset: error.reset, retryAfter: error.retryAfter })
        .toEqual({ status: 429, limit: 3, remaining: 0, reset: 25, retryAfter: 25 });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('old windows are pruned', () => {
  test('windows over an hour old are deleted; the current one stays', async () => {
    const db = t.database.handle.db;
    const tokenId = randomUUID();
    let at = START;
    const limiter = new TokenRateLimiter(db, () => at);
    await limiter.take(tokenId, 10);
    at += 61 * MINUTE;
    await limiter.take(tokenId, 10);
    const windows = () =>
      db.selectFrom('rate_limit_windows').select('window_start').where('token_id', '=', tokenId).orderBy('window_start').execute();
    expect(await windows()).toHaveLength(2);
    await limiter.prune();
    const left = await windows();
    expect(left.map((w) => w.window_start.getTime())).toEqual([Math.floor(at / MINUTE) * MINUTE]);
  });
});
