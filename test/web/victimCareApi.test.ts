import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { setToday, victimCareOrganisations, type VictimCareOrganisations } from '../support/victimCareFixture.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

const NAMED = {
  childStatus: 'adult', consent: 'given', exploitationTypes: ['domestic-servitude'], sex: 'female', nationality: 'PH', identificationRoute: 'came-forward',
  fullName: 'Maria Santos', dateOfBirth: '1987-11-02', supportWanted: ['legal-advice'], address: '3 Elm Row', safeToWrite: 'yes',
};

describe('victim care through the API', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let organisations: VictimCareOrganisations;
  const tokens = new Map<string, string>();

  beforeEach(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    organisations = await victimCareOrganisations(runtime);
    app = await buildTestApp(runtime);
    for (const [name, role, organisation] of [
      ['officer', 'officer', 'metropolitan'], ['otherOfficer', 'officer', 'west-midlands'], ['decisionMaker', 'decision-maker', undefined], ['analyst', 'analyst', undefined],
    ] as const) {
      tokens.set(name, (await runtime.services.apiTokens.create(await actorFor(runtime, demoAccount(role, organisation)), 'test', null)).secret);
    }
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  const api = (who: string) => new WebClient(app, tokens.get(who));

  it('records, refers and decides with the same rules as the pages, and returns the protection flag', async () => {
    setToday(runtime, '2026-04-02');
    const created = await api('officer').request('POST', '/api/v1/potential-victims', NAMED);
    expect(created.statusCode).toBe(201);
    const { id, kind } = created.json<{ id: string; kind: string }>();
    expect(kind).toBe('potential-victim');
    const referral = await api('officer').request('POST', `/api/v1/potential-victims/${id}/referrals`, { kind: 'competent-authority', toOrganisationId: organisations.competentAuthority });
    expect(referral.statusCode).toBe(201);
    const referralId = referral.json<{ id: string }>().id;

    const waiting = await api('decisionMaker').get(`/api/v1/potential-victims/${id}`);
    expect(waiting.json()).toMatchObject({ access: 'referral-summary', identity: null, reasonableGroundsDueOn: '2026-04-13' });
    expect((await api('decisionMaker').get('/api/v1/victim-referrals/incoming')).json()).toMatchObject([{ id: referralId, potentialVictimId: id }]);
    const early = await api('decisionMaker').request('POST', `/api/v1/potential-victims/${id}/reasonable-grounds`, { outcome: 'positive' });
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect((await api('decisionMaker').request('POST', `/api/v1/victim-referrals/${referralId}/accept`)).json()).toMatchObject({ status: 'accepted' });

    const decided = await api('decisionMaker').request('POST', `/api/v1/potential-victims/${id}/reasonable-grounds`, { outcome: 'positive', decidedOn: '2026-04-02' });
    expect(decided.json()).toMatchObject({ stage: 'recovery-period', path: { period: { lastDay: '2026-05-01' } } });
    const record = (await api('officer').get(`/api/v1/potential-victims/${id}`)).json<unknown>();
    expect(record).toMatchObject({ protectedFromRemoval: true, reflectionDaysLeft: 30, periodLastDay: '2026-05-01', identity: { fullName: 'Maria Santos', dateOfBirth: '1987-11-02' } });

    const tooSoon = await api('decisionMaker').request('POST', `/api/v1/potential-victims/${id}/conclusive-grounds`, { outcome: 'negative', reason: 'x' });
    expect(tooSoon.statusCode).toBe(400);
    expect(tooSoon.json()).toMatchObject({ status: 400, errors: [{ field: 'decidedOn' }] });
    expect((await api('decisionMaker').request('POST', `/api/v1/potential-victims/${id}/extensions`, { days: 5, reason: 'Hospital stay' })).json()).toMatchObject({ path: { period: { lastDay: '2026-05-06' } } });

    const deadlines = (await api('officer').get('/api/v1/victim-deadlines?today=2026-05-01')).json<unknown>();
    expect(deadlines).toMatchObject({ today: '2026-05-01', periodsEndingSoon: [{ potentialVictimId: id, daysLeft: 6, dueOn: '2026-05-06' }] });
  });

  it('refuses analysts and hides the record from other organisations', async () => {
    const { id } = (await api('officer').request('POST', '/api/v1/potential-victims', NAMED)).json<{ id: string }>();
    expect((await api('analyst').get(`/api/v1/potential-victims/${id}`)).statusCode).toBe(403);
    expect((await api('analyst').get('/api/v1/victim-deadlines')).statusCode).toBe(403);
    expect((await api('otherOfficer').get(`/api/v1/potential-victims/${id}`)).statusCode).toBe(404);
    expect((await api('otherOfficer').get('/api/v1/potential-victims')).json()).toEqual([]);
    const bad = await api('officer').request('POST', '/api/v1/potential-victims', { ...NAMED, childStatus: 'child' });
    expect(bad.json()).toMatchObject({ status: 400, errors: [{ field: 'localAuthorityId' }] });
  });

  it('makes an anonymous notification that keeps only the four facts', async () => {
    const created = await api('officer').request('POST', '/api/v1/potential-victims', { ...NAMED, consent: 'refused', ageBand: '35-44' });
    const { id, kind } = created.json<{ id: string; kind: string }>();
    expect(kind).toBe('anonymous-notification');
    expect((await api('officer').get(`/api/v1/anonymous-notifications/${id}`)).json()).toEqual({
      id, organisationId: organisations.met, notifiedOn: '2026-03-02', sex: 'female', nationality: 'PH', ageBand: '35-44', exploitationTypes: ['domestic-servitude'],
    });
  });
});
