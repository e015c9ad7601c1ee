import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const sdkDir = join(root, 'sdk');
const consumerDir = join(root, 'test/consumer');
const installedSdk = join(consumerDir, 'node_modules/@kbgate/sdk');

const SECRET = 'sdk-test-secret-sdk-test-secret-0123456789';
const OPERATOR_KEY = 'sdk-test-operator-key-0123456789abcdef';

interface Run {
  code: number | null;
  output: string;
}

/** Runs a command to its end; never rejects on a non-zero exit, so the test can show the output. */
function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? root, env: options.env ?? process.env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kbgate-sdk-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('the packed @kbgate/sdk', () => {
  test('packs with no dependencies, and a strict consumer type-checks against it', async () => {
    const packDir = join(workDir, 'pack');
    await mkdir(packDir);
    // prepack builds sdk/dist first.
    const pack = await run('npm', ['pack', '--pack-destination', packDir], { cwd: sdkDir });
    expect(pack.code, pack.output).toBe(0);
    const tarballs = (await readdir(packDir)).filter((name) => name.endsWith('.tgz'));
    expect(tarballs).toHaveLength(1);

    await rm(installedSdk, { recursive: true, force: true });
    await rm(join(consumerDir, 'dist'), { recursive: true, force: true });
    await mkdir(installedSdk, { recursive: true });
    const extract = await run('tar', ['-xzf', join(packDir, tarballs[0]!), '-C', installedSdk, '--strip-components=1']);
    expect(extract.code, extract.output).toBe(0);

    const manifest = JSON.parse(await readFile(join(installedSdk, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: '@kbgate/sdk', type: 'module', types: './dist/index.d.ts' });
    expect(manifest.dependencies).toBeUndefined();
    const files = (await filesUnder(installedSdk)).map((file) => file.slice(installedSdk.length + 1)).sort();
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files.filter((file) => !file.startsWith('dist/'))).toEqual(['README.md', 'package.json']);
    for (const file of files.filter((f) => f.endsWith('.js') || f.endsWith('.d.ts'))) {
      const source = await readFile(join(installedSdk, file), 'utf8');
      const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      expect(specifiers.filter((s) => !s!.startsWith('./') && !s!.startsWith('../')), file).toEqual([]);
    }

    const tsc = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', consumerDir]);
    expect(tsc.code, tsc.output).toBe(0);
  }, 180_000);

  describe('against a live server', () => {
    let server: ChildProcess;
    let serverOutput = '';
    let url: string;
    let dropDatabase: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      const port = await freePort();
      const env: NodeJS.ProcessEnv = Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !name.startsWith('KBGATE_') && name !== 'DATABASE_URL'),
      );
      if (process.env.DATABASE_URL) {
        const database = await createDatabase(process.env.DATABASE_URL);
        env.DATABASE_URL = database.url;
        dropDatabase = database.drop;
      }
      // Made here: with both secrets given, the server does not create the data dir itself (see report).
      await mkdir(join(workDir, 'data'));
      Object.assign(env, {
        PORT: String(port),
        HOST: '127.0.0.1',
        KBGATE_DATA_DIR: join(workDir, 'data'),
        KBGATE_SECRET: SECRET,
        KBGATE_OPERATOR_KEY: OPERATOR_KEY,
      });
      // Its own process group, so stopping it also stops the node process tsx starts.
      server = spawn(join(root, 'node_modules/.bin/tsx'), ['server/main.ts'], { cwd: root, env, detached: true });
      server.stdout!.on('data', (chunk) => (serverOutput += chunk));
      server.stderr!.on('data', (chunk) => (serverOutput += chunk));
      url = `http://127.0.0.1:${port}`;
      await waitForHealth(url, server, () => serverOutput);
    }, 120_000);

    afterAll(async () => {
      if (server) await stop(server);
      await dropDatabase?.();
    }, 60_000);

    test('the consumer script provisions, manages and uses a token through the SDK', async () => {
      const live = await run(process.execPath, [join(consumerDir, 'dist/live.js')], {
        env: { ...process.env, KBGATE_URL: `${url}/graphql`, KBGATE_OPERATOR_KEY: OPERATOR_KEY },
      });
      expect(live.code, `${live.output}\n--- server ---\n${serverOutput}`).toBe(0);
      expect(live.output).not.toContain('not ok');
      expect(live.output).toContain('ok - the token sees itself in viewer');
      expect(live.output).toContain('ok - a bad credential throws AuthenticationError');
      expect(live.output).toMatch(/sdk consumer: all \d+ checks passed/);
    }, 120_000);
  });
});

function freePort(): Promise<number> {
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
  const name = `kbgate_sdk_${randomBytes(6).toString('hex')}`;
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
