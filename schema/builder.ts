import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { unauthenticated } from '../server/auth.js';
import type { Context } from '../server/context.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: {
    /** Any valid credential. */
    authenticated: boolean;
    operator: boolean;
    /** An admin session with OWNER or ADMIN role. */
    manageTokens: boolean;
  };
  Scalars: { DateTime: { Input: Date; Output: Date } };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  defaultFieldNullability: false,
  // scope-auth first, so authorization wraps everything else a field does.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin],
  scopeAuth: {
    authScopes: ({ principal }) => ({
      authenticated: principal !== null,
      operator: principal?.kind === 'OPERATOR',
      manageTokens:
        principal?.kind === 'ADMIN' && (principal.role === 'OWNER' || principal.role === 'ADMIN'),
    }),
    unauthorizedError: (_parent, { principal }) =>
      principal === null
        ? unauthenticated()
        : new GraphQLError('Your credential does not allow this', {
            extensions: { code: 'FORBIDDEN' },
          }),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Global node lookup would bypass the per-project rules; every type has its own query.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
});

builder.addScalarType('DateTime', DateTimeResolver);
builder.queryType();
builder.mutationType();
