import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { type AuthFailure, AuthScopeFailureType } from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { unauthenticated } from '../server/auth.js';
import type { Context } from '../server/context.js';
import type { HttpMethod } from '../server/db/database.js';
import type { Principal } from '../server/principal.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: {
    /** Any valid credential. */
    authenticated: boolean;
    operator: boolean;
    /** An admin session with OWNER or ADMIN role. */
    manageTokens: boolean;
    /** A knowledge-base field's HTTP method, allowed to the credential. */
    method: HttpMethod;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    File: { Input: File; Output: never };
  };
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
      method: (method) => principal !== null && mayUse(principal, method),
    }),
    unauthorizedError: (_parent, { principal }, _info, result) => {
      if (principal === null) return unauthenticated();
      const requiredMethod = requiredMethodOf(result.failure);
      return new GraphQLError(
        requiredMethod
          ? `Your credential does not allow ${requiredMethod} requests`
          : 'Your credential does not allow this',
        { extensions: { code: 'FORBIDDEN', ...(requiredMethod && { requiredMethod }) } },
      );
    },
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

/** API tokens by their allowed methods; admin sessions by role (READER may only GET). */
function mayUse(principal: Principal, method: HttpMethod): boolean {
  switch (principal.kind) {
    case 'API_TOKEN':
      return principal.allowedMethods.includes(method);
    case 'ADMIN':
      return method === 'GET' || principal.role !== 'READER';
    case 'OPERATOR':
      return false;
  }
}

function requiredMethodOf(failure: AuthFailure): HttpMethod | null {
  if (failure.kind === AuthScopeFailureType.AuthScope && failure.scope === 'method') {
    return failure.parameter as HttpMethod;
  }
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    for (const inner of failure.failures) {
      const method = requiredMethodOf(inner);
      if (method) return method;
    }
  }
  return null;
}

builder.addScalarType('DateTime', DateTimeResolver);
builder.scalarType('File', {
  description: 'A file sent as a part of a GraphQL multipart request.',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
  // Only a file part of a multipart request is a File; a JSON value or a text part is refused.
  parseValue: (value) => {
    // Duck-typed: the multipart parser's File may be a ponyfill rather than the global class.
    const file = value as Partial<File> | null;
    if (typeof file?.arrayBuffer === 'function' && typeof file.name === 'string' && typeof file.size === 'number') {
      return value as File;
    }
    throw new GraphQLError('Expected a file part of a GraphQL multipart request (with a file name)');
  },
  parseLiteral: () => {
    throw new GraphQLError('A file cannot be written inline; send it as a multipart request part');
  },
});
builder.queryType();
builder.mutationType();
