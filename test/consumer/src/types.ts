// Compiled, never run: every `@ts-expect-error` below must be an error, or tsc fails.
import {
  type ApiTokenFieldsFragment,
  ApiTokensDocument,
  AuthenticationError,
  type Client,
  type CreateAdminSessionMutation,
  CreateApiTokenDocument,
  type CreateApiTokenMutation,
  createClient,
  ForbiddenError,
  type HttpMethod,
  KbgateError,
  RateLimitError,
  type ResultOf,
  ViewerDocument,
} from '@kbgate/sdk';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// Scalars are mapped: date-times and ids are strings, never `any`.
export type Checks = [
  Expect<Equal<ApiTokenFieldsFragment['createdAt'], string>>,
  Expect<Equal<ApiTokenFieldsFragment['lastUsedAt'], string | null>>,
  Expect<Equal<ApiTokenFieldsFragment['id'], string>>,
  Expect<Equal<Extract<CreateAdminSessionMutation['createAdminSession'], { __typename: 'CreateAdminSessionSuccess' }>['expiresAt'], string>>,
  Expect<Equal<HttpMethod, 'GET' | 'POST' | 'PUT' | 'DELETE'>>,
  Expect<Equal<ResultOf<typeof ViewerDocument>['viewer']['kind'], 'OPERATOR' | 'ADMIN' | 'API_TOKEN'>>,
];

export async function correctUsage(client: Client): Promise<string> {
  const result = await client.createApiToken({ name: 'Sync', allowedMethods: ['GET', 'POST'] });
  switch (result.__typename) {
    case 'CreateApiTokenSuccess':
      return `${result.token} ${result.apiToken.maskedToken} ${result.usage.summary}`;
    case 'ValidationError':
      return result.fieldErrors.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ');
    case 'TokenLimitReachedError':
      return `${result.code} ${result.usage.used}/${result.usage.limit}`;
    case 'NameTakenError':
    case 'PlanNotSupportedError':
      return `${result.code}: ${result.message}`;
    default: {
      const unhandled: never = result;
      return unhandled;
    }
  }
}

export async function moreCorrectUsage(client: Client): Promise<void> {
  const page = await client.apiTokens({ first: 10, after: null });
  const names: string[] = page.edges.map((edge) => edge.node.name);
  const next: string | null = page.pageInfo.endCursor;
  const methods: HttpMethod[] | undefined = page.edges[0]?.node.allowedMethods;
  await client.apiTokens();
  const viewer = await client.viewer();
  if (viewer.kind === 'API_TOKEN' && viewer.apiToken) names.push(viewer.apiToken.name);
  const token = await client.apiToken({ id: 'QXBpVG9rZW46MQ==' });
  const maybeName: string | undefined = token?.name;
  await client.updateApiToken({ id: 'x', allowedMethods: ['GET'] });
  await client.deleteApiToken({ id: 'x' });
  await client.revealApiToken({ id: 'x' });
  await client.createProject({ name: 'Docs', plan: 'ENTERPRISE', apiTokenLimit: 20 });
  await client.updateProject({ id: 'x', rateLimitPerMinute: null });
  await client.createAdminSession({ projectId: 'x', userId: 'u1', role: 'ADMIN', ttlSeconds: 600 });
  const projects = await client.projects({ first: 5 });
  const total: number = projects.totalCount;
  const generic: CreateApiTokenMutation = await client.request(CreateApiTokenDocument, {
    input: { name: 'Generic', allowedMethods: ['GET'] },
  });
  const viaRequest = await client.request(ViewerDocument);
  const listed = await client.request(ApiTokensDocument, { first: 1 });
  void [names, next, methods, maybeName, total, generic, viaRequest.viewer.kind, listed.apiTokens.totalCount];

  try {
    await client.viewer();
  } catch (error) {
    if (error instanceof ForbiddenError) {
      const method: string | undefined = error.requiredMethod;
      void method;
    } else if (error instanceof RateLimitError) {
      const wait: number | undefined = error.retryAfter ?? error.reset;
      void wait;
    } else if (error instanceof AuthenticationError) {
      const status: number | undefined = error.status;
      void status;
    }
    const isKbgate: boolean = error instanceof KbgateError;
    void isKbgate;
  }
}

export async function wrongUsage(client: Client): Promise<void> {
  // @ts-expect-error: a credential is required
  createClient({ url: 'http://127.0.0.1:4000/graphql' });
  // @ts-expect-error: PATCH is not an HttpMethod
  await client.createApiToken({ name: 'Sync', allowedMethods: ['PATCH'] });
  // @ts-expect-error: name is a string
  await client.createApiToken({ name: 42, allowedMethods: ['GET'] });
  // @ts-expect-error: misspelt input field
  await client.createApiToken({ nmae: 'Sync', allowedMethods: ['GET'] });
  // @ts-expect-error: allowedMethods is required
  await client.createApiToken({ name: 'Sync' });
  // @ts-expect-error: ids are strings
  await client.deleteApiToken({ id: 7 });
  // @ts-expect-error: apiToken needs an id
  await client.apiToken({});
  // @ts-expect-error: first is a number
  await client.apiTokens({ first: '10' });
  // @ts-expect-error: no such plan
  await client.createProject({ name: 'Docs', plan: 'GOLD' });
  // @ts-expect-error: the role is required
  await client.createAdminSession({ projectId: 'x', userId: 'u1' });
  // @ts-expect-error: the document's variables are required
  await client.request(CreateApiTokenDocument);
  // @ts-expect-error: wrong variables for the document
  await client.request(CreateApiTokenDocument, { input: { title: 'Sync' } });

  const result = await client.createApiToken({ name: 'Sync', allowedMethods: ['GET'] });
  // @ts-expect-error: the secret exists only on the success member; narrow on __typename first
  void result.token;
  if (result.__typename === 'CreateApiTokenSuccess') {
    // @ts-expect-error: no such field on ApiToken
    void result.apiToken.secret;
    // @ts-expect-error: createdAt is an ISO string, not a Date
    const created: Date = result.apiToken.createdAt;
    void created;
  }
  // @ts-expect-error: not a member of this union
  if (result.__typename === 'NotFoundError') return;

  const viewer = await client.viewer();
  // @ts-expect-error: no such viewer kind
  if (viewer.kind === 'ROBOT') return;
  // @ts-expect-error: misspelt field
  void viewer.projct;

  const deleted = await client.deleteApiToken({ id: 'x' });
  if (deleted.__typename === 'DeleteApiTokenSuccess') {
    // @ts-expect-error: ids are strings
    const id: number = deleted.deletedId;
    void id;
  }
}
