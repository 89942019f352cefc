import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/access/errors.ts';
import { csvCell, csvLine, neutraliseFormula } from '../../src/services/export/csvWriter.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';

describe('CSV cells', () => {
  it('quotes a cell holding a comma, a quote or a line break, doubling quotes inside', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Flat 2, 14 Mill Lane')).toBe('"Flat 2, 14 Mill Lane"');
    expect(csvCell('She said "no"')).toBe('"She said ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('carriage\rreturn')).toBe('"carriage\rreturn"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(16)).toBe('16');
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const dangerous of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR']) {
      expect(neutraliseFormula(dangerous)).toBe(`'${dangerous}`);
    }
    expect(neutraliseFormula('Nguyễn = Lan')).toBe('Nguyễn = Lan');
    expect(csvCell('=1+2,3')).toBe('"\'=1+2,3"');
    expect(csvCell('\rCR')).toBe('"\'\rCR"');
  });

  it('writes what a CSV reader reads back, cell for cell', () => {
    const cells = ['a "quoted" word', 'comma, inside', 'line\r\nbreak', 'Trần Mai', ''];
    expect(parse(csvLine(cells))).toEqual([cells]);
  });
});

describeEachDatabase('exporting enforcement lists as CSV', (dialect) => {
  let runtime: TestRuntime;
  let fixture: EnforcementFixture;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
  });
  afterEach(async () => runtime.dispose());

  const exporter = () => runtime.services.enforcementExport;
  const rowsOf = (csv: string): Array<Record<string, string>> => parse<Record<string, string>>(csv, { columns: true });

  it('exports exactly what an officer may see: their own force’s records only', async () => {
    const officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const visits = await exporter().exportCsv(officer, 'visits', {});
    expect(visits.rows).toBe(3);
    expect(visits.fileName).toBe('lifeline-visits-2026-03-02.csv');
    const rows = rowsOf(visits.csv);
    const metName = (await runtime.store.repositories.organisations.findById(fixture.met))?.name;
    expect(rows.map((r) => r['Force'])).toEqual([metName, metName, metName]);
    expect(rows.map((r) => r['Visit id'])).not.toContain(fixture.visits.v4);
    expect(visits.csv.split('\r\n')[0]).toBe('Visit id,Visited at,Force,Operation,Premises type,Town,Postcode,Warrant,Outcome');
    expect(rows[0]).toMatchObject({ 'Premises type': 'Nail bar', Warrant: 'Yes', Outcome: 'Potential victims found', Operation: 'Fixture Operation' });

    const people = rowsOf((await exporter().exportCsv(officer, 'people', {})).csv);
    expect(people.map((p) => p['Name']).sort()).toEqual(['Nguyễn Thị Lan', 'POPESCU Ion', 'Trần Mai']);
    expect(rowsOf((await exporter().exportCsv(officer, 'people', { forceId: fixture.westMidlands })).csv)).toEqual([]);
    expect(rowsOf((await exporter().exportCsv(officer, 'arrests', {})).csv).map((a) => a['Arrest id'])).toHaveLength(2);
    expect(rowsOf((await exporter().exportCsv(officer, 'premises', {})).csv)).toHaveLength(2);
  });

  it('applies the list filters, and gives an analyst every force', async () => {
    const analyst = await actorFor(runtime, demoAccount('analyst'));
    expect((await exporter().exportCsv(analyst, 'visits', {})).rows).toBe(4);
    expect((await exporter().exportCsv(analyst, 'people', { role: 'potential-victim' })).rows).toBe(3);
    expect(rowsOf((await exporter().exportCsv(analyst, 'people', { name: 'nguyen' })).csv).map((p) => p['Person id'])).toEqual([fixture.people.lan]);
    expect((await exporter().exportCsv(analyst, 'visits', { from: '2007-01-15', to: '2007-02-10' })).rows).toBe(2);
    expect((await exporter().exportCsv(analyst, 'premises', { premisesType: 'car-wash' })).rows).toBe(1);
    expect((await exporter().exportCsv(analyst, 'arrests', { forceId: fixture.westMidlands })).rows).toBe(1);
  });

  it('refuses roles that may not read enforcement records', async () => {
    for (const role of ['charity-case-worker', 'system-administrator'] as const) {
      await expect(exporter().exportCsv(await actorFor(runtime, demoAccount(role)), 'people', {})).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('audits each export with kind, filters and row count, keeping only the fact of a name search', async () => {
    const officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    await exporter().exportCsv(officer, 'people', { role: 'potential-victim', name: 'Nguyễn' });
    const supervisor = await actorFor(runtime, demoAccount('supervisor', 'metropolitan'));
    const events = await runtime.services.audit.list(supervisor, { action: 'export.csv' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: officer.userId, subjectType: 'people', details: { kind: 'people', rows: 1, filter: { role: 'potential-victim', name: true } } });
    expect(JSON.stringify(events[0])).not.toContain('Nguy');
  });

  it('neutralises a formula typed into a record', async () => {
    await runtime.store.database.db.updateTable('people_found').set({ full_name: '=HYPERLINK("http://evil.example","Click")' }).where('id', '=', fixture.people.popescu).execute();
    const analyst = await actorFor(runtime, demoAccount('analyst'));
    const people = rowsOf((await exporter().exportCsv(analyst, 'people', { role: 'suspect' })).csv);
    expect(people.map((p) => p['Name'])).toEqual(['\'=HYPERLINK("http://evil.example","Click")']);
  });
});
