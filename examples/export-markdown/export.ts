// Exports the PUBLISHED articles of a kbgate category (or of every category) as Markdown files
// with YAML front matter, and their drive assets next to them. See README.md in this folder.
//
//   KBGATE_URL=http://127.0.0.1:4000 KBGATE_API_TOKEN=kbg_… KBGATE_CATEGORY_ID=… \
//     npx tsx examples/export-markdown/export.ts ./export
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
// Inside this repository the example runs the SDK's source; an integrator imports '@kbgate/sdk'.
import {
  type ArticleFieldsFragment,
  AuthenticationError,
  type CategoryFieldsFragment,
  type Client,
  createClient,
  DriveLinkError,
  type DriveAssetFieldsFragment,
  ForbiddenError,
  KbgateError,
  NetworkError,
  RateLimitError,
} from '../../sdk/src/index.js';

const PAGE_SIZE = 50;

/** Wrong or missing settings: exit 2 with the usage line. */
class UsageError extends Error {}
/** A clear reason to stop, such as an unknown category: exit 1. */
class ExportError extends Error {}

interface Config {
  graphqlUrl: string;
  token: string;
  categoryId: string | undefined;
  outDir: string;
}

function readConfig(argv: string[], env: NodeJS.ProcessEnv): Config {
  const url = env.KBGATE_URL?.trim();
  const token = env.KBGATE_API_TOKEN?.trim();
  const outDir = argv[0] ?? env.KBGATE_EXPORT_DIR;
  const missing = [!url && 'KBGATE_URL', !token && 'KBGATE_API_TOKEN', !outDir && 'an output directory (argument or KBGATE_EXPORT_DIR)'];
  if (missing.some(Boolean)) throw new UsageError(`missing ${missing.filter(Boolean).join(', ')}`);
  // The server's address or its GraphQL endpoint, either will do.
  const base = url!.replace(/\/+$/, '');
  return {
    graphqlUrl: base.endsWith('/graphql') ? base : `${base}/graphql`,
    token: token!,
    categoryId: env.KBGATE_CATEGORY_ID?.trim() || undefined,
    outDir: resolve(outDir!),
  };
}

interface Summary {
  articles: number;
  assets: number;
}

async function exportMarkdown(client: Client, config: Pick<Config, 'categoryId' | 'outDir'>): Promise<Summary> {
  const categories = await categoriesToExport(client, config.categoryId);
  const directories = directoryNames(categories);
  const summary: Summary = { articles: 0, assets: 0 };

  for (const category of categories) {
    const categoryDir = join(config.outDir, directories.get(category.id)!);
    // One file per asset and category, even when several articles use it.
    const written = new Map<string, string>();
    for await (const article of publishedArticles(client, category.id)) {
      await mkdir(categoryDir, { recursive: true });
      await writeFile(join(categoryDir, `${safeName(article.slug, 'article')}.md`), markdown(article, category));
      summary.articles += 1;
      for (const asset of article.assets) {
        if (written.has(asset.id)) continue;
        const fileName = uniqueFileName(safeName(asset.fileName, 'file'), written);
        const { bytes } = await download(client, asset);
        await mkdir(join(categoryDir, 'assets'), { recursive: true });
        await writeFile(join(categoryDir, 'assets', fileName), bytes);
        written.set(asset.id, fileName);
        summary.assets += 1;
      }
    }
  }
  return summary;
}

async function categoriesToExport(client: Client, categoryId: string | undefined): Promise<CategoryFieldsFragment[]> {
  if (!categoryId) return retrying(() => client.categories());
  const category = await retrying(() => client.category({ id: categoryId, first: 0 }));
  if (!category) throw new ExportError(`no category with id ${categoryId} (KBGATE_CATEGORY_ID) in this token's project`);
  return [category];
}

/** Every published article of the category (its own, not its subcategories'), page after page. */
async function* publishedArticles(client: Client, categoryId: string): AsyncGenerator<ArticleFieldsFragment> {
  let after: string | null = null;
  for (;;) {
    const page = await retrying(() => client.articles({ categoryId, status: 'PUBLISHED', first: PAGE_SIZE, after }));
    for (const edge of page.edges) yield edge.node;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}

/** Follows the signed link; one that expired while the export ran is asked for again. */
async function download(client: Client, asset: DriveAssetFieldsFragment) {
  try {
    return await client.downloadDriveAsset(asset);
  } catch (error) {
    if (!(error instanceof DriveLinkError && error.reason === 'INVALID_OR_EXPIRED')) throw error;
    const fresh = await retrying(() => client.driveAsset({ id: asset.id }));
    if (!fresh) throw error;
    return client.downloadDriveAsset(fresh);
  }
}

/** Waits out the token's per-minute rate limit, a few times at most. */
async function retrying<T>(request: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof RateLimitError) || attempt === 3) throw error;
      const seconds = Math.min(error.retryAfter ?? 10, 60);
      console.error(`rate limited; retrying in ${seconds}s`);
      await new Promise((done) => setTimeout(done, seconds * 1000));
    }
  }
}

/** YAML front matter, then the article's Markdown as stored. */
function markdown(article: ArticleFieldsFragment, category: Pick<CategoryFieldsFragment, 'name'>): string {
  const frontMatter = [
    '---',
    `title: ${yamlString(article.title)}`,
    `slug: ${yamlString(article.slug)}`,
    `tags: [${article.tags.map(yamlString).join(', ')}]`,
    `category: ${yamlString(category.name)}`,
    `updatedAt: ${yamlString(article.updatedAt)}`,
    '---',
  ].join('\n');
  return `${frontMatter}\n\n${article.content}`;
}

/** A YAML double-quoted scalar: JSON's escapes are YAML's, plus the characters YAML may not carry raw. */
function yamlString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Each category's slug; slugs are unique only among siblings, so when two exported categories
 * share one, theirs become the path from the top (`reference--setup`).
 */
function directoryNames(categories: CategoryFieldsFragment[]): Map<string, string> {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const slugCount = new Map<string, number>();
  for (const { slug } of categories) slugCount.set(slug, (slugCount.get(slug) ?? 0) + 1);
  const path = (category: CategoryFieldsFragment): string[] => {
    const parent = category.parent && byId.get(category.parent.id);
    return [...(parent ? path(parent) : category.parent ? [category.parent.slug] : []), category.slug];
  };
  const names = new Map<string, string>();
  for (const category of categories) {
    const name = slugCount.get(category.slug)! > 1 ? path(category).map((s) => safeName(s, 'category')).join('--') : safeName(category.slug, 'category');
    names.set(category.id, name);
  }
  return names;
}

/** A single path segment: no separators, never `.` or `..`. */
function safeName(name: string, fallback: string): string {
  const cleaned = name.replace(/[/\\\u0000-\u001f]/g, '_').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
}

/** `name.png`, or `name-2.png` … when another asset of the category already took it. */
function uniqueFileName(name: string, written: Map<string, string>): string {
  const taken = new Set(written.values());
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; ; n += 1) {
    if (!taken.has(`${stem}-${n}${ext}`)) return `${stem}-${n}${ext}`;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A message for the person running the export; never the token. */
function explain(error: unknown): string {
  if (error instanceof UsageError || error instanceof ExportError) return error.message;
  if (error instanceof AuthenticationError) {
    return `the API token was refused (${error.message}); check KBGATE_API_TOKEN`;
  }
  if (error instanceof ForbiddenError) {
    const method = error.requiredMethod ? ` it needs the ${error.requiredMethod} method` : '';
    return `the API token may not read the knowledge base:${method || ` ${error.message}`}`;
  }
  if (error instanceof NetworkError) return `could not reach kbgate (${error.message})`;
  if (error instanceof RateLimitError) return 'the API token is still rate limited; try again in a minute';
  if (error instanceof DriveLinkError) return `an asset could not be downloaded: ${error.message}`;
  if (error instanceof KbgateError) return `${error.name}: ${error.message}`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function main(): Promise<void> {
  try {
    const config = readConfig(process.argv.slice(2), process.env);
    const client = createClient({ url: config.graphqlUrl, credential: config.token });
    const { articles, assets } = await exportMarkdown(client, config);
    console.log(`exported ${plural(articles, 'article')} and ${plural(assets, 'asset')} to ${config.outDir}`);
  } catch (error) {
    console.error(`kbgate export failed: ${explain(error)}`);
    if (error instanceof UsageError) {
      console.error('usage: KBGATE_URL=… KBGATE_API_TOKEN=… [KBGATE_CATEGORY_ID=…] npx tsx examples/export-markdown/export.ts <output-dir>');
      process.exitCode = 2;
    } else {
      process.exitCode = 1;
    }
  }
}

await main();
