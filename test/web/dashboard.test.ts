// The dashboard pages without JavaScript: figures with their definitions, charts as SVG images
// with tables beneath, a period and operation that can be changed, a force supervisor taken to
// their own force, and each table as an audited CSV download.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_DEFINITIONS } from '../../src/services/dashboard/definitions.ts';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { demoAccount, seedDemo } from '../support/fixtures.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

describe('the dashboard pages', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let fixture: EnforcementFixture;
  let analyst: WebClient;
  let supervisor: WebClient;

  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    app = await buildTestApp(runtime);
    analyst = new WebClient(app);
    await analyst.signIn(demoAccount('analyst').email, demoAccount('analyst').password);
    supervisor = new WebClient(app);
    await supervisor.signIn(demoAccount('supervisor', 'metropolitan').email, demoAccount('supervisor', 'metropolitan').password);
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  it('shows the national figures, each with its definition, the charts as images and the same figures in tables', async () => {
    const page = await analyst.get(`/dashboard?operationId=${fixture.operationId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">National dashboard</h1>');
    // People arrested 2 (Popescu once, the West Midlands arrest once) and arrests 3, each with its definition.
    expect(page.body).toMatch(/People arrested<\/span>\s*<span class="lifeline-figure__value">2<\/span>/);
    expect(page.body).toMatch(/Arrests<\/span>\s*<span class="lifeline-figure__value">3<\/span>/);
    expect(page.body).toContain(escaped(DASHBOARD_DEFINITIONS.peopleArrested));
    expect(page.body).toContain(escaped(DASHBOARD_DEFINITIONS.arrests));
    expect(page.body).toContain('Information-line calls');
    expect(page.body).toMatch(/Information-line calls<\/span>\s*<span class="lifeline-figure__value">0<\/span>/);
    expect(page.body).toContain('No hidden-scale estimate has been saved yet.');
    expect(page.body).toContain(`src="/dashboard/chart/forces-england-and-wales.svg?operationId=${fixture.operationId}"`);
    expect(page.body).toContain(`src="/dashboard/chart/monthly.svg?operationId=${fixture.operationId}"`);
    expect(page.body).toContain('alt="Chart: Visits, potential victims and arrests by month. The same figures are in the table below."');
    expect(page.body).toMatch(/<th scope="row" class="govuk-table__header">January 2007<\/th><td class="govuk-table__cell govuk-table__cell--numeric">2<\/td><td class="govuk-table__cell govuk-table__cell--numeric">3<\/td><td class="govuk-table__cell govuk-table__cell--numeric">2<\/td>/);
    expect(page.body).toContain(`href="/dashboard/table/by-force.csv?operationId=${fixture.operationId}"`);
    // No script is needed: the page has none of its own.
    expect(page.body).not.toContain('echarts');
  });

  it('serves each chart as an SVG image made from the same figures', async () => {
    const chart = await analyst.get(`/dashboard/chart/forces-england-and-wales.svg?operationId=${fixture.operationId}`);
    expect(chart.statusCode).toBe(200);
    expect(chart.headers['content-type']).toContain('image/svg+xml');
    expect(chart.body.startsWith('<svg')).toBe(true);
    expect(chart.body).toContain('Metropolitan Police Service');
    expect((await analyst.get('/dashboard/chart/nothing.svg')).statusCode).toBe(404);
    expect((await analyst.get('/dashboard/chart/monthly.png')).statusCode).toBe(404);
  });

  it('changes the period, and refuses a bad date with an error summary keeping what was typed', async () => {
    const february = await analyst.get('/dashboard?from=2007-02-01&to=2007-02-28');
    expect(february.statusCode).toBe(200);
    expect(february.body).toMatch(/Premises visited<\/span>\s*<span class="lifeline-figure__value">1<\/span>/);
    expect(february.body).toContain('value="2007-02-01"');
    const bad = await analyst.get('/dashboard?from=2007-02-31&to=2007-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('href="#from"');
    expect(bad.body).toContain('value="2007-02-31"');
  });

  it('takes a force supervisor to their own force, with its rank, and lets the national centre choose a force', async () => {
    const redirected = await supervisor.get(`/dashboard?operationId=${fixture.operationId}`);
    expect(redirected.statusCode).toBe(303);
    expect(redirected.headers.location).toBe(`/dashboard/force?operationId=${fixture.operationId}`);
    const own = await supervisor.get(`/dashboard/force?operationId=${fixture.operationId}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Force dashboard: Metropolitan Police Service');
    expect(own.body).toMatch(/<th scope="row" class="govuk-table__header">Visits<\/th><td class="govuk-table__cell govuk-table__cell--numeric">3<\/td><td class="govuk-table__cell govuk-table__cell--numeric">1<\/td>/);
    expect(own.body).not.toContain('West Midlands');
    expect((await supervisor.get(`/dashboard/force?forceId=${fixture.westMidlands}`)).statusCode).toBe(404);
    const chosen = await analyst.get(`/dashboard/force?forceId=${fixture.westMidlands}`);
    expect(chosen.body).toContain('Force dashboard: West Midlands Police');
    expect(chosen.body).toContain(`src="/dashboard/chart/monthly.svg?forceId=${fixture.westMidlands}"`);
  });

  it('downloads a table as CSV and audits it', async () => {
    const csv = await supervisor.get('/dashboard/table/ranks.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="lifeline-dashboard-metropolitan-ranks-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.body.split('\r\n')[0]).toBe('Figure,Your force,Rank (1 is the most),Forces ranked');
    expect((await supervisor.get('/dashboard/table/by-force.csv')).statusCode).toBe(404);
    expect((await analyst.get('/dashboard/table/unknown.csv')).statusCode).toBe(404);
    const audit = await runtime.database.db.selectFrom('audit_events').select('details').where('action', '=', 'dashboard.export-csv').execute();
    expect(audit.map((a) => (JSON.parse(a.details) as { table: string }).table)).toEqual(['ranks']);
  });

  it('shows the dashboard in the menu to those who may open it', async () => {
    expect((await analyst.get('/')).body).toContain('href="/dashboard"');
    const officer = new WebClient(app);
    await officer.signIn(demoAccount('officer').email, demoAccount('officer').password);
    expect((await officer.get('/')).body).not.toContain('href="/dashboard"');
  });
});
