import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/web/sessions.ts';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { demoAccount, seedDemo } from '../support/fixtures.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

class LogCapture extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    this.lines.push(chunk.toString('utf8'));
    callback();
  }
}

describe('web security of the staff surface', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let logs: LogCapture;
  const officer = demoAccount('officer', 'metropolitan');

  beforeEach(async () => {
    runtime = await openTestRuntime('sqlite', { logLevel: 'info', signInRateLimitPerMinute: 5 });
    await seedDemo(runtime);
    logs = new LogCapture();
    app = await buildTestApp(runtime, { logStream: logs });
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('sends a nonce-based Content-Security-Policy that the page’s one inline script carries', async () => {
    const response = await app.inject({ url: '/sign-in' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(response.body).toContain(`<script nonce="${nonce ?? 'missing'}">`);
    expect(response.body).not.toMatch(/<script(?![^>]*nonce)(?![^>]*src=)[^>]*>/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a form posted without its CSRF token', async () => {
    const client = new WebClient(app);
    await client.signIn(officer.email, officer.password);
    const response = await client.post('/account/password', { currentPassword: officer.password, newPassword: 'lantern harbour violet' }, { withCsrf: false });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('This form has expired');
    expect(await runtime.services.authentication.signIn(officer.email, officer.password, null)).toMatchObject({ kind: 'accepted' });
  });

  it('sets an HttpOnly, SameSite session cookie, and a new session id at sign-in', async () => {
    const client = new WebClient(app);
    const page = await app.inject({ url: '/sign-in' });
    const before = page.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(before).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await client.get('/sign-in');
    const anonymousId = client.cookie(SESSION_COOKIE);
    await client.signIn(officer.email, officer.password);
    expect(client.cookie(SESSION_COOKIE)).toBeDefined();
    expect(client.cookie(SESSION_COOKIE)).not.toBe(anonymousId);
  });

  it('ends an idle session, and any session past its absolute limit', async () => {
    const client = new WebClient(app);
    await client.signIn(officer.email, officer.password);
    expect((await client.get('/')).statusCode).toBe(200);
    runtime.testClock.advanceMinutes(runtime.config.sessionIdleMinutes + 1);
    expect((await client.get('/')).headers.location).toMatch(/^\/sign-in/);

    const busy = new WebClient(app);
    await busy.signIn(officer.email, officer.password);
    for (let hour = 0; hour < runtime.config.sessionAbsoluteHours; hour += 1) {
      runtime.testClock.advanceMinutes(runtime.config.sessionIdleMinutes - 1);
      await busy.get('/');
      runtime.testClock.advanceMinutes(60 - (runtime.config.sessionIdleMinutes - 1));
      await busy.get('/');
    }
    runtime.testClock.advanceMinutes(5);
    expect((await busy.get('/')).headers.location).toMatch(/^\/sign-in/);
  });

  it('signs out for good: the old cookie no longer works', async () => {
    const client = new WebClient(app);
    await client.signIn(officer.email, officer.password);
    const cookie = client.cookie(SESSION_COOKIE) ?? '';
    await client.post('/sign-out');
    const replay = await app.inject({ url: '/', headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toMatch(/^\/sign-in/);
  });

  it('shows the same error summary for a wrong password and an unknown account', async () => {
    const client = new WebClient(app);
    await client.get('/sign-in');
    const wrong = await client.post('/sign-in', { email: officer.email, password: 'not the right one' });
    const unknown = await client.post('/sign-in', { email: 'nobody@nowhere.example', password: 'not the right one' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const summary = (html: string) => /<div class="govuk-error-summary"[\s\S]*?<\/div>\s*<\/div>/.exec(html)?.[0];
    expect(summary(wrong.body)).toContain('Enter a correct email address and password');
    expect(summary(wrong.body)).toEqual(summary(unknown.body));
    expect(wrong.body).toContain('<title>Error: Sign in');
    // What was typed in the email field is kept for the next attempt.
    expect(unknown.body).toContain('value="nobody@nowhere.example"');
  });

  it('limits the rate of sign-in attempts', async () => {
    const client = new WebClient(app);
    await client.get('/sign-in');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) statuses.push((await client.post('/sign-in', { email: 'x@y.example', password: 'whatever it is' })).statusCode);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('keeps passwords, emails, cookies and query strings out of the logs', async () => {
    const client = new WebClient(app);
    await client.signIn(officer.email, officer.password);
    await client.get('/organisations?search=Nguyen%20Thi%20Lan');
    const logged = logs.lines.join('');
    expect(logged).toContain('"statusCode":200');
    expect(logged).not.toContain(officer.password);
    expect(logged).not.toContain(officer.email);
    expect(logged).not.toContain('Nguyen');
    expect(logged).not.toContain(client.cookie(SESSION_COOKIE) ?? 'no-cookie');
  });

  it('answers unknown pages with the 404 page and never shows a stack trace outside development', async () => {
    const missing = await app.inject({ url: '/no/such/page' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Page not found');
    expect(runtime.config.environment).toBe('test');
    const broken = await app.inject({ url: '/organisations/not-a-uuid', headers: {} });
    expect(broken.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('keeps a locked-out person out of every page', async () => {
    for (let attempt = 0; attempt < runtime.config.lockoutThreshold; attempt += 1) {
      await runtime.services.authentication.signIn(officer.email, `wrong ${attempt}`, null);
    }
    const client = new WebClient(app);
    await client.get('/sign-in');
    expect((await client.post('/sign-in', { email: officer.email, password: officer.password })).statusCode).toBe(401);
  });
});
