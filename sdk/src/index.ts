export {
  type Client,
  type ClientOptions,
  createClient,
  type Document,
  type FetchLike,
  type FetchResponseLike,
  type ResultOf,
  type UploadDriveAssetArgs,
  type VariablesArgs,
  type VariablesOf,
} from './client.js';
export { type DriveAssetDownload, fetchDriveAsset } from './drive.js';
export {
  AuthenticationError,
  DriveLinkError,
  ForbiddenError,
  type GraphQLErrorPayload,
  GraphQLRequestError,
  KbgateError,
  NetworkError,
  RateLimitError,
} from './errors.js';
export type { BlobLike, FileLike } from './upload.js';
export * from './_generated/graphql.js';
