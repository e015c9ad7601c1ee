import type { Plugin } from 'graphql-yoga';
import type { Kysely } from 'kysely';
import { findApiTokenPlan } from '../db/apiTokens.js';
import type { Database } from '../db/database.js';
import { readDriveAsset } from '../db/driveAssets.js';
import { planIncludesApiTokens } from '../plans.js';
import { readDriveLink } from '../drive/links.js';

/** Types a browser may show in place; anything else (HTML, SVG, scripts) is a download. */
const INLINE = /^(image\/(png|jpeg|gif|webp|avif|bmp)|application\/pdf|video\/[\w.+-]+|audio\/[\w.+-]+|text\/plain)$/;

/**
 * GET /drive/<asset id>?expires&token&signature: serves an asset's bytes to
 * whoever holds a valid link, no credential needed. 403 for an expired or
 * altered link or one whose token is gone; 404 once the asset is deleted.
 */
export function useDriveRoute(options: { db: Kysely<Database>; linkKey: Buffer; clock: () => number }): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith('/drive/')) return;
      const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
        endResponse(new fetchAPI.Response(`${text}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } }));

      if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed', { allow: 'GET, HEAD' });
      const link = readDriveLink(options.linkKey, url);
      const remaining = link ? link.expires - Math.floor(options.clock() / 1000) : 0;
      if (!link || remaining <= 0) return plain(403, 'This link is invalid or has expired');
      if (link.tokenId) {
        const token = await findApiTokenPlan(options.db, link.tokenId);
        if (!token || !planIncludesApiTokens(token.plan)) return plain(403, 'This link is invalid or has expired');
      }
      const asset = await readDriveAsset(options.db, link.assetId);
      if (!asset) return plain(404, 'This file no longer exists');

      const disposition = INLINE.test(asset.content_type) ? 'inline' : 'attachment';
      const asciiName = asset.file_name.replace(/[^\x20-\x7e]|[%\\]/g, '_');
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : Buffer.from(asset.data), {
          status: 200,
          headers: {
            'content-type': asset.content_type,
            'content-length': String(asset.byte_size),
            'content-disposition': `${disposition}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(asset.file_name)}`,
            'cache-control': `private, max-age=${remaining}`,
            etag: `"${asset.sha256}"`,
            'x-content-type-options': 'nosniff',
            'content-security-policy': "default-src 'none'; sandbox",
          },
        }),
      );
    },
  };
}
