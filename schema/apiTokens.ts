import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  NameTakenError,
  NotFoundError,
  PlanNotSupportedError,
  TokenLimitReachedError,
  ValidationError,
} from '../server/errors.js';
import type { ApiTokenUsage } from '../server/plans.js';
import type { ApiToken } from '../server/services/model.js';
import { HTTP_METHODS } from '../server/validation.js';
import { builder } from './builder.js';
import { localId } from './ids.js';
import { keysetConnection } from './pagination.js';
import { ApiTokenUsageRef } from './usage.js';

export const HttpMethodEnum = builder.enumType('HttpMethod', { values: HTTP_METHODS });

export const ApiTokenRef = builder.node(builder.objectRef<ApiToken>('ApiToken'), {
  id: { resolve: (token) => token.id },
  description: 'An API token. Its secret is shown once at creation and through revealApiToken.',
  fields: (t) => ({
    name: t.exposeString('name'),
    maskedToken: t.exposeString('maskedToken', { description: '"kbg_" + first 4 random chars + "…" + last 4 chars' }),
    allowedMethods: t.field({ type: [HttpMethodEnum], resolve: (token) => token.allowedMethods }),
    driveAssetAccessValidityMinutes: t.exposeInt('driveAssetAccessValidityMinutes'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    createdBy: t.exposeString('createdBy', { nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
  }),
});

/** The database id of a token global id, or NotFound: a malformed id is just an absent one. */
function tokenId(id: string | number): string {
  const local = localId(String(id), 'ApiToken');
  if (!local) throw new NotFoundError('API token');
  return local;
}

builder.queryFields((t) => ({
  apiTokens: t.connection(
    {
      type: ApiTokenRef,
      description: "The session's project's API tokens, newest first.",
      authScopes: { manageTokens: true },
      resolve: (_root, args, { services, projectId }) =>
        keysetConnection(args, (page) => services.apiTokens.list(projectId(), page)),
    },
    {
      name: 'ApiTokenConnection',
      fields: (t) => ({
        totalCount: t.int({
          resolve: (_connection, _args, { services, projectId }) => services.apiTokens.count(projectId()),
        }),
        usage: t.field({
          type: ApiTokenUsageRef,
          resolve: (_connection, _args, { services, projectId }) => services.apiTokens.usage(projectId()),
        }),
      }),
    },
    { name: 'ApiTokenEdge' },
  ),
  apiToken: t.field({
    type: ApiTokenRef,
    nullable: true,
    description: "A token of the session's project; null when absent or in another project.",
    authScopes: { manageTokens: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, { services, projectId }) => {
      const local = localId(String(id), 'ApiToken');
      return local ? services.apiTokens.get(projectId(), local) : null;
    },
  }),
}));

const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '1–100 characters after trimming; unique per project, case-insensitively' }),
    allowedMethods: t.field({ type: [HttpMethodEnum], required: true }),
    driveAssetAccessValidityMinutes: t.int({ description: '15–2160; default 15' }),
  }),
});

const UpdateApiTokenInput = builder.inputType('UpdateApiTokenInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    allowedMethods: t.field({ type: [HttpMethodEnum] }),
    driveAssetAccessValidityMinutes: t.int(),
  }),
});

const ApiTokenIdInput = (name: string) =>
  builder.inputType(name, { fields: (t) => ({ id: t.id({ required: true }) }) });

const CreateApiTokenSuccess = builder
  .objectRef<{ apiToken: ApiToken; token: string; usage: ApiTokenUsage }>('CreateApiTokenSuccess')
  .implement({
    fields: (t) => ({
      apiToken: t.field({ type: ApiTokenRef, resolve: (result) => result.apiToken }),
      token: t.exposeString('token', { description: 'The full secret. Store it now; it is only shown here and by revealApiToken.' }),
      usage: t.field({ type: ApiTokenUsageRef, resolve: (result) => result.usage }),
    }),
  });

const UpdateApiTokenSuccess = builder.objectRef<ApiToken>('UpdateApiTokenSuccess').implement({
  fields: (t) => ({ apiToken: t.field({ type: ApiTokenRef, resolve: (token) => token }) }),
});

const DeleteApiTokenSuccess = builder
  .objectRef<{ deletedId: string; usage: ApiTokenUsage }>('DeleteApiTokenSuccess')
  .implement({
    fields: (t) => ({
      deletedId: t.id({ resolve: (result) => encodeGlobalID('ApiToken', result.deletedId) }),
      usage: t.field({ type: ApiTokenUsageRef, resolve: (result) => result.usage }),
    }),
  });

const RevealApiTokenSuccess = builder.objectRef<{ token: string }>('RevealApiTokenSuccess').implement({
  fields: (t) => ({ token: t.exposeString('token') }),
});

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreateApiTokenSuccess,
    authScopes: { manageTokens: true },
    args: { input: t.arg({ type: CreateApiTokenInput, required: true }) },
    errors: {
      types: [ValidationError, NameTakenError, TokenLimitReachedError, PlanNotSupportedError],
      directResult: true,
      union: { name: 'CreateApiTokenResult' },
    },
    resolve: (_root, { input }, { services, projectId, actor }) =>
      services.apiTokens.create(projectId(), actor(), input),
  }),
  updateApiToken: t.field({
    type: UpdateApiTokenSuccess,
    authScopes: { manageTokens: true },
    args: { input: t.arg({ type: UpdateApiTokenInput, required: true }) },
    errors: {
      types: [ValidationError, NameTakenError, NotFoundError],
      directResult: true,
      union: { name: 'UpdateApiTokenResult' },
    },
    resolve: (_root, { input: { id, ...patch } }, { services, projectId, actor }) =>
      services.apiTokens.update(projectId(), actor(), tokenId(id), patch),
  }),
  deleteApiToken: t.field({
    type: DeleteApiTokenSuccess,
    authScopes: { manageTokens: true },
    args: { input: t.arg({ type: ApiTokenIdInput('DeleteApiTokenInput'), required: true }) },
    errors: { types: [NotFoundError], directResult: true, union: { name: 'DeleteApiTokenResult' } },
    resolve: (_root, { input }, { services, projectId, actor }) =>
      services.apiTokens.delete(projectId(), actor(), tokenId(input.id)),
  }),
  revealApiToken: t.field({
    type: RevealApiTokenSuccess,
    description: 'The full secret of a token, for the copy button. Every reveal is audited.',
    authScopes: { manageTokens: true },
    args: { input: t.arg({ type: ApiTokenIdInput('RevealApiTokenInput'), required: true }) },
    errors: { types: [NotFoundError], directResult: true, union: { name: 'RevealApiTokenResult' } },
    resolve: async (_root, { input }, { services, projectId, actor }) => ({
      token: await services.apiTokens.reveal(projectId(), actor(), tokenId(input.id)),
    }),
  }),
}));
