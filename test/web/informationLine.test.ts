// The information line's pages: the call form without JavaScript (guidance shown by a button,
// what was typed kept, errors in the GOV.UK summary), a double post making one call, the list's
// filters, the detail page, and a force alert landing in the force's triage queue.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, organisationId, seedDemo } from '../support/fixtures.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

function submissionIdIn(html: string): string {
  const match = /name="submissionId" value="([^"]+)"/.exec(html);
  if (match?.[1] === undefined) throw new Error('The form has no submission id');
  return match[1];
}

const BASE = {
  callerType: 'social-worker', callerOrganisation: 'Riverside Children’s Services', callerContact: 'Jo Reyes 07700 900222',
  situation: 'A boy of about 15 works nights at a car wash and sleeps there.', advice: 'Contact the police and children’s services now.',
};

describe('the information line on the staff pages', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let adviser: WebClient;

  const signedIn = async (role: Parameters<typeof demoAccount>[0], organisation: string) => {
    const client = new WebClient(app);
    const account = demoAccount(role, organisation);
    await client.signIn(account.email, account.password);
    return client;
  };

  beforeEach(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    app = await buildTestApp(runtime);
    adviser = await signedIn('information-line-adviser', 'national-centre');
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('shows the guidance for the indicators ticked without saving, keeping what was typed', async () => {
    const home = await adviser.get('/');
    expect(home.body).toContain('href="/information-line"');
    const form = await adviser.get('/information-line/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Child-specific');
    const shown = await adviser.post('/information-line/new', {
      ...BASE, submissionId: submissionIdIn(form.body), intent: 'guidance', indicators: ['child-work-unsuited-to-children', 'work-excessive-hours'],
    });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Possible child: escalate now.');
    expect(shown.body).toContain('Child indicators: treat as a possible child');
    expect(shown.body).toContain('Work: record the work, the hours');
    expect(shown.body).toContain('A boy of about 15 works nights');
    expect(shown.body).toMatch(/value="child-work-unsuited-to-children" checked/);
    expect(await runtime.database.db.selectFrom('information_line_calls').selectAll().execute()).toHaveLength(0);
  });

  it('refuses advice only for a possible child with the error summary, then saves a referral once for a double post', async () => {
    const form = await adviser.get('/information-line/new');
    const submissionId = submissionIdIn(form.body);
    const refused = await adviser.post('/information-line/new', { ...BASE, submissionId, indicators: 'child-work-unsuited-to-children', outcome: 'advice-only' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('href="#outcome"');
    expect(refused.body).toContain('cannot end as advice only');
    expect(refused.body).toContain('Riverside Children’s Services');
    expect(submissionIdIn(refused.body)).toBe(submissionId);

    const fields = {
      ...BASE, submissionId, indicators: 'child-work-unsuited-to-children', outcome: 'referral', consent: 'not-possible', fullName: 'Minh', sex: 'male',
      localAuthorityId: await organisationId(runtime, 'la-riverside'), durationMinutes: '22',
    };
    const saved = await adviser.post('/information-line/new', fields);
    expect(saved.statusCode).toBe(303);
    const location = String(saved.headers.location);
    expect(location).toMatch(/^\/information-line\/[0-9a-f-]{36}$/);
    expect((await adviser.post('/information-line/new', fields)).headers.location).toBe(location);
    expect(await runtime.database.db.selectFrom('information_line_calls').selectAll().execute()).toHaveLength(1);

    const detail = await adviser.get(location);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Riverside Children’s Services');
    expect(detail.body).toContain('Does work that is not suitable for children');
    expect(detail.body).toContain('A potential-victim record was made and referred');
    expect(detail.body).toContain('22 minutes');
  });

  it('sends a force alert that the force’s supervisor finds in the triage queue', async () => {
    const form = await adviser.get('/information-line/new');
    const saved = await adviser.post('/information-line/new', {
      ...BASE, submissionId: submissionIdIn(form.body), immediateDanger: 'yes', outcome: 'force-alert', postcode: 'SW1A 1AA', address: '1 Any Street',
    });
    expect(saved.statusCode).toBe(303);
    const detail = await adviser.get(String(saved.headers.location));
    expect(detail.body).toContain('is in the triage queue of Metropolitan Police Service');
    const supervisor = await signedIn('supervisor', 'metropolitan');
    const queue = await supervisor.get('/triage');
    expect(queue.body).toContain('Danger: Yes');
    expect(queue.body).toMatch(/govuk-tag--blue">\s*Information line\s*</);
    const reportId = /href="\/triage\/([0-9a-f-]{36})"/.exec(queue.body)?.[1];
    const report = await supervisor.get(`/triage/${reportId ?? ''}`);
    expect(report.body).toContain('works nights at a car wash');
    expect(report.body).not.toContain('Jo Reyes');
  });

  it('lists calls with filters, and refuses a bad date with the error summary', async () => {
    for (const outcome of ['advice-only', 'force-alert']) {
      const form = await adviser.get('/information-line/new');
      const response = await adviser.post('/information-line/new', { ...BASE, submissionId: submissionIdIn(form.body), outcome, town: 'Leeds' });
      expect(response.statusCode).toBe(303);
    }
    const all = await adviser.get('/information-line');
    expect(all.body).toContain('2 calls');
    expect(all.body).toContain('Aisling Byrne (demo adviser)');
    expect((await adviser.get('/information-line?outcome=force-alert')).body).toContain('1 call<');
    expect((await adviser.get('/information-line?from=2026-03-03')).body).toContain('0 calls');
    expect((await adviser.get('/information-line?from=2026-03-02&to=2026-03-02')).body).toContain('2 calls');
    const bad = await adviser.get('/information-line?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('href="#from"');
  });

  it('keeps the national centre’s analysts and the forces out of the calls', async () => {
    const form = await adviser.get('/information-line/new');
    const saved = await adviser.post('/information-line/new', { ...BASE, submissionId: submissionIdIn(form.body), outcome: 'advice-only' });
    const location = String(saved.headers.location);
    for (const [role, organisation] of [['analyst', 'national-centre'], ['supervisor', 'metropolitan']] as const) {
      const client = await signedIn(role, organisation);
      expect((await client.get(location)).statusCode).toBe(403);
      expect((await client.get('/information-line')).statusCode).toBe(403);
      expect((await client.get('/')).body).not.toContain('href="/information-line"');
    }
  });

  it('records, lists and reads calls through the API with problem+json errors, and gives analysts only the counts', async () => {
    const apiClient = async (role: Parameters<typeof demoAccount>[0]) => {
      const { secret } = await runtime.services.apiTokens.create(await actorFor(runtime, demoAccount(role)), 'test', null);
      return new WebClient(app, secret);
    };
    const api = await apiClient('information-line-adviser');
    const body = { ...BASE, indicators: ['child-work-unsuited-to-children'], outcome: 'advice-only', durationMinutes: 9 };
    const refused = await api.request('POST', '/api/v1/information-line/calls', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((refused.json<{ errors: Array<{ field: string }> }>()).errors.map((e) => e.field)).toEqual(['outcome']);
    expect((await api.request('POST', '/api/v1/information-line/calls', { ...body, outcome: 'someday' })).statusCode).toBe(400);

    const submissionId = '01900000-0000-7000-8000-0000000000d1';
    const alert = { ...body, outcome: 'force-alert', town: 'Leeds', submissionId };
    const created = await api.request('POST', '/api/v1/information-line/calls', alert);
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    expect((await api.request('POST', '/api/v1/information-line/calls', alert)).json<{ id: string }>().id).toBe(id);

    const listed = await api.get('/api/v1/information-line/calls?outcome=force-alert');
    expect(listed.json<{ total: number; items: Array<{ id: string; durationMinutes: number }> }>()).toMatchObject({ total: 1, items: [{ id, durationMinutes: 9 }] });
    const detail = await api.get(`/api/v1/information-line/calls/${id}`);
    expect(detail.json<{ callerContact: string; alert: { forceName: string } }>()).toMatchObject({ callerContact: 'Jo Reyes 07700 900222', alert: { forceName: 'West Yorkshire Police' } });

    // A referral that also alerts the force: both made, the alert in the place's force.
    const adviceAndAlert = await api.request('POST', '/api/v1/information-line/calls', { ...body, indicators: [], outcome: 'advice-only', alsoAlertForce: true });
    expect(adviceAndAlert.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toContain('alsoAlertForce');
    const referral = { ...body, indicators: [], outcome: 'referral', consent: 'refused', sex: 'female', nationality: 'VN', ageBand: '18-24', exploitationTypes: ['forced-labour'], town: 'Leeds', alsoAlertForce: true };
    const referred = await api.request('POST', '/api/v1/information-line/calls', referral);
    expect(referred.statusCode, referred.body).toBe(201);
    const referredDetail = await api.get(`/api/v1/information-line/calls/${referred.json<{ id: string }>().id}`);
    expect(referredDetail.json<{ outcome: string; alert: { forceName: string } | null }>()).toMatchObject({ outcome: 'referral', alert: { forceName: 'West Yorkshire Police' } });

    const analyst = await apiClient('analyst');
    expect((await analyst.get('/api/v1/information-line/calls')).statusCode).toBe(403);
    const counts = await analyst.get('/api/v1/information-line/counts');
    expect(counts.statusCode).toBe(200);
    expect(Array.isArray(counts.json())).toBe(true);
    expect((await (await apiClient('officer')).get('/api/v1/information-line/counts')).statusCode).toBe(403);
  });
});
