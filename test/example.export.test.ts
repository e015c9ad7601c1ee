import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ArticleFieldsFragment, type Client, createClient } from '../sdk/src/index.js';
import { cleanEnv, freePort, type LiveServer, root, run, startLiveServer } from './support/liveServer.js';

// examples/export-markdown run as a child process against a live server, seeded through the API.

const SECRET = 'export-test-secret-export-test-secret-0123';
const OPERATOR_KEY = 'export-test-operator-key-0123456789abcdef';
const EXAMPLE = join(root, 'examples/export-markdown/export.ts');
/** The example asks for 50 articles a page; more than that makes it follow a cursor. */
const FILLERS = 50;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const BINARY = randomBytes(3000);

let workDir: string;
let server: LiveServer;
let graphqlUrl: string;
let readToken: string;
let postOnlyToken: string;
let guidesId: string;
/** The published articles of Guides, as the API reports them. */
let published: ArticleFieldsFragment[];
let install: ArticleFieldsFragment;

function ok<T extends { __typename: string }, N extends T['__typename']>(result: T, typename: N): Extract<T, { __typename: N }> {
  if (result.__typename !== typename) throw new Error(`expected ${typename}: ${JSON.stringify(result)}`);
  return result as Extract<T, { __typename: N }>;
}

async function seed(): Promise<void> {
  const operator = createClient({ url: graphqlUrl, credential: OPERATOR_KEY });
  const project = ok(await operator.createProject({ name: 'Export example', plan: 'BUSINESS' }), 'CreateProjectSuccess').project;
  const session = ok(await operator.createAdminSession({ projectId: project.id, userId: 'exporter', role: 'OWNER' }), 'CreateAdminSessionSuccess');
  const admin = createClient({ url: graphqlUrl, credential: session.token });

  const category = async (name: string, parentId?: string) =>
    ok(await admin.createCategory({ name, parentId: parentId ?? null }), 'CreateCategorySuccess').category;
  const guides = await category('Guides');
  guidesId = guides.id;
  const guidesSetup = await category('Setup', guides.id);
  const reference = await category('Reference');
  const referenceSetup = await category('Setup', reference.id);

  const upload = async (bytes: Uint8Array, fileName: string, contentType?: string) =>
    ok(await admin.uploadDriveAsset({ file: bytes, fileName, contentType }), 'UploadDriveAssetSuccess').driveAsset;
  const diagram = await upload(PNG, 'diagram.png');
  const data = await upload(BINARY, 'data.bin');
  const secret = await upload(new TextEncoder().encode('draft only'), 'secret.txt', 'text/plain');
  const elsewhere = await upload(new TextEncoder().encode('reference only'), 'reference.txt', 'text/plain');

  const article = async (input: Parameters<Client['createArticle']>[0]) =>
    ok(await admin.createArticle(input), 'CreateArticleSuccess').article;
  install = await article({
    title: 'Install "kbgate": a guide',
    content: '# Install\n\nRun `npm i`: done — ünïcødé.\n\n![diagram](assets/diagram.png)\n\n---\nnot: front matter\n',
    categoryId: guides.id,
    tags: ['Setup', 'cli'],
    status: 'PUBLISHED',
    assetIds: [diagram.id],
  });
  await article({
    title: 'Configure',
    content: 'Settings: [data](assets/data.bin) and ![again](assets/diagram.png)',
    categoryId: guides.id,
    status: 'PUBLISHED',
    assetIds: [diagram.id, data.id],
  });
  for (let start = 1; start <= FILLERS; start += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, FILLERS - start + 1) }, (_, i) =>
        article({ title: `Note ${start + i}`, content: `Note number ${start + i}.`, categoryId: guides.id, status: 'PUBLISHED', tags: ['note'] }),
      ),
    );
  }
  await article({ title: 'Secret plan', content: 'not yet', categoryId: guides.id, assetIds: [secret.id], tags: ['cli'] });
  await article({ title: 'Nested setup', content: 'in a subcategory', categoryId: guidesSetup.id, status: 'PUBLISHED' });
  await article({ title: 'API reference', content: 'elsewhere', categoryId: reference.id, status: 'PUBLISHED', assetIds: [elsewhere.id] });
  await article({ title: 'Reference setup', content: 'deeper', categoryId: referenceSetup.id, status: 'PUBLISHED' });

  published = [];
  for (let after: string | null = null; ; ) {
    const page = await admin.articles({ categoryId: guides.id, status: 'PUBLISHED', first: 100, after });
    published.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }

  const token = async (name: string, allowedMethods: Array<'GET' | 'POST'>) =>
    ok(await admin.createApiToken({ name, allowedMethods }), 'CreateApiTokenSuccess').token;
  readToken = await token('Markdown export', ['GET']);
  postOnlyToken = await token('Uploader', ['POST']);
}

function runExample(env: NodeJS.ProcessEnv, args: string[] = []) {
  return run(join(root, 'node_modules/.bin/tsx'), [EXAMPLE, ...args], { env: { ...cleanEnv(), ...env } });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kbgate-export-'));
  server = await startLiveServer({ workDir, secret: SECRET, operatorKey: OPERATOR_KEY });
  graphqlUrl = `${server.url}/graphql`;
  await seed();
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
}, 60_000);

describe('examples/export-markdown', () => {
  test('exports exactly the published articles of the category, with front matter and their assets', async () => {
    expect(published).toHaveLength(FILLERS + 2);
    const out = join(workDir, 'guides-export');
    const result = await runExample({ KBGATE_URL: server.url, KBGATE_API_TOKEN: readToken, KBGATE_CATEGORY_ID: guidesId }, [out]);
    expect(result.code, `${result.output}\n--- server ---\n${server.output()}`).toBe(0);
    expect(result.stdout.trim()).toBe(`exported ${FILLERS + 2} articles and 2 assets to ${out}`);
    expect(result.stderr).toBe('');

    const expected = [
      ...published.map((article) => `guides/${article.slug}.md`),
      'guides/assets/data.bin',
      'guides/assets/diagram.png',
    ].sort();
    expect(await filesUnder(out)).toEqual(expected);
    for (const absent of ['secret-plan', 'nested-setup', 'api-reference', 'reference-setup']) {
      expect(expected.some((file) => file.includes(absent))).toBe(false);
    }

    const file = await readFile(join(out, 'guides/install-kbgate-a-guide.md'), 'utf8');
    expect(install.slug).toBe('install-kbgate-a-guide');
    const tags = install.tags.map((tag) => `"${tag}"`).join(', ');
    expect([...install.tags].sort()).toEqual(['cli', 'setup']);
    expect(file).toBe(
      [
        '---',
        'title: "Install \\"kbgate\\": a guide"',
        'slug: "install-kbgate-a-guide"',
        `tags: [${tags}]`,
        'category: "Guides"',
        `updatedAt: "${install.updatedAt}"`,
        '---',
        '',
        install.content,
      ].join('\n'),
    );
    const note = published.find((article) => article.title === `Note ${FILLERS}`)!;
    expect(await readFile(join(out, `guides/${note.slug}.md`), 'utf8')).toBe(
      `---\ntitle: "Note ${FILLERS}"\nslug: "${note.slug}"\ntags: ["note"]\ncategory: "Guides"\nupdatedAt: "${note.updatedAt}"\n---\n\nNote number ${FILLERS}.`,
    );
    const configure = await readFile(join(out, 'guides/configure.md'), 'utf8');
    expect(configure).toContain('tags: []\n');
    expect(configure.endsWith('\n\nSettings: [data](assets/data.bin) and ![again](assets/diagram.png)')).toBe(true);

    expect((await readFile(join(out, 'guides/assets/diagram.png'))).equals(PNG)).toBe(true);
    expect((await readFile(join(out, 'guides/assets/data.bin'))).equals(BINARY)).toBe(true);
  }, 120_000);

  test('without a category it exports every category, each into its own directory', async () => {
    const out = join(workDir, 'all-export');
    const result = await runExample({ KBGATE_URL: graphqlUrl, KBGATE_API_TOKEN: readToken, KBGATE_EXPORT_DIR: out });
    expect(result.code, result.output).toBe(0);
    expect(result.stdout.trim()).toBe(`exported ${FILLERS + 5} articles and 3 assets to ${out}`);
    const files = await filesUnder(out);
    // Both subcategories are "setup": their directories carry the path from the top.
    expect(files.filter((file) => !file.startsWith('guides/'))).toEqual([
      'guides--setup/nested-setup.md',
      'reference--setup/reference-setup.md',
      'reference/api-reference.md',
      'reference/assets/reference.txt',
    ]);
    expect(files.filter((file) => file.startsWith('guides/'))).toHaveLength(FILLERS + 4);
    expect(files.some((file) => file.includes('secret'))).toBe(false);
  }, 120_000);

  test('a bad token exits non-zero with a clear message and writes nothing', async () => {
    const out = join(workDir, 'refused');
    const badToken = 'kbg_ThisIsNotARealTokenAtAll0123456789abc';
    const result = await runExample({ KBGATE_URL: server.url, KBGATE_API_TOKEN: badToken, KBGATE_CATEGORY_ID: guidesId }, [out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^kbgate export failed: the API token was refused \(.+\); check KBGATE_API_TOKEN\n$/);
    expect(result.output).not.toContain(badToken);
    expect(result.stdout).toBe('');
    expect(await filesUnder(out)).toEqual([]);
  }, 60_000);

  test('a token without GET is told which method it needs', async () => {
    const result = await runExample({ KBGATE_URL: server.url, KBGATE_API_TOKEN: postOnlyToken }, [join(workDir, 'forbidden')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('kbgate export failed: the API token may not read the knowledge base: it needs the GET method\n');
  }, 60_000);

  test('an unreachable server, an unknown category and missing settings are clear failures', async () => {
    const down = await runExample({ KBGATE_URL: `http://127.0.0.1:${await freePort()}`, KBGATE_API_TOKEN: readToken }, [join(workDir, 'down')]);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^kbgate export failed: could not reach kbgate \(Request to http:\/\/127\.0\.0\.1:\d+\/graphql failed: /);
    expect(down.output).not.toContain(readToken);

    const unknown = await runExample(
      { KBGATE_URL: server.url, KBGATE_API_TOKEN: readToken, KBGATE_CATEGORY_ID: 'Q2F0ZWdvcnk6bm9uZQ==' },
      [join(workDir, 'unknown')],
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no category with id Q2F0ZWdvcnk6bm9uZQ== (KBGATE_CATEGORY_ID)');

    const unset = await runExample({ KBGATE_URL: server.url });
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('missing KBGATE_API_TOKEN, an output directory (argument or KBGATE_EXPORT_DIR)');
    expect(unset.stderr).toContain('usage:');
  }, 60_000);
});
