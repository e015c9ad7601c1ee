import { NotFoundError, ValidationError } from '../server/errors.js';
import type { Article } from '../server/services/model.js';
import { ARTICLE_STATUSES } from '../server/validation.js';
import { builder } from './builder.js';
import { CategoryRef } from './categories.js';
import { DriveAssetRef } from './driveAssets.js';
import { localId } from './ids.js';
import { keysetConnection } from './pagination.js';
import { deletedPayload, payload, requireId } from './payloads.js';

export const ArticleStatusEnum = builder.enumType('ArticleStatus', { values: ARTICLE_STATUSES });

export const ArticleRef = builder.objectRef<Article>('Article');

builder.node(ArticleRef, {
  id: { resolve: (article) => article.id },
  fields: (t) => ({
    title: t.exposeString('title'),
    slug: t.exposeString('slug', { description: 'Unique in the project; kept when the title changes.' }),
    content: t.exposeString('content', { description: 'Markdown.' }),
    status: t.field({ type: ArticleStatusEnum, resolve: (article) => article.status }),
    category: t.field({
      type: CategoryRef,
      resolve: async (article, _args, { services }) =>
        (await services.categories.get(article.projectId, article.categoryId))!,
    }),
    tags: t.stringList({ resolve: (article, _args, { services }) => services.articles.tags(article.id) }),
    assets: t.field({
      type: [DriveAssetRef],
      resolve: (article, _args, { services }) => services.articles.assets(article.id),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

/** Shared by `articles` and `Category.articles`. */
export const ArticleConnection = builder.connectionObject({ type: ArticleRef, name: 'ArticleConnection' }, { name: 'ArticleEdge' });

const TagRef = builder.objectRef<{ name: string; articleCount: number }>('Tag').implement({
  fields: (t) => ({ name: t.exposeString('name'), articleCount: t.exposeInt('articleCount') }),
});

builder.queryFields((t) => ({
  articles: t.connection(
    {
      type: ArticleRef,
      description: 'Articles, newest first, narrowed by category (its own articles), tag and status.',
      authScopes: { method: 'GET' },
      args: {
        categoryId: t.arg.id(),
        tag: t.arg.string(),
        status: t.arg({ type: ArticleStatusEnum }),
      },
      resolve: (_root, args, { services, projectId }) => {
        const categoryId = args.categoryId == null ? undefined : localId(String(args.categoryId), 'Category');
        // A category id that cannot exist matches no article rather than all of them.
        if (categoryId === null) return keysetConnection(args, async () => []);
        const filter = { categoryId, tag: args.tag?.trim().toLowerCase() || undefined, status: args.status ?? undefined };
        return keysetConnection(args, (page) => services.articles.list(projectId(), filter, page));
      },
    },
    ArticleConnection,
  ),
  article: t.field({
    type: ArticleRef,
    nullable: true,
    authScopes: { method: 'GET' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, { services, projectId }) => {
      const local = localId(String(id), 'Article');
      return local ? services.articles.get(projectId(), local) : null;
    },
  }),
  tags: t.field({
    type: [TagRef],
    description: 'Every tag in use, with how many articles carry it.',
    authScopes: { method: 'GET' },
    resolve: (_root, _args, { services, projectId }) => services.articles.allTags(projectId()),
  }),
}));

const CreateArticleInput = builder.inputType('CreateArticleInput', {
  fields: (t) => ({
    title: t.string({ required: true, description: '1–200 characters after trimming' }),
    content: t.string({ description: 'Markdown, at most 500000 characters' }),
    categoryId: t.id({ required: true }),
    tags: t.stringList({ description: 'At most 20; trimmed and lower-cased, repeats collapse' }),
    status: t.field({ type: ArticleStatusEnum, description: 'Default DRAFT' }),
    assetIds: t.idList({ description: 'Drive assets the article uses, in order' }),
  }),
});

const UpdateArticleInput = builder.inputType('UpdateArticleInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    title: t.string(),
    content: t.string(),
    categoryId: t.id(),
    tags: t.stringList({ description: 'Replaces the tags when given' }),
    status: t.field({ type: ArticleStatusEnum }),
    assetIds: t.idList({ description: 'Replaces the assets when given' }),
  }),
});

const DeleteArticleInput = builder.inputType('DeleteArticleInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.mutationFields((t) => ({
  createArticle: t.field({
    type: payload('CreateArticleSuccess', 'article', ArticleRef),
    authScopes: { method: 'POST' },
    args: { input: t.arg({ type: CreateArticleInput, required: true }) },
    errors: { types: [ValidationError], directResult: true, union: { name: 'CreateArticleResult' } },
    resolve: (_root, { input }, { services, projectId }) => services.articles.create(projectId(), input),
  }),
  updateArticle: t.field({
    type: payload('UpdateArticleSuccess', 'article', ArticleRef),
    authScopes: { method: 'PUT' },
    args: { input: t.arg({ type: UpdateArticleInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: 'UpdateArticleResult' } },
    resolve: (_root, { input: { id, ...patch } }, { services, projectId }) =>
      services.articles.update(projectId(), requireId(id, 'Article', 'Article'), patch),
  }),
  deleteArticle: t.field({
    type: deletedPayload('DeleteArticleSuccess', 'Article'),
    authScopes: { method: 'DELETE' },
    args: { input: t.arg({ type: DeleteArticleInput, required: true }) },
    errors: { types: [NotFoundError], directResult: true, union: { name: 'DeleteArticleResult' } },
    resolve: async (_root, { input }, { services, projectId }) => ({
      deletedId: await services.articles.delete(projectId(), requireId(input.id, 'Article', 'Article')),
    }),
  }),
}));
