import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps: Date when read; Date or a SQL expression when written. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Plan = 'FREE' | 'STANDARD' | 'PROFESSIONAL' | 'BUSINESS' | 'ENTERPRISE';
export type Role = 'OWNER' | 'ADMIN' | 'EDITOR' | 'READER';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ProjectTable {
  id: Generated<string>;
  name: string;
  plan: Plan;
  /** null: the plan's default limit. */
  api_token_limit: number | null;
  /** null: the plan's default rate. */
  rate_limit_per_minute: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ApiTokenTable {
  id: string;
  project_id: string;
  name: string;
  token_digest: Uint8Array;
  token_ciphertext: Uint8Array;
  masked_token: string;
  allowed_methods: HttpMethod[];
  drive_asset_access_validity_minutes: number;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  last_used_at: Date | null;
}

export type ActorKind = 'OPERATOR' | 'ADMIN' | 'API_TOKEN';

export interface AuditEventTable {
  id: Generated<string>;
  project_id: string;
  actor_kind: ActorKind;
  actor_id: string | null;
  action: string;
  api_token_id: string | null;
  api_token_name: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  client_address: string | null;
  occurred_at: CreatedAt;
}

export type ArticleStatus = 'DRAFT' | 'PUBLISHED';

export interface CategoryTable {
  id: Generated<string>;
  project_id: string;
  parent_id: string | null;
  name: string;
  slug: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ArticleTable {
  id: Generated<string>;
  project_id: string;
  category_id: string;
  title: string;
  slug: string;
  content: string;
  status: ArticleStatus;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ArticleTagTable {
  article_id: string;
  project_id: string;
  tag: string;
}

export interface DriveAssetTable {
  id: Generated<string>;
  project_id: string;
  file_name: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  created_at: CreatedAt;
}

export interface DriveAssetContentTable {
  asset_id: string;
  data: Uint8Array;
}

export interface ArticleAssetTable {
  article_id: string;
  asset_id: string;
  position: number;
}

export interface RateLimitWindowTable {
  token_id: string;
  window_start: Date;
  granted: number;
}

export interface Database {
  projects: ProjectTable;
  api_tokens: ApiTokenTable;
  audit_events: AuditEventTable;
  categories: CategoryTable;
  articles: ArticleTable;
  article_tags: ArticleTagTable;
  drive_assets: DriveAssetTable;
  drive_asset_contents: DriveAssetContentTable;
  article_assets: ArticleAssetTable;
  rate_limit_windows: RateLimitWindowTable;
}

export type ProjectRow = Selectable<ProjectTable>;
export type NewProject = Insertable<ProjectTable>;
export type ProjectUpdate = Updateable<ProjectTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;
export type NewApiToken = Insertable<ApiTokenTable>;
export type ApiTokenUpdate = Updateable<ApiTokenTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
export type CategoryRow = Selectable<CategoryTable>;
export type ArticleRow = Selectable<ArticleTable>;
export type DriveAssetRow = Selectable<DriveAssetTable>;
