// loadConfig: one typed view of the environment, validated at start-up with one message per bad value.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Config } from '../src/config.ts';

const folders: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lifeline-config-'));
  folders.push(dir);
  return dir;
}
afterAll(() => { for (const dir of folders) rmSync(dir, { recursive: true, force: true }); });

const SECRETS = { LIFELINE_SESSION_SECRET: randomBytes(48).toString('base64'), LIFELINE_FIELD_KEY: randomBytes(32).toString('base64') };

/** A development environment in its own data folder, plus the variables under test. */
function development(extra: Record<string, string> = {}): Record<string, string> {
  return { NODE_ENV: 'development', LIFELINE_DATA_DIR: tempDir(), ...extra };
}

function production(extra: Record<string, string> = {}): Record<string, string> {
  return { NODE_ENV: 'production', LIFELINE_DATA_DIR: tempDir(), ...SECRETS, ...extra };
}

/** The problems loadConfig reports, or fails the test if it accepts the environment. */
function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('defaults', () => {
  it('with an empty environment: development, 127.0.0.1:3000, all surfaces, SQLite under ./data', () => {
    const cwd = process.cwd();
    const dir = tempDir();
    process.chdir(dir);
    let config: Config;
    try {
      config = loadConfig({});
    } finally {
      process.chdir(cwd);
    }
    const data = path.join(dir, 'data');
    expect(config).toMatchObject({
      environment: 'development', host: '127.0.0.1', port: 3000, surface: 'all', dataDir: data,
      database: { kind: 'sqlite', file: path.join(data, 'lifeline.db') },
      logLevel: 'info', secureCookies: false, trustProxy: false, requireSecondFactor: false, loadDemo: true,
      sessionIdleMinutes: 30, sessionAbsoluteHours: 12, lockoutThreshold: 5, lockoutMinutes: 15,
    });
    expect(readdirSync(data)).toEqual(['secrets.json']);
  });

  it('production defaults to secure cookies, a required second factor and no demo data', () => {
    const config = loadConfig(production());
    expect(config).toMatchObject({ environment: 'production', secureCookies: true, requireSecondFactor: true, loadDemo: false, logLevel: 'info' });
    expect(config.sessionSecret).toBe(SECRETS.LIFELINE_SESSION_SECRET);
    expect(config.fieldEncryptionKey.equals(Buffer.from(SECRETS.LIFELINE_FIELD_KEY, 'base64'))).toBe(true);
  });

  it('reads every variable it is given', () => {
    const config = loadConfig(development({
      PORT: '8080', HOST: '0.0.0.0', LIFELINE_SURFACE: 'public', LIFELINE_LOG_LEVEL: 'debug', LIFELINE_DATABASE_URL: 'postgresql://lifeline@db.internal/lifeline',
      LIFELINE_SECURE_COOKIES: '1', LIFELINE_TRUST_PROXY: 'true', LIFELINE_REQUIRE_SECOND_FACTOR: 'true', LIFELINE_DEMO: '0',
      LIFELINE_SESSION_IDLE_MINUTES: '10', LIFELINE_LOCKOUT_THRESHOLD: '3',
    }));
    expect(config).toMatchObject({
      port: 8080, host: '0.0.0.0', surface: 'public', logLevel: 'debug', database: { kind: 'postgres', url: 'postgresql://lifeline@db.internal/lifeline' },
      secureCookies: true, trustProxy: true, requireSecondFactor: true, loadDemo: false, sessionIdleMinutes: 10, lockoutThreshold: 3,
    });
  });

  it('overrides (from command-line options) win over the environment', () => {
    expect(loadConfig(development({ PORT: '8080' }), { port: 9090, surface: 'staff' })).toMatchObject({ port: 9090, surface: 'staff' });
  });

  it('resolves a relative sqlite: path and accepts postgres:// URLs', () => {
    expect(loadConfig(development({ LIFELINE_DATABASE_URL: 'sqlite:relative/x.db' })).database).toEqual({ kind: 'sqlite', file: path.resolve('relative/x.db') });
    expect(loadConfig(development({ LIFELINE_DATABASE_URL: 'postgres://u@h:5432/d' })).database).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/d' });
  });
});

describe('each bad value has its own message naming the variable and the value', () => {
  it.each([
    ['PORT', 'abc', 'PORT must be a whole number from 0 to 65535 (got "abc").'],
    ['PORT', '65536', 'PORT must be a whole number from 0 to 65535 (got "65536").'],
    ['PORT', '-1', 'PORT must be a whole number from 0 to 65535 (got "-1").'],
    ['PORT', '80.5', 'PORT must be a whole number from 0 to 65535 (got "80.5").'],
    ['LIFELINE_DATABASE_URL', 'mysql://root@localhost/lifeline', 'LIFELINE_DATABASE_URL must start with sqlite: or postgres:// (got "mysql:…").'],
    ['LIFELINE_DATABASE_URL', 'sqlite:', 'LIFELINE_DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/lifeline.db'],
    ['LIFELINE_SECURE_COOKIES', 'yes', 'LIFELINE_SECURE_COOKIES must be true or false (got "yes").'],
    ['LIFELINE_TRUST_PROXY', 'TRUE', 'LIFELINE_TRUST_PROXY must be true or false (got "TRUE").'],
    ['LIFELINE_DEMO', 'on', 'LIFELINE_DEMO must be true or false (got "on").'],
    ['NODE_ENV', 'staging', 'NODE_ENV must be one of development, production, test (got "staging").'],
    ['LIFELINE_SURFACE', 'internal', 'LIFELINE_SURFACE must be one of public, staff, all (got "internal").'],
    ['LIFELINE_LOG_LEVEL', 'loud', 'LIFELINE_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud").'],
    ['LIFELINE_SESSION_SECRET', 'too-short', 'LIFELINE_SESSION_SECRET must be at least 32 characters.'],
    ['LIFELINE_FIELD_KEY', randomBytes(16).toString('base64'), 'LIFELINE_FIELD_KEY must be 32 bytes in base64.'],
  ])('%s=%s', (name, value, message) => {
    expect(problems(development({ [name]: value }))).toEqual([message]);
  });

  it('reports every bad value at once, in one ConfigError whose message lists them', () => {
    let caught: unknown;
    try {
      loadConfig(development({ PORT: 'abc', LIFELINE_DATABASE_URL: 'mysql://x', LIFELINE_TRUST_PROXY: 'maybe', NODE_ENV: 'staging' }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.problems).toHaveLength(4);
    expect(error.message.split('\n')).toEqual([
      'Lifeline cannot start: the configuration has 4 problem(s):',
      '  - NODE_ENV must be one of development, production, test (got "staging").',
      '  - LIFELINE_DATABASE_URL must start with sqlite: or postgres:// (got "mysql:…").',
      '  - PORT must be a whole number from 0 to 65535 (got "abc").',
      '  - LIFELINE_TRUST_PROXY must be true or false (got "maybe").',
    ]);
  });

  it('accepts true/1 and false/0 for booleans, and an empty value as unset', () => {
    expect(loadConfig(development({ LIFELINE_TRUST_PROXY: '1', LIFELINE_SECURE_COOKIES: 'true' }))).toMatchObject({ trustProxy: true, secureCookies: true });
    expect(loadConfig(development({ LIFELINE_TRUST_PROXY: '0', LIFELINE_DEMO: 'false' }))).toMatchObject({ trustProxy: false, loadDemo: false });
    expect(loadConfig(development({ PORT: '', LIFELINE_DEMO: '' }))).toMatchObject({ port: 3000, loadDemo: true });
  });
});

describe('secrets in development', () => {
  it('are generated once into the data folder, readable by the owner only, and reused on the next load', () => {
    const env = development();
    const dir = env['LIFELINE_DATA_DIR'] ?? '';
    const file = path.join(dir, 'secrets.json');
    expect(existsSync(file)).toBe(false);

    const first = loadConfig(env);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { sessionSecret: string; fieldEncryptionKey: string };
    expect(first.sessionSecret).toBe(stored.sessionSecret);
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.fieldEncryptionKey).toHaveLength(32);
    expect(first.fieldEncryptionKey.toString('base64')).toBe(stored.fieldEncryptionKey);

    const written = readFileSync(file, 'utf8');
    const second = loadConfig(env);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(second.fieldEncryptionKey.equals(first.fieldEncryptionKey)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  it('a new data folder gets different secrets', () => {
    expect(loadConfig(development()).sessionSecret).not.toBe(loadConfig(development()).sessionSecret);
  });

  it('variables win over the generated file', () => {
    const config = loadConfig(development(SECRETS));
    expect(config.sessionSecret).toBe(SECRETS.LIFELINE_SESSION_SECRET);
  });

  it('a damaged secrets file is one clear problem, not a crash', () => {
    const env = development();
    const file = path.join(env['LIFELINE_DATA_DIR'] ?? '', 'secrets.json');
    writeFileSync(file, '{ not json');
    expect(problems(env)).toEqual([`${file} is not a valid secrets file: delete it to have new secrets made (sessions and encrypted fields made with the old ones are then lost).`]);
    writeFileSync(file, '{"sessionSecret": 42}');
    expect(problems(env)).toHaveLength(1);
    // Given as variables, the secrets do not need the file, but it is still reported.
    expect(problems({ ...env, ...SECRETS })).toHaveLength(1);
  });

  it('under NODE_ENV=test are made afresh in memory and never written', () => {
    const env = { NODE_ENV: 'test', LIFELINE_DATA_DIR: tempDir() };
    const config = loadConfig(env);
    expect(config.fieldEncryptionKey).toHaveLength(32);
    expect(config.logLevel).toBe('silent');
    expect(readdirSync(env.LIFELINE_DATA_DIR)).toEqual([]);
  });
});

describe('production', () => {
  it('requires both secrets, naming each, and writes nothing to the data folder', () => {
    const dir = tempDir();
    expect(problems({ NODE_ENV: 'production', LIFELINE_DATA_DIR: dir })).toEqual([
      'LIFELINE_SESSION_SECRET is required in production and must be at least 32 characters (for example: openssl rand -base64 48).',
      'LIFELINE_FIELD_KEY is required in production: 32 random bytes in base64 (for example: openssl rand -base64 32).',
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never reads secrets from a development secrets file', () => {
    const env = development();
    loadConfig(env);
    expect(problems({ ...env, NODE_ENV: 'production' })).toHaveLength(2);
  });

  it('refuses a short session secret and a field key of the wrong length', () => {
    expect(problems(production({ LIFELINE_SESSION_SECRET: 'x'.repeat(31) }))).toEqual([expect.stringMatching(/^LIFELINE_SESSION_SECRET is required in production/)]);
    expect(problems(production({ LIFELINE_FIELD_KEY: randomBytes(31).toString('base64') }))).toEqual([expect.stringMatching(/^LIFELINE_FIELD_KEY is required in production/)]);
  });

  it.each(['true', '1'])('refuses LIFELINE_DEMO=%s', (value) => {
    expect(problems(production({ LIFELINE_DEMO: value }))).toEqual(['LIFELINE_DEMO cannot be true in production: demo accounts have published passwords.']);
  });

  it('never loads demo data, even when an override asks for it', () => {
    expect(loadConfig(production({ LIFELINE_DEMO: 'false' })).loadDemo).toBe(false);
    expect(() => loadConfig(production(), { loadDemo: true })).toThrow(ConfigError);
  });
});
