import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Role } from './db/database.js';

const ISSUER = 'kbgate';
const AUDIENCE = 'kbgate-admin';

export interface AdminSessionClaims {
  userId: string;
  projectId: string;
  role: Role;
}

export async function issueAdminSession(
  key: Uint8Array,
  claims: AdminSessionClaims,
  ttlSeconds: number,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  const token = await new SignJWT({ pid: claims.projectId, role: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key);
  return { token, expiresAt: new Date(exp * 1000) };
}

const payloadSchema = z.object({
  sub: z.string().min(1),
  pid: z.uuid(),
  role: z.enum(['OWNER', 'ADMIN', 'EDITOR', 'READER']),
});

/** null for any session that is forged, tampered with, expired or malformed. */
export async function verifyAdminSession(key: Uint8Array, token: string): Promise<AdminSessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['sub', 'iat', 'exp'],
    });
    const claims = payloadSchema.safeParse(payload);
    return claims.success
      ? { userId: claims.data.sub, projectId: claims.data.pid, role: claims.data.role }
      : null;
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}

export function looksLikeJwt(candidate: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(candidate);
}
