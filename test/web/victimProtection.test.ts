import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { NAMED_ADULT, setToday, victimCareOrganisations } from '../support/victimCareFixture.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

const TODAY = { day: '', month: '', year: '' };

describe('protection on enforcement pages and in the API', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let fixture: EnforcementFixture;

  beforeEach(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    app = await buildTestApp(runtime);
    const organisations = await victimCareOrganisations(runtime);
    const officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const decisionMaker = await actorFor(runtime, demoAccount('decision-maker', 'competent-authority'));
    setToday(runtime, '2026-04-02');
    const { id } = await runtime.services.potentialVictims.create(officer, { ...NAMED_ADULT, personFoundId: fixture.people.lan });
    const referral = await runtime.services.victimReferrals.refer(officer, id, { kind: 'competent-authority', toOrganisationId: organisations.competentAuthority });
    await runtime.services.victimReferrals.accept(decisionMaker, referral.id);
    setToday(runtime, '2026-04-08');
    await runtime.services.victimDecisions.recordReasonableGrounds(decisionMaker, id, { outcome: 'positive', decidedOn: TODAY, reason: '' });
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('shows "Protected until" on the person, their visit and the people list, and the API returns the same flag, with nothing of their care', async () => {
    const account = demoAccount('officer', 'metropolitan');
    const officer = new WebClient(app);
    await officer.signIn(account.email, account.password);
    const person = await officer.get(`/people/${fixture.people.lan}`);
    expect(person.statusCode).toBe(200);
    expect(person.body).toContain('Protected until 2026-05-07 — recovery and reflection period');
    expect(person.body).toContain('<strong>30 days left</strong> of the period, counting today.');
    // The victim record's name, contact details and account stay on the victim record.
    for (const secret of [NAMED_ADULT.fullName, NAMED_ADULT.phone, 'hotel work']) expect(person.body).not.toContain(secret);
    expect((await officer.get(`/people/${fixture.people.popescu}`)).body).not.toContain('Protected until');

    const visitId = (await runtime.store.repositories.peopleFound.findById(fixture.people.lan))?.visit_id ?? '';
    expect((await officer.get(`/visits/${visitId}`)).body).toContain('Protected until 2026-05-07</strong>');
    expect((await officer.get('/people')).body.match(/Protected until 2026-05-07/g)).toHaveLength(1);

    const token = (await runtime.services.apiTokens.create(await actorFor(runtime, account), 'test', null)).secret;
    const api = new WebClient(app, token);
    const detail = await api.get(`/api/v1/people/${fixture.people.lan}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json<{ protection: unknown }>().protection).toEqual({ status: 'protected', protectedUntil: '2026-05-07', daysLeft: 30, awaitingConclusiveDecision: false });
    expect((await api.get(`/api/v1/people/${fixture.people.popescu}`)).json<{ protection: unknown }>().protection).toEqual({ status: 'none', protectedUntil: null, daysLeft: null, awaitingConclusiveDecision: false });
  });
});
