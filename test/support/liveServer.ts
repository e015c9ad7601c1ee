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
  const port = await freePort();
  const env = cleanEnv();
  let dropDatabase: (() => Promise<void>) | undefined;
  if (process.env.DATABASE_URL) {
    const database = await createDatabase(process.env.DATABASE_URL);
    env.DATABASE_URL = database.url;
    dropDatabase = database.drop;
  }
  const dataDir = join(options.workDir, 'data');
  await mkdir(dataDir, { recursive: true });
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    KBGATE_DATA_DIR: dataDir,
    KBGATE_SECRET: options.secret,
    KBGATE_OPERATOR_KEY: options.operatorKey,
    ...options.env,
  });
  // Its own process group, so stopping it also stops the node process tsx starts.
  const server = spawn(join(root, 'node_modules/.bin/tsx'), ['server/main.ts'], { cwd: root, env, detached: true });
  let output = '';
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stopAll = async () => {
    await stop(server);
    await dropDatabase?.();
  };
  try {
    await waitForHealth(url, server, () => output);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { url, operatorKey: options.operatorKey, output: () => output, stop: stopAll };
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

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A new, empty database on DATABASE_URL's server, so the server's demo seeding starts from nothing. */
async function createDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
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
