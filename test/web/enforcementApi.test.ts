import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

interface Listing { total: number; items: Array<Record<string, unknown>> }

describe('enforcement records through the API and as CSV downloads', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let fixture: EnforcementFixture;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    app = await buildTestApp(runtime);
    for (const [name, role, organisation] of [['metOfficer', 'officer', 'metropolitan'], ['wmOfficer', 'officer', 'west-midlands'], ['supervisor', 'supervisor', undefined], ['analyst', 'analyst', undefined], ['charity', 'charity-case-worker', undefined]] as const) {
      tokens.set(name, (await runtime.services.apiTokens.create(await actorFor(runtime, demoAccount(role, organisation)), 'test', null)).secret);
    }
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  const api = (who: string) => new WebClient(app, tokens.get(who));
  const postCsv = (who: string, url: string, csv: string) => app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${tokens.get(who) ?? ''}`, 'content-type': 'text/csv' }, payload: csv });

  it('lists only the records of the forces the caller may read, with total and paging', async () => {
    const mine = (await api('metOfficer').get('/api/v1/visits')).json<Listing>();
    expect(mine.total).toBe(3);
    expect(mine.items.every((v) => v['forceId'] === fixture.met)).toBe(true);
    expect(mine.items[0]).toMatchObject({ id: fixture.visits.v3, warrant: true, premisesType: 'nail-bar', outcome: 'victims-found' });
    expect((await api('analyst').get('/api/v1/visits?limit=2&offset=2')).json<Listing>()).toMatchObject({ total: 4, items: [{}, {}] });
    expect((await api('metOfficer').get(`/api/v1/visits?forceId=${fixture.westMidlands}`)).json<Listing>().total).toBe(0);
    expect((await api('analyst').get('/api/v1/people?name=lan%20nguyen')).json<Listing>().items.map((p) => p['id'])).toEqual([fixture.people.lan]);
    expect((await api('wmOfficer').get('/api/v1/arrests')).json<Listing>().total).toBe(1);
    expect((await api('metOfficer').get('/api/v1/premises')).json<Listing>().total).toBe(2);
    expect((await api('analyst').get('/api/v1/operations')).json<Array<{ code: string }>>().map((o) => o.code)).toEqual(['fixture-operation']);
  });

  it('answers another force’s record with the same 404 problem as a missing one', async () => {
    const hidden = await api('metOfficer').get(`/api/v1/visits/${fixture.visits.v4}`);
    const missing = await api('metOfficer').get('/api/v1/visits/01900000-0000-7000-8000-999999999999');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['content-type']).toContain('application/problem+json');
    expect({ ...hidden.json<object>(), instance: '' }).toEqual({ ...missing.json<object>(), instance: '' });
    for (const url of [`/api/v1/people/${fixture.people.wmVictim}`, `/api/v1/premises/${fixture.visits.v4}`, `/api/v1/arrests/01900000-0000-7000-8000-000000000033`]) {
      expect((await api('metOfficer').get(url)).statusCode).toBe(404);
    }
    expect((await api('wmOfficer').get(`/api/v1/visits/${fixture.visits.v4}`)).json<{ people: unknown[] }>().people).toHaveLength(1);
  });

  it('keeps a person’s full record to its own audited read; lists carry a summary', async () => {
    const listed = (await api('metOfficer').get('/api/v1/people')).json<Listing>().items;
    expect(listed).toHaveLength(3);
    expect(listed[0]).not.toHaveProperty('account');
    const person = await api('metOfficer').get(`/api/v1/people/${fixture.people.lan}`);
    expect(person.statusCode).toBe(200);
    expect(person.json()).toMatchObject({ person: { fullName: 'Nguyễn Thị Lan', aliases: ['Lan Nguyen'], account: 'Found at the premises.', languages: ['vi'] }, visit: { id: fixture.visits.v1 }, arrests: [] });
    const reads = await runtime.services.audit.list(await actorFor(runtime, demoAccount('supervisor')), { action: 'person-found.read', subjectId: fixture.people.lan });
    expect(reads).toHaveLength(1);
  });

  it('refuses a charity worker with 403, and gives results to supervisors and analysts by their scope', async () => {
    for (const url of ['/api/v1/visits', '/api/v1/people', '/api/v1/results', '/api/v1/operations']) {
      const refused = await api('charity').get(url);
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect((await api('metOfficer').get('/api/v1/results')).statusCode).toBe(403);
    const own = (await api('supervisor').get('/api/v1/results')).json<{ forces: Array<{ organisationCode: string }>; total: { visits: number }; definitions: Record<string, string> }>();
    expect(own.forces.map((f) => f.organisationCode)).toEqual(['metropolitan']);
    expect(own.total.visits).toBe(3);
    expect(own.definitions['visits']).toContain('Premises visits');
    expect((await api('analyst').get('/api/v1/results')).json<{ total: { visits: number; arrests: number } }>().total).toMatchObject({ visits: 4, arrests: 3 });
  });

  it('imports a CSV body for the caller’s own force and reports rejected rows by line', async () => {
    const csv = 'reference,type,name,address,town,postcode\nAPI-1,sauna,,1 Road,Leeds,LS1 1AA\nAPI-2,palace,,2 Road,Leeds,LS1 1AB\n';
    const held = await postCsv('wmOfficer', '/api/v1/imports/premises?allOrNothing=true', csv);
    expect(held.json()).toEqual({ kind: 'premises', forceCode: 'west-midlands', imported: 0, rejected: [{ line: 3, reason: expect.stringContaining('type "palace" is not a premises type') as string }] });
    const loaded = await postCsv('wmOfficer', '/api/v1/imports/premises', csv);
    expect(loaded.statusCode).toBe(200);
    expect(loaded.json()).toMatchObject({ forceCode: 'west-midlands', imported: 1, rejected: [{ line: 3 }] });
    const premises = (await api('wmOfficer').get('/api/v1/premises')).json<Listing>();
    expect(premises.items.map((p) => p['town'])).toContain('Leeds');
    expect(premises.items.every((p) => p['forceId'] === fixture.westMidlands)).toBe(true);
    expect((await postCsv('analyst', '/api/v1/imports/premises', csv)).statusCode).toBe(403);
    expect((await postCsv('wmOfficer', '/api/v1/imports/vehicles', csv)).statusCode).toBe(400);
    const json = await api('wmOfficer').request('POST', '/api/v1/imports/premises', { csv });
    expect(json.statusCode).toBe(400);
    expect(json.headers['content-type']).toContain('application/problem+json');
  });

  it('documents the import in OpenAPI as a text/csv request body', async () => {
    const document = (await new WebClient(app).get('/api/v1/openapi.json')).json<{ paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> }>();
    expect(Object.keys(document.paths['/api/v1/imports/{kind}']?.['post']?.requestBody?.content ?? {})).toEqual(['text/csv']);
    for (const path of ['/api/v1/visits', '/api/v1/people/{id}', '/api/v1/results', '/api/v1/operations']) expect(document.paths).toHaveProperty([path]);
  });

  it('downloads a list as CSV, as an attachment named with the date, holding only the officer’s force', async () => {
    const officer = new WebClient(app);
    const account = demoAccount('officer', 'metropolitan');
    await officer.signIn(account.email, account.password);
    const response = await officer.get('/people.csv?role=potential-victim');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="lifeline-people-2026-03-02.csv"');
    expect(response.headers['cache-control']).toBe('no-store');
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Person id,Name,Role,Sex,Date of birth,Estimated age,Nationality,Possible child,Visited at,Force,Operation');
    expect(lines).toHaveLength(3);
    expect(response.body).not.toContain('Ana Ionescu');
    expect((await officer.get('/visits.csv?from=12/10/2007')).statusCode).toBe(400);
    const charity = new WebClient(app);
    const worker = demoAccount('charity-case-worker');
    await charity.signIn(worker.email, worker.password);
    expect((await charity.get('/people.csv')).statusCode).toBe(403);
  });
});
