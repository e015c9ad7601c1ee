import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../server/config.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kbgate-config-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const SECRET = 's'.repeat(32);
const OPERATOR_KEY = 'operator-key-0123456789abcdef';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('production', () => {
  test('without KBGATE_SECRET: a ConfigError naming it, and nothing generated', () => {
    const dataDir = tempDir();
    const error = configError({ NODE_ENV: 'production', KBGATE_DATA_DIR: dataDir, KBGATE_OPERATOR_KEY: OPERATOR_KEY });
    expect(error.message).toContain('KBGATE_SECRET');
    expect(error.message).not.toContain('KBGATE_OPERATOR_KEY');
    expect(readdirSync(dataDir)).toEqual([]);
  });

  test('without KBGATE_OPERATOR_KEY: a ConfigError naming it, and nothing generated', () => {
    const dataDir = tempDir();
    const error = configError({ NODE_ENV: 'production', KBGATE_DATA_DIR: dataDir, KBGATE_SECRET: SECRET });
    expect(error.message).toContain('KBGATE_OPERATOR_KEY');
    expect(readdirSync(dataDir)).toEqual([]);
  });

  test('without both: the ConfigError names both', () => {
    const dataDir = tempDir();
    const error = configError({ NODE_ENV: 'production', KBGATE_DATA_DIR: dataDir });
    expect(error.message).toContain('KBGATE_SECRET');
    expect(error.message).toContain('KBGATE_OPERATOR_KEY');
    expect(readdirSync(dataDir)).toEqual([]);
  });

  test('an empty KBGATE_SECRET counts as missing', () => {
    const error = configError({ NODE_ENV: 'production', KBGATE_DATA_DIR: tempDir(), KBGATE_SECRET: '', KBGATE_OPERATOR_KEY: OPERATOR_KEY });
    expect(error.message).toContain('KBGATE_SECRET');
  });

  test('with both given, they are used as they are', () => {
    const dataDir = tempDir();
    const config = loadConfig({ NODE_ENV: 'production', KBGATE_DATA_DIR: dataDir, KBGATE_SECRET: SECRET, KBGATE_OPERATOR_KEY: OPERATOR_KEY });
    expect(config).toMatchObject({
      production: true,
      secret: SECRET,
      operatorKey: OPERATOR_KEY,
      generated: { secret: false, operatorKey: false },
    });
    expect(readdirSync(dataDir)).toEqual([]);
  });
});

describe('secret length', () => {
  test.each(['production', 'development'])('%s: a secret of 31 characters is refused, 32 accepted', (nodeEnv) => {
    const env = { NODE_ENV: nodeEnv, KBGATE_DATA_DIR: tempDir(), KBGATE_OPERATOR_KEY: OPERATOR_KEY };
    const error = configError({ ...env, KBGATE_SECRET: 's'.repeat(31) });
    expect(error.message).toContain('KBGATE_SECRET');
    expect(error.message).not.toContain('s'.repeat(31));
    expect(loadConfig({ ...env, KBGATE_SECRET: SECRET }).secret).toBe(SECRET);
  });
});

describe('development', () => {
  test('missing secrets are generated once into the data dir (mode 0600) and come back on the next load', () => {
    const dataDir = join(tempDir(), 'not-yet-there');
    const env = { NODE_ENV: 'development', KBGATE_DATA_DIR: dataDir };

    const first = loadConfig(env);
    expect(first.production).toBe(false);
    expect(first.generated).toEqual({ secret: true, operatorKey: true });
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(first.operatorKey.length).toBeGreaterThanOrEqual(24);
    expect(first.secret).not.toBe(first.operatorKey);

    const files = readdirSync(dataDir).map((name) => join(dataDir, name));
    const holding = (value: string) => files.filter((file) => readFileSync(file, 'utf8').trim() === value);
    expect(holding(first.secret)).toHaveLength(1);
    expect(holding(first.operatorKey)).toHaveLength(1);
    for (const file of [...holding(first.secret), ...holding(first.operatorKey)]) {
      expect((statSync(file).mode & 0o777).toString(8), file).toBe('600');
    }

    const second = loadConfig(env);
    expect(second.secret).toBe(first.secret);
    expect(second.operatorKey).toBe(first.operatorKey);
    expect(second.generated).toEqual({ secret: false, operatorKey: false });
    expect(readdirSync(dataDir)).toHaveLength(files.length);
  });

  test('a given secret is used and not written; only the missing operator key is generated', () => {
    const dataDir = tempDir();
    const config = loadConfig({ KBGATE_DATA_DIR: dataDir, KBGATE_SECRET: SECRET });
    expect(config.secret).toBe(SECRET);
    expect(config.generated).toEqual({ secret: false, operatorKey: true });
    const contents = readdirSync(dataDir).map((name) => readFileSync(join(dataDir, name), 'utf8').trim());
    expect(contents).toEqual([config.operatorKey]);
  });

  test('two data dirs get different generated secrets', () => {
    const a = loadConfig({ KBGATE_DATA_DIR: tempDir() });
    const b = loadConfig({ KBGATE_DATA_DIR: tempDir() });
    expect(a.secret).not.toBe(b.secret);
    expect(a.operatorKey).not.toBe(b.operatorKey);
  });
});

describe('the real server process', () => {
  test('NODE_ENV=production without secrets: exits 1 and says why on stderr', async () => {
    const dataDir = tempDir();
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', KBGATE_DATA_DIR: dataDir, PORT: '0' };
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile('node_modules/.bin/tsx', ['server/main.ts'], { env, timeout: 30_000 }, (error, _stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr });
      });
      child.stdin?.end();
    });
    expect(code).toBe(1);
    expect(stderr).toContain('KBGATE_SECRET');
    expect(stderr).toContain('KBGATE_OPERATOR_KEY');
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
