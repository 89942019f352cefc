import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/store/ids.ts';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

const PREMISES_ID = '01900000-0000-7000-8000-000000000001';
const ARREST_ID = '01900000-0000-7000-8000-000000000031';
const CHARGE_ID = '01900000-0000-7000-8000-000000000041';
const ASSET_ID = '01900000-0000-7000-8000-000000000051';

interface Problem { status: number; title: string; detail?: string; errors?: Array<{ field: string; message: string }> }

describe('editing records and follow-ups through the API', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let fixture: EnforcementFixture;
  const tokens = new Map<string, string>();
  let officerId = '';

  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    app = await buildTestApp(runtime);
    for (const [name, role, organisation] of [['officer', 'officer', 'metropolitan'], ['wmOfficer', 'officer', 'west-midlands'], ['supervisor', 'supervisor', 'metropolitan'], ['analyst', 'analyst', undefined]] as const) {
      const actor = await actorFor(runtime, demoAccount(role, organisation));
      if (name === 'officer') officerId = actor.userId;
      tokens.set(name, (await runtime.services.apiTokens.create(actor, 'test', null)).secret);
    }
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  const api = (who: string) => new WebClient(app, tokens.get(who));

  it('edits premises with the version it read, and refuses the same version again with 409', async () => {
    const read = (await api('officer').get(`/api/v1/premises/${PREMISES_ID}`)).json<{ premises: { version: string } }>();
    expect(read.premises.version).toBe('2026-01-01T00:00:00.000Z');
    const body = { version: read.premises.version, premisesType: 'brothel', name: null, addressLines: ['1 High Street'], town: 'Leeds', postcode: 'LS1 4AP' };
    const saved = await api('officer').request('PUT', `/api/v1/premises/${PREMISES_ID}`, body);
    expect(saved.statusCode).toBe(200);
    const premises = saved.json<{ town: string; version: string }>();
    expect(premises.town).toBe('Leeds');
    expect(premises.version).not.toBe(read.premises.version);

    const stale = await api('supervisor').request('PUT', `/api/v1/premises/${PREMISES_ID}`, { ...body, town: 'Bradford' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json<Problem>()).toMatchObject({ status: 409, title: 'Conflict', detail: expect.stringContaining('changed by someone else') as string });
    expect((await runtime.store.repositories.premises.findById(PREMISES_ID))?.town).toBe('Leeds');

    const invalid = await api('officer').request('PUT', `/api/v1/premises/${PREMISES_ID}`, { ...body, version: premises.version, town: '', postcode: 'NOPE' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<Problem>().errors?.map((e) => e.field)).toEqual(['town', 'postcode']);
  });

  it('edits a visit, a person, an arrest, a charge and a seizure, once per submission id', async () => {
    const visit = await api('officer').request('PUT', `/api/v1/visits/${fixture.visits.v2}`, {
      version: '2026-01-01T00:00:00.000Z', operationId: fixture.operationId, visitedOn: '2007-02-10', visitedTime: '22:00', warrant: false, outcome: 'nothing-found',
    });
    expect(visit.statusCode).toBe(200);
    expect(visit.json()).toMatchObject({ warrant: false, outcome: 'nothing-found', visitedAt: '2007-02-10T22:00:00.000Z' });

    const person = await api('officer').request('PUT', `/api/v1/people/${fixture.people.child}`, {
      version: '2026-01-01T00:00:00.000Z', role: 'potential-victim', fullName: 'Trần Thị Mai', givenNames: 'Mai', familyName: 'Trần', estimatedAge: 16, sex: 'female',
      nationality: 'VN', languages: ['vi'], account: 'Found at the premises.', exploitationType: 'sexual-exploitation', consent: 'given',
    });
    expect(person.statusCode).toBe(200);
    expect(person.json()).toMatchObject({ fullName: 'Trần Thị Mai', possibleChild: true, estimatedAge: 16 });

    const submissionId = newId();
    const arrestBody = { version: '2026-01-01T00:00:00.000Z', submissionId, offence: 'soa-2003-s53-controlling-prostitution-for-gain', arrestedOn: '2007-01-10', arrestedTime: '23:15', place: 'Outside' };
    const arrest = await api('officer').request('PUT', `/api/v1/arrests/${ARREST_ID}`, arrestBody);
    const repeated = await api('officer').request('PUT', `/api/v1/arrests/${ARREST_ID}`, arrestBody);
    expect([arrest.statusCode, repeated.statusCode]).toEqual([200, 200]);
    expect(repeated.json<{ version: string }>().version).toBe(arrest.json<{ version: string }>().version);
    expect((await runtime.store.repositories.auditEvents.list({ subjectId: ARREST_ID, action: 'arrest.edit', limit: 10 }))).toHaveLength(1);

    const charge = await api('supervisor').request('PUT', `/api/v1/charges/${CHARGE_ID}`, {
      version: '2026-01-01T00:00:00.000Z', offence: 'soa-2003-s53-controlling-prostitution-for-gain', chargedOn: '2007-01-11', courtOutcome: 'acquitted', sentenceMonths: null,
    });
    expect(charge.json()).toMatchObject({ courtOutcome: 'acquitted', sentenceMonths: null });

    const asset = await api('officer').request('PUT', `/api/v1/seized-assets/${ASSET_ID}`, { version: '2026-01-01T00:00:00.000Z', assetType: 'cash', amountMinor: 123_45, currency: 'EUR' });
    expect(asset.json()).toMatchObject({ amountMinor: 123_45, currency: 'EUR' });
  });

  it('answers another force’s record as missing, and refuses roles that do not record', async () => {
    const body = { version: '2026-01-01T00:00:00.000Z', premisesType: 'brothel', addressLines: ['1 High Street'], town: 'Leeds', postcode: 'LS1 4AP' };
    expect((await api('wmOfficer').request('PUT', `/api/v1/premises/${PREMISES_ID}`, body)).statusCode).toBe(404);
    expect((await api('analyst').request('PUT', `/api/v1/premises/${PREMISES_ID}`, body)).statusCode).toBe(403);
  });

  it('takes a follow-up from assignment to done, for the force only', async () => {
    const assigned = await api('supervisor').request('POST', '/api/v1/follow-ups', {
      subjectType: 'arrest', subjectId: ARREST_ID, assigneeId: officerId, dueOn: '2026-03-10', note: 'Send the file to the CPS',
    });
    expect(assigned.statusCode).toBe(201);
    const followUp = assigned.json<{ id: string; status: string; assigneeName: string }>();
    expect(followUp).toMatchObject({ status: 'open', assigneeName: 'Priya Shah (demo officer)', subjectType: 'arrest', overdue: false });
    expect((await api('officer').get('/api/v1/follow-ups/mine')).json<{ open: Array<{ id: string }> }>().open.map((f) => f.id)).toContain(followUp.id);
    expect((await api('supervisor').get('/api/v1/follow-ups')).json<{ open: Array<{ id: string }> }>().open.map((f) => f.id)).toContain(followUp.id);
    expect((await api('wmOfficer').get(`/api/v1/follow-ups/${followUp.id}`)).statusCode).toBe(404);
    expect((await api('wmOfficer').request('POST', `/api/v1/follow-ups/${followUp.id}/complete`, { outcome: 'x' })).statusCode).toBe(404);
    expect((await api('officer').request('POST', '/api/v1/follow-ups', { subjectType: 'arrest', subjectId: ARREST_ID, assigneeId: officerId, dueOn: '2026-03-10', note: 'x' })).statusCode).toBe(403);

    const refused = await api('supervisor').request('POST', '/api/v1/follow-ups', { subjectType: 'visit', subjectId: fixture.visits.v1, assigneeId: officerId, dueOn: '2020-01-01', note: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Problem>().errors?.map((e) => e.field)).toEqual(['dueOn', 'note']);

    const done = await api('officer').request('POST', `/api/v1/follow-ups/${followUp.id}/complete`, { outcome: 'File sent on 5 March' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', outcome: 'File sent on 5 March', completedBy: officerId });
    expect((await api('officer').get('/api/v1/follow-ups/mine')).json<{ done: Array<{ id: string }> }>().done.map((f) => f.id)).toContain(followUp.id);
  });
});
