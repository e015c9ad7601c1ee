import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiToken, expectCleanLogs, OPS, provisionProject, sleep } from './support/liveOps.js';
import { createServerDatabase, LiveTraffic, readLog, type ServerProcess, spawnServer } from './support/liveServer.js';

// A real server process (tsx server/main.ts) stopped with SIGTERM, then restarted on the same database.
const SECRET = 'shutdown-secret-0123456789-abcdefghijklmnopq';
const OPERATOR_KEY = 'shutdown-operator-key-0123456789ab';
const POSTGRES = process.env.DATABASE_URL;
/** server/main.ts's SHUTDOWN_GRACE_MS. */
const GRACE_MS = 10_000;

const traffic = new LiveTraffic();
const processes: ServerProcess[] = [];
let workDir: string;
let database: { url: string; drop(): Promise<void> } | null = null;

async function start(name: string, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const server = await spawnServer({
    name,
    dataDir: join(workDir, 'data'),
    databaseUrl: database?.url ?? null,
    secret: SECRET,
    operatorKey: OPERATOR_KEY,
    env,
  });
  processes.push(server);
  return server;
}

/**
 * A POST /graphql on its own connection whose body is sent in two halves: after the first,
 * the server has the request in hand and waits for the rest, so the request is in flight
 * for as long as the test likes.
 */
function slowRequest(server: ServerProcess, query: string, variables: Record<string, unknown>, credential: string) {
  const body = Buffer.from(JSON.stringify({ query, variables }));
  const half = Math.floor(body.length / 2);
  const req = request({
    host: '127.0.0.1',
    port: server.port,
    path: '/graphql',
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${credential}` },
  });
  const answered = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('error', reject);
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
        resolve(traffic.record(server.name, res.statusCode!, headers, text));
      });
    });
  });
  const started = new Promise<void>((resolve) => req.write(body.subarray(0, half), () => resolve()));
  return {
    started,
    answered,
    finish: () => req.end(body.subarray(half)),
  };
}

/** How a new TCP connection to the port fares: "connected", or the error code. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

async function waitForLine(server: ServerProcess, msg: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (readLog(server).lines.some((line) => line.msg === msg)) return true;
    await sleep(10);
  }
  return false;
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kbgate-shutdown-'));
  if (POSTGRES) database = await createServerDatabase(POSTGRES);
});

afterAll(async () => {
  await Promise.all(processes.map((server) => server.stop()));
  await database?.drop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
}, 60_000);

describe(`SIGTERM (${POSTGRES ? 'PostgreSQL' : 'PGlite in a data dir'})`, () => {
  test('finishes requests in flight, refuses new connections, writes lastUsedAt and exits 0 within the grace period', async () => {
    const server = await start('S', { LOG_LEVEL: 'debug' });
    const { session } = await provisionProject(traffic, server, OPERATOR_KEY, { name: 'Shutdown', plan: 'BUSINESS' });
    const usedBefore = await createApiToken(traffic, server, session, 'used before SIGTERM', ['GET']);
    const usedDuring = await createApiToken(traffic, server, session, 'used during shutdown', ['GET', 'POST']);

    // A keep-alive connection left idle: shutting down must close it rather than wait on it.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const idleClosed = new Promise<void>((resolve) => {
      request({ host: '127.0.0.1', port: server.port, path: '/healthz', agent }, (res) => {
        res.resume();
        res.socket.once('close', () => resolve());
      }).end();
    });

    const before = await traffic.gql(server, OPS.viewer, {}, usedBefore.token);
    expect(before.body.data?.viewer?.kind).toBe('API_TOKEN');
    const inFlight = [
      slowRequest(server, OPS.createCategory, { input: { name: 'Written while stopping' } }, usedDuring.token),
      slowRequest(server, OPS.apiTokens, {}, session),
      slowRequest(server, OPS.viewer, {}, usedBefore.token),
    ];
    await Promise.all(inFlight.map((r) => r.started));
    await sleep(300);

    const sigtermAt = Date.now();
    server.signal('SIGTERM');
    expect(await waitForLine(server, 'shutting down: finishing requests in flight', 5_000)).toBe(true);
    expect(await tryConnect(server.port), 'a new connection after SIGTERM').toBe('ECONNREFUSED');
    await idleClosed;
    // Still there for the requests it holds.
    await sleep(500);
    expect(server.running()).toBe(true);

    const finishedAt = Date.now();
    for (const r of inFlight) r.finish();
    const [created, listed, viewer] = await Promise.all(inFlight.map((r) => r.answered));
    expect(created!.status, JSON.stringify(created!.body)).toBe(200);
    expect(created!.body.data.createCategory.__typename).toBe('CreateCategorySuccess');
    expect(listed!.status, JSON.stringify(listed!.body)).toBe(200);
    expect(listed!.body.data.apiTokens.totalCount).toBe(2);
    expect(viewer!.status, JSON.stringify(viewer!.body)).toBe(200);
    expect(viewer!.body.data.viewer.apiToken.id).toBe(usedBefore.id);

    const ended = await server.exited;
    const exitedAt = Date.now();
    console.info(
      `[shutdown] exited ${JSON.stringify(ended)} ${exitedAt - sigtermAt} ms after SIGTERM,` +
        ` ${exitedAt - finishedAt} ms after the last request in flight was sent in full`,
    );
    expect(ended).toEqual({ code: 0, signal: null });
    expect(exitedAt - sigtermAt).toBeLessThan(GRACE_MS);
    expect(readLog(server).lines.at(-1)?.msg).toBe('stopped');

    const restarted = await start('S2');
    const list = await traffic.gql(restarted, OPS.apiTokens, {}, session);
    const lastUsed = new Map<string, string | null>(
      list.body.data.apiTokens.edges.map((edge: { node: { id: string; lastUsedAt: string | null } }) => [edge.node.id, edge.node.lastUsedAt]),
    );
    expect(lastUsed.get(usedBefore.id), 'lastUsedAt of the token used just before SIGTERM').toEqual(expect.any(String));
    expect(lastUsed.get(usedDuring.id), 'lastUsedAt of the token first used by a request in flight').toEqual(expect.any(String));
    // Noted when the request was authenticated, after SIGTERM; written on the way out.
    expect(Date.parse(lastUsed.get(usedDuring.id)!)).toBeGreaterThanOrEqual(sigtermAt - 1_000);
    const categories = await traffic.gql(restarted, OPS.categories, {}, session);
    expect(categories.body.data.categories.map((c: { name: string }) => c.name)).toEqual(['Written while stopping']);
  }, 90_000);

  test('every process logged JSON lines with a request id per response, and no issued API token appears in any output or response', async () => {
    await Promise.all(processes.map((server) => server.stop()));
    expect(processes.map((server) => server.name)).toEqual(['S', 'S2']);
    expect(/"level":20/.test(processes[0]!.stdout()), 'S ran at LOG_LEVEL=debug').toBe(true);
    expectCleanLogs(traffic, processes);
  }, 30_000);
});
