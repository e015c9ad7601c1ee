import { NotFoundError, ValidationError } from '../server/errors.js';
import { PLANS } from '../server/plans.js';
import type { Project } from '../server/services/model.js';
import { builder } from './builder.js';
import { localId } from './ids.js';
import { keysetConnection } from './pagination.js';
import { ApiTokenUsageRef } from './usage.js';

export const PlanEnum = builder.enumType('Plan', { values: PLANS });
export const RoleEnum = builder.enumType('Role', { values: ['OWNER', 'ADMIN', 'EDITOR', 'READER'] as const });

export const ProjectRef = builder.node(builder.objectRef<Project>('Project'), {
  id: { resolve: (project) => project.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    plan: t.field({ type: PlanEnum, resolve: (project) => project.plan }),
    apiTokenLimit: t.exposeInt('apiTokenLimit'),
    apiTokenUsage: t.field({
      type: ApiTokenUsageRef,
      resolve: (project, _args, { services }) => services.apiTokens.usageOf(project),
    }),
    rateLimitPerMinute: t.exposeInt('rateLimitPerMinute'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  projects: t.connection(
    {
      type: ProjectRef,
      description: 'Every project, newest first. Operator only.',
      authScopes: { operator: true },
      resolve: (_root, args, { services }) =>
        keysetConnection(args, (page) => services.projects.list(page)),
    },
    {
      name: 'ProjectConnection',
      fields: (t) => ({
        totalCount: t.int({ resolve: (_connection, _args, { services }) => services.projects.count() }),
      }),
    },
    { name: 'ProjectEdge' },
  ),
  project: t.field({
    type: ProjectRef,
    nullable: true,
    description: "The project of the calling admin session or API token; null for the operator.",
    authScopes: { authenticated: true },
    resolve: (_root, _args, { principal, services }) =>
      principal && principal.kind !== 'OPERATOR' ? services.projects.get(principal.projectId) : null,
  }),
}));

const CreateProjectInput = builder.inputType('CreateProjectInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    plan: t.field({ type: PlanEnum, required: true }),
    apiTokenLimit: t.int({ description: "0–1000; omitted: the plan's default" }),
  }),
});

const UpdateProjectInput = builder.inputType('UpdateProjectInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    plan: t.field({ type: PlanEnum }),
    apiTokenLimit: t.int({ description: "0–1000; null: back to the plan's default; omitted: unchanged" }),
    rateLimitPerMinute: t.int({
      description: "1–100000; null: back to the plan's default; omitted: unchanged",
    }),
  }),
});

const CreateAdminSessionInput = builder.inputType('CreateAdminSessionInput', {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    userId: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    ttlSeconds: t.int({ description: 'Lifetime in seconds, 1–86400; default 3600' }),
  }),
});

const ProjectPayload = (name: string) =>
  builder.objectRef<Project>(name).implement({
    fields: (t) => ({ project: t.field({ type: ProjectRef, resolve: (project) => project }) }),
  });

const CreateAdminSessionSuccess = builder
  .objectRef<{ token: string; expiresAt: Date }>('CreateAdminSessionSuccess')
  .implement({
    fields: (t) => ({
      token: t.exposeString('token', { description: 'The admin session JWT; send it as a Bearer credential.' }),
      expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    }),
  });

builder.mutationFields((t) => ({
  createProject: t.field({
    type: ProjectPayload('CreateProjectSuccess'),
    authScopes: { operator: true },
    args: { input: t.arg({ type: CreateProjectInput, required: true }) },
    errors: { types: [ValidationError], directResult: true, union: { name: 'CreateProjectResult' } },
    resolve: (_root, { input }, { services, actor }) => services.projects.create(actor(), input),
  }),
  updateProject: t.field({
    type: ProjectPayload('UpdateProjectSuccess'),
    authScopes: { operator: true },
    args: { input: t.arg({ type: UpdateProjectInput, required: true }) },
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: { name: 'UpdateProjectResult' },
    },
    resolve: (_root, { input: { id, ...patch } }, { services, actor }) => {
      const projectId = localId(String(id), 'Project');
      if (!projectId) throw new NotFoundError('Project');
      return services.projects.update(actor(), projectId, patch);
    },
  }),
  createAdminSession: t.field({
    type: CreateAdminSessionSuccess,
    authScopes: { operator: true },
    args: { input: t.arg({ type: CreateAdminSessionInput, required: true }) },
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: { name: 'CreateAdminSessionResult' },
    },
    resolve: (_root, { input: { projectId, ...session } }, { services, actor }) => {
      const id = localId(String(projectId), 'Project');
      if (!id) throw new NotFoundError('Project');
      return services.projects.createAdminSession(actor(), id, session);
    },
  }),
}));
