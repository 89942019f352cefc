import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

function submissionIdIn(html: string): string {
  const match = /name="submissionId" value="([^"]+)"/.exec(html);
  if (match?.[1] === undefined) throw new Error('The form has no submission id');
  return match[1];
}

/** The id at the end of a 303 redirect to a record's page, e.g. /visits/<id>. */
function createdId(response: LightMyRequestResponse, page: string): string {
  expect(response.statusCode).toBe(303);
  const location = String(response.headers.location);
  expect(location).toMatch(new RegExp(`^/${page}/[0-9a-f-]{36}$`));
  return location.slice(page.length + 2);
}

describe('recording enforcement records on the staff pages', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let fixture: EnforcementFixture;
  let officer: WebClient;

  beforeEach(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    app = await buildTestApp(runtime);
    officer = new WebClient(app);
    const account = demoAccount('officer', 'metropolitan');
    await officer.signIn(account.email, account.password);
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  /** Opens a form and posts it with the submission id it was given. */
  async function fill(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    const form = await officer.get(url);
    expect(form.statusCode).toBe(200);
    return officer.post(url, { submissionId: submissionIdIn(form.body), ...fields });
  }

  it('takes an officer from premises to a visit, the people found, an arrest with a charge and a cash seizure', async () => {
    const premisesId = createdId(await fill('/premises/new', { premisesType: 'massage-parlour', name: 'Golden Lotus', addressLine1: '12 Commercial Road', addressLine2: '', town: 'London', postcode: 'E1 6AN' }), 'premises');

    const visitForm = await officer.get(`/premises/${premisesId}/visits/new`);
    expect(visitForm.body).toContain('Fixture Operation');
    expect(visitForm.body).toContain('12 Commercial Road');
    const visitId = createdId(await officer.post(`/premises/${premisesId}/visits/new`, {
      submissionId: submissionIdIn(visitForm.body), operationId: fixture.operationId, 'visitedOn-day': '15', 'visitedOn-month': '3', 'visitedOn-year': '2007',
      visitedTime: '22:30', warrant: 'yes', outcome: 'arrests-made', notes: '',
    }), 'visits');

    const personForm = await officer.get(`/visits/${visitId}/people/new`);
    expect(personForm.body).toContain('Potential victim');
    expect(personForm.body).not.toMatch(/illegal|prostitute/i);
    const victimId = createdId(await officer.post(`/visits/${visitId}/people/new`, {
      submissionId: submissionIdIn(personForm.body), role: 'potential-victim', fullName: 'Nguyễn Thị Hoa', givenNames: 'Thị Hoa', familyName: 'Nguyễn',
      aliases: 'Hoa Nguyen\r\nLily', 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '1988', estimatedAge: '', sex: 'female', nationality: 'VN',
      languages: 'Vietnamese, English', document1Kind: 'passport', document1Number: 'B1234567', document1Country: 'VN', phoneNumbers: '07700 900123\r\n+44 7700 900456',
      account: 'Found in a back room.', exploitationType: 'sexual-exploitation', consent: 'given', interpreterLanguage: 'Vietnamese',
    }), 'people');
    const suspectId = createdId(await fill(`/visits/${visitId}/people/new`, {
      role: 'suspect', fullName: 'POPESCU Ion', sex: 'male', nationality: 'RO', estimatedAge: '40', account: 'Held the keys to the rooms.',
    }), 'people');

    const arrestForm = await officer.get(`/people/${suspectId}/arrests/new`);
    expect(arrestForm.body).toContain('POPESCU Ion');
    expect(arrestForm.body).toContain('<optgroup label="Sexual exploitation and prostitution">');
    expect(arrestForm.body).toContain('Controlling prostitution for gain (Sexual Offences Act 2003, s.53)');
    // Scottish offences are not offered to an English force.
    expect(arrestForm.body).not.toContain('Human Trafficking and Exploitation (Scotland) Act 2015');
    const arrestId = createdId(await officer.post(`/people/${suspectId}/arrests/new`, {
      submissionId: submissionIdIn(arrestForm.body), offence: 'soa-2003-s53-controlling-prostitution-for-gain',
      'arrestedOn-day': '15', 'arrestedOn-month': '3', 'arrestedOn-year': '2007', arrestedTime: '23:05', place: 'At the premises',
    }), 'arrests');
    const charged = await fill(`/arrests/${arrestId}/charges/new`, {
      offence: 'soa-2003-s53-controlling-prostitution-for-gain', 'chargedOn-day': '16', 'chargedOn-month': '3', 'chargedOn-year': '2007', courtOutcome: 'awaiting-trial', sentenceMonths: '',
    });
    expect(charged.headers.location).toBe(`/arrests/${arrestId}`);
    const seized = await fill(`/visits/${visitId}/assets/new`, { assetType: 'cash', amount: '4,250.50', currency: 'GBP', description: 'In a locked drawer' });
    expect(seized.headers.location).toBe(`/visits/${visitId}`);

    const metOfficer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const visit = await runtime.services.enforcementRecords.getVisit(metOfficer, visitId);
    expect(visit.visit).toMatchObject({ premises_id: premisesId, operation_id: fixture.operationId, visited_at: '2007-03-15T22:30:00.000Z', organisation_id: fixture.met });
    expect(visit.people.map((p) => [p.role, p.full_name]).sort()).toEqual([['potential-victim', 'Nguyễn Thị Hoa'], ['suspect', 'POPESCU Ion']]);
    expect(visit.seizedAssets.map((a) => [a.asset_type, Number(a.amount_minor), a.currency])).toEqual([['cash', 425_050, 'GBP']]);
    const victim = await runtime.services.enforcementRecords.getPerson(metOfficer, victimId);
    expect(JSON.parse(victim.person.aliases)).toEqual(['Hoa Nguyen', 'Lily']);
    expect(JSON.parse(victim.person.phone_numbers)).toEqual(['07700 900123', '+44 7700 900456']);
    expect(JSON.parse(victim.person.languages)).toEqual(['Vietnamese', 'English']);
    const arrest = await runtime.services.enforcementRecords.getArrest(metOfficer, arrestId);
    expect(arrest.arrest).toMatchObject({ person_found_id: suspectId, place: 'At the premises', arrested_at: '2007-03-15T23:05:00.000Z' });
    expect(arrest.charges.map((c) => [c.charged_on, c.court_outcome])).toEqual([['2007-03-16', 'awaiting-trial']]);

    const [charge] = arrest.charges;
    const wrongOutcome = await officer.post(`/charges/${charge?.id ?? ''}/outcome`, { courtOutcome: 'acquitted', sentenceMonths: '30' });
    expect(wrongOutcome.statusCode).toBe(400);
    expect(wrongOutcome.body).toContain('<a href="#sentenceMonths">A custodial sentence is recorded only after a conviction</a>');
    expect(wrongOutcome.body).toContain('value="30"');
    const outcome = await officer.post(`/charges/${charge?.id ?? ''}/outcome`, { courtOutcome: 'convicted-guilty-plea', sentenceMonths: '30' });
    expect(outcome.headers.location).toBe(`/arrests/${arrestId}`);
    expect((await runtime.services.enforcementRecords.getArrest(metOfficer, arrestId)).charges.map((c) => [c.court_outcome, Number(c.sentence_months)])).toEqual([['convicted-guilty-plea', 30]]);
  });

  it('shows every problem in an error summary and keeps what was typed', async () => {
    const response = await fill(`/visits/${fixture.visits.v1}/people/new`, {
      role: 'potential-victim', fullName: 'Trần <b>Mai</b>', aliases: 'Mai\r\nMay', 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2001',
      sex: '', phoneNumbers: '07700 900789', account: 'Said she was 16.', consent: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('<a href="#dateOfBirth-day">Date of birth must be a real date, or a month and year, or a year</a>');
    expect(response.body).toContain('<a href="#sex">');
    expect(response.body).toContain('<a href="#consent">');
    // What was typed comes back, escaped.
    expect(response.body).toContain('value="Trần &lt;b&gt;Mai&lt;/b&gt;"');
    expect(response.body).toContain('Mai\r\nMay</textarea>');
    expect(response.body).toContain('07700 900789</textarea>');
    expect(response.body).toContain('id="dateOfBirth-day" name="dateOfBirth-day" type="text" value="31"');
    expect(response.body).toContain('id="dateOfBirth-year" name="dateOfBirth-year" type="text" value="2001"');
    expect(response.body).toContain('id="role" name="role" type="radio" value="potential-victim" checked');
    expect((await runtime.services.enforcementRecords.getVisit(await actorFor(runtime, demoAccount('officer', 'metropolitan')), fixture.visits.v1)).people).toHaveLength(3);
  });

  it('makes one record when the same form is posted twice', async () => {
    const form = await officer.get(`/visits/${fixture.visits.v1}/assets/new`);
    const fields = { submissionId: submissionIdIn(form.body), assetType: 'cash', amount: '500', currency: 'EUR', description: '' };
    const first = await officer.post(`/visits/${fixture.visits.v1}/assets/new`, fields);
    const second = await officer.post(`/visits/${fixture.visits.v1}/assets/new`, fields);
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    const visit = await runtime.services.enforcementRecords.getVisit(await actorFor(runtime, demoAccount('officer', 'metropolitan')), fixture.visits.v1);
    expect(visit.seizedAssets.filter((a) => a.currency === 'EUR')).toHaveLength(1);
    // A submission id that made a seizure cannot make a person: the form comes back with a fresh id.
    const reused = await officer.post(`/visits/${fixture.visits.v1}/people/new`, { submissionId: fields.submissionId, role: 'suspect', fullName: 'Ion', sex: 'male' });
    expect(reused.statusCode).toBe(400);
    expect(reused.body).toContain('This form is out of date: reload the page and try again');
    expect(submissionIdIn(reused.body)).not.toBe(fields.submissionId);
    // A new form is a new submission.
    expect(submissionIdIn((await officer.get(`/visits/${fixture.visits.v1}/assets/new`)).body)).not.toBe(fields.submissionId);
  });

  it('does not let an officer of another force see or post to a Metropolitan visit', async () => {
    const westMidlands = new WebClient(app);
    const account = demoAccount('officer', 'west-midlands');
    await westMidlands.signIn(account.email, account.password);
    expect((await westMidlands.get(`/visits/${fixture.visits.v1}/people/new`)).statusCode).toBe(404);
    const posted = await westMidlands.post(`/visits/${fixture.visits.v1}/assets/new`, { assetType: 'cash', amount: '500', currency: 'GBP', description: '' });
    expect(posted.statusCode).toBe(404);
    expect((await westMidlands.post(`/people/${fixture.people.popescu}/arrests/new`, { offence: 'soa-2003-s53-controlling-prostitution-for-gain' })).statusCode).toBe(404);
    const visit = await runtime.services.enforcementRecords.getVisit(await actorFor(runtime, demoAccount('officer', 'metropolitan')), fixture.visits.v1);
    expect(visit.seizedAssets).toHaveLength(1);
  });
});
