import type { GraphQLResponse, TestApp } from './app.js';

/** A valid 1×1 PNG (signature, IHDR, IDAT, IEND with correct CRCs), 70 bytes. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export const DRIVE_ASSET_FIELDS = 'id fileName contentType byteSize url urlExpiresAt createdAt';

export const UPLOAD_MUTATION = `mutation ($input: UploadDriveAssetInput!) {
  uploadDriveAsset(input: $input) {
    __typename
    ... on Error { code message }
    ... on FileTooLargeError { maxBytes }
    ... on UploadDriveAssetSuccess { driveAsset { ${DRIVE_ASSET_FIELDS} } }
  }
}`;

/**
 * uploadDriveAsset as a GraphQL multipart request (operations, map, one file
 * part), with the CSRF header Yoga asks of multipart requests.
 */
export async function upload(
  t: TestApp,
  credential: string | null,
  bytes: Uint8Array,
  fileName: string,
  type: string,
  query = UPLOAD_MUTATION,
): Promise<GraphQLResponse> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query, variables: { input: { file: null } } }));
  form.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
  // The copy is backed by a plain ArrayBuffer, which is what BlobPart's type asks for.
  form.set('0', new File([new Uint8Array(bytes)], fileName, { type }));
  const response = await t.fetch('/graphql', {
    method: 'POST',
    headers: { 'x-graphql-yoga-csrf': '1', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
    body: form,
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** The `field` result of a response, insisting that it is `typename`. */
export function resultOf(response: GraphQLResponse, field: string, typename: string): any {
  const result = response.body.data?.[field];
  if (result?.__typename !== typename) throw new Error(`${field} failed: ${JSON.stringify(response.body)}`);
  return result;
}

/** Uploads a file and returns the DriveAsset, or throws. */
export async function seedAsset(
  t: TestApp,
  credential: string,
  bytes: Uint8Array = PNG_1X1,
  fileName = 'pixel.png',
  type = 'image/png',
) {
  const response = await upload(t, credential, bytes, fileName, type);
  return resultOf(response, 'uploadDriveAsset', 'UploadDriveAssetSuccess').driveAsset;
}

/** Creates a category and returns its global id, or throws. */
export async function seedCategory(t: TestApp, credential: string, name: string, parentId?: string): Promise<string> {
  const response = await t.gql(
    `mutation ($input: CreateCategoryInput!) {
      createCategory(input: $input) { __typename ... on CreateCategorySuccess { category { id } } }
    }`,
    { input: { name, parentId } },
    credential,
  );
  return resultOf(response, 'createCategory', 'CreateCategorySuccess').category.id;
}

/** Creates an article and returns its global id, or throws. */
export async function seedArticle(
  t: TestApp,
  credential: string,
  input: { title: string; categoryId: string; content?: string; tags?: string[]; status?: string; assetIds?: string[] },
): Promise<string> {
  const response = await t.gql(
    `mutation ($input: CreateArticleInput!) {
      createArticle(input: $input) { __typename ... on CreateArticleSuccess { article { id } } }
    }`,
    { input },
    credential,
  );
  return resultOf(response, 'createArticle', 'CreateArticleSuccess').article.id;
}
