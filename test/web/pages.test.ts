import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentTotpCode } from '../../src/security/totp.ts';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { demoAccount, organisationId, seedDemo } from '../support/fixtures.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

function revealed(html: string): string[] {
  return [...html.matchAll(/<p class="lifeline-secret">([^<]+)<\/p>|<li>([a-z0-9]{5}-[a-z0-9]{5})<\/li>/g)].map((m) => (m[1] ?? m[2] ?? '').trim());
}

describe('staff pages', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;

  beforeEach(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    app = await buildTestApp(runtime);
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('give each role a home page about its own work', async () => {
    const analyst = new WebClient(app);
    await analyst.signIn(demoAccount('analyst').email, demoAccount('analyst').password);
    const analystHome = (await analyst.get('/')).body;
    expect(analystHome).toContain('The national picture');
    expect(analystHome).not.toContain('Manage users');
    const admin = new WebClient(app);
    await admin.signIn(demoAccount('system-administrator').email, demoAccount('system-administrator').password);
    const adminHome = (await admin.get('/')).body;
    expect(adminHome).toContain('System administration');
    expect(adminHome).toContain('DEMO');
  });

  it('let an organisation administrator add a user, keeping what was typed when it is wrong', async () => {
    const admin = new WebClient(app);
    const account = demoAccount('organisation-administrator');
    await admin.signIn(account.email, account.password);
    await admin.get('/users/new');
    const met = await organisationId(runtime, 'metropolitan');
    const invalid = await admin.post('/users', { organisationId: met, displayName: 'Ana Popescu', email: 'not-an-email', roles: ['officer'] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('govuk-error-summary');
    expect(invalid.body).toContain('href="#email"');
    expect(invalid.body).toContain('value="Ana Popescu"');
    expect(invalid.body).toContain('value="not-an-email"');

    const created = await admin.post('/users', { organisationId: met, displayName: 'Ana Popescu', email: 'ana.popescu@met.example', roles: ['officer'] });
    expect(created.headers.location).toBe('/account/revealed');
    const reveal = await admin.get('/account/revealed');
    const [temporaryPassword] = revealed(reveal.body);
    expect(reveal.headers['cache-control']).toBe('no-store');
    // Shown once: a second visit does not show it again.
    expect((await admin.get('/account/revealed')).statusCode).toBe(303);

    const newcomer = new WebClient(app);
    await newcomer.signIn('ana.popescu@met.example', temporaryPassword ?? '');
    expect((await newcomer.get('/')).body).toContain('Ana Popescu');
  });

  it('escape what people typed when showing it', async () => {
    const admin = new WebClient(app);
    const account = demoAccount('organisation-administrator');
    await admin.signIn(account.email, account.password);
    await admin.get('/users/new');
    const met = await organisationId(runtime, 'metropolitan');
    await admin.post('/users', { organisationId: met, displayName: '<script>alert(1)</script> Ioana', email: 'ioana@met.example', roles: ['officer'] });
    const list = await admin.get(`/users?organisationId=${met}`);
    expect(list.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Ioana');
    expect(list.body).not.toContain('<script>alert(1)</script>');
  });

  it('let a person enrol an authenticator app from their account page, then require it', async () => {
    const officer = demoAccount('officer', 'metropolitan');
    const client = new WebClient(app);
    await client.signIn(officer.email, officer.password);
    const enrol = await client.get('/account/second-factor');
    expect(enrol.body).toContain('<svg');
    const [secret] = revealed(enrol.body);
    const wrong = await client.post('/account/second-factor', { code: '123456' });
    expect(wrong.statusCode).toBe(400);
    await client.post('/account/second-factor', { code: currentTotpCode(secret ?? '', runtime.testClock.clock()) });
    const codes = revealed((await client.get('/account/revealed')).body);
    expect(codes).toHaveLength(10);

    runtime.testClock.advanceMinutes(1);
    const again = new WebClient(app);
    await again.get('/sign-in');
    const password = await again.post('/sign-in', { email: officer.email, password: officer.password, next: '/account' });
    expect(password.headers.location).toBe('/sign-in/second-factor');
    expect((await again.get('/')).headers.location).toMatch(/^\/sign-in/);
    await again.get('/sign-in/second-factor');
    const verified = await again.post('/sign-in/second-factor', { code: currentTotpCode(secret ?? '', runtime.testClock.clock()) });
    // The page asked for before signing in survives the second factor.
    expect(verified.headers.location).toBe('/account');
    expect((await again.get('/')).statusCode).toBe(200);
  });

  it('force enrolment at first sign-in when a second factor is required', async () => {
    const strict = await openTestRuntime('sqlite', { requireSecondFactor: true });
    const strictApp = await buildTestApp(strict);
    try {
      await seedDemo(strict);
      const officer = demoAccount('officer', 'metropolitan');
      const client = new WebClient(strictApp);
      await client.get('/sign-in');
      const response = await client.post('/sign-in', { email: officer.email, password: officer.password });
      expect(response.headers.location).toBe('/sign-in/enrol');
      expect((await client.get('/')).headers.location).toMatch(/^\/sign-in/);
      const [secret] = revealed((await client.get('/sign-in/enrol')).body);
      const confirmed = await client.post('/sign-in/enrol', { code: currentTotpCode(secret ?? '', strict.testClock.clock()) });
      expect(confirmed.headers.location).toBe('/account/revealed');
      expect(revealed((await client.get('/account/revealed')).body)).toHaveLength(10);
      expect((await client.get('/')).statusCode).toBe(200);
    } finally {
      await strictApp.close();
      await strict.dispose();
    }
  });

  it('let a person create and revoke an API token on their account page', async () => {
    const analyst = demoAccount('analyst');
    const client = new WebClient(app);
    await client.signIn(analyst.email, analyst.password);
    const invalid = await client.post('/account/tokens', { name: '', expiresInDays: '999' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('href="#expiresInDays"');
    await client.post('/account/tokens', { name: 'figures script', expiresInDays: '30' });
    const [token] = revealed((await client.get('/account/revealed')).body);
    const api = new WebClient(app, token);
    expect((await api.get('/api/v1/me')).statusCode).toBe(200);
    const account = await client.get('/account');
    const tokenId = /\/account\/tokens\/([^/]+)\/revoke/.exec(account.body)?.[1] ?? '';
    await client.post(`/account/tokens/${tokenId}/revoke`);
    expect((await api.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('show a supervisor their organisation’s audit trail, and a system administrator the chain’s verdict', async () => {
    const supervisor = demoAccount('supervisor');
    const client = new WebClient(app);
    await client.signIn(supervisor.email, supervisor.password);
    const audit = await client.get('/audit');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('sign-in');
    expect(audit.body).not.toContain('Verify the audit chain');

    const systemAdmin = demoAccount('system-administrator');
    const admin = new WebClient(app);
    await admin.signIn(systemAdmin.email, systemAdmin.password);
    await admin.get('/audit');
    const verdict = await admin.post('/audit/verify');
    expect(verdict.body).toContain('The chain is intact');
  });

  it('let a system administrator add and change organisations', async () => {
    const systemAdmin = demoAccount('system-administrator');
    const client = new WebClient(app);
    await client.signIn(systemAdmin.email, systemAdmin.password);
    await client.get('/organisations/new');
    const invalid = await client.post('/organisations', { code: 'Bad Code', name: '', kind: '', jurisdiction: '' });
    expect(invalid.statusCode).toBe(400);
    expect([...invalid.body.matchAll(/govuk-error-summary__list[\s\S]*?<\/ul>/g)][0]?.[0].match(/<li>/g)).toHaveLength(4);
    const created = await client.post('/organisations', { code: 'charity-haven', name: 'Haven (test)', kind: 'support-charity', jurisdiction: 'northern-ireland' });
    expect(created.headers.location).toBe('/organisations');
    const list = await client.get('/organisations');
    expect(list.body).toContain('Haven (test)');
    expect(list.body).toContain('Haven (test) added');
  });
});
