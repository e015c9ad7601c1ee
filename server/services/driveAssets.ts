import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import * as assets from '../db/driveAssets.js';
import type { KeysetPage } from '../db/keyset.js';
import { signDriveLink } from '../drive/links.js';
import { FileTooLargeError, NotFoundError } from '../errors.js';
import type { Principal } from '../principal.js';
import { type DriveAsset, toDriveAsset } from './model.js';

type Db = Kysely<Database>;

export const ADMIN_LINK_VALIDITY_MINUTES = 15;

export interface DriveSettings {
  publicUrl: string;
  linkKey: Buffer;
  maxUploadBytes: number;
  clock: () => number;
}

/** Uploaded files, kept in PostgreSQL, handed out as signed links. */
export class DriveAssetService {
  constructor(
    private readonly db: Db,
    private readonly settings: DriveSettings,
  ) {}

  async get(projectId: string, id: string): Promise<DriveAsset | null> {
    const row = await assets.findDriveAsset(this.db, projectId, id);
    return row ? toDriveAsset(row) : null;
  }

  async list(projectId: string, page: KeysetPage): Promise<DriveAsset[]> {
    return (await assets.listDriveAssets(this.db, projectId, page)).map(toDriveAsset);
  }

  async upload(projectId: string, file: File): Promise<DriveAsset> {
    if (file.size > this.settings.maxUploadBytes) throw new FileTooLargeError(this.settings.maxUploadBytes);
    const data = new Uint8Array(await file.arrayBuffer());
    const type = await contentType(data, file.type);
    const row = await this.db.transaction().execute((trx) =>
      assets.insertDriveAsset(
        trx,
        {
          project_id: projectId,
          file_name: cleanFileName(file.name),
          content_type: type,
          byte_size: data.byteLength,
          sha256: createHash('sha256').update(data).digest('hex'),
        },
        data,
      ),
    );
    return toDriveAsset(row);
  }

  async delete(projectId: string, id: string): Promise<string> {
    const row = await assets.deleteDriveAsset(this.db, projectId, id);
    if (!row) throw new NotFoundError('Drive asset');
    return row.id;
  }

  /** A link valid for the caller's token's validity (15 minutes for an admin session). */
  link(asset: DriveAsset, principal: Principal): { url: string; expiresAt: Date } {
    const token = principal.kind === 'API_TOKEN' ? principal.token : null;
    const minutes = token?.drive_asset_access_validity_minutes ?? ADMIN_LINK_VALIDITY_MINUTES;
    const expires = Math.floor(this.settings.clock() / 1000) + minutes * 60;
    const url = signDriveLink(this.settings.linkKey, this.settings.publicUrl, {
      assetId: asset.id,
      expires,
      tokenId: token?.id ?? null,
    });
    return { url, expiresAt: new Date(expires * 1000) };
  }
}

/** The sniffed type when the bytes say; else what the upload declared; else octet-stream. */
async function contentType(data: Uint8Array, declared: string): Promise<string> {
  // A file cut short inside a recognised header makes the sniffer throw; it then proves nothing.
  const sniffed = await fileTypeFromBuffer(data).catch(() => undefined);
  if (sniffed) return sniffed.mime;
  return /^[\w.+-]+\/[\w.+-]+$/.test(declared) ? declared.toLowerCase() : 'application/octet-stream';
}

function cleanFileName(name: string): string {
  const cleaned = basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return cleaned.slice(0, 255) || 'file';
}
