import { randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, globalId, type TestApp } from './support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const TOKEN = `id name maskedToken allowedMethods driveAssetAccessValidityMinutes createdAt updatedAt createdBy lastUsedAt`;
const USAGE = `usage { used limit percent summary }`;
const ERROR = `... on Error { code message }`;
const INVALID = `... on ValidationError { fieldErrors { path message } }`;

const Q = {
  create: `mutation ($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      __typename ${ERROR} ${INVALID}
      ... on CreateApiTokenSuccess { token apiToken { ${TOKEN} } ${USAGE} }
      ... on TokenLimitReachedError { ${USAGE} }
    }
  }`,
  update: `mutation ($input: UpdateApiTokenInput!) {
    updateApiToken(input: $input) { __typename ${ERROR} ${INVALID} ... on UpdateApiTokenSuccess { apiToken { ${TOKEN} } } }
  }`,
  delete: `mutation ($input: DeleteApiTokenInput!) {
    deleteApiToken(input: $input) { __typename ${ERROR} ... on DeleteApiTokenSuccess { deletedId ${USAGE} } }
  }`,
  reveal: `mutation ($input: RevealApiTokenInput!) {
    revealApiToken(input: $input) { __typename ${ERROR} ... on RevealApiTokenSuccess { token } }
  }`,
  token: `query ($id: ID!) { apiToken(id: $id) { ${TOKEN} } }`,
  list: `query ($first: Int, $after: String) {
    apiTokens(first: $first, after: $after) {
      totalCount ${USAGE}
      edges { cursor node { id name } }
      pageInfo { hasNextPage endCursor }
    }
  }`,
  project: `{ project { apiTokenLimit apiTokenUsage { used limit percent summary } } }`,
  updateProject: `mutation ($input: UpdateProjectInput!) {
    updateProject(input: $input) { __typename ${ERROR} ${INVALID} ... on UpdateProjectSuccess { project { apiTokenLimit } } }
  }`,
};

const usage = (used: number, limit: number, percent: number) => ({
  used,
  limit,
  percent,
  summary: `${percent}% - ${used}/${limit} tokens created`,
});

interface Setup {
  projectId: string;
  /** The project's database uuid, for reading its audit events. */
  dbId: string;
  userId: string;
  session: string;
}

let projectCounter = 0;

/** A new project of the given plan and an OWNER session on it. */
async function setup(plan = 'BUSINESS', apiTokenLimit?: number): Promise<Setup> {
  const n = ++projectCounter;
  const projectId = await t.createProject({ name: `Project ${n}`, plan, apiTokenLimit });
  const userId = `user-${n}`;
  const session = await t.adminSession(projectId, 'OWNER', userId);
  return { projectId, dbId: decodeGlobalID(projectId).id, userId, session };
}

/** Runs a mutation, insists on a GraphQL-level success, returns its result union. */
async function mutate(name: keyof typeof Q, field: string, input: object, credential: string) {
  const res = await t.gql(Q[name], { input }, credential);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data[field];
}

const create = (s: Setup, input: object) => mutate('create', 'createApiToken', input, s.session);
const update = (s: Setup, input: object) => mutate('update', 'updateApiToken', input, s.session);
const remove = (s: Setup, id: string) => mutate('delete', 'deleteApiToken', { id }, s.session);
const reveal = (s: Setup, id: string) => mutate('reveal', 'revealApiToken', { id }, s.session);

async function getToken(s: Setup, id: string) {
  const res = await t.gql(Q.token, { id }, s.session);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.apiToken;
}

async function list(s: Setup, variables: { first?: number; after?: string } = {}) {
  const res = await t.gql(Q.list, variables, s.session);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data.apiTokens;
}

async function auditEvents(s: Setup) {
  return t.database.handle.db
    .selectFrom('audit_events')
    .select(['id', 'actor_kind', 'actor_id', 'action', 'api_token_id', 'api_token_name'])
    .where('project_id', '=', s.dbId)
    .execute();
}

/** What a failed mutation must leave untouched: the project's tokens as stored, and its audit log. */
async function storedState(s: Setup) {
  const tokens = await t.database.handle.db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'allowed_methods', 'drive_asset_access_validity_minutes', 'updated_at'])
    .where('project_id', '=', s.dbId)
    .orderBy('id')
    .execute();
  const { totalCount } = await list(s, { first: 1 });
  return { totalCount, tokens, audit: (await auditEvents(s)).map((e) => e.id).sort() };
}

/** Runs `action` and returns the audit events it added. */
async function newAuditEvents(s: Setup, action: () => Promise<unknown>) {
  const before = new Set((await auditEvents(s)).map((e) => e.id));
  await action();
  return (await auditEvents(s)).filter((e) => !before.has(e.id));
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Base62, most significant digit first, zero-padded: written apart from the server's. */
function base62(value: number, width: number): string {
  const digits: string[] = [];
  for (let rest = BigInt(value); rest > 0n; rest /= 62n) digits.unshift(ALPHABET[Number(rest % 62n)]!);
  return digits.join('').padStart(width, '0');
}

const NOT_FOUND = { __typename: 'NotFoundError', code: 'NOT_FOUND', message: expect.any(String) };
const missingTokenId = () => globalId('ApiToken', randomUUID());

function validationError(fieldErrors: { path: string[]; message: string }[]) {
  return {
    __typename: 'ValidationError',
    code: 'VALIDATION',
    message: fieldErrors.length === 1
      ? `Invalid input: ${fieldErrors[0]!.path.join('.')}: ${fieldErrors[0]!.message}`
      : `Invalid input: ${fieldErrors.length} fields are invalid`,
    fieldErrors,
  };
}

const EMPTY_NAME = { path: ['name'], message: 'must not be empty' };
const LONG_NAME = { path: ['name'], message: 'must be at most 100 characters' };
const NO_METHODS = { path: ['allowedMethods'], message: 'must allow at least one method' };
const SHORT_VALIDITY = { path: ['driveAssetAccessValidityMinutes'], message: 'must be at least 15 minutes' };
const LONG_VALIDITY = { path: ['driveAssetAccessValidityMinutes'], message: 'must be at most 2160 minutes (36 hours)' };

describe('createApiToken', () => {
  test('returns the token, its public form and the usage', async () => {
    const s = await setup();
    const before = Date.now();
    const result = await create(s, { name: 'Analytics', allowedMethods: ['GET'] });

    expect(result.__typename).toBe('CreateApiTokenSuccess');
    const { token, apiToken } = result;
    expect(token).toMatch(/^kbg_[0-9A-Za-z]{38}$/);
    expect(apiToken).toEqual({
      id: expect.any(String),
      name: 'Analytics',
      maskedToken: `kbg_${token.slice(4, 8)}…${token.slice(-4)}`,
      allowedMethods: ['GET'],
      driveAssetAccessValidityMinutes: 15,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      createdBy: s.userId,
      lastUsedAt: null,
    });
    expect(decodeGlobalID(apiToken.id).typename).toBe('ApiToken');
    expect(new Date(apiToken.createdAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(apiToken.createdAt).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(result.usage).toEqual(usage(1, 8, 13));
  });

  test('ends in the CRC-32 of its random part, in base62', async () => {
    const s = await setup();
    for (let i = 0; i < 5; i++) {
      const { token } = await create(s, { name: `Checksum ${i}`, allowedMethods: ['GET'] });
      const random = token.slice(4, 36);
      expect(token.slice(36)).toBe(base62(crc32(random), 6));
    }
  });

  test('each token is a different secret', async () => {
    const s = await setup();
    const a = await create(s, { name: 'A', allowedMethods: ['GET'] });
    const b = await create(s, { name: 'B', allowedMethods: ['GET'] });
    expect(a.token).not.toBe(b.token);
    expect(a.apiToken.id).not.toBe(b.apiToken.id);
  });

  test.each([
    ['1 char', 'x', 'x'],
    ['100 chars', 'n'.repeat(100), 'n'.repeat(100)],
    ['surrounding spaces', ' Sync ', 'Sync'],
    ['100 chars once trimmed', `  ${'m'.repeat(100)}\t`, 'm'.repeat(100)],
  ])('accepts a name of %s', async (_, name, stored) => {
    const s = await setup();
    const result = await create(s, { name, allowedMethods: ['GET'] });
    expect(result.__typename).toBe('CreateApiTokenSuccess');
    expect(result.apiToken.name).toBe(stored);
    expect((await getToken(s, result.apiToken.id)).name).toBe(stored);
  });

  test.each([
    ['an empty name', { name: '', allowedMethods: ['GET'] }, [EMPTY_NAME]],
    ['an all-whitespace name', { name: ' \t  ', allowedMethods: ['GET'] }, [EMPTY_NAME]],
    ['a name of 101 chars', { name: 'n'.repeat(101), allowedMethods: ['GET'] }, [LONG_NAME]],
    ['no methods', { name: 'Sync', allowedMethods: [] }, [NO_METHODS]],
    ['a validity of 14', { name: 'Sync', allowedMethods: ['GET'], driveAssetAccessValidityMinutes: 14 }, [SHORT_VALIDITY]],
    ['a validity of 2161', { name: 'Sync', allowedMethods: ['GET'], driveAssetAccessValidityMinutes: 2161 }, [LONG_VALIDITY]],
    [
      'every field bad at once',
      { name: '   ', allowedMethods: [], driveAssetAccessValidityMinutes: 2161 },
      [EMPTY_NAME, NO_METHODS, LONG_VALIDITY],
    ],
  ])('refuses %s with a ValidationError and writes nothing', async (_, input, fieldErrors) => {
    const s = await setup();
    await create(s, { name: 'Existing', allowedMethods: ['GET'] });
    const before = await storedState(s);

    const result = await create(s, input);
    expect({ ...result, fieldErrors: sortByPath(result.fieldErrors) }).toEqual(
      validationError(sortByPath(fieldErrors)),
    );
    expect(await storedState(s)).toEqual(before);
  });

  test('collapses repeated methods into the canonical order', async () => {
    const s = await setup();
    const result = await create(s, { name: 'Sync', allowedMethods: ['DELETE', 'GET', 'GET', 'POST'] });
    expect(result.apiToken.allowedMethods).toEqual(['GET', 'POST', 'DELETE']);
    const all = await create(s, { name: 'All', allowedMethods: ['PUT', 'DELETE', 'POST', 'GET', 'PUT'] });
    expect(all.apiToken.allowedMethods).toEqual(['GET', 'POST', 'PUT', 'DELETE']);
    expect((await getToken(s, result.apiToken.id)).allowedMethods).toEqual(['GET', 'POST', 'DELETE']);
  });

  test.each([15, 2160])('accepts a validity of %i minutes', async (minutes) => {
    const s = await setup();
    const result = await create(s, { name: 'Sync', allowedMethods: ['GET'], driveAssetAccessValidityMinutes: minutes });
    expect(result.apiToken.driveAssetAccessValidityMinutes).toBe(minutes);
    expect((await getToken(s, result.apiToken.id)).driveAssetAccessValidityMinutes).toBe(minutes);
  });

  test('refuses a name taken case-insensitively, and writes nothing', async () => {
    const s = await setup();
    await create(s, { name: 'sync', allowedMethods: ['GET'] });
    const before = await storedState(s);
    for (const name of ['SYNC', 'sync', ' Sync ']) {
      const result = await create(s, { name, allowedMethods: ['POST'] });
      expect(result).toEqual({ __typename: 'NameTakenError', code: 'NAME_TAKEN', message: 'An API token with this name already exists in this project' });
    }
    expect(await storedState(s)).toEqual(before);
  });

  test('the same name is free in another project', async () => {
    const a = await setup();
    const b = await setup();
    await create(a, { name: 'Sync', allowedMethods: ['GET'] });
    expect((await create(b, { name: 'SYNC', allowedMethods: ['GET'] })).__typename).toBe('CreateApiTokenSuccess');
  });
});

function sortByPath<T extends { path: string[] }>(errors: T[]): T[] {
  return [...errors].sort((x, y) => x.path.join('.').localeCompare(y.path.join('.')));
}

describe('usage and limits', () => {
  test('counts up to the BUSINESS limit of 8, then refuses with the usage', async () => {
    const s = await setup('BUSINESS');
    const expected = [
      '13% - 1/8 tokens created',
      '25% - 2/8 tokens created',
      '38% - 3/8 tokens created',
      '50% - 4/8 tokens created',
      '63% - 5/8 tokens created',
      '75% - 6/8 tokens created',
      '88% - 7/8 tokens created',
      '100% - 8/8 tokens created',
    ];
    for (const [i, summary] of expected.entries()) {
      const result = await create(s, { name: `Token ${i + 1}`, allowedMethods: ['GET'] });
      expect(result.usage).toEqual({ used: i + 1, limit: 8, percent: Number(summary.split('%')[0]), summary });
    }
    const before = await storedState(s);

    const refused = await create(s, { name: 'Token 9', allowedMethods: ['GET'] });
    expect(refused).toEqual({
      __typename: 'TokenLimitReachedError',
      code: 'TOKEN_LIMIT_REACHED',
      message: expect.any(String),
      usage: usage(8, 8, 100),
    });
    expect(await storedState(s)).toEqual(before);
    expect((await list(s)).usage).toEqual(usage(8, 8, 100));
    const project = await t.gql(Q.project, {}, s.session);
    expect(project.body.data.project).toEqual({ apiTokenLimit: 8, apiTokenUsage: usage(8, 8, 100) });
  });

  test('a limit lowered below usage keeps the tokens and holds creation until usage is under it', async () => {
    const s = await setup('BUSINESS');
    const ids: string[] = [];
    for (let i = 1; i <= 8; i++) ids.push((await create(s, { name: `Token ${i}`, allowedMethods: ['GET'] })).apiToken.id);

    const lowered = await mutate('updateProject', 'updateProject', { id: s.projectId, apiTokenLimit: 3 }, t.operatorKey);
    expect(lowered).toEqual({ __typename: 'UpdateProjectSuccess', project: { apiTokenLimit: 3 } });
    const project = await t.gql(Q.project, {}, s.session);
    expect(project.body.data.project.apiTokenUsage).toEqual(usage(8, 3, 267));
    expect(project.body.data.project.apiTokenUsage.summary).toBe('267% - 8/3 tokens created');
    expect((await list(s)).totalCount).toBe(8);

    const refused = await create(s, { name: 'Too many', allowedMethods: ['GET'] });
    expect(refused.__typename).toBe('TokenLimitReachedError');
    expect(refused.usage).toEqual(usage(8, 3, 267));

    const afterDeletes = [usage(7, 3, 233), usage(6, 3, 200), usage(5, 3, 167), usage(4, 3, 133), usage(3, 3, 100)];
    for (const expected of afterDeletes) {
      expect((await remove(s, ids.shift()!)).usage).toEqual(expected);
    }
    const stillRefused = await create(s, { name: 'Too many', allowedMethods: ['GET'] });
    expect(stillRefused.usage).toEqual(usage(3, 3, 100));

    expect((await remove(s, ids.shift()!)).usage).toEqual(usage(2, 3, 67));
    const created = await create(s, { name: 'Fits again', allowedMethods: ['GET'] });
    expect(created.__typename).toBe('CreateApiTokenSuccess');
    expect(created.usage).toEqual(usage(3, 3, 100));
  });

  test('a limit of 0 reads "0% - 0/0 tokens created" and refuses creation', async () => {
    const s = await setup('BUSINESS', 0);
    expect((await list(s)).usage).toEqual({ used: 0, limit: 0, percent: 0, summary: '0% - 0/0 tokens created' });
    const refused = await create(s, { name: 'Sync', allowedMethods: ['GET'] });
    expect(refused).toEqual({
      __typename: 'TokenLimitReachedError',
      code: 'TOKEN_LIMIT_REACHED',
      message: expect.any(String),
      usage: usage(0, 0, 0),
    });
    expect((await list(s)).totalCount).toBe(0);
  });

  test.each(['FREE', 'STANDARD', 'PROFESSIONAL'])('the %s plan has no API tokens: PLAN_NOT_SUPPORTED', async (plan) => {
    const s = await setup(plan);
    const before = await storedState(s);
    const result = await create(s, { name: 'Sync', allowedMethods: ['GET'] });
    expect(result).toEqual({ __typename: 'PlanNotSupportedError', code: 'PLAN_NOT_SUPPORTED', message: expect.any(String) });
    expect(await storedState(s)).toEqual(before);
    expect((await list(s)).usage).toEqual(usage(0, 0, 0));
  });

  test('the ENTERPRISE plan allows 20 by default', async () => {
    const s = await setup('ENTERPRISE');
    expect((await list(s)).usage).toEqual(usage(0, 20, 0));
    expect((await create(s, { name: 'Sync', allowedMethods: ['GET'] })).usage).toEqual({
      used: 1,
      limit: 20,
      percent: 5,
      summary: '5% - 1/20 tokens created',
    });
  });

  test('an apiTokenLimit set to null returns to the plan default', async () => {
    const s = await setup('BUSINESS');
    await create(s, { name: 'Sync', allowedMethods: ['GET'] });
    await mutate('updateProject', 'updateProject', { id: s.projectId, apiTokenLimit: 3 }, t.operatorKey);
    expect((await list(s)).usage).toEqual(usage(1, 3, 33));
    const reset = await mutate('updateProject', 'updateProject', { id: s.projectId, apiTokenLimit: null }, t.operatorKey);
    expect(reset.project.apiTokenLimit).toBe(8);
    expect((await list(s)).usage).toEqual(usage(1, 8, 13));
  });
});

describe('updateApiToken', () => {
  async function withToken() {
    const s = await setup();
    const created = await create(s, { name: 'Alpha', allowedMethods: ['GET'], driveAssetAccessValidityMinutes: 30 });
    return { s, created: created.apiToken };
  }

  test.each([
    ['the name alone', { name: '  Beta  ' }, { name: 'Beta' }],
    ['the methods alone', { allowedMethods: ['PUT', 'GET', 'PUT'] }, { allowedMethods: ['GET', 'PUT'] }],
    ['the validity alone', { driveAssetAccessValidityMinutes: 2160 }, { driveAssetAccessValidityMinutes: 2160 }],
    [
      'every field together',
      { name: 'Gamma', allowedMethods: ['DELETE', 'POST'], driveAssetAccessValidityMinutes: 15 },
      { name: 'Gamma', allowedMethods: ['POST', 'DELETE'], driveAssetAccessValidityMinutes: 15 },
    ],
  ])('changes %s and leaves the rest', async (_, patch, changed) => {
    const { s, created } = await withToken();
    const result = await update(s, { id: created.id, ...patch });
    const expected = { ...created, ...changed, updatedAt: expect.any(String) };
    expect(result).toEqual({ __typename: 'UpdateApiTokenSuccess', apiToken: expected });
    expect(new Date(result.apiToken.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(created.updatedAt).getTime());
    expect(await getToken(s, created.id)).toEqual(result.apiToken);
  });

  test.each([
    ['an empty name', { name: '' }, [EMPTY_NAME]],
    ['an all-whitespace name', { name: '   ' }, [EMPTY_NAME]],
    ['a name of 101 chars', { name: 'x'.repeat(101) }, [LONG_NAME]],
    ['no methods', { allowedMethods: [] }, [NO_METHODS]],
    ['a validity of 14', { driveAssetAccessValidityMinutes: 14 }, [SHORT_VALIDITY]],
    ['a validity of 2161', { driveAssetAccessValidityMinutes: 2161 }, [LONG_VALIDITY]],
    [
      'every field bad at once',
      { name: '', allowedMethods: [], driveAssetAccessValidityMinutes: 14 },
      [EMPTY_NAME, NO_METHODS, SHORT_VALIDITY],
    ],
  ])('refuses %s with a ValidationError and writes nothing', async (_, patch, fieldErrors) => {
    const { s, created } = await withToken();
    const before = await storedState(s);
    const result = await update(s, { id: created.id, ...patch });
    expect({ ...result, fieldErrors: sortByPath(result.fieldErrors) }).toEqual(
      validationError(sortByPath(fieldErrors)),
    );
    expect(await storedState(s)).toEqual(before);
    expect(await getToken(s, created.id)).toEqual(created);
  });

  test("refuses another token's name in any case; a token may change the case of its own", async () => {
    const s = await setup();
    const sync = (await create(s, { name: 'Sync', allowedMethods: ['GET'] })).apiToken;
    const other = (await create(s, { name: 'Other', allowedMethods: ['GET'] })).apiToken;
    const before = await storedState(s);

    for (const name of ['SYNC', 'sync', ' Sync ']) {
      const taken = await update(s, { id: other.id, name });
      expect(taken).toEqual({ __typename: 'NameTakenError', code: 'NAME_TAKEN', message: 'An API token with this name already exists in this project' });
    }
    expect(await storedState(s)).toEqual(before);

    const recased = await update(s, { id: sync.id, name: 'SYNC' });
    expect(recased.__typename).toBe('UpdateApiTokenSuccess');
    expect(recased.apiToken.name).toBe('SYNC');
    const same = await update(s, { id: sync.id, name: 'SYNC' });
    expect(same.apiToken.name).toBe('SYNC');
  });

  test('a missing, garbage, wrongly typed or foreign id is NOT_FOUND', async () => {
    const s = await setup();
    const foreign = await setup();
    const theirs = (await create(foreign, { name: 'Theirs', allowedMethods: ['GET'] })).apiToken;
    const before = await storedState(foreign);
    for (const id of [missingTokenId(), 'garbage', globalId('Project', randomUUID()), globalId('ApiToken', '42'), theirs.id]) {
      expect(await update(s, { id, name: 'Renamed' })).toEqual(NOT_FOUND);
    }
    expect(await storedState(foreign)).toEqual(before);
    expect(await getToken(foreign, theirs.id)).toEqual(theirs);
  });
});

describe('deleteApiToken', () => {
  test('returns the deleted id and the usage; the token is gone; a second delete is NOT_FOUND', async () => {
    const s = await setup();
    const keep = (await create(s, { name: 'Keep', allowedMethods: ['GET'] })).apiToken;
    const gone = (await create(s, { name: 'Gone', allowedMethods: ['GET'] })).apiToken;

    expect(await remove(s, gone.id)).toEqual({ __typename: 'DeleteApiTokenSuccess', deletedId: gone.id, usage: usage(1, 8, 13) });
    expect(await getToken(s, gone.id)).toBeNull();
    const after = await list(s);
    expect(after.totalCount).toBe(1);
    expect(after.edges.map((e: any) => e.node.id)).toEqual([keep.id]);

    const before = await storedState(s);
    expect(await remove(s, gone.id)).toEqual(NOT_FOUND);
    expect(await storedState(s)).toEqual(before);
  });

  test('the name of a deleted token is free again', async () => {
    const s = await setup();
    const first = (await create(s, { name: 'Sync', allowedMethods: ['GET'] })).apiToken;
    await remove(s, first.id);
    expect((await create(s, { name: 'sync', allowedMethods: ['GET'] })).__typename).toBe('CreateApiTokenSuccess');
  });

  test('a missing, garbage or foreign id is NOT_FOUND and deletes nothing', async () => {
    const s = await setup();
    const foreign = await setup();
    const theirs = (await create(foreign, { name: 'Theirs', allowedMethods: ['GET'] })).apiToken;
    for (const id of [missingTokenId(), 'garbage', globalId('Project', foreign.dbId), theirs.id]) {
      expect(await remove(s, id)).toEqual(NOT_FOUND);
    }
    expect(await getToken(foreign, theirs.id)).toEqual(theirs);
  });
});

describe('revealApiToken', () => {
  test('returns exactly the secret create returned, and audits it', async () => {
    const s = await setup();
    const created = await create(s, { name: 'Sync', allowedMethods: ['GET'] });
    const events = await newAuditEvents(s, async () => {
      expect(await reveal(s, created.apiToken.id)).toEqual({ __typename: 'RevealApiTokenSuccess', token: created.token });
    });
    expect(events).toEqual([
      expect.objectContaining({ action: 'api_token.reveal', api_token_id: decodeGlobalID(created.apiToken.id).id }),
    ]);
    expect(await reveal(s, created.apiToken.id)).toEqual({ __typename: 'RevealApiTokenSuccess', token: created.token });
  });

  test('a missing, deleted or foreign id is NOT_FOUND', async () => {
    const s = await setup();
    const foreign = await setup();
    const theirs = (await create(foreign, { name: 'Theirs', allowedMethods: ['GET'] })).apiToken;
    const deleted = (await create(s, { name: 'Deleted', allowedMethods: ['GET'] })).apiToken;
    await remove(s, deleted.id);
    for (const id of [missingTokenId(), 'garbage', deleted.id, theirs.id]) {
      expect(await reveal(s, id)).toEqual(NOT_FOUND);
    }
  });
});

describe('audit log', () => {
  test('create, update, reveal and delete each write exactly one event naming the admin and the token', async () => {
    const s = await setup();
    let id = '';
    const expectOne = (events: unknown[], action: string, name: string) =>
      expect(events).toEqual([
        {
          id: expect.any(String),
          actor_kind: 'ADMIN',
          actor_id: s.userId,
          action,
          api_token_id: decodeGlobalID(id).id,
          api_token_name: name,
        },
      ]);

    let events = await newAuditEvents(s, async () => {
      id = (await create(s, { name: 'Sync', allowedMethods: ['GET'] })).apiToken.id;
    });
    expectOne(events, 'api_token.create', 'Sync');

    events = await newAuditEvents(s, () => update(s, { id, name: 'Renamed', allowedMethods: ['GET', 'PUT'] }));
    expectOne(events, 'api_token.update', 'Renamed');

    events = await newAuditEvents(s, () => reveal(s, id));
    expectOne(events, 'api_token.reveal', 'Renamed');

    events = await newAuditEvents(s, () => remove(s, id));
    expectOne(events, 'api_token.delete', 'Renamed');
  });

  test('the actor is the admin of the session, whoever created the token', async () => {
    const s = await setup();
    const id = (await create(s, { name: 'Sync', allowedMethods: ['GET'] })).apiToken.id;
    const other = await t.adminSession(s.projectId, 'ADMIN', 'second-admin');
    const events = await newAuditEvents(s, () => mutate('update', 'updateApiToken', { id, name: 'By B' }, other));
    expect(events).toEqual([expect.objectContaining({ actor_kind: 'ADMIN', actor_id: 'second-admin', action: 'api_token.update' })]);
    expect((await getToken(s, id)).createdBy).toBe(s.userId);
  });

  test('a failed mutation writes no event', async () => {
    const s = await setup('BUSINESS', 1);
    const id = (await create(s, { name: 'Sync', allowedMethods: ['GET'] })).apiToken.id;
    await mutate('updateProject', 'updateProject', { id: s.projectId, apiTokenLimit: 2 }, t.operatorKey);
    await create(s, { name: 'Other', allowedMethods: ['GET'] });
    const free = await setup('FREE');

    const failures: [string, () => Promise<any>, string][] = [
      ['limit reached', () => create(s, { name: 'Third', allowedMethods: ['GET'] }), 'TokenLimitReachedError'],
      ['invalid create', () => create(s, { name: '', allowedMethods: [] }), 'ValidationError'],
      ['invalid update', () => update(s, { id, driveAssetAccessValidityMinutes: 1 }), 'ValidationError'],
      ['name taken on update', () => update(s, { id, name: 'other' }), 'NameTakenError'],
      ['update of a missing id', () => update(s, { id: missingTokenId(), name: 'X' }), 'NotFoundError'],
      ['delete of a missing id', () => remove(s, missingTokenId()), 'NotFoundError'],
      ['reveal of a missing id', () => reveal(s, missingTokenId()), 'NotFoundError'],
    ];
    for (const [what, action, typename] of failures) {
      const events = await newAuditEvents(s, async () => expect((await action()).__typename, what).toBe(typename));
      expect(events, what).toEqual([]);
    }
    await mutate('updateProject', 'updateProject', { id: s.projectId, apiTokenLimit: 3 }, t.operatorKey);
    const nameTaken = await newAuditEvents(s, async () =>
      expect((await create(s, { name: 'SYNC', allowedMethods: ['GET'] })).__typename).toBe('NameTakenError'),
    );
    expect(nameTaken).toEqual([]);
    const planRefused = await newAuditEvents(free, async () =>
      expect((await create(free, { name: 'X', allowedMethods: ['GET'] })).__typename).toBe('PlanNotSupportedError'),
    );
    expect(planRefused).toEqual([]);
  });
});

describe('apiTokens and apiToken', () => {
  test('lists newest first with totalCount and usage', async () => {
    const s = await setup('ENTERPRISE');
    const ids: string[] = [];
    for (let i = 1; i <= 4; i++) ids.push((await create(s, { name: `T${i}`, allowedMethods: ['GET'] })).apiToken.id);
    const all = await list(s);
    expect(all.totalCount).toBe(4);
    expect(all.usage).toEqual(usage(4, 20, 20));
    expect(all.edges.map((e: any) => e.node)).toEqual(
      [4, 3, 2, 1].map((i) => ({ id: ids[i - 1], name: `T${i}` })),
    );
    expect(all.pageInfo.hasNextPage).toBe(false);
  });

  test.each([3, 4])('pages of %i return each token exactly once, in order', async (size) => {
    const s = await setup('ENTERPRISE');
    const names: string[] = [];
    for (let i = 1; i <= 8; i++) {
      names.unshift(`Page ${i}`);
      await create(s, { name: `Page ${i}`, allowedMethods: ['GET'] });
    }
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; ; page++) {
      expect(page, 'too many pages').toBeLessThan(5);
      const connection = await list(s, { first: size, ...(after ? { after } : {}) });
      const remaining = 8 - seen.length;
      expect(connection.totalCount).toBe(8);
      expect(connection.edges).toHaveLength(Math.min(size, remaining));
      expect(connection.pageInfo.hasNextPage).toBe(remaining > size);
      expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1).cursor);
      seen.push(...connection.edges.map((e: any) => e.node.name));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(names);
  });

  test('an empty list has no next page', async () => {
    const s = await setup();
    const connection = await list(s, { first: 3 });
    expect(connection).toMatchObject({ totalCount: 0, usage: usage(0, 8, 0), edges: [], pageInfo: { hasNextPage: false } });
  });

  test('an invalid cursor is a GraphQL error, not a crash', async () => {
    const s = await setup();
    await create(s, { name: 'Sync', allowedMethods: ['GET'] });
    for (const after of ['not-a-cursor', Buffer.from('yesterday|42').toString('base64url'), '']) {
      const res = await t.gql(Q.list, { first: 3, after }, s.session);
      expect(res.status).toBe(200);
      expect(res.body.data).toBeNull();
      expect(res.body.errors).toEqual([
        expect.objectContaining({ message: 'Invalid cursor', path: ['apiTokens'], extensions: { code: 'BAD_USER_INPUT' } }),
      ]);
    }
  });

  test("only lists the session's own project", async () => {
    const a = await setup();
    const b = await setup();
    await create(a, { name: 'Mine', allowedMethods: ['GET'] });
    await create(b, { name: 'Theirs', allowedMethods: ['GET'] });
    const listed = await list(a);
    expect(listed.totalCount).toBe(1);
    expect(listed.edges.map((e: any) => e.node.name)).toEqual(['Mine']);
  });

  test('apiToken(id) returns the token; a garbage, wrongly typed, missing or foreign id gives null', async () => {
    const s = await setup();
    const foreign = await setup();
    const created = await create(s, { name: 'Sync', allowedMethods: ['POST', 'GET'], driveAssetAccessValidityMinutes: 60 });
    const theirs = (await create(foreign, { name: 'Theirs', allowedMethods: ['GET'] })).apiToken;

    expect(await getToken(s, created.apiToken.id)).toEqual(created.apiToken);
    for (const id of ['garbage', '', s.projectId, globalId('Project', decodeGlobalID(created.apiToken.id).id), missingTokenId(), theirs.id]) {
      expect(await getToken(s, id), id).toBeNull();
    }
  });
});
