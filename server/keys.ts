import { hkdfSync } from 'node:crypto';

/** Every key kbgate uses, each derived from the master secret for one purpose. */
export interface Keys {
  tokenDigest: Buffer;
  tokenEncryption: Buffer;
  sessionSigning: Uint8Array;
  driveLinkSigning: Buffer;
}

const SALT = 'kbgate/v1';

function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, SALT, purpose, 32));
}

export function deriveKeys(secret: string): Keys {
  return {
    tokenDigest: derive(secret, 'api-token digest'),
    tokenEncryption: derive(secret, 'api-token encryption'),
    sessionSigning: derive(secret, 'admin-session jwt'),
    driveLinkSigning: derive(secret, 'drive-link signature'),
  };
}
