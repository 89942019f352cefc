// `lifeline migrate` and `lifeline org list|add` against one SQLite database in a temporary data folder.
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CORE_ROSTER } from '../../src/domain/roster.ts';
import type { Organisation } from '../../src/services/organisations.ts';
import { CHILD_PROCESS_TEST_TIMEOUT, makeDataDir, runLifeline, type CliResult, type DataDir } from './run.ts';

vi.setConfig({ testTimeout: CHILD_PROCESS_TEST_TIMEOUT, hookTimeout: CHILD_PROCESS_TEST_TIMEOUT });

const data: DataDir = makeDataDir('development');
let firstMigrate: CliResult;

beforeAll(async () => {
  firstMigrate = await runLifeline(['migrate'], data.env);
});
afterAll(() => data.remove());

async function listOrganisations(...flags: string[]): Promise<Organisation[]> {
  const result = await runLifeline(['org', 'list', '--json', ...flags], data.env);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Organisation[];
}

describe.concurrent('migrate and org, all at once on one database', () => {
  describe('lifeline migrate', () => {
    it('creates the schema and loads the whole roster into a new database', () => {
      expect(firstMigrate.stderr).toBe('');
      expect(firstMigrate.code).toBe(0);
      expect(firstMigrate.stdout).toContain(`SQLite ${data.databaseFile}: applied 0001-spine`);
      expect(firstMigrate.stdout).toContain(`; ${CORE_ROSTER.length} organisations added to the roster.`);
    });

    it('is idempotent: a second run applies nothing and adds no organisation', async () => {
      const again = await runLifeline(['migrate'], data.env);
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
      expect(again.stdout).toBe(`SQLite ${data.databaseFile}: schema already up to date; 0 organisations added to the roster.\n`);
    });

    it('refuses --with-roles on SQLite, which has no database roles', async () => {
      const result = await runLifeline(['migrate', '--with-roles'], data.env);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('lifeline: --with-roles applies to PostgreSQL only');
    });
  });

  describe('lifeline org list', () => {
    it('--json lists the roster: 43 England-and-Wales forces, Police Scotland, PSNI, An Garda Síochána, BTP and the national bodies', async () => {
      const organisations = await listOrganisations();
      const byCode = new Map(organisations.map((o) => [o.code, o]));
      const englandAndWalesForces = organisations.filter((o) => o.kind === 'police-force' && o.jurisdiction === 'england-and-wales');
      expect(englandAndWalesForces).toHaveLength(43);
      expect(byCode.get('metropolitan')).toMatchObject({ name: 'Metropolitan Police Service', kind: 'police-force', jurisdiction: 'england-and-wales', retiredAt: null });
      expect(byCode.get('dyfed-powys')).toMatchObject({ kind: 'police-force', jurisdiction: 'england-and-wales' });
      expect(byCode.get('police-scotland')).toMatchObject({ name: 'Police Scotland', kind: 'police-force', jurisdiction: 'scotland' });
      expect(byCode.get('psni')).toMatchObject({ name: 'Police Service of Northern Ireland', kind: 'police-force', jurisdiction: 'northern-ireland' });
      expect(byCode.get('garda')).toMatchObject({ name: 'An Garda Síochána', kind: 'police-force', jurisdiction: 'ireland' });
      expect(byCode.get('british-transport-police')).toMatchObject({ name: 'British Transport Police', kind: 'police-force', jurisdiction: 'uk-wide' });
      expect(byCode.get('national-centre')).toMatchObject({ kind: 'national-centre' });
      expect(byCode.get('competent-authority')).toMatchObject({ kind: 'competent-authority' });
      // The legacy Scottish forces are retired: hidden unless asked for.
      expect(organisations.some((o) => o.code.startsWith('legacy-'))).toBe(false);
      for (const organisation of organisations) expect(organisation.id).toMatch(/\S/);
    });

    it('--all includes the retired legacy Scottish forces', async () => {
      const organisations = await listOrganisations('--all');
      const legacy = organisations.filter((o) => o.code.startsWith('legacy-'));
      expect(legacy).toHaveLength(8);
      for (const organisation of legacy) expect(organisation.retiredAt).toMatch(/^2013-04-01/);
    });

    it('without --json prints an aligned table for a person', async () => {
      const result = await runLifeline(['org', 'list'], data.env);
      expect(result.code).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^code\s+kind\s+jurisdiction\s+name\s+retired$/);
      expect(lines[1]).toMatch(/^-+( +-+){4}$/);
      expect(lines.some((line) => /^metropolitan\s+police-force\s+england-and-wales\s+Metropolitan Police Service$/.test(line))).toBe(true);
    });
  });

  describe('lifeline org add', () => {
    it('adds an organisation that org list then shows', async () => {
      const added = await runLifeline(['org', 'add', '--code', 'charity-test-haven', '--name', 'Test Haven Trust', '--kind', 'support-charity', '--jurisdiction', 'scotland'], data.env);
      expect(added.stderr).toBe('');
      expect(added.code).toBe(0);
      expect(added.stdout).toBe('Added Test Haven Trust (charity-test-haven).\n');
      const [organisations, duplicate] = await Promise.all([
        listOrganisations(),
        runLifeline(['org', 'add', '--code', 'charity-test-haven', '--name', 'Another', '--kind', 'support-charity', '--jurisdiction', 'scotland'], data.env),
      ]);
      expect(organisations.find((o) => o.code === 'charity-test-haven')).toMatchObject({ name: 'Test Haven Trust', kind: 'support-charity', jurisdiction: 'scotland', retiredAt: null });
      expect(duplicate.code).not.toBe(0);
      expect(duplicate.stderr).toContain('lifeline: code: An organisation with the code charity-test-haven already exists');
    });

    it('refuses a code that is not lower-case letters, numbers and hyphens, and an unknown kind, naming each', async () => {
      const result = await runLifeline(['org', 'add', '--code', 'Not A Code', '--name', 'Bad', '--kind', 'militia', '--jurisdiction', 'wales'], data.env);
      expect(result.code).not.toBe(0);
      expect(result.stdout).toBe('');
      // One line per problem, and a message rather than a stack trace.
      expect(result.stderr).toBe([
        'lifeline: code: Enter a code of lower-case letters, numbers and hyphens, like north-wales',
        'kind: Select the kind of organisation',
        'jurisdiction: Select the jurisdiction',
        '',
      ].join('\n'));
      const database = new SQLite(data.databaseFile, { readonly: true });
      try {
        expect(database.prepare("select count(*) as n from organisations where name = 'Bad'").get()).toEqual({ n: 0 });
      } finally {
        database.close();
      }
    });

  });
});
