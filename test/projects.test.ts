import { randomUUID } from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, globalId, type TestApp } from './support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PROJECT = `id name plan apiTokenLimit rateLimitPerMinute createdAt updatedAt
  apiTokenUsage { used limit percent summary }`;
const ERROR = `... on Error { code message } ... on ValidationError { fieldErrors { path message } }`;

const Q = {
  createProject: `mutation ($input: CreateProjectInput!) {
    createProject(input: $input) { __typename ${ERROR} ... on CreateProjectSuccess { project { ${PROJECT} } } }
  }`,
  updateProject: `mutation ($input: UpdateProjectInput!) {
    updateProject(input: $input) { __typename ${ERROR} ... on UpdateProjectSuccess { project { ${PROJECT} } } }
  }`,
  createAdminSession: `mutation ($input: CreateAdminSessionInput!) {
    createAdminSession(input: $input) { __typename ${ERROR} ... on CreateAdminSessionSuccess { token expiresAt } }
  }`,
  projects: `query ($first: Int, $after: String) {
    projects(first: $first, after: $after) {
      totalCount
      edges { cursor node { id name } }
      pageInfo { hasNextPage endCursor }
    }
  }`,
  project: `{ project { ${PROJECT} } }`,
  viewer: `{ viewer {
    kind userId role allowedMethods
    project { id name }
    apiToken { id name maskedToken allowedMethods driveAssetAccessValidityMinutes createdAt updatedAt createdBy lastUsedAt }
  } }`,
};

/** Runs an operation as `credential`, insists on no GraphQL errors, returns data[field]. */
async function run(query: string, field: string, variables: Record<string, unknown>, credential: string = t.operatorKey) {
  const res = await t.gql(query, variables, credential);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data[field];
}

const createProject = (input: object) => run(Q.createProject, 'createProject', { input });
const updateProject = (input: object) => run(Q.updateProject, 'updateProject', { input });
const createAdminSession = (input: object) => run(Q.createAdminSession, 'createAdminSession', { input });
const listProjects = (variables: { first?: number; after?: string } = {}) => run(Q.projects, 'projects', variables);

let counter = 0;
const uniqueName = () => `Project ${++counter}`;

async function newProject(input: object = {}) {
  const result = await createProject({ name: uniqueName(), plan: 'BUSINESS', ...input });
  expect(result.__typename).toBe('CreateProjectSuccess');
  return result.project;
}

const usage = (used: number, limit: number, percent: number) => ({
  used,
  limit,
  percent,
  summary: `${percent}% - ${used}/${limit} tokens created`,
});

function validationError(fieldErrors: { path: string[]; message: unknown }[]) {
  return { __typename: 'ValidationError', code: 'VALIDATION', message: expect.any(String), fieldErrors };
}

const NOT_FOUND = { __typename: 'NotFoundError', code: 'NOT_FOUND', message: expect.any(String) };

function decodeJwt(token: string) {
  const [header, payload, signature] = token.split('.');
  const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  return { header: json(header!), payload: json(payload!), signature };
}

describe('createProject', () => {
  test('creates a project with the plan defaults and no tokens in use', async () => {
    const before = Date.now();
    const result = await createProject({ name: '  Acme docs  ', plan: 'BUSINESS' });
    expect(result).toEqual({
      __typename: 'CreateProjectSuccess',
      project: {
        id: expect.any(String),
        name: 'Acme docs',
        plan: 'BUSINESS',
        apiTokenLimit: 8,
        rateLimitPerMinute: 60,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        apiTokenUsage: usage(0, 8, 0),
      },
    });
    expect(decodeGlobalID(result.project.id).typename).toBe('Project');
    const createdAt = new Date(result.project.createdAt).getTime();
    expect(createdAt).toBeGreaterThanOrEqual(before - 1000);
    expect(createdAt).toBeLessThanOrEqual(Date.now() + 1000);
  });

  test.each([
    ['BUSINESS', 8, 60],
    ['ENTERPRISE', 20, 100],
    ['FREE', 0, 0],
    ['STANDARD', 0, 0],
    ['PROFESSIONAL', 0, 0],
  ])('the %s plan defaults to %i tokens and %i requests a minute', async (plan, tokens, rate) => {
    const project = await newProject({ plan });
    expect(project).toMatchObject({ plan, apiTokenLimit: tokens, rateLimitPerMinute: rate });
    expect(project.apiTokenUsage).toEqual(usage(0, tokens, 0));
  });

  test.each([0, 1000])('accepts an apiTokenLimit of %i', async (limit) => {
    const project = await newProject({ apiTokenLimit: limit });
    expect(project.apiTokenLimit).toBe(limit);
    expect(project.apiTokenUsage).toEqual(usage(0, limit, 0));
  });

  test('a plan without API tokens has a limit of 0 whatever the operator sets', async () => {
    const project = await newProject({ plan: 'FREE', apiTokenLimit: 5 });
    expect(project.apiTokenLimit).toBe(0);
  });

  test.each([
    ['an empty name', { name: '', plan: 'BUSINESS' }, [{ path: ['name'], message: 'must not be empty' }]],
    ['an all-whitespace name', { name: '   ', plan: 'BUSINESS' }, [{ path: ['name'], message: 'must not be empty' }]],
    ['an apiTokenLimit of -1', { name: 'X', plan: 'BUSINESS', apiTokenLimit: -1 }, [{ path: ['apiTokenLimit'], message: expect.stringContaining('0') }]],
    ['an apiTokenLimit of 1001', { name: 'X', plan: 'BUSINESS', apiTokenLimit: 1001 }, [{ path: ['apiTokenLimit'], message: expect.stringContaining('1000') }]],
    [
      'two bad fields at once',
      { name: '', plan: 'ENTERPRISE', apiTokenLimit: 1001 },
      [{ path: ['name'], message: 'must not be empty' }, { path: ['apiTokenLimit'], message: expect.stringContaining('1000') }],
    ],
  ])('refuses %s with a ValidationError and creates nothing', async (_, input, fieldErrors) => {
    const before = (await listProjects({ first: 1 })).totalCount;
    expect(await createProject(input)).toEqual(validationError(fieldErrors));
    expect((await listProjects({ first: 1 })).totalCount).toBe(before);
  });
});

describe('updateProject', () => {
  test.each([
    ['the name', { name: ' Renamed ' }, { name: 'Renamed' }],
    ['the plan', { plan: 'ENTERPRISE' }, { plan: 'ENTERPRISE', apiTokenLimit: 20, rateLimitPerMinute: 100 }],
    ['the apiTokenLimit to 0', { apiTokenLimit: 0 }, { apiTokenLimit: 0 }],
    ['the apiTokenLimit to 1000', { apiTokenLimit: 1000 }, { apiTokenLimit: 1000 }],
    ['the rateLimitPerMinute to 1', { rateLimitPerMinute: 1 }, { rateLimitPerMinute: 1 }],
    ['the rateLimitPerMinute to 100000', { rateLimitPerMinute: 100000 }, { rateLimitPerMinute: 100000 }],
    [
      'every field together',
      { name: 'All', plan: 'ENTERPRISE', apiTokenLimit: 50, rateLimitPerMinute: 500 },
      { name: 'All', plan: 'ENTERPRISE', apiTokenLimit: 50, rateLimitPerMinute: 500 },
    ],
  ])('changes %s and leaves the rest', async (_, patch, changed) => {
    const project = await newProject();
    const result = await updateProject({ id: project.id, ...patch });
    const expected = { ...project, ...changed, updatedAt: expect.any(String) };
    if ('apiTokenLimit' in changed) expected.apiTokenUsage = usage(0, changed.apiTokenLimit as number, 0);
    expect(result).toEqual({ __typename: 'UpdateProjectSuccess', project: expected });
    expect(new Date(result.project.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(project.updatedAt).getTime());

    const session = await t.adminSession(project.id);
    expect((await run(Q.project, 'project', {}, session))).toEqual(result.project);
  });

  test('an explicit null returns the limits to the plan defaults; omitting them keeps them', async () => {
    const project = await newProject({ apiTokenLimit: 3 });
    await updateProject({ id: project.id, rateLimitPerMinute: 7 });
    const kept = await updateProject({ id: project.id, name: 'Kept' });
    expect(kept.project).toMatchObject({ apiTokenLimit: 3, rateLimitPerMinute: 7 });
    const reset = await updateProject({ id: project.id, apiTokenLimit: null, rateLimitPerMinute: null });
    expect(reset.project).toMatchObject({ name: 'Kept', apiTokenLimit: 8, rateLimitPerMinute: 60 });
  });

  test('moving to a plan without API tokens sets the limit to 0, and back restores it', async () => {
    const project = await newProject({ apiTokenLimit: 5 });
    expect((await updateProject({ id: project.id, plan: 'FREE' })).project.apiTokenLimit).toBe(0);
    expect((await updateProject({ id: project.id, plan: 'BUSINESS' })).project.apiTokenLimit).toBe(5);
  });

  test.each([
    ['rateLimitPerMinute 0', { rateLimitPerMinute: 0 }, ['rateLimitPerMinute']],
    ['rateLimitPerMinute 100001', { rateLimitPerMinute: 100001 }, ['rateLimitPerMinute']],
    ['apiTokenLimit -1', { apiTokenLimit: -1 }, ['apiTokenLimit']],
    ['apiTokenLimit 1001', { apiTokenLimit: 1001 }, ['apiTokenLimit']],
    ['an empty name', { name: '  ' }, ['name']],
    ['several fields', { name: '', apiTokenLimit: 1001, rateLimitPerMinute: 0 }, ['name', 'apiTokenLimit', 'rateLimitPerMinute']],
  ])('refuses %s with a ValidationError and changes nothing', async (_, patch, paths) => {
    const project = await newProject();
    const result = await updateProject({ id: project.id, ...patch });
    expect(result).toEqual(validationError(paths.map((p) => ({ path: [p], message: expect.any(String) }))));
    const session = await t.adminSession(project.id);
    expect(await run(Q.project, 'project', {}, session)).toEqual(project);
  });

  test('a missing, garbage or wrongly typed id is NOT_FOUND', async () => {
    const project = await newProject();
    for (const id of [globalId('Project', randomUUID()), 'garbage', '', globalId('ApiToken', decodeGlobalID(project.id).id)]) {
      expect(await updateProject({ id, name: 'Nope' }), id).toEqual(NOT_FOUND);
    }
  });
});

describe('projects', () => {
  test('lists every project newest first, and pages through them exactly once', async () => {
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.unshift((await newProject()).id);

    const all = await listProjects({ first: 100 });
    expect(all.pageInfo.hasNextPage).toBe(false);
    expect(all.edges).toHaveLength(all.totalCount);
    expect(all.edges.slice(0, 5).map((e: any) => e.node.id)).toEqual(created);

    const paged: string[] = [];
    let after: string | undefined;
    for (let page = 0; ; page++) {
      expect(page, 'too many pages').toBeLessThan(100);
      const connection = await listProjects({ first: 2, ...(after ? { after } : {}) });
      expect(connection.totalCount).toBe(all.totalCount);
      expect(connection.edges.length).toBe(Math.min(2, all.totalCount - paged.length));
      expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1).cursor);
      paged.push(...connection.edges.map((e: any) => e.node.id));
      expect(connection.pageInfo.hasNextPage).toBe(paged.length < all.totalCount);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(paged).toEqual(all.edges.map((e: any) => e.node.id));
  });

  test('totalCount counts every project', async () => {
    const before = (await listProjects({ first: 1 })).totalCount;
    await newProject();
    await newProject({ plan: 'FREE' });
    expect((await listProjects({ first: 1 })).totalCount).toBe(before + 2);
  });

  test('an invalid cursor is a GraphQL error', async () => {
    const res = await t.gql(Q.projects, { first: 2, after: 'not-a-cursor' }, t.operatorKey);
    expect(res.body.data).toBeNull();
    expect(res.body.errors).toEqual([expect.objectContaining({ message: 'Invalid cursor', extensions: { code: 'BAD_USER_INPUT' } })]);
  });

  test('is for the operator only', async () => {
    const project = await newProject();
    const session = await t.adminSession(project.id, 'OWNER');
    const forbidden = await t.gql(Q.projects, {}, session);
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(Q.projects, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const created = await t.gql(Q.createProject, { input: { name: 'Sneaky', plan: 'ENTERPRISE' } }, session);
    expect(created.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('createAdminSession', () => {
  test('issues a JWT whose claims name the user, the project, the role and a one-hour lifetime', async () => {
    const project = await newProject();
    const before = Math.floor(Date.now() / 1000);
    const result = await createAdminSession({ projectId: project.id, userId: 'alice', role: 'ADMIN' });
    const after = Math.ceil(Date.now() / 1000);

    expect(result).toEqual({ __typename: 'CreateAdminSessionSuccess', token: expect.any(String), expiresAt: expect.any(String) });
    expect(result.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const { header, payload } = decodeJwt(result.token);
    expect(header).toMatchObject({ alg: 'HS256' });
    expect(payload).toMatchObject({ sub: 'alice', pid: decodeGlobalID(project.id).id, role: 'ADMIN' });
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(payload.iat).toBeLessThanOrEqual(after);
    expect(payload.exp).toBe(payload.iat + 3600);
    expect(new Date(result.expiresAt).getTime()).toBe(payload.exp * 1000);
  });

  test('a ttl of 86400 seconds is accepted', async () => {
    const project = await newProject();
    const result = await createAdminSession({ projectId: project.id, userId: 'bob', role: 'OWNER', ttlSeconds: 86400 });
    const { payload } = decodeJwt(result.token);
    expect(payload.exp - payload.iat).toBe(86400);
    expect(new Date(result.expiresAt).getTime()).toBe(payload.exp * 1000);
  });

  test.each([
    ['a ttl of 86401', { ttlSeconds: 86401 }, ['ttlSeconds']],
    ['a ttl of 0', { ttlSeconds: 0 }, ['ttlSeconds']],
    ['a negative ttl', { ttlSeconds: -60 }, ['ttlSeconds']],
    ['an empty user id', { userId: '  ' }, ['userId']],
  ])('refuses %s with a ValidationError', async (_, patch, paths) => {
    const project = await newProject();
    const result = await createAdminSession({ projectId: project.id, userId: 'carol', role: 'ADMIN', ...patch });
    expect(result).toEqual(validationError(paths.map((p) => ({ path: [p], message: expect.any(String) }))));
  });

  test('a missing, garbage or wrongly typed project is NOT_FOUND', async () => {
    for (const projectId of [globalId('Project', randomUUID()), 'garbage', globalId('ApiToken', randomUUID())]) {
      expect(await createAdminSession({ projectId, userId: 'dave', role: 'OWNER' }), projectId).toEqual(NOT_FOUND);
    }
  });

  test.each(['OWNER', 'ADMIN', 'EDITOR', 'READER'])('a %s session authenticates as that role on its project', async (role) => {
    const project = await newProject();
    const result = await createAdminSession({ projectId: project.id, userId: `u-${role}`, role });
    expect(decodeJwt(result.token).payload.role).toBe(role);
    const viewer = await run(Q.viewer, 'viewer', {}, result.token);
    expect(viewer).toEqual({
      kind: 'ADMIN',
      userId: `u-${role}`,
      role,
      allowedMethods: null,
      project: { id: project.id, name: project.name },
      apiToken: null,
    });
  });

  test('is for the operator only', async () => {
    const project = await newProject();
    const session = await t.adminSession(project.id, 'OWNER');
    const res = await t.gql(Q.createAdminSession, { input: { projectId: project.id, userId: 'eve', role: 'OWNER' } }, session);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('project and viewer', () => {
  test("an admin's project query returns its project with the token usage", async () => {
    const project = await newProject({ plan: 'ENTERPRISE' });
    const session = await t.adminSession(project.id, 'ADMIN');
    await t.createToken(session, { name: 'One' });
    await t.createToken(session, { name: 'Two' });
    expect(await run(Q.project, 'project', {}, session)).toEqual({ ...project, apiTokenUsage: usage(2, 20, 10) });
  });

  test('the operator has no project', async () => {
    expect(await run(Q.project, 'project', {})).toBeNull();
  });

  test('the operator views itself as OPERATOR with no project', async () => {
    expect(await run(Q.viewer, 'viewer', {})).toEqual({
      kind: 'OPERATOR',
      userId: null,
      role: null,
      allowedMethods: null,
      project: null,
      apiToken: null,
    });
  });

  test('an API token views its own name and methods, and never its secret', async () => {
    const project = await newProject();
    const session = await t.adminSession(project.id, 'OWNER', 'frank');
    const { id, token } = await t.createToken(session, { name: 'Chat bot', allowedMethods: ['POST', 'GET'] });

    const res = await t.gql(Q.viewer, {}, token);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.viewer).toEqual({
      kind: 'API_TOKEN',
      userId: null,
      role: null,
      allowedMethods: ['GET', 'POST'],
      project: { id: project.id, name: project.name },
      apiToken: {
        id,
        name: 'Chat bot',
        maskedToken: `kbg_${token.slice(4, 8)}…${token.slice(-4)}`,
        allowedMethods: ['GET', 'POST'],
        driveAssetAccessValidityMinutes: 15,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        createdBy: 'frank',
        lastUsedAt: expect.toSatisfy((v: unknown) => v === null || typeof v === 'string'),
      },
    });
    const json = JSON.stringify(res.body);
    expect(json).not.toContain(token);
    expect(json).not.toContain(token.slice(4, 36));
    expect(json).not.toContain(token.slice(8, 36));
  });

  test('an API token sees its project', async () => {
    const project = await newProject();
    const session = await t.adminSession(project.id);
    const { token } = await t.createToken(session, { name: 'Reader' });
    expect(await run(Q.project, 'project', {}, token)).toEqual({ ...project, apiTokenUsage: usage(1, 8, 13) });
  });
});

test('GET /healthz answers 200 {"status":"ok"}', async () => {
  const response = await t.fetch('/healthz');
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});
