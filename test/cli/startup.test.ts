// Start-up and bad input on the command line: unknown commands, bad serve options, production
// without its secrets (the ConfigError exit code 78), the installed `bin/lifeline.js`, and a real
// `lifeline serve` on a new production database.
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { CHILD_PROCESS_TEST_TIMEOUT, makeDataDir, runLifeline, startServer, type DataDir } from './run.ts';

vi.setConfig({ testTimeout: CHILD_PROCESS_TEST_TIMEOUT, hookTimeout: CHILD_PROCESS_TEST_TIMEOUT });

const folders: DataDir[] = [];
function dataDir(environment: 'development' | 'production'): DataDir {
  const data = makeDataDir(environment);
  folders.push(data);
  return data;
}
afterAll(() => { for (const data of folders) data.remove(); });

describe.concurrent('start-up, each test in its own data folder', () => {
  describe('bad commands and options', () => {
    it('an unknown command exits non-zero and says which', async () => {
      const result = await runLifeline(['frobnicate'], dataDir('development').env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("error: unknown command 'frobnicate'");
    });

    it('serve --surface nonsense', async () => {
      const data = dataDir('development');
      const result = await runLifeline(['serve', '--surface', 'nonsense', '--port', '0'], data.env);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('lifeline: --surface must be public, staff or all (got "nonsense")\n');
    });

    it.each(['abc', '70000'])('serve --port %s', async (port) => {
      const result = await runLifeline(['serve', `--port=${port}`], dataDir('development').env);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`lifeline: --port must be a number from 0 to 65535 (got "${port}")\n`);
    });

    it('serve with a bad LIFELINE_SURFACE names the variable, not the option', async () => {
      const result = await runLifeline(['serve', '--port', '0'], { ...dataDir('development').env, LIFELINE_SURFACE: 'nonsense' });
      expect(result.code).toBe(78);
      expect(result.stderr).toContain('LIFELINE_SURFACE must be one of public, staff, all (got "nonsense")');
      expect(result.stderr).not.toContain('--surface');
    });
  });

  describe('production start-up without its secrets', () => {
    it('serve stops with exit code 78 and a ConfigError listing each bad variable, having opened nothing', async () => {
      const data = dataDir('production');
      const result = await runLifeline(['serve', '--port', '0'], { NODE_ENV: 'production', LIFELINE_DATA_DIR: data.dir, LIFELINE_DATABASE_URL: `sqlite:${data.databaseFile}`, LIFELINE_TRUST_PROXY: 'yes' });
      expect(result.code).toBe(78);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toEqual([
        'Lifeline cannot start: the configuration has 3 problem(s):',
        expect.stringMatching(/^ {2}- LIFELINE_SESSION_SECRET is required in production/),
        expect.stringMatching(/^ {2}- LIFELINE_FIELD_KEY is required in production/),
        '  - LIFELINE_TRUST_PROXY must be true or false (got "yes").',
      ]);
      // Nothing was written: no database and, in production, never a secrets file.
      expect(readdirSync(data.dir)).toEqual([]);
    });

    it('runCli returns 78 for a ConfigError (in process, as bin/lifeline.js uses it)', async () => {
      const data = dataDir('production');
      const names = ['NODE_ENV', 'LIFELINE_DATA_DIR', 'LIFELINE_DATABASE_URL', 'LIFELINE_SESSION_SECRET', 'LIFELINE_FIELD_KEY'] as const;
      const saved = new Map(names.map((name) => [name, process.env[name]]));
      const written: string[] = [];
      const write = process.stderr.write.bind(process.stderr);
      Object.assign(process.env, { NODE_ENV: 'production', LIFELINE_DATA_DIR: data.dir, LIFELINE_DATABASE_URL: `sqlite:${data.databaseFile}` });
      delete process.env['LIFELINE_SESSION_SECRET'];
      delete process.env['LIFELINE_FIELD_KEY'];
      process.stderr.write = (chunk: string | Uint8Array) => { written.push(String(chunk)); return true; };
      try {
        expect(await runCli(['audit', 'verify'])).toBe(78);
      } finally {
        process.stderr.write = write;
        for (const [name, value] of saved) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      }
      expect(written.join('')).toContain('Lifeline cannot start: the configuration has 2 problem(s)');
      expect(readdirSync(data.dir)).toEqual([]);
    });
  });

  describe('bin/lifeline.js, the installed command', () => {
    it('runs the command it is given and passes on its exit code', async () => {
      const result = await runLifeline(['frobnicate'], dataDir('development').env, { entry: 'bin' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("unknown command 'frobnicate'");
    });
  });

  describe('lifeline serve on a new production database', () => {
    it('listens, loads no demo accounts, says how to make the first administrator and stops on SIGTERM', async () => {
      const data = dataDir('production');
      const server = await startServer(['--port', '0', '--surface', 'public'], { ...data.env, LIFELINE_LOG_LEVEL: 'warn' });
      let stopped = false;
      try {
        expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const output = await server.waitForOutput(/lifeline -- user add --organisation national-centre --role system-administrator/);
        expect(output).toContain('(public surface, SQLite ');
        expect(output).toContain('This database has no users. Create the first system administrator with:');
        expect(output).not.toContain('Demo accounts');

        const health = await fetch(`${server.url}/health`);
        expect(health.status).toBe(200);
        expect(await health.json()).toMatchObject({ status: 'UP', components: { database: { status: 'UP', dialect: 'sqlite' } } });
        // The public surface serves no staff API.
        expect((await fetch(`${server.url}/api/v1/organisations`)).status).toBe(404);
        stopped = true;
        expect(await server.stop()).toBe(0);
      } finally {
        if (!stopped) await server.stop();
      }
    });
  });
});
