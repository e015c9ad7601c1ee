import type { Kysely } from 'kysely';
import type { ApiTokenRow, ApiTokenUpdate, Database, NewApiToken, ProjectRow } from './database.js';
import { type KeysetPage, newestFirstBounds, newestFirstDirection } from './keyset.js';

type Db = Kysely<Database>;

/** Every column but the secret ones; what the API shows of a token. */
export type ApiTokenRecord = Omit<ApiTokenRow, 'token_digest' | 'token_ciphertext'>;

const PUBLIC_COLUMNS = [
  'id',
  'project_id',
  'name',
  'masked_token',
  'allowed_methods',
  'drive_asset_access_validity_minutes',
  'created_by',
  'created_at',
  'updated_at',
  'last_used_at',
] as const;

export function findApiToken(db: Db, projectId: string, id: string): Promise<ApiTokenRecord | undefined> {
  return db
    .selectFrom('api_tokens')
    .select(PUBLIC_COLUMNS)
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findApiTokenCiphertext(
  db: Db,
  projectId: string,
  id: string,
): Promise<Pick<ApiTokenRow, 'id' | 'name' | 'token_ciphertext'> | undefined> {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'token_ciphertext'])
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A token with what its project's plan says about it. */
export type TokenForVerification = ApiTokenRecord & Pick<ProjectRow, 'plan' | 'rate_limit_per_minute'>;

/** The verification lookup: one indexed query by digest, joined to the project for its plan. */
export function findApiTokenByDigest(db: Db, digest: Uint8Array): Promise<TokenForVerification | undefined> {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('projects as p', 'p.id', 't.project_id')
    .select(PUBLIC_COLUMNS.map((c) => `t.${c}` as const))
    .select(['p.plan', 'p.rate_limit_per_minute'])
    .where('t.token_digest', '=', digest)
    .executeTakeFirst();
}

export async function countApiTokens(db: Db, projectId: string): Promise<number> {
  const { count } = await db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('project_id', '=', projectId)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export function nameIsTaken(db: Db, projectId: string, name: string, exceptId?: string): Promise<boolean> {
  let query = db
    .selectFrom('api_tokens')
    .select('id')
    .where('project_id', '=', projectId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst().then(Boolean);
}

export function insertApiToken(db: Db, token: NewApiToken): Promise<ApiTokenRecord> {
  return db.insertInto('api_tokens').values(token).returning(PUBLIC_COLUMNS).executeTakeFirstOrThrow();
}

export function updateApiToken(
  db: Db,
  projectId: string,
  id: string,
  patch: ApiTokenUpdate,
): Promise<ApiTokenRecord | undefined> {
  return db
    .updateTable('api_tokens')
    .set({ ...patch, updated_at: new Date() })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirst();
}

export function deleteApiToken(db: Db, projectId: string, id: string): Promise<ApiTokenRecord | undefined> {
  return db
    .deleteFrom('api_tokens')
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirst();
}

/** Newest first, one keyset page. */
export function listApiTokens(db: Db, projectId: string, page: KeysetPage): Promise<ApiTokenRecord[]> {
  const direction = newestFirstDirection(page);
  return db
    .selectFrom('api_tokens')
    .select(PUBLIC_COLUMNS)
    .where('project_id', '=', projectId)
    .where((eb) => eb.and(newestFirstBounds(page)))
    .orderBy('created_at', direction)
    .orderBy('id', direction)
    .limit(page.limit)
    .execute();
}

/** The project and plan of a token, if it still exists: whether links issued to it still work. */
export function findApiTokenPlan(
  db: Db,
  id: string,
): Promise<{ project_id: string; plan: ProjectRow['plan'] } | undefined> {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('projects as p', 'p.id', 't.project_id')
    .select(['t.project_id', 'p.plan'])
    .where('t.id', '=', id)
    .executeTakeFirst();
}
