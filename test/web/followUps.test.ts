import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

function submissionIdIn(html: string): string {
  const match = /name="submissionId" value="([^"]+)"/.exec(html);
  if (match?.[1] === undefined) throw new Error('The form has no submission id');
  return match[1];
}

describe('follow-ups on the staff pages', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let fixture: EnforcementFixture;
  let supervisor: WebClient;
  let officer: WebClient;
  let officerId: string;

  const signedIn = async (role: 'officer' | 'supervisor', force: string) => {
    const client = new WebClient(app);
    const account = demoAccount(role, force);
    await client.signIn(account.email, account.password);
    return client;
  };

  beforeEach(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    app = await buildTestApp(runtime);
    supervisor = await signedIn('supervisor', 'metropolitan');
    officer = await signedIn('officer', 'metropolitan');
    officerId = (await actorFor(runtime, demoAccount('officer', 'metropolitan'))).userId;
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('lets a supervisor assign from a record’s page, the officer find it and mark it done', async () => {
    const personPage = await supervisor.get(`/people/${fixture.people.lan}`);
    expect(personPage.body).toContain(`href="/follow-ups/person-found/${fixture.people.lan}/new"`);
    expect(personPage.body).toContain('href="/follow-ups/force"');
    expect((await officer.get(`/people/${fixture.people.lan}`)).body).not.toContain('Assign a follow-up');

    const url = `/follow-ups/person-found/${fixture.people.lan}/new`;
    const form = await supervisor.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Priya Shah (demo officer)');
    const fields = { submissionId: submissionIdIn(form.body), assigneeId: officerId, 'dueOn-day': '9', 'dueOn-month': '3', 'dueOn-year': '2026', note: 'Arrange a second interview' };
    const assigned = await supervisor.post(url, fields);
    expect(assigned.statusCode).toBe(303);
    const location = String(assigned.headers.location);
    expect(location).toMatch(/^\/follow-ups\/[0-9a-f-]{36}$/);
    // A second post of the same form makes no second follow-up.
    expect((await supervisor.post(url, fields)).headers.location).toBe(location);

    const mine = await officer.get('/follow-ups');
    expect(mine.body).toContain('My follow-ups');
    expect(mine.body).toContain(`href="${location}"`);
    expect(mine.body).toContain('href="/follow-ups"');
    expect(mine.body).not.toContain('href="/follow-ups/force"');
    const detail = await officer.get(location);
    expect(detail.body).toContain('Arrange a second interview');
    expect(detail.body).toContain('Mark as done');

    const empty = await officer.post(`${location}/complete`, { outcome: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('There is a problem');
    expect(empty.body).toContain('<a href="#outcome">Enter what was done</a>');
    const done = await officer.post(`${location}/complete`, { outcome: 'Interviewed with an interpreter' });
    expect(done.statusCode).toBe(303);
    const shown = await officer.get(location);
    expect(shown.body).toContain('Interviewed with an interpreter');
    expect(shown.body).not.toContain('Mark as done</button>');

    const history = await supervisor.get(`/people/${fixture.people.lan}`);
    expect(history.body).toContain('Follow-up assigned to Priya Shah (demo officer), due 2026-03-09');
    expect(history.body).toContain('Follow-up marked done');
  });

  it('refuses an incomplete assignment with the error summary, keeping what was typed', async () => {
    const url = `/follow-ups/visit/${fixture.visits.v1}/new`;
    const form = await supervisor.get(url);
    const refused = await supervisor.post(url, { submissionId: submissionIdIn(form.body), assigneeId: '', 'dueOn-day': '40', 'dueOn-month': '3', 'dueOn-year': '2026', note: 'Revisit at night' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('<a href="#assigneeId">Select an officer of your force</a>');
    expect(refused.body).toContain('<a href="#dueOn-day">The due date must be a real date');
    expect(refused.body).toContain('Revisit at night');
    expect(refused.body).toContain('value="40"');
  });

  it('shows the supervisor the force’s overdue follow-ups, and hides them from other forces', async () => {
    // Made a fortnight ago and due last week (the clock stands at 2 March 2026); sessions would not outlast moving the clock on.
    const followUp = {
      id: '01900000-0000-7000-8000-0000000000f1', organisation_id: fixture.met, subject_type: 'visit', subject_id: fixture.visits.v1, assigned_to: officerId,
      assigned_by: null, due_on: '2026-02-23', note: 'Check the CCTV', status: 'open', outcome: null, completed_by: null, completed_at: null,
      created_at: '2026-02-16T09:00:00.000Z', updated_at: '2026-02-16T09:00:00.000Z',
    };
    await runtime.store.repositories.followUps.insert(followUp);
    const force = await supervisor.get('/follow-ups/force');
    expect(force.statusCode).toBe(200);
    expect(force.body).toContain('Overdue (1)');
    expect(force.body).toContain(`href="/follow-ups/${followUp.id}"`);
    expect((await officer.get('/follow-ups/force')).statusCode).toBe(403);
    const westMidlands = await signedIn('officer', 'west-midlands');
    expect((await westMidlands.get(`/follow-ups/${followUp.id}`)).statusCode).toBe(404);
    expect((await westMidlands.get('/follow-ups')).body).not.toContain(followUp.id);
  });
});
