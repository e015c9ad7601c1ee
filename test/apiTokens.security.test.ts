import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, type App } from '../server/yoga.js';
import {
  decodeJwtPart,
  encodeJwtPart,
  flipChar,
  randomBase62,
  randomPart,
  signSession,
  tokenChecksum,
  wellFormedToken,
} from './support/credentials.js';
import { appOn, gqlOn, createTestApp, globalId, type GraphQLResponse, TEST_CONFIG, type TestApp } from './support/app.js';
import { DATABASE_KIND } from './support/database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Every token secret this file has seen, to look for in storage, errors and logs. */
const issued: string[] = [];
/** Issued tokens a test deliberately typed into a name field (the user chose to store those). */
const pastedAsName = new Set<string>();

async function newToken(session: string, name: string, allowedMethods = ['GET']) {
  const created = await t.createToken(session, { name, allowedMethods });
  issued.push(created.token);
  return { ...created, name };
}

const db = () => t.database.handle.db;
const local = (id: string) => decodeGlobalID(id).id;
const nowSeconds = () => Math.floor(Date.now() / 1000);

const Q = {
  viewer: '{ viewer { kind role userId allowedMethods apiToken { id name allowedMethods } } }',
  apiTokens: '{ apiTokens(first: 100) { totalCount usage { used limit } edges { node { id name allowedMethods } } } }',
  apiToken: 'query ($id: ID!) { apiToken(id: $id) { id name allowedMethods } }',
  createApiToken: `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) {
    __typename ... on CreateApiTokenSuccess { token apiToken { id name allowedMethods } }
    ... on Error { code message } ... on ValidationError { fieldErrors { path message } } } }`,
  updateApiToken: `mutation ($input: UpdateApiTokenInput!) { updateApiToken(input: $input) {
    __typename ... on UpdateApiTokenSuccess { apiToken { id name allowedMethods } }
    ... on Error { code message } ... on ValidationError { fieldErrors { path message } } } }`,
  deleteApiToken: `mutation ($input: DeleteApiTokenInput!) { deleteApiToken(input: $input) {
    __typename ... on DeleteApiTokenSuccess { deletedId usage { used limit } } ... on Error { code message } } }`,
  revealApiToken: `mutation ($input: RevealApiTokenInput!) { revealApiToken(input: $input) {
    __typename ... on RevealApiTokenSuccess { token } ... on Error { code message } } }`,
  projects: '{ projects(first: 100) { totalCount edges { node { id name } } } }',
  createProject: `mutation ($input: CreateProjectInput!) { createProject(input: $input) {
    __typename ... on CreateProjectSuccess { project { id name } } ... on Error { code message } } }`,
  updateProject: `mutation ($input: UpdateProjectInput!) { updateProject(input: $input) {
    __typename ... on UpdateProjectSuccess { project { id name plan } } ... on Error { code message } } }`,
  createAdminSession: `mutation ($input: CreateAdminSessionInput!) { createAdminSession(input: $input) {
    __typename ... on CreateAdminSessionSuccess { token } ... on Error { code message } } }`,
};

async function auditRows() {
  return db()
    .selectFrom('audit_events')
    .select(['id', 'project_id', 'actor_kind', 'actor_id', 'action', 'api_token_id'])
    .orderBy('id')
    .execute();
}

/** What a refused request must leave untouched: every token row and every audit row. */
async function tokenState() {
  const tokens = await db()
    .selectFrom('api_tokens')
    .select(['id', 'project_id', 'name', 'allowed_methods', 'drive_asset_access_validity_minutes', 'updated_at'])
    .orderBy('id')
    .execute();
  return { tokens, audit: await auditRows() };
}

async function projectState() {
  const projects = await db()
    .selectFrom('projects')
    .select(['id', 'name', 'plan', 'api_token_limit', 'rate_limit_per_minute', 'updated_at'])
    .orderBy('id')
    .execute();
  return { projects, audit: await auditRows() };
}

function newAuditRows(before: { audit: { id: string }[] }, after: { audit: any[] }) {
  const seen = new Set(before.audit.map((row) => row.id));
  return after.audit.filter((row) => !seen.has(row.id)).map(({ id: _id, ...row }) => row);
}

function expectRefused(res: GraphQLResponse, field: string, code: 'FORBIDDEN' | 'UNAUTHENTICATED') {
  expect(res.status).toBe(code === 'UNAUTHENTICATED' ? 401 : 200);
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors![0]!.extensions?.code).toBe(code);
  expect(res.body.errors![0]!.path).toEqual([field]);
  expect((res.body.data as any)?.[field] ?? null).toBeNull();
}

type Credential = 'OWNER' | 'ADMIN' | 'EDITOR' | 'READER' | 'API_TOKEN' | 'OPERATOR' | 'NONE';
const CREDENTIALS: Credential[] = ['OWNER', 'ADMIN', 'EDITOR', 'READER', 'API_TOKEN', 'OPERATOR', 'NONE'];

describe('who may manage API tokens (every operation × every credential)', () => {
  let projectId: string;
  let projectLocalId: string;
  const credentials = {} as Record<Credential, string | null>;
  let caseNumber = 0;

  beforeAll(async () => {
    projectId = await t.createProject({ name: 'Roles', apiTokenLimit: 1000 });
    projectLocalId = local(projectId);
    for (const role of ['OWNER', 'ADMIN', 'EDITOR', 'READER'] as const) {
      credentials[role] = await t.adminSession(projectId, role);
    }
    credentials.API_TOKEN = (await newToken(credentials.OWNER!, 'all methods', ['GET', 'POST', 'PUT', 'DELETE'])).token;
    credentials.OPERATOR = t.operatorKey;
    credentials.NONE = null;
  });

  type Target = { id: string; token: string; name: string };
  interface Operation {
    variables(target: Target, label: string): Record<string, unknown>;
    /** The audit action a successful run writes; null for reads. */
    audit: string | null;
    expectSuccess(result: any, target: Target, label: string): Promise<void> | void;
  }

  const OPERATIONS: Record<'apiTokens' | 'apiToken' | 'createApiToken' | 'updateApiToken' | 'deleteApiToken' | 'revealApiToken', Operation> = {
    apiTokens: {
      variables: () => ({}),
      audit: null,
      async expectSuccess(result, target) {
        const rows = await db().selectFrom('api_tokens').select('id').where('project_id', '=', projectLocalId).execute();
        expect(result.totalCount).toBe(rows.length);
        expect(result.usage).toEqual({ used: rows.length, limit: 1000 });
        expect(result.edges.map((e: any) => e.node.id)).toContain(target.id);
      },
    },
    apiToken: {
      variables: (target) => ({ id: target.id }),
      audit: null,
      expectSuccess(result, target) {
        expect(result).toEqual({ id: target.id, name: target.name, allowedMethods: ['GET'] });
      },
    },
    createApiToken: {
      variables: (_target, label) => ({ input: { name: `created by ${label}`, allowedMethods: ['POST', 'GET'] } }),
      audit: 'api_token.create',
      expectSuccess(result, _target, label) {
        expect(result.__typename).toBe('CreateApiTokenSuccess');
        expect(result.apiToken).toMatchObject({ name: `created by ${label}`, allowedMethods: ['GET', 'POST'] });
        expect(result.token).toMatch(/^kbg_[0-9A-Za-z]{38}$/);
        issued.push(result.token);
      },
    },
    updateApiToken: {
      variables: (target, label) => ({ input: { id: target.id, name: `renamed by ${label}`, allowedMethods: ['PUT', 'GET'] } }),
      audit: 'api_token.update',
      expectSuccess(result, target, label) {
        expect(result).toEqual({
          __typename: 'UpdateApiTokenSuccess',
          apiToken: { id: target.id, name: `renamed by ${label}`, allowedMethods: ['GET', 'PUT'] },
        });
      },
    },
    deleteApiToken: {
      variables: (target) => ({ input: { id: target.id } }),
      audit: 'api_token.delete',
      async expectSuccess(result, target) {
        expect(result.__typename).toBe('DeleteApiTokenSuccess');
        expect(result.deletedId).toBe(target.id);
        expect((await t.gql(Q.viewer, {}, target.token)).status).toBe(401);
      },
    },
    revealApiToken: {
      variables: (target) => ({ input: { id: target.id } }),
      audit: 'api_token.reveal',
      expectSuccess(result, target) {
        expect(result).toEqual({ __typename: 'RevealApiTokenSuccess', token: target.token });
      },
    },
  };

  const cases = Object.keys(OPERATIONS).flatMap((field) => CREDENTIALS.map((credential) => [field, credential] as const));

  test.each(cases)('%s with %s', async (field, credential) => {
    const operation = OPERATIONS[field as keyof typeof OPERATIONS];
    const label = `${credential} ${++caseNumber}`;
    const target = await newToken(credentials.OWNER!, `target ${label}`);
    const before = await tokenState();

    const res = await t.gql(Q[field as keyof typeof Q], operation.variables(target, label), credentials[credential]);

    if (credential === 'OWNER' || credential === 'ADMIN') {
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      await operation.expectSuccess((res.body.data as any)[field], target, label);
      const written = newAuditRows(before, await tokenState());
      const expected = operation.audit && {
        project_id: projectLocalId,
        actor_kind: 'ADMIN',
        actor_id: `user-${credential.toLowerCase()}`,
        action: operation.audit,
      };
      expect(written).toEqual(expected ? [expect.objectContaining(expected)] : []);
      if (expected && field !== 'createApiToken') expect(written[0]!.api_token_id).toBe(local(target.id));
    } else {
      expectRefused(res, field, credential === 'NONE' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(await tokenState()).toEqual(before);
      // The target still works exactly as before.
      const viewer = await t.gql(Q.viewer, {}, target.token);
      expect(viewer.body.data.viewer.apiToken).toEqual({ id: target.id, name: target.name, allowedMethods: ['GET'] });
    }
  });
});

describe('operator-only fields', () => {
  let projectId: string;
  const credentials = {} as Record<Credential, string | null>;
  let caseNumber = 0;

  beforeAll(async () => {
    projectId = await t.createProject({ name: 'Operator only' });
    for (const role of ['OWNER', 'ADMIN', 'EDITOR', 'READER'] as const) {
      credentials[role] = await t.adminSession(projectId, role);
    }
    credentials.API_TOKEN = (await newToken(credentials.OWNER!, 'op all methods', ['GET', 'POST', 'PUT', 'DELETE'])).token;
    credentials.OPERATOR = t.operatorKey;
    credentials.NONE = null;
  });

  const OPERATIONS = {
    projects: { variables: () => ({}), audit: null, success: 'ProjectConnection' },
    createProject: {
      variables: (label: string) => ({ input: { name: `made by ${label}`, plan: 'ENTERPRISE' } }),
      audit: 'project.create',
      success: 'CreateProjectSuccess',
    },
    updateProject: {
      variables: (label: string) => ({ input: { id: projectId, name: `renamed by ${label}`, plan: 'FREE', apiTokenLimit: 0 } }),
      audit: 'project.update',
      success: 'UpdateProjectSuccess',
    },
    createAdminSession: {
      variables: (label: string) => ({ input: { projectId, userId: `minted by ${label}`, role: 'OWNER' } }),
      audit: 'admin_session.create',
      success: 'CreateAdminSessionSuccess',
    },
  } as const;

  const cases = Object.keys(OPERATIONS).flatMap((field) => CREDENTIALS.map((credential) => [field, credential] as const));

  test.each(cases)('%s with %s', async (field, credential) => {
    const operation = OPERATIONS[field as keyof typeof OPERATIONS];
    const label = `${credential} ${++caseNumber}`;
    const before = await projectState();
    const res = await t.gql(Q[field as keyof typeof Q], operation.variables(label), credentials[credential]);

    if (credential === 'OPERATOR') {
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      const result = (res.body.data as any)[field];
      if (field === 'projects') {
        expect(result.totalCount).toBe(before.projects.length);
      } else {
        expect(result.__typename).toBe(operation.success);
      }
      const written = newAuditRows(before, await projectState());
      expect(written.map((row) => [row.actor_kind, row.action])).toEqual(operation.audit ? [['OPERATOR', operation.audit]] : []);
      if (field === 'updateProject') {
        // Put the project back so later cases refuse against the same state.
        await t.gql(Q.updateProject, { input: { id: projectId, name: 'Operator only', plan: 'BUSINESS', apiTokenLimit: null } }, t.operatorKey);
      }
    } else {
      expectRefused(res, field, credential === 'NONE' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(await projectState()).toEqual(before);
    }
  });
});

describe('an id from another project answers like one that does not exist', () => {
  let ownerA: string;
  let adminB: string;
  let tokenA: { id: string; token: string; name: string };
  let tokenB: { id: string; token: string; name: string };
  const randomId = globalId('ApiToken', randomUUID());

  beforeAll(async () => {
    const projectA = await t.createProject({ name: 'Project A' });
    const projectB = await t.createProject({ name: 'Project B' });
    ownerA = await t.adminSession(projectA, 'OWNER', 'owner-a');
    adminB = await t.adminSession(projectB, 'ADMIN', 'admin-b');
    tokenA = await newToken(ownerA, 'A sync', ['GET', 'POST']);
    tokenB = await newToken(adminB, 'B sync');
  });

  async function expectTokenAUntouched(auditBefore: unknown[]) {
    const seen = await t.gql(Q.apiToken, { id: tokenA.id }, ownerA);
    expect(seen.body.data.apiToken).toEqual({ id: tokenA.id, name: 'A sync', allowedMethods: ['GET', 'POST'] });
    const viewer = await t.gql(Q.viewer, {}, tokenA.token);
    expect(viewer.status).toBe(200);
    expect(viewer.body.data.viewer).toMatchObject({ kind: 'API_TOKEN', allowedMethods: ['GET', 'POST'] });
    const reveal = await t.gql(Q.revealApiToken, { input: { id: tokenA.id } }, ownerA);
    expect(reveal.body.data.revealApiToken.token).toBe(tokenA.token);
    expect((await auditRows()).filter((row) => row.actor_id === 'admin-b')).toEqual(auditBefore);
  }

  test('apiTokens lists only the caller\'s project', async () => {
    const res = await t.gql(Q.apiTokens, {}, adminB);
    expect(res.body.data.apiTokens.edges.map((e: any) => e.node.id)).toEqual([tokenB.id]);
    expect(res.body.data.apiTokens.totalCount).toBe(1);
  });

  test('apiToken → null, as for a random id', async () => {
    const audit = (await auditRows()).filter((row) => row.actor_id === 'admin-b');
    const foreign = await t.gql(Q.apiToken, { id: tokenA.id }, adminB);
    const random = await t.gql(Q.apiToken, { id: randomId }, adminB);
    expect(foreign.body).toEqual({ data: { apiToken: null } });
    expect(random.body).toEqual(foreign.body);
    await expectTokenAUntouched(audit);
  });

  test.each([
    ['updateApiToken', (id: string) => ({ input: { id, name: 'hijacked', allowedMethods: ['GET', 'POST', 'PUT', 'DELETE'] } })],
    ['deleteApiToken', (id: string) => ({ input: { id } })],
    ['revealApiToken', (id: string) => ({ input: { id } })],
  ] as const)('%s → NotFoundError, as for a random id', async (field, variables) => {
    const audit = (await auditRows()).filter((row) => row.actor_id === 'admin-b');
    const foreign = await t.gql(Q[field], variables(tokenA.id), adminB);
    const random = await t.gql(Q[field], variables(randomId), adminB);
    expect(foreign.status).toBe(200);
    expect(foreign.body.data[field]).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: expect.any(String) });
    expect(foreign.body).toEqual(random.body);
    expect(JSON.stringify(foreign.body)).not.toContain(tokenA.token);
    await expectTokenAUntouched(audit);
  });
});

describe('credentials (§2)', () => {
  let projectId: string;
  let owner: string;
  let valid: { id: string; token: string; name: string };
  let deleted: string;
  let reference: GraphQLResponse;

  const badCredentials: Record<string, () => Promise<string> | string> = {
    'token one character short': () => valid.token.slice(0, -1),
    'token one character long': () => `${valid.token}A`,
    'token with a character outside base62': () => {
      const random = `${randomPart(valid.token).slice(0, 31)}-`;
      return `kbg_${random}${tokenChecksum(random)}`;
    },
    'token with the wrong prefix': () => `kbt_${valid.token.slice(4)}`,
    'token with an upper-case prefix': () => `KBG_${valid.token.slice(4)}`,
    'token with its last checksum char flipped': () => flipChar(valid.token, -1),
    'token with its first checksum char flipped': () => flipChar(valid.token, -6),
    'token with a random char flipped (checksum now wrong)': () => flipChar(valid.token, 10),
    'well-formed token that was never issued': () => wellFormedToken(),
    'deleted token': () => deleted,
    'session with one payload char changed, old signature': async () => {
      const [header, payload, signature] = owner.split('.');
      const claims = decodeJwtPart(payload!);
      return [header, encodeJwtPart({ ...claims, sub: flipChar(String(claims.sub), 0) }), signature].join('.');
    },
    'session with one base64 payload char flipped': () => {
      const [header, payload, signature] = owner.split('.');
      return [header, flipChar(payload!, 12), signature].join('.');
    },
    'session re-signed with a wrong key': () => {
      const claims = decodeJwtPart(owner.split('.')[1]!) as any;
      return signSession({ ...claims, role: 'OWNER' }, 'a-different-secret-a-different-secret-0123');
    },
    'session expired ten minutes ago': () =>
      signSession({ sub: 'user-owner', pid: local(projectId), role: 'OWNER', iat: nowSeconds() - 4200, exp: nowSeconds() - 600 }),
    'session with alg none': () => {
      const claims = { sub: 'user-owner', pid: local(projectId), role: 'OWNER', iss: 'kbgate', aud: 'kbgate-admin', iat: nowSeconds(), exp: nowSeconds() + 3600 };
      return `${encodeJwtPart({ alg: 'none', typ: 'JWT' })}.${encodeJwtPart(claims)}.`;
    },
    'session with alg none and a copied signature': () => {
      const claims = decodeJwtPart(owner.split('.')[1]!);
      return `${encodeJwtPart({ alg: 'none', typ: 'JWT' })}.${encodeJwtPart(claims)}.${owner.split('.')[2]}`;
    },
    'random string as operator key': () => randomBytes(24).toString('base64url'),
    'operator key with one char changed': () => flipChar(t.operatorKey, 5),
  };

  beforeAll(async () => {
    projectId = await t.createProject({ name: 'Credentials' });
    owner = await t.adminSession(projectId, 'OWNER');
    valid = await newToken(owner, 'valid');
    const doomed = await newToken(owner, 'doomed');
    await t.gql(Q.deleteApiToken, { input: { id: doomed.id } }, owner);
    deleted = doomed.token;
    reference = await t.gql(Q.viewer, {}, wellFormedToken());
  });

  test('the credentials the bad ones are made from work', async () => {
    expect(valid.token).toMatch(/^kbg_[0-9A-Za-z]{38}$/);
    expect(valid.token.slice(36)).toBe(tokenChecksum(randomPart(valid.token)));
    const token = await t.gql(Q.viewer, {}, valid.token);
    expect(token.body.data.viewer).toMatchObject({ kind: 'API_TOKEN', apiToken: { name: 'valid' } });
    const session = await t.gql(Q.viewer, {}, owner);
    expect(session.body.data.viewer).toMatchObject({ kind: 'ADMIN', role: 'OWNER', userId: 'user-owner' });
    // A session the test signs itself with a future exp is accepted: the expired one below differs only in time.
    const selfSigned = await signSession({ sub: 'user-self', pid: local(projectId), role: 'READER', iat: nowSeconds(), exp: nowSeconds() + 600 });
    const self = await t.gql(Q.viewer, {}, selfSigned);
    expect(self.body.data.viewer).toMatchObject({ kind: 'ADMIN', role: 'READER', userId: 'user-self' });
    expect((await t.gql(Q.viewer, {}, t.operatorKey)).body.data.viewer.kind).toBe('OPERATOR');
  });

  test('the reference refusal', () => {
    expect(reference.status).toBe(401);
    expect(reference.body.errors).toHaveLength(1);
    expect(reference.body.errors![0]!.extensions?.code).toBe('UNAUTHENTICATED');
    expect(reference.body.data ?? null).toBeNull();
  });

  const headerForms: Record<string, (credential: string) => Record<string, string>> = {
    bearer: (credential: string) => ({ authorization: `Bearer ${credential}` }),
    api_token: (credential: string) => ({ api_token: credential }),
  };
  const cases = Object.keys(badCredentials).flatMap((label) => Object.keys(headerForms).map((form) => [label, form] as const));

  test.each(cases)('%s (%s header) → 401, same message', async (label, form) => {
    const credential = await badCredentials[label]!();
    const res = await t.gql(Q.viewer, {}, null, headerForms[form]!(credential));
    expect(res.status).toBe(401);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]!.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors![0]!.message).toBe(reference.body.errors![0]!.message);
    expect(res.body.data ?? null).toBeNull();
    const echoed = JSON.stringify(res.body) + JSON.stringify([...res.headers]);
    expect(echoed).not.toContain(credential);
    for (const token of issued) expect(echoed).not.toContain(randomPart(token));
  });

  test('a missing credential on a field that needs one → 401 UNAUTHENTICATED', async () => {
    const res = await t.gql(Q.viewer, {}, null);
    expect(res.status).toBe(401);
    expect(res.body.errors![0]!.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('a valid token works as Authorization: Bearer and as api_token', async () => {
    const bearer = await t.gql(Q.viewer, {}, null, { authorization: `Bearer ${valid.token}` });
    const header = await t.gql(Q.viewer, {}, null, { api_token: valid.token });
    expect(bearer.status).toBe(200);
    expect(bearer.body.data.viewer.apiToken).toEqual({ id: valid.id, name: 'valid', allowedMethods: ['GET'] });
    expect(header.body).toEqual(bearer.body);
  });

  test.each([
    ['Basic with the token as user', () => `Basic ${Buffer.from(`${valid.token}:`).toString('base64')}`],
    ['Basic with the bare token', () => `Basic ${valid.token}`],
    ['Token scheme', () => `Token ${valid.token}`],
    ['Bearer without a credential', () => 'Bearer '],
  ])('Authorization: %s → 401', async (_label, header) => {
    const res = await t.gql(Q.viewer, {}, null, { authorization: header() });
    expect(res.status).toBe(401);
    expect(res.body.errors![0]!.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors![0]!.message).toBe(reference.body.errors![0]!.message);
  });

  test('malformed and bad-checksum tokens are refused before any database work', async () => {
    const down = await createTestApp();
    const downProject = await down.createProject();
    const downOwner = await down.adminSession(downProject);
    const { token } = await down.createToken(downOwner);
    await down.close();

    // The control: a well-formed token needs the database, which is gone, so it cannot be answered with 401.
    const control = await down.gql(Q.viewer, {}, wellFormedToken());
    expect(control.status).toBe(500);
    expect(control.body.errors![0]!.message).toBe('Unexpected error.');

    const random = `${randomPart(token).slice(0, 31)}_`;
    for (const credential of [
      token.slice(0, -1),
      `${token}0`,
      `kbg_${random}${tokenChecksum(random)}`,
      flipChar(token, -1),
      flipChar(token, -6),
      flipChar(token, 4),
      `kbg_${randomBase62(32)}000000`,
    ]) {
      const res = await down.gql(Q.viewer, {}, credential);
      expect({ credential, status: res.status, body: res.body }).toEqual({
        credential,
        status: 401,
        body: { errors: [{ message: reference.body.errors![0]!.message, extensions: { code: 'UNAUTHENTICATED' } }] },
      });
    }
  });
});

describe('tokens at rest, in errors and in logs', () => {
  let owner: string;
  let reader: string;
  let tokens: { id: string; token: string; name: string }[];

  beforeAll(async () => {
    const projectId = await t.createProject({ name: 'At rest' });
    owner = await t.adminSession(projectId, 'OWNER');
    reader = await t.adminSession(projectId, 'READER');
    tokens = [];
    for (const name of ['rest one', 'rest two', 'rest three', 'rest four', 'rest five']) {
      tokens.push(await newToken(owner, name, ['GET', 'PUT']));
    }
    const reveal = await t.gql(Q.revealApiToken, { input: { id: tokens[0]!.id } }, owner);
    expect(reveal.body.data.revealApiToken.token).toBe(tokens[0]!.token);
    const update = await t.gql(Q.updateApiToken, { input: { id: tokens[1]!.id, name: 'rest two renamed', allowedMethods: ['DELETE'] } }, owner);
    expect(update.body.data.updateApiToken.__typename).toBe('UpdateApiTokenSuccess');
    const del = await t.gql(Q.deleteApiToken, { input: { id: tokens[4]!.id } }, owner);
    expect(del.body.data.deleteApiToken.__typename).toBe('DeleteApiTokenSuccess');
    for (const token of tokens.slice(0, 3)) {
      expect((await t.gql(Q.viewer, {}, token.token)).status).toBe(200);
    }
  });

  function render(value: unknown): string {
    if (value instanceof Uint8Array) {
      const bytes = Buffer.from(value);
      return [bytes.toString('hex'), bytes.toString('utf8'), bytes.toString('latin1'), bytes.toString('base64')].join(' ');
    }
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(render).join(' ');
    if (value !== null && typeof value === 'object') {
      return Object.entries(value).map(([key, v]) => `${key}=${render(v)}`).join(' ');
    }
    return String(value);
  }

  test('no issued token is stored in plain text in any table', async () => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db());
    const names = tables.rows.map((row) => row.table_name);
    expect(names).toEqual(expect.arrayContaining(['api_tokens', 'audit_events', 'projects']));

    let dump = '';
    for (const name of names) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db());
      dump += `\n${name}: ${rows.rows.map(render).join('\n')}`;
    }
    // The dump really holds the tokens' rows: masked forms, names and 32-byte digests are all there.
    const stored = await db().selectFrom('api_tokens').select(['masked_token', 'token_digest']).execute();
    expect(stored.length).toBeGreaterThanOrEqual(4);
    for (const row of stored) {
      expect(dump).toContain(row.masked_token);
      expect(dump).toContain(Buffer.from(row.token_digest).toString('hex'));
    }
    expect(dump).toContain('rest two renamed');

    const secrets = issued.filter((token) => !pastedAsName.has(token));
    expect(secrets.length).toBeGreaterThanOrEqual(tokens.length);
    for (const token of secrets) {
      for (const needle of [
        token,
        randomPart(token),
        Buffer.from(token).toString('hex'),
        Buffer.from(randomPart(token)).toString('hex'),
        Buffer.from(token).toString('base64'),
      ]) {
        expect(dump.includes(needle), `${needle} is stored`).toBe(false);
      }
    }
  });

  const secret = () => tokens[2]!.token;
  const noSecretIn = (res: GraphQLResponse) => {
    const text = JSON.stringify(res.body);
    for (const token of issued) expect(text).not.toContain(randomPart(token));
  };

  type Attempt = [label: string, field: 'createApiToken' | 'updateApiToken' | 'deleteApiToken' | 'revealApiToken', input: () => object, credential: () => string, expected: string];
  const attempts: Attempt[] = [
    ['create: empty methods', 'createApiToken', () => ({ name: secret(), allowedMethods: [] }), () => owner, 'ValidationError'],
    ['create: name too long', 'createApiToken', () => ({ name: `${secret()} ${'x'.repeat(100)}`, allowedMethods: ['GET'] }), () => owner, 'ValidationError'],
    ['create: bad validity', 'createApiToken', () => ({ name: secret(), allowedMethods: ['GET'], driveAssetAccessValidityMinutes: 1 }), () => owner, 'ValidationError'],
    ['update: bad validity', 'updateApiToken', () => ({ id: tokens[0]!.id, name: secret(), driveAssetAccessValidityMinutes: 5 }), () => owner, 'ValidationError'],
    ['update: unknown id', 'updateApiToken', () => ({ id: globalId('ApiToken', randomUUID()), name: `${secret()} copy` }), () => owner, 'NotFoundError'],
    ['update: taken name', 'updateApiToken', () => ({ id: tokens[0]!.id, name: 'rest three', allowedMethods: ['GET'] }), () => owner, 'NameTakenError'],
    ['update: the token as id', 'updateApiToken', () => ({ id: secret(), name: 'x' }), () => owner, 'NotFoundError'],
    ['delete: the token as id', 'deleteApiToken', () => ({ id: secret() }), () => owner, 'NotFoundError'],
    ['reveal: the token as id', 'revealApiToken', () => ({ id: secret() }), () => owner, 'NotFoundError'],
    ['create as READER', 'createApiToken', () => ({ name: secret(), allowedMethods: ['GET'] }), () => reader, 'FORBIDDEN'],
    ['manage with the token itself', 'revealApiToken', () => ({ id: tokens[2]!.id }), secret, 'FORBIDDEN'],
  ];

  test.each(attempts)('%s: the error does not echo a token', async (_label, field, input, credential, expected) => {
    const res = await t.gql(Q[field], { input: input() }, credential());
    if (expected === 'FORBIDDEN') {
      expectRefused(res, field, 'FORBIDDEN');
    } else {
      expect(res.body.data[field].__typename).toBe(expected);
    }
    noSecretIn(res);
  });

  test('an issued token typed as a name is not echoed by a later error', async () => {
    const pasted = tokens[3]!.token;
    pastedAsName.add(pasted);
    const first = await t.gql(Q.createApiToken, { input: { name: pasted, allowedMethods: ['GET'] } }, owner);
    if (first.body.data.createApiToken.__typename === 'CreateApiTokenSuccess') {
      issued.push(first.body.data.createApiToken.token);
    } else {
      noSecretIn(first);
    }
    const second = await t.gql(Q.createApiToken, { input: { name: pasted, allowedMethods: ['GET'] } }, owner);
    // Refusing such a name outright, or answering NameTakenError, are both fine; quoting it back is not.
    expect(['ValidationError', 'NameTakenError']).toContain(second.body.data.createApiToken.__typename);
    noSecretIn(second);
  });

  test('nothing a request does writes a token to the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = createApp({ config: TEST_CONFIG, database: t.database.handle, logger: pino({ level: 'debug' }, sink) });
    const created = await gqlOn(logged, Q.createApiToken, { input: { name: 'logged', allowedMethods: ['GET'] } }, owner);
    const token: string = created.body.data.createApiToken.token;
    issued.push(token);
    const id: string = created.body.data.createApiToken.apiToken.id;
    await gqlOn(logged, Q.revealApiToken, { input: { id } }, owner);
    await gqlOn(logged, Q.viewer, {}, token);
    await gqlOn(logged, Q.viewer, {}, null, { api_token: token });
    await gqlOn(logged, Q.viewer, {}, flipChar(token, -1));
    await gqlOn(logged, Q.revealApiToken, { input: { id } }, token);
    await gqlOn(logged, Q.deleteApiToken, { input: { id } }, owner);
    await gqlOn(logged, Q.viewer, {}, token);
    expect(lines.length).toBeGreaterThan(0);
    const log = lines.join('');
    for (const secret of issued) expect(log).not.toContain(randomPart(secret));
  });
});

describe('plan changes', () => {
  test('tokens of a project moved off BUSINESS/ENTERPRISE stop authenticating and come back, nothing deleted', async () => {
    const projectId = await t.createProject({ name: 'Plans', plan: 'BUSINESS' });
    const owner = await t.adminSession(projectId, 'OWNER');
    const one = await newToken(owner, 'plan one');
    const two = await newToken(owner, 'plan two', ['GET', 'POST']);
    const setPlan = async (plan: string) => {
      const res = await t.gql(Q.updateProject, { input: { id: projectId, plan } }, t.operatorKey);
      expect(res.body.data.updateProject.project.plan).toBe(plan);
    };
    const listed = async () => {
      const res = await t.gql(Q.apiTokens, {}, owner);
      return res.body.data.apiTokens.edges.map((e: any) => e.node).sort((a: any, b: any) => a.name.localeCompare(b.name));
    };
    const before = await listed();
    expect(before.map((n: any) => n.id)).toEqual([one.id, two.id]);

    for (const [plan, works] of [
      ['FREE', false],
      ['BUSINESS', true],
      ['STANDARD', false],
      ['ENTERPRISE', true],
      ['PROFESSIONAL', false],
      ['BUSINESS', true],
    ] as const) {
      await setPlan(plan);
      for (const token of [one, two]) {
        const res = await t.gql(Q.viewer, {}, token.token);
        if (works) {
          expect(res.status, `${plan}: ${token.name}`).toBe(200);
          expect(res.body.data.viewer.apiToken.name).toBe(token.name);
        } else {
          expect(res.status, `${plan}: ${token.name}`).toBe(401);
          expect(res.body.errors![0]!.extensions?.code).toBe('UNAUTHENTICATED');
        }
      }
      expect(await listed()).toEqual(before);
      if (!works) {
        const create = await t.gql(Q.createApiToken, { input: { name: `on ${plan}`, allowedMethods: ['GET'] } }, owner);
        expect(create.body.data.createApiToken).toMatchObject({ __typename: 'PlanNotSupportedError', code: 'PLAN_NOT_SUPPORTED' });
      }
    }
  });
});

describe('a change to a token holds for the very next request', () => {
  const setups: [string, () => App][] = [
    ['on the same app', () => t.app],
    [
      DATABASE_KIND === 'postgres' ? 'on a second app with its own pool' : 'on a second app instance on the same PGlite',
      () => appOn(DATABASE_KIND === 'postgres' ? t.database.reopen() : t.database.handle),
    ],
  ];

  test.each(setups)('method change, rename and deletion (%s)', async (_label, second) => {
    const projectId = await t.createProject({ name: 'Next request' });
    const owner = await t.adminSession(projectId, 'OWNER');
    const token = await newToken(owner, `next ${randomUUID()}`);
    const other = second();
    const viewerThere = () => gqlOn(other, Q.viewer, {}, token.token);

    expect((await viewerThere()).body.data.viewer.allowedMethods).toEqual(['GET']);

    const update = await t.gql(Q.updateApiToken, { input: { id: token.id, allowedMethods: ['DELETE', 'GET', 'POST'] } }, owner);
    expect(update.body.data.updateApiToken.apiToken.allowedMethods).toEqual(['GET', 'POST', 'DELETE']);
    const afterUpdate = await viewerThere();
    expect(afterUpdate.body.data.viewer.allowedMethods).toEqual(['GET', 'POST', 'DELETE']);
    expect(afterUpdate.body.data.viewer.apiToken.allowedMethods).toEqual(['GET', 'POST', 'DELETE']);

    await t.gql(Q.updateApiToken, { input: { id: token.id, name: 'renamed next', allowedMethods: ['PUT'] } }, owner);
    expect((await viewerThere()).body.data.viewer.apiToken).toEqual({ id: token.id, name: 'renamed next', allowedMethods: ['PUT'] });

    const del = await t.gql(Q.deleteApiToken, { input: { id: token.id } }, owner);
    expect(del.body.data.deleteApiToken.deletedId).toBe(token.id);
    const afterDelete = await viewerThere();
    expect(afterDelete.status).toBe(401);
    expect(afterDelete.body.errors![0]!.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
