import { CategoryNotEmptyError, NotFoundError, ValidationError } from '../server/errors.js';
import type { Category } from '../server/services/model.js';
import { ArticleConnection, ArticleRef } from './articles.js';
import { builder } from './builder.js';
import { localId } from './ids.js';
import { keysetConnection } from './pagination.js';
import { deletedPayload, payload, requireId } from './payloads.js';

export const CategoryRef = builder.objectRef<Category>('Category');

builder.node(CategoryRef, {
  id: { resolve: (category) => category.id },
  description: 'A node of the category tree; slugs are unique among siblings.',
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug'),
    parent: t.field({
      type: CategoryRef,
      nullable: true,
      resolve: (category, _args, { services }) =>
        category.parentId ? services.categories.get(category.projectId, category.parentId) : null,
    }),
    children: t.field({
      type: [CategoryRef],
      resolve: (category, _args, { services }) => services.categories.children(category.projectId, category.id),
    }),
    articles: t.connection(
      {
        type: ArticleRef,
        description: 'Articles in this category (not its subcategories), newest first.',
        resolve: (category, args, { services }) =>
          keysetConnection(args, (page) => services.categories.articles(category.projectId, category.id, page)),
      },
      ArticleConnection,
    ),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  categories: t.field({
    type: [CategoryRef],
    description: "Every category of the caller's project, by name; walk the tree with parent/children.",
    authScopes: { method: 'GET' },
    resolve: (_root, _args, { services, projectId }) => services.categories.list(projectId()),
  }),
  category: t.field({
    type: CategoryRef,
    nullable: true,
    authScopes: { method: 'GET' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, { services, projectId }) => {
      const local = localId(String(id), 'Category');
      return local ? services.categories.get(projectId(), local) : null;
    },
  }),
}));

const CreateCategoryInput = builder.inputType('CreateCategoryInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '1–100 characters after trimming' }),
    parentId: t.id({ description: 'omitted or null: a top-level category' }),
  }),
});

const UpdateCategoryInput = builder.inputType('UpdateCategoryInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    parentId: t.id({ description: 'null moves the category to the top level; omitted keeps its parent' }),
  }),
});

const DeleteCategoryInput = builder.inputType('DeleteCategoryInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.mutationFields((t) => ({
  createCategory: t.field({
    type: payload('CreateCategorySuccess', 'category', CategoryRef),
    authScopes: { method: 'POST' },
    args: { input: t.arg({ type: CreateCategoryInput, required: true }) },
    errors: { types: [ValidationError], directResult: true, union: { name: 'CreateCategoryResult' } },
    resolve: (_root, { input }, { services, projectId }) => services.categories.create(projectId(), input),
  }),
  updateCategory: t.field({
    type: payload('UpdateCategorySuccess', 'category', CategoryRef),
    authScopes: { method: 'PUT' },
    args: { input: t.arg({ type: UpdateCategoryInput, required: true }) },
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: { name: 'UpdateCategoryResult' },
    },
    resolve: (_root, { input: { id, ...patch } }, { services, projectId }) =>
      services.categories.update(projectId(), requireId(id, 'Category', 'Category'), patch),
  }),
  deleteCategory: t.field({
    type: deletedPayload('DeleteCategorySuccess', 'Category'),
    authScopes: { method: 'DELETE' },
    args: { input: t.arg({ type: DeleteCategoryInput, required: true }) },
    errors: {
      types: [NotFoundError, CategoryNotEmptyError],
      directResult: true,
      union: { name: 'DeleteCategoryResult' },
    },
    resolve: async (_root, { input }, { services, projectId }) => ({
      deletedId: await services.categories.delete(projectId(), requireId(input.id, 'Category', 'Category')),
    }),
  }),
}));
