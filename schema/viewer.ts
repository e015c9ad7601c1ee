import type { Principal } from '../server/principal.js';
import { toApiToken } from '../server/services/model.js';
import { ApiTokenRef, HttpMethodEnum } from './apiTokens.js';
import { builder } from './builder.js';
import { ProjectRef, RoleEnum } from './projects.js';

const ViewerKindEnum = builder.enumType('ViewerKind', { values: ['OPERATOR', 'ADMIN', 'API_TOKEN'] as const });

const ViewerRef = builder.objectRef<Principal>('Viewer').implement({
  description: 'The caller, as the credential it presented identifies it.',
  fields: (t) => ({
    kind: t.field({ type: ViewerKindEnum, resolve: (principal) => principal.kind }),
    userId: t.string({
      nullable: true,
      resolve: (principal) => (principal.kind === 'ADMIN' ? principal.userId : null),
    }),
    role: t.field({
      type: RoleEnum,
      nullable: true,
      resolve: (principal) => (principal.kind === 'ADMIN' ? principal.role : null),
    }),
    allowedMethods: t.field({
      type: [HttpMethodEnum],
      nullable: true,
      description: 'For an API token: the methods it may use.',
      resolve: (principal) => (principal.kind === 'API_TOKEN' ? principal.allowedMethods : null),
    }),
    project: t.field({
      type: ProjectRef,
      nullable: true,
      resolve: (principal, _args, { services }) =>
        principal.kind === 'OPERATOR' ? null : services.projects.get(principal.projectId),
    }),
    apiToken: t.field({
      type: ApiTokenRef,
      nullable: true,
      description: 'For an API token: its own name and methods (never its secret).',
      resolve: (principal) => (principal.kind === 'API_TOKEN' ? toApiToken(principal.token) : null),
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    authScopes: { authenticated: true },
    resolve: (_root, _args, { principal }) => principal!,
  }),
);
