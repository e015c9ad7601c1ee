import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export interface Limits {
  /** Largest non-upload request body, in bytes (413 past it). */
  maxBodyBytes: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Failed authentications a client address may make per minute before 429. */
  authFailuresPerMinute: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 1024 * 1024,
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 20000,
  authFailuresPerMinute: 100,
};

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | null;
  dataDir: string;
  secret: string;
  operatorKey: string;
  production: boolean;
  /** Largest drive-asset upload accepted, in bytes. */
  maxUploadBytes: number;
  limits: Limits;
  /** What a dev start generated for the operator to see once; empty in production. */
  generated: { secret: boolean; operatorKey: boolean };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const MIN_SECRET_LENGTH = 32;

const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  KBGATE_DATA_DIR: z.string().min(1).default('./.kbgate'),
  KBGATE_SECRET: z
    .string()
    .min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`)
    .optional(),
  KBGATE_OPERATOR_KEY: z.string().min(24, 'must be at least 24 characters').optional(),
  KBGATE_PUBLIC_URL: z.url().optional(),
  KBGATE_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).max(1024 * 1024 * 1024).default(25 * 1024 * 1024),
  KBGATE_MAX_BODY_BYTES: count(DEFAULT_LIMITS.maxBodyBytes),
  KBGATE_MAX_DEPTH: count(DEFAULT_LIMITS.maxDepth),
  KBGATE_MAX_ALIASES: count(DEFAULT_LIMITS.maxAliases),
  KBGATE_MAX_DIRECTIVES: count(DEFAULT_LIMITS.maxDirectives),
  KBGATE_MAX_TOKENS: count(DEFAULT_LIMITS.maxTokens),
  KBGATE_MAX_COST: count(DEFAULT_LIMITS.maxCost),
  KBGATE_AUTH_FAILURES_PER_MINUTE: count(DEFAULT_LIMITS.authFailuresPerMinute),
  NODE_ENV: z.string().optional(),
});

/**
 * Reads the process configuration. In dev, missing secrets are generated once
 * and kept in the data dir; in production they must be given.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(nonEmpty(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = resolve(e.KBGATE_DATA_DIR);

  if (production) {
    const missing = [
      !e.KBGATE_SECRET && `KBGATE_SECRET (at least ${MIN_SECRET_LENGTH} random characters)`,
      !e.KBGATE_OPERATOR_KEY && 'KBGATE_OPERATOR_KEY (at least 24 characters)',
    ].filter(Boolean);
    if (missing.length > 0) {
      throw new ConfigError(`NODE_ENV=production requires ${missing.join(' and ')} to be set`);
    }
  }

  const given = (value: string | undefined) => value && { value, generated: false };
  const secret = given(e.KBGATE_SECRET) || devSecret(dataDir, 'secret');
  const operatorKey = given(e.KBGATE_OPERATOR_KEY) || devSecret(dataDir, 'operator-key');

  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.KBGATE_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir,
    secret: secret.value,
    operatorKey: operatorKey.value,
    production,
    maxUploadBytes: e.KBGATE_MAX_UPLOAD_BYTES,
    limits: {
      maxBodyBytes: e.KBGATE_MAX_BODY_BYTES,
      maxDepth: e.KBGATE_MAX_DEPTH,
      maxAliases: e.KBGATE_MAX_ALIASES,
      maxDirectives: e.KBGATE_MAX_DIRECTIVES,
      maxTokens: e.KBGATE_MAX_TOKENS,
      maxCost: e.KBGATE_MAX_COST,
      authFailuresPerMinute: e.KBGATE_AUTH_FAILURES_PER_MINUTE,
    },
    generated: { secret: secret.generated, operatorKey: operatorKey.generated },
  };
}

/** Treats `VAR=` like an unset variable, as shells and .env files commonly produce it. */
function nonEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => !!entry[1]),
  );
}

function devSecret(dataDir: string, name: string): { value: string; generated: boolean } {
  const path = join(dataDir, name);
  try {
    return { value: readFileSync(path, 'utf8').trim(), generated: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const value = randomBytes(32).toString('base64url');
  // 'wx' so two processes starting at once cannot overwrite each other's secret.
  try {
    writeFileSync(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return { value: readFileSync(path, 'utf8').trim(), generated: false };
    }
    throw error;
  }
  return { value, generated: true };
}
