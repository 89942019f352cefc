// The public report journey through the public surface, on both databases: every page, the
// language switcher, check-your-answers, the confirmation shown once, "tell us more", and the
// anonymity guarantee (no address or browser in any table, no report text or address in the logs).
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { REPORT_COOKIE } from '../../src/web/public/reportRoutes.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { organisationId, seedDemo } from '../support/fixtures.ts';
import { PublicClient, REPORTER_ADDRESS, REPORTER_AGENT, answerEveryQuestion, sendReport } from '../support/publicClient.ts';
import { buildTestApp } from '../support/webApp.ts';

class LogCapture extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    this.lines.push(chunk.toString('utf8'));
    callback();
  }
}

describeEachDatabase('the public report journey', (dialect) => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let logs: LogCapture;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect, { logLevel: 'info', publicRateLimitPerMinute: 10_000 });
    await seedDemo(runtime);
    logs = new LogCapture();
    app = await buildTestApp(runtime, { logStream: logs });
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  const reports = () => runtime.database.db.selectFrom('public_reports').selectAll().execute();

  it('takes a report from the first question to the confirmation and routes it to the force of the postcode', async () => {
    const client = new PublicClient(app);
    const start = await client.get('/report');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('<html lang="en" dir="ltr"');
    expect(start.body).toContain('Exit this page');
    expect(start.body).toContain('call 999');
    expect(start.body).toContain('href="/report/immediate-danger?lang=en"');

    const check = await answerEveryQuestion(client, { description: 'Eight <b>men</b> leave at 5am', postcode: 'W2 1AB' });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check your answers before you send your report');
    // What was typed comes back escaped, with a change link to its page.
    expect(check.body).toContain('Eight &#60;b&#62;men&#60;/b&#62; leave at 5am');
    expect(check.body).toContain('href="/report/what-happened?lang=en&amp;change=1"');
    expect(check.body).not.toContain('How can we contact you?');

    const { reference, secret, page } = await sendReport(client);
    expect(page.body).toContain('Report sent');
    expect(page.body).toContain('href="/report/tell-us-more?lang=en"');
    expect(client.cookie(REPORT_COOKIE)).toBeUndefined();

    const [report, ...others] = await reports();
    expect(others).toHaveLength(0);
    expect(report?.reference).toBe(reference);
    expect(report?.routed_organisation_id).toBe(await organisationId(runtime, 'metropolitan'));
    expect(report?.routing_basis).toBe('postcode-area');
    expect(report?.language).toBe('en');
    expect(report?.contact_preference).toBe('anonymous');
    expect(JSON.parse(report?.signs ?? '[]')).toEqual(['many-people', 'escorted']);
    // The secret is kept only as a hash; what was typed only sealed.
    expect(JSON.stringify(report)).not.toContain(secret);
    expect(report?.secret_hash).toMatch(/^scrypt\$/);
    expect(report?.answers).not.toContain('Eight');
    expect(JSON.parse(runtime.services.context.fieldCipher.open(report?.answers ?? ''))).toMatchObject({ description: 'Eight <b>men</b> leave at 5am', postcode: 'W2 1AB' });
    // The draft is gone once the confirmation has been shown: a reload shows nothing again.
    expect(await runtime.database.db.selectFrom('public_report_drafts').selectAll().execute()).toHaveLength(0);
    const again = await client.get('/report/report-sent?lang=en');
    expect(again.statusCode).toBe(303);
    expect(again.body).not.toContain(reference);
  });

  it('shows the call-999 page straight after a yes to danger, and skips contact details for an anonymous reporter', async () => {
    const client = new PublicClient(app);
    const danger = await client.post('/report/immediate-danger?lang=en', { danger: 'yes' });
    expect(danger.headers.location).toBe('/report/call-999-now?lang=en');
    const callNow = await client.get('/report/call-999-now?lang=en');
    expect(callNow.body).toContain('Call 999 now');
    expect(callNow.body).toContain('press 55');
    // Contact details typed before choosing anonymity are not sent.
    await answerEveryQuestion(client, { danger: 'yes', contactPreference: 'share', contactPhone: '07700 900 555' });
    await client.post('/report/contact-preference?lang=en&change=1', { contactPreference: 'anonymous', change: '1' });
    const skipped = await client.get('/report/contact-details?lang=en');
    expect(skipped.statusCode).toBe(303);
    expect(skipped.headers.location).toBe('/report/check-your-answers?lang=en');
    await sendReport(client);
    const [report] = await reports();
    const stored = JSON.parse(runtime.services.context.fieldCipher.open(report?.answers ?? '')) as Record<string, unknown>;
    expect(stored['contactPhone']).toBeUndefined();
    expect(report?.danger).toBe('yes');
  });

  it('returns to check-your-answers after a change', async () => {
    const client = new PublicClient(app);
    await answerEveryQuestion(client);
    const change = await client.get('/report/when?lang=en&change=1');
    expect(change.body).toContain('value="Every weekday morning"');
    expect(change.body).toContain('name="change" value="1"');
    const posted = await client.post('/report/when?lang=en', { when: 'Saturday nights', change: '1' });
    expect(posted.headers.location).toBe('/report/check-your-answers?lang=en');
    expect((await client.get('/report/check-your-answers?lang=en')).body).toContain('Saturday nights');
  });

  it('shows errors in the GOV.UK pattern in the reporter’s language, right to left for Arabic', async () => {
    const client = new PublicClient(app);
    const page = await client.get('/report/what-happened?lang=ar');
    expect(page.body).toContain('<html lang="ar" dir="rtl"');
    const refused = await client.post('/report/what-happened?lang=ar', { description: '   ' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('href="#description"');
    expect(refused.body).not.toContain('Enter what happened');
    const tooLong = await client.post('/report/what-happened?lang=en', { description: 'x'.repeat(5001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('What happened must be 5000 characters or fewer');
    expect(await runtime.database.db.selectFrom('public_report_drafts').selectAll().execute()).toHaveLength(0);
  });

  it('keeps the answers given so far when the reporter changes language', async () => {
    const client = new PublicClient(app);
    await answerEveryQuestion(client, { description: 'Nhiều người sống trong một ngôi nhà' });
    const switched = await client.get('/report/check-your-answers?lang=vi');
    expect(switched.body).toContain('<html lang="vi" dir="ltr"');
    expect(switched.body).toContain('Nhiều người sống trong một ngôi nhà');
    expect(switched.body).toContain('href="/report/check-your-answers?lang=ar"');
    await sendReport(client, 'vi');
    const [report] = await reports();
    expect(report?.language).toBe('vi');
  });

  it('sends a report it cannot place to the national centre, and makes one report of a double post', async () => {
    const client = new PublicClient(app);
    await answerEveryQuestion(client, { address: '', town: '', postcode: '', placeDescription: 'A car wash by a big roundabout' });
    const first = await client.post('/report/check-your-answers?lang=en', {});
    const second = await client.post('/report/check-your-answers?lang=en', {});
    expect(first.headers.location).toBe('/report/report-sent?lang=en');
    expect(second.headers.location).toBe('/report/report-sent?lang=en');
    const stored = await reports();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.routed_organisation_id).toBeNull();
  });

  it('keeps nothing a machine sends through the hidden field', async () => {
    const client = new PublicClient(app);
    const response = await client.post('/report/immediate-danger?lang=en', { danger: 'no', website: 'http://spam.example' });
    expect(response.statusCode).toBe(303);
    expect(client.cookie(REPORT_COOKIE)).toBeUndefined();
    expect(await runtime.database.db.selectFrom('public_report_drafts').selectAll().execute()).toHaveLength(0);
  });

  it('adds information with the reference and secret, and shows nothing of the report', async () => {
    const reporter = new PublicClient(app);
    await answerEveryQuestion(reporter, { description: 'The upstairs flat has bars on the windows' });
    const { reference, secret } = await sendReport(reporter);

    const stranger = new PublicClient(app);
    const wrong = await stranger.post('/report/tell-us-more?lang=en', { reference, secret: 'AAAA-BBBB-CCCC-DDDD-EEEE', moreInformation: 'Tried to guess' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The reference and secret code do not match');
    expect(wrong.body).not.toContain('bars on the windows');
    const unknown = await stranger.post('/report/tell-us-more?lang=en', { reference: 'LL-2222-2222', secret, moreInformation: 'x' });
    const unknownSummary = /govuk-error-summary__list[\s\S]*?<\/ul>/.exec(unknown.body)?.[0];
    expect(unknownSummary).toEqual(/govuk-error-summary__list[\s\S]*?<\/ul>/.exec(wrong.body)?.[0]);

    const added = await reporter.post('/report/tell-us-more?lang=en', { reference: reference.toLowerCase().replace(/-/g, ' '), secret: secret.toLowerCase(), moreInformation: 'A blue car came at 2am' });
    expect(added.statusCode).toBe(303);
    const thanks = await reporter.get(String(added.headers.location));
    expect(thanks.body).toContain('Information added');
    expect(thanks.body).not.toContain('bars on the windows');
    const additions = await runtime.database.db.selectFrom('public_report_additions').selectAll().execute();
    expect(additions).toHaveLength(1);
    expect(additions[0]?.information).not.toContain('blue car');
    expect(runtime.services.context.fieldCipher.open(additions[0]?.information ?? '')).toBe('A blue car came at 2am');
  });

  it('stores no address or browser of the reporter in any table, and logs neither the report nor the address', async () => {
    const client = new PublicClient(app);
    const description = 'Women brought to the massage parlour by a man in a grey Audi';
    await answerEveryQuestion(client, { description, contactPreference: 'share', contactPhone: '07700 900 321' });
    const { reference, secret } = await sendReport(client);
    await client.post('/report/tell-us-more?lang=en', { reference, secret, moreInformation: 'They moved to another house' });

    // On PostgreSQL every test has a schema of its own: only this one's tables are this database.
    const schema = runtime.dialect === 'postgres' ? (await sql<{ name: string }>`select current_schema() as name`.execute(runtime.database.db)).rows[0]?.name : undefined;
    const tables = await runtime.database.db.introspection.getTables();
    const names = tables.filter((table) => !table.isView && (schema === undefined || table.schema === schema)).map((table) => table.name).filter((name) => !name.startsWith('kysely_'));
    expect(names).toContain('public_reports');
    const dump: string[] = [];
    for (const name of names) {
      const rows = await runtime.database.db.selectFrom(name as 'public_reports').selectAll().execute();
      dump.push(JSON.stringify(rows));
    }
    const everything = dump.join('\n');
    expect(everything).not.toContain(REPORTER_ADDRESS);
    expect(everything).not.toContain('ReporterPhone');
    expect(everything).not.toContain(REPORTER_AGENT);
    expect(everything).not.toContain('massage parlour');
    expect(everything).not.toContain('07700 900 321');
    expect(everything).not.toContain(secret);

    const logged = logs.lines.join('');
    expect(logged).toContain('/report/check-your-answers');
    expect(logged).not.toContain(REPORTER_ADDRESS);
    expect(logged).not.toContain('ReporterPhone');
    expect(logged).not.toContain('massage parlour');
    expect(logged).not.toContain('07700 900 321');
    expect(logged).not.toContain('another house');
    expect(logged).not.toContain(secret);
  });
});
