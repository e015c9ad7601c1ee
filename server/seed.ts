import type { Services } from './context.js';
import type { Actor } from './principal.js';
import type { Project } from './services/model.js';

const SYSTEM: Actor = { kind: 'OPERATOR', id: 'kbgate-dev-seed', clientAddress: null };

/** First dev run: a demo project on BUSINESS so a newcomer can click through at once. */
export async function seedDemoProject(services: Services): Promise<Project | null> {
  if ((await services.projects.count()) > 0) return null;
  return services.projects.create(SYSTEM, { name: 'Demo project', plan: 'BUSINESS' });
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
