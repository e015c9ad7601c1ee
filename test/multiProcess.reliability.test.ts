import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createApiToken,
  deleteApiToken,
  expectCleanLogs,
  OPS,
  provisionProject,
  sleep,
  updateApiToken,
  updateProject,
} from './support/liveOps.js';
import { createServerDatabase, LiveTraffic, type LiveResponse, type ServerProcess, spawnServer } from './support/liveServer.js';

// Real server processes (tsx server/main.ts), every byte of their output kept.
const SECRET = 'multi-process-secret-0123456789-abcdefghijkl';
const OPERATOR_KEY = 'multi-process-operator-key-0123456789';
const POSTGRES = process.env.DATABASE_URL;

const traffic = new LiveTraffic();
const processes: ServerProcess[] = [];
let workDir: string;
let database: { url: string; drop(): Promise<void> } | null = null;

/** A server on this file's database: its PostgreSQL database, or PGlite in `dataDir`. */
async function start(name: string, options: { dataDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ServerProcess> {
  const server = await spawnServer({
    name,
    dataDir: options.dataDir ?? join(workDir, name),
    databaseUrl: database?.url ?? null,
    secret: SECRET,
    operatorKey: OPERATOR_KEY,
    env: options.env,
  });
  processes.push(server);
  return server;
}

const ok = (response: LiveResponse) => response.status === 200 && !response.body.errors;
const errorCode = (response: LiveResponse) => response.body.errors?.[0]?.extensions?.code;
const show = (response: LiveResponse) => `${response.status} ${JSON.stringify(response.body)}`;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kbgate-multiprocess-'));
  if (POSTGRES) database = await createServerDatabase(POSTGRES);
});

afterAll(async () => {
  await Promise.all(processes.map((server) => server.stop()));
  await database?.drop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
}, 60_000);

describe.skipIf(!POSTGRES)('two server processes on one PostgreSQL database (skipped on PGlite: an embedded database belongs to one process)', () => {
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    // One after the other: both would otherwise migrate and seed the empty database at once.
    a = await start('A', { env: { LOG_LEVEL: 'debug' } });
    b = await start('B');
  }, 120_000);

  test('a method change and a deletion made through A hold on B on the very next request', async () => {
    const { session } = await provisionProject(traffic, a, OPERATOR_KEY, { name: 'Changes', plan: 'BUSINESS' });
    const { id, token } = await createApiToken(traffic, a, session, 'sync job', ['GET', 'POST']);

    const posted = await traffic.gql(b, OPS.createCategory, { input: { name: 'Before' } }, token);
    expect(posted.body.data?.createCategory?.__typename, show(posted)).toBe('CreateCategorySuccess');

    await updateApiToken(traffic, a, session, { id, allowedMethods: ['GET'] });
    const changedAt = performance.now();
    const refused = await traffic.gql(b, OPS.createCategory, { input: { name: 'After' } }, token);
    const heldAfterMs = performance.now() - changedAt;
    expect(errorCode(refused), show(refused)).toBe('FORBIDDEN');
    expect(refused.body.errors[0].extensions.requiredMethod).toBe('POST');
    expect(heldAfterMs).toBeLessThan(1_000);
    const viewer = await traffic.gql(b, OPS.viewer, {}, token, { header: 'api_token' });
    expect(viewer.body.data?.viewer?.apiToken?.allowedMethods, show(viewer)).toEqual(['GET']);
    const categories = await traffic.gql(b, OPS.categories, {}, token);
    expect(categories.body.data.categories.map((c: { name: string }) => c.name)).toEqual(['Before']);

    await deleteApiToken(traffic, a, session, id);
    for (const header of ['authorization', 'api_token'] as const) {
      const gone = await traffic.gql(b, OPS.viewer, {}, token, { header });
      expect(gone.status, show(gone)).toBe(401);
      expect(errorCode(gone)).toBe('UNAUTHENTICATED');
    }
  });

  test("a project's plan downgrade through A makes B answer 401 at once, and moving back brings the token back", async () => {
    const { projectId, session } = await provisionProject(traffic, a, OPERATOR_KEY, { name: 'Downgrade', plan: 'BUSINESS' });
    const { token } = await createApiToken(traffic, a, session, 'bot', ['GET']);
    expect(ok(await traffic.gql(b, OPS.viewer, {}, token))).toBe(true);

    await updateProject(traffic, a, OPERATOR_KEY, { id: projectId, plan: 'STANDARD' });
    const downgraded = await traffic.gql(b, OPS.viewer, {}, token);
    expect(downgraded.status, show(downgraded)).toBe(401);
    expect(errorCode(downgraded)).toBe('UNAUTHENTICATED');

    await updateProject(traffic, a, OPERATOR_KEY, { id: projectId, plan: 'ENTERPRISE' });
    const back = await traffic.gql(b, OPS.viewer, {}, token);
    expect(back.body.data?.viewer?.kind, show(back)).toBe('API_TOKEN');
  });

  test("B recovers after its database connections are killed, and a change made through A afterwards holds on B", async () => {
    const { session } = await provisionProject(traffic, a, OPERATOR_KEY, { name: 'Reconnect', plan: 'BUSINESS', rateLimitPerMinute: 100_000 });
    const { id, token } = await createApiToken(traffic, a, session, 'reconnecting', ['GET', 'POST']);
    // Several at once, so B's pool holds several connections when they are killed.
    const warm = await Promise.all(Array.from({ length: 8 }, () => traffic.gql(b, OPS.viewer, {}, token)));
    expect(warm.every(ok)).toBe(true);

    const admin = new pg.Client({ connectionString: POSTGRES });
    await admin.connect();
    try {
      const applicationName = `kbgate-${b.pid}`;
      const killedAt = performance.now();
      const killed = await admin.query<{ done: boolean }>(
        'select pg_terminate_backend(pid) as done from pg_stat_activity where application_name = $1',
        [applicationName],
      );
      expect(killed.rows.length, `connections of ${applicationName}`).toBeGreaterThan(0);
      expect(killed.rows.every((row) => row.done)).toBe(true);

      // Back to back until five requests in a row succeed, or 10 s.
      const seen: { ms: number; status: number; code: unknown; message: unknown }[] = [];
      let streak = 0;
      while (streak < 5 && performance.now() - killedAt < 10_000) {
        const response = await traffic.gql(b, OPS.viewer, {}, token);
        seen.push({
          ms: Math.round(performance.now() - killedAt),
          status: response.status,
          code: errorCode(response),
          message: response.body.errors?.[0]?.message,
        });
        streak = response.body.data?.viewer?.kind === 'API_TOKEN' ? streak + 1 : 0;
        await sleep(20);
      }
      const failures = seen.slice(0, seen.length - streak);
      const recoveredAtMs = seen[seen.length - streak]?.ms;
      console.info(
        `[reconnect] ${killed.rows.length} connections of B killed; ${failures.length} failed requests before recovery` +
          ` (${JSON.stringify(failures)}); first of ${streak} good requests in a row at ${recoveredAtMs} ms after the kill`,
      );
      expect(streak, JSON.stringify(seen)).toBe(5);
      expect(recoveredAtMs).toBeLessThan(3_000);
      // At worst each dead pooled connection fails one request; none may pass for a bad credential or leak the fault.
      expect(failures.length).toBeLessThanOrEqual(10);
      for (const failure of failures) {
        expect(failure.status).not.toBe(401);
        expect(failure.message).toBe('Unexpected error.');
      }
      expect((await fetch(`${b.url}/healthz`)).status).toBe(200);
      const reconnected = await admin.query('select 1 from pg_stat_activity where application_name = $1', [applicationName]);
      expect(reconnected.rows.length).toBeGreaterThan(0);

      await updateApiToken(traffic, a, session, { id, allowedMethods: ['GET'] });
      const refused = await traffic.gql(b, OPS.createCategory, { input: { name: 'After reconnect' } }, token);
      expect(errorCode(refused), show(refused)).toBe('FORBIDDEN');
      await deleteApiToken(traffic, a, session, id);
      const gone = await traffic.gql(b, OPS.viewer, {}, token);
      expect(gone.status, show(gone)).toBe(401);
    } finally {
      await admin.end();
    }
  }, 30_000);

  const limit = 40;
  let burst: { server: string; response: LiveResponse }[] = [];

  test('the rate limit holds in total over both processes', async () => {
    const { session } = await provisionProject(traffic, a, OPERATOR_KEY, { name: 'Rate', plan: 'BUSINESS', rateLimitPerMinute: limit });
    const { token } = await createApiToken(traffic, a, session, 'busy', ['GET']);
    // All requests in one minute window: wait for the next one when less than 20 s are left.
    const leftMs = 60_000 - (Date.now() % 60_000);
    if (leftMs < 20_000) await sleep(leftMs + 250);
    const window = Math.floor(Date.now() / 60_000);

    const servers = [a, b];
    burst = await Promise.all(
      Array.from({ length: 150 }, async (_, i) => ({ server: servers[i % 2]!.name, response: await traffic.gql(servers[i % 2]!, OPS.viewer, {}, token) })),
    );
    expect(Math.floor(Date.now() / 60_000), 'all requests fell in one window').toBe(window);

    const granted = burst.filter(({ response }) => response.status === 200);
    const limited = burst.filter(({ response }) => response.status === 429);
    const per = (list: typeof burst, name: string) => list.filter((r) => r.server === name).length;
    console.info(
      `[rate limit] limit ${limit}/min, 150 requests (75 to A, 75 to B): ${granted.length} × 200 (A ${per(granted, 'A')}, B ${per(granted, 'B')}),` +
        ` ${limited.length} × 429 (A ${per(limited, 'A')}, B ${per(limited, 'B')})`,
    );
    expect(granted.length + limited.length).toBe(150);
    expect(granted.length).toBeLessThanOrEqual(limit * 1.1);
    expect(granted.length).toBeGreaterThanOrEqual(limit * 0.8);
    for (const { response } of granted) expect(response.body.data?.viewer?.kind).toBe('API_TOKEN');
    for (const { response } of limited) expect(errorCode(response), show(response)).toBe('RATE_LIMITED');
  }, 60_000);

  test('each answer of that burst carries X-RateLimit-Limit, -Remaining and -Reset once, and a 429 also Retry-After', () => {
    expect(burst).toHaveLength(150);
    const wrong = new Map<string, number>();
    for (const { server, response } of burst) {
      const headers = Object.fromEntries(
        ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after'].map((name) => [name, response.headers.get(name)]),
      );
      const reset = Number(headers['x-ratelimit-reset']);
      const problems = [
        headers['x-ratelimit-limit'] !== String(limit) && 'limit',
        !/^\d+$/.test(headers['x-ratelimit-remaining'] ?? '') && 'remaining',
        response.status === 429 && headers['x-ratelimit-remaining'] !== '0' && 'remaining of a 429',
        !(reset >= 1 && reset <= 60) && 'reset',
        response.status === 429 && headers['retry-after'] !== headers['x-ratelimit-reset'] && 'retry-after',
      ].filter(Boolean);
      const key = `${response.status} from ${server} (${problems.join(', ')}): ${JSON.stringify(headers)}`;
      if (problems.length > 0) wrong.set(key, (wrong.get(key) ?? 0) + 1);
    }
    expect([...wrong].map(([key, times]) => `${times} × ${key}`)).toEqual([]);
  });
});

describe(`a server killed with SIGKILL in the middle of concurrent creates (${POSTGRES ? 'PostgreSQL' : 'PGlite in a data dir'})`, () => {
  test('after a restart every returned token works, usage ≤ limit, usage = the tokens there are, and the audit log matches', async () => {
    const dataDir = join(workDir, 'crash');
    const doomed = await start('C', { dataDir, env: { LOG_LEVEL: 'debug' } });
    const { session } = await provisionProject(traffic, doomed, OPERATOR_KEY, { name: 'Crash', plan: 'ENTERPRISE' });
    // 16 of the 20 taken first, so the concurrent creates also race for the last few.
    const before: { id: string; token: string }[] = [];
    for (let i = 0; i < 16; i++) before.push(await createApiToken(traffic, doomed, session, `before ${i}`, ['GET']));

    const answered: LiveResponse[] = [];
    const attempts = await Promise.allSettled(
      Array.from({ length: 30 }, async (_, i) => {
        const response = await traffic.gql(doomed, OPS.createApiToken, { input: { name: `crash ${i}`, allowedMethods: ['GET'] } }, session);
        answered.push(response);
        if (answered.length === 6) doomed.signal('SIGKILL');
        return response;
      }),
    );
    const ended = await doomed.exited;
    expect(ended.signal).toBe('SIGKILL');
    const returned = answered
      .filter((response) => response.body.data?.createApiToken?.__typename === 'CreateApiTokenSuccess')
      .map((response) => ({ id: response.body.data.createApiToken.apiToken.id as string, token: response.body.data.createApiToken.token as string }));
    const refusedForLimit = answered.filter((response) => response.body.data?.createApiToken?.code === 'TOKEN_LIMIT_REACHED').length;
    expect(returned.length + refusedForLimit, 'every answer is a token or TOKEN_LIMIT_REACHED').toBe(answered.length);
    const lost = attempts.filter((attempt) => attempt.status === 'rejected').length;
    // The kill must have cut requests off, or this proves nothing about a crash.
    expect(lost).toBeGreaterThan(0);

    const restarted = await start('C2', { dataDir });
    const list = await traffic.gql(restarted, OPS.apiTokens, {}, session);
    expect(list.status, show(list)).toBe(200);
    const { totalCount, usage, edges } = list.body.data.apiTokens;
    const ids: string[] = edges.map((edge: { node: { id: string } }) => edge.node.id);
    console.info(
      `[crash] 16 tokens, then 30 concurrent creates, SIGKILL after the 6th answer: ${answered.length} answered` +
        ` (${returned.length} created, ${refusedForLimit} TOKEN_LIMIT_REACHED), ${lost} cut off;` +
        ` after restart ${totalCount} tokens, usage ${usage.used}/${usage.limit}`,
    );
    expect(usage.limit).toBe(20);
    expect(usage.used).toBeLessThanOrEqual(usage.limit);
    expect(usage.used).toBe(totalCount);
    expect(ids).toHaveLength(totalCount);

    for (const created of [...before, ...returned]) {
      expect(ids).toContain(created.id);
      const viewer = await traffic.gql(restarted, OPS.viewer, {}, created.token);
      expect(viewer.body.data?.viewer?.apiToken?.id, show(viewer)).toBe(created.id);
    }

    const audit = await traffic.gql(restarted, OPS.auditEvents, {}, session);
    expect(audit.status, show(audit)).toBe(200);
    const events: { action: string; apiTokenId: string | null }[] = audit.body.data.auditEvents.edges.map((edge: { node: unknown }) => edge.node);
    expect(events.length).toBe(audit.body.data.auditEvents.totalCount);
    const createdIds = events.filter((event) => event.action === 'api_token.create').map((event) => event.apiTokenId);
    expect([...createdIds].sort()).toEqual([...ids].sort());
    expect(events.filter((event) => event.action.startsWith('api_token.') && event.action !== 'api_token.create')).toEqual([]);
  }, 90_000);
});

test('every process logged JSON lines with a request id per response, and no issued API token appears in any output or response', async () => {
  expect(processes.length).toBeGreaterThan(0);
  // Stopped first, so their output is complete.
  await Promise.all(processes.map((server) => server.stop()));
  expect(processes.some((server) => /"level":20/.test(server.stdout())), 'a process ran at LOG_LEVEL=debug').toBe(true);
  const unlogged = expectCleanLogs(traffic, processes, { killed: ['C'] });
  console.info(`[logs] ${unlogged.length} answered requests of the SIGKILLed process C have no request line: ${unlogged.join('; ')}`);
}, 30_000);
