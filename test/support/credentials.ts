import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { SignJWT } from 'jose';
import { deriveKeys } from '../../server/keys.js';
import { TEST_CONFIG } from './app.js';

// Written from API.md §2, not imported from server/tokens, so the tests check the format independently.
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(value: number, width: number): string {
  let out = '';
  let rest = value;
  do {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, '0');
}

export function randomBase62(length: number): string {
  return Array.from(randomBytes(length), (byte) => BASE62[byte % 62]).join('');
}

export function tokenChecksum(random: string): string {
  return base62(crc32(random), 6);
}

/** A token of the right shape with a correct CRC-32 checksum, that no server issued. */
export function wellFormedToken(random = randomBase62(32)): string {
  return `kbg_${random}${tokenChecksum(random)}`;
}

/** The 32 random characters of a token. */
export function randomPart(token: string): string {
  return token.slice(4, 36);
}

/** The same string with the character at `index` replaced by a different base62 character. */
export function flipChar(value: string, index: number): string {
  const i = index < 0 ? value.length + index : index;
  const replacement = value[i] === 'A' ? 'B' : 'A';
  return value.slice(0, i) + replacement + value.slice(i + 1);
}

export interface SessionClaims {
  sub: string;
  pid: string;
  role: 'OWNER' | 'ADMIN' | 'EDITOR' | 'READER';
  iat: number;
  exp: number;
}

/** Signs an admin session as the server would (HKDF-derived HS256 key), with any claims. */
export function signSession(claims: SessionClaims, secret = TEST_CONFIG.secret): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer('kbgate')
    .setAudience('kbgate-admin')
    .sign(deriveKeys(secret).sessionSigning);
}

export function decodeJwtPart(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

export function encodeJwtPart(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
