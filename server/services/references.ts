import type { Kysely } from 'kysely';
import { findCategory } from '../db/categories.js';
import type { Database } from '../db/database.js';
import { existingDriveAssetIds } from '../db/driveAssets.js';
import type { References } from '../validation.js';

/** What an input may refer to: the project's own categories and drive assets. */
export function projectReferences(db: Kysely<Database>, projectId: string): References {
  return {
    category: async (id) => (await findCategory(db, projectId, id)) !== undefined,
    driveAssets: (ids) => existingDriveAssetIds(db, projectId, ids),
  };
}
