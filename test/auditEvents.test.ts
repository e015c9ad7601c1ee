import type { IncomingMessage } from 'node:http';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, globalId, type GraphQLResponse, type TestApp } from './support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const EVENT_FIELDS = 'id action actorKind actorId apiTokenId apiTokenName clientAddress details occurredAt';
const AUDIT = `query ($first: Int, $after: String, $last: Int, $before: String) {
  auditEvents(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { ${EVENT_FIELDS} } }
  }
}`;

const M = {
  createProject: `mutation ($input: CreateProjectInput!) { createProject(input: $input) {
    __typename ... on CreateProjectSuccess { project { id } } } }`,
  updateProject: `mutation ($input: UpdateProjectInput!) { updateProject(input: $input) { __typename } }`,
  createAdminSession: `mutation ($input: CreateAdminSessionInput!) { createAdminSession(input: $input) {
    __typename ... on CreateAdminSessionSuccess { token expiresAt } } }`,
  createApiToken: `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) {
    __typename ... on CreateApiTokenSuccess { token apiToken { id } } } }`,
  updateApiToken: `mutation ($input: UpdateApiTokenInput!) { updateApiToken(input: $input) { __typename } }`,
  revealApiToken: `mutation ($input: RevealApiTokenInput!) { revealApiToken(input: $input) { __typename } }`,
  deleteApiToken: `mutation ($input: DeleteApiTokenInput!) { deleteApiToken(input: $input) { __typename } }`,
};

interface Timed {
  res: GraphQLResponse;
  /** Wall-clock bounds of the request, for the event's occurredAt. */
  before: number;
  after: number;
}

let lastRequestAt = 0;

/**
 * POST /graphql as if from `address` (null: no socket address known). Waits
 * until the clock has moved 2 ms past the previous request, since occurredAt
 * is stored to the millisecond and two events in one millisecond have no order.
 */
async function from(address: string | null, credential: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Timed> {
  while (Date.now() < lastRequestAt + 2) await new Promise((resolve) => setTimeout(resolve, 1));
  const before = Date.now();
  const response = await t.app.yoga.fetch(
    new Request('http://kbgate.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
      body: JSON.stringify({ query, variables }),
    }),
    address === null ? {} : { req: { socket: { remoteAddress: address } } as unknown as IncomingMessage },
  );
  const res = { status: response.status, headers: response.headers, body: await response.json() };
  const after = Date.now();
  lastRequestAt = after;
  return { res, before, after };
}

function success(timed: Timed, field: string, typename: string): any {
  const result = timed.res.body.data?.[field];
  if (result?.__typename !== typename) throw new Error(`${field} failed: ${JSON.stringify(timed.res.body)}`);
  return result;
}

interface Expected {
  action: string;
  actorKind: 'OPERATOR' | 'ADMIN' | 'API_TOKEN';
  actorId: string | null;
  apiTokenId: string | null;
  apiTokenName: string | null;
  clientAddress: string | null;
  details: unknown;
  timed: Timed;
}

/** The events as auditEvents returns them, with details parsed and occurredAt checked against the request's time. */
function expectEvents(nodes: any[], expected: Expected[]) {
  expect(nodes.map((n) => ({ ...n, id: undefined, occurredAt: undefined, details: JSON.parse(n.details) }))).toEqual(
    expected.map(({ timed: _timed, ...e }) => ({ ...e, id: undefined, occurredAt: undefined })),
  );
  nodes.forEach((node, i) => {
    const at = Date.parse(node.occurredAt);
    const { before, after } = expected[i]!.timed;
    expect(node.occurredAt).toBe(new Date(at).toISOString());
    expect(at, `${node.action} at ${node.occurredAt}`).toBeGreaterThanOrEqual(before);
    expect(at, `${node.action} at ${node.occurredAt}`).toBeLessThanOrEqual(after + 1);
    expect(decodeGlobalID(node.id).typename).toBe('AuditEvent');
  });
  expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
}

describe('auditEvents', () => {
  const OPERATOR_ADDRESS = '198.51.100.1';
  const ALICE_ADDRESS = '203.0.113.7';
  const BOB_ADDRESS = '2001:db8::b0b';
  let projectId: string;
  let alice: string;
  let bob: string;
  /** Oldest first, as they happened. */
  const happened: Expected[] = [];
  let tokenId: string;

  beforeAll(async () => {
    const created = await from(OPERATOR_ADDRESS, t.operatorKey, M.createProject, { input: { name: 'Audited', plan: 'BUSINESS' } });
    projectId = success(created, 'createProject', 'CreateProjectSuccess').project.id;
    const op = { actorKind: 'OPERATOR' as const, actorId: null, apiTokenId: null, apiTokenName: null, clientAddress: OPERATOR_ADDRESS };
    happened.push({ ...op, action: 'project.create', details: { name: 'Audited', plan: 'BUSINESS' }, timed: created });

    const session = async (userId: string, role: string, address: string | null) => {
      const timed = await from(address, t.operatorKey, M.createAdminSession, { input: { projectId, userId, role } });
      const result = success(timed, 'createAdminSession', 'CreateAdminSessionSuccess');
      happened.push({ ...op, clientAddress: address, action: 'admin_session.create', details: { userId, role, expiresAt: result.expiresAt }, timed });
      return result.token as string;
    };
    alice = await session('alice', 'OWNER', OPERATOR_ADDRESS);
    bob = await session('bob', 'ADMIN', null); // no socket address: recorded as null

    const create = await from(ALICE_ADDRESS, alice, M.createApiToken, { input: { name: 'Sync', allowedMethods: ['GET'] } });
    tokenId = success(create, 'createApiToken', 'CreateApiTokenSuccess').apiToken.id;
    const byAlice = { actorKind: 'ADMIN' as const, actorId: 'alice', apiTokenId: tokenId, clientAddress: ALICE_ADDRESS };
    const byBob = { actorKind: 'ADMIN' as const, actorId: 'bob', apiTokenId: tokenId, clientAddress: BOB_ADDRESS };
    happened.push({ ...byAlice, action: 'api_token.create', apiTokenName: 'Sync', details: { allowedMethods: ['GET'], driveAssetAccessValidityMinutes: 15 }, timed: create });

    const update = await from(BOB_ADDRESS, bob, M.updateApiToken, {
      input: { id: tokenId, name: 'Sync job', allowedMethods: ['POST', 'GET'], driveAssetAccessValidityMinutes: 15 },
    });
    success(update, 'updateApiToken', 'UpdateApiTokenSuccess');
    happened.push({
      ...byBob,
      action: 'api_token.update',
      apiTokenName: 'Sync job',
      // Only what changed: the validity was sent but stayed 15.
      details: { name: { from: 'Sync', to: 'Sync job' }, allowedMethods: { from: ['GET'], to: ['GET', 'POST'] } },
      timed: update,
    });

    const reveal = await from(ALICE_ADDRESS, alice, M.revealApiToken, { input: { id: tokenId } });
    success(reveal, 'revealApiToken', 'RevealApiTokenSuccess');
    happened.push({ ...byAlice, action: 'api_token.reveal', apiTokenName: 'Sync job', details: {}, timed: reveal });

    const update2 = await from(BOB_ADDRESS, bob, M.updateApiToken, { input: { id: tokenId, driveAssetAccessValidityMinutes: 2160 } });
    success(update2, 'updateApiToken', 'UpdateApiTokenSuccess');
    happened.push({ ...byBob, action: 'api_token.update', apiTokenName: 'Sync job', details: { driveAssetAccessValidityMinutes: { from: 15, to: 2160 } }, timed: update2 });

    const limit = await from(OPERATOR_ADDRESS, t.operatorKey, M.updateProject, { input: { id: projectId, apiTokenLimit: 10 } });
    success(limit, 'updateProject', 'UpdateProjectSuccess');
    // Its details have a test of their own below.
    happened.push({ ...op, action: 'project.update', details: expect.any(Object), timed: limit });

    const remove = await from(BOB_ADDRESS, bob, M.deleteApiToken, { input: { id: tokenId } });
    success(remove, 'deleteApiToken', 'DeleteApiTokenSuccess');
    happened.push({ ...byBob, action: 'api_token.delete', apiTokenName: 'Sync job', details: {}, timed: remove });
  });

  test('an OWNER reads every event, newest first, with who, what, which token, when and from where', async () => {
    const { res } = await from(null, alice, AUDIT, { first: 50 });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const connection = res.body.data.auditEvents;
    expect(connection.totalCount).toBe(9);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expectEvents(connection.edges.map((e: any) => e.node), [...happened].reverse());
    expect(tokenId).toBe(globalId('ApiToken', decodeGlobalID(tokenId).id));
  });

  test('an ADMIN reads the same log', async () => {
    const asAdmin = (await from(null, bob, AUDIT, { first: 50 })).res.body.data.auditEvents;
    const asOwner = (await from(null, alice, AUDIT, { first: 50 })).res.body.data.auditEvents;
    expect(asAdmin).toEqual(asOwner);
  });

  test('details of an update hold only what changed; an update that changes nothing records nothing changed', async () => {
    const session = success(
      await from(null, t.operatorKey, M.createAdminSession, { input: { projectId, userId: 'carol', role: 'OWNER' } }),
      'createAdminSession',
      'CreateAdminSessionSuccess',
    ).token;
    const create = await from(null, session, M.createApiToken, { input: { name: 'Same', allowedMethods: ['GET', 'PUT'], driveAssetAccessValidityMinutes: 60 } });
    const id = success(create, 'createApiToken', 'CreateApiTokenSuccess').apiToken.id;
    const same = await from(null, session, M.updateApiToken, { input: { id, name: '  Same  ', allowedMethods: ['PUT', 'GET', 'GET'] } });
    success(same, 'updateApiToken', 'UpdateApiTokenSuccess');
    const latest = (await from(null, session, AUDIT, { first: 2 })).res.body.data.auditEvents.edges.map((e: any) => e.node);
    expect(latest.map((n: any) => [n.action, n.apiTokenName, JSON.parse(n.details)])).toEqual([
      ['api_token.update', 'Same', {}],
      ['api_token.create', 'Same', { allowedMethods: ['GET', 'PUT'], driveAssetAccessValidityMinutes: 60 }],
    ]);
    // Put the project back as the other tests expect it: carol's events are the newest 3.
    const remove = await from(null, session, M.deleteApiToken, { input: { id } });
    success(remove, 'deleteApiToken', 'DeleteApiTokenSuccess');
  });

  test("details of the operator's project.update hold each changed field as { from, to }, as the schema describes", async () => {
    const project = await from(null, t.operatorKey, M.createProject, { input: { name: 'Plan change', plan: 'BUSINESS' } });
    const id = success(project, 'createProject', 'CreateProjectSuccess').project.id;
    const owner = await t.adminSession(id, 'OWNER');
    const change = { id, name: 'Plan change', plan: 'ENTERPRISE', apiTokenLimit: 12, rateLimitPerMinute: 500 };
    success(await from(null, t.operatorKey, M.updateProject, { input: change }), 'updateProject', 'UpdateProjectSuccess');
    const [latest] = (await from(null, owner, AUDIT, { first: 1 })).res.body.data.auditEvents.edges.map((e: any) => e.node);
    expect(latest.action).toBe('project.update');
    // The name was sent unchanged; the limits were the plan's defaults (8 tokens, 60 a minute).
    expect(JSON.parse(latest.details)).toEqual({
      plan: { from: 'BUSINESS', to: 'ENTERPRISE' },
      apiTokenLimit: { from: 8, to: 12 },
      rateLimitPerMinute: { from: 60, to: 500 },
    });
  });

  test('pages of 2 walk the whole log once, forwards and backwards', async () => {
    const all = (await from(null, alice, AUDIT, { first: 100 })).res.body.data.auditEvents;
    const ids = all.edges.map((e: any) => e.node.id);
    expect(ids).toHaveLength(all.totalCount);

    const forwards: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = (await from(null, alice, AUDIT, { first: 2, after })).res.body.data.auditEvents;
      pages += 1;
      expect(page.totalCount).toBe(all.totalCount);
      expect(page.edges.length).toBe(Math.min(2, ids.length - forwards.length));
      forwards.push(...page.edges.map((e: any) => e.node.id));
      expect(page.pageInfo.hasNextPage).toBe(forwards.length < ids.length);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forwards).toEqual(ids);
    expect(pages).toBe(Math.ceil(ids.length / 2));

    const backwards: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: any = (await from(null, alice, AUDIT, { last: 2, before })).res.body.data.auditEvents;
      backwards.unshift(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backwards).toEqual(ids);

    const beyond = (await from(null, alice, AUDIT, { first: 2, after: all.edges.at(-1).cursor })).res.body.data.auditEvents;
    expect(beyond).toMatchObject({ edges: [], pageInfo: { hasNextPage: false, startCursor: null, endCursor: null } });
    const bad = (await from(null, alice, AUDIT, { first: 2, after: 'bm90IGEgY3Vyc29y' })).res;
    expect(bad.body.errors?.[0]).toMatchObject({ message: 'Invalid cursor', extensions: { code: 'BAD_USER_INPUT' } });
  });

  test('EDITOR, READER, an API token and the operator get FORBIDDEN; no credential gets UNAUTHENTICATED', async () => {
    const editor = await t.adminSession(projectId, 'EDITOR');
    const reader = await t.adminSession(projectId, 'READER');
    const { token } = await t.createToken(alice, { allowedMethods: ['GET', 'POST', 'PUT', 'DELETE'] });
    for (const credential of [editor, reader, token, t.operatorKey]) {
      const { res } = await from(ALICE_ADDRESS, credential, AUDIT, { first: 50 });
      expect(res.status).toBe(200);
      expect(res.body.data).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors?.[0]).toMatchObject({ path: ['auditEvents'], extensions: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(res.body)).not.toMatch(/alice|bob|Sync|api_token\./);
    }
    const { res } = await from(ALICE_ADDRESS, null, AUDIT, { first: 50 });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.data ?? null).toBeNull();
  });

  test("another project's events are never visible, not even through its cursors", async () => {
    const otherCreated = await from(OPERATOR_ADDRESS, t.operatorKey, M.createProject, { input: { name: 'Other tenant', plan: 'ENTERPRISE' } });
    const otherId = success(otherCreated, 'createProject', 'CreateProjectSuccess').project.id;
    const otherOwner = await t.adminSession(otherId, 'OWNER', 'mallory');
    const otherToken = await t.createToken(otherOwner, { name: 'Other token' });

    const mine = (await from(null, alice, AUDIT, { first: 100 })).res.body.data.auditEvents;
    const theirs = (await from(null, otherOwner, AUDIT, { first: 100 })).res.body.data.auditEvents;
    expect(theirs.totalCount).toBe(3);
    expect(theirs.edges.map((e: any) => [e.node.action, e.node.actorId, e.node.apiTokenId])).toEqual([
      ['api_token.create', 'mallory', otherToken.id],
      ['admin_session.create', null, null],
      ['project.create', null, null],
    ]);
    const theirIds = new Set(theirs.edges.map((e: any) => e.node.id));
    expect(mine.edges.filter((e: any) => theirIds.has(e.node.id))).toEqual([]);
    expect(JSON.stringify(mine)).not.toMatch(/mallory|Other token|Other tenant/);
    expect(mine.totalCount).toBe(mine.edges.length);

    // Their newest cursor, used in this project, is only a position in time: it shows this project's older events.
    const through = (await from(null, alice, AUDIT, { first: 100, after: theirs.edges[0].cursor })).res.body.data.auditEvents;
    expect(through.edges.map((e: any) => e.node.id)).toEqual(mine.edges.map((e: any) => e.node.id));
    const back = (await from(null, alice, AUDIT, { last: 100, before: theirs.edges.at(-1).cursor })).res.body.data.auditEvents;
    expect(back.edges).toEqual([]);
  });
});
