import {
  type ApiTokenQuery,
  type ApiTokenQueryVariables,
  ApiTokenDocument,
  type ApiTokensQuery,
  type ApiTokensQueryVariables,
  ApiTokensDocument,
  type CreateAdminSessionInput,
  type CreateAdminSessionMutation,
  CreateAdminSessionDocument,
  type CreateApiTokenInput,
  type CreateApiTokenMutation,
  CreateApiTokenDocument,
  type CreateProjectInput,
  type CreateProjectMutation,
  CreateProjectDocument,
  type DeleteApiTokenInput,
  type DeleteApiTokenMutation,
  DeleteApiTokenDocument,
  type DocumentTypeDecoration,
  type ProjectQuery,
  ProjectDocument,
  type ProjectsQuery,
  type ProjectsQueryVariables,
  ProjectsDocument,
  type RevealApiTokenInput,
  type RevealApiTokenMutation,
  RevealApiTokenDocument,
  type UpdateApiTokenInput,
  type UpdateApiTokenMutation,
  UpdateApiTokenDocument,
  type UpdateProjectInput,
  type UpdateProjectMutation,
  UpdateProjectDocument,
  type ViewerQuery,
  ViewerDocument,
} from './_generated/graphql.js';
import {
  AuthenticationError,
  ForbiddenError,
  type GraphQLErrorPayload,
  GraphQLRequestError,
  NetworkError,
  RateLimitError,
} from './errors.js';

/** The part of the Fetch API the client uses; the global `fetch` (Node ≥ 18, browsers) fits. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

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
    let response: Awaited<ReturnType<FetchLike>>;
    let text: string;
    try {
      response = await fetchImpl(url, {
        method: 'POST',
        headers: {
          ...extraHeaders,
          accept: 'application/graphql-response+json, application/json',
          'content-type': 'application/json',
          authorization: `Bearer ${credential}`,
        },
        body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
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

function globalFetch(): FetchLike {
  const { fetch } = globalThis as { fetch?: FetchLike };
  if (!fetch) throw new TypeError('kbgate sdk: there is no global fetch; pass options.fetch');
  return fetch;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
