/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { BlobLike } from '../upload.js';
export type ActorKind =
  | 'ADMIN'
  | 'API_TOKEN'
  | 'OPERATOR';

export type ArticleStatus =
  | 'DRAFT'
  | 'PUBLISHED';

export type CreateAdminSessionInput = {
  projectId: string;
  role: Role;
  /** Lifetime in seconds, 1–86400; default 3600 */
  ttlSeconds?: number | null | undefined;
  userId: string;
};

export type CreateApiTokenInput = {
  allowedMethods: Array<HttpMethod>;
  /** 15–2160; default 15 */
  driveAssetAccessValidityMinutes?: number | null | undefined;
  /** 1–100 characters after trimming; unique per project, case-insensitively */
  name: string;
};

export type CreateArticleInput = {
  /** Drive assets the article uses, in order */
  assetIds?: Array<string> | null | undefined;
  categoryId: string;
  /** Markdown, at most 500000 characters */
  content?: string | null | undefined;
  /** Default DRAFT */
  status?: ArticleStatus | null | undefined;
  /** At most 20; trimmed and lower-cased, repeats collapse */
  tags?: Array<string> | null | undefined;
  /** 1–200 characters after trimming */
  title: string;
};

export type CreateCategoryInput = {
  /** 1–100 characters after trimming */
  name: string;
  /** omitted or null: a top-level category */
  parentId?: string | null | undefined;
};

export type CreateProjectInput = {
  /** 0–1000; omitted: the plan's default */
  apiTokenLimit?: number | null | undefined;
  name: string;
  plan: Plan;
};

export type DeleteApiTokenInput = {
  id: string;
};

export type DeleteArticleInput = {
  id: string;
};

export type DeleteCategoryInput = {
  id: string;
};

export type DeleteDriveAssetInput = {
  id: string;
};

export type ErrorCode =
  | 'CATEGORY_NOT_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'NAME_TAKEN'
  | 'NOT_FOUND'
  | 'PLAN_NOT_SUPPORTED'
  | 'TOKEN_LIMIT_REACHED'
  | 'VALIDATION';

export type HttpMethod =
  | 'DELETE'
  | 'GET'
  | 'POST'
  | 'PUT';

export type Plan =
  | 'BUSINESS'
  | 'ENTERPRISE'
  | 'FREE'
  | 'PROFESSIONAL'
  | 'STANDARD';

export type RevealApiTokenInput = {
  id: string;
};

export type Role =
  | 'ADMIN'
  | 'EDITOR'
  | 'OWNER'
  | 'READER';

export type UpdateApiTokenInput = {
  allowedMethods?: Array<HttpMethod> | null | undefined;
  driveAssetAccessValidityMinutes?: number | null | undefined;
  id: string;
  name?: string | null | undefined;
};

export type UpdateArticleInput = {
  /** Replaces the assets when given */
  assetIds?: Array<string> | null | undefined;
  categoryId?: string | null | undefined;
  content?: string | null | undefined;
  id: string;
  status?: ArticleStatus | null | undefined;
  /** Replaces the tags when given */
  tags?: Array<string> | null | undefined;
  title?: string | null | undefined;
};

export type UpdateCategoryInput = {
  id: string;
  name?: string | null | undefined;
  /** null moves the category to the top level; omitted keeps its parent */
  parentId?: string | null | undefined;
};

export type UpdateProjectInput = {
  /** 0–1000; null: back to the plan's default; omitted: unchanged */
  apiTokenLimit?: number | null | undefined;
  id: string;
  name?: string | null | undefined;
  plan?: Plan | null | undefined;
  /** 1–100000; null: back to the plan's default; omitted: unchanged */
  rateLimitPerMinute?: number | null | undefined;
};

export type UploadDriveAssetInput = {
  file: BlobLike;
};

export type ViewerKind =
  | 'ADMIN'
  | 'API_TOKEN'
  | 'OPERATOR';

export type ApiTokensQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ApiTokensQuery = { apiTokens: { __typename: 'ApiTokenConnection', totalCount: number, usage: { __typename: 'ApiTokenUsage', used: number, limit: number, percent: number, summary: string }, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ __typename: 'ApiTokenEdge', cursor: string, node: { __typename: 'ApiToken', id: string, name: string, maskedToken: string, allowedMethods: Array<HttpMethod>, driveAssetAccessValidityMinutes: number, createdAt: string, updatedAt: string, createdBy: string | null, lastUsedAt: string | null } }> } };

export type ApiTokenQueryVariables = Exact<{
  id: string;
}>;


export type ApiTokenQuery = { apiToken: { __typename: 'ApiToken', id: string, name: string, maskedToken: string, allowedMethods: Array<HttpMethod>, driveAssetAccessValidityMinutes: number, createdAt: string, updatedAt: string, createdBy: string | null, lastUsedAt: string | null } | null };

export type CreateApiTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;


export type CreateApiTokenMutation = { createApiToken:
    | { __typename: 'CreateApiTokenSuccess', token: string, apiToken: { __typename: 'ApiToken', id: string, name: string, maskedToken: string, allowedMethods: Array<HttpMethod>, driveAssetAccessValidityMinutes: number, createdAt: string, updatedAt: string, createdBy: string | null, lastUsedAt: string | null }, usage: { __typename: 'ApiTokenUsage', used: number, limit: number, percent: number, summary: string } }
    | { __typename: 'NameTakenError', code: ErrorCode, message: string }
    | { __typename: 'PlanNotSupportedError', code: ErrorCode, message: string }
    | { __typename: 'TokenLimitReachedError', code: ErrorCode, message: string, usage: { __typename: 'ApiTokenUsage', used: number, limit: number, percent: number, summary: string } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type UpdateApiTokenMutationVariables = Exact<{
  input: UpdateApiTokenInput;
}>;


export type UpdateApiTokenMutation = { updateApiToken:
    | { __typename: 'NameTakenError', code: ErrorCode, message: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UpdateApiTokenSuccess', apiToken: { __typename: 'ApiToken', id: string, name: string, maskedToken: string, allowedMethods: Array<HttpMethod>, driveAssetAccessValidityMinutes: number, createdAt: string, updatedAt: string, createdBy: string | null, lastUsedAt: string | null } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type DeleteApiTokenMutationVariables = Exact<{
  input: DeleteApiTokenInput;
}>;


export type DeleteApiTokenMutation = { deleteApiToken:
    | { __typename: 'DeleteApiTokenSuccess', deletedId: string, usage: { __typename: 'ApiTokenUsage', used: number, limit: number, percent: number, summary: string } }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
   };

export type RevealApiTokenMutationVariables = Exact<{
  input: RevealApiTokenInput;
}>;


export type RevealApiTokenMutation = { revealApiToken:
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'RevealApiTokenSuccess', token: string }
   };

export type AuditEventsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { __typename: 'AuditEventConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ __typename: 'AuditEventEdge', cursor: string, node: { __typename: 'AuditEvent', id: string, action: string, actorKind: ActorKind, actorId: string | null, apiTokenId: string | null, apiTokenName: string | null, clientAddress: string | null, details: string, occurredAt: string } }> } };

export type UsageFieldsFragment = { __typename: 'ApiTokenUsage', used: number, limit: number, percent: number, summary: string };

export type ProjectFieldsFragment = { __typename: 'Project', id: string, name: string, plan: Plan, apiTokenLimit: number, rateLimitPerMinute: number, createdAt: string, updatedAt: string, apiTokenUsage: { __typename: 'ApiTokenUsage', used: number, limit: number, percent: number, summary: string } };

export type ApiTokenFieldsFragment = { __typename: 'ApiToken', id: string, name: string, maskedToken: string, allowedMethods: Array<HttpMethod>, driveAssetAccessValidityMinutes: number, createdAt: string, updatedAt: string, createdBy: string | null, lastUsedAt: string | null };

export type PageInfoFieldsFragment = { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null };

export type FieldErrorFieldsFragment = { __typename: 'FieldError', path: Array<string>, message: string };

type ErrorFields_CategoryNotEmptyError_Fragment = { __typename: 'CategoryNotEmptyError', childCount: number, articleCount: number, code: ErrorCode, message: string };

type ErrorFields_FileTooLargeError_Fragment = { __typename: 'FileTooLargeError', maxBytes: number, code: ErrorCode, message: string };

type ErrorFields_NameTakenError_Fragment = { __typename: 'NameTakenError', code: ErrorCode, message: string };

type ErrorFields_NotFoundError_Fragment = { __typename: 'NotFoundError', code: ErrorCode, message: string };

type ErrorFields_PlanNotSupportedError_Fragment = { __typename: 'PlanNotSupportedError', code: ErrorCode, message: string };

type ErrorFields_TokenLimitReachedError_Fragment = { __typename: 'TokenLimitReachedError', code: ErrorCode, message: string, usage: { __typename: 'ApiTokenUsage', used: number, limit: number, percent: number, summary: string } };

type ErrorFields_ValidationError_Fragment = { __typename: 'ValidationError', code: ErrorCode, message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> };

export type ErrorFieldsFragment =
  | ErrorFields_CategoryNotEmptyError_Fragment
  | ErrorFields_FileTooLargeError_Fragment
  | ErrorFields_NameTakenError_Fragment
  | ErrorFields_NotFoundError_Fragment
  | ErrorFields_PlanNotSupportedError_Fragment
  | ErrorFields_TokenLimitReachedError_Fragment
  | ErrorFields_ValidationError_Fragment
;

export type CategorySummaryFieldsFragment = { __typename: 'Category', id: string, name: string, slug: string };

export type CategoryFieldsFragment = { __typename: 'Category', id: string, name: string, slug: string, createdAt: string, updatedAt: string, parent: { __typename: 'Category', id: string, name: string, slug: string } | null };

export type DriveAssetFieldsFragment = { __typename: 'DriveAsset', id: string, fileName: string, contentType: string, byteSize: number, createdAt: string, url: string, urlExpiresAt: string };

export type ArticleFieldsFragment = { __typename: 'Article', id: string, title: string, slug: string, content: string, status: ArticleStatus, tags: Array<string>, createdAt: string, updatedAt: string, category: { __typename: 'Category', id: string, name: string, slug: string }, assets: Array<{ __typename: 'DriveAsset', id: string, fileName: string, contentType: string, byteSize: number, createdAt: string, url: string, urlExpiresAt: string }> };

export type TagFieldsFragment = { __typename: 'Tag', name: string, articleCount: number };

export type ArticlesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  categoryId?: string | null | undefined;
  tag?: string | null | undefined;
  status?: ArticleStatus | null | undefined;
}>;


export type ArticlesQuery = { articles: { __typename: 'ArticleConnection', pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ __typename: 'ArticleEdge', cursor: string, node: { __typename: 'Article', id: string, title: string, slug: string, content: string, status: ArticleStatus, tags: Array<string>, createdAt: string, updatedAt: string, category: { __typename: 'Category', id: string, name: string, slug: string }, assets: Array<{ __typename: 'DriveAsset', id: string, fileName: string, contentType: string, byteSize: number, createdAt: string, url: string, urlExpiresAt: string }> } }> } };

export type ArticleQueryVariables = Exact<{
  id: string;
}>;


export type ArticleQuery = { article: { __typename: 'Article', id: string, title: string, slug: string, content: string, status: ArticleStatus, tags: Array<string>, createdAt: string, updatedAt: string, category: { __typename: 'Category', id: string, name: string, slug: string }, assets: Array<{ __typename: 'DriveAsset', id: string, fileName: string, contentType: string, byteSize: number, createdAt: string, url: string, urlExpiresAt: string }> } | null };

export type CategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type CategoriesQuery = { categories: Array<{ __typename: 'Category', id: string, name: string, slug: string, createdAt: string, updatedAt: string, parent: { __typename: 'Category', id: string, name: string, slug: string } | null }> };

export type CategoryQueryVariables = Exact<{
  id: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CategoryQuery = { category: { __typename: 'Category', id: string, name: string, slug: string, createdAt: string, updatedAt: string, children: Array<{ __typename: 'Category', id: string, name: string, slug: string, createdAt: string, updatedAt: string, parent: { __typename: 'Category', id: string, name: string, slug: string } | null }>, articles: { __typename: 'ArticleConnection', pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ __typename: 'ArticleEdge', cursor: string, node: { __typename: 'Article', id: string, title: string, slug: string, content: string, status: ArticleStatus, tags: Array<string>, createdAt: string, updatedAt: string, category: { __typename: 'Category', id: string, name: string, slug: string }, assets: Array<{ __typename: 'DriveAsset', id: string, fileName: string, contentType: string, byteSize: number, createdAt: string, url: string, urlExpiresAt: string }> } }> }, parent: { __typename: 'Category', id: string, name: string, slug: string } | null } | null };

export type TagsQueryVariables = Exact<{ [key: string]: never; }>;


export type TagsQuery = { tags: Array<{ __typename: 'Tag', name: string, articleCount: number }> };

export type DriveAssetsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DriveAssetsQuery = { driveAssets: { __typename: 'DriveAssetConnection', pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ __typename: 'DriveAssetEdge', cursor: string, node: { __typename: 'DriveAsset', id: string, fileName: string, contentType: string, byteSize: number, createdAt: string, url: string, urlExpiresAt: string } }> } };

export type DriveAssetQueryVariables = Exact<{
  id: string;
}>;


export type DriveAssetQuery = { driveAsset: { __typename: 'DriveAsset', id: string, fileName: string, contentType: string, byteSize: number, createdAt: string, url: string, urlExpiresAt: string } | null };

export type CreateCategoryMutationVariables = Exact<{
  input: CreateCategoryInput;
}>;


export type CreateCategoryMutation = { createCategory:
    | { __typename: 'CreateCategorySuccess', category: { __typename: 'Category', id: string, name: string, slug: string, createdAt: string, updatedAt: string, parent: { __typename: 'Category', id: string, name: string, slug: string } | null } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type UpdateCategoryMutationVariables = Exact<{
  input: UpdateCategoryInput;
}>;


export type UpdateCategoryMutation = { updateCategory:
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UpdateCategorySuccess', category: { __typename: 'Category', id: string, name: string, slug: string, createdAt: string, updatedAt: string, parent: { __typename: 'Category', id: string, name: string, slug: string } | null } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type DeleteCategoryMutationVariables = Exact<{
  input: DeleteCategoryInput;
}>;


export type DeleteCategoryMutation = { deleteCategory:
    | { __typename: 'CategoryNotEmptyError', childCount: number, articleCount: number, code: ErrorCode, message: string }
    | { __typename: 'DeleteCategorySuccess', deletedId: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
   };

export type CreateArticleMutationVariables = Exact<{
  input: CreateArticleInput;
}>;


export type CreateArticleMutation = { createArticle:
    | { __typename: 'CreateArticleSuccess', article: { __typename: 'Article', id: string, title: string, slug: string, content: string, status: ArticleStatus, tags: Array<string>, createdAt: string, updatedAt: string, category: { __typename: 'Category', id: string, name: string, slug: string }, assets: Array<{ __typename: 'DriveAsset', id: string, fileName: string, contentType: string, byteSize: number, createdAt: string, url: string, urlExpiresAt: string }> } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type UpdateArticleMutationVariables = Exact<{
  input: UpdateArticleInput;
}>;


export type UpdateArticleMutation = { updateArticle:
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UpdateArticleSuccess', article: { __typename: 'Article', id: string, title: string, slug: string, content: string, status: ArticleStatus, tags: Array<string>, createdAt: string, updatedAt: string, category: { __typename: 'Category', id: string, name: string, slug: string }, assets: Array<{ __typename: 'DriveAsset', id: string, fileName: string, contentType: string, byteSize: number, createdAt: string, url: string, urlExpiresAt: string }> } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type DeleteArticleMutationVariables = Exact<{
  input: DeleteArticleInput;
}>;


export type DeleteArticleMutation = { deleteArticle:
    | { __typename: 'DeleteArticleSuccess', deletedId: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
   };

export type UploadDriveAssetMutationVariables = Exact<{
  input: UploadDriveAssetInput;
}>;


export type UploadDriveAssetMutation = { uploadDriveAsset:
    | { __typename: 'FileTooLargeError', maxBytes: number, code: ErrorCode, message: string }
    | { __typename: 'UploadDriveAssetSuccess', driveAsset: { __typename: 'DriveAsset', id: string, fileName: string, contentType: string, byteSize: number, createdAt: string, url: string, urlExpiresAt: string } }
   };

export type DeleteDriveAssetMutationVariables = Exact<{
  input: DeleteDriveAssetInput;
}>;


export type DeleteDriveAssetMutation = { deleteDriveAsset:
    | { __typename: 'DeleteDriveAssetSuccess', deletedId: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
   };

export type ProjectsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProjectsQuery = { projects: { __typename: 'ProjectConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ __typename: 'ProjectEdge', cursor: string, node: { __typename: 'Project', id: string, name: string, plan: Plan, apiTokenLimit: number, rateLimitPerMinute: number, createdAt: string, updatedAt: string, apiTokenUsage: { __typename: 'ApiTokenUsage', used: number, limit: number, percent: number, summary: string } } }> } };

export type ProjectQueryVariables = Exact<{ [key: string]: never; }>;


export type ProjectQuery = { project: { __typename: 'Project', id: string, name: string, plan: Plan, apiTokenLimit: number, rateLimitPerMinute: number, createdAt: string, updatedAt: string, apiTokenUsage: { __typename: 'ApiTokenUsage', used: number, limit: number, percent: number, summary: string } } | null };

export type CreateProjectMutationVariables = Exact<{
  input: CreateProjectInput;
}>;


export type CreateProjectMutation = { createProject:
    | { __typename: 'CreateProjectSuccess', project: { __typename: 'Project', id: string, name: string, plan: Plan, apiTokenLimit: number, rateLimitPerMinute: number, createdAt: string, updatedAt: string, apiTokenUsage: { __typename: 'ApiTokenUsage', used: number, limit: number, percent: number, summary: string } } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type UpdateProjectMutationVariables = Exact<{
  input: UpdateProjectInput;
}>;


export type UpdateProjectMutation = { updateProject:
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'UpdateProjectSuccess', project: { __typename: 'Project', id: string, name: string, plan: Plan, apiTokenLimit: number, rateLimitPerMinute: number, createdAt: string, updatedAt: string, apiTokenUsage: { __typename: 'ApiTokenUsage', used: number, limit: number, percent: number, summary: string } } }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type CreateAdminSessionMutationVariables = Exact<{
  input: CreateAdminSessionInput;
}>;


export type CreateAdminSessionMutation = { createAdminSession:
    | { __typename: 'CreateAdminSessionSuccess', token: string, expiresAt: string }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> }
   };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { __typename: 'Viewer', kind: ViewerKind, userId: string | null, role: Role | null, allowedMethods: Array<HttpMethod> | null, project: { __typename: 'Project', id: string, name: string, plan: Plan, apiTokenLimit: number, rateLimitPerMinute: number, createdAt: string, updatedAt: string, apiTokenUsage: { __typename: 'ApiTokenUsage', used: number, limit: number, percent: number, summary: string } } | null, apiToken: { __typename: 'ApiToken', id: string, name: string, maskedToken: string, allowedMethods: Array<HttpMethod>, driveAssetAccessValidityMinutes: number, createdAt: string, updatedAt: string, createdBy: string | null, lastUsedAt: string | null } | null } };

/** Types a document with its result and variables, as @graphql-typed-document-node/core does. */
export interface DocumentTypeDecoration<TResult, TVariables> {
  __apiType?: (variables: TVariables) => TResult;
}
export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const UsageFieldsFragmentDoc = new TypedDocumentString(`
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
    `, {"fragmentName":"UsageFields"}) as unknown as TypedDocumentString<UsageFieldsFragment, unknown>;
export const ProjectFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProjectFields on Project {
  __typename
  id
  name
  plan
  apiTokenLimit
  apiTokenUsage {
    ...UsageFields
  }
  rateLimitPerMinute
  createdAt
  updatedAt
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}`, {"fragmentName":"ProjectFields"}) as unknown as TypedDocumentString<ProjectFieldsFragment, unknown>;
export const ApiTokenFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApiTokenFields on ApiToken {
  __typename
  id
  name
  maskedToken
  allowedMethods
  driveAssetAccessValidityMinutes
  createdAt
  updatedAt
  createdBy
  lastUsedAt
}
    `, {"fragmentName":"ApiTokenFields"}) as unknown as TypedDocumentString<ApiTokenFieldsFragment, unknown>;
export const PageInfoFieldsFragmentDoc = new TypedDocumentString(`
    fragment PageInfoFields on PageInfo {
  __typename
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
    `, {"fragmentName":"PageInfoFields"}) as unknown as TypedDocumentString<PageInfoFieldsFragment, unknown>;
export const FieldErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
    `, {"fragmentName":"FieldErrorFields"}) as unknown as TypedDocumentString<FieldErrorFieldsFragment, unknown>;
export const ErrorFieldsFragmentDoc = new TypedDocumentString(`
    fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}`, {"fragmentName":"ErrorFields"}) as unknown as TypedDocumentString<ErrorFieldsFragment, unknown>;
export const CategorySummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment CategorySummaryFields on Category {
  __typename
  id
  name
  slug
}
    `, {"fragmentName":"CategorySummaryFields"}) as unknown as TypedDocumentString<CategorySummaryFieldsFragment, unknown>;
export const CategoryFieldsFragmentDoc = new TypedDocumentString(`
    fragment CategoryFields on Category {
  __typename
  id
  name
  slug
  createdAt
  updatedAt
  parent {
    ...CategorySummaryFields
  }
}
    fragment CategorySummaryFields on Category {
  __typename
  id
  name
  slug
}`, {"fragmentName":"CategoryFields"}) as unknown as TypedDocumentString<CategoryFieldsFragment, unknown>;
export const DriveAssetFieldsFragmentDoc = new TypedDocumentString(`
    fragment DriveAssetFields on DriveAsset {
  __typename
  id
  fileName
  contentType
  byteSize
  createdAt
  url
  urlExpiresAt
}
    `, {"fragmentName":"DriveAssetFields"}) as unknown as TypedDocumentString<DriveAssetFieldsFragment, unknown>;
export const ArticleFieldsFragmentDoc = new TypedDocumentString(`
    fragment ArticleFields on Article {
  __typename
  id
  title
  slug
  content
  status
  tags
  createdAt
  updatedAt
  category {
    ...CategorySummaryFields
  }
  assets {
    ...DriveAssetFields
  }
}
    fragment CategorySummaryFields on Category {
  __typename
  id
  name
  slug
}
fragment DriveAssetFields on DriveAsset {
  __typename
  id
  fileName
  contentType
  byteSize
  createdAt
  url
  urlExpiresAt
}`, {"fragmentName":"ArticleFields"}) as unknown as TypedDocumentString<ArticleFieldsFragment, unknown>;
export const TagFieldsFragmentDoc = new TypedDocumentString(`
    fragment TagFields on Tag {
  __typename
  name
  articleCount
}
    `, {"fragmentName":"TagFields"}) as unknown as TypedDocumentString<TagFieldsFragment, unknown>;
export const ApiTokensDocument = new TypedDocumentString(`
    query ApiTokens($first: Int, $after: String) {
  apiTokens(first: $first, after: $after) {
    __typename
    totalCount
    usage {
      ...UsageFields
    }
    pageInfo {
      ...PageInfoFields
    }
    edges {
      __typename
      cursor
      node {
        ...ApiTokenFields
      }
    }
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment ApiTokenFields on ApiToken {
  __typename
  id
  name
  maskedToken
  allowedMethods
  driveAssetAccessValidityMinutes
  createdAt
  updatedAt
  createdBy
  lastUsedAt
}
fragment PageInfoFields on PageInfo {
  __typename
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<ApiTokensQuery, ApiTokensQueryVariables>;
export const ApiTokenDocument = new TypedDocumentString(`
    query ApiToken($id: ID!) {
  apiToken(id: $id) {
    ...ApiTokenFields
  }
}
    fragment ApiTokenFields on ApiToken {
  __typename
  id
  name
  maskedToken
  allowedMethods
  driveAssetAccessValidityMinutes
  createdAt
  updatedAt
  createdBy
  lastUsedAt
}`) as unknown as TypedDocumentString<ApiTokenQuery, ApiTokenQueryVariables>;
export const CreateApiTokenDocument = new TypedDocumentString(`
    mutation CreateApiToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    __typename
    ... on CreateApiTokenSuccess {
      token
      apiToken {
        ...ApiTokenFields
      }
      usage {
        ...UsageFields
      }
    }
    ...ErrorFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment ApiTokenFields on ApiToken {
  __typename
  id
  name
  maskedToken
  allowedMethods
  driveAssetAccessValidityMinutes
  createdAt
  updatedAt
  createdBy
  lastUsedAt
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}`) as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const UpdateApiTokenDocument = new TypedDocumentString(`
    mutation UpdateApiToken($input: UpdateApiTokenInput!) {
  updateApiToken(input: $input) {
    __typename
    ... on UpdateApiTokenSuccess {
      apiToken {
        ...ApiTokenFields
      }
    }
    ...ErrorFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment ApiTokenFields on ApiToken {
  __typename
  id
  name
  maskedToken
  allowedMethods
  driveAssetAccessValidityMinutes
  createdAt
  updatedAt
  createdBy
  lastUsedAt
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}`) as unknown as TypedDocumentString<UpdateApiTokenMutation, UpdateApiTokenMutationVariables>;
export const DeleteApiTokenDocument = new TypedDocumentString(`
    mutation DeleteApiToken($input: DeleteApiTokenInput!) {
  deleteApiToken(input: $input) {
    __typename
    ... on DeleteApiTokenSuccess {
      deletedId
      usage {
        ...UsageFields
      }
    }
    ...ErrorFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}`) as unknown as TypedDocumentString<DeleteApiTokenMutation, DeleteApiTokenMutationVariables>;
export const RevealApiTokenDocument = new TypedDocumentString(`
    mutation RevealApiToken($input: RevealApiTokenInput!) {
  revealApiToken(input: $input) {
    __typename
    ... on RevealApiTokenSuccess {
      token
    }
    ...ErrorFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}`) as unknown as TypedDocumentString<RevealApiTokenMutation, RevealApiTokenMutationVariables>;
export const AuditEventsDocument = new TypedDocumentString(`
    query AuditEvents($first: Int, $after: String) {
  auditEvents(first: $first, after: $after) {
    __typename
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      __typename
      cursor
      node {
        __typename
        id
        action
        actorKind
        actorId
        apiTokenId
        apiTokenName
        clientAddress
        details
        occurredAt
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  __typename
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<AuditEventsQuery, AuditEventsQueryVariables>;
export const ArticlesDocument = new TypedDocumentString(`
    query Articles($first: Int, $after: String, $categoryId: ID, $tag: String, $status: ArticleStatus) {
  articles(
    first: $first
    after: $after
    categoryId: $categoryId
    tag: $tag
    status: $status
  ) {
    __typename
    pageInfo {
      ...PageInfoFields
    }
    edges {
      __typename
      cursor
      node {
        ...ArticleFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  __typename
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment CategorySummaryFields on Category {
  __typename
  id
  name
  slug
}
fragment DriveAssetFields on DriveAsset {
  __typename
  id
  fileName
  contentType
  byteSize
  createdAt
  url
  urlExpiresAt
}
fragment ArticleFields on Article {
  __typename
  id
  title
  slug
  content
  status
  tags
  createdAt
  updatedAt
  category {
    ...CategorySummaryFields
  }
  assets {
    ...DriveAssetFields
  }
}`) as unknown as TypedDocumentString<ArticlesQuery, ArticlesQueryVariables>;
export const ArticleDocument = new TypedDocumentString(`
    query Article($id: ID!) {
  article(id: $id) {
    ...ArticleFields
  }
}
    fragment CategorySummaryFields on Category {
  __typename
  id
  name
  slug
}
fragment DriveAssetFields on DriveAsset {
  __typename
  id
  fileName
  contentType
  byteSize
  createdAt
  url
  urlExpiresAt
}
fragment ArticleFields on Article {
  __typename
  id
  title
  slug
  content
  status
  tags
  createdAt
  updatedAt
  category {
    ...CategorySummaryFields
  }
  assets {
    ...DriveAssetFields
  }
}`) as unknown as TypedDocumentString<ArticleQuery, ArticleQueryVariables>;
export const CategoriesDocument = new TypedDocumentString(`
    query Categories {
  categories {
    ...CategoryFields
  }
}
    fragment CategorySummaryFields on Category {
  __typename
  id
  name
  slug
}
fragment CategoryFields on Category {
  __typename
  id
  name
  slug
  createdAt
  updatedAt
  parent {
    ...CategorySummaryFields
  }
}`) as unknown as TypedDocumentString<CategoriesQuery, CategoriesQueryVariables>;
export const CategoryDocument = new TypedDocumentString(`
    query Category($id: ID!, $first: Int, $after: String) {
  category(id: $id) {
    ...CategoryFields
    children {
      ...CategoryFields
    }
    articles(first: $first, after: $after) {
      __typename
      pageInfo {
        ...PageInfoFields
      }
      edges {
        __typename
        cursor
        node {
          ...ArticleFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  __typename
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment CategorySummaryFields on Category {
  __typename
  id
  name
  slug
}
fragment CategoryFields on Category {
  __typename
  id
  name
  slug
  createdAt
  updatedAt
  parent {
    ...CategorySummaryFields
  }
}
fragment DriveAssetFields on DriveAsset {
  __typename
  id
  fileName
  contentType
  byteSize
  createdAt
  url
  urlExpiresAt
}
fragment ArticleFields on Article {
  __typename
  id
  title
  slug
  content
  status
  tags
  createdAt
  updatedAt
  category {
    ...CategorySummaryFields
  }
  assets {
    ...DriveAssetFields
  }
}`) as unknown as TypedDocumentString<CategoryQuery, CategoryQueryVariables>;
export const TagsDocument = new TypedDocumentString(`
    query Tags {
  tags {
    ...TagFields
  }
}
    fragment TagFields on Tag {
  __typename
  name
  articleCount
}`) as unknown as TypedDocumentString<TagsQuery, TagsQueryVariables>;
export const DriveAssetsDocument = new TypedDocumentString(`
    query DriveAssets($first: Int, $after: String) {
  driveAssets(first: $first, after: $after) {
    __typename
    pageInfo {
      ...PageInfoFields
    }
    edges {
      __typename
      cursor
      node {
        ...DriveAssetFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  __typename
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment DriveAssetFields on DriveAsset {
  __typename
  id
  fileName
  contentType
  byteSize
  createdAt
  url
  urlExpiresAt
}`) as unknown as TypedDocumentString<DriveAssetsQuery, DriveAssetsQueryVariables>;
export const DriveAssetDocument = new TypedDocumentString(`
    query DriveAsset($id: ID!) {
  driveAsset(id: $id) {
    ...DriveAssetFields
  }
}
    fragment DriveAssetFields on DriveAsset {
  __typename
  id
  fileName
  contentType
  byteSize
  createdAt
  url
  urlExpiresAt
}`) as unknown as TypedDocumentString<DriveAssetQuery, DriveAssetQueryVariables>;
export const CreateCategoryDocument = new TypedDocumentString(`
    mutation CreateCategory($input: CreateCategoryInput!) {
  createCategory(input: $input) {
    __typename
    ... on CreateCategorySuccess {
      category {
        ...CategoryFields
      }
    }
    ...ErrorFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}
fragment CategorySummaryFields on Category {
  __typename
  id
  name
  slug
}
fragment CategoryFields on Category {
  __typename
  id
  name
  slug
  createdAt
  updatedAt
  parent {
    ...CategorySummaryFields
  }
}`) as unknown as TypedDocumentString<CreateCategoryMutation, CreateCategoryMutationVariables>;
export const UpdateCategoryDocument = new TypedDocumentString(`
    mutation UpdateCategory($input: UpdateCategoryInput!) {
  updateCategory(input: $input) {
    __typename
    ... on UpdateCategorySuccess {
      category {
        ...CategoryFields
      }
    }
    ...ErrorFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}
fragment CategorySummaryFields on Category {
  __typename
  id
  name
  slug
}
fragment CategoryFields on Category {
  __typename
  id
  name
  slug
  createdAt
  updatedAt
  parent {
    ...CategorySummaryFields
  }
}`) as unknown as TypedDocumentString<UpdateCategoryMutation, UpdateCategoryMutationVariables>;
export const DeleteCategoryDocument = new TypedDocumentString(`
    mutation DeleteCategory($input: DeleteCategoryInput!) {
  deleteCategory(input: $input) {
    __typename
    ... on DeleteCategorySuccess {
      deletedId
    }
    ...ErrorFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}`) as unknown as TypedDocumentString<DeleteCategoryMutation, DeleteCategoryMutationVariables>;
export const CreateArticleDocument = new TypedDocumentString(`
    mutation CreateArticle($input: CreateArticleInput!) {
  createArticle(input: $input) {
    __typename
    ... on CreateArticleSuccess {
      article {
        ...ArticleFields
      }
    }
    ...ErrorFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}
fragment CategorySummaryFields on Category {
  __typename
  id
  name
  slug
}
fragment DriveAssetFields on DriveAsset {
  __typename
  id
  fileName
  contentType
  byteSize
  createdAt
  url
  urlExpiresAt
}
fragment ArticleFields on Article {
  __typename
  id
  title
  slug
  content
  status
  tags
  createdAt
  updatedAt
  category {
    ...CategorySummaryFields
  }
  assets {
    ...DriveAssetFields
  }
}`) as unknown as TypedDocumentString<CreateArticleMutation, CreateArticleMutationVariables>;
export const UpdateArticleDocument = new TypedDocumentString(`
    mutation UpdateArticle($input: UpdateArticleInput!) {
  updateArticle(input: $input) {
    __typename
    ... on UpdateArticleSuccess {
      article {
        ...ArticleFields
      }
    }
    ...ErrorFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}
fragment CategorySummaryFields on Category {
  __typename
  id
  name
  slug
}
fragment DriveAssetFields on DriveAsset {
  __typename
  id
  fileName
  contentType
  byteSize
  createdAt
  url
  urlExpiresAt
}
fragment ArticleFields on Article {
  __typename
  id
  title
  slug
  content
  status
  tags
  createdAt
  updatedAt
  category {
    ...CategorySummaryFields
  }
  assets {
    ...DriveAssetFields
  }
}`) as unknown as TypedDocumentString<UpdateArticleMutation, UpdateArticleMutationVariables>;
export const DeleteArticleDocument = new TypedDocumentString(`
    mutation DeleteArticle($input: DeleteArticleInput!) {
  deleteArticle(input: $input) {
    __typename
    ... on DeleteArticleSuccess {
      deletedId
    }
    ...ErrorFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}`) as unknown as TypedDocumentString<DeleteArticleMutation, DeleteArticleMutationVariables>;
export const UploadDriveAssetDocument = new TypedDocumentString(`
    mutation UploadDriveAsset($input: UploadDriveAssetInput!) {
  uploadDriveAsset(input: $input) {
    __typename
    ... on UploadDriveAssetSuccess {
      driveAsset {
        ...DriveAssetFields
      }
    }
    ...ErrorFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}
fragment DriveAssetFields on DriveAsset {
  __typename
  id
  fileName
  contentType
  byteSize
  createdAt
  url
  urlExpiresAt
}`) as unknown as TypedDocumentString<UploadDriveAssetMutation, UploadDriveAssetMutationVariables>;
export const DeleteDriveAssetDocument = new TypedDocumentString(`
    mutation DeleteDriveAsset($input: DeleteDriveAssetInput!) {
  deleteDriveAsset(input: $input) {
    __typename
    ... on DeleteDriveAssetSuccess {
      deletedId
    }
    ...ErrorFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}`) as unknown as TypedDocumentString<DeleteDriveAssetMutation, DeleteDriveAssetMutationVariables>;
export const ProjectsDocument = new TypedDocumentString(`
    query Projects($first: Int, $after: String) {
  projects(first: $first, after: $after) {
    __typename
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      __typename
      cursor
      node {
        ...ProjectFields
      }
    }
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment ProjectFields on Project {
  __typename
  id
  name
  plan
  apiTokenLimit
  apiTokenUsage {
    ...UsageFields
  }
  rateLimitPerMinute
  createdAt
  updatedAt
}
fragment PageInfoFields on PageInfo {
  __typename
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<ProjectsQuery, ProjectsQueryVariables>;
export const ProjectDocument = new TypedDocumentString(`
    query Project {
  project {
    ...ProjectFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment ProjectFields on Project {
  __typename
  id
  name
  plan
  apiTokenLimit
  apiTokenUsage {
    ...UsageFields
  }
  rateLimitPerMinute
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<ProjectQuery, ProjectQueryVariables>;
export const CreateProjectDocument = new TypedDocumentString(`
    mutation CreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    __typename
    ... on CreateProjectSuccess {
      project {
        ...ProjectFields
      }
    }
    ...ErrorFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment ProjectFields on Project {
  __typename
  id
  name
  plan
  apiTokenLimit
  apiTokenUsage {
    ...UsageFields
  }
  rateLimitPerMinute
  createdAt
  updatedAt
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}`) as unknown as TypedDocumentString<CreateProjectMutation, CreateProjectMutationVariables>;
export const UpdateProjectDocument = new TypedDocumentString(`
    mutation UpdateProject($input: UpdateProjectInput!) {
  updateProject(input: $input) {
    __typename
    ... on UpdateProjectSuccess {
      project {
        ...ProjectFields
      }
    }
    ...ErrorFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment ProjectFields on Project {
  __typename
  id
  name
  plan
  apiTokenLimit
  apiTokenUsage {
    ...UsageFields
  }
  rateLimitPerMinute
  createdAt
  updatedAt
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}`) as unknown as TypedDocumentString<UpdateProjectMutation, UpdateProjectMutationVariables>;
export const CreateAdminSessionDocument = new TypedDocumentString(`
    mutation CreateAdminSession($input: CreateAdminSessionInput!) {
  createAdminSession(input: $input) {
    __typename
    ... on CreateAdminSessionSuccess {
      token
      expiresAt
    }
    ...ErrorFields
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment FieldErrorFields on FieldError {
  __typename
  path
  message
}
fragment ErrorFields on Error {
  __typename
  code
  message
  ... on ValidationError {
    fieldErrors {
      ...FieldErrorFields
    }
  }
  ... on TokenLimitReachedError {
    usage {
      ...UsageFields
    }
  }
  ... on CategoryNotEmptyError {
    childCount
    articleCount
  }
  ... on FileTooLargeError {
    maxBytes
  }
}`) as unknown as TypedDocumentString<CreateAdminSessionMutation, CreateAdminSessionMutationVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    __typename
    kind
    userId
    role
    allowedMethods
    project {
      ...ProjectFields
    }
    apiToken {
      ...ApiTokenFields
    }
  }
}
    fragment UsageFields on ApiTokenUsage {
  __typename
  used
  limit
  percent
  summary
}
fragment ProjectFields on Project {
  __typename
  id
  name
  plan
  apiTokenLimit
  apiTokenUsage {
    ...UsageFields
  }
  rateLimitPerMinute
  createdAt
  updatedAt
}
fragment ApiTokenFields on ApiToken {
  __typename
  id
  name
  maskedToken
  allowedMethods
  driveAssetAccessValidityMinutes
  createdAt
  updatedAt
  createdBy
  lastUsedAt
}`) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;