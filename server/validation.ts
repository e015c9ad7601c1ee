import { z } from 'zod';
import { type FieldError, ValidationError } from './errors.js';
import { decodeId } from './ids.js';
import { PLANS } from './plans.js';
import { isWellFormedToken } from './tokens/format.js';

/**
 * Every input rule in one place. Mutations call `parseInput` after the
 * authorization check, so a caller without access learns nothing from it.
 */
export async function parseInput<S extends z.ZodType>(schema: S, input: unknown): Promise<z.output<S>> {
  const result = await schema.safeParseAsync(input);
  if (result.success) return result.data;
  const fieldErrors: FieldError[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String),
    message: issue.message,
  }));
  throw new ValidationError(fieldErrors);
}

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text PostgreSQL can store as is: no NUL, no half of a surrogate pair. */
const text = () =>
  z
    .string()
    .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters')
    .refine((value) => !LONE_SURROGATE.test(value), 'must be well-formed Unicode');

const trimmedName = (max: number) =>
  text()
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

/**
 * Lookups for ids an input refers to, scoped to the caller's project, so that
 * a missing category or asset is reported with every other bad field.
 */
export interface References {
  category(id: string): Promise<boolean>;
  driveAssets(ids: string[]): Promise<Set<string>>;
}

const categoryRef = (refs: References) =>
  globalId('Category').refine((id) => refs.category(id), 'no such category');

export const createCategoryInput = (refs: References) =>
  z.object({
    name: trimmedName(100),
    parentId: categoryRef(refs).nullish().transform((v) => v ?? null),
  });

/** parentId: omitted keeps the parent, null moves the category to the top level. */
export const updateCategoryInput = (refs: References) =>
  z.object({
    name: trimmedName(100).nullish().transform((v) => v ?? undefined),
    parentId: categoryRef(refs).nullish(),
  });

export const ARTICLE_STATUSES = ['DRAFT', 'PUBLISHED'] as const;

/** Tags are trimmed and lower-cased; repeats collapse. */
const tags = z
  .array(text().trim().toLowerCase().min(1, 'must not be empty').max(50, 'must be at most 50 characters'))
  .max(20, 'at most 20 tags')
  .transform((list) => [...new Set(list)]);

const assetIds = (refs: References) =>
  z
    .array(globalId('DriveAsset'))
    .max(50, 'at most 50 assets')
    .superRefine(async (ids, ctx) => {
      const found = await refs.driveAssets(ids);
      ids.forEach((id, index) => {
        if (!found.has(id)) ctx.addIssue({ code: 'custom', path: [index], message: 'no such drive asset' });
      });
    })
    .transform((list) => [...new Set(list)]);

const articleContent = text().max(500_000, 'must be at most 500000 characters');

export const createArticleInput = (refs: References) =>
  z.object({
    title: trimmedName(200),
    content: articleContent.nullish().transform((v) => v ?? ''),
    categoryId: categoryRef(refs),
    tags: tags.nullish().transform((v) => v ?? []),
    status: z.enum(ARTICLE_STATUSES).nullish().transform((v) => v ?? 'DRAFT'),
    assetIds: assetIds(refs).nullish().transform((v) => v ?? []),
  });

export const updateArticleInput = (refs: References) =>
  z.object({
    title: trimmedName(200).nullish().transform((v) => v ?? undefined),
    content: articleContent.nullish().transform((v) => v ?? undefined),
    categoryId: categoryRef(refs).nullish().transform((v) => v ?? undefined),
    tags: tags.nullish().transform((v) => v ?? undefined),
    status: z.enum(ARTICLE_STATUSES).nullish().transform((v) => v ?? undefined),
    assetIds: assetIds(refs).nullish().transform((v) => v ?? undefined),
  });
