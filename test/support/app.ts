import { encodeGlobalID } from '@pothos/plugin-relay';
import { DEFAULT_LIMITS } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { recordLog, recordResponse } from './leaks.js';
import type { DatabaseHandle } from '../../server/db/connect.js';
import { type App, type AppConfig, createApp } from '../../server/yoga.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const TEST_CONFIG: AppConfig = {
  secret: 'test-secret-test-secret-test-secret-0123456789',
  operatorKey: 'test-operator-key-0123456789abcdef',
  production: false,
  publicUrl: 'http://kbgate.test',
  maxUploadBytes: 25 * 1024 * 1024,
  limits: DEFAULT_LIMITS,
};

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  body: { data?: T; errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[] };
}

export interface TestApp {
  app: App;
  database: TestDatabase;
  /** POST /graphql through the real Yoga app, with an optional credential. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, credential?: string | null, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Any request to the app, e.g. GET /healthz. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  operatorKey: string;
  /** Creates a project through the operator API; returns its global id. */
  createProject(input?: { name?: string; plan?: string; apiTokenLimit?: number | null }): Promise<string>;
  /** Sets a project's API-token requests per minute through the operator API. */
  setRateLimit(projectId: string, perMinute: number | null): Promise<void>;
  /** Issues an admin session through the operator API. */
  adminSession(projectId: string, role?: 'OWNER' | 'ADMIN' | 'EDITOR' | 'READER', userId?: string): Promise<string>;
  /** Creates an API token as the given admin; returns its global id and secret. */
  createToken(session: string, input?: { name?: string; allowedMethods?: string[]; driveAssetAccessValidityMinutes?: number }): Promise<{ id: string; token: string }>;
  close(): Promise<void>;
}

/** Debug-level logs, captured for the leak check rather than printed. */
const logger = createLogger({ level: 'debug', destination: { write: (line: string) => recordLog(line) } });

export function appOn(handle: DatabaseHandle, config: AppConfig = TEST_CONFIG, clock?: () => number): App {
  return createApp({ config, database: handle, logger, clock });
}

/** POST /graphql to any app instance (e.g. a second one on the same database). */
export async function gqlOn<T = any>(
  app: App,
  query: string,
  variables: Record<string, unknown> = {},
  credential?: string | null,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await app.yoga.fetch(
    new Request('http://kbgate.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(credential ? { authorization: `Bearer ${credential}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    }),
  );
  const body = await response.json();
  recordResponse(body, response.headers);
  return { status: response.status, headers: response.headers, body };
}

let tokenCounter = 0;

/** A fresh migrated database and the real app on it; close() drops it all. */
export async function createTestApp(
  options: { pgliteDir?: string; config?: Partial<AppConfig>; clock?: () => number } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(options);
  const config = { ...TEST_CONFIG, ...options.config };
  const app = appOn(database.handle, config, options.clock);

  const fetch = async (path: string, init?: RequestInit) => {
    const response = await app.yoga.fetch(new Request(`http://kbgate.test${path}`, init));
    if (response.headers.get('content-type')?.includes('json')) {
      recordResponse(await response.clone().json(), response.headers);
    }
    return response;
  };

  const gql: TestApp['gql'] = (query, variables, credential, headers) =>
    gqlOn(app, query, variables, credential, headers);

  const expectData = <T>(response: GraphQLResponse<T>, typename: string, field: string): any => {
    const result = (response.body.data as any)?.[field];
    if (result?.__typename !== typename) {
      throw new Error(`${field} failed: ${JSON.stringify(response.body)}`);
    }
    return result;
  };

  const testApp: TestApp = {
    app,
    database,
    gql,
    fetch,
    operatorKey: config.operatorKey,
    async createProject(input = {}) {
      const response = await gql(
        `mutation ($input: CreateProjectInput!) {
          createProject(input: $input) { __typename ... on CreateProjectSuccess { project { id } } }
        }`,
        { input: { name: 'Acme docs', plan: 'BUSINESS', ...input } },
        config.operatorKey,
      );
      return expectData(response, 'CreateProjectSuccess', 'createProject').project.id;
    },
    async setRateLimit(projectId, perMinute) {
      const response = await gql(
        `mutation ($input: UpdateProjectInput!) {
          updateProject(input: $input) { __typename }
        }`,
        { input: { id: projectId, rateLimitPerMinute: perMinute } },
        config.operatorKey,
      );
      expectData(response, 'UpdateProjectSuccess', 'updateProject');
    },
    async adminSession(projectId, role = 'OWNER', userId = `user-${role.toLowerCase()}`) {
      const response = await gql(
        `mutation ($input: CreateAdminSessionInput!) {
          createAdminSession(input: $input) { __typename ... on CreateAdminSessionSuccess { token } }
        }`,
        { input: { projectId, role, userId } },
        config.operatorKey,
      );
      return expectData(response, 'CreateAdminSessionSuccess', 'createAdminSession').token;
    },
    async createToken(session, input = {}) {
      const response = await gql(
        `mutation ($input: CreateApiTokenInput!) {
          createApiToken(input: $input) { __typename ... on CreateApiTokenSuccess { token apiToken { id } } }
        }`,
        { input: { name: `token ${++tokenCounter}`, allowedMethods: ['GET'], ...input } },
        session,
      );
      const result = expectData(response, 'CreateApiTokenSuccess', 'createApiToken');
      return { id: result.apiToken.id, token: result.token };
    },
    close: async () => {
      await app.stop().catch(() => {}); // a test may have closed the database on purpose
      await database.destroy();
    },
  };
  return testApp;
}

export const globalId = encodeGlobalID;
