export {
  type Client,
  type ClientOptions,
  createClient,
  type Document,
  type FetchLike,
  type ResultOf,
  type VariablesArgs,
  type VariablesOf,
} from './client.js';
export {
  AuthenticationError,
  ForbiddenError,
  type GraphQLErrorPayload,
  GraphQLRequestError,
  KbgateError,
  NetworkError,
  RateLimitError,
} from './errors.js';
export * from './_generated/graphql.js';
