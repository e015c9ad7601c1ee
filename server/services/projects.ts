import type { Kysely } from 'kysely';
import { recordAuditEvent } from '../db/auditEvents.js';
import type { Database } from '../db/database.js';
import type { KeysetPage } from '../db/keyset.js';
import * as projects from '../db/projects.js';
import { NotFoundError } from '../errors.js';
import type { Actor } from '../principal.js';
import { issueAdminSession } from '../sessions.js';
import {
  createAdminSessionInput,
  createProjectInput,
  parseInput,
  updateProjectInput,
} from '../validation.js';
import { changedFields, type Project, toProject } from './model.js';

type Db = Kysely<Database>;

/** Projects and admin sessions: the operator's side. */
export class ProjectService {
  constructor(
    private readonly db: Db,
    private readonly sessionKey: Uint8Array,
  ) {}

  async get(id: string): Promise<Project | null> {
    const row = await projects.findProject(this.db, id);
    return row ? toProject(row) : null;
  }

  async list(page: KeysetPage): Promise<Project[]> {
    return (await projects.listProjects(this.db, page)).map(toProject);
  }

  count(): Promise<number> {
    return projects.countProjects(this.db);
  }

  async create(actor: Actor, rawInput: unknown): Promise<Project> {
    const input = await parseInput(createProjectInput, rawInput);
    return this.db.transaction().execute(async (trx) => {
      const row = await projects.insertProject(trx, {
        name: input.name,
        plan: input.plan,
        api_token_limit: input.apiTokenLimit ?? null,
      });
      await recordAuditEvent(trx, { projectId: row.id, actor, action: 'project.create', details: input });
      return toProject(row);
    });
  }

  async update(actor: Actor, id: string, rawInput: unknown): Promise<Project> {
    const input = await parseInput(updateProjectInput, rawInput);
    return this.db.transaction().execute(async (trx) => {
      const before = await projects.lockProject(trx, id);
      if (!before) throw new NotFoundError('Project');
      const row = await projects.updateProject(trx, id, {
        name: input.name,
        plan: input.plan,
        api_token_limit: input.apiTokenLimit,
        rate_limit_per_minute: input.rateLimitPerMinute,
      });
      if (!row) throw new NotFoundError('Project');
      const project = toProject(row);
      await recordAuditEvent(trx, {
        projectId: id,
        actor,
        action: 'project.update',
        details: changedFields(toProject(before), project, ['name', 'plan', 'apiTokenLimit', 'rateLimitPerMinute']),
      });
      return project;
    });
  }

  async createAdminSession(
    actor: Actor,
    projectId: string,
    rawInput: unknown,
  ): Promise<{ token: string; expiresAt: Date }> {
    const input = await parseInput(createAdminSessionInput, rawInput);
    if (!(await projects.findProject(this.db, projectId))) throw new NotFoundError('Project');
    const session = await issueAdminSession(
      this.sessionKey,
      { projectId, userId: input.userId, role: input.role },
      input.ttlSeconds,
    );
    await recordAuditEvent(this.db, {
      projectId,
      actor,
      action: 'admin_session.create',
      details: { userId: input.userId, role: input.role, expiresAt: session.expiresAt },
    });
    return session;
  }
}
