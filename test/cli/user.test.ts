// `lifeline user add|disable|reset-password|reset-totp` on a production database, where the roster
// is all there is and the first system administrator is made from the command line.
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CORE_ROSTER } from '../../src/domain/roster.ts';
import { verifyPassword } from '../../src/security/passwords.ts';
import { CHILD_PROCESS_TEST_TIMEOUT, makeDataDir, runLifeline, type CliResult, type DataDir } from './run.ts';

vi.setConfig({ testTimeout: CHILD_PROCESS_TEST_TIMEOUT, hookTimeout: CHILD_PROCESS_TEST_TIMEOUT });

const data: DataDir = makeDataDir('production');
const ADMIN = 'first.admin@example.org';
let firstAdmin: CliResult;

interface UserRow { id: string; email: string; display_name: string; password_hash: string; disabled_at: string | null; totp_secret: string | null; is_demo: number }

function readUsers(): Array<UserRow & { roles: string }> {
  const database = new SQLite(data.databaseFile, { readonly: true });
  try {
    return database.prepare(`select u.*, (select group_concat(role, ',') from (select role from user_roles r where r.user_id = u.id order by role)) as roles
      from users u order by email`).all() as Array<UserRow & { roles: string }>;
  } finally {
    database.close();
  }
}

function user(email: string): UserRow & { roles: string } {
  const row = readUsers().find((u) => u.email === email);
  if (row === undefined) throw new Error(`no user ${email}`);
  return row;
}

/** Every refusal: non-zero exit, nothing on stdout, one clear line on stderr rather than a stack trace. */
function expectRefused(result: CliResult, message: string): void {
  expect(result.code).not.toBe(0);
  expect(result.code).not.toBeNull();
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

const OFFICER = 'officer.one@example.org';
let officer: CliResult;
let adminHashAfterAdd = '';
let afterMigrate: { users: number; organisations: string[] };

beforeAll(async () => {
  const migrated = await runLifeline(['migrate'], data.env);
  expect(migrated.code, migrated.stderr).toBe(0);
  const database = new SQLite(data.databaseFile, { readonly: true });
  try {
    afterMigrate = {
      users: (database.prepare('select count(*) as n from users').get() as { n: number }).n,
      organisations: (database.prepare('select code from organisations').all() as Array<{ code: string }>).map((o) => o.code),
    };
  } finally {
    database.close();
  }
  // Two different accounts: added side by side to save a process's start-up time.
  [firstAdmin, officer] = await Promise.all([
    runLifeline(['user', 'add', '--email', ADMIN, '--name', 'First Admin', '--organisation', 'national-centre', '--role', 'system-administrator'], data.env),
    runLifeline(['user', 'add', '--email', OFFICER, '--name', 'Officer One', '--organisation', 'metropolitan', '--role', 'officer', 'supervisor', '--password-stdin'], data.env, { input: 'correct horse battery staple\n' }),
  ]);
  adminHashAfterAdd = firstAdmin.code === 0 ? user(ADMIN).password_hash : '';
});
afterAll(() => data.remove());

describe.concurrent('lifeline user, all at once on one production database', () => {
  it('the database starts from the roster alone: no users, no demo organisations', () => {
    expect(afterMigrate.users).toBe(0);
    expect([...afterMigrate.organisations].sort()).toEqual(CORE_ROSTER.map((o) => o.code).sort());
  });

  it('user add makes the first system administrator and prints a temporary password once', async () => {
    expect(firstAdmin.stderr).toBe('');
    expect(firstAdmin.code).toBe(0);
    expect(firstAdmin.stdout).toMatch(/^Added first\.admin@example\.org \(system-administrator\) to UK Human Trafficking Centre\.\nTemporary password \(shown once\): \S{12,}\n$/);
    expect(user(ADMIN)).toMatchObject({ display_name: 'First Admin', roles: 'system-administrator', disabled_at: null, is_demo: 0 });
    expect(adminHashAfterAdd).toMatch(/^\$argon2/);
    const temporary = /Temporary password \(shown once\): (\S+)/.exec(firstAdmin.stdout)?.[1] ?? '';
    expect(await verifyPassword(adminHashAfterAdd, temporary)).toBe(true);
  });

  it('user add --password-stdin takes a good password and prints no temporary password', async () => {
    expect(officer.stderr).toBe('');
    expect(officer.code).toBe(0);
    expect(officer.stdout).toBe(`Added ${OFFICER} (officer, supervisor) to Metropolitan Police Service.\n`);
    const row = user(OFFICER);
    expect(row.roles).toBe('officer,supervisor');
    expect(await verifyPassword(row.password_hash, 'correct horse battery staple')).toBe(true);
  });

  describe('user add refuses bad input with a clear message', () => {
    it('an unknown organisation code', async () => {
      expectRefused(
        await runLifeline(['user', 'add', '--email', 'a@example.org', '--name', 'A', '--organisation', 'no-such-force', '--role', 'officer'], data.env),
        'lifeline: No organisation has the code "no-such-force" (see: lifeline org list)',
      );
    });

    it('a role the organisation’s kind may not hold, and an unknown role', async () => {
      const result = await runLifeline(['user', 'add', '--email', 'b@example.org', '--name', 'B', '--organisation', 'metropolitan', '--role', 'analyst', 'wizard'], data.env);
      expectRefused(result, 'roles: A police force cannot have the role analyst');
      expect(result.stderr).toContain('roles: Unknown role wizard');
    });

    it('a badly formed email address', async () => {
      expectRefused(
        await runLifeline(['user', 'add', '--email', 'not-an-email', '--name', 'C', '--organisation', 'metropolitan', '--role', 'officer'], data.env),
        'lifeline: email: Enter an email address in the correct format',
      );
    });

    it('an email address that already has an account, whatever its case', async () => {
      expectRefused(
        await runLifeline(['user', 'add', '--email', ' First.Admin@Example.org ', '--name', 'Again', '--organisation', 'national-centre', '--role', 'analyst'], data.env),
        'lifeline: email: An account with this email address already exists',
      );
    });

    it('a common password given on standard input', async () => {
      expectRefused(
        await runLifeline(['user', 'add', '--email', 'd@example.org', '--name', 'D', '--organisation', 'metropolitan', '--role', 'officer', '--password-stdin'], data.env, { input: 'password1234\n' }),
        'lifeline: password: Password is too easy to guess',
      );
    });

    it('a missing required option', async () => {
      expectRefused(await runLifeline(['user', 'add', '--email', 'e@example.org', '--organisation', 'metropolitan', '--role', 'officer'], data.env), "required option '--name <name>' not specified");
    });

    it.each(['disable', 'reset-password', 'reset-totp'])('user %s for an unknown email', async (command) => {
      expectRefused(await runLifeline(['user', command, 'nobody@example.org'], data.env), 'lifeline: No user has the email address nobody@example.org');
    });
  });

  describe('disable, reset-password and reset-totp on a real account', () => {
    it('reset-password sets a new temporary password', async () => {
      const result = await runLifeline(['user', 'reset-password', ADMIN], data.env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Temporary password for first\.admin@example\.org \(shown once\): \S{12,}\n$/);
      const temporary = /\(shown once\): (\S+)/.exec(result.stdout)?.[1] ?? '';
      const hash = user(ADMIN).password_hash;
      expect(hash).not.toBe(adminHashAfterAdd);
      expect(await verifyPassword(hash, temporary)).toBe(true);
    });

    it('reset-totp removes the second factor (the email in any case)', async () => {
      const database = new SQLite(data.databaseFile);
      try {
        database.prepare('update users set totp_secret = ?, totp_enabled_at = ? where email = ?').run('encrypted-secret', new Date().toISOString(), OFFICER);
      } finally {
        database.close();
      }
      const result = await runLifeline(['user', 'reset-totp', OFFICER.toUpperCase()], data.env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`Second factor removed for ${OFFICER}.\n`);
      expect(user(OFFICER).totp_secret).toBeNull();
    });

    it('disable disables the account', async () => {
      const result = await runLifeline(['user', 'disable', OFFICER], data.env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`Disabled ${OFFICER}.\n`);
      expect(user(OFFICER).disabled_at).not.toBeNull();
    });
  });
});

describe('afterwards', () => {
  it('the database holds exactly the two accounts added successfully: no refusal wrote anything', () => {
    expect(readUsers().map((u) => u.email)).toEqual([ADMIN, OFFICER]);
  });
});
