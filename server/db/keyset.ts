import { type Expression, type SqlBool, sql } from 'kysely';

/** Position of a row in a (created_at, id) ordering; opaque to clients as a cursor. */
export interface Keyset {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor({ createdAt, id }: Keyset): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

/** null for anything that is not a cursor this server issued. */
export function decodeCursor(cursor: string): Keyset | null {
  const [iso, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (rest.length > 0 || !id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id };
}

export interface KeysetPage {
  after: Keyset | null;
  before: Keyset | null;
  limit: number;
  /** Fetch from the far end (a `last` page); the caller reverses the rows. */
  inverted: boolean;
}

/** Conditions that place a row of a newest-first list after `after` and before `before`. */
export function newestFirstBounds(page: KeysetPage, timeColumn = 'created_at'): Expression<SqlBool>[] {
  const bounds: Expression<SqlBool>[] = [];
  const key = sql`(${sql.ref(timeColumn)}, id)`;
  if (page.after) {
    bounds.push(sql<SqlBool>`${key} < (${page.after.createdAt}, cast(${page.after.id} as uuid))`);
  }
  if (page.before) {
    bounds.push(sql<SqlBool>`${key} > (${page.before.createdAt}, cast(${page.before.id} as uuid))`);
  }
  return bounds;
}

export function newestFirstDirection(page: KeysetPage): 'asc' | 'desc' {
  return page.inverted ? 'asc' : 'desc';
}
