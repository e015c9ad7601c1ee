import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Run {
  code: number | null;
  /** stdout and stderr, interleaved. */
  output: string;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; never rejects on a non-zero exit, so the test can show the output. */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? root, env: options.env ?? process.env });
    let output = '';
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, stdout, stderr }));
  });
}

/** The environment without any KBGATE_* setting or DATABASE_URL, so a child sees only what a test gives it. */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('KBGATE_') && name !== 'DATABASE_URL'),
  );
}

export interface LiveServer {
  /** e.g. http://127.0.0.1:41234 (GraphQL at `${url}/graphql`). */
  url: string;
  operatorKey: string;
  /** What the server printed so far, for failure messages. */
  output(): string;
  /** Stops the server (its whole process group) and drops its database, if one was made. */
  stop(): Promise<void>;
}

/**
 * Starts `tsx server/main.ts` as a real process on a free port: on a new, empty database of
 * DATABASE_URL's server when that is set, else on PGlite in `<workDir>/data`.
 */
export async function startLiveServer(options: {
  workDir: string;
  secret: string;
  operatorKey: string;
  env?: NodeJS.ProcessEnv;
}): Promise<LiveServer> {
  const database = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : null;
  let server: ServerProcess;
  try {
    server = await spawnServer({
      dataDir: join(options.workDir, 'data'),
      databaseUrl: database?.url ?? null,
      secret: options.secret,
      operatorKey: options.operatorKey,
      env: options.env,
    });
  } catch (error) {
    await database?.drop();
    throw error;
  }
  return {
    url: server.url,
    operatorKey: options.operatorKey,
    output: server.output,
    stop: async () => {
      await server.stop();
      await database?.drop();
    },
  };
}

export interface ServerProcess {
  /** A label for messages, e.g. "A". */
  name: string;
  /** e.g. http://127.0.0.1:41234 (GraphQL at `${url}/graphql`). */
  url: string;
  port: number;
  /** The pid of the node process that runs server/main.ts (tsx's child): its pool is named `kbgate-<pid>`. */
  pid: number;
  stdout(): string;
  stderr(): string;
  /** stdout and stderr, interleaved. */
  output(): string;
  /** Settles once the process has ended and its output is read to the end. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
  /** Sends a signal to the whole process group: tsx and the node process it runs. */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, SIGKILL if still running after the server's grace period; resolves once it has ended. */
  stop(): Promise<void>;
}

/**
 * Starts `tsx server/main.ts` on a free port with exactly the given database: the PostgreSQL
 * database at `databaseUrl`, else PGlite under `dataDir`. Every byte it writes is kept.
 */
export async function spawnServer(options: {
  dataDir: string;
  databaseUrl?: string | null;
  secret: string;
  operatorKey: string;
  env?: NodeJS.ProcessEnv;
  name?: string;
}): Promise<ServerProcess> {
  const port = await freePort();
  const env = cleanEnv();
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  await mkdir(options.dataDir, { recursive: true });
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    KBGATE_DATA_DIR: options.dataDir,
    KBGATE_SECRET: options.secret,
    KBGATE_OPERATOR_KEY: options.operatorKey,
    ...options.env,
  });
  // Its own process group, so a signal reaches the node process tsx starts as well.
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['server/main.ts'], { cwd: root, env, detached: true });
  let output = '';
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => {
    output += chunk;
    stdout += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // the group is gone already
    }
  };
  let ended = false;
  void exited.then(() => (ended = true));
  const stop = async () => {
    if (ended) return;
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 12_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  let pid: number;
  try {
    await waitForHealth(url, child, () => output);
    pid = await waitForListeningPid(() => stdout, () => output);
  } catch (error) {
    signal('SIGKILL');
    await exited;
    throw error;
  }
  return {
    name: options.name ?? `server on ${port}`,
    url,
    port,
    pid,
    stdout: () => stdout,
    stderr: () => stderr,
    output: () => output,
    exited,
    running: () => !ended,
    signal,
    stop,
  };
}

async function waitForListeningPid(stdout: () => string, output: () => string): Promise<number> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    for (const line of stdout().split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line);
      if (entry.msg === 'kbgate is listening' && typeof entry.pid === 'number') return entry.pid;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the server logged no "kbgate is listening" line with its pid:\n${output()}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer /healthz in time:\n${output()}`);
}

/** A new, empty database on DATABASE_URL's server, so the server's demo seeding starts from nothing. */
export async function createServerDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kbgate_live_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export interface LiveResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  /** The response's x-request-id. */
  requestId: string | null;
}

const ISSUED_TOKEN = /^kbg_[0-9A-Za-z]{38}$/;

/**
 * What a test said to live servers and heard back: every response (which process, status,
 * request id, headers and body) and every API token issued in a `token` field, so the test
 * can match responses to log lines and look for issued tokens wherever they should not be.
 */
export class LiveTraffic {
  readonly issued = new Set<string>();
  readonly responses: { server: string; status: number; requestId: string | null; text: string }[] = [];

  /** POST /graphql; `credential` goes in `Authorization: Bearer`, or in `api_token` when asked. */
  async gql<T = any>(
    server: Pick<ServerProcess, 'name' | 'url'>,
    query: string,
    variables: Record<string, unknown> = {},
    credential?: string,
    options: { header?: 'authorization' | 'api_token' } = {},
  ): Promise<LiveResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (credential) {
      if (options.header === 'api_token') headers.api_token = credential;
      else headers.authorization = `Bearer ${credential}`;
    }
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return this.record(server.name, response.status, response.headers, await response.text());
  }

  /** Keeps a response received some other way (e.g. a raw http request); parses JSON bodies. */
  record(server: string, status: number, headers: Headers, text: string): LiveResponse {
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    const requestId = headers.get('x-request-id');
    this.responses.push({
      server,
      status,
      requestId,
      text: `${JSON.stringify([...headers])}\n${JSON.stringify(this.takeIssued(body))}`,
    });
    return { status, headers, body, requestId };
  }

  /** Texts of every process's output and every response (with the one `token` field that hands each out removed) that contain an issued token or its random part. */
  leaks(processes: ServerProcess[]): { token: string; where: string }[] {
    const texts = [
      ...processes.map((p) => ({ where: `output of ${p.name}`, text: p.output() })),
      ...this.responses.map((r) => ({ where: `response ${r.requestId} from ${r.server}`, text: r.text })),
    ];
    const found: { token: string; where: string }[] = [];
    for (const token of this.issued) {
      const random = token.slice(4, 36);
      for (const { where, text } of texts) if (text.includes(token) || text.includes(random)) found.push({ token, where });
    }
    return found;
  }

  private takeIssued(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((inner) => this.takeIssued(inner));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => {
        if (key === 'token' && typeof inner === 'string' && ISSUED_TOKEN.test(inner)) {
          this.issued.add(inner);
          return [key, '[issued]'];
        }
        return [key, this.takeIssued(inner)];
      }),
    );
  }
}

/** A parsed pino line. */
export interface LogLine {
  level: number;
  time: number;
  pid: number;
  msg: string;
  [field: string]: unknown;
}

/**
 * Splits a server's output into pino lines and anything else. The dev banner (main.ts prints
 * it with console.log, from "  GraphQL / GraphiQL" to "  Send a credential …") is set apart.
 */
export function readLog(server: Pick<ServerProcess, 'stdout' | 'stderr'>): { lines: LogLine[]; banners: number; other: string[] } {
  const lines: LogLine[] = [];
  const other: string[] = [];
  let banners = 0;
  for (const stream of [server.stdout(), server.stderr()]) {
    let inBanner = false;
    for (const line of stream.split('\n')) {
      if (line.startsWith('  GraphQL / GraphiQL  ')) {
        inBanner = true;
        banners += 1;
      }
      if (inBanner) {
        if (line.startsWith('  Send a credential as the header')) inBanner = false;
        continue;
      }
      if (line === '') continue;
      try {
        const entry = JSON.parse(line);
        const isPino = typeof entry.level === 'number' && typeof entry.time === 'number' && typeof entry.pid === 'number' && typeof entry.msg === 'string';
        if (isPino) lines.push(entry);
        else other.push(line);
      } catch {
        other.push(line);
      }
    }
  }
  return { lines, banners, other };
}
