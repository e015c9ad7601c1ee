import { afterAll, beforeAll, expect, test } from 'vitest';
import { demoAdminSession, seedDemoProject } from '../server/seed/index.js';
import { createTestApp, type TestApp } from './support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

test('the first dev run seeds a demo project a newcomer can browse at once', async () => {
  const project = await seedDemoProject(t.app.services);
  expect(project).toMatchObject({ name: 'Demo project', plan: 'BUSINESS', apiTokenLimit: 8 });
  const { token } = await demoAdminSession(t.app.services, project!);

  const res = await t.gql(
    `{ categories { name parent { name } }
       articles { edges { node { title status tags category { name } assets { fileName contentType url } } } }
       tags { name articleCount } }`,
    {},
    token,
  );
  const { categories, articles, tags } = res.body.data;
  expect(categories.map((c: any) => [c.name, c.parent?.name ?? null])).toEqual([
    ['API', null],
    ['Getting started', null],
    ['Installation', 'Getting started'],
  ]);
  const nodes = articles.edges.map((e: any) => e.node);
  expect(nodes.map((a: any) => [a.title, a.status])).toEqual([
    ['Release notes (draft)', 'DRAFT'],
    ['Create your first API token', 'PUBLISHED'],
    ['Welcome to the knowledge base', 'PUBLISHED'],
  ]);
  const [logo] = nodes[2].assets;
  expect(logo).toMatchObject({ fileName: 'kbgate-logo.png', contentType: 'image/png' });
  const image = await t.fetch(new URL(logo.url).pathname + new URL(logo.url).search);
  expect(image.status).toBe(200);
  expect(Buffer.from(await image.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  expect(tags).toEqual([
    { name: 'api', articleCount: 1 },
    { name: 'intro', articleCount: 1 },
    { name: 'release-notes', articleCount: 1 },
    { name: 'tokens', articleCount: 1 },
  ]);
});

test('a database that already has projects is left alone', async () => {
  expect(await seedDemoProject(t.app.services)).toBeNull();
  const list = await t.gql('{ projects { totalCount } }', {}, t.operatorKey);
  expect(list.body.data.projects.totalCount).toBe(1);
});
