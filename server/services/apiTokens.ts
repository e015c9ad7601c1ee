import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as tokens from '../db/apiTokens.js';
import { recordAuditEvent } from '../db/auditEvents.js';
import type { Database } from '../db/database.js';
import type { KeysetPage } from '../db/keyset.js';
import { findProject, lockProject } from '../db/projects.js';
import {
  NameTakenError,
  NotFoundError,
  PlanNotSupportedError,
  TokenLimitReachedError,
} from '../errors.js';
import { type ApiTokenUsage, apiTokenLimit, apiTokenUsage, planIncludesApiTokens } from '../plans.js';
import type { Actor } from '../principal.js';
import { generateToken, maskToken } from '../tokens/format.js';
import { decryptToken, digestToken, encryptToken } from '../tokens/secrets.js';
import {
  createApiTokenInput,
  parseInput,
  updateApiTokenInput,
} from '../validation.js';
import { type ApiToken, changedFields, isUniqueViolation, type Project, toApiToken, toProject } from './model.js';

type Db = Kysely<Database>;

const NAME_INDEX = 'api_tokens_project_name_key';

/** API-token management for one project's admins. Every change is audited in its own transaction. */
export class ApiTokenService {
  constructor(
    private readonly db: Db,
    private readonly keys: { tokenDigest: Buffer; tokenEncryption: Buffer },
  ) {}

  async usage(projectId: string, db: Db = this.db): Promise<ApiTokenUsage> {
    const project = await findProject(db, projectId);
    if (!project) throw new NotFoundError('Project');
    return this.usageOf(toProject(project), db);
  }

  /** Usage of a project already at hand: one count. */
  async usageOf(project: Project, db: Db = this.db): Promise<ApiTokenUsage> {
    return apiTokenUsage(await tokens.countApiTokens(db, project.id), project.apiTokenLimit);
  }

  count(projectId: string): Promise<number> {
    return tokens.countApiTokens(this.db, projectId);
  }

  async list(projectId: string, page: KeysetPage): Promise<ApiToken[]> {
    return (await tokens.listApiTokens(this.db, projectId, page)).map(toApiToken);
  }

  async get(projectId: string, id: string): Promise<ApiToken | null> {
    const row = await tokens.findApiToken(this.db, projectId, id);
    return row ? toApiToken(row) : null;
  }

  async create(
    projectId: string,
    actor: Actor,
    rawInput: unknown,
  ): Promise<{ apiToken: ApiToken; token: string; usage: ApiTokenUsage }> {
    const input = await parseInput(createApiTokenInput, rawInput);
    return this.db.transaction().execute(async (trx) => {
      // The project row lock makes count-then-insert atomic across processes.
      const project = await lockProject(trx, projectId);
      if (!project) throw new NotFoundError('Project');
      if (!planIncludesApiTokens(project.plan)) throw new PlanNotSupportedError(project.plan);
      const used = await tokens.countApiTokens(trx, projectId);
      const limit = apiTokenLimit(project.plan, project.api_token_limit);
      if (used >= limit) throw new TokenLimitReachedError(apiTokenUsage(used, limit));
      if (await tokens.nameIsTaken(trx, projectId, input.name)) throw new NameTakenError();

      const id = randomUUID();
      const token = generateToken();
      const row = await tokens.insertApiToken(trx, {
        id,
        project_id: projectId,
        name: input.name,
        token_digest: digestToken(token, this.keys.tokenDigest),
        token_ciphertext: encryptToken(token, this.keys.tokenEncryption, id),
        masked_token: maskToken(token),
        allowed_methods: input.allowedMethods,
        drive_asset_access_validity_minutes: input.driveAssetAccessValidityMinutes,
        created_by: actor.kind === 'ADMIN' ? actor.id : null,
      });
      const apiToken = toApiToken(row);
      await recordAuditEvent(trx, {
        projectId,
        actor,
        action: 'api_token.create',
        apiToken,
        details: {
          allowedMethods: apiToken.allowedMethods,
          driveAssetAccessValidityMinutes: apiToken.driveAssetAccessValidityMinutes,
        },
      });
      return { apiToken, token, usage: apiTokenUsage(used + 1, limit) };
    });
  }

  async update(projectId: string, actor: Actor, id: string, rawInput: unknown): Promise<ApiToken> {
    const input = await parseInput(updateApiTokenInput, rawInput);
    try {
      return await this.db.transaction().execute(async (trx) => {
        const before = await tokens.findApiToken(trx, projectId, id);
        if (!before) throw new NotFoundError('API token');
        if (input.name != null && (await tokens.nameIsTaken(trx, projectId, input.name, id))) {
          throw new NameTakenError();
        }
        const row = await tokens.updateApiToken(trx, projectId, id, {
          name: input.name ?? undefined,
          allowed_methods: input.allowedMethods ?? undefined,
          drive_asset_access_validity_minutes: input.driveAssetAccessValidityMinutes ?? undefined,
        });
        if (!row) throw new NotFoundError('API token');
        const apiToken = toApiToken(row);
        await recordAuditEvent(trx, {
          projectId,
          actor,
          action: 'api_token.update',
          apiToken,
          details: changedFields(toApiToken(before), apiToken, ['name', 'allowedMethods', 'driveAssetAccessValidityMinutes']),
        });
        return apiToken;
      });
    } catch (error) {
      // Two renames to the same name at once: the unique index decides.
      if (isUniqueViolation(error, NAME_INDEX) && input.name != null) throw new NameTakenError();
      throw error;
    }
  }

  async delete(projectId: string, actor: Actor, id: string): Promise<{ deletedId: string; usage: ApiTokenUsage }> {
    return this.db.transaction().execute(async (trx) => {
      const row = await tokens.deleteApiToken(trx, projectId, id);
      if (!row) throw new NotFoundError('API token');
      await recordAuditEvent(trx, { projectId, actor, action: 'api_token.delete', apiToken: row });
      return { deletedId: row.id, usage: await this.usage(projectId, trx) };
    });
  }

  async reveal(projectId: string, actor: Actor, id: string): Promise<string> {
    return this.db.transaction().execute(async (trx) => {
      const row = await tokens.findApiTokenCiphertext(trx, projectId, id);
      if (!row) throw new NotFoundError('API token');
      await recordAuditEvent(trx, { projectId, actor, action: 'api_token.reveal', apiToken: row });
      return decryptToken(row.token_ciphertext, this.keys.tokenEncryption, row.id);
    });
  }
}
