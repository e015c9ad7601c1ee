import { z } from 'zod';
import { type FieldError, ValidationError } from './errors.js';
import { decodeId } from './ids.js';
import { PLANS } from './plans.js';
import { isWellFormedToken } from './tokens/format.js';

/**
 * Every input rule in one place. Mutations call `parseInput` after the
 * authorization check, so a caller without access learns nothing from it.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldError[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
  }));
  throw new ValidationError(fieldErrors);
}

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

const trimmedName = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/** Non-empty; repeats collapse and the order is always GET, POST, PUT, DELETE. */
const allowedMethods = z
  .array(z.enum(HTTP_METHODS))
  .min(1, 'must allow at least one method')
  .transform((methods) => HTTP_METHODS.filter((m) => methods.includes(m)));

const validityMinutes = z
  .number()
  .int()
  .min(15, 'must be at least 15 minutes')
  .max(2160, 'must be at most 2160 minutes (36 hours)');

/** A pasted secret must not become a name, which is stored and shown in plain text. */
const tokenName = trimmedName(100).refine((name) => !isWellFormedToken(name), 'must not be an API token');

export const createApiTokenInput = z.object({
  name: tokenName,
  allowedMethods,
  driveAssetAccessValidityMinutes: validityMinutes.nullish().transform((v) => v ?? 15),
});

export const updateApiTokenInput = z.object({
  name: tokenName.nullish(),
  allowedMethods: allowedMethods.nullish(),
  driveAssetAccessValidityMinutes: validityMinutes.nullish(),
});

const plan = z.enum(PLANS);
const apiTokenLimit = z.number().int().min(0).max(1000);
const rateLimitPerMinute = z.number().int().min(1).max(100000);

export const createProjectInput = z.object({
  name: trimmedName(200),
  plan,
  apiTokenLimit: apiTokenLimit.nullish(),
});

/** For the limits, an explicit null returns the project to its plan's default. */
export const updateProjectInput = z.object({
  name: trimmedName(200).nullish().transform((v) => v ?? undefined),
  plan: plan.nullish().transform((v) => v ?? undefined),
  apiTokenLimit: apiTokenLimit.nullish(),
  rateLimitPerMinute: rateLimitPerMinute.nullish(),
});

export const createAdminSessionInput = z.object({
  userId: trimmedName(200),
  role: z.enum(['OWNER', 'ADMIN', 'EDITOR', 'READER']),
  ttlSeconds: z
    .number()
    .int()
    .min(1, 'must be at least 1 second')
    .max(86400, 'must be at most 86400 seconds (24 hours)')
    .nullish()
    .transform((v) => v ?? 3600),
});

/** A global id of the given type; its existence in the project is the service's check. */
const globalId = (typename: string) =>
  z.string().transform((value, ctx) => {
    const id = decodeId(value, typename);
    if (!id) {
      ctx.addIssue({ code: 'custom', message: `is not a ${typename} id` });
      return z.NEVER;
    }
    return id;
  });

export const createCategoryInput = z.object({
  name: trimmedName(100),
  parentId: globalId('Category').nullish().transform((v) => v ?? null),
});

/** parentId: omitted keeps the parent, null moves the category to the top level. */
export const updateCategoryInput = z.object({
  name: trimmedName(100).nullish().transform((v) => v ?? undefined),
  parentId: globalId('Category').nullish(),
});

export const ARTICLE_STATUSES = ['DRAFT', 'PUBLISHED'] as const;

/** Tags are trimmed and lower-cased; repeats collapse. */
const tags = z
  .array(z.string().trim().toLowerCase().min(1, 'must not be empty').max(50, 'must be at most 50 characters'))
  .max(20, 'at most 20 tags')
  .transform((list) => [...new Set(list)]);

const assetIds = z
  .array(globalId('DriveAsset'))
  .max(50, 'at most 50 assets')
  .transform((list) => [...new Set(list)]);

const articleContent = z.string().max(500_000, 'must be at most 500000 characters');

export const createArticleInput = z.object({
  title: trimmedName(200),
  content: articleContent.nullish().transform((v) => v ?? ''),
  categoryId: globalId('Category'),
  tags: tags.nullish().transform((v) => v ?? []),
  status: z.enum(ARTICLE_STATUSES).nullish().transform((v) => v ?? 'DRAFT'),
  assetIds: assetIds.nullish().transform((v) => v ?? []),
});

export const updateArticleInput = z.object({
  title: trimmedName(200).nullish().transform((v) => v ?? undefined),
  content: articleContent.nullish().transform((v) => v ?? undefined),
  categoryId: globalId('Category').nullish().transform((v) => v ?? undefined),
  tags: tags.nullish().transform((v) => v ?? undefined),
  status: z.enum(ARTICLE_STATUSES).nullish().transform((v) => v ?? undefined),
  assetIds: assetIds.nullish().transform((v) => v ?? undefined),
});
