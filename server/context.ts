import type { Actor, Principal } from './principal.js';
import type { ApiTokenService } from './services/apiTokens.js';
import type { ArticleService } from './services/articles.js';
import type { AuditService } from './services/audit.js';
import type { CategoryService } from './services/categories.js';
import type { DriveAssetService } from './services/driveAssets.js';
import type { ProjectService } from './services/projects.js';

export interface Services {
  projects: ProjectService;
  apiTokens: ApiTokenService;
  categories: CategoryService;
  articles: ArticleService;
  driveAssets: DriveAssetService;
  audit: AuditService;
}

/** What every resolver sees: who is calling, from where, and the services. */
export interface Context {
  principal: Principal | null;
  clientAddress: string | null;
  services: Services;
  /** The audit actor; only for fields whose auth scopes require a credential. */
  actor(): Actor;
  /** The caller's project; only for fields whose auth scopes require an admin or a token. */
  projectId(): string;
}
