import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { seedHiddenScaleFixture, seedStoredLinkage, type HiddenScaleFixture, type StoredLinkageFixture } from '../support/hiddenScaleFixture.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

describe('the hidden scale pages and API, without JavaScript', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let fixture: HiddenScaleFixture;
  let linkage: StoredLinkageFixture;
  let analyst: WebClient;
  let analystApi: WebClient;

  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    fixture = await seedHiddenScaleFixture(runtime);
    linkage = await seedStoredLinkage(runtime);
    app = await buildTestApp(runtime);
    const account = demoAccount('analyst');
    analyst = new WebClient(app);
    await analyst.signIn(account.email, account.password);
    analystApi = new WebClient(app, (await runtime.services.apiTokens.create(await actorFor(runtime, account), 'test', null)).secret);
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  const listFields = () => Object.fromEntries(fixture.lists.flatMap((l) => l.organisationIds.map((id) => [`list-${id}`, l.name])));

  it('shows the organisations of the period with their default lists, and refuses a bad form with an error summary', async () => {
    const page = await analyst.get(`/hidden-scale?from=${fixture.from}&to=${fixture.to}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/hidden-scale"');
    expect(page.body).toContain(`name="list-${fixture.met}" type="text" value="London"`);
    expect(page.body).toContain(`name="list-${fixture.garda}" type="text" value="Ireland"`);
    // The linkage run people are de-duplicated with, and its upper threshold as the default.
    expect(page.body).toContain(`People are de-duplicated with linkage run <a class="govuk-link" href="/linkage/runs/${linkage.runId}">`);
    expect(page.body).toMatch(/name="threshold" type="text" spellcheck="false" value="0.9"/);

    const refused = await analyst.post('/hidden-scale', { from: fixture.from, to: fixture.to, threshold: '2', ...listFields() });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('href="#method"');
    expect(refused.body).toContain('href="#threshold"');
    // What was typed comes back.
    expect(refused.body).toContain('value="2"');
  });

  it('runs the estimate in the background, shows its progress, then the table, estimate and comparison; the API gives the same', async () => {
    const started = await analyst.post('/hidden-scale', {
      from: fixture.from, to: fixture.to, method: 'main', threshold: '0.5', seed: '3', bootstrapReplicates: '0', ...listFields(),
      [`list-${fixture.garda}`]: '',
    });
    expect(started.statusCode).toBe(303);
    const location = String(started.headers.location);
    const id = /^\/hidden-scale\/estimates\/([0-9a-f-]+)$/.exec(location)?.[1] ?? '';
    expect(id).not.toBe('');
    const early = await analyst.get(location);
    expect(early.statusCode).toBe(200);
    if (early.body.includes('role="status"')) expect(early.body).toContain('data-refresh-seconds="2"');

    await runtime.services.hiddenScale.settled(id);
    const done = await analyst.get(location);
    expect(done.statusCode).toBe(200);
    expect(done.body).not.toContain('data-refresh-seconds');
    expect(done.body).toContain('Overlap table');
    expect(done.body).toContain('<th scope="col" class="govuk-table__header">Scotland</th>');
    expect(done.body).toContain('Dark figure');
    expect(done.body).toContain('Wald interval on the log scale');
    expect(done.body).toContain('Estimates across linkage thresholds and methods');
    // The chart, as an image served by Lifeline, with its figures in a table beneath.
    expect(done.body).toContain(`<img src="/hidden-scale/estimates/${id}/chart.svg" width="720" height="360"`);
    expect(done.body).toContain('The chart\'s figures: estimate and interval of each method');
    expect(done.body).toContain('<strong>Main effects</strong> (chosen)');
    const chart = await analyst.get(`/hidden-scale/estimates/${id}/chart.svg`);
    expect(chart.statusCode).toBe(200);
    expect(String(chart.headers['content-type'])).toMatch(/^image\/svg\+xml/);
    expect(chart.body).toMatch(/^<svg role="img"/);
    for (const label of ['Main effects', '(chosen)', 'Stepwise', 'Forward AIC', 'BIC', 'LCMCR']) expect(chart.body).toContain(label);
    // Refused to a police officer, as the page is; a missing estimate has no chart.
    const officer = new WebClient(app);
    await officer.signIn(demoAccount('officer').email, demoAccount('officer').password);
    expect((await officer.get(`/hidden-scale/estimates/${id}/chart.svg`)).statusCode).toBe(403);
    expect((await analyst.get('/hidden-scale/estimates/01900000-0000-7000-8000-0000000000e1/chart.svg')).statusCode).toBe(404);
    expect(done.body).toContain('15 records grouped into 10 people (1 of 3 pairs awaiting review taken as one person)');
    expect(done.body).toContain('Method note');
    expect(done.body).toContain(`stored clusters of linkage run ${linkage.runId} (finished 2026-01-02)`);
    expect(done.body).toContain('Dev Patel (demo analyst)');

    const json = (await analystApi.get(`/api/v1/hidden-scale/estimates/${id}`)).json<{ status: string; table: { counts: number[] }; result: { observed: number; estimate: number; interval: { kind: string } }; comparison: unknown[]; request: { lists: Array<{ name: string }>; linkageRunId: string }; methodNote: string; linkage: unknown }>();
    expect(json.status).toBe('done');
    expect(json.table.counts).toEqual(linkage.expectedCounts['0.5']);
    expect(json.result.observed).toBe(10);
    expect(json.request.linkageRunId).toBe(linkage.runId);
    expect(json.methodNote).toContain('1 with a match probability of 0.5 or more was taken as the same person');
    expect(json.linkage).toMatchObject({ runId: linkage.runId, threshold: 0.5, people: 10, awaitingReview: 3, linkedPairs: 1 });
    expect(json.result.estimate).toBeGreaterThanOrEqual(10);
    expect(json.result.interval.kind).toBe('wald-log');
    expect(json.request.lists.map((l) => l.name)).toEqual(['London', 'Midlands and East of England', 'Scotland']);
    // Four thresholds by five methods.
    expect(json.comparison).toHaveLength(20);

    const list = await analyst.get('/hidden-scale/estimates');
    expect(list.body).toContain(`href="/hidden-scale/estimates/${id}"`);
    expect((await analystApi.get('/api/v1/hidden-scale/estimates')).json<Array<{ id: string }>>().map((e) => e.id)).toContain(id);
  }, 30_000);

  it('starts an estimate through the API and refuses bad input as problem+json', async () => {
    const bad = await analystApi.request('POST', '/api/v1/hidden-scale/estimates', { method: 'main', threshold: 0.9, lists: [{ name: 'London', organisationIds: [fixture.met] }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toEqual(['lists']);
    const lists = (await analystApi.get(`/api/v1/hidden-scale/lists?from=${fixture.from}&to=${fixture.to}`)).json<Array<{ organisationId: string; defaultList: string }>>();
    expect(lists.map((l) => l.defaultList).sort()).toEqual(['Ireland', 'London', 'Midlands and East of England', 'Scotland']);
    const started = await analystApi.request('POST', '/api/v1/hidden-scale/estimates', { from: fixture.from, to: fixture.to, method: 'main', threshold: 0.6, lists: fixture.lists });
    expect(started.statusCode).toBe(202);
    const { id } = started.json<{ id: string }>();
    await runtime.services.hiddenScale.settled(id);
    const saved = (await analystApi.get(`/api/v1/hidden-scale/estimates/${id}`)).json<{ request: { threshold: number }; table: { counts: number[] } }>();
    expect(saved.request.threshold).toBe(0.6);
    // Daniel's pair awaiting review is at 0.6: taken as one person.
    expect(saved.table.counts).toEqual(linkage.expectedCounts['0.5']);
  }, 30_000);

  it('is refused to a police officer', async () => {
    const officer = new WebClient(app);
    const account = demoAccount('officer');
    await officer.signIn(account.email, account.password);
    expect((await officer.get('/hidden-scale')).statusCode).toBe(403);
    expect((await officer.get('/')).body).not.toContain('href="/hidden-scale"');
  });
});
