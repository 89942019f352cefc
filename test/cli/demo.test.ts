// `lifeline demo` and `lifeline demo accounts`: the demo accounts exist only outside production.
import { existsSync, readdirSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ROLES } from '../../src/access/roles.ts';
import { DEMO_ACCOUNTS } from '../../src/demo/signInAccounts.ts';
import { CHILD_PROCESS_TEST_TIMEOUT, makeDataDir, runLifeline, type DataDir } from './run.ts';

vi.setConfig({ testTimeout: CHILD_PROCESS_TEST_TIMEOUT, hookTimeout: CHILD_PROCESS_TEST_TIMEOUT });

interface ListedAccount { role: string; organisation: string; email: string; password: string }

const folders: DataDir[] = [];
function dataDir(environment: 'development' | 'production'): DataDir {
  const data = makeDataDir(environment);
  folders.push(data);
  return data;
}
afterAll(() => { for (const data of folders) data.remove(); });

describe.concurrent('demo, each test in its own data folder', () => {
  describe('lifeline demo accounts', () => {
    it('--json lists at least one account for every role, each with organisation, email and password', async () => {
      const data = dataDir('development');
      const result = await runLifeline(['demo', 'accounts', '--json'], data.env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const accounts = JSON.parse(result.stdout) as ListedAccount[];
      expect(new Set(accounts.map((a) => a.role))).toEqual(new Set(ROLES));
      expect(new Set(accounts.map((a) => a.email)).size).toBe(accounts.length);
      for (const account of accounts) {
        expect(Object.keys(account).sort()).toEqual(['email', 'organisation', 'password', 'role']);
        expect(account.email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
        expect(account.organisation).toMatch(/^[a-z0-9-]+$/);
        expect(account.password.length).toBeGreaterThanOrEqual(12);
      }
      // Listing needs no database: nothing is created in the data folder.
      expect(existsSync(data.databaseFile)).toBe(false);
    });

    it('without --json prints a table with role, organisation, email and password', async () => {
      const result = await runLifeline(['demo', 'accounts'], dataDir('development').env);
      expect(result.code).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^role\s+organisation\s+email\s+password$/);
      expect(lines).toHaveLength(DEMO_ACCOUNTS.length + 2);
      expect(result.stdout).toContain('system-administrator.national-centre@demo.lifeline.example');
    });
  });

  describe('lifeline demo', () => {
    it('loads the demo partners, one account per listed demo account and the demo operation, once', async () => {
      const data = dataDir('development');
      const first = await runLifeline(['demo'], data.env);
      expect(first.code).toBe(0);
      // Progress goes to standard error; the summary to standard output.
      expect(first.stderr).toMatch(/^(Generating the demo operation \(visits\): \d+\/800\n)+$/);
      const [accounts, loaded] = first.stdout.trimEnd().split('\n');
      expect(accounts).toBe(`${DEMO_ACCOUNTS.length} demo accounts added (0 already present).`);
      expect(loaded).toMatch(/^Loaded 2 operations, \d+ premises, 800 visits, \d+ people found and \d+ arrests\. Ground truth: .*demo-ground-truth\.ndjson$/);
      const again = await runLifeline(['demo', '--seed', '7'], data.env);
      expect(again.code).toBe(1);
      expect(again.stdout).toBe(`0 demo accounts added (${DEMO_ACCOUNTS.length} already present).\n`);
      expect(again.stderr).toContain('already holds operation records');

      const database = new SQLite(data.databaseFile, { readonly: true });
      try {
        const users = database.prepare('select u.email, r.role from users u join user_roles r on r.user_id = u.id where u.is_demo = 1').all() as Array<{ email: string; role: string }>;
        expect(users.map((u) => `${u.role} ${u.email}`).sort()).toEqual(DEMO_ACCOUNTS.map((a) => `${a.role} ${a.email}`).sort());
        const partner = database.prepare("select kind from organisations where code = 'charity-safe-harbour'").get() as { kind: string } | undefined;
        expect(partner?.kind).toBe('support-charity');
      } finally {
        database.close();
      }
    });

    it('is refused under NODE_ENV=production and touches no database', async () => {
      const data = dataDir('production');
      const result = await runLifeline(['demo'], data.env);
      expect(result.code).not.toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe('lifeline: Demo data cannot be loaded when NODE_ENV=production: demo accounts have published passwords.\n');
      expect(readdirSync(data.dir)).toEqual([]);
    });

    it('refuses a --seed that is not a whole number', async () => {
      const data = dataDir('development');
      const result = await runLifeline(['demo', '--seed', 'abc'], data.env);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toBe('lifeline: --seed must be a whole number (got "abc")\n');
      expect(existsSync(data.databaseFile)).toBe(false);
    });
  });
});
