import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Lexer,
  Source,
  TokenKind,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../server/config.js';
import { createTestApp, globalId, type GraphQLResponse, type TestApp } from './support/app.js';
import { PNG_1X1, seedArticle, seedAsset, seedCategory, upload } from './support/kb.js';

const CATEGORY_NAMES = '{ categories { name } }';

/** Names of the project's categories, which is what the refused mutations below would have created. */
async function categoryNames(app: TestApp, credential: string): Promise<string[]> {
  const res = await app.gql(CATEGORY_NAMES, {}, credential);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.categories.map((c: { name: string }) => c.name).sort();
}

/** A project with an OWNER session on a fresh app with these limits. */
async function appWith(config: Parameters<typeof createTestApp>[0] = {}) {
  const app = await createTestApp(config);
  const projectId = await app.createProject({ name: 'Limits' });
  const owner = await app.adminSession(projectId, 'OWNER');
  return { app, projectId, owner };
}

function expectRefusedWith(res: GraphQLResponse, message: string) {
  expect(res.status).toBe(200);
  // The token limit stops the parser; the others fail validation.
  const extensions = message.includes('Token limit') ? { extensions: { code: 'GRAPHQL_PARSE_FAILED' } } : {};
  expect(res.body).toEqual({ errors: [{ message, ...extensions }] });
}

/** Real tokens of a document as GraphQL's lexer reads them (no comments, commas or whitespace). */
function countTokens(document: string): number {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** `open … close` padded with `__typename` selections to exactly `n` tokens (aliased __typename is not an alias to the limit). */
function withTokens(open: string, close: string, n: number): string {
  const pad = n - countTokens(`${open} ${close}`);
  expect(pad).toBeGreaterThanOrEqual(0);
  const filler = [
    ...Array.from({ length: Math.floor(pad / 3) }, (_, i) => `t${i}: __typename`),
    ...Array.from({ length: pad % 3 }, () => '__typename'),
  ].join(' ');
  const document = `${open} ${filler} ${close}`;
  expect(countTokens(document)).toBe(n);
  return document;
}

/** `categories { parent { … { id } } }`: depth n (n ≥ 2), counting the leaf. */
const deepSelection = (n: number) => `categories { ${'parent { '.repeat(n - 2)}id${' }'.repeat(n - 2)} }`;
/** A createCategory whose selection is n deep; inline fragments add no depth. */
const deepMutation = (n: number, name: string, operationName = '') =>
  `mutation ${operationName} { createCategory(input: {name: "${name}"}) { ... on CreateCategorySuccess { category { ${'parent { '.repeat(n - 3)}id${' }'.repeat(n - 3)} } } } }`;
/** Depth n (n ≥ 4) reached through two nested named fragments. */
const deepThroughFragments = (n: number) =>
  `{ categories { ...F1 } } fragment F1 on Category { parent { ...F2 } } fragment F2 on Category { ${'parent { '.repeat(n - 3)}id${' }'.repeat(n - 3)} }`;

/**
 * Armor's cost of `createCategory { … on Success { category { articles(first: k) { __typename } } } }`:
 * 2 + 1.5 × (fragment 2 + 1.5 × (category 2 + 1.5 × k × (2 + 1.5))).
 */
const mutationCost = (k: number) => 9.5 + 11.8125 * k;
const costlyMutation = (k: number, name: string) =>
  `mutation { createCategory(input: {name: "${name}"}) { ... on CreateCategorySuccess { category { articles(first: ${k}) { __typename } } } } }`;

const SMALL: Limits = { ...DEFAULT_LIMITS, maxDepth: 4, maxAliases: 2, maxDirectives: 3, maxTokens: 50, maxCost: 100 };

describe.each([
  ['the default limits', DEFAULT_LIMITS],
  ['small custom limits', SMALL],
] as const)('GraphQL limits, just under and just over: %s', (_label, limits) => {
  let app: TestApp;
  let owner: string;
  beforeAll(async () => {
    ({ app, owner } = await appWith({ config: { limits } }));
    await seedCategory(app, owner, 'Root');
  });
  afterAll(() => app.close());

  const depthError = (found: number) => `Syntax Error: Query depth limit of ${limits.maxDepth} exceeded, found ${found}.`;
  const n = () => limits.maxDepth;

  test('depth: at the limit runs, one deeper is refused', async () => {
    const under = await app.gql(`{ ${deepSelection(n())} }`, {}, owner);
    expect(under.status).toBe(200);
    expect(under.body.errors).toBeUndefined();
    expect(under.body.data.categories).toHaveLength(1);
    expectRefusedWith(await app.gql(`{ ${deepSelection(n() + 1)} }`, {}, owner), depthError(n() + 1));
    expectRefusedWith(await app.gql(`{ ${deepSelection(n() + 5)} }`, {}, owner), depthError(n() + 5));
  });

  test.each([
    ['a fragment named __schema', (d: number) => `{ ...__schema } fragment __schema on Query { ${deepSelection(d)} }`],
    ['an operation named __schema', (d: number) => `query __schema { ${deepSelection(d)} }`],
    ['a field aliased __schema', (d: number) => `{ __schema: ${deepSelection(d)} }`],
    ['an inline fragment', (d: number) => `{ ... on Query { ... { ${deepSelection(d)} } } }`],
    ['a chain of named fragments', deepThroughFragments],
  ])('depth through %s is measured like any other', async (_how, document) => {
    const under = await app.gql(document(n()), {}, owner);
    expect(under.body.errors).toBeUndefined();
    expect(under.body.data.categories ?? under.body.data.__schema).toHaveLength(1);
    expectRefusedWith(await app.gql(document(n() + 1), {}, owner), depthError(n() + 1));
  });

  test('depth: a mutation one too deep creates nothing, also through an operation or fragment named __schema', async () => {
    const before = await categoryNames(app, owner);
    expectRefusedWith(await app.gql(deepMutation(n() + 1, 'too deep'), {}, owner), depthError(n() + 1));
    expectRefusedWith(await app.gql(deepMutation(n() + 1, 'too deep op', '__schema'), {}, owner), depthError(n() + 1));
    const viaFragment = `mutation { ...__schema } fragment __schema on Mutation { createCategory(input: {name: "too deep fragment"}) { ... on CreateCategorySuccess { category { ${'parent { '.repeat(n() - 2)}id${' }'.repeat(n() - 2)} } } } }`;
    expectRefusedWith(await app.gql(viaFragment, {}, owner), depthError(n() + 1));
    expect(await categoryNames(app, owner)).toEqual(before);
    const atLimit = await app.gql(deepMutation(n(), 'deep enough'), {}, owner);
    expect(atLimit.body.errors).toBeUndefined();
    expect(await categoryNames(app, owner)).toEqual([...before, 'deep enough'].sort());
  });

  const aliasError = (found: number) => `Syntax Error: Aliases limit of ${limits.maxAliases} exceeded, found ${found}.`;
  const aliased = (count: number) => Array.from({ length: count }, (_, i) => `a${i}: viewer { kind }`).join(' ');

  test('aliases: at the limit runs, one more is refused, also inside a fragment', async () => {
    const under = await app.gql(`{ ${aliased(limits.maxAliases)} }`, {}, owner);
    expect(under.body.errors).toBeUndefined();
    expect(Object.keys(under.body.data)).toHaveLength(limits.maxAliases);
    expectRefusedWith(await app.gql(`{ ${aliased(limits.maxAliases + 1)} }`, {}, owner), aliasError(limits.maxAliases + 1));
    expectRefusedWith(
      await app.gql(`{ ...F } fragment F on Query { ${aliased(limits.maxAliases + 1)} }`, {}, owner),
      aliasError(limits.maxAliases + 1),
    );
  });

  test('aliases: a mutation over the limit creates nothing; at the limit each aliased create runs', async () => {
    const creates = (count: number, prefix: string) =>
      `mutation { ${Array.from({ length: count }, (_, i) => `c${i}: createCategory(input: {name: "${prefix} ${i}"}) { __typename }`).join(' ')} }`;
    const before = await categoryNames(app, owner);
    expectRefusedWith(await app.gql(creates(limits.maxAliases + 1, 'over'), {}, owner), aliasError(limits.maxAliases + 1));
    expect(await categoryNames(app, owner)).toEqual(before);
    const under = await app.gql(creates(limits.maxAliases, 'alias'), {}, owner);
    expect(under.body.errors).toBeUndefined();
    const made = Array.from({ length: limits.maxAliases }, (_, i) => `alias ${i}`);
    expect(await categoryNames(app, owner)).toEqual([...before, ...made].sort());
  });

  const directiveError = (found: number) => `Syntax Error: Directives limit of ${limits.maxDirectives} exceeded, found ${found}.`;

  test('directives: at the limit runs, one more is refused; a mutation over it creates nothing', async () => {
    const query = (count: number) => `{ viewer { ${'kind @include(if: true) '.repeat(count)}} }`;
    const under = await app.gql(query(limits.maxDirectives), {}, owner);
    expect(under.body).toEqual({ data: { viewer: { kind: 'ADMIN' } } });
    expectRefusedWith(await app.gql(query(limits.maxDirectives + 1), {}, owner), directiveError(limits.maxDirectives + 1));

    const mutation = (count: number, name: string) =>
      `mutation { createCategory(input: {name: "${name}"}) { ${'__typename @skip(if: false) '.repeat(count)}} }`;
    const before = await categoryNames(app, owner);
    expectRefusedWith(await app.gql(mutation(limits.maxDirectives + 1, 'directives over'), {}, owner), directiveError(limits.maxDirectives + 1));
    expect(await categoryNames(app, owner)).toEqual(before);
    expect((await app.gql(mutation(limits.maxDirectives, 'directives'), {}, owner)).body.errors).toBeUndefined();
    expect(await categoryNames(app, owner)).toEqual([...before, 'directives'].sort());
  });

  const tokenError = `Syntax Error: Token limit of ${limits.maxTokens} exceeded.`;

  test('tokens: exactly the limit runs, one more is refused; a mutation over it creates nothing', async () => {
    const under = await app.gql(withTokens('{ viewer { kind }', '}', limits.maxTokens), {}, owner);
    expect(under.body.errors).toBeUndefined();
    expect(under.body.data.viewer).toEqual({ kind: 'ADMIN' });
    expectRefusedWith(await app.gql(withTokens('{ viewer { kind }', '}', limits.maxTokens + 1), {}, owner), tokenError);

    const open = (name: string) => `mutation { createCategory(input: {name: "${name}"}) { __typename`;
    const before = await categoryNames(app, owner);
    expectRefusedWith(await app.gql(withTokens(open('tokens over'), '} }', limits.maxTokens + 1), {}, owner), tokenError);
    expect(await categoryNames(app, owner)).toEqual(before);
    expect((await app.gql(withTokens(open('tokens'), '} }', limits.maxTokens), {}, owner)).body.errors).toBeUndefined();
    expect(await categoryNames(app, owner)).toEqual([...before, 'tokens'].sort());
  });

  const costError = (found: number) => `Syntax Error: Query Cost limit of ${limits.maxCost} exceeded, found ${found}.`;

  test('cost: exactly the limit runs, one more is refused', async () => {
    // (2 + 1.5 + 1.5) per item × first: the limit exactly; one more __typename costs 1.
    const atLimit = `{ apiTokens(first: ${limits.maxCost / 5}) { totalCount totalCount } }`;
    const under = await app.gql(atLimit, {}, owner);
    expect(under.body).toEqual({ data: { apiTokens: { totalCount: 0 } } });
    const over = `{ apiTokens(first: ${limits.maxCost / 5}) { totalCount totalCount } __typename }`;
    expectRefusedWith(await app.gql(over, {}, owner), costError(limits.maxCost + 1));
  });

  test('cost: a mutation over the limit creates nothing', async () => {
    const overK = Math.floor((limits.maxCost - 9.5) / 11.8125) + 1;
    expect(mutationCost(overK)).toBeGreaterThan(limits.maxCost);
    expect(mutationCost(overK - 1)).toBeLessThanOrEqual(limits.maxCost);
    const before = await categoryNames(app, owner);
    expectRefusedWith(await app.gql(costlyMutation(overK, 'costly'), {}, owner), costError(mutationCost(overK)));
    expect(await categoryNames(app, owner)).toEqual(before);
    expect((await app.gql(costlyMutation(overK - 1, 'affordable'), {}, owner)).body.errors).toBeUndefined();
    expect(await categoryNames(app, owner)).toEqual([...before, 'affordable'].sort());
  });

  test('a refused document is a 400 to a client that accepts application/graphql-response+json, as an invalid one is', async () => {
    const accept = { accept: 'application/graphql-response+json' };
    const invalid = await app.gql('{ noSuchField }', {}, owner, accept);
    expect(invalid.status).toBe(400);
    // GraphQL over HTTP: a response without `data` in this media type is a 4xx.
    const res = await app.gql(`{ ${deepSelection(n() + 1)} }`, {}, owner, accept);
    expect(res.body).toEqual({ errors: [{ message: depthError(n() + 1) }] });
    expect(res.status).toBe(400);
  });
});

describe('request body cap (1 MiB) for non-multipart requests', () => {
  const LIMIT = DEFAULT_LIMITS.maxBodyBytes;
  let app: TestApp;
  let owner: string;
  beforeAll(async () => {
    ({ app, owner } = await appWith({ config: { maxUploadBytes: 3 * 1024 * 1024 } }));
  });
  afterAll(() => app.close());

  /** A JSON body of exactly `bytes` bytes: the query plus an unused padding variable. */
  function bodyOf(bytes: number, query = '{ viewer { kind } }'): string {
    const empty = JSON.stringify({ query, variables: { pad: '' } });
    const body = JSON.stringify({ query, variables: { pad: 'x'.repeat(bytes - empty.length) } });
    expect(Buffer.byteLength(body)).toBe(bytes);
    return body;
  }

  function post(body: BodyInit, headers: Record<string, string> = {}) {
    return app.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${owner}`, ...headers },
      body,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
  }

  /** The body as a stream of 64 KiB chunks, so no Content-Length is known. */
  function stream(text: string): ReadableStream<Uint8Array> {
    const bytes = new TextEncoder().encode(text);
    let offset = 0;
    return new ReadableStream({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + 65536));
        offset += 65536;
      },
    });
  }

  async function expectTooLarge(res: Response, message = `Request body too large (limit ${LIMIT} bytes)`) {
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ errors: [{ message, extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }] });
  }

  async function expectViewer(res: Response) {
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { viewer: { kind: 'ADMIN' } } });
  }

  test('exactly 1 MiB runs; one byte more is 413 (declared Content-Length)', async () => {
    await expectViewer(await post(bodyOf(LIMIT), { 'content-length': String(LIMIT) }));
    await expectTooLarge(await post(bodyOf(LIMIT + 1), { 'content-length': String(LIMIT + 1) }));
  });

  test('exactly 1 MiB runs; one byte more is 413 (no Content-Length: a string body)', async () => {
    await expectViewer(await post(bodyOf(LIMIT)));
    await expectTooLarge(await post(bodyOf(LIMIT + 1)));
  });

  test('exactly 1 MiB runs; one byte more or 5 MiB is 413 (no Content-Length: a stream)', async () => {
    await expectViewer(await post(stream(bodyOf(LIMIT))));
    await expectTooLarge(await post(stream(bodyOf(LIMIT + 1))));
    // Past the upload cap (3 MiB here) too: the stream is cut off at the 1 MiB cap.
    await expectTooLarge(await post(stream(bodyOf(5 * LIMIT))));
  });

  test('a body without Content-Length is refused once it passes 1 MiB, not read to its end first', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Stops by itself at 32 MiB so a server that reads everything cannot hang the test.
        if (pulled >= 32 * LIMIT) return controller.close();
        const chunk = new TextEncoder().encode(pulled === 0 ? '{"query":"{ viewer { kind } }","variables":{"pad":"' : 'x'.repeat(65536));
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await post(endless);
    expect(res.status).toBe(413);
    // What was read before the answer: the cap and a little read-ahead, not the upload cap's 3 MiB.
    expect(pulled).toBeLessThan(LIMIT + 4 * 65536);
  });

  test('a mutation in an oversized body creates nothing', async () => {
    const query = 'mutation { createCategory(input: {name: "oversized"}) { __typename } }';
    await expectTooLarge(await post(bodyOf(LIMIT + 1, query)));
    await expectTooLarge(await post(stream(bodyOf(LIMIT + 1, query))));
    expect(await categoryNames(app, owner)).toEqual([]);
  });

  test('a multipart upload is not held to 1 MiB: 2 MiB uploads under a 3 MiB upload cap', async () => {
    const bytes = new Uint8Array(2 * 1024 * 1024).map((_, i) => (i * 7) % 256);
    const res = await upload(app, owner, bytes, 'two-mebibytes.bin', 'application/octet-stream');
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.uploadDriveAsset).toMatchObject({
      __typename: 'UploadDriveAssetSuccess',
      driveAsset: { fileName: 'two-mebibytes.bin', byteSize: 2 * 1024 * 1024 },
    });
  });

  test("a multipart request's operations field is still held to 1 MiB", async () => {
    const form = new FormData();
    form.set('operations', JSON.stringify({
      query: 'mutation ($input: UploadDriveAssetInput!) { uploadDriveAsset(input: $input) { __typename } }',
      variables: { input: { file: null }, pad: 'x'.repeat(LIMIT) },
    }));
    form.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
    form.set('0', new File([PNG_1X1], 'pixel.png', { type: 'image/png' }));
    const res = await app.fetch('/graphql', {
      method: 'POST',
      headers: { 'x-graphql-yoga-csrf': '1', authorization: `Bearer ${owner}` },
      body: form,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect((await app.gql('{ driveAssets { edges { node { fileName } } } }', {}, owner)).body.data.driveAssets.edges)
      .toEqual([{ node: { fileName: 'two-mebibytes.bin' } }]);
  });
});

describe('production mode hides the schema', () => {
  let prod: TestApp;
  let prodOwner: string;
  let dev: TestApp;
  let devOwner: string;
  beforeAll(async () => {
    ({ app: prod, owner: prodOwner } = await appWith({ config: { production: true } }));
    ({ app: dev, owner: devOwner } = await appWith());
  });
  afterAll(async () => {
    await prod.close();
    await dev.close();
  });

  const INTROSPECTION = [
    ['__schema', '{ __schema { types { name } } }'],
    ['__type', '{ __type(name: "Project") { name fields { name } } }'],
    ['__schema in a fragment', '{ ...F } fragment F on Query { __schema { queryType { name } } }'],
    ['__schema under an alias', '{ s: __schema { mutationType { fields { name } } } }'],
  ] as const;

  test.each(INTROSPECTION)('production: introspection (%s) is refused, with and without a credential', async (_name, query) => {
    for (const credential of [prod.operatorKey, prodOwner, null]) {
      const res = await prod.gql(query, {}, credential);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors?.length).toBeGreaterThan(0);
      expect(res.body.errors?.[0]?.message).toMatch(/^GraphQL introspection has been disabled/);
      expect(JSON.stringify(res.body)).not.toMatch(/AuditEvent|ApiToken|Mutation|createProject/);
    }
  });

  test('production: __typename still answers (it is not introspection)', async () => {
    expect((await prod.gql('{ __typename }', {}, prodOwner)).body).toEqual({ data: { __typename: 'Query' } });
  });

  const MISSPELT = [
    ['a field', '{ project { nme } }', {}],
    ['an argument', '{ apiTokens(frist: 1) { totalCount } }', {}],
    ['a type in a fragment', '{ project { ... on Projet { id } } }', {}],
    ['a variable type', 'query ($n: Strng) { project { id } }', {}],
    ['an enum literal', '{ articles(status: PUBLISH) { pageInfo { hasNextPage } } }', {}],
    ['an enum value in variables', 'query ($s: ArticleStatus) { articles(status: $s) { pageInfo { hasNextPage } } }', { s: 'PUBLISH' }],
    ['an input field in variables', 'mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { __typename } }', { input: { nme: 'x' } }],
  ] as const;

  test.each(MISSPELT)('production: misspelling %s is an error without "Did you mean"', async (_what, query, variables) => {
    const res = await prod.gql(query, variables, prodOwner);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.body)).not.toMatch(/did you mean/i);
  });

  test('production: GET /graphql for a browser serves no GraphiQL', async () => {
    for (const headers of [{ accept: 'text/html' }, { accept: 'text/html', 'x-graphql-yoga-csrf': '1' }] as Record<string, string>[]) {
      const res = await prod.fetch('/graphql', { headers });
      expect(res.status).toBe(406);
      expect(res.headers.get('content-type') ?? '').not.toMatch(/html/);
      expect(await res.text()).not.toMatch(/graphiql|<html/i);
    }
  });

  test('dev: introspection works, suggestions appear and GraphiQL is served', async () => {
    const schema = await dev.gql('{ __schema { types { name } } }', {}, devOwner);
    expect(schema.body.errors).toBeUndefined();
    const types = schema.body.data.__schema.types.map((t: { name: string }) => t.name);
    expect(types).toEqual(expect.arrayContaining(['Query', 'Mutation', 'ApiToken', 'AuditEvent']));
    const type = await dev.gql('{ __type(name: "Project") { name } }', {}, null);
    expect(type.body).toEqual({ data: { __type: { name: 'Project' } } });

    const misspelt = await dev.gql('{ project { nme } }', {}, devOwner);
    expect(misspelt.body.errors?.[0]?.message).toBe('Cannot query field "nme" on type "Project". Did you mean "name"?');

    const page = await dev.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/<title>kbgate<\/title>/);
  });
});

// ---------------------------------------------------------------------------------------------
// Every mutation with random input, from the committed schema so a new mutation is not missed.

const printed = buildSchema(readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8'));
const MUTATIONS = Object.values(printed.getMutationType()!.getFields());
const OPERATOR_MUTATIONS = new Set(['createProject', 'updateProject', 'createAdminSession']);
/** Where an issued token may appear: the two fields whose job is to hand it out. */
const TOKEN_FIELDS = new Set(['createApiToken.token', 'revealApiToken.token']);
const TOKEN_PATTERN = /kbg_[0-9A-Za-z]{38}/g;

/** Every leaf of an object type, and of its object fields `depth` levels down. */
function selectionOf(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type))) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0 && isObjectType(named)) parts.push(`${field.name} { ${selectionOf(named, depth - 1)} }`);
  }
  return parts.length > 0 ? parts.join(' ') : '__typename';
}

function documentFor(field: GraphQLField<unknown, unknown>): string {
  const result = getNamedType(field.type);
  const members = isUnionType(result) ? result.getTypes() : [result as GraphQLObjectType];
  const selections = members.map((member) => `... on ${member.name} { ${selectionOf(member, 2)} }`).join(' ');
  const input = field.args.find((arg) => arg.name === 'input')!;
  return `mutation ($input: ${String(input.type)}) { ${field.name}(input: $input) { __typename ${selections} } }`;
}

interface Pools {
  /** Ids of this project's objects, other projects' objects, and of the wrong type. */
  ids: string[];
  /**
   * Tokens issued so far (grows as createApiToken succeeds), looked for in every response. They are
   * not sent as input here: GraphQL's coercion errors quote input back, which a test below pins down.
   */
  secrets: string[];
}

const anyJson = fc.jsonValue({ maxDepth: 3 });
const hugeString = fc.constantFrom(100, 101, 200, 201, 255, 256, 5000, 500_000, 500_001).chain((n) =>
  fc.constantFrom('x', 'é', '𝕏', ' ').map((c) => c.repeat(n)),
);
const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '', ' ', '\t\n', 'a\u0000b', '\u0000', '\ud800', 'x\udfffy', '\u202e\u0301', '👩‍👩‍👧', 'Ünïcödé ✓',
      '<script>alert(1)</script>', "'; drop table projects; --", '../../etc/passwd', '%00', '${7*7}', '__proto__',
      'constructor', 'null', 'GET', 'valid name',
    ),
  },
  { weight: 1, arbitrary: hugeString },
);
const integer = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 1, 14, 15, 16, 20, 21, 99, 100, 101, 1000, 1001, 2160, 2161, 86_400, 86_401, 100_000, 100_001, 2 ** 31 - 1, -(2 ** 31)),
);
const number = fc.oneof(integer, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(2 ** 31, 2 ** 53, 1e308, -1e308, 0.5, -0));

function idArbitrary(pools: Pools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.nat().map((i) => pools.ids[i % pools.ids.length]!) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('Category', 'Article', 'DriveAsset', 'ApiToken', 'Project', 'AuditEvent', 'Nope', ''), fc.oneof(fc.uuid(), fc.string()))
        .map(([type, id]) => globalId(type, id)),
    },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: text },
  );
}

/**
 * A value for an input type. Well-typed (`chaos` off), it passes GraphQL's coercion and reaches
 * the resolver: any value of the right type, null where that is allowed. With `chaos`, any field
 * may also be any JSON, null where it is required, missing, or joined by unknown fields.
 */
function valueFor(type: GraphQLInputType, pools: Pools, chaos: boolean): fc.Arbitrary<unknown> {
  const typed = typedValueFor(type, pools, chaos);
  if (chaos) return fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: anyJson }, { weight: 1, arbitrary: fc.constant(null) });
  return isNonNullType(type) ? typed : fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: fc.constant(null) });
}

function typedValueFor(type: GraphQLInputType, pools: Pools, chaos: boolean): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return typedValueFor(type.ofType, pools, chaos);
  if (isListType(type)) return fc.array(valueFor(type.ofType, pools, chaos), { maxLength: 25 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const model = Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, pools, chaos)]));
    const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    const wellFormed = fc.record(model, { requiredKeys: required });
    if (!chaos) return wellFormed;
    return fc.oneof(
      { weight: 2, arbitrary: wellFormed },
      { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) },
      {
        weight: 1,
        arbitrary: fc.tuple(wellFormed, fc.dictionary(fc.string({ maxLength: 10 }), anyJson, { maxKeys: 3 }))
          .map(([known, extra]) => ({ ...extra, ...known })),
      },
    );
  }
  switch (type.name) {
    case 'ID':
      return idArbitrary(pools);
    case 'String':
      return text;
    case 'Int':
      return chaos ? number : integer;
    case 'Boolean':
      return fc.boolean();
    default:
      return anyJson; // File: what JSON can carry
  }
}

/** The counterexample and what was wrong with its response. */
function failureOf<T>(outcome: fc.RunDetails<T>): string {
  const error = outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance);
  return `${JSON.stringify(outcome.counterexample)?.slice(0, 1500)} (seed ${outcome.seed}, path ${outcome.counterexamplePath})\n${error}`;
}

/** Problems with one response; an empty list when it is a proper answer. */
function problemsOf(res: GraphQLResponse, field: string, secrets: string[], credentials: string[]): string[] {
  const problems: string[] = [];
  if (![200, 400, 413].includes(res.status)) problems.push(`HTTP ${res.status}`);
  for (const error of res.body.errors ?? []) {
    if (error.message === 'Unexpected error.' || error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
      problems.push(`unexpected error at ${JSON.stringify(error.path)}`);
    }
  }
  const result = (res.body.data as any)?.[field];
  if (res.body.errors === undefined && typeof result?.__typename !== 'string') problems.push('no typed result');
  const handedOut = typeof result?.token === 'string' && TOKEN_FIELDS.has(`${field}.token`) ? result.token : null;
  if (handedOut) secrets.push(handedOut);
  const text = JSON.stringify(res.body).split(handedOut ?? '\u0000\u0000').join('');
  for (const found of text.match(TOKEN_PATTERN) ?? []) problems.push(`token-shaped string in the response: ${found.slice(0, 8)}…`);
  for (const secret of [...secrets, ...credentials]) {
    if (text.includes(secret)) problems.push(`a secret in the response: ${secret.slice(0, 8)}…`);
  }
  return problems;
}

describe('every mutation, random input (fast-check)', () => {
  const RUNS = 100;
  let fz: TestApp;
  let owner: string;
  let credentials: Record<'OWNER' | 'EDITOR' | 'API_TOKEN' | 'OPERATOR', string>;
  const pools: Pools = { ids: [], secrets: [] };
  let otherOwner: string;
  let otherState: () => Promise<unknown>;
  let otherBefore: unknown;

  beforeAll(async () => {
    fz = await createTestApp();
    const projectId = await fz.createProject({ name: 'Fuzzed', apiTokenLimit: 1000 });
    owner = await fz.adminSession(projectId, 'OWNER');
    const editor = await fz.adminSession(projectId, 'EDITOR');
    const apiToken = await fz.createToken(owner, { name: 'fuzzer', allowedMethods: ['GET', 'POST', 'PUT', 'DELETE'] });
    await fz.setRateLimit(projectId, 100_000);
    credentials = { OWNER: owner, EDITOR: editor, API_TOKEN: apiToken.token, OPERATOR: fz.operatorKey };

    const root = await seedCategory(fz, owner, 'Root');
    const child = await seedCategory(fz, owner, 'Child', root);
    const asset = (await seedAsset(fz, owner)).id;
    const article = await seedArticle(fz, owner, { title: 'Seeded', categoryId: child, tags: ['a'], assetIds: [asset] });
    const victims = [];
    for (let i = 0; i < 3; i++) victims.push(await fz.createToken(owner, { name: `victim ${i}`, allowedMethods: ['GET'] }));
    pools.secrets.push(apiToken.token, ...victims.map((v) => v.token));
    // Only a spare project's id: the operator's updateProject may change its plan and limits.
    const spare = await fz.createProject({ name: 'Spare' });

    const otherId = await fz.createProject({ name: 'Other tenant' });
    otherOwner = await fz.adminSession(otherId, 'OWNER');
    const otherCategory = await seedCategory(fz, otherOwner, 'Other root');
    const otherAsset = (await seedAsset(fz, otherOwner)).id;
    const otherArticle = await seedArticle(fz, otherOwner, { title: 'Other article', categoryId: otherCategory, assetIds: [otherAsset] });
    const otherToken = await fz.createToken(otherOwner, { name: 'other token', allowedMethods: ['GET', 'POST'] });
    pools.secrets.push(otherToken.token);
    otherState = async () =>
      (await fz.gql(
        `{ categories { id name parent { id } }
           articles(first: 100) { edges { node { id title content status tags updatedAt assets { id } } } }
           driveAssets(first: 100) { edges { node { id fileName } } }
           apiTokens(first: 100) { edges { node { id name allowedMethods driveAssetAccessValidityMinutes updatedAt } } } }`,
        {},
        otherOwner,
      )).body;
    otherBefore = await otherState();

    pools.ids.push(root, child, asset, article, ...victims.map((v) => v.id), spare, otherCategory, otherAsset, otherArticle, otherToken.id);
  });
  afterAll(() => fz.close());

  test('the schema has the mutations this suite knows of, and no new one without an input', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(15);
    for (const field of MUTATIONS) expect(field.args.map((a) => a.name), field.name).toEqual(['input']);
  });

  test.each(MUTATIONS.map((field) => [field.name, field] as const))(
    '%s: no 5xx, no "Unexpected error.", no token outside createApiToken/revealApiToken',
    async (name, field) => {
      const document = documentFor(field);
      const inputArg = field.args[0]!;
      const variables = fc.oneof(
        { weight: 12, arbitrary: valueFor(inputArg.type, pools, false).map((input) => ({ input })) },
        { weight: 6, arbitrary: valueFor(inputArg.type, pools, true).map((input) => ({ input })) },
        { weight: 1, arbitrary: fc.constant({}) },
        { weight: 1, arbitrary: anyJson.map((input) => ({ input })) },
      );
      const kinds = OPERATOR_MUTATIONS.has(name)
        ? (['OPERATOR', 'OWNER', 'EDITOR', 'API_TOKEN'] as const)
        : (['OWNER', 'EDITOR', 'API_TOKEN'] as const);
      const failures: string[] = [];
      for (const kind of kinds) {
        const outcome = await fc.check(
          fc.asyncProperty(variables, async (vars) => {
            const res = await fz.gql(document, vars, credentials[kind]);
            const problems = problemsOf(res, name, pools.secrets, Object.values(credentials));
            if (problems.length > 0) throw new Error(`${problems.join('; ')}\n${JSON.stringify(res.body).slice(0, 500)}`);
          }),
          { numRuns: RUNS },
        );
        if (outcome.failed) failures.push(`${name} as ${kind}: ${failureOf(outcome)}`);
      }
      expect(failures).toEqual([]);
    },
  );

  test('uploadDriveAsset as a multipart request: random names, types and bytes', async () => {
    const failures: string[] = [];
    for (const kind of ['OWNER', 'EDITOR', 'API_TOKEN'] as const) {
      const outcome = await fc.check(
        fc.asyncProperty(
          text,
          fc.oneof(fc.constantFrom('', 'image/png', 'text/html', 'application/x-msdownload', 'image/svg+xml'), fc.string({ maxLength: 40 })),
          fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.constant(new Uint8Array(PNG_1X1))),
          async (fileName, type, bytes) => {
            const res = await upload(fz, credentials[kind], bytes, fileName, type);
            const problems = problemsOf(res, 'uploadDriveAsset', pools.secrets, Object.values(credentials));
            if (problems.length > 0) throw new Error(`${problems.join('; ')}\n${JSON.stringify(res.body).slice(0, 500)}`);
          },
        ),
        { numRuns: RUNS },
      );
      if (outcome.failed) failures.push(`uploadDriveAsset as ${kind}: ${failureOf(outcome)}`);
    }
    expect(failures).toEqual([]);
  });

  test("nothing of another project changed, whoever sent what", async () => {
    expect(await otherState()).toEqual(otherBefore);
  });
});

describe('bad input found by the fuzzing above, pinned down', () => {
  let app: TestApp;
  let owner: string;
  let projectId: string;
  beforeAll(async () => {
    ({ app, owner, projectId } = await appWith());
  });
  afterAll(() => app.close());

  const typedAnswer = (res: GraphQLResponse, field: string) => {
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(typeof res.body.data?.[field]?.__typename).toBe('string');
  };

  /** Each stored text input: (label, mutation, input type, who, input with `bad` in that field). */
  const TEXT_INPUTS: [string, string, string, 'owner' | 'operator', (bad: string) => Record<string, unknown>][] = [
    ['createCategory.name', 'createCategory', 'CreateCategoryInput', 'owner', (bad) => ({ name: bad })],
    ['updateCategory.name', 'updateCategory', 'UpdateCategoryInput', 'owner', (bad) => ({ id: ids.category, name: bad })],
    ['createArticle.title', 'createArticle', 'CreateArticleInput', 'owner', (bad) => ({ title: bad, categoryId: ids.category })],
    ['createArticle.content', 'createArticle', 'CreateArticleInput', 'owner', (bad) => ({ title: 'ok', content: bad, categoryId: ids.category })],
    ['createArticle.tags', 'createArticle', 'CreateArticleInput', 'owner', (bad) => ({ title: 'ok', tags: [bad], categoryId: ids.category })],
    ['updateArticle.title', 'updateArticle', 'UpdateArticleInput', 'owner', (bad) => ({ id: ids.article, title: bad })],
    ['createApiToken.name', 'createApiToken', 'CreateApiTokenInput', 'owner', (bad) => ({ name: bad, allowedMethods: ['GET'] })],
    ['updateApiToken.name', 'updateApiToken', 'UpdateApiTokenInput', 'owner', (bad) => ({ id: ids.token, name: bad })],
    ['createProject.name', 'createProject', 'CreateProjectInput', 'operator', (bad) => ({ name: bad, plan: 'BUSINESS' })],
    ['updateProject.name', 'updateProject', 'UpdateProjectInput', 'operator', (bad) => ({ id: ids.project, name: bad })],
    ['createAdminSession.userId', 'createAdminSession', 'CreateAdminSessionInput', 'operator', (bad) => ({ projectId: ids.project, userId: bad, role: 'READER' })],
  ];
  const ids = { category: '', article: '', token: '', project: '' };
  beforeAll(async () => {
    ids.project = projectId;
    ids.category = await seedCategory(app, owner, 'Docs');
    ids.article = await seedArticle(app, owner, { title: 'Doc', categoryId: ids.category });
    ids.token = (await app.createToken(owner, { name: 'renamed', allowedMethods: ['GET'] })).id;
  });

  describe.each([
    ['a NUL character', 'a\u0000b'],
    ['a lone surrogate', 'a\ud800b'],
  ])('%s', (_what, bad) => {
    test.each(TEXT_INPUTS)(
      'in %s is a typed answer, not a crash',
      async (_name, field, inputType, who, input) => {
        const res = await app.gql(
          `mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename } }`,
          { input: input(bad) },
          who === 'owner' ? owner : app.operatorKey,
        );
        typedAnswer(res, field);
      },
    );
  });

  // A part without a file name is read as a text field, so it is not a file: a clear request error.
  test('an upload whose file part has an empty file name is a clear request error, not a crash', async () => {
    const res = await upload(app, owner, PNG_1X1, '', 'image/png');
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors?.[0]?.message).toContain('Expected a file part of a GraphQL multipart request (with a file name)');
    const assets = await app.gql('{ driveAssets { edges { cursor } } }', {}, owner);
    expect(assets.body.data.driveAssets.edges).toEqual([]);
  });

  test('uploadDriveAsset with a JSON value where the file goes is a typed answer, not a crash', async () => {
    for (const file of ['hello', 42, { name: 'x.png', size: 3 }, []]) {
      const res = await app.gql(
        'mutation ($input: UploadDriveAssetInput!) { uploadDriveAsset(input: $input) { __typename } }',
        { input: { file } },
        owner,
      );
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(res.body)).not.toContain('Unexpected error.');
      expect(res.body.errors?.[0]?.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    }
  });
});

describe('a token sent as input is never echoed back', () => {
  let app: TestApp;
  let owner: string;
  let token: string;
  beforeAll(async () => {
    ({ app, owner } = await appWith());
    token = (await app.createToken(owner, { name: 'echo', allowedMethods: ['GET'] })).token;
  });
  afterAll(() => app.close());

  test.each([
    ['deleteCategory', 'DeleteCategoryInput', () => ({ id: token })],
    ['updateApiToken', 'UpdateApiTokenInput', () => ({ id: token, name: token })],
    ['createApiToken', 'CreateApiTokenInput', () => ({ name: ` ${token} `, allowedMethods: ['GET'] })],
    ['createArticle', 'CreateArticleInput', () => ({ title: 'x', categoryId: token, assetIds: [token] })],
    ['revealApiToken', 'RevealApiTokenInput', () => ({ id: token })],
  ] as const)('%s with the token in its ids and names: refused without quoting it', async (field, inputType, input) => {
    const res = await app.gql(
      `mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename ... on Error { code message } } }`,
      { input: input() },
      owner,
    );
    expect(res.body.errors).toBeUndefined();
    expect(['NotFoundError', 'ValidationError']).toContain(res.body.data[field].__typename);
    expect(JSON.stringify(res.body)).not.toContain(token.slice(4, 36));
  });

  test('in input that fails GraphQL coercion (a missing or unknown field), the token is not quoted in the error', async () => {
    for (const input of [{ id: token, unknown: 1 }, { name: token }, { id: [token] }]) {
      const res = await app.gql('mutation ($input: UpdateApiTokenInput!) { updateApiToken(input: $input) { __typename } }', { input }, owner);
      expect(res.body.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(res.body)).not.toContain(token.slice(4, 36));
    }
  });
});
