import type { ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Anything shaped like an API token, even one the caller typed into a wrong field. */
const TOKEN_LIKE = /kbg_[0-9A-Za-z]{8,}/g;
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * The last look at every error before it is sent:
 * - a token-shaped string is never echoed, not even from the caller's own
 *   input (GraphQL quotes invalid variable values in its messages);
 * - in production, no "Did you mean …?" hints: they map the schema for a
 *   caller who cannot introspect it;
 * - a document refused before it ran (limits, invalid variables) is a request
 *   error: 400 for clients that accept application/graphql-response+json,
 *   as Yoga already does for its own validation errors.
 */
export function useErrorHygiene(options: { production: boolean }): Plugin {
  return {
    onResultProcess({ result }) {
      if (Symbol.asyncIterator in result) return;
      for (const single of Array.isArray(result) ? result : [result]) clean(single, options.production);
    },
  };
}

function clean(result: ExecutionResult, production: boolean): void {
  const refusedBeforeRunning = !('data' in result) || result.data === undefined;
  for (const error of (result.errors ?? []) as GraphQLError[]) {
    let message = error.message.replace(TOKEN_LIKE, 'kbg_[redacted]');
    if (production) message = message.replace(SUGGESTION, '');
    if (message !== error.message) error.message = message;
    const extensions = error.extensions as Record<string, any> | undefined;
    if (refusedBeforeRunning && extensions && !extensions.http && !extensions.unexpected) {
      extensions.http = { status: 400, spec: true };
    }
  }
}
