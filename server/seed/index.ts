import { readFile } from 'node:fs/promises';
import type { Services } from '../context.js';
import { encodeId } from '../ids.js';
import type { Actor } from '../principal.js';
import type { Project } from '../services/model.js';

const SYSTEM: Actor = { kind: 'OPERATOR', id: 'kbgate-dev-seed', clientAddress: null };

/**
 * First dev run: a demo project on BUSINESS with a few categories, articles and
 * an image, so a newcomer sees real data at once. Nothing when projects exist.
 */
export async function seedDemoProject(services: Services): Promise<Project | null> {
  if ((await services.projects.count()) > 0) return null;
  const project = await services.projects.create(SYSTEM, { name: 'Demo project', plan: 'BUSINESS' });
  const id = project.id;

  const gettingStarted = await services.categories.create(id, { name: 'Getting started' });
  const api = await services.categories.create(id, { name: 'API' });
  await services.categories.create(id, {
    name: 'Installation',
    parentId: encodeId('Category', gettingStarted.id),
  });

  const logo = await readFile(new URL('./kbgate-logo.png', import.meta.url));
  const asset = await services.driveAssets.upload(id, new File([logo], 'kbgate-logo.png', { type: 'image/png' }));

  await services.articles.create(id, {
    title: 'Welcome to the knowledge base',
    categoryId: encodeId('Category', gettingStarted.id),
    status: 'PUBLISHED',
    tags: ['intro'],
    assetIds: [encodeId('DriveAsset', asset.id)],
    content: [
      '# Welcome',
      '',
      'This demo project shows what integrators reach with an API token:',
      'categories, articles in Markdown, tags and uploaded files.',
      '',
      '![kbgate logo](kbgate-logo.png)',
    ].join('\n'),
  });
  await services.articles.create(id, {
    title: 'Create your first API token',
    categoryId: encodeId('Category', api.id),
    status: 'PUBLISHED',
    tags: ['api', 'tokens'],
    content: [
      '# Create your first API token',
      '',
      '1. Open **API tokens** in the portal settings.',
      '2. Name the token and choose the HTTP methods it may use.',
      '3. Copy the token: send it as `Authorization: Bearer <token>` or in the `api_token` header.',
    ].join('\n'),
  });
  await services.articles.create(id, {
    title: 'Release notes (draft)',
    categoryId: encodeId('Category', api.id),
    status: 'DRAFT',
    tags: ['release-notes'],
    content: 'Work in progress.',
  });
  return project;
}

/** The oldest project, for the dev admin session printed at start. */
export async function firstProject(services: Services): Promise<Project | null> {
  const [oldest] = await services.projects.list({ after: null, before: null, limit: 1, inverted: true });
  return oldest ?? null;
}

export function demoAdminSession(services: Services, project: Project) {
  return services.projects.createAdminSession(SYSTEM, project.id, {
    userId: 'demo-owner',
    role: 'OWNER',
    ttlSeconds: 86400,
  });
}
