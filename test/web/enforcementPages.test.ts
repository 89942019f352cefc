import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { demoAccount, seedDemo } from '../support/fixtures.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

describe('operation record pages', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let fixture: EnforcementFixture;
  const clients = new Map<string, WebClient>();
  const as = async (role: Parameters<typeof demoAccount>[0], force?: string) => {
    const key = `${role}/${force ?? ''}`;
    let client = clients.get(key);
    if (client === undefined) {
      const account = demoAccount(role, force);
      client = new WebClient(app);
      await client.signIn(account.email, account.password);
      clients.set(key, client);
    }
    return client;
  };

  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    app = await buildTestApp(runtime);
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('lists an officer’s own force’s visits, newest first, with the premises', async () => {
    const page = await (await as('officer', 'metropolitan')).get('/visits');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Showing 1 to 3 of 3');
    expect(page.body.indexOf('/visits/' + fixture.visits.v3)).toBeLessThan(page.body.indexOf('/visits/' + fixture.visits.v1));
    expect(page.body).not.toContain(fixture.visits.v4);
  });

  it('finds people by name through the search box, and shows a possible child plainly', async () => {
    const client = await as('analyst');
    const page = await client.get('/people?name=NGUYEN');
    expect(page.body).toContain('Nguyễn Thị Lan');
    expect(page.body).not.toContain('POPESCU Ion');
    const children = await client.get('/people?role=potential-victim&order=name');
    expect(children.body).toContain('Possible child');
    expect(children.body).toContain('Showing 1 to 3 of 3');
  });

  it('shows a person’s record with their visit, arrests and the audit of the read', async () => {
    const page = await (await as('officer', 'metropolitan')).get(`/people/${fixture.people.popescu}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('POPESCU Ion');
    expect(page.body).toContain('Arrests (2)');
    expect(page.body).toContain(`/visits/${fixture.visits.v1}`);
  });

  it('answers another force’s record with the not-found page', async () => {
    const page = await (await as('officer', 'west-midlands')).get(`/visits/${fixture.visits.v1}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Page not found');
  });

  it('explains a date it cannot read with an error summary, keeping what was typed', async () => {
    const page = await (await as('analyst')).get('/visits?from=31%2F01%2F2007');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('govuk-error-summary');
    expect(page.body).toContain('value="31/01/2007"');
  });

  it('shows a supervisor their force’s results and an analyst every force’s with the national total', async () => {
    const own = await (await as('supervisor')).get('/results');
    expect(own.body).toContain('Metropolitan Police Service');
    expect(own.body).not.toContain('West Midlands Police');
    expect(own.body).toContain('£500.00');
    const national = await (await as('analyst')).get(`/results?operationId=${fixture.operationId}`);
    expect(national.body).toContain('West Midlands Police');
    expect(national.body).toContain('All forces');
    expect(national.body).toContain('a person arrested twice counts once');
  });
});
