// The command line on PostgreSQL: `migrate --with-roles` makes the public surface's role with
// only the grants the public journey needs, and `backup` says to use pg_dump. Runs only when LIFELINE_TEST_DATABASE_URL names a
// server (CI sets it); each run creates its own throwaway database and drops it afterwards.
import { inCodeMigrations } from '../../src/store/migrations/index.ts';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CORE_ROSTER } from '../../src/domain/roster.ts';
import { PUBLIC_GRANTS } from '../../src/store/roles.ts';
import { CHILD_PROCESS_TEST_TIMEOUT, makeDataDir, runLifeline, type DataDir, type Env } from './run.ts';

vi.setConfig({ testTimeout: CHILD_PROCESS_TEST_TIMEOUT, hookTimeout: CHILD_PROCESS_TEST_TIMEOUT });

const serverUrl = process.env['LIFELINE_TEST_DATABASE_URL'];
if (serverUrl === undefined || serverUrl === '') {
  console.warn('test/cli/postgres.test.ts NOT RUN: set LIFELINE_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to test migrate --with-roles and backup on PostgreSQL.');
}

describe.runIf(serverUrl !== undefined && serverUrl !== '')('lifeline on PostgreSQL', () => {
  const databaseName = `lifeline_cli_${randomBytes(6).toString('hex')}`;
  // The describe body runs even when skipped, so the URL is worked out in beforeAll.
  let databaseUrl = '';
  let data: DataDir | undefined;
  let env: Env;
  let dir = '';

  async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    const url = new URL(serverUrl ?? '');
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
    await withClient(serverUrl ?? '', (client) => client.query(`create database ${databaseName}`));
    data = makeDataDir('development');
    dir = data.dir;
    env = { ...data.env, LIFELINE_DATABASE_URL: databaseUrl };
  });
  afterAll(async () => {
    data?.remove();
    await withClient(serverUrl ?? '', (client) => client.query(`drop database if exists ${databaseName} with (force)`));
  });

  it('migrate --with-roles migrates, loads the roster and makes lifeline_public with only the public journey’s and published statistics’ grants', async () => {
    const result = await runLifeline(['migrate', '--with-roles'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const migrationNames = Object.keys(await inCodeMigrations.getMigrations()).sort();
    expect(migrationNames[0]).toBe('0001-spine');
    expect(result.stdout).toContain(`applied ${migrationNames.join(', ')}; ${CORE_ROSTER.length} organisations added to the roster.`);
    expect(result.stdout).toContain('Public surface role ready');

    await withClient(databaseUrl, async (client) => {
      const role = await client.query<{ rolcanlogin: boolean; rolsuper: boolean }>("select rolcanlogin, rolsuper from pg_roles where rolname = 'lifeline_public'");
      expect(role.rows).toEqual([{ rolcanlogin: false, rolsuper: false }]);
      const grants = await client.query<{ table_name: string; privilege_type: string }>("select table_name, privilege_type from information_schema.role_table_grants where grantee = 'lifeline_public'");
      const granted = grants.rows.map((g) => `${g.table_name}:${g.privilege_type.toLowerCase()}`).sort();
      expect(granted).toEqual(Object.entries(PUBLIC_GRANTS).flatMap(([table, privileges]) => privileges.map((p) => `${table}:${p}`)).sort());
      const privileges = await client.query<{ users: boolean; audit: boolean; auditDetails: boolean; victims: boolean; usage: boolean; drafts: boolean }>(
        `select has_table_privilege('lifeline_public', 'users', 'select') as users, has_table_privilege('lifeline_public', 'audit_events', 'insert') as audit,
          has_column_privilege('lifeline_public', 'audit_events', 'details', 'select') as "auditDetails",
          has_table_privilege('lifeline_public', 'potential_victims', 'select') as victims, has_schema_privilege('lifeline_public', 'public', 'usage') as usage,
          has_table_privilege('lifeline_public', 'statistics_releases', 'select') as drafts`);
      expect(privileges.rows).toEqual([{ users: false, audit: true, auditDetails: false, victims: false, usage: true, drafts: false }]);
      // As the role itself: the published view reads, the table with the drafts is refused.
      await client.query('set role lifeline_public');
      expect((await client.query('select count(*) as n from published_statistics_releases')).rows).toEqual([{ n: '0' }]);
      await expect(client.query('select count(*) from statistics_releases')).rejects.toThrow(/permission denied/);
      await client.query('reset role');
      const organisations = await client.query<{ n: string }>('select count(*) as n from organisations');
      expect(Number(organisations.rows[0]?.n)).toBe(CORE_ROSTER.length);
    });

    const again = await runLifeline(['migrate', '--with-roles'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('schema already up to date; 0 organisations added');
  });

  it('backup refuses and says to use pg_dump, making no file', async () => {
    const target = path.join(dir, 'copy.db');
    const result = await runLifeline(['backup', target], env);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('lifeline: This database is PostgreSQL: back it up with pg_dump');
    expect(existsSync(target)).toBe(false);
  });
});
