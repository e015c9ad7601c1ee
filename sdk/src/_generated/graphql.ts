/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
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

export type CreateProjectInput = {
  /** 0–1000; omitted: the plan's default */
  apiTokenLimit?: number | null | undefined;
  name: string;
  plan: Plan;
};

export type DeleteApiTokenInput = {
  id: string;
};

export type ErrorCode =
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

export type UpdateProjectInput = {
  /** 0–1000; null: back to the plan's default; omitted: unchanged */
  apiTokenLimit?: number | null | undefined;
  id: string;
  name?: string | null | undefined;
  plan?: Plan | null | undefined;
  /** 1–100000; null: back to the plan's default; omitted: unchanged */
  rateLimitPerMinute?: number | null | undefined;
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

export type UsageFieldsFragment = { __typename: 'ApiTokenUsage', used: number, limit: number, percent: number, summary: string };

export type ProjectFieldsFragment = { __typename: 'Project', id: string, name: string, plan: Plan, apiTokenLimit: number, rateLimitPerMinute: number, createdAt: string, updatedAt: string, apiTokenUsage: { __typename: 'ApiTokenUsage', used: number, limit: number, percent: number, summary: string } };

export type ApiTokenFieldsFragment = { __typename: 'ApiToken', id: string, name: string, maskedToken: string, allowedMethods: Array<HttpMethod>, driveAssetAccessValidityMinutes: number, createdAt: string, updatedAt: string, createdBy: string | null, lastUsedAt: string | null };

export type PageInfoFieldsFragment = { __typename: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null };

export type FieldErrorFieldsFragment = { __typename: 'FieldError', path: Array<string>, message: string };

type ErrorFields_NameTakenError_Fragment = { __typename: 'NameTakenError', code: ErrorCode, message: string };

type ErrorFields_NotFoundError_Fragment = { __typename: 'NotFoundError', code: ErrorCode, message: string };

type ErrorFields_PlanNotSupportedError_Fragment = { __typename: 'PlanNotSupportedError', code: ErrorCode, message: string };

type ErrorFields_TokenLimitReachedError_Fragment = { __typename: 'TokenLimitReachedError', code: ErrorCode, message: string, usage: { __typename: 'ApiTokenUsage', used: number, limit: number, percent: number, summary: string } };

type ErrorFields_ValidationError_Fragment = { __typename: 'ValidationError', code: ErrorCode, message: string, fieldErrors: Array<{ __typename: 'FieldError', path: Array<string>, message: string }> };

export type ErrorFieldsFragment =
  | ErrorFields_NameTakenError_Fragment
  | ErrorFields_NotFoundError_Fragment
  | ErrorFields_PlanNotSupportedError_Fragment
  | ErrorFields_TokenLimitReachedError_Fragment
  | ErrorFields_ValidationError_Fragment
;

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
}`) as unknown as TypedDocumentString<RevealApiTokenMutation, RevealApiTokenMutationVariables>;
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