import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** Keyed digest used to look a token up; without the key it cannot be brute-forced offline. */
export function digestToken(token: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(token).digest();
}

const IV_LENGTH = 12;
const TAG_LENGTH = 16;

/**
 * AES-256-GCM, laid out as iv | tag | ciphertext. The token's id is bound as
 * associated data, so a ciphertext moved to another row does not decrypt.
 */
export function encryptToken(token: string, key: Buffer, tokenId: string): Buffer {
  const iv = randomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(tokenId));
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function decryptToken(sealed: Uint8Array, key: Buffer, tokenId: string): string {
  const buf = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, IV_LENGTH));
  decipher.setAAD(Buffer.from(tokenId));
  decipher.setAuthTag(buf.subarray(IV_LENGTH, IV_LENGTH + TAG_LENGTH));
  return Buffer.concat([
    decipher.update(buf.subarray(IV_LENGTH + TAG_LENGTH)),
    decipher.final(),
  ]).toString('utf8');
}
