import {
  type ApiTokenQuery,
  type ApiTokenQueryVariables,
  ApiTokenDocument,
  type ApiTokensQuery,
  type ApiTokensQueryVariables,
  ApiTokensDocument,
  type AuditEventsQuery,
  type AuditEventsQueryVariables,
  AuditEventsDocument,
  type ArticleQuery,
  type ArticleQueryVariables,
  ArticleDocument,
  type ArticlesQuery,
  type ArticlesQueryVariables,
  ArticlesDocument,
  type CategoriesQuery,
  CategoriesDocument,
  type CategoryQuery,
  type CategoryQueryVariables,
  CategoryDocument,
  type CreateAdminSessionInput,
  type CreateAdminSessionMutation,
  CreateAdminSessionDocument,
  type CreateApiTokenInput,
  type CreateApiTokenMutation,
  CreateApiTokenDocument,
  type CreateArticleInput,
  type CreateArticleMutation,
  CreateArticleDocument,
  type CreateCategoryInput,
  type CreateCategoryMutation,
  CreateCategoryDocument,
  type CreateProjectInput,
  type CreateProjectMutation,
  CreateProjectDocument,
  type DeleteApiTokenInput,
  type DeleteApiTokenMutation,
  DeleteApiTokenDocument,
  type DeleteArticleInput,
  type DeleteArticleMutation,
  DeleteArticleDocument,
  type DeleteCategoryInput,
  type DeleteCategoryMutation,
  DeleteCategoryDocument,
  type DeleteDriveAssetInput,
  type DeleteDriveAssetMutation,
  DeleteDriveAssetDocument,
  type DocumentTypeDecoration,
  type DriveAssetQuery,
  type DriveAssetQueryVariables,
  DriveAssetDocument,
  type DriveAssetsQuery,
  type DriveAssetsQueryVariables,
  DriveAssetsDocument,
  type ProjectQuery,
  ProjectDocument,
  type ProjectsQuery,
  type ProjectsQueryVariables,
  ProjectsDocument,
  type RevealApiTokenInput,
  type RevealApiTokenMutation,
  RevealApiTokenDocument,
  type TagsQuery,
  TagsDocument,
  type UpdateApiTokenInput,
  type UpdateApiTokenMutation,
  UpdateApiTokenDocument,
  type UpdateArticleInput,
  type UpdateArticleMutation,
  UpdateArticleDocument,
  type UpdateCategoryInput,
  type UpdateCategoryMutation,
  UpdateCategoryDocument,
  type UpdateProjectInput,
  type UpdateProjectMutation,
  UpdateProjectDocument,
  type UploadDriveAssetMutation,
  UploadDriveAssetDocument,
  type ViewerQuery,
  ViewerDocument,
} from './_generated/graphql.js';
import { type DriveAssetDownload, fetchDriveAsset } from './drive.js';
import {
  AuthenticationError,
  ForbiddenError,
  type GraphQLErrorPayload,
  GraphQLRequestError,
  NetworkError,
  RateLimitError,
} from './errors.js';

import { type FetchLike, type FetchResponseLike, globalFetch, messageOf } from './fetch.js';
import { type BlobLike, extractFiles, multipartBody, namedUpload } from './upload.js';

export type { FetchLike, FetchResponseLike };

/** What to upload: a Blob or File (its name and type unless overridden), or bytes with a file name. */
export type UploadDriveAssetArgs =
  | { file: BlobLike; fileName?: string | undefined; contentType?: string | undefined }
  | { file: Uint8Array; fileName: string; contentType?: string | undefined };

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** An API token, an admin session (JWT) or the operator key; sent as `Authorization: Bearer …`. */
  credential: string;
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** A generated document (or any string typed with its result and variables). */
export type Document<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & String;

/** Variables may be left out when the operation has none that are required. */
export type VariablesArgs<TVariables> = {} extends TVariables ? [variables?: TVariables] : [variables: TVariables];

export type ResultOf<T> = T extends DocumentTypeDecoration<infer TResult, any> ? TResult : never;
export type VariablesOf<T> = T extends DocumentTypeDecoration<any, infer TVariables> ? TVariables : never;

export type Client = ReturnType<typeof createClient>;

/**
 * A client for kbgate's GraphQL API. A query's method takes its variables, a mutation's its input.
 * Expected failures (ValidationError, NameTakenError …) come back as members of a mutation's
 * result union; anything else is thrown as a KbgateError subclass.
 */
export function createClient(options: ClientOptions) {
  const { url, credential } = options;
  const fetchImpl = options.fetch ?? globalFetch();
  if (!credential) throw new TypeError('kbgate sdk: a credential is required');

  // Nothing a caller may log (messages, error entries) should carry the secret, even if echoed back.
  const redact = (text: string) => text.split(credential).join('[credential]');
  // Lower-cased, so a caller's `Authorization` cannot sit beside the client's own.
  const extraHeaders = Object.fromEntries(
    Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );

  async function request<TResult, TVariables>(
    document: Document<TResult, TVariables>,
    ...[variables]: VariablesArgs<TVariables>
  ): Promise<TResult> {
    const query = document.toString();
    // Variables holding a Blob or File go as a GraphQL multipart request, the files as parts.
    const { clone, files } = extractFiles(variables ?? {});
    const multipart = files.length > 0 ? await multipartBody({ query, variables: clone }, files) : null;
    let response: FetchResponseLike;
    let text: string;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: {
          ...extraHeaders,
          accept: 'application/graphql-response+json, application/json',
          ...(multipart
            ? // Yoga refuses a multipart request (a "simple" one to a browser) without this header.
              { 'content-type': multipart.contentType, 'x-graphql-yoga-csrf': '1' }
            : { 'content-type': 'application/json' }),
          authorization: `Bearer ${credential}`,
        },
        body: multipart ? multipart.body : JSON.stringify({ query, variables: variables ?? {} }),
      });
      text = await response.text();
    } catch (error) {
      throw new NetworkError(redact(`Request to ${url} failed: ${messageOf(error)}`), { cause: error });
    }
    const { status } = response;
    if (status === 429) {
      throw new RateLimitError('Rate limit exceeded', response.headers, status);
    }

    const body = parseGraphQLResponse(text);
    if (!body) {
      if (status === 401) throw new AuthenticationError('Authentication failed', [], status);
      throw new NetworkError(`Expected a GraphQL response from ${url}, got HTTP ${status}`, { status });
    }
    if (body.errors && body.errors.length > 0) {
      const errors = body.errors.map((e) => ({ ...e, message: redact(String(e.message)) }));
      const withCode = (code: string) => errors.find((e) => e.extensions?.code === code);
      const unauthenticated = withCode('UNAUTHENTICATED');
      if (unauthenticated || status === 401) {
        throw new AuthenticationError((unauthenticated ?? errors[0]!).message, errors, status);
      }
      const forbidden = withCode('FORBIDDEN');
      if (forbidden) throw new ForbiddenError(forbidden.message, errors, status);
      throw new GraphQLRequestError(errors[0]!.message, errors, status, body.data ?? undefined);
    }
    if (body.data == null) {
      throw new GraphQLRequestError(`The response from ${url} carried no data`, [], status);
    }
    return body.data as TResult;
  }

  return {
    request,

    // Operator key
    projects: async (variables?: ProjectsQueryVariables): Promise<ProjectsQuery['projects']> =>
      (await request(ProjectsDocument, variables)).projects,
    createProject: async (input: CreateProjectInput): Promise<CreateProjectMutation['createProject']> =>
      (await request(CreateProjectDocument, { input })).createProject,
    updateProject: async (input: UpdateProjectInput): Promise<UpdateProjectMutation['updateProject']> =>
      (await request(UpdateProjectDocument, { input })).updateProject,
    createAdminSession: async (
      input: CreateAdminSessionInput,
    ): Promise<CreateAdminSessionMutation['createAdminSession']> =>
      (await request(CreateAdminSessionDocument, { input })).createAdminSession,

    // Any credential
    viewer: async (): Promise<ViewerQuery['viewer']> => (await request(ViewerDocument)).viewer,
    project: async (): Promise<ProjectQuery['project']> => (await request(ProjectDocument)).project,

    // Admin session, OWNER or ADMIN
    apiTokens: async (variables?: ApiTokensQueryVariables): Promise<ApiTokensQuery['apiTokens']> =>
      (await request(ApiTokensDocument, variables)).apiTokens,
    /** The project's audit log, newest first (OWNER or ADMIN). */
    auditEvents: async (variables?: AuditEventsQueryVariables): Promise<AuditEventsQuery['auditEvents']> =>
      (await request(AuditEventsDocument, variables)).auditEvents,
    apiToken: async (variables: ApiTokenQueryVariables): Promise<ApiTokenQuery['apiToken']> =>
      (await request(ApiTokenDocument, variables)).apiToken,
    createApiToken: async (input: CreateApiTokenInput): Promise<CreateApiTokenMutation['createApiToken']> =>
      (await request(CreateApiTokenDocument, { input })).createApiToken,
    updateApiToken: async (input: UpdateApiTokenInput): Promise<UpdateApiTokenMutation['updateApiToken']> =>
      (await request(UpdateApiTokenDocument, { input })).updateApiToken,
    deleteApiToken: async (input: DeleteApiTokenInput): Promise<DeleteApiTokenMutation['deleteApiToken']> =>
      (await request(DeleteApiTokenDocument, { input })).deleteApiToken,
    revealApiToken: async (input: RevealApiTokenInput): Promise<RevealApiTokenMutation['revealApiToken']> =>
      (await request(RevealApiTokenDocument, { input })).revealApiToken,

    // Knowledge base: an API token needs GET for the queries, POST for create* and upload*,
    // PUT for update*, DELETE for delete*; otherwise ForbiddenError with `requiredMethod`.
    articles: async (variables?: ArticlesQueryVariables): Promise<ArticlesQuery['articles']> =>
      (await request(ArticlesDocument, variables)).articles,
    article: async (variables: ArticleQueryVariables): Promise<ArticleQuery['article']> =>
      (await request(ArticleDocument, variables)).article,
    categories: async (): Promise<CategoriesQuery['categories']> => (await request(CategoriesDocument)).categories,
    /** A category with its parent, children and a page of its own articles (`first`, `after`). */
    category: async (variables: CategoryQueryVariables): Promise<CategoryQuery['category']> =>
      (await request(CategoryDocument, variables)).category,
    tags: async (): Promise<TagsQuery['tags']> => (await request(TagsDocument)).tags,
    driveAssets: async (variables?: DriveAssetsQueryVariables): Promise<DriveAssetsQuery['driveAssets']> =>
      (await request(DriveAssetsDocument, variables)).driveAssets,
    driveAsset: async (variables: DriveAssetQueryVariables): Promise<DriveAssetQuery['driveAsset']> =>
      (await request(DriveAssetDocument, variables)).driveAsset,
    createCategory: async (input: CreateCategoryInput): Promise<CreateCategoryMutation['createCategory']> =>
      (await request(CreateCategoryDocument, { input })).createCategory,
    updateCategory: async (input: UpdateCategoryInput): Promise<UpdateCategoryMutation['updateCategory']> =>
      (await request(UpdateCategoryDocument, { input })).updateCategory,
    deleteCategory: async (input: DeleteCategoryInput): Promise<DeleteCategoryMutation['deleteCategory']> =>
      (await request(DeleteCategoryDocument, { input })).deleteCategory,
    createArticle: async (input: CreateArticleInput): Promise<CreateArticleMutation['createArticle']> =>
      (await request(CreateArticleDocument, { input })).createArticle,
    updateArticle: async (input: UpdateArticleInput): Promise<UpdateArticleMutation['updateArticle']> =>
      (await request(UpdateArticleDocument, { input })).updateArticle,
    deleteArticle: async (input: DeleteArticleInput): Promise<DeleteArticleMutation['deleteArticle']> =>
      (await request(DeleteArticleDocument, { input })).deleteArticle,
    /** Sends a GraphQL multipart request; the server sniffs the content type from the bytes when it can. */
    uploadDriveAsset: async ({
      file,
      fileName,
      contentType,
    }: UploadDriveAssetArgs): Promise<UploadDriveAssetMutation['uploadDriveAsset']> =>
      (await request(UploadDriveAssetDocument, { input: { file: namedUpload(file, fileName, contentType) } }))
        .uploadDriveAsset,
    deleteDriveAsset: async (input: DeleteDriveAssetInput): Promise<DeleteDriveAssetMutation['deleteDriveAsset']> =>
      (await request(DeleteDriveAssetDocument, { input })).deleteDriveAsset,
    /**
     * Follows an asset's signed `url` with this client's fetch, sending no credential (the link is one).
     * Throws DriveLinkError on 403 (expired, altered, token deleted) or 404 (asset deleted).
     */
    downloadDriveAsset: (asset: string | { readonly url: string }): Promise<DriveAssetDownload> =>
      fetchDriveAsset(asset, { fetch: fetchImpl }),
  };
}

interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorPayload[];
}

/** The body as a GraphQL response, or null when it is not one (an HTML error page, a proxy's text…). */
function parseGraphQLResponse(text: string): GraphQLResponseBody | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const { data, errors } = body as GraphQLResponseBody;
  if (errors !== undefined && !Array.isArray(errors)) return null;
  if (data === undefined && errors === undefined) return null;
  return { data, errors };
}
