import { afterEach, beforeEach, expect, it } from 'vitest';
import type { UserActor } from '../../src/access/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/access/errors.ts';
import type { ArrestInput, PersonFoundInput, PremisesInput, VisitInput } from '../../src/services/enforcementRecording.ts';
import { StaleRecordError, versionOf } from '../../src/services/enforcementEditing.ts';
import { newId } from '../../src/store/ids.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';

const FIXTURE_VERSION = '2026-01-01T00:00:00.000Z';
const PREMISES_ID = '01900000-0000-7000-8000-000000000001';
const ARREST_ID = '01900000-0000-7000-8000-000000000031';
const CHARGE_ID = '01900000-0000-7000-8000-000000000041';
const ASSET_ID = '01900000-0000-7000-8000-000000000051';
const PREMISES: Omit<PremisesInput, 'forceId'> = { premisesType: 'brothel', name: '', addressLines: ['1 High Street', ''], town: 'Leeds', postcode: 'LS1 4AP' };
const ARREST: ArrestInput = { offence: 'soa-2003-s53-controlling-prostitution-for-gain', arrestedOn: { day: '10', month: '1', year: '2007' }, arrestedTime: '23:30', place: 'At the premises' };
const PERSON: PersonFoundInput = {
  role: 'potential-victim', fullName: 'Nguyễn Thị Lan', givenNames: 'Thị Lan', familyName: 'Nguyễn', aliases: ['Lan Nguyen', 'Lily'], dateOfBirth: { day: '', month: '', year: '' },
  estimatedAge: '30', sex: 'female', nationality: 'VN', languages: ['vi'], identityDocuments: [], phoneNumbers: ['07700 900123'], account: 'Found at the premises.',
  exploitationType: 'sexual-exploitation', possibleChild: '', consent: 'given', interpreterLanguage: '',
};

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);
}

describeEachDatabase('editing enforcement records', (dialect) => {
  let runtime: TestRuntime;
  let fixture: EnforcementFixture;
  let metOfficer: UserActor;
  let metSupervisor: UserActor;
  let wmOfficer: UserActor;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    metOfficer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    metSupervisor = await actorFor(runtime, demoAccount('supervisor', 'metropolitan'));
    wmOfficer = await actorFor(runtime, demoAccount('officer', 'west-midlands'));
  });
  afterEach(async () => runtime.dispose());

  const editing = () => runtime.services.enforcementEditing;
  const events = async (subjectId: string) => (await runtime.store.repositories.auditEvents.list({ subjectId, limit: 20 })).filter((e) => e.action.endsWith('.edit'));
  const visitInput = (overrides: Partial<VisitInput> = {}): VisitInput => ({
    operationId: fixture.operationId, visitedOn: { day: '10', month: '1', year: '2007' }, visitedTime: '22:00', warrant: 'yes', outcome: 'victims-found', notes: '', ...overrides,
  });

  it('edits premises and audits the changed fields with their values before and after', async () => {
    const edited = await editing().editPremises(metOfficer, PREMISES_ID, PREMISES, { version: FIXTURE_VERSION });
    expect(edited).toMatchObject({ town: 'Leeds', postcode: 'LS1 4AP', postcode_key: 'LS14AP', updated_at: '2026-03-02T09:00:00.000Z' });
    expect(await runtime.store.repositories.premises.findById(PREMISES_ID)).toMatchObject({ town: 'Leeds', postcode_key: 'LS14AP' });
    const [event] = await events(PREMISES_ID);
    expect(event).toMatchObject({ action: 'premises.edit', actor_user_id: metOfficer.userId, subject_type: 'premises', subject_organisation_id: fixture.met });
    expect(JSON.parse(event?.details ?? '{}')).toEqual({ changes: [
      { field: 'town', before: 'Town', after: 'Leeds' }, { field: 'postcode', before: 'E1 6AN', after: 'LS1 4AP' },
    ] });
    // The record's history (from the audit trail) shows the edit.
    const history = await runtime.services.enforcementRecords.history(metOfficer, fixture.met, PREMISES_ID);
    expect(history.map((h) => h.action)).toContain('premises.edit');
  });

  it('refuses a save based on an older version and never overwrites the newer one', async () => {
    const first = await editing().editPremises(metOfficer, PREMISES_ID, PREMISES, { version: FIXTURE_VERSION });
    // A supervisor opened the form before the officer saved: their save is stale.
    const stale = await failure(editing().editPremises(metSupervisor, PREMISES_ID, { ...PREMISES, town: 'Bradford' }, { version: FIXTURE_VERSION }));
    expect(stale).toBeInstanceOf(StaleRecordError);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await runtime.store.repositories.premises.findById(PREMISES_ID))?.town).toBe('Leeds');
    expect(await events(PREMISES_ID)).toHaveLength(1);
    // Based on the version now stored, the save goes through, even within the same millisecond.
    const second = await editing().editPremises(metSupervisor, PREMISES_ID, { ...PREMISES, town: 'Bradford' }, { version: first.updated_at });
    expect(second.town).toBe('Bradford');
    expect(second.updated_at > first.updated_at).toBe(true);
    // Two different saves racing from the same version: exactly one wins.
    const results = await Promise.allSettled([
      editing().editPremises(metOfficer, PREMISES_ID, { ...PREMISES, town: 'York' }, { version: second.updated_at }),
      editing().editPremises(metSupervisor, PREMISES_ID, { ...PREMISES, town: 'Hull' }, { version: second.updated_at }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' ? rejected.reason : undefined).toBeInstanceOf(StaleRecordError);
  });

  it('changes nothing and audits once when the same edit form is posted twice', async () => {
    const submissionId = newId();
    const first = await editing().editPremises(metOfficer, PREMISES_ID, PREMISES, { version: FIXTURE_VERSION, submissionId });
    const again = await editing().editPremises(metOfficer, PREMISES_ID, PREMISES, { version: FIXTURE_VERSION, submissionId });
    expect(again.updated_at).toBe(first.updated_at);
    const racing = newId();
    const [a, b] = await Promise.all([
      editing().editArrest(metOfficer, ARREST_ID, ARREST, { version: FIXTURE_VERSION, submissionId: racing }),
      editing().editArrest(metOfficer, ARREST_ID, ARREST, { version: FIXTURE_VERSION, submissionId: racing }),
    ]);
    expect(a.updated_at).toBe(b.updated_at);
    expect(await events(PREMISES_ID)).toHaveLength(1);
    expect(await events(ARREST_ID)).toHaveLength(1);
    // A submission id that made a record cannot be replayed as an edit.
    const made = newId();
    await runtime.services.enforcementRecording.createPremises(metOfficer, { ...PREMISES, addressLines: ['2 High Street'] }, made);
    const reused = await failure(editing().editPremises(metOfficer, PREMISES_ID, PREMISES, { version: first.updated_at, submissionId: made }));
    expect(reused).toBeInstanceOf(ValidationError);
  });

  it('saves nothing and writes no event when nothing changed', async () => {
    const premises = await runtime.store.repositories.premises.findById(PREMISES_ID);
    const same = await editing().editPremises(metOfficer, PREMISES_ID, { premisesType: 'brothel', name: '', addressLines: ['1 High Street'], town: 'Town', postcode: 'E1 6AN' }, { version: FIXTURE_VERSION });
    expect(same.updated_at).toBe(premises?.updated_at);
    expect(await events(PREMISES_ID)).toHaveLength(0);
  });

  it('edits a visit, a person found, an arrest, a charge and a seizure under the rules they were recorded by', async () => {
    const visit = await editing().editVisit(metOfficer, fixture.visits.v1, visitInput({ outcome: 'arrests-made', notes: 'Returned with an interpreter' }), { version: FIXTURE_VERSION });
    expect(visit).toMatchObject({ outcome: 'arrests-made', notes: 'Returned with an interpreter' });
    const [visitEvent] = await events(fixture.visits.v1);
    expect(JSON.parse(visitEvent?.details ?? '{}')).toEqual({ changes: [{ field: 'outcome', before: 'victims-found', after: 'arrests-made' }, { field: 'notes', withheld: true }] });
    const outside = await failure(editing().editVisit(metOfficer, fixture.visits.v1, visitInput({ visitedOn: { day: '1', month: '8', year: '2007' } }), { version: visit.updated_at }));
    expect(outside).toBeInstanceOf(ValidationError);

    const person = await editing().editPersonFound(metOfficer, fixture.people.lan, { ...PERSON, fullName: 'Nguyen Thi Lan', aliases: ['Lan Nguyen'], nationality: 'CN' }, { version: FIXTURE_VERSION });
    expect(person).toMatchObject({ full_name: 'Nguyen Thi Lan', nationality: 'CN', aliases: '["Lan Nguyen"]' });
    expect(person.name_search).not.toContain('lily');
    const found = await runtime.services.enforcementRecords.listPeople(metOfficer, { name: 'nguyen thi lan' });
    expect(found.rows.map((p) => p.id)).toEqual([fixture.people.lan]);

    const arrest = await editing().editArrest(metOfficer, ARREST_ID, ARREST, { version: FIXTURE_VERSION });
    expect(arrest).toMatchObject({ arrested_at: '2007-01-10T23:30:00.000Z', place: 'At the premises' });
    const early = await failure(editing().editArrest(metOfficer, ARREST_ID, { ...ARREST, arrestedOn: { day: '9', month: '1', year: '2007' } }, { version: arrest.updated_at }));
    expect(early).toBeInstanceOf(ValidationError);

    const charge = await editing().editCharge(metOfficer, CHARGE_ID, { offence: ARREST.offence, chargedOn: { day: '12', month: '1', year: '2007' }, courtOutcome: 'convicted-after-trial', sentenceMonths: '36' }, { version: FIXTURE_VERSION });
    expect(charge).toMatchObject({ charged_on: '2007-01-12', court_outcome: 'convicted-after-trial', sentence_months: 36 });
    const [chargeEvent] = await events(CHARGE_ID);
    expect(JSON.parse(chargeEvent?.details ?? '{}')).toEqual({ changes: [
      { field: 'chargedOn', before: '2007-01-11', after: '2007-01-12' }, { field: 'courtOutcome', before: 'convicted-guilty-plea', after: 'convicted-after-trial' },
      { field: 'sentenceMonths', before: 30, after: 36 },
    ] });

    const asset = await editing().editSeizedAsset(metOfficer, ASSET_ID, { assetType: 'cash', amount: '750', currency: 'EUR', description: '' }, { version: FIXTURE_VERSION });
    expect(asset).toMatchObject({ amount_minor: 75_000, currency: 'EUR' });
    expect(versionOf(asset)).toBe('2026-03-02T09:00:00.000Z');
  });

  it('keeps what describes a person out of the audit trail, naming only the fields that changed', async () => {
    await editing().editPersonFound(metOfficer, fixture.people.lan, { ...PERSON, fullName: 'Nguyen Thi Lan', phoneNumbers: ['07700 900999'], nationality: 'CN' }, { version: FIXTURE_VERSION });
    const [event] = await events(fixture.people.lan);
    expect(JSON.parse(event?.details ?? '{}')).toEqual({ changes: [
      { field: 'fullName', withheld: true }, { field: 'aliases', withheld: true }, { field: 'nationality', before: 'VN', after: 'CN' },
      { field: 'phoneNumbers', withheld: true },
    ] });
    const all = JSON.stringify(await runtime.store.repositories.auditEvents.list({ limit: 200 }));
    expect(all).not.toContain('Nguyen Thi Lan');
    expect(all).not.toContain('07700');
    expect((await runtime.services.audit.verifyChain(await actorFor(runtime, demoAccount('system-administrator')))).intact).toBe(true);
  });

  it('lets only the owning force’s officers and supervisors edit, hiding other forces’ records as missing', async () => {
    await expect(editing().editPremises(wmOfficer, PREMISES_ID, PREMISES, { version: FIXTURE_VERSION })).rejects.toBeInstanceOf(NotFoundError);
    await expect(editing().editVisit(wmOfficer, fixture.visits.v1, visitInput(), { version: FIXTURE_VERSION })).rejects.toBeInstanceOf(NotFoundError);
    await expect(editing().editPersonFound(wmOfficer, fixture.people.lan, PERSON, { version: FIXTURE_VERSION })).rejects.toBeInstanceOf(NotFoundError);
    await expect(editing().editArrest(wmOfficer, ARREST_ID, ARREST, { version: FIXTURE_VERSION })).rejects.toBeInstanceOf(NotFoundError);
    await expect(editing().editSeizedAsset(wmOfficer, ASSET_ID, { assetType: 'cash', amount: '1', currency: 'GBP', description: '' }, { version: FIXTURE_VERSION })).rejects.toBeInstanceOf(NotFoundError);
    for (const role of ['analyst', 'charity-case-worker', 'system-administrator'] as const) {
      await expect(editing().editPremises(await actorFor(runtime, demoAccount(role)), PREMISES_ID, PREMISES, { version: FIXTURE_VERSION })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await runtime.store.repositories.premises.findById(PREMISES_ID))?.town).toBe('Town');
    expect((await editing().editPremises(metSupervisor, PREMISES_ID, PREMISES, { version: FIXTURE_VERSION })).town).toBe('Leeds');
  });
});
