import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * API token format: "kbg_" + 32 base62 chars of randomness + 6 base62 chars of
 * checksum (CRC-32 of the random part), so typos and truncations are caught
 * without touching the database, and secret scanners can recognise a token.
 */
export const TOKEN_PREFIX = 'kbg_';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const TOKEN_PATTERN = new RegExp(
  `^${TOKEN_PREFIX}([0-9A-Za-z]{${RANDOM_LENGTH}})([0-9A-Za-z]{${CHECKSUM_LENGTH}})$`,
);

export function toBase62(value: number, width: number): string {
  let out = '';
  let rest = value;
  do {
    out = ALPHABET[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, '0');
}

export function checksum(random: string): string {
  return toBase62(crc32(random), CHECKSUM_LENGTH);
}

function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    // Rejection sampling: bytes >= 248 would bias the alphabet (248 = 4 * 62).
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export function generateToken(): string {
  const random = randomBase62(RANDOM_LENGTH);
  return `${TOKEN_PREFIX}${random}${checksum(random)}`;
}

/** True when the string has the token's shape and a matching checksum. */
export function isWellFormedToken(candidate: string): boolean {
  const match = TOKEN_PATTERN.exec(candidate);
  return match !== null && checksum(match[1]!) === match[2];
}

export function looksLikeToken(candidate: string): boolean {
  return candidate.startsWith(TOKEN_PREFIX);
}

/** The display form: prefix, first 4 random chars, an ellipsis, last 4 chars. */
export function maskToken(token: string): string {
  const body = token.slice(TOKEN_PREFIX.length);
  return `${TOKEN_PREFIX}${body.slice(0, 4)}…${token.slice(-4)}`;
}
