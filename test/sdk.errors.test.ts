import { describe, expect, test } from 'vitest';
import {
  AuthenticationError,
  createClient,
  CreateApiTokenDocument,
  type FetchLike,
  ForbiddenError,
  GraphQLRequestError,
  KbgateError,
  NetworkError,
  RateLimitError,
} from '../sdk/src/index.js';

// How the client turns HTTP and GraphQL failures into its error classes, on answers the
// live test (test/sdk.test.ts) cannot easily provoke from the real server.

const CREDENTIAL = 'kbg_SecretSecretSecretSecretSecret0000AAAAAA';

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: { query: string; variables: unknown };
}

function clientAnswering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (url, init) => {
    sent.push({ url, headers: init.headers, body: JSON.parse(String(init.body)) });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers });
  };
  return { client: createClient({ url: 'http://kbgate.test/graphql', credential: CREDENTIAL, fetch }), sent };
}

async function failure(promise: Promise<unknown>): Promise<KbgateError> {
  const error = await promise.then(
    () => { throw new Error('expected a rejection'); },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KbgateError);
  const { message } = error as KbgateError;
  expect(message).not.toContain(CREDENTIAL);
  return error as KbgateError;
}

describe('requests', () => {
  test('POSTs the document and variables with the credential as a bearer token', async () => {
    const { client, sent } = clientAnswering(200, { data: { viewer: { kind: 'API_TOKEN' } } });
    const extra = createClient({
      url: 'http://kbgate.test/graphql',
      credential: CREDENTIAL,
      headers: { Authorization: 'Bearer someone-else', 'X-Trace': 't1' },
      fetch: async (url, init) => {
        sent.push({ url, headers: init.headers, body: JSON.parse(String(init.body)) });
        return new Response('{"data":{"viewer":{}}}');
      },
    });
    await client.viewer();
    await extra.viewer();
    expect(sent[0]!.headers).toMatchObject({ authorization: `Bearer ${CREDENTIAL}`, 'content-type': 'application/json' });
    expect(sent[0]!.body.query).toMatch(/^\s*query Viewer \{/);
    expect(sent[1]!.headers).toMatchObject({ authorization: `Bearer ${CREDENTIAL}`, 'x-trace': 't1' });
    expect(Object.keys(sent[1]!.headers).filter((name) => name.toLowerCase() === 'authorization')).toHaveLength(1);
  });

  test('request() sends a generated document with its variables and returns its data', async () => {
    const data = { createApiToken: { __typename: 'NameTakenError', code: 'NAME_TAKEN', message: 'taken' } };
    const { client, sent } = clientAnswering(200, { data });
    const input = { name: 'Sync', allowedMethods: ['GET' as const] };
    await expect(client.request(CreateApiTokenDocument, { input })).resolves.toEqual(data);
    expect(sent[0]!.body.variables).toEqual({ input });
  });
});

describe('errors', () => {
  test('HTTP 429 is a RateLimitError with the rate-limit headers', async () => {
    const { client } = clientAnswering(429, 'Too Many Requests', {
      'X-RateLimit-Limit': '60',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': '1767225600',
      'Retry-After': '17',
    });
    const error = await failure(client.apiTokens());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, limit: 60, remaining: 0, reset: 1767225600, retryAfter: 17 });
  });

  test('HTTP 429 without headers leaves the fields undefined', async () => {
    const { client } = clientAnswering(429, { errors: [{ message: 'slow down' }] });
    const error = await failure(client.viewer());
    expect(error).toMatchObject({ limit: undefined, remaining: undefined, reset: undefined, retryAfter: undefined });
  });

  test('UNAUTHENTICATED is an AuthenticationError', async () => {
    const { client } = clientAnswering(401, {
      errors: [{ message: 'Missing, invalid or expired credential', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const error = await failure(client.viewer());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, message: 'Missing, invalid or expired credential' });
  });

  test('FORBIDDEN is a ForbiddenError carrying the required method', async () => {
    const { client } = clientAnswering(200, {
      data: null,
      errors: [{ message: 'Your token may not POST', path: ['createApiToken'], extensions: { code: 'FORBIDDEN', requiredMethod: 'POST' } }],
    });
    const error = await failure(client.createApiToken({ name: 'x', allowedMethods: ['GET'] }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).requiredMethod).toBe('POST');
  });

  test('any other GraphQL error is a GraphQLRequestError with the errors array', async () => {
    const errors = [{ message: 'Unexpected error.', path: ['viewer'] }];
    const { client } = clientAnswering(200, { data: null, errors });
    const error = await failure(client.viewer());
    expect(error).toBeInstanceOf(GraphQLRequestError);
    expect((error as GraphQLRequestError).errors).toEqual(errors);
  });

  test('a fetch that throws is a NetworkError that keeps the cause', async () => {
    const cause = new Error(`connect ECONNREFUSED (sent ${CREDENTIAL})`);
    const client = createClient({
      url: 'http://kbgate.test/graphql',
      credential: CREDENTIAL,
      fetch: async () => { throw cause; },
    });
    const error = await failure(client.viewer());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.cause).toBe(cause);
  });

  test('a response that is not GraphQL is a NetworkError with its status', async () => {
    const { client } = clientAnswering(502, '<html>Bad Gateway</html>', { 'content-type': 'text/html' });
    const error = await failure(client.viewer());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.status).toBe(502);
  });

  test('a credential echoed by the server is redacted from messages and errors', async () => {
    const { client } = clientAnswering(401, {
      errors: [{ message: `bad token ${CREDENTIAL}`, extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const error = (await failure(client.viewer())) as AuthenticationError;
    expect(JSON.stringify(error.errors)).not.toContain(CREDENTIAL);
  });
});
