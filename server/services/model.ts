import type { ApiTokenRecord } from '../db/apiTokens.js';
import type { ActorKind, ArticleRow, AuditEventRow, ArticleStatus, CategoryRow, DriveAssetRow, HttpMethod, Plan, ProjectRow } from '../db/database.js';
import { apiTokenLimit, rateLimitPerMinute } from '../plans.js';

/** Domain objects: what the schema exposes, free of column names. */
export interface Project {
  id: string;
  name: string;
  plan: Plan;
  apiTokenLimit: number;
  rateLimitPerMinute: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ApiToken {
  id: string;
  projectId: string;
  name: string;
  maskedToken: string;
  allowedMethods: HttpMethod[];
  driveAssetAccessValidityMinutes: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastUsedAt: Date | null;
}

export function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    plan: row.plan,
    apiTokenLimit: apiTokenLimit(row.plan, row.api_token_limit),
    rateLimitPerMinute: rateLimitPerMinute(row.plan, row.rate_limit_per_minute),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toApiToken(row: ApiTokenRecord): ApiToken {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    maskedToken: row.masked_token,
    allowedMethods: row.allowed_methods,
    driveAssetAccessValidityMinutes: row.drive_asset_access_validity_minutes,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastUsedAt: row.last_used_at,
  };
}

export interface Category {
  id: string;
  projectId: string;
  parentId: string | null;
  name: string;
  slug: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface Article {
  id: string;
  projectId: string;
  categoryId: string;
  title: string;
  slug: string;
  content: string;
  status: ArticleStatus;
  createdAt: Date;
  updatedAt: Date;
}

export interface DriveAsset {
  id: string;
  projectId: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  createdAt: Date;
}

export function toCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    projectId: row.project_id,
    parentId: row.parent_id,
    name: row.name,
    slug: row.slug,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    projectId: row.project_id,
    categoryId: row.category_id,
    title: row.title,
    slug: row.slug,
    content: row.content,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toDriveAsset(row: DriveAssetRow): DriveAsset {
  return {
    id: row.id,
    projectId: row.project_id,
    fileName: row.file_name,
    contentType: row.content_type,
    byteSize: row.byte_size,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

export interface AuditEvent {
  id: string;
  actorKind: ActorKind;
  actorId: string | null;
  action: string;
  apiTokenId: string | null;
  apiTokenName: string | null;
  details: Record<string, unknown>;
  clientAddress: string | null;
  occurredAt: Date;
}

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    action: row.action,
    apiTokenId: row.api_token_id,
    apiTokenName: row.api_token_name,
    details: row.details,
    clientAddress: row.client_address,
    occurredAt: row.occurred_at,
  };
}

/** PostgreSQL's unique_violation, as both pg and PGlite report it. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && e.constraint === constraint;
}


/** What an update changed, as { field: { from, to } }, for the audit log. */
export function changedFields<T extends object>(before: T, after: T, fields: (keyof T & string)[]) {
  return Object.fromEntries(
    fields
      .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
      .map((f) => [f, { from: before[f], to: after[f] }]),
  );
}
