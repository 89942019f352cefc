import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemActor } from '../../src/access/actor.ts';
import { ForbiddenError, ValidationError } from '../../src/access/errors.ts';
import { importRecords, type ImportOptions } from '../../src/services/enforcementImport.ts';
import type { ImportKind } from '../../src/services/import/kinds.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';

const OPERATOR = systemActor('test');

const PREMISES = [
  'reference,type,name,address,town,postcode',
  'P-1,brothel,,"Flat 2; 14 Mill Lane",Luton,LU1 1AA',
  'P-2,nail-bar,Star Nails,3 High Street,Luton,LU2 7BB',
].join('\r\n');
const VISITS = [
  'reference,premises_reference,operation_code,visited_at,warrant,outcome',
  'V-1,P-1,fixture-operation,2007-07-12 22:30,yes,victims-found',
  'V-2,P-2,fixture-operation,12/01/2007 22:30,no,nothing-found',
].join('\n');
const PEOPLE = [
  'reference,visit_reference,role,given_names,family_name,full_name,aliases,date_of_birth,estimated_age,sex,nationality,languages,phone_numbers,account,exploitation_type,possible_child,consent',
  'H-1,V-1,potential-victim,Thị Lan,Nguyễn,Nguyễn Thị Lan,Lan Nguyen; Lily,28/02/1988,,female,vn,vi;en,07700 900123,"Said she owed £20,000.",sexual-exploitation,no,given',
  'H-2,V-1,suspect,Ion,Popescu,POPESCU Ion,,,45,male,RO,ro,,,,,',
].join('\n');
const ARRESTS = [
  'reference,person_reference,offence,arrested_at,place',
  'A-1,H-2,soa-2003-s53-controlling-prostitution-for-gain,2007-07-12T23:10:00Z,At the premises',
].join('\n');

describeEachDatabase('importing enforcement records from CSV', (dialect) => {
  let runtime: TestRuntime;
  let fixture: EnforcementFixture;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
  });
  afterEach(async () => runtime.dispose());

  const load = (kind: ImportKind, csv: string, options: ImportOptions = {}) => importRecords(runtime.services.context, OPERATOR, kind, csv, { forceCode: 'metropolitan', ...options });

  it('loads linked files of premises, visits, people and arrests, referring to each other by reference', async () => {
    expect(await load('premises', PREMISES)).toEqual({ kind: 'premises', forceCode: 'metropolitan', imported: 2, rejected: [] });
    expect((await load('visits', VISITS)).imported).toBe(2);
    expect((await load('people', PEOPLE)).imported).toBe(2);
    expect((await load('arrests', ARRESTS)).imported).toBe(1);

    const officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const records = runtime.services.enforcementRecords;
    const visits = await records.listVisits(officer, { from: '2007-07-01', to: '2007-07-31' });
    expect(visits.rows).toHaveLength(1);
    // Times without an offset are UK wall-clock time: 22:30 in July is 21:30 UTC, in January 22:30.
    expect(visits.rows[0]?.visited_at).toBe('2007-07-12T21:30:00.000Z');
    expect(visits.rows[0]).toMatchObject({ town: 'Luton', postcode: 'LU1 1AA', warrant: 1, outcome: 'victims-found', operation_id: fixture.operationId });
    expect((await records.listVisits(officer, { from: '2007-01-12', to: '2007-01-12' })).rows[0]?.visited_at).toBe('2007-01-12T22:30:00.000Z');

    const lan = (await records.listPeople(officer, { name: 'lily' })).rows;
    expect(lan).toHaveLength(1);
    // The list shows a summary; the whole record holds what the list does not.
    const lanRecord = await runtime.store.repositories.peopleFound.findById(lan[0]?.id ?? '');
    expect(lanRecord).toMatchObject({ full_name: 'Nguyễn Thị Lan', date_of_birth: '1988-02-28', nationality: 'VN', organisation_id: fixture.met, consent: 'given' });
    expect(JSON.parse(lan[0]?.aliases ?? '')).toEqual(['Lan Nguyen', 'Lily']);
    expect(JSON.parse(lanRecord?.phone_numbers ?? '')).toEqual(['07700 900123']);
    expect(lanRecord?.account).toBe('Said she owed £20,000.');

    const arrests = await records.listArrests(officer, { from: '2007-07-01' });
    expect(arrests.rows.map((a) => [a.full_name, a.visit_id, a.place])).toEqual([['POPESCU Ion', visits.rows[0]?.id, 'At the premises']]);
    const premises = await records.getPremises(officer, visits.rows[0]?.premises_id ?? '');
    expect(JSON.parse(premises.premises.address_lines)).toEqual(['Flat 2', '14 Mill Lane']);
  });

  it('reports every bad row with its line, counting a quoted line break, and loads the good rows', async () => {
    await load('premises', PREMISES);
    await load('visits', VISITS);
    const csv = [
      'reference,visit_reference,role,given_names,family_name,date_of_birth,sex,account',
      'H-1,V-1,potential-victim,Mai,Trần,,female,"She said:',
      'we were locked in.',
      'Nobody could leave."',
      'H-2,V-1,victim,Ana,Pop,31/02/1990,female,',
      'H-3,V-1,suspect,Dan,Pop,,male,',
      '',
      'H-4,V-9,suspect,Ion,Pop,1980-01-01,,',
      'H-5,V-1,suspect,Bo,Pop,,alien,"A bad row is reported',
      'at the line it starts on."',
    ].join('\n');
    const report = await load('people', csv);
    expect(report.imported).toBe(2);
    expect(report.rejected).toEqual([
      { line: 5, reason: 'role "victim" is not a role (one of: potential-victim, suspect, other-present); date of birth "31/02/1990" is not a date (write it as 1990-02-28 or 28/02/1990)' },
      { line: 8, reason: 'sex is missing; visit reference "V-9" is not known for this force: import the visits file first' },
      { line: 9, reason: 'sex "alien" is not a sex (one of: female, male, unknown)' },
    ]);
    const analyst = await actorFor(runtime, demoAccount('analyst'));
    const mai = (await runtime.services.enforcementRecords.listPeople(analyst, { name: 'mai tran', forceId: fixture.met, from: '2007-07-01' })).rows;
    const accounts = await Promise.all(mai.map(async (p) => (await runtime.store.repositories.peopleFound.findById(p.id))?.account));
    expect(accounts).toEqual(['She said:\nwe were locked in.\nNobody could leave.']);
  });

  it('reads identity documents as kind:country:number and refuses a row with a malformed one', async () => {
    await load('premises', PREMISES);
    await load('visits', VISITS);
    const csv = [
      'reference,visit_reference,role,full_name,sex,identity_documents',
      'H-1,V-1,potential-victim,Elena Marin,female,"passport:ro:051234567; driving-licence::MARIN 7531 16:9"',
      'H-2,V-1,suspect,Ion Pop,male,visa:RO:123',
      'H-3,V-1,suspect,Dan Pop,male,passport:XX:123',
      'H-4,V-1,suspect,Bo Pop,male,passport:RO:',
    ].join('\n');
    const report = await load('people', csv);
    expect(report.imported).toBe(1);
    expect(report.rejected).toEqual([
      { line: 3, reason: 'identity documents: "visa" is not a kind of identity document (one of: passport, national-identity-card, driving-licence, residence-permit); write each as kind:country:number' },
      { line: 4, reason: 'identity documents: "XX" is not a country code (two letters, ISO 3166)' },
      { line: 5, reason: 'identity documents: the passport has no number; write each as kind:country:number' },
    ]);
    const analyst = await actorFor(runtime, demoAccount('analyst'));
    const elena = (await runtime.services.enforcementRecords.listPeople(analyst, { name: 'elena marin' })).rows;
    const record = await runtime.store.repositories.peopleFound.findById(elena[0]?.id ?? '');
    expect(JSON.parse(record?.identity_documents ?? '')).toEqual([
      { kind: 'passport', number: '051234567', issuingCountry: 'RO' },
      { kind: 'driving-licence', number: 'MARIN 7531 16:9', issuingCountry: null },
    ]);
  });

  it('refuses an arrest for an offence of another jurisdiction than the force’s', async () => {
    await load('premises', PREMISES);
    await load('visits', VISITS);
    await load('people', PEOPLE);
    const report = await load('arrests', `${ARRESTS}\nA-2,H-2,htes-2015-s1-human-trafficking,2016-03-01 10:00,`);
    expect(report).toMatchObject({ imported: 1, rejected: [{ line: 3, reason: 'offence htes-2015-s1-human-trafficking is not an offence in England and Wales' }] });
  });

  it('reads a spreadsheet’s byte-order mark, CRLF line ends and blank lines without losing count of lines', async () => {
    const csv = '\uFEFFReference,Type,Address,Town,Postcode\r\n\r\nP-7,sauna,1 Road,Luton,LU1 1AA\r\n  \r\nP-8,igloo,2 Road,Luton,LU1 1AA\r\n';
    expect(await load('premises', csv)).toMatchObject({ imported: 1, rejected: [{ line: 5, reason: expect.stringContaining('type "igloo"') as string }] });
  });

  it('loads nothing with allOrNothing when any row is bad, and everything when none is', async () => {
    const bad = `${PREMISES}\r\nP-3,castle,,1 Keep Road,Luton,LU3 3CC`;
    const officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const before = (await runtime.services.enforcementRecords.listPremises(officer, {})).total;
    const refused = await load('premises', bad, { allOrNothing: true });
    expect(refused.imported).toBe(0);
    expect(refused.rejected).toEqual([{ line: 4, reason: expect.stringContaining('type "castle" is not a premises type') as string }]);
    expect((await runtime.services.enforcementRecords.listPremises(officer, {})).total).toBe(before);
    const progress: Array<[number, number]> = [];
    expect((await load('premises', PREMISES, { allOrNothing: true, onProgress: (done, total) => progress.push([done, total]) })).imported).toBe(2);
    expect(progress).toEqual([[2, 2]]);
    expect((await runtime.services.enforcementRecords.listPremises(officer, {})).total).toBe(before + 2);
  });

  it('refuses a reference used twice, or imported before, and keeps each force’s references apart', async () => {
    const twice = await load('premises', `${PREMISES}\nP-1,sauna,,2 Mill Lane,Luton,LU1 1AB`);
    expect(twice.rejected).toEqual([{ line: 4, reason: 'reference "P-1" is used on line 2 already' }]);
    const again = await load('premises', PREMISES);
    expect(again.imported).toBe(0);
    expect(again.rejected.map((r) => r.reason)).toEqual(['reference "P-1" has been imported before', 'reference "P-2" has been imported before']);
    // West Midlands has its own P-1; it cannot reach the Metropolitan Police's premises by reference.
    expect((await load('premises', PREMISES, { forceCode: 'west-midlands' })).imported).toBe(2);
    const wmVisits = await load('visits', VISITS.replace(/P-1/g, 'P-1').replace(/P-2/g, 'P-404'), { forceCode: 'west-midlands' });
    expect(wmVisits.imported).toBe(1);
    expect(wmVisits.rejected).toEqual([{ line: 3, reason: 'premises reference "P-404" is not known for this force: import the premises file first' }]);
  });

  it('reports a file it cannot read as a whole, by line, and loads nothing', async () => {
    expect((await load('premises', 'reference,kind,address,town,postcode\nP-1,brothel,1 Road,Luton,LU1 1AA')).rejected)
      .toEqual([{ line: 1, reason: expect.stringContaining('unknown column "kind"') as string }]);
    expect((await load('premises', 'reference,address,town,postcode\n')).rejected).toEqual([{ line: 1, reason: 'missing column type' }]);
    const broken = await load('premises', `${PREMISES}\nP-3,brothel,,"1 Road,Luton,LU1 1AA\n`);
    expect(broken.imported).toBe(0);
    expect(broken.rejected).toEqual([{ line: 4, reason: expect.stringContaining('a quoted cell is never closed') as string }]);
    expect((await load('premises', '')).rejected).toEqual([{ line: 1, reason: 'the file is empty: the first line must name the columns' }]);
  });

  it('audits each import once, with counts and never the rows’ contents', async () => {
    await load('premises', PREMISES);
    await load('visits', VISITS);
    await load('people', `${PEOPLE}\nH-3,V-1,suspect,Bad,Row,,,male,XX,,,,,,,`);
    const events = await runtime.services.audit.list(OPERATOR, { action: 'enforcement.import' });
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({ actorLabel: 'system:test', subjectOrganisationId: fixture.met, outcome: 'success', details: { kind: 'people', force: 'metropolitan', imported: 2, rejected: 1, allOrNothing: false } });
    expect(JSON.stringify(events)).not.toMatch(/Nguy|Popescu|Lily|07700|owed/);
  });

  it('lets a force’s officers import only for their own force, and the operator only for a named force', async () => {
    const metOfficer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const report = await importRecords(runtime.services.context, metOfficer, 'premises', PREMISES, {});
    expect(report).toMatchObject({ forceCode: 'metropolitan', imported: 2 });
    await expect(importRecords(runtime.services.context, metOfficer, 'premises', PREMISES, { forceCode: 'west-midlands' })).rejects.toBeInstanceOf(ForbiddenError);
    for (const role of ['analyst', 'charity-case-worker', 'system-administrator'] as const) {
      await expect(importRecords(runtime.services.context, await actorFor(runtime, demoAccount(role)), 'premises', PREMISES, {})).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(importRecords(runtime.services.context, OPERATOR, 'premises', PREMISES, {})).rejects.toBeInstanceOf(ValidationError);
    await expect(importRecords(runtime.services.context, OPERATOR, 'premises', PREMISES, { forceCode: 'charity-safe-harbour' })).rejects.toBeInstanceOf(ValidationError);
  });
});
