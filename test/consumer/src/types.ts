// Compiled, never run: every `@ts-expect-error` below must be an error, or tsc fails.
import {
  type ApiTokenFieldsFragment,
  ApiTokensDocument,
  type ArticleFieldsFragment,
  type ArticleStatus,
  AuthenticationError,
  type BlobLike,
  type CategoryQuery,
  type DeleteCategoryMutation,
  DriveLinkError,
  type DriveAssetDownload,
  type DriveAssetFieldsFragment,
  type ErrorCode,
  fetchDriveAsset,
  type UploadDriveAssetInput,
  UploadDriveAssetDocument,
  type UploadDriveAssetMutation,
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
type IsAny<T> = 0 extends 1 & T ? true : false;

// Scalars are mapped: date-times and ids are strings, never `any`.
export type Checks = [
  Expect<Equal<ApiTokenFieldsFragment['createdAt'], string>>,
  Expect<Equal<ApiTokenFieldsFragment['lastUsedAt'], string | null>>,
  Expect<Equal<ApiTokenFieldsFragment['id'], string>>,
  Expect<Equal<Extract<CreateAdminSessionMutation['createAdminSession'], { __typename: 'CreateAdminSessionSuccess' }>['expiresAt'], string>>,
  Expect<Equal<HttpMethod, 'GET' | 'POST' | 'PUT' | 'DELETE'>>,
  Expect<Equal<ResultOf<typeof ViewerDocument>['viewer']['kind'], 'OPERATOR' | 'ADMIN' | 'API_TOKEN'>>,
  // The knowledge base: the File scalar is a Blob-like input, never `any`; links are strings.
  Expect<Equal<UploadDriveAssetInput['file'], BlobLike>>,
  Expect<Equal<IsAny<UploadDriveAssetInput['file']>, false>>,
  Expect<Equal<DriveAssetFieldsFragment['url'], string>>,
  Expect<Equal<DriveAssetFieldsFragment['urlExpiresAt'], string>>,
  Expect<Equal<ArticleStatus, 'DRAFT' | 'PUBLISHED'>>,
  Expect<Equal<ArticleFieldsFragment['tags'], Array<string>>>,
  Expect<Equal<NonNullable<CategoryQuery['category']>['parent'], { __typename: 'Category'; id: string; name: string; slug: string } | null>>,
  Expect<Equal<Extract<ErrorCode, 'CATEGORY_NOT_EMPTY' | 'FILE_TOO_LARGE'>, 'CATEGORY_NOT_EMPTY' | 'FILE_TOO_LARGE'>>,
  Expect<Equal<DeleteCategoryMutation['deleteCategory']['__typename'], 'DeleteCategorySuccess' | 'NotFoundError' | 'CategoryNotEmptyError'>>,
  Expect<Equal<DriveAssetDownload['contentType'], string>>,
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

export async function knowledgeBaseUsage(client: Client, bytes: Uint8Array): Promise<string[]> {
  // Node's global fetch fits the client's FetchLike.
  createClient({ url: 'http://127.0.0.1:4000/graphql', credential: 'kbg_x', fetch });
  const lines: string[] = [];
  const category = await client.createCategory({ name: 'Guides', parentId: null });
  if (category.__typename !== 'CreateCategorySuccess') return category.fieldErrors.map((e) => e.message);
  const categoryId: string = category.category.id;

  const file = new File([Uint8Array.from(bytes)], 'a.png', { type: 'image/png' });
  const uploads = [
    await client.uploadDriveAsset({ file }),
    await client.uploadDriveAsset({ file: new Blob(['x']), fileName: 'x.txt', contentType: 'text/plain' }),
    await client.uploadDriveAsset({ file: bytes, fileName: 'b.bin' }),
  ];
  const assetIds: string[] = [];
  for (const upload of uploads) {
    switch (upload.__typename) {
      case 'UploadDriveAssetSuccess':
        assetIds.push(upload.driveAsset.id);
        break;
      case 'FileTooLargeError':
        lines.push(`${upload.code}: at most ${upload.maxBytes} bytes`);
        break;
      default: {
        const unhandled: never = upload;
        return unhandled;
      }
    }
  }
  const viaRequest: UploadDriveAssetMutation = await client.request(UploadDriveAssetDocument, { input: { file } });
  void viaRequest;

  const created = await client.createArticle({ title: 'T', content: '# T', categoryId, tags: ['a'], status: 'PUBLISHED', assetIds });
  if (created.__typename === 'CreateArticleSuccess') lines.push(created.article.slug, created.article.category.slug);
  await client.updateArticle({ id: 'x', status: 'DRAFT', tags: null });
  await client.updateCategory({ id: 'x', parentId: null });
  const page = await client.articles({ first: 50, after: null, categoryId, tag: 'a', status: 'PUBLISHED' });
  for (const { node } of page.edges) {
    const status: ArticleStatus = node.status;
    lines.push(node.title, node.content, status, ...node.tags);
    for (const asset of node.assets) {
      const download: DriveAssetDownload = await client.downloadDriveAsset(asset);
      const data: Uint8Array = download.bytes;
      const again = await fetchDriveAsset(asset.url);
      lines.push(asset.fileName, download.contentType, String(data.byteLength), String(again.fileName));
    }
  }
  const cursor: string | null = page.pageInfo.endCursor;
  const tree = await client.category({ id: categoryId, first: 10, after: cursor });
  lines.push(...(tree?.children.map((c) => c.name) ?? []), tree?.parent?.name ?? '-', String(tree?.articles.edges.length));
  lines.push(...(await client.categories()).map((c) => c.slug), ...(await client.tags()).map((t) => `${t.name}:${t.articleCount}`));
  const assets = await client.driveAssets({ first: 10 });
  lines.push(...assets.edges.map((e) => e.node.url), (await client.driveAsset({ id: 'x' }))?.urlExpiresAt ?? '-');
  lines.push((await client.article({ id: 'x' }))?.updatedAt ?? '-');

  const deleted = await client.deleteCategory({ id: categoryId });
  switch (deleted.__typename) {
    case 'DeleteCategorySuccess':
      lines.push(deleted.deletedId);
      break;
    case 'CategoryNotEmptyError':
      lines.push(`${deleted.childCount} children, ${deleted.articleCount} articles`);
      break;
    case 'NotFoundError':
      lines.push(deleted.message);
      break;
    default: {
      const unhandled: never = deleted;
      return unhandled;
    }
  }
  await client.deleteArticle({ id: 'x' });
  await client.deleteDriveAsset({ id: 'x' });

  try {
    await client.deleteArticle({ id: 'x' });
  } catch (error) {
    if (error instanceof ForbiddenError && error.requiredMethod === 'DELETE') lines.push('needs DELETE');
    if (error instanceof DriveLinkError) {
      const reason: 'INVALID_OR_EXPIRED' | 'NOT_FOUND' = error.reason;
      lines.push(reason);
    }
  }
  return lines;
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

  // @ts-expect-error: a file is a Blob, a File or bytes, not a path
  await client.uploadDriveAsset({ file: './a.png' });
  // @ts-expect-error: bytes need a file name
  await client.uploadDriveAsset({ file: new Uint8Array(3) });
  // @ts-expect-error: the upload takes the file itself, not an input object
  await client.uploadDriveAsset({ input: { file: new Blob(['x']) } });
  // @ts-expect-error: the File scalar is not a string
  await client.request(UploadDriveAssetDocument, { input: { file: 'a.png' } });
  // @ts-expect-error: no such article status
  await client.articles({ status: 'ARCHIVED' });
  // @ts-expect-error: a category id is a string
  await client.articles({ categoryId: 3 });
  // @ts-expect-error: categoryId is required
  await client.createArticle({ title: 'T' });
  // @ts-expect-error: tags are strings
  await client.createArticle({ title: 'T', categoryId: 'c', tags: [1] });
  // @ts-expect-error: category needs an id
  await client.category({ first: 5 });
  // @ts-expect-error: categories takes no variables
  await client.categories({ first: 5 });
  // @ts-expect-error: a drive link is a URL string or an object with one
  await client.downloadDriveAsset({ id: 'x' });
  const deletion = await client.deleteCategory({ id: 'x' });
  // @ts-expect-error: the counts exist only on CategoryNotEmptyError; narrow on __typename first
  void deletion.articleCount;
  const upload = await client.uploadDriveAsset({ file: new Blob(['x']) });
  // @ts-expect-error: maxBytes exists only on FileTooLargeError
  void upload.maxBytes;
  if (upload.__typename === 'UploadDriveAssetSuccess') {
    // @ts-expect-error: byteSize is a number
    const size: string = upload.driveAsset.byteSize;
    // @ts-expect-error: DriveAsset has no data field; follow its url
    void upload.driveAsset.data;
    void size;
  }
  try {
    await client.deleteArticle({ id: 'x' });
  } catch (error) {
    if (error instanceof ForbiddenError) {
      // @ts-expect-error: requiredMethod may be undefined (not a method refusal)
      const method: string = error.requiredMethod;
      void method;
    }
  }

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

// The audit log: typed fields, and no field that is not in the schema.
export async function auditLog(client: ReturnType<typeof createClient>) {
  const page = await client.auditEvents({ first: 10 });
  const actions: string[] = page.edges.map((edge) => edge.node.action);
  // @ts-expect-error -- AuditEvent has no token secret
  page.edges[0]?.node.token;
  return actions;
}
