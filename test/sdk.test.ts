import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LiveServer, root, run, startLiveServer } from './support/liveServer.js';

const sdkDir = join(root, 'sdk');
const consumerDir = join(root, 'test/consumer');
const installedSdk = join(consumerDir, 'node_modules/@kbgate/sdk');

const SECRET = 'sdk-test-secret-sdk-test-secret-0123456789';
const OPERATOR_KEY = 'sdk-test-operator-key-0123456789abcdef';

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
    let server: LiveServer;

    beforeAll(async () => {
      server = await startLiveServer({ workDir, secret: SECRET, operatorKey: OPERATOR_KEY });
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
    }, 60_000);

    test('the consumer script provisions, manages and uses a token through the SDK', async () => {
      const live = await run(process.execPath, [join(consumerDir, 'dist/live.js')], {
        env: { ...process.env, KBGATE_URL: `${server.url}/graphql`, KBGATE_OPERATOR_KEY: OPERATOR_KEY },
      });
      expect(live.code, `${live.output}\n--- server ---\n${server.output()}`).toBe(0);
      expect(live.output).not.toContain('not ok');
      expect(live.output).toContain('ok - the token sees itself in viewer');
      expect(live.output).toContain('ok - a bad credential throws AuthenticationError');
      expect(live.output).toContain('ok - the token uploads a File as a multipart request');
      expect(live.output).toContain('ok - articles(categoryId, status: PUBLISHED) lists only the published one');
      expect(live.output).toContain("ok - following the asset's url gives back the same bytes");
      expect(live.output).toContain("ok - the ForbiddenError's requiredMethod is DELETE");
      expect(live.output).toMatch(/sdk consumer: all \d+ checks passed/);
    }, 120_000);
  });
});
