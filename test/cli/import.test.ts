// `lifeline import <kind> <file> --force <code>`: the example files of docs/examples load in order,
// bad rows are reported by line, --all-or-nothing loads nothing, and bad input exits non-zero.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHILD_PROCESS_TEST_TIMEOUT, makeDataDir, REPO_ROOT, runLifeline, type DataDir } from './run.ts';

vi.setConfig({ testTimeout: CHILD_PROCESS_TEST_TIMEOUT, hookTimeout: CHILD_PROCESS_TEST_TIMEOUT });

const data: DataDir = makeDataDir('development');
const example = (kind: string) => path.join(REPO_ROOT, 'docs/examples', `${kind}.csv`);

function withDatabase<T>(work: (database: SQLite.Database) => T): T {
  const database = new SQLite(data.databaseFile, { fileMustExist: true });
  try {
    return work(database);
  } finally {
    database.close();
  }
}

const count = (table: 'premises' | 'visits' | 'people_found' | 'arrests') => withDatabase((database) => (database.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n);

beforeAll(async () => {
  const migrated = await runLifeline(['migrate'], data.env);
  expect(migrated.code, migrated.stderr).toBe(0);
  // The examples' visits belong to an operation that exists before the import, as operations are set up centrally.
  withDatabase((database) => {
    database.prepare("insert into operations (id, code, name, starts_on, ends_on, created_at, updated_at) values ('01900000-0000-7000-8000-0000000000e1', 'example-operation', 'Example Operation', '2007-10-01', '2008-04-30', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')").run();
  });
});
afterAll(() => data.remove());

describe('lifeline import', () => {
  it('loads the documented example files in order, each row referring to the last file’s by reference, with progress on stderr', async () => {
    const expected = { premises: 3, visits: 3, people: 3, arrests: 1 };
    for (const [kind, rows] of Object.entries(expected)) {
      const result = await runLifeline(['import', kind, example(kind), '--force', 'bedfordshire'], data.env);
      expect(result.code, result.stderr + result.stdout).toBe(0);
      expect(result.stdout).toBe(`Imported ${rows} ${kind} for bedfordshire; 0 rows rejected.\n`);
      expect(result.stderr).toContain(`Importing ${kind}: ${rows}/${rows}`);
    }
    expect([count('premises'), count('visits'), count('people_found'), count('arrests')]).toEqual([3, 3, 3, 1]);
    const audited = withDatabase((database) => database.prepare("select details from audit_events where action = 'enforcement.import' order by seq").all() as Array<{ details: string }>);
    expect(audited.map((e) => JSON.parse(e.details) as { kind: string; imported: number })).toMatchObject([{ kind: 'premises', imported: 3 }, { kind: 'visits', imported: 3 }, { kind: 'people', imported: 3 }, { kind: 'arrests', imported: 1 }]);
  });

  it('prints every rejected row by line, loads the good ones and exits non-zero', async () => {
    const file = path.join(data.dir, 'premises-with-errors.csv');
    writeFileSync(file, 'reference,type,name,address,town,postcode\nQ-1,sauna,"The\nSteam Room",1 Bath Road,Luton,LU1 9ZZ\nQ-2,castle,,2 Bath Road,Luton,LU1 9ZZ\nQ-3,sauna,,,Luton,LU1 9ZZ\n');
    const before = count('premises');
    const result = await runLifeline(['import', 'premises', file, '--force', 'bedfordshire'], data.env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe([
      'Imported 1 premises for bedfordshire; 2 rows rejected.',
      'line 4: type "castle" is not a premises type (one of: brothel, massage-parlour, sauna, private-flat, hotel, nail-bar, car-wash, cannabis-farm, farm, factory, other)',
      'line 5: address is missing',
      '',
    ].join('\n'));
    expect(result.stderr).toContain('2 rows of premises-with-errors.csv rejected');
    expect(count('premises')).toBe(before + 1);
  });

  it('with --all-or-nothing loads nothing when a row is bad', async () => {
    const file = path.join(data.dir, 'people-one-bad.csv');
    writeFileSync(file, 'reference,visit_reference,role,sex,date_of_birth\nH-9,V-0001,potential-victim,female,\nH-10,V-0001,potential-victim,female,31/02/1990\n');
    const before = count('people_found');
    const result = await runLifeline(['import', 'people', file, '--force', 'bedfordshire', '--all-or-nothing'], data.env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('Imported 0 people for bedfordshire; 1 row rejected (nothing loaded: --all-or-nothing).\nline 3: date of birth "31/02/1990" is not a date (write it as 1990-02-28 or 28/02/1990)\n');
    expect(count('people_found')).toBe(before);
  });

  it.concurrent.each([
    [['import', 'vehicles', example('premises'), '--force', 'bedfordshire'], '"vehicles" is not something Lifeline imports: choose premises, visits, people, arrests'],
    [['import', 'premises', '/nonexistent/premises.csv', '--force', 'bedfordshire'], 'There is no file /nonexistent/premises.csv'],
    [['import', 'premises', example('premises'), '--force', 'atlantis'], 'There is no police force with the code "atlantis"'],
    [['import', 'premises', example('premises')], "required option '--force <code>' not specified"],
  ])('refuses %j with a clear message', async (args, message) => {
    const result = await runLifeline(args, data.env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });
});
