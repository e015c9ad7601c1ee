import { type DefaultConnectionArguments, type PageInfoShape, resolveCursorConnection } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, type Keyset, type KeysetPage } from '../server/db/keyset.js';

export const MAX_PAGE_SIZE = 100;

function cursorArg(cursor: string | undefined): Keyset | null {
  if (cursor === undefined) return null;
  const keyset = decodeCursor(cursor);
  if (!keyset) {
    throw new GraphQLError('Invalid cursor', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return keyset;
}

/** A Relay connection over a newest-first keyset list; `first` is capped at 100. */
export async function keysetConnection<T extends object>(
  args: DefaultConnectionArguments,
  fetch: (page: KeysetPage) => Promise<T[]>,
  keyOf: (node: T) => Keyset = (node) => node as unknown as Keyset,
): Promise<{ edges: { cursor: string; node: T }[]; pageInfo: PageInfoShape }> {
  // The helper's generics lose T through the callback; the nodes are exactly what fetch returned.
  const connection = (await resolveCursorConnection(
    { args, toCursor: (node) => encodeCursor(keyOf(node as T)), maxSize: MAX_PAGE_SIZE },
    ({ after, before, limit, inverted }): Promise<T[]> =>
      fetch({ after: cursorArg(after), before: cursorArg(before), limit, inverted }),
  )) as { edges: { cursor: string; node: T }[]; pageInfo: PageInfoShape };
  // An empty page has no cursors (the helper would echo the request's or give "").
  if (connection.edges.length === 0) {
    connection.pageInfo = { ...connection.pageInfo, startCursor: null, endCursor: null };
  }
  return connection;
}
