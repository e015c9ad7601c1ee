import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DatabaseHandle } from '../server/db/connect.js';
import type { App } from '../server/yoga.js';
import { appOn, gqlOn, createTestApp, TEST_CONFIG, type TestApp } from './support/app.js';
import { DATABASE_KIND } from './support/database.js';

// PGlite keeps its data in a directory only when given one; PostgreSQL keeps it on the server.
const pgliteDir = DATABASE_KIND === 'pglite' ? mkdtempSync(join(tmpdir(), 'kbgate-persistence-')) : undefined;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(pgliteDir ? { pgliteDir } : {});
});
afterAll(async () => {
  await t.close();
  if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
});

const VIEWER = '{ viewer { kind role userId project { name } apiToken { id name allowedMethods } } }';
const LIST = `{ apiTokens(first: 100) { totalCount usage { used limit summary }
  edges { node { id name maskedToken allowedMethods driveAssetAccessValidityMinutes createdAt updatedAt createdBy } } } }`;
const REVEAL = `mutation ($input: RevealApiTokenInput!) { revealApiToken(input: $input) {
  __typename ... on RevealApiTokenSuccess { token } ... on Error { code } } }`;
const PROJECTS = '{ projects(first: 100) { totalCount edges { node { id name plan apiTokenLimit } } } }';

let owner: string;
let reader: string;
let tokens: { id: string; token: string }[];
let before: { list: any; projects: any; viewers: any[] };
let reopened: DatabaseHandle;
let restarted: App;

beforeAll(async () => {
  const projectId = await t.createProject({ name: 'Survives restarts', plan: 'BUSINESS' });
  owner = await t.adminSession(projectId, 'OWNER', 'owner-before-restart');
  reader = await t.adminSession(projectId, 'READER', 'reader-before-restart');
  tokens = [
    await t.createToken(owner, { name: 'Analytics', allowedMethods: ['GET'] }),
    await t.createToken(owner, { name: 'Sync job', allowedMethods: ['GET', 'POST', 'PUT'], driveAssetAccessValidityMinutes: 120 }),
    await t.createToken(owner, { name: 'Chat bot', allowedMethods: ['GET', 'DELETE'] }),
  ];
  before = {
    list: (await t.gql(LIST, {}, owner)).body,
    projects: (await t.gql(PROJECTS, {}, t.operatorKey)).body,
    viewers: await Promise.all(tokens.map(async (token) => (await t.gql(VIEWER, {}, token.token)).body)),
  };
  expect(before.list.data.apiTokens.totalCount).toBe(3);

  await t.database.handle.close();
  if (pgliteDir) expect(readdirSync(pgliteDir).length).toBeGreaterThan(0);
  reopened = t.database.reopen();
  restarted = appOn(reopened, { ...TEST_CONFIG });
});

test('the operator sees the same projects after the restart', async () => {
  expect((await gqlOn(restarted, PROJECTS, {}, t.operatorKey)).body).toEqual(before.projects);
});

test('old tokens still authenticate, as the same tokens', async () => {
  for (const [i, token] of tokens.entries()) {
    const viewer = await gqlOn(restarted, VIEWER, {}, token.token);
    expect(viewer.status).toBe(200);
    expect(viewer.body).toEqual(before.viewers[i]);
    expect(viewer.body.data.viewer.apiToken.id).toBe(token.id);
  }
});

test('old admin sessions still work', async () => {
  const ownerViewer = await gqlOn(restarted, VIEWER, {}, owner);
  expect(ownerViewer.body.data.viewer).toEqual({
    kind: 'ADMIN',
    role: 'OWNER',
    userId: 'owner-before-restart',
    project: { name: 'Survives restarts' },
    apiToken: null,
  });
  expect((await gqlOn(restarted, VIEWER, {}, reader)).body.data.viewer).toMatchObject({ kind: 'ADMIN', role: 'READER' });
});

test('apiTokens lists the same tokens and reveal returns the same secrets', async () => {
  expect((await gqlOn(restarted, LIST, {}, owner)).body).toEqual(before.list);
  for (const token of tokens) {
    const reveal = await gqlOn(restarted, REVEAL, { input: { id: token.id } }, owner);
    expect(reveal.body.data.revealApiToken).toEqual({ __typename: 'RevealApiTokenSuccess', token: token.token });
  }
});

test('with a different secret, old tokens and sessions are refused (401), and nothing is lost', async () => {
  const otherSecret = appOn(reopened, { ...TEST_CONFIG, secret: 'another-secret-another-secret-another-0123456' });
  for (const credential of [...tokens.map((token) => token.token), owner, reader]) {
    const res = await gqlOn(otherSecret, VIEWER, {}, credential);
    expect(res.status).toBe(401);
    expect(res.body.errors![0]!.extensions?.code).toBe('UNAUTHENTICATED');
  }
  // The operator key is its own setting, not derived from the secret; the data is all still there.
  expect((await gqlOn(otherSecret, PROJECTS, {}, t.operatorKey)).body).toEqual(before.projects);
  // The refused attempts destroyed nothing: the right secret still opens everything.
  expect((await gqlOn(restarted, VIEWER, {}, tokens[0]!.token)).status).toBe(200);
  expect((await gqlOn(restarted, VIEWER, {}, owner)).status).toBe(200);
});

test('after the restart, usage counts the old tokens', async () => {
  const created = await gqlOn(
    restarted,
    `mutation { createApiToken(input: { name: "After restart", allowedMethods: [GET] }) {
      __typename ... on CreateApiTokenSuccess { usage { used limit } } } }`,
    {},
    owner,
  );
  expect(created.body.data.createApiToken).toEqual({ __typename: 'CreateApiTokenSuccess', usage: { used: 4, limit: 8 } });
});
