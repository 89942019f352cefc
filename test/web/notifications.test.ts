// The Notifications page and API: every signed-in person has them, sees only their own
// reminders, can mark one or all as read, and sees the unread count in the menu.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';
import { FixedReminderSource } from '../services/reminders/fixedSource.ts';

interface NotificationList { unreadCount: number; notifications: Array<{ id: string; title: string; link: string; readAt: string | null }> }

describeEachDatabase('notifications page and API', (dialect) => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let officerPages: WebClient;
  let supervisorPages: WebClient;
  let officerApi: WebClient;
  let supervisorApi: WebClient;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    const officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const supervisor = await actorFor(runtime, demoAccount('supervisor'));
    runtime.services.reminderSources.push(new FixedReminderSource([
      { recipientUserIds: [officer.userId], kind: 'test', title: 'Visit report for V-1 <due>', link: '/visits', dedupeKey: 'test:v-1' },
      { recipientUserIds: [officer.userId], kind: 'test', title: 'Visit report for V-2', link: '/visits', dedupeKey: 'test:v-2' },
      { recipientUserIds: [supervisor.userId], kind: 'test', title: 'Review for the supervisor only', link: '/results', dedupeKey: 'test:s-1' },
    ]));
    await runtime.reminders.runOnce();
    app = await buildTestApp(runtime);
    officerPages = new WebClient(app);
    await officerPages.signIn(demoAccount('officer', 'metropolitan').email, demoAccount('officer', 'metropolitan').password);
    supervisorPages = new WebClient(app);
    await supervisorPages.signIn(demoAccount('supervisor').email, demoAccount('supervisor').password);
    officerApi = new WebClient(app, (await runtime.services.apiTokens.create(officer, 'test', null)).secret);
    supervisorApi = new WebClient(app, (await runtime.services.apiTokens.create(supervisor, 'test', null)).secret);
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('lists only the person’s own notifications, escaped, with the unread count in the menu', async () => {
    const page = await officerPages.get('/notifications');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Visit report for V-1 &lt;due&gt;');
    expect(page.body).toContain('Visit report for V-2');
    expect(page.body).not.toContain('Review for the supervisor only');
    expect(page.body).toContain('You have 2 unread notifications.');
    const home = await officerPages.get('/');
    expect(home.body).toMatch(/href="\/notifications"[^>]*>\s*Notifications <strong class="lifeline-count">2<span class="govuk-visually-hidden"> unread<\/span><\/strong>/);
  });

  it('marks one as read, refuses another person’s as not found, and marks all as read', async () => {
    const own = (await officerApi.get('/api/v1/notifications')).json<NotificationList>();
    const supervisors = (await supervisorApi.get('/api/v1/notifications')).json<NotificationList>();
    const first = own.notifications[0];
    const theirs = supervisors.notifications[0];
    if (first === undefined || theirs === undefined) throw new Error('no notifications');

    await officerPages.get('/notifications');
    expect((await officerPages.post(`/notifications/${theirs.id}/read`)).statusCode).toBe(404);
    expect((await officerApi.request('POST', `/api/v1/notifications/${theirs.id}/read`, {})).statusCode).toBe(404);
    expect((await supervisorApi.get('/api/v1/notifications')).json<NotificationList>().unreadCount).toBe(1);

    const marked = await officerPages.post(`/notifications/${first.id}/read`);
    expect(marked.statusCode).toBe(303);
    expect(marked.headers.location).toBe('/notifications');
    const after = await officerPages.get('/notifications');
    expect(after.body).toContain('You have 1 unread notification.');
    expect((await officerApi.get('/api/v1/notifications?unread=true')).json<NotificationList>().notifications.map((n) => n.title)).toEqual(own.notifications.filter((n) => n.id !== first.id).map((n) => n.title));

    const all = await officerPages.post('/notifications/read-all');
    expect(all.statusCode).toBe(303);
    const final = await officerPages.get('/notifications');
    expect(final.body).toContain('1 notification marked as read');
    expect(final.body).not.toContain('unread notification');
    expect(final.body).not.toContain('lifeline-count');
    expect((await officerApi.get('/api/v1/notifications')).json<NotificationList>()).toMatchObject({ unreadCount: 0 });
  });

  it('marks by API, answering with the notification, and marks all by API', async () => {
    const own = (await supervisorApi.get('/api/v1/notifications')).json<NotificationList>();
    expect(own).toMatchObject({ unreadCount: 1, notifications: [{ title: 'Review for the supervisor only', link: '/results', readAt: null }] });
    const id = own.notifications[0]?.id ?? '';
    const marked = await supervisorApi.request('POST', `/api/v1/notifications/${id}/read`, {});
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toMatchObject({ id, readAt: '2026-03-02T09:00:00.000Z' });
    expect((await officerApi.request('POST', '/api/v1/notifications/read-all', {})).json()).toEqual({ marked: 2 });
    expect((await officerApi.request('POST', '/api/v1/notifications/read-all', {})).json()).toEqual({ marked: 0 });
    // The supervisor's read mark did not touch the officer's, nor the other way round.
    expect((await supervisorApi.get('/api/v1/notifications')).json<NotificationList>().notifications[0]?.readAt).toBe('2026-03-02T09:00:00.000Z');
  });
});
