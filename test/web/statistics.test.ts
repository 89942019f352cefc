import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '../../src/access/actor.ts';
import { DEMO_ACCOUNTS } from '../../src/demo/signInAccounts.ts';
import { releasePdf } from '../../src/services/statistics/reportPdf.ts';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { EXPECTED, seedStatisticsFixture } from '../support/statisticsFixture.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

/** The text a PDF draws, from its uncompressed content streams (pdfkit writes strings in hex). */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/<([0-9a-fA-F]+)>/g)].map((m) => Buffer.from(m[1] ?? '', 'hex').toString('latin1')).join('');
}

describe('published statistics: releases, public pages, report and API, without JavaScript', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let analyst: WebClient;
  let second: UserActor;
  let operationId: string;

  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    operationId = (await seedStatisticsFixture(runtime)).operationId;
    app = await buildTestApp(runtime);
    const account = demoAccount('analyst');
    analyst = new WebClient(app);
    await analyst.signIn(account.email, account.password);
    // The demo has a second analyst, so a release prepared by one can be approved in the demo too.
    const secondAccount = DEMO_ACCOUNTS.find((a) => a.role === 'analyst' && a.email !== account.email);
    if (secondAccount === undefined) throw new Error('the demo has no second analyst to approve a release');
    second = await actorFor(runtime, secondAccount);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('prepares a release from the form (once, however often it is posted) and asks another analyst to approve it', async () => {
    const page = await analyst.get('/statistics-releases');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/statistics-releases"');
    const refused = await analyst.post('/statistics-releases', { operationId: '', submissionId: '01900000-0000-7000-8000-0000000009b1' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('href="#operationId"');

    const form = { operationId, submissionId: '01900000-0000-7000-8000-0000000009b2' };
    const first = await analyst.post('/statistics-releases', form);
    const again = await analyst.post('/statistics-releases', form);
    expect(first.statusCode).toBe(303);
    expect(again.headers.location).toBe(first.headers.location);
    const preview = await analyst.get(String(first.headers.location));
    expect(preview.body).toContain('Preview of a draft');
    expect(preview.body).toContain('Another analyst must check and approve this release');
    expect(preview.body).not.toContain('Approve and publish');
    expect(preview.body).toContain(`<dd class="govuk-heading-l govuk-!-margin-bottom-1">${EXPECTED.visits}</dd>`);
    // The draft is not on the public surface.
    const id = String(first.headers.location).split('/').pop() ?? '';
    const visitor = new WebClient(app);
    expect((await visitor.get(`/statistics/${id}`)).statusCode).toBe(404);
    expect((await visitor.get(`/statistics/${id}/report.pdf`)).statusCode).toBe(404);
    expect((await visitor.request('GET', `/api/v1/statistics-releases/${id}`)).statusCode).toBe(404);
    expect((await visitor.get('/statistics')).body).toContain('No results have been published yet');
  });

  it('publishes a release a second analyst approves; the public reads it without signing in, as pages, report, PDF and JSON', async () => {
    const id = await runtime.services.statisticsReleases.prepare(second, { operationId });
    const preview = await analyst.get(`/statistics-releases/${id}`);
    expect(preview.body).toContain('Approve and publish');
    const approved = await analyst.post(`/statistics-releases/${id}/approve`);
    expect(approved.statusCode).toBe(303);
    // A double submit changes nothing.
    expect((await analyst.post(`/statistics-releases/${id}/approve`)).statusCode).toBe(303);
    const after = await analyst.get(`/statistics-releases/${id}`);
    expect(after.body).toContain('Release published');
    expect(after.body).toContain('Correct this release');

    const visitor = new WebClient(app);
    const list = await visitor.get('/statistics');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/statistics/${id}"`);
    const page = await visitor.get(`/statistics/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<dd class="govuk-heading-l govuk-!-margin-bottom-1">${EXPECTED.potentialVictims}</dd>`);
    expect(page.body).toContain('fewer than 5');
    expect(page.body).toContain('West Midlands Police');
    expect(page.body).not.toContain('Second Analyst');
    const report = await visitor.get(`/statistics/${id}/report`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('Operation Figures: results');
    const css = await visitor.get(String(/href="(\/static\/lifeline-[0-9a-f]+\.css)"/.exec(report.body)?.[1]));
    expect(css.body).toContain('@page { size: A4;');

    const pdf = await visitor.get(`/statistics/${id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const api = await visitor.request('GET', `/api/v1/statistics-releases/${id}`);
    expect(api.statusCode).toBe(200);
    const json = api.json<{ headline: Record<string, { value: number | null; status: string }>; byForce: { rows: Array<{ label: string; cells: Array<{ value: number | null; status: string }> }> } }>();
    expect(json.headline['arrests']).toEqual({ value: EXPECTED.arrests, status: 'shown' });
    for (const row of json.byForce.rows) for (const cell of row.cells) if (cell.value !== null) expect(cell.value === 0 || cell.value >= 5).toBe(true);
    const listed = (await visitor.request('GET', '/api/v1/statistics-releases')).json<Array<{ id: string }>>();
    expect(listed.map((r) => r.id)).toEqual([id]);
  });

  it('makes the report PDF on A4 with its page count and the headline figures in its text', async () => {
    const [release] = await runtime.services.statisticsReleases.listPublished();
    if (release === undefined) throw new Error('no published release');
    const pdf = await releasePdf(release, { compress: false });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    const pages = raw.match(/\/Type \/Page\b/g) ?? [];
    // Three forces and three months fit on one page.
    expect(pages).toHaveLength(1);
    // A4 is 595.28 × 841.89 points.
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
    const text = pdfText(pdf);
    expect(text).toContain('Operation Figures: results');
    expect(text).toContain('Page 1 of 1');
    for (const figure of [`Premises visits${EXPECTED.visits}`, `Potential victims identified${EXPECTED.potentialVictims}`, `Arrests${EXPECTED.arrests}`, `People arrested${EXPECTED.peopleArrested}`]) {
      expect(text).toContain(figure);
    }
    expect(text).toContain('£1,234');
  });
});
