import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../src/demo/signInAccounts.ts';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { NAMED_ADULT, setToday, victimCareOrganisations, type VictimCareOrganisations } from '../support/victimCareFixture.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

const submissionOf = (body: string) => /name="submissionId" value="([0-9a-f-]{36})"/.exec(body)?.[1] ?? '';

describe('a charity’s care pages: support, consent, closure', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let organisations: VictimCareOrganisations;
  let victimId: string;

  const signedIn = async (account: DemoAccount): Promise<WebClient> => {
    const client = new WebClient(app);
    await client.signIn(account.email, account.password);
    return client;
  };

  beforeEach(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    organisations = await victimCareOrganisations(runtime);
    app = await buildTestApp(runtime);
    setToday(runtime, '2026-03-02');
    const officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const charity = await actorFor(runtime, demoAccount('charity-case-worker', 'charity-safe-harbour'));
    victimId = (await runtime.services.potentialVictims.create(officer, NAMED_ADULT)).id;
    const referral = await runtime.services.victimReferrals.refer(officer, victimId, { kind: 'support-charity', toOrganisationId: organisations.charity });
    await runtime.services.victimReferrals.accept(charity, referral.id);
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('records support once on a double submit, keeps what was typed on an error, and shows it on the timeline', async () => {
    const charity = await signedIn(demoAccount('charity-case-worker', 'charity-safe-harbour'));
    const detail = await charity.get(`/victims/${victimId}`);
    expect(detail.body).toContain(`href="/victims/${victimId}/support/new"`);
    const form = await charity.get(`/victims/${victimId}/support/new`);
    expect(form.statusCode).toBe(200);
    const submissionId = submissionOf(form.body);
    expect(submissionId).not.toBe('');

    const refused = await charity.post(`/victims/${victimId}/support`, { submissionId, kind: '', 'givenOn-day': '31', 'givenOn-month': '2', 'givenOn-year': '2026', note: 'Bed at the Elm Street refuge' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('href="#kind"');
    expect(refused.body).toContain('href="#givenOn-day"');
    expect(refused.body).toContain('Bed at the Elm Street refuge');

    const fields = { submissionId, kind: 'accommodation', 'givenOn-day': '', 'givenOn-month': '', 'givenOn-year': '', note: 'Bed at the Elm Street refuge' };
    expect((await charity.post(`/victims/${victimId}/support`, fields)).statusCode).toBe(303);
    expect((await charity.post(`/victims/${victimId}/support`, fields)).statusCode).toBe(303);
    const after = await charity.get(`/victims/${victimId}`);
    expect(after.body.match(/Support given: Safe accommodation/g)).toHaveLength(1);
    expect(after.body).toContain('Bed at the Elm Street refuge');
    const officer = await signedIn(demoAccount('officer', 'metropolitan'));
    const police = await officer.get(`/victims/${victimId}`);
    expect(police.body).toContain('Support given: Safe accommodation');
    expect(police.body).not.toContain('Elm Street');
    expect(police.body).not.toContain('/support/new');
    expect((await officer.get(`/victims/${victimId}/support/new`)).statusCode).toBe(403);
  });

  it('withdraws consent on a page with "Exit this page", ending the charity referral', async () => {
    const charity = await signedIn(demoAccount('charity-case-worker', 'charity-safe-harbour'));
    const page = await charity.get(`/victims/${victimId}/consent`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('govuk-exit-this-page');
    const missing = await charity.post(`/victims/${victimId}/consent`, { change: 'withdrawn', reason: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#reason"');
    expect(missing.body).toContain('value="withdrawn" checked');
    const done = await charity.post(`/victims/${victimId}/consent`, { change: 'withdrawn', reason: 'Said so at the drop-in' });
    expect(done.headers.location).toBe('/victims');
    expect((await charity.get(`/victims/${victimId}`)).statusCode).toBe(404);
    const officer = await signedIn(demoAccount('officer', 'metropolitan'));
    const record = await officer.get(`/victims/${victimId}`);
    expect(record.body).toContain('Consent changed: Consent withdrawn');
    expect(record.body).toContain('A referral to a support charity needs the person’s consent');
  });

  it('closes the case with a move-on plan, and then offers no more support', async () => {
    const charity = await signedIn(demoAccount('charity-case-worker', 'charity-safe-harbour'));
    const empty = await charity.post(`/victims/${victimId}/close`, { reason: 'moved-on', moveOnPlan: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#moveOnPlan"');
    setToday(runtime, '2026-04-20');
    await charity.signIn(demoAccount('charity-case-worker', 'charity-safe-harbour').email, demoAccount('charity-case-worker', 'charity-safe-harbour').password);
    expect((await charity.post(`/victims/${victimId}/close`, { reason: 'moved-on', moveOnPlan: 'Flat in Leeds; local charity takes over' })).statusCode).toBe(303);
    const detail = await charity.get(`/victims/${victimId}`);
    expect(detail.body).toContain('Case closed 2026-04-20');
    expect(detail.body).toContain('Case closed: Moved on with a plan in place');
    expect(detail.body).toContain('Flat in Leeds; local charity takes over');
    expect(detail.body).not.toContain('/support/new');
    expect((await charity.post(`/victims/${victimId}/close`, { reason: 'moved-on', moveOnPlan: 'again' })).statusCode).toBe(409);
  });
});
