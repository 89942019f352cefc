import { existsSync, readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../src/demo/signInAccounts.ts';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { demoAccount, seedDemo } from '../support/fixtures.ts';
import { setToday, victimCareOrganisations, type VictimCareOrganisations } from '../support/victimCareFixture.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

const NAMED = {
  childStatus: 'adult', consent: 'given', exploitationTypes: ['forced-labour'], sex: 'male', nationality: 'AL', ageBand: '',
  identificationRoute: 'found-on-visit', methodsOfControl: ['debt-bondage'], fullName: 'Arben Hoxha', 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '1990',
  interpreterLanguage: 'Albanian', supportWanted: ['accommodation'], dependants: '0', dependantsNote: '', address: '', safeToWrite: 'not-known', phone: '', email: '',
  account: 'Worked at the car wash for no pay', jurisdiction: '', localAuthorityId: '', personFoundId: '',
};

function locationOf(response: LightMyRequestResponse, page: string): string {
  expect(response.statusCode).toBe(303);
  const location = String(response.headers.location);
  expect(location).toMatch(new RegExp(`^/${page}/[0-9a-f-]{36}$`));
  return location.slice(page.length + 2);
}

describe('victim care pages', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let organisations: VictimCareOrganisations;
  let fixture: EnforcementFixture;

  const signedIn = async (account: DemoAccount): Promise<WebClient> => {
    const client = new WebClient(app);
    await client.signIn(account.email, account.password);
    return client;
  };

  beforeEach(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    organisations = await victimCareOrganisations(runtime);
    app = await buildTestApp(runtime);
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('takes a person from a visit through a record, a referral, acceptance and a positive decision, showing 30 days left to both sides', async () => {
    setToday(runtime, '2026-04-02');
    const officer = await signedIn(demoAccount('officer', 'metropolitan'));
    const form = await officer.get(`/victims/new?personFoundId=${fixture.people.lan}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Nguyễn Thị Lan"');

    const refused = await officer.post('/victims/new', { ...NAMED, consent: '', fullName: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('href="#consent"');
    expect(refused.body).toContain('value="Albanian"');

    const id = locationOf(await officer.post('/victims/new', { ...NAMED, personFoundId: fixture.people.lan }), 'victims');
    const detail = await officer.get(`/victims/${id}`);
    expect(detail.body).toContain('Arben Hoxha');
    expect(detail.body).toContain('Not referred for a decision');
    expect(detail.body).toContain('Refer for a decision');

    expect((await officer.post(`/victims/${id}/referrals`, { kind: 'competent-authority', toOrganisationId: organisations.competentAuthority })).statusCode).toBe(303);
    expect((await officer.get(`/victims/${id}`)).body).toContain('Reasonable-grounds decision due 2026-04-13 (5 working days left)');

    const decisionMaker = await signedIn(demoAccount('decision-maker', 'competent-authority'));
    const list = await decisionMaker.get('/victims');
    expect(list.body).toContain('Referrals waiting for your answer (1)');
    expect(list.body).not.toContain('Arben Hoxha');
    const waiting = await decisionMaker.get(`/victims/${id}`);
    expect(waiting.body).not.toContain('Arben Hoxha');
    const referralId = /action="\/victim-referrals\/([0-9a-f-]{36})\/accept"/.exec(waiting.body)?.[1] ?? '';
    expect((await decisionMaker.post(`/victim-referrals/${referralId}/accept`)).statusCode).toBe(303);

    // Six days on, sessions have long expired: both sign in again.
    setToday(runtime, '2026-04-08');
    await decisionMaker.signIn(demoAccount('decision-maker', 'competent-authority').email, demoAccount('decision-maker', 'competent-authority').password);
    await officer.signIn(demoAccount('officer', 'metropolitan').email, demoAccount('officer', 'metropolitan').password);
    const accepted = await decisionMaker.get(`/victims/${id}`);
    expect(accepted.body).toContain('Arben Hoxha');
    expect((await decisionMaker.post(`/victims/${id}/reasonable-grounds`, { outcome: 'positive', 'decidedOn-day': '', 'decidedOn-month': '', 'decidedOn-year': '', reason: '' })).statusCode).toBe(303);
    for (const client of [decisionMaker, officer]) {
      const page = await client.get(`/victims/${id}`);
      expect(page.body).toContain('30 days left of the reflection period (last day 2026-05-07)');
      expect(page.body).toContain('Protected until 2026-05-07 — recovery and reflection period');
    }
    expect((await officer.get('/victims')).body).toContain('30 days left of the reflection period');

    const early = await decisionMaker.post(`/victims/${id}/conclusive-grounds`, { outcome: 'positive', 'decidedOn-day': '', 'decidedOn-month': '', 'decidedOn-year': '', reason: '' });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('href="#conclusive-grounds-decidedOn-day"');
    expect(early.body).toContain('The conclusive-grounds decision cannot be dated before 2026-05-08');
  });

  it('turns an adult’s refusal into an anonymous notification page that shows no name', async () => {
    const worker = await signedIn(demoAccount('first-responder', 'la-riverside'));
    await worker.get('/victims/new');
    const response = await worker.post('/victims/new', { ...NAMED, consent: 'refused', ageBand: '25-34' });
    const id = locationOf(response, 'anonymous-notifications');
    const page = await worker.get(`/anonymous-notifications/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('25 to 34');
    expect(page.body).toContain('Albania');
    expect(page.body).not.toContain('Hoxha');
    const other = await signedIn(demoAccount('officer', 'metropolitan'));
    expect((await other.get(`/anonymous-notifications/${id}`)).statusCode).toBe(404);
    // What was typed beyond the four facts reached no table, session or audit entry: not in the database file at all.
    const location = runtime.config.database;
    if (location.kind !== 'sqlite') throw new Error('expected SQLite');
    const bytes = [location.file, `${location.file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')).join('');
    expect(bytes).toContain('25-34');
    expect(['Hoxha', 'Worked at the car wash', 'Albanian'].filter((typed) => bytes.includes(typed))).toEqual([]);
  });

  it('refers a child who refuses consent by name at once, needing the local authority, which then sees the child', async () => {
    setToday(runtime, '2026-04-02');
    const officer = await signedIn(demoAccount('officer', 'metropolitan'));
    await officer.get('/victims/new');
    const child = { ...NAMED, childStatus: 'child', consent: 'refused', fullName: 'Besnik Hoxha', 'dateOfBirth-year': '2010' };
    const noAuthority = await officer.post('/victims/new', child);
    expect(noAuthority.statusCode).toBe(400);
    expect(noAuthority.body).toContain('href="#localAuthorityId"');
    expect(noAuthority.body).toContain('Select the local authority told about this child');
    const id = locationOf(await officer.post('/victims/new', { ...child, localAuthorityId: organisations.localAuthority }), 'victims');
    const page = await officer.get(`/victims/${id}`);
    expect(page.body).toContain('Besnik Hoxha');
    expect(page.body).toContain('Consent refused');
    expect(page.body).toContain('Riverside Borough Council Children&#39;s Services (demo)');
    // Referred to the competent authority without anyone asking: the clock runs from today.
    expect(page.body).toContain('Reasonable-grounds decision due 2026-04-13 (5 working days left)');
    expect(page.body).toContain('Single Competent Authority');
    // A charity still needs consent, whatever the age.
    expect(page.body).toContain('A referral to a support charity needs the person’s consent');
    const socialWorker = await signedIn(demoAccount('first-responder', 'la-riverside'));
    expect((await socialWorker.get('/victims')).body).toContain('Besnik Hoxha');
    expect((await socialWorker.get(`/victims/${id}`)).body).toContain('Besnik Hoxha');
  });

  it('needs a reason to decline, shown in an error summary, and hides the person from a charity that declined', async () => {
    const officer = await signedIn(demoAccount('officer', 'metropolitan'));
    await officer.get('/victims/new');
    const id = locationOf(await officer.post('/victims/new', NAMED), 'victims');
    await officer.get(`/victims/${id}`);
    await officer.post(`/victims/${id}/referrals`, { kind: 'support-charity', toOrganisationId: organisations.charity });
    const charity = await signedIn(demoAccount('charity-case-worker', 'charity-safe-harbour'));
    const page = await charity.get(`/victims/${id}`);
    const referralId = /action="\/victim-referrals\/([0-9a-f-]{36})\/decline"/.exec(page.body)?.[1] ?? '';
    const noReason = await charity.post(`/victim-referrals/${referralId}/decline`, { victimId: id, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('href="#decline-reason"');
    expect(noReason.body).toContain('id="decline-reason"');
    const declined = await charity.post(`/victim-referrals/${referralId}/decline`, { victimId: id, reason: 'No capacity' });
    expect(declined.headers.location).toBe('/victims');
    expect((await charity.get(`/victims/${id}`)).statusCode).toBe(404);
    expect((await officer.get(`/victims/${id}`)).body).toContain('No capacity');
  });

  it('withdraws a referral from the sender’s page with a reason, shown in an error summary when missing, and the charity loses the person', async () => {
    const officer = await signedIn(demoAccount('officer', 'metropolitan'));
    await officer.get('/victims/new');
    const id = locationOf(await officer.post('/victims/new', NAMED), 'victims');
    await officer.get(`/victims/${id}`);
    await officer.post(`/victims/${id}/referrals`, { kind: 'support-charity', toOrganisationId: organisations.charity });
    const charity = await signedIn(demoAccount('charity-case-worker', 'charity-safe-harbour'));
    const waiting = await charity.get(`/victims/${id}`);
    const referralId = /action="\/victim-referrals\/([0-9a-f-]{36})\/accept"/.exec(waiting.body)?.[1] ?? '';
    expect((await charity.post(`/victim-referrals/${referralId}/accept`)).statusCode).toBe(303);
    expect((await charity.get(`/victims/${id}`)).body).toContain('Arben Hoxha');
    // The receiver cannot withdraw what it was sent: the form is the sender's.
    expect((await charity.get(`/victims/${id}`)).body).not.toContain(`/victim-referrals/${referralId}/withdraw`);
    expect((await charity.post(`/victim-referrals/${referralId}/withdraw`, { victimId: id, reason: 'not ours' })).statusCode).toBe(403);

    const page = await officer.get(`/victims/${id}`);
    expect(page.body).toContain(`action="/victim-referrals/${referralId}/withdraw"`);
    const noReason = await officer.post(`/victim-referrals/${referralId}/withdraw`, { victimId: id, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('There is a problem');
    expect(noReason.body).toContain('href="#withdraw-reason"');
    expect(noReason.body).toContain('id="withdraw-reason"');
    const withdrawn = await officer.post(`/victim-referrals/${referralId}/withdraw`, { victimId: id, reason: 'The person moved out of the area' });
    expect(withdrawn.statusCode).toBe(303);
    expect(withdrawn.headers.location).toBe(`/victims/${id}`);
    const after = await officer.get(`/victims/${id}`);
    expect(after.body).toContain('Referral to the support charity withdrawn');
    expect(after.body).toContain('The person moved out of the area');
    expect(after.body).not.toContain(`/victim-referrals/${referralId}/withdraw`);
    expect((await charity.get(`/victims/${id}`)).statusCode).toBe(404);
    expect((await charity.get('/victims')).body).not.toContain('Arben Hoxha');
  });

  it('keeps victim care from analysts: no menu entry and a refusal', async () => {
    const analyst = await signedIn(demoAccount('analyst', 'national-centre'));
    const home = await analyst.get('/');
    expect(home.body).not.toContain('href="/victims"');
    expect((await analyst.get('/victims')).statusCode).toBe(403);
    const officer = await signedIn(demoAccount('officer', 'metropolitan'));
    expect((await officer.get('/')).body).toContain('href="/victims"');
  });
});
