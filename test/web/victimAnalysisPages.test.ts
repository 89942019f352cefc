import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../src/demo/signInAccounts.ts';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { NAMED_ADULT, setToday } from '../support/victimCareFixture.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

describe('victim care for analysts, and the supervisor’s access grants', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let victimId: string;

  const signedIn = async (account: DemoAccount): Promise<WebClient> => {
    const client = new WebClient(app);
    await client.signIn(account.email, account.password);
    return client;
  };

  beforeEach(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    app = await buildTestApp(runtime);
    setToday(runtime, '2026-03-02');
    victimId = (await runtime.services.potentialVictims.create(await actorFor(runtime, demoAccount('officer', 'metropolitan')), NAMED_ADULT)).id;
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('shows analysts a pseudonym and no name until a supervisor grants access, with errors summarised and the purpose kept', async () => {
    const analyst = await signedIn(demoAccount('analyst', 'national-centre'));
    expect((await analyst.get('/')).body).toContain('href="/victim-analysis"');
    const list = await analyst.get('/victim-analysis');
    expect(list.statusCode).toBe(200);
    const pseudonym = /PV-[0-9A-Z]{10}/.exec(list.body)?.[0] ?? '';
    expect(pseudonym).not.toBe('');
    expect(list.body).toContain('25 to 34');
    for (const secret of [NAMED_ADULT.fullName, 'Quayside', victimId]) expect(list.body).not.toContain(secret);

    const supervisor = await signedIn(demoAccount('supervisor', 'metropolitan'));
    expect((await supervisor.get(`/victims/${victimId}`)).body).toContain(`href="/victims/${victimId}/access-grants"`);
    const page = await supervisor.get(`/victims/${victimId}/access-grants`);
    expect(page.statusCode).toBe(200);
    const analystId = (await actorFor(runtime, demoAccount('analyst', 'national-centre'))).userId;
    expect(page.body).toContain(`value="${analystId}"`);
    const refused = await supervisor.post(`/victims/${victimId}/access-grants`, { analystId, purpose: 'Check against the network chart', days: '90' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#days"');
    expect(refused.body).toContain('Check against the network chart');
    expect((await supervisor.post(`/victims/${victimId}/access-grants`, { analystId, purpose: 'Check against the network chart', days: '3' })).statusCode).toBe(303);
    const twice = await supervisor.post(`/victims/${victimId}/access-grants`, { analystId, purpose: 'again', days: '3' });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('already has access');

    const granted = await analyst.get('/victim-analysis');
    expect(granted.body).toContain(pseudonym);
    const grantId = /href="\/victim-access-grants\/([0-9a-f-]{36})"/.exec(granted.body)?.[1] ?? '';
    const record = await analyst.get(`/victim-access-grants/${grantId}`);
    expect(record.statusCode).toBe(200);
    expect(record.body).toContain(NAMED_ADULT.fullName);
    expect(record.body).toContain('Check against the network chart');

    expect((await supervisor.post(`/victim-access-grants/${grantId}/revoke`)).statusCode).toBe(303);
    expect((await analyst.get(`/victim-access-grants/${grantId}`)).statusCode).toBe(404);
    const officer = await signedIn(demoAccount('officer', 'metropolitan'));
    expect((await officer.get(`/victims/${victimId}`)).body).not.toContain('/access-grants');
  });
});
