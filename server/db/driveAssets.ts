import type { Kysely } from 'kysely';
import type { Database, DriveAssetRow } from './database.js';
import { type KeysetPage, newestFirstBounds, newestFirstDirection } from './keyset.js';

type Db = Kysely<Database>;

export function findDriveAsset(db: Db, projectId: string, id: string): Promise<DriveAssetRow | undefined> {
  return db
    .selectFrom('drive_assets')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The ids among `ids` that are assets of the project. */
export async function existingDriveAssetIds(db: Db, projectId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('drive_assets')
    .select('id')
    .where('project_id', '=', projectId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export function listDriveAssets(db: Db, projectId: string, page: KeysetPage): Promise<DriveAssetRow[]> {
  const direction = newestFirstDirection(page);
  return db
    .selectFrom('drive_assets')
    .selectAll()
    .where('project_id', '=', projectId)
    .where((eb) => eb.and(newestFirstBounds(page)))
    .orderBy('created_at', direction)
    .orderBy('id', direction)
    .limit(page.limit)
    .execute();
}

export async function insertDriveAsset(
  db: Db,
  asset: Pick<DriveAssetRow, 'project_id' | 'file_name' | 'content_type' | 'byte_size' | 'sha256'>,
  data: Uint8Array,
): Promise<DriveAssetRow> {
  const row = await db.insertInto('drive_assets').values(asset).returningAll().executeTakeFirstOrThrow();
  await db.insertInto('drive_asset_contents').values({ asset_id: row.id, data }).execute();
  return row;
}

export function deleteDriveAsset(db: Db, projectId: string, id: string): Promise<DriveAssetRow | undefined> {
  return db
    .deleteFrom('drive_assets')
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** The asset and its bytes, for the /drive route. */
export function readDriveAsset(db: Db, id: string): Promise<(DriveAssetRow & { data: Uint8Array }) | undefined> {
  return db
    .selectFrom('drive_assets as d')
    .innerJoin('drive_asset_contents as c', 'c.asset_id', 'd.id')
    .selectAll('d')
    .select('c.data')
    .where('d.id', '=', id)
    .executeTakeFirst();
}
