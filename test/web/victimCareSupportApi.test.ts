import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/store/ids.ts';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { NAMED_ADULT, setToday, victimCareOrganisations } from '../support/victimCareFixture.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

describe('a charity’s care through the API', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let victimId: string;
  let referralId: string;
  const tokens = new Map<string, string>();

  beforeEach(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    app = await buildTestApp(runtime);
    const organisations = await victimCareOrganisations(runtime);
    setToday(runtime, '2026-03-02');
    const officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const charity = await actorFor(runtime, demoAccount('charity-case-worker', 'charity-safe-harbour'));
    victimId = (await runtime.services.potentialVictims.create(officer, NAMED_ADULT)).id;
    referralId = (await runtime.services.victimReferrals.refer(officer, victimId, { kind: 'support-charity', toOrganisationId: organisations.charity })).id;
    await runtime.services.victimReferrals.accept(charity, referralId);
    tokens.set('charity', (await runtime.services.apiTokens.create(charity, 'test', null)).secret);
    tokens.set('officer', (await runtime.services.apiTokens.create(officer, 'test', null)).secret);
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  const api = (who: string) => new WebClient(app, tokens.get(who));

  it('records support once per submission id, closes the case, and answers problems as problem+json', async () => {
    const submissionId = newId();
    const body = { kind: 'counselling', givenOn: '2026-03-02', note: 'First session', submissionId };
    const first = await api('charity').request('POST', `/api/v1/potential-victims/${victimId}/support`, body);
    expect(first.statusCode).toBe(201);
    const again = await api('charity').request('POST', `/api/v1/potential-victims/${victimId}/support`, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ timelineEventId: first.json<{ timelineEventId: string }>().timelineEventId, created: false });

    const bad = await api('charity').request('POST', `/api/v1/potential-victims/${victimId}/support`, { kind: 'spa-day' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await api('officer').request('POST', `/api/v1/potential-victims/${victimId}/support`, { kind: 'medical' })).statusCode).toBe(403);

    expect((await api('charity').request('POST', `/api/v1/potential-victims/${victimId}/closure`, { reason: 'support-complete', moveOnPlan: 'Living with her sister in Hull' })).statusCode).toBe(204);
    const record = (await api('charity').get(`/api/v1/potential-victims/${victimId}`)).json<{ referrals: Array<{ id: string; closedOn: string | null }> }>();
    expect(record.referrals.find((r) => r.id === referralId)?.closedOn).toBe('2026-03-02');
  });

  it('withdraws consent and reports the referral it ended', async () => {
    const response = await api('officer').request('POST', `/api/v1/potential-victims/${victimId}/consent`, { change: 'withdrawn', reason: 'Phoned to say so' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ endedReferralIds: [referralId] });
    expect((await api('charity').get(`/api/v1/potential-victims/${victimId}`)).statusCode).toBe(404);
  });
});
