import type { AuditEvent } from '../server/services/model.js';
import { builder } from './builder.js';
import { encodeId } from './ids.js';
import { keysetConnection } from './pagination.js';

const ActorKindEnum = builder.enumType('ActorKind', { values: ['OPERATOR', 'ADMIN', 'API_TOKEN'] as const });

const AuditEventRef = builder.objectRef<AuditEvent>('AuditEvent');

builder.node(AuditEventRef, {
  id: { resolve: (event) => event.id },
  description: 'One recorded change: who did what to which token, when and from where.',
  fields: (t) => ({
    action: t.exposeString('action', {
      description: 'api_token.create | api_token.update | api_token.delete | api_token.reveal | project.create | project.update | admin_session.create',
    }),
    actorKind: t.field({ type: ActorKindEnum, resolve: (event) => event.actorKind }),
    actorId: t.exposeString('actorId', { nullable: true, description: 'The admin user id, or the API token id' }),
    apiTokenId: t.id({
      nullable: true,
      resolve: (event) => (event.apiTokenId ? encodeId('ApiToken', event.apiTokenId) : null),
    }),
    apiTokenName: t.exposeString('apiTokenName', { nullable: true }),
    clientAddress: t.exposeString('clientAddress', { nullable: true }),
    details: t.string({
      description: 'JSON: for an update, each changed field as { from, to }',
      resolve: (event) => JSON.stringify(event.details),
    }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
  }),
});

builder.queryField('auditEvents', (t) =>
  t.connection(
    {
      type: AuditEventRef,
      description: "The session's project's audit log, newest first.",
      authScopes: { manageTokens: true },
      resolve: (_root, args, { services, projectId }) =>
        keysetConnection(
          args,
          (page) => services.audit.list(projectId(), page),
          (event) => ({ createdAt: event.occurredAt, id: event.id }),
        ),
    },
    {
      name: 'AuditEventConnection',
      fields: (tc) => ({
        totalCount: tc.int({ resolve: (_connection, _args, { services, projectId }) => services.audit.count(projectId()) }),
      }),
    },
    { name: 'AuditEventEdge' },
  ),
);
