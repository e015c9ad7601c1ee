import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { App } from '../server/yoga.js';
import { appOn, gqlOn, createTestApp, type TestApp } from './support/app.js';
import { DATABASE_KIND } from './support/database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const CREATE = `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) {
  __typename
  ... on CreateApiTokenSuccess { token apiToken { id name } usage { used limit percent summary } }
  ... on TokenLimitReachedError { code usage { used limit percent summary } }
  ... on Error { code message } } }`;
const DELETE = `mutation ($input: DeleteApiTokenInput!) { deleteApiToken(input: $input) {
  __typename ... on DeleteApiTokenSuccess { deletedId usage { used limit } } ... on Error { code } } }`;
const LIST = '{ apiTokens(first: 100) { totalCount usage { used limit percent summary } edges { node { id name } } } }';
const VIEWER = '{ viewer { kind apiToken { id name } } }';

const db = () => t.database.handle.db;

async function storedFor(projectId: string) {
  const local = decodeGlobalID(projectId).id;
  const rows = await db().selectFrom('api_tokens').select(['id', 'name']).where('project_id', '=', local).execute();
  const audit = await db()
    .selectFrom('audit_events')
    .select(['action', 'api_token_id'])
    .where('project_id', '=', local)
    .where('action', 'like', 'api_token.%')
    .execute();
  const actions = (action: string) => audit.filter((row) => row.action === action);
  return { rows, creates: actions('api_token.create'), deletes: actions('api_token.delete') };
}

function tally(results: any[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) counts[result.__typename] = (counts[result.__typename] ?? 0) + 1;
  return counts;
}

/** 20 creates at once against a limit of 8, spread over the given app instances. */
async function twentyCreatesAgainstEight(apps: App[]) {
  const projectId = await t.createProject({ name: `Race ${apps.length}`, plan: 'BUSINESS' });
  const owner = await t.adminSession(projectId, 'OWNER');
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      gqlOn(apps[i % apps.length]!, CREATE, { input: { name: `racer ${i}`, allowedMethods: ['GET'] } }, owner),
    ),
  );
  for (const response of responses) {
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  }
  const results = responses.map((r) => r.body.data.createApiToken);
  expect(tally(results)).toEqual({ CreateApiTokenSuccess: 8, TokenLimitReachedError: 12 });

  const successes = results.filter((r) => r.__typename === 'CreateApiTokenSuccess');
  expect(successes.map((r) => r.usage.used).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  for (const refused of results.filter((r) => r.__typename === 'TokenLimitReachedError')) {
    expect(refused).toMatchObject({
      code: 'TOKEN_LIMIT_REACHED',
      usage: { used: 8, limit: 8, percent: 100, summary: '100% - 8/8 tokens created' },
    });
  }

  const list = await t.gql(LIST, {}, owner);
  expect(list.body.data.apiTokens.totalCount).toBe(8);
  expect(list.body.data.apiTokens.usage).toEqual({ used: 8, limit: 8, percent: 100, summary: '100% - 8/8 tokens created' });
  const stored = await storedFor(projectId);
  expect(stored.rows).toHaveLength(8);
  expect(stored.creates).toHaveLength(8);
  expect(new Set(stored.creates.map((row) => row.api_token_id))).toEqual(new Set(stored.rows.map((row) => row.id)));
  expect(stored.rows.map((row) => row.name).sort()).toEqual(successes.map((r) => r.apiToken.name).sort());

  for (const success of successes) {
    const viewer = await t.gql(VIEWER, {}, success.token);
    expect(viewer.status).toBe(200);
    expect(viewer.body.data.viewer).toEqual({ kind: 'API_TOKEN', apiToken: { id: success.apiToken.id, name: success.apiToken.name } });
  }
}

describe('the token limit under concurrency', () => {
  test('20 simultaneous creates with limit 8 → exactly 8 succeed', async () => {
    await twentyCreatesAgainstEight([t.app]);
  });

  test.skipIf(DATABASE_KIND === 'pglite')(
    '20 simultaneous creates over two app instances with their own pools → exactly 8 succeed',
    async () => {
      // Each reopen() is a separate pg pool: two server processes sharing one PostgreSQL database.
      await twentyCreatesAgainstEight([appOn(t.database.reopen()), appOn(t.database.reopen())]);
    },
  );
  // PGlite is an in-process database with a single connection; two processes cannot share it, so the
  // two-instance race above only means something on PostgreSQL (run with DATABASE_URL set).

  test('10 simultaneous creates with the same name → exactly 1 succeeds, 9 NameTakenError', async () => {
    const projectId = await t.createProject({ name: 'Same name', plan: 'ENTERPRISE' });
    const owner = await t.adminSession(projectId, 'OWNER');
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => t.gql(CREATE, { input: { name: 'Nightly sync', allowedMethods: ['GET'] } }, owner)),
    );
    const results = responses.map((r) => r.body.data.createApiToken);
    expect(tally(results)).toEqual({ CreateApiTokenSuccess: 1, NameTakenError: 9 });
    for (const refused of results.filter((r) => r.__typename === 'NameTakenError')) {
      expect(refused.code).toBe('NAME_TAKEN');
    }
    const stored = await storedFor(projectId);
    expect(stored.rows.map((row) => row.name)).toEqual(['Nightly sync']);
    expect(stored.creates).toHaveLength(1);
  });

  test('10 simultaneous creates with names differing only in case and spaces → exactly 1 succeeds', async () => {
    const projectId = await t.createProject({ name: 'Same name, other case', plan: 'ENTERPRISE' });
    const owner = await t.adminSession(projectId, 'OWNER');
    const names = ['Chat bot', 'chat bot', 'CHAT BOT', ' Chat bot', 'Chat bot ', 'cHAT bOT', 'Chat Bot', '  chat BOT  ', 'CHAT bot', 'chat Bot'];
    const responses = await Promise.all(
      names.map((name) => t.gql(CREATE, { input: { name, allowedMethods: ['GET'] } }, owner)),
    );
    expect(tally(responses.map((r) => r.body.data.createApiToken))).toEqual({ CreateApiTokenSuccess: 1, NameTakenError: 9 });
    const stored = await storedFor(projectId);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.name.toLowerCase()).toBe('chat bot');
  });

  test('deletes and creates racing at the limit never take usage over it', async () => {
    const projectId = await t.createProject({ name: 'Churn', plan: 'BUSINESS' });
    const owner = await t.adminSession(projectId, 'OWNER');
    let live: string[] = [];
    let serial = 0;
    const create = () => t.gql(CREATE, { input: { name: `churn ${++serial}`, allowedMethods: ['GET'] } }, owner);
    for (let i = 0; i < 8; i++) live.push((await create()).body.data.createApiToken.apiToken.id);

    let observations = 0;
    let racing = true;
    const watcher = (async () => {
      while (racing) {
        const { body } = await t.gql(LIST, {}, owner);
        expect(body.data.apiTokens.usage.used).toBeLessThanOrEqual(8);
        expect(body.data.apiTokens.totalCount).toBeLessThanOrEqual(8);
        observations++;
      }
    })();

    let created = 0;
    let deleted = 0;
    for (const [deletes, creates] of [[3, 6], [1, 4], [5, 5], [0, 3], [4, 2], [2, 8]] as const) {
      const victims = live.slice(0, deletes);
      const responses = await Promise.all([
        ...victims.map((id) => t.gql(DELETE, { input: { id } }, owner)),
        ...Array.from({ length: creates }, () => create()),
      ]);
      const deleteResults = responses.slice(0, victims.length).map((r) => r.body.data.deleteApiToken);
      const createResults = responses.slice(victims.length).map((r) => r.body.data.createApiToken);
      expect(deleteResults.map((r) => r.__typename)).toEqual(victims.map(() => 'DeleteApiTokenSuccess'));
      for (const r of [...createResults, ...deleteResults]) {
        expect(['CreateApiTokenSuccess', 'TokenLimitReachedError', 'DeleteApiTokenSuccess']).toContain(r.__typename);
        expect(r.usage.used).toBeLessThanOrEqual(8);
        expect(r.usage.limit).toBe(8);
      }
      const made = createResults.filter((r) => r.__typename === 'CreateApiTokenSuccess');
      expect(made.length).toBeLessThanOrEqual(8 - live.length + victims.length);
      live = [...live.slice(victims.length), ...made.map((r) => r.apiToken.id)];
      created += made.length;
      deleted += victims.length;

      const list = await t.gql(LIST, {}, owner);
      expect(list.body.data.apiTokens.totalCount).toBe(live.length);
      expect(list.body.data.apiTokens.usage.used).toBe(live.length);
      expect(new Set(list.body.data.apiTokens.edges.map((e: any) => e.node.id))).toEqual(new Set(live));
    }
    racing = false;
    await watcher;
    expect(observations).toBeGreaterThan(0);
    expect(deleted).toBe(15);

    const stored = await storedFor(projectId);
    expect(stored.rows).toHaveLength(live.length);
    expect(stored.creates).toHaveLength(8 + created);
    expect(stored.deletes).toHaveLength(deleted);

    // No slot leaked either way: creating one by one fills exactly up to the limit, then stops.
    while (live.length < 8) {
      const result = (await create()).body.data.createApiToken;
      expect(result.__typename).toBe('CreateApiTokenSuccess');
      live.push(result.apiToken.id);
    }
    const refused = (await create()).body.data.createApiToken;
    expect(refused).toMatchObject({ __typename: 'TokenLimitReachedError', usage: { used: 8, limit: 8 } });
  });
});
