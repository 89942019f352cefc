// The triage queue on the staff pages and through the API, on both databases.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { fileReport } from '../support/publicReports.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

describeEachDatabase('the triage queue of public reports', (dialect) => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let fixture: EnforcementFixture;
  let supervisor: WebClient;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    app = await buildTestApp(runtime);
    supervisor = new WebClient(app);
    const account = demoAccount('supervisor', 'metropolitan');
    await supervisor.signIn(account.email, account.password);
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('lists the force’s new reports, opens one, records an outcome with a reason and links a premises', async () => {
    const report = await fileReport(runtime, { description: 'Men <script>alert(1)</script> sleep in the garage' });
    const elsewhere = await fileReport(runtime, { postcode: 'B1 1AA', town: '', address: '' });
    const home = await supervisor.get('/');
    expect(home.body).toContain('href="/triage"');
    const queue = await supervisor.get('/triage');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(report.reference);
    expect(queue.body).not.toContain(elsewhere.reference);
    expect((await supervisor.get(`/triage/${elsewhere.id}`)).statusCode).toBe(404);

    const page = await supervisor.get(`/triage/${report.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Men &#60;script&#62;alert(1)&#60;/script&#62; sleep in the garage');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('Many people living at one address');

    const refused = await supervisor.post(`/triage/${report.id}/outcome`, { outcome: 'visit-planned', reason: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter the reason for this outcome');
    const recorded = await supervisor.post(`/triage/${report.id}/outcome`, { outcome: 'visit-planned', reason: 'Officers will visit on Friday' });
    expect(recorded.statusCode).toBe(303);
    const linked = await supervisor.post(`/triage/${report.id}/links`, { recordType: 'premises', recordId: '01900000-0000-7000-8000-000000000001' });
    expect(linked.statusCode).toBe(303);
    const after = await supervisor.get(`/triage/${report.id}`);
    expect(after.body).toContain('Officers will visit on Friday');
    expect(after.body).toContain('href="/premises/01900000-0000-7000-8000-000000000001"');
    expect((await supervisor.get('/triage')).body).not.toContain(report.reference);
    expect((await supervisor.get('/triage?show=all')).body).toContain(report.reference);
    const badLink = await supervisor.post(`/triage/${report.id}/links`, { recordType: 'visit', recordId: fixture.visits.v4 });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.body).toContain('Enter the ID of a visit record you can see');
  });

  it('gives the national centre every report, the unplaced ones apart, as JSON', async () => {
    const placed = await fileReport(runtime);
    const unplaced = await fileReport(runtime, { postcode: '', town: '', address: '', placeDescription: 'Behind the station' });
    const { secret } = await runtime.services.apiTokens.create(await actorFor(runtime, demoAccount('analyst')), 'triage', null);
    const api = new WebClient(app, secret);
    const all = await api.request('GET', '/api/v1/public-reports');
    expect(all.statusCode).toBe(200);
    expect((all.json<{ total: number }>()).total).toBe(2);
    const national = await api.request('GET', '/api/v1/public-reports?unplaced=true');
    expect(national.json<{ items: Array<{ id: string; routedOrganisationId: string | null }> }>().items).toEqual([expect.objectContaining({ id: unplaced.id, routedOrganisationId: null })]);

    const detail = await api.request('GET', `/api/v1/public-reports/${placed.id}`);
    expect(detail.json<{ answers: Record<string, unknown> }>().answers['description']).toBe('Eight men leave the house at 5am');
    const invalid = await api.request('POST', `/api/v1/public-reports/${unplaced.id}/outcomes`, { outcome: 're-routed', reason: 'It is in Leeds' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    const rerouted = await api.request('POST', `/api/v1/public-reports/${unplaced.id}/outcomes`, { outcome: 're-routed', reason: 'Behind Leeds station', toForceId: fixture.met });
    expect(rerouted.statusCode).toBe(204);
    // Now it is the Met's to triage.
    expect((await supervisor.get('/triage')).body).toContain(unplaced.reference);
    const missing = await api.request('GET', '/api/v1/public-reports/01900000-0000-7000-8000-00000000ffff');
    expect(missing.statusCode).toBe(404);
  });
});
