import { afterEach, beforeEach, expect, it } from 'vitest';
import type { UserActor } from '../../src/access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/access/errors.ts';
import type { PersonFoundInput, VisitInput } from '../../src/services/enforcementRecording.ts';
import { newId } from '../../src/store/ids.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';

const PREMISES = { premisesType: 'massage-parlour', name: 'Golden Lotus', addressLines: ['12 Commercial Road', ''], town: 'London', postcode: 'e1 6an' };
const VISIT: VisitInput = { operationId: '', visitedOn: { day: '15', month: '3', year: '2007' }, visitedTime: '22:30', warrant: 'yes', outcome: 'victims-found', notes: '' };
const PERSON: PersonFoundInput = {
  role: 'potential-victim', fullName: 'Nguyễn Thị Hoa', givenNames: 'Thị Hoa', familyName: 'Nguyễn', aliases: ['Hoa Nguyen', 'Lily'],
  dateOfBirth: { day: '', month: '', year: '1988' }, estimatedAge: '', sex: 'female', nationality: 'VN', languages: ['Vietnamese'],
  identityDocuments: [{ kind: 'passport', number: 'B1234567', issuingCountry: 'VN' }], phoneNumbers: ['07700 900123'],
  account: 'Found in a back room; said her passport was held by the manager.', exploitationType: 'sexual-exploitation', possibleChild: '', consent: 'given', interpreterLanguage: 'Vietnamese',
};

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ValidationError)) throw new Error(`Expected a ValidationError, got ${String(error)}`);
  return Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message]));
}

describeEachDatabase('recording enforcement records', (dialect) => {
  let runtime: TestRuntime;
  let fixture: EnforcementFixture;
  let metOfficer: UserActor;
  let wmOfficer: UserActor;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    metOfficer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    wmOfficer = await actorFor(runtime, demoAccount('officer', 'west-midlands'));
  });
  afterEach(async () => runtime.dispose());

  const recording = () => runtime.services.enforcementRecording;
  const visitInput = (): VisitInput => ({ ...VISIT, operationId: fixture.operationId });

  it('records premises, a visit, the people found, an arrest with a charge and a seizure, kept as typed', async () => {
    const premises = await recording().createPremises(metOfficer, PREMISES);
    expect(premises).toMatchObject({ organisation_id: fixture.met, postcode: 'e1 6an', postcode_key: 'E16AN', address_lines: '["12 Commercial Road"]', name: 'Golden Lotus' });
    const visit = await recording().recordVisit(metOfficer, premises.id, visitInput());
    // 22:30 on 15 March 2007 in London is GMT; in July it would be an hour earlier in UTC.
    expect(visit).toMatchObject({ visited_at: '2007-03-15T22:30:00.000Z', warrant: 1, outcome: 'victims-found', organisation_id: fixture.met });
    const summer = await recording().recordVisit(metOfficer, premises.id, { ...visitInput(), visitedOn: { day: '1', month: 'June', year: '2007' } });
    expect(summer.visited_at).toBe('2007-06-01T21:30:00.000Z');

    const victim = await recording().addPersonFound(metOfficer, visit.id, PERSON);
    expect(victim).toMatchObject({
      full_name: 'Nguyễn Thị Hoa', aliases: '["Hoa Nguyen","Lily"]', date_of_birth: '1988', phone_numbers: '["07700 900123"]', nationality: 'VN',
      consent: 'given', exploitation_type: 'sexual-exploitation', possible_child: 0, languages: '["Vietnamese"]',
      identity_documents: '[{"kind":"passport","number":"B1234567","issuingCountry":"VN"}]',
    });
    expect(victim.name_search).toContain('nguyen thi hoa');
    expect(victim.name_search).toContain('lily');
    const found = await runtime.services.enforcementRecords.listPeople(metOfficer, { name: 'hoa nguyen' });
    expect(found.rows.map((p) => p.id)).toEqual([victim.id]);

    const suspect = await recording().addPersonFound(metOfficer, visit.id, {
      ...PERSON, role: 'suspect', fullName: 'POPESCU Ion', givenNames: '', familyName: '', aliases: [], dateOfBirth: { day: '', month: '', year: '' }, estimatedAge: '40',
      sex: 'male', nationality: 'RO', identityDocuments: [], exploitationType: '', consent: '', interpreterLanguage: '',
    });
    expect(suspect).toMatchObject({ role: 'suspect', estimated_age: 40, consent: null, exploitation_type: null });
    const arrest = await recording().recordArrest(metOfficer, suspect.id, { offence: 'soa-2003-s53-controlling-prostitution-for-gain', arrestedOn: { day: '15', month: '3', year: '2007' }, arrestedTime: '23:05', place: 'At the premises' });
    expect(arrest).toMatchObject({ person_found_id: suspect.id, visit_id: visit.id, organisation_id: fixture.met, arrested_at: '2007-03-15T23:05:00.000Z' });
    const charge = await recording().addCharge(metOfficer, arrest.id, { offence: 'soa-2003-s53-controlling-prostitution-for-gain', chargedOn: { day: '16', month: '3', year: '2007' }, courtOutcome: 'awaiting-trial', sentenceMonths: '' });
    const outcome = await recording().recordCourtOutcome(metOfficer, charge.id, { courtOutcome: 'convicted-after-trial', sentenceMonths: '30' });
    expect(outcome).toMatchObject({ court_outcome: 'convicted-after-trial', sentence_months: 30 });
    expect((await runtime.services.enforcementRecords.getArrest(metOfficer, arrest.id)).charges.map((c) => [c.court_outcome, Number(c.sentence_months)])).toEqual([['convicted-after-trial', 30]]);

    const cash = await recording().recordSeizedAsset(metOfficer, visit.id, { assetType: 'cash', amount: '£1,250.50', currency: 'GBP', description: '' });
    expect(cash).toMatchObject({ amount_minor: 125_050, currency: 'GBP', asset_type: 'cash' });
    expect((await runtime.services.enforcementRecords.getVisit(metOfficer, visit.id)).seizedAssets.map((a) => Number(a.amount_minor))).toEqual([125_050]);
  });

  it('marks a person under 18 as a possible child even when the box was not ticked', async () => {
    const child = await recording().addPersonFound(metOfficer, fixture.visits.v1, { ...PERSON, dateOfBirth: { day: '', month: '', year: '' }, estimatedAge: '16' });
    expect(child.possible_child).toBe(1);
  });

  it('refuses people who do not record for a force, and hides other forces’ records as missing', async () => {
    for (const role of ['charity-case-worker', 'analyst', 'system-administrator'] as const) {
      const actor = await actorFor(runtime, demoAccount(role));
      await expect(recording().createPremises(actor, PREMISES)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(recording().addPersonFound(actor, fixture.visits.v1, PERSON)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(recording().addPersonFound(wmOfficer, fixture.visits.v1, PERSON)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recording().recordSeizedAsset(wmOfficer, fixture.visits.v1, { assetType: 'cash', amount: '10', currency: 'GBP', description: '' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(recording().recordArrest(wmOfficer, fixture.people.popescu, { offence: 'soa-2003-s53-controlling-prostitution-for-gain', arrestedOn: { day: '10', month: '1', year: '2007' }, arrestedTime: '23:00', place: '' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(recording().createPremises(wmOfficer, { ...PREMISES, forceId: fixture.met })).rejects.toBeInstanceOf(NotFoundError);
    await expect(recording().operationsForRecording(wmOfficer, fixture.met)).rejects.toBeInstanceOf(NotFoundError);
    expect((await recording().operationsForRecording(wmOfficer)).map((o) => o.id)).toEqual([fixture.operationId]);
    const missing = await recording().addPersonFound(metOfficer, newId(), PERSON).catch((e: unknown) => e);
    const hidden = await recording().addPersonFound(metOfficer, fixture.visits.v4, PERSON).catch((e: unknown) => e);
    expect(hidden).toBeInstanceOf(NotFoundError);
    expect((hidden as Error).message).toBe((missing as Error).message);
    // A supervisor of the force records for it too.
    const supervisor = await actorFor(runtime, demoAccount('supervisor', 'metropolitan'));
    expect((await recording().addPersonFound(supervisor, fixture.visits.v1, PERSON)).organisation_id).toBe(fixture.met);
  });

  it('lists every problem with premises and a visit at once', async () => {
    const premises = await fieldErrors(recording().createPremises(metOfficer, { premisesType: 'castle', name: 'x'.repeat(201), addressLines: ['', ''], town: '', postcode: 'NOT A CODE' }));
    expect(premises).toEqual({
      premisesType: 'Select the type of premises', name: 'The name of the premises must be 200 characters or fewer', addressLine1: 'Enter the first line of the address',
      town: 'Enter the town or city', postcode: 'Enter a real postcode, like E1 6AN (or an Eircode, like D07 X2F4)',
    });
    expect((await recording().createPremises(metOfficer, { ...PREMISES, postcode: 'D07 X2F4' })).postcode_key).toBe('D07X2F4');

    const visit = await fieldErrors(recording().recordVisit(metOfficer, (await recording().createPremises(metOfficer, PREMISES)).id, {
      operationId: '', visitedOn: { day: '31', month: '2', year: '2007' }, visitedTime: '25:00', warrant: '', outcome: 'raided', notes: 'n'.repeat(2001),
    }));
    expect(visit).toEqual({
      operationId: 'Select the operation this visit was part of', visitedOn: 'The date of the visit must be a real date, like 27 3 2007',
      visitedTime: 'Enter the time of the visit using the 24-hour clock, like 22:30', warrant: 'Select yes if the visit was made under a warrant',
      outcome: 'Select the outcome of the visit', notes: 'Notes must be 2000 characters or fewer',
    });
  });

  it('keeps a visit within its operation’s period and in the past', async () => {
    const premises = await recording().createPremises(metOfficer, PREMISES);
    const outside = await fieldErrors(recording().recordVisit(metOfficer, premises.id, { ...visitInput(), visitedOn: { day: '1', month: '7', year: '2007' } }));
    expect(outside['visitedOn']).toBe('The visit must be within the operation, from 2007-01-01 to 2007-06-30');
    const future = await fieldErrors(recording().recordVisit(metOfficer, premises.id, { ...visitInput(), visitedOn: { day: '1', month: '1', year: '2030' } }));
    expect(future['visitedOn']).toBe('The date and time of the visit must be in the past');
  });

  it('checks a person found field by field', async () => {
    const errors = await fieldErrors(recording().addPersonFound(metOfficer, fixture.visits.v1, {
      ...PERSON, role: 'illegal', fullName: '', givenNames: '', familyName: '', dateOfBirth: { day: '12', month: '', year: '1990' }, estimatedAge: 'thirty', sex: '',
      nationality: 'Atlantis', aliases: Array.from({ length: 21 }, (_v, i) => `alias ${i}`), phoneNumbers: ['no digits'], account: 'a'.repeat(5001),
      identityDocuments: [{ kind: 'library-card', number: '1', issuingCountry: 'ZZ' }],
    }));
    expect(errors).toEqual({
      role: 'Select whether the person is a potential victim, a suspect or someone else present', fullName: 'Enter the name as the person gave it, or write “Not given”',
      aliases: 'Enter no more than 20 other names', dateOfBirth: 'Date of birth must be a real date, or a month and year, or a year',
      estimatedAge: 'Estimated age must be a whole number of years, like 25', sex: 'Select the person’s sex, or “Not known”', nationality: 'Select a nationality from the list',
      document1Kind: 'Select the kind of identity document', document1Country: 'Select the country that issued the document',
      phoneNumbers: 'Each phone number must contain digits', account: 'The account must be 5000 characters or fewer',
    });
    const victim = await fieldErrors(recording().addPersonFound(metOfficer, fixture.visits.v1, { ...PERSON, consent: '', dateOfBirth: { day: '1', month: '1', year: '2099' } }));
    expect(victim).toEqual({ consent: 'Select whether the person consents to a referral', dateOfBirth: 'Date of birth must be in the past' });
    const suspect = await fieldErrors(recording().addPersonFound(metOfficer, fixture.visits.v1, { ...PERSON, role: 'suspect', possibleChild: 'yes' }));
    expect(Object.keys(suspect).sort()).toEqual(['consent', 'exploitationType', 'possibleChild']);
  });

  it('checks an arrest, a charge and a seizure', async () => {
    const arrest = await fieldErrors(recording().recordArrest(metOfficer, fixture.people.popescu, { offence: 'htes-2015-s1-human-trafficking', arrestedOn: { day: '9', month: '1', year: '2007' }, arrestedTime: '10:00', place: 'p'.repeat(201) }));
    expect(arrest).toEqual({
      offence: 'Select an offence from the list for your force’s jurisdiction', arrestedOn: 'The arrest cannot be before the visit where the person was found',
      place: 'Place of arrest must be 200 characters or fewer',
    });
    const arrestId = '01900000-0000-7000-8000-000000000031';
    const charge = await fieldErrors(recording().addCharge(metOfficer, arrestId, { offence: '', chargedOn: { day: '1', month: '1', year: '2007' }, courtOutcome: 'awaiting-trial', sentenceMonths: '12' }));
    expect(charge).toEqual({ offence: 'Select the offence charged', chargedOn: 'The charge cannot be before the arrest', sentenceMonths: 'A custodial sentence is recorded only after a conviction' });
    const asset = await fieldErrors(recording().recordSeizedAsset(metOfficer, fixture.visits.v1, { assetType: 'other', amount: '12.345', currency: 'USD', description: '' }));
    expect(asset).toEqual({ amount: 'Amount must be a number, like 1250 or 1250.50', currency: 'Select the currency', description: 'Describe what was seized' });
  });

  it('makes one record of a form posted twice, and audits it once', async () => {
    const submissionId = newId();
    const premisesBefore = (await runtime.services.enforcementRecords.listPremises(metOfficer, {})).total;
    const first = await recording().createPremises(metOfficer, PREMISES, submissionId);
    const second = await recording().createPremises(metOfficer, PREMISES, submissionId);
    expect(second.id).toBe(first.id);
    expect((await runtime.services.enforcementRecords.listPremises(metOfficer, {})).total).toBe(premisesBefore + 1);

    const personSubmission = newId();
    const [a, b] = await Promise.all([
      recording().addPersonFound(metOfficer, fixture.visits.v1, PERSON, personSubmission),
      recording().addPersonFound(metOfficer, fixture.visits.v1, PERSON, personSubmission),
    ]);
    expect(a.id).toBe(b.id);
    expect((await runtime.services.enforcementRecords.listPeople(metOfficer, { name: 'hoa' })).total).toBe(1);
    const events = await runtime.store.repositories.auditEvents.list({ action: 'person-found.create', limit: 10 });
    expect(events).toHaveLength(1);
    // The same submission id cannot reveal the record to an officer of another force.
    await expect(recording().createPremises(wmOfficer, PREMISES, submissionId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await fieldErrors(recording().createPremises(metOfficer, PREMISES, 'not-a-uuid'))).toEqual({ submissionId: 'This form is out of date: reload the page and try again' });
    // A submission id that already made premises cannot make a visit.
    expect(await fieldErrors(recording().recordVisit(metOfficer, first.id, visitInput(), submissionId))).toEqual({ submissionId: 'This form is out of date: reload the page and try again' });
  });

  it('writes an audit event with codes, never what was said about a person', async () => {
    const person = await recording().addPersonFound(metOfficer, fixture.visits.v1, PERSON);
    const [event] = await runtime.store.repositories.auditEvents.list({ subjectId: person.id, limit: 10 });
    expect(event).toMatchObject({ action: 'person-found.create', actor_user_id: metOfficer.userId, subject_organisation_id: fixture.met });
    expect(JSON.parse(event?.details ?? '{}')).toEqual({ visitId: fixture.visits.v1, role: 'potential-victim' });
    const all = JSON.stringify(await runtime.store.repositories.auditEvents.list({ limit: 100 }));
    expect(all).not.toContain('Nguyễn');
    expect(all).not.toContain('07700');
    const verdict = await runtime.services.audit.verifyChain(await actorFor(runtime, demoAccount('system-administrator')));
    expect(verdict.intact).toBe(true);
  });
});
