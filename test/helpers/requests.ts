import type { App } from '../../server/yoga.js';
import type { GraphQLResponse } from '../support/app.js';

/** POST /graphql to any app instance (e.g. a second one on the same database), like TestApp.gql. */
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
  return { status: response.status, headers: response.headers, body: await response.json() };
}
