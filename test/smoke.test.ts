import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(() => t.close());

test('an admin creates and lists a token', async () => {
  const project = await t.createProject();
  const session = await t.adminSession(project);
  const { token } = await t.createToken(session, { name: 'Sync' });
  expect(token).toMatch(/^kbg_[0-9A-Za-z]{38}$/);
  const res = await t.gql('{ apiTokens { totalCount edges { node { name } } } }', {}, session);
  expect(res.body.data.apiTokens.totalCount).toBe(1);
  const viewer = await t.gql('{ viewer { kind apiToken { name } } }', {}, token);
  expect(viewer.body.data.viewer).toEqual({ kind: 'API_TOKEN', apiToken: { name: 'Sync' } });
});
