// Record linkage pages and API: progress without JavaScript, the pair with its waterfall, the
// decision form (CSRF, error summary), the cluster with undo; analysts only.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoOperation } from '../../src/services/demoOperation.ts';
import { DEFAULT_LINKAGE_SETTINGS, LinkageRunService } from '../../src/services/linkage/linkageRuns.ts';
import { newId } from '../../src/store/ids.ts';
import type { ReviewPairListRow } from '../../src/store/repositories/linkage.ts';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

describe('record linkage pages and API', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let analyst: WebClient;
  let api: WebClient;
  let pairs: ReviewPairListRow[];

  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    await loadDemoOperation(runtime.services.context, { seed: 1, scale: 0.05 });
    app = await buildTestApp(runtime);
    const account = demoAccount('analyst');
    analyst = new WebClient(app);
    await analyst.signIn(account.email, account.password);
    const actor = await actorFor(runtime, account);
    api = new WebClient(app, (await runtime.services.apiTokens.create(actor, 'linkage', null)).secret);
    // Review from 1 %: on so few records the model is sure of almost every pair.
    await new LinkageRunService(runtime.services.context, { ...DEFAULT_LINKAGE_SETTINGS, lowerThreshold: 0.01 }).runToEnd(actor, { trigger: 'on-demand' });
    runtime.testClock.advanceMinutes(1);
    pairs = (await runtime.services.linkageReview.queue(actor)).pairs;
    expect(pairs.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('shows a pair side by side with its waterfall as a table, and refuses a decision without a choice', async () => {
    const [pair] = pairs;
    if (pair === undefined) throw new Error('no pair');
    const queue = await analyst.get('/linkage/review');
    expect(queue.body).toContain(`/linkage/pairs/${pair.id}`);
    const page = await analyst.get(`/linkage/pairs/${pair.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/people/${pair.left_person_id}"`);
    expect(page.body).toContain(`href="/people/${pair.right_person_id}"`);
    expect(page.body).toContain('Prior (two records at random)');
    expect(page.body).toContain('<th scope="col" class="govuk-table__header">First record’s value</th>');
    expect(page.body).toContain(pair.left_name.split(' ')[0] ?? '');
    expect(page.body).toContain('name="decision"');

    const empty = await analyst.post(`/linkage/pairs/${pair.id}`, { decision: '', reason: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('govuk-error-summary');
    expect(empty.body).toContain('href="#decision"');
    const forged = await analyst.post(`/linkage/pairs/${pair.id}`, { decision: 'same', reason: '' }, { withCsrf: false });
    expect(forged.statusCode).toBe(403);
    expect(await runtime.store.repositories.linkage.decisionsOnPair(pair.left_person_id, pair.right_person_id)).toEqual([]);
  });

  it('merges on “same”, lists the cluster’s records, and undoes the merge from the cluster page', async () => {
    const membership = await runtime.store.repositories.linkage.membership();
    const pair = pairs.find((p) => membership.get(p.left_person_id) !== membership.get(p.right_person_id));
    if (pair === undefined) throw new Error('no pair across clusters');
    await analyst.get(`/linkage/pairs/${pair.id}`);
    const decided = await analyst.post(`/linkage/pairs/${pair.id}`, { decision: 'same', reason: 'Same document number' });
    expect(decided.statusCode).toBe(303);
    const clusterPage = await analyst.get(String(decided.headers.location));
    expect(clusterPage.body).toContain('Their clusters are merged');
    expect(clusterPage.body).toContain(`href="/people/${pair.left_person_id}"`);
    expect(clusterPage.body).toContain(`href="/people/${pair.right_person_id}"`);
    const undo = /action="(\/linkage\/changes\/[^"]+\/undo)"/.exec(clusterPage.body)?.[1];
    if (undo === undefined) throw new Error('no undo form');
    expect((await analyst.post(undo)).statusCode).toBe(303);
    expect(await runtime.store.repositories.linkage.membership()).toEqual(membership);
    // Undoing twice is refused with a message on the cluster page, which keeps the history.
    const again = await analyst.post(undo);
    expect(again.statusCode).toBe(303);
    const history = await analyst.get(String(again.headers.location));
    expect(history.body).toContain('This change has already been undone');
    expect(history.body).toMatch(/Undone .* by /);
    expect(history.body).toContain('Undoing a merge');
  });

  it('answers the same through the API, with TypeBox-checked bodies', async () => {
    const review = await api.request('GET', '/api/v1/linkage/review');
    expect(review.statusCode).toBe(200);
    const items = JSON.parse(review.body) as Array<{ id: string }>;
    const id = items[0]?.id ?? '';
    const pair = await api.request('GET', `/api/v1/linkage/pairs/${id}`);
    expect(pair.statusCode).toBe(200);
    const body = JSON.parse(pair.body) as { waterfall: Array<{ step: string }> };
    expect(body.waterfall[0]?.step).toBe('prior');
    expect((await api.request('POST', `/api/v1/linkage/pairs/${id}/decision`, { decision: 'maybe' })).statusCode).toBe(400);
    const decided = await api.request('POST', `/api/v1/linkage/pairs/${id}/decision`, { decision: 'unsure' });
    expect(decided.statusCode).toBe(201);
    expect((JSON.parse(decided.body) as { decision: { decision: string } }).decision.decision).toBe('unsure');
    const runs = JSON.parse((await api.request('GET', '/api/v1/linkage/runs')).body) as Array<{ id: string; status: string }>;
    const detail = await api.request('GET', `/api/v1/linkage/runs/${runs.find((r) => r.status === 'finished')?.id ?? ''}`);
    expect((JSON.parse(detail.body) as { model: { format: string } }).model.format).toBe('lifeline-linkage-model');
  });

  // Last: a run with the default thresholds replaces the review queue the tests above use.
  it('starts a run from the runs page and shows its progress on a page that refreshes itself while it runs', async () => {
    const list = await analyst.get('/linkage');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Run linkage now');
    const started = await analyst.post('/linkage/runs');
    expect(started.statusCode).toBe(303);
    const location = String(started.headers.location);
    expect(location).toMatch(/^\/linkage\/runs\/[0-9a-f-]{36}$/);
    await runtime.services.linkageRuns.idle();
    const finished = await analyst.get(location);
    expect(finished.body).toContain('Linkage run: finished');
    expect(finished.body).not.toContain('data-refresh-seconds');
    expect(finished.body).toContain('How the model was trained');

    // A run caught mid-way: its row carries the stage and fraction the page shows.
    const id = newId();
    await runtime.store.repositories.linkage.insertRun({
      id, started_by: null, started_by_label: 'system:linkage-command', trigger: 'command', status: 'running', stage: 'score', stage_fraction: 0.4, scope: 'null',
      lower_threshold: 0.2, upper_threshold: 0.9, record_count: null, pair_count: null, review_pair_count: null, cluster_count: null, label_count: null,
      model_json: null, error: null, started_at: runtime.testClock.clock().toISOString(), finished_at: null,
    });
    const running = await analyst.get(`/linkage/runs/${id}`);
    expect(running.body).toContain('data-refresh-seconds="3"');
    expect(running.body).not.toContain('http-equiv="refresh"');
    expect(running.body).toContain('Scoring pairs: 40% of this stage');
    expect(running.body).toContain(`href="/linkage/runs/${id}">Refresh now`);
    // Meanwhile no second run starts.
    const refused = await analyst.post('/linkage/runs');
    expect(refused.headers.location).toBe('/linkage');
    expect((await analyst.get('/linkage')).body).toContain('A linkage run is already in progress');
    await runtime.store.repositories.linkage.updateRun(id, { status: 'failed', error: 'test run', finished_at: runtime.testClock.clock().toISOString() });
  });

  it('refuses police officers, and shows the menu entry only to analysts', async () => {
    const account = demoAccount('officer', 'metropolitan');
    const officer = new WebClient(app);
    await officer.signIn(account.email, account.password);
    expect((await officer.get('/linkage')).statusCode).toBe(403);
    expect((await officer.get(`/linkage/pairs/${pairs[0]?.id ?? ''}`)).statusCode).toBe(403);
    expect((await officer.get('/')).body).not.toContain('href="/linkage"');
    expect((await analyst.get('/')).body).toContain('href="/linkage"');
  });
});
