// A first responder's own screening on the staff pages, without JavaScript: the form without the
// caller's questions, advice only refused for a possible child with the error summary, a referral
// that also alerts the force, and the list of their own screenings with what became of each.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { demoAccount, organisationId, seedDemo } from '../support/fixtures.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

function submissionIdIn(html: string): string {
  const match = /name="submissionId" value="([^"]+)"/.exec(html);
  if (match?.[1] === undefined) throw new Error('The form has no submission id');
  return match[1];
}

describe('a first responder’s own screenings', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;

  const signedIn = async (organisation: string) => {
    const client = new WebClient(app);
    const account = demoAccount('first-responder', organisation);
    await client.signIn(account.email, account.password);
    return client;
  };

  beforeEach(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    app = await buildTestApp(runtime);
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('screens a possible child, refuses advice only, saves a referral that alerts the force, and lists it for its screener only', async () => {
    const socialWorker = await signedIn('la-riverside');
    expect((await socialWorker.get('/')).body).toContain('href="/screenings/new"');
    const form = await socialWorker.get('/screenings/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('action="/screenings/new"');
    expect(form.body).not.toContain('Who is calling');
    const fields = {
      submissionId: submissionIdIn(form.body), situation: 'A girl of about 14 cleans a house on Canal Street at night.', possibleChild: 'yes',
      advice: 'Referred her and asked the police to look at the house.', outcome: 'advice-only',
    };
    const refused = await socialWorker.post('/screenings/new', fields);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('a call about a possible child cannot end as advice only');
    expect(refused.body).toContain('Canal Street at night');

    const saved = await socialWorker.post('/screenings/new', {
      ...fields, outcome: 'referral', alsoAlertForce: 'yes', consent: 'not-possible', fullName: 'Lena', sex: 'female',
      localAuthorityId: await organisationId(runtime, 'la-riverside'), address: '4 Canal Street', postcode: 'B1 1AA',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/screenings');
    const list = await socialWorker.get('/screenings');
    expect(list.body).toContain('Screening saved');
    expect(list.body).toContain('Possible child');
    expect(list.body).toMatch(/Referred to [^<]+\(Competent authority \(for a decision\)\): Waiting for an answer/);
    expect(list.body).toMatch(/Alert LL-[0-9A-Z]{4}-[0-9A-Z]{4} to West Midlands Police: New/);

    const other = await signedIn('immigration-heathrow');
    expect((await other.get('/screenings')).body).toContain('You have not screened anyone yet.');
  });
});
