import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed drive links: `/drive/<assetId>?expires=<unix s>&token=<token id>&signature=<hmac>`.
 * The signature covers every part, so changing any of them (or dropping the
 * token) breaks it. `token` is empty for links handed to an admin session.
 */
export interface DriveLink {
  assetId: string;
  /** Unix seconds. */
  expires: number;
  /** The API token the link was issued to; its deletion ends the link. */
  tokenId: string | null;
}

function signature(key: Buffer, link: DriveLink): Buffer {
  return createHmac('sha256', key)
    .update(`drive-link\n${link.assetId}\n${link.expires}\n${link.tokenId ?? ''}`)
    .digest();
}

export function signDriveLink(key: Buffer, publicUrl: string, link: DriveLink): string {
  const query = new URLSearchParams({
    expires: String(link.expires),
    token: link.tokenId ?? '',
    signature: signature(key, link).toString('base64url'),
  });
  return `${publicUrl}/drive/${link.assetId}?${query}`;
}

const PATH = /^\/drive\/([0-9a-f-]{36})$/;
const SIGNATURE = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

/** The link a request URL carries when its signature is intact; expiry is the caller's check. */
export function readDriveLink(key: Buffer, url: URL): DriveLink | null {
  const match = PATH.exec(url.pathname);
  const expires = url.searchParams.get('expires');
  const token = url.searchParams.get('token');
  const given = url.searchParams.get('signature');
  if (!match || expires === null || !/^\d{1,12}$/.test(expires) || token === null || given === null) return null;
  // Exactly the canonical spelling: Node's base64url decoder would accept variants of the same bytes.
  if (!SIGNATURE.test(given)) return null;
  if ([...url.searchParams.keys()].length !== 3) return null;
  const link: DriveLink = { assetId: match[1]!, expires: Number(expires), tokenId: token || null };
  const expected = signature(key, link);
  const presented = Buffer.from(given, 'base64url');
  return presented.length === expected.length && timingSafeEqual(presented, expected) ? link : null;
}
