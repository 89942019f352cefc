// The reminder scheduler on both databases: each reminder becomes one notification per
// recipient and one email, even with two instances running at once; failed sends are retried
// with backoff and given up after the last attempt.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { EMAIL_MAX_ATTEMPTS } from '../../../src/domain/emailRetry.ts';
import type { Runtime } from '../../../src/runtime.ts';
import { ReminderScheduler, type ReminderRunSummary } from '../../../src/services/reminders/scheduler.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../../support/fixtures.ts';
import { openSiblingRuntime } from '../../support/siblingRuntime.ts';
import { FixedReminderSource } from './fixedSource.ts';
import { RecordingTransport } from './recordingTransport.ts';

describeEachDatabase('reminder scheduler', (dialect) => {
  let runtime: TestRuntime;
  let sibling: Runtime | null;
  let transport: RecordingTransport;
  let source: FixedReminderSource;
  let users: { officer: string; supervisor: string; decisionMaker: string; disabled: string };

  beforeEach(async () => {
    transport = new RecordingTransport();
    runtime = await openTestRuntime(dialect);
    sibling = null;
    // The test runtime's own transport is replaced by the recording one.
    await runtime.reminders.stop();
    runtime.reminders = new ReminderScheduler({ context: runtime.services.context, sources: runtime.services.reminderSources, transport, email: { from: 'Lifeline <no-reply@lifeline.invalid>', staffBaseUrl: 'https://lifeline.example' }, intervalSeconds: 0 });
    await seedDemo(runtime);
    const id = async (role: Parameters<typeof demoAccount>[0]) => (await actorFor(runtime, demoAccount(role))).userId;
    users = { officer: await id('officer'), supervisor: await id('supervisor'), decisionMaker: await id('decision-maker'), disabled: await id('analyst') };
    await runtime.store.repositories.users.update(users.disabled, { disabled_at: '2026-03-01T00:00:00.000Z' });
    source = new FixedReminderSource();
    runtime.services.reminderSources.push(source);
  });
  afterEach(async () => {
    await sibling?.close();
    await runtime.dispose();
  });

  function decisionsDue(count: number) {
    return Array.from({ length: count }, (_, n) => ({
      recipientUserIds: [users.decisionMaker, users.supervisor, users.disabled, users.supervisor],
      kind: 'rg-decision-due',
      title: `Reasonable-grounds decision due for referral R-${n}`,
      link: `/referrals/r-${n}`,
      dedupeKey: `rg-decision-due:r-${n}:2026-03-09`,
    }));
  }

  async function outbox() {
    return runtime.database.db.selectFrom('email_outbox').selectAll().orderBy('created_at').execute();
  }

  it('stores a reminder once per enabled recipient, sends its email, and does nothing more when it is found again', async () => {
    source.reminders = decisionsDue(2);
    const first = await runtime.reminders.runOnce();
    expect(first).toMatchObject({ found: 2, notificationsCreated: 4, emailsQueued: 4, sent: 4, retrying: 0, failed: 0, refused: 0 });
    const second = await runtime.reminders.runOnce();
    expect(second).toMatchObject({ found: 2, notificationsCreated: 0, emailsQueued: 0, sent: 0 });

    const decisionMakerEmail = demoAccount('decision-maker').email;
    const supervisorEmail = demoAccount('supervisor').email;
    expect(transport.sent.map((email) => email.to).sort()).toEqual([decisionMakerEmail, decisionMakerEmail, supervisorEmail, supervisorEmail].sort());
    const email = transport.sent[0];
    expect(email?.subject).toMatch(/^Reasonable-grounds decision due for referral R-\d$/);
    expect(email?.text).toContain('Open it: https://lifeline.example/referrals/r-');
    const rows = await outbox();
    expect(rows.map((row) => row.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(rows.every((row) => Number(row.attempts) === 1 && row.claimed_by === null && row.sent_at !== null)).toBe(true);

    const decisionMaker = await actorFor(runtime, demoAccount('decision-maker'));
    const list = await runtime.services.notifications.listOwn(decisionMaker);
    expect(list.map((n) => n.title).sort()).toEqual(['Reasonable-grounds decision due for referral R-0', 'Reasonable-grounds decision due for referral R-1']);
    const disabledNotifications = await runtime.database.db.selectFrom('notifications').select('id').where('recipient_user_id', '=', users.disabled).execute();
    expect(disabledNotifications).toEqual([]);
  });

  it('with two instances on one database running at the same time, creates each notification once and sends each email once', async () => {
    sibling = await openSiblingRuntime(runtime, { mailTransport: transport });
    sibling.services.reminderSources.push(source);
    source.reminders = decisionsDue(12);
    const summaries: ReminderRunSummary[] = [];
    for (let round = 0; round < 3; round += 1) {
      summaries.push(...await Promise.all([runtime.reminders.runOnce(), sibling.reminders.runOnce(), runtime.reminders.runOnce(), sibling.reminders.runOnce()]));
    }
    const total = (key: 'notificationsCreated' | 'emailsQueued' | 'sent') => summaries.reduce((sum, summary) => sum + summary[key], 0);
    expect(total('notificationsCreated')).toBe(24);
    expect(total('emailsQueued')).toBe(24);
    expect(total('sent')).toBe(24);
    // Each email handed to the mail server once: 24 distinct outbox ids, none twice.
    expect(transport.sent).toHaveLength(24);
    expect(new Set(transport.sent.map((email) => email.id)).size).toBe(24);
    const rows = await outbox();
    expect(rows).toHaveLength(24);
    expect(rows.every((row) => row.status === 'sent' && Number(row.attempts) === 1)).toBe(true);
    const notifications = await runtime.database.db.selectFrom('notifications').select(['recipient_user_id', 'dedupe_key']).execute();
    expect(notifications).toHaveLength(24);
    expect(new Set(notifications.map((n) => `${n.recipient_user_id}|${n.dedupe_key}`)).size).toBe(24);
  });

  it('never hands one email to two instances claiming at the same moment', async () => {
    sibling = await openSiblingRuntime(runtime);
    source.reminders = decisionsDue(20);
    // Queue without sending: the transport fails every send of this first run, so all stay pending for a minute.
    transport.failNext(40);
    await runtime.reminders.runOnce();
    runtime.testClock.advanceMinutes(2);
    const now = runtime.testClock.clock();
    const lease = (claimant: string) => ({ claimant, now: now.toISOString(), until: new Date(now.getTime() + 60_000).toISOString(), limit: 15 });
    const [a, b] = await Promise.all([runtime.store.repositories.emailOutbox.claimDue(lease('a')), sibling.store.repositories.emailOutbox.claimDue(lease('b'))]);
    const ids = [...a, ...b].map((row) => row.id);
    expect(ids).toHaveLength(new Set(ids).size);
    expect(ids).toHaveLength(30);
    // Leased rows are not claimable again until the lease runs out; then they are.
    expect(await runtime.store.repositories.emailOutbox.claimDue(lease('c'))).toHaveLength(10);
    runtime.testClock.advanceMinutes(2);
    const later = runtime.testClock.clock();
    expect(await runtime.store.repositories.emailOutbox.claimDue({ ...lease('d'), now: later.toISOString(), limit: 100 })).toHaveLength(40);
  });

  it('retries a failed email with a growing wait and marks it failed after the last attempt, without the address in the stored error', async () => {
    source.reminders = decisionsDue(1).map((reminder) => ({ ...reminder, recipientUserIds: [users.officer] }));
    transport.failNext(100);
    const logged: string[] = [];
    const remember = (details: object, message: string) => { logged.push(`${message} ${JSON.stringify(details)}`); };
    const logger = { info: remember, warn: remember, error: remember };
    const first = await runtime.reminders.runOnce(logger);
    expect(first).toMatchObject({ notificationsCreated: 1, sent: 0, retrying: 1, failed: 0 });
    let [row] = await outbox();
    expect(row).toMatchObject({ status: 'pending', last_error: 'ECONNECTION', claimed_by: null });
    expect(Number(row?.attempts)).toBe(1);
    expect(row?.next_attempt_at).toBe('2026-03-02T09:01:00.000Z');

    // Not due yet: nothing is tried.
    expect(await runtime.reminders.runOnce()).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    const waits: number[] = [];
    for (let attempt = 2; attempt <= EMAIL_MAX_ATTEMPTS; attempt += 1) {
      runtime.testClock.advanceMinutes(60);
      const summary = await runtime.reminders.runOnce(logger);
      [row] = await outbox();
      expect(Number(row?.attempts)).toBe(attempt);
      if (attempt < EMAIL_MAX_ATTEMPTS) {
        expect(summary.retrying).toBe(1);
        waits.push((Date.parse(row?.next_attempt_at ?? '') - runtime.testClock.clock().getTime()) / 60_000);
      } else {
        expect(summary.failed).toBe(1);
      }
    }
    expect(waits).toEqual([2, 4, 8, 16]);
    expect(row?.status).toBe('failed');
    expect(row?.last_error).not.toContain('@');
    // Each attempt was logged, by outbox id and error code: never the address, title or text.
    expect(logged).toHaveLength(EMAIL_MAX_ATTEMPTS);
    expect(logged.at(-1)).toBe(`A reminder email failed for good {"outboxId":"${row?.id ?? ''}","attempts":${EMAIL_MAX_ATTEMPTS},"error":"ECONNECTION"}`);
    for (const line of logged) {
      expect(line).not.toContain('@');
      expect(line).not.toContain('Reasonable-grounds');
    }
    runtime.testClock.advanceMinutes(24 * 60);
    expect(await runtime.reminders.runOnce()).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    expect(transport.sent).toEqual([]);
  });

  it('sends an email that failed once when it is retried', async () => {
    source.reminders = decisionsDue(1).map((reminder) => ({ ...reminder, recipientUserIds: [users.officer] }));
    transport.failNext(1);
    await runtime.reminders.runOnce();
    runtime.testClock.advanceMinutes(1);
    expect(await runtime.reminders.runOnce()).toMatchObject({ sent: 1 });
    const [row] = await outbox();
    expect(row).toMatchObject({ status: 'sent', last_error: null });
    expect(Number(row?.attempts)).toBe(2);
    expect(transport.sent).toHaveLength(1);
  });

  it('refuses malformed reminders and carries on when a source fails', async () => {
    const broken = { name: 'broken', dueReminders: () => Promise.reject(new Error('boom')) };
    runtime.services.reminderSources.unshift(broken);
    const good = decisionsDue(1)[0];
    if (good === undefined) throw new Error('no reminder');
    source.reminders = [
      good,
      { ...good, dedupeKey: 'outside', link: '//evil.example/phish' },
      { ...good, dedupeKey: 'outside-2', link: 'https://evil.example/' },
      { ...good, dedupeKey: 'multi-line', title: 'Subject\r\nBcc: someone@example.com' },
      { ...good, dedupeKey: '' },
      { ...good, dedupeKey: 'nobody', recipientUserIds: [] },
    ];
    const summary = await runtime.reminders.runOnce();
    expect(summary).toMatchObject({ found: 6, refused: 5, notificationsCreated: 2, sent: 2, failedSources: ['broken'] });
  });

  it('clears the address and text of sent emails after 30 days, and does not email a reminder still due again', async () => {
    source.reminders = decisionsDue(1);
    await runtime.reminders.runOnce();
    runtime.testClock.advanceMinutes(29 * 24 * 60);
    expect(await runtime.reminders.runOnce()).toMatchObject({ cleared: 0, emailsQueued: 0 });
    runtime.testClock.advanceMinutes(2 * 24 * 60);
    expect(await runtime.reminders.runOnce()).toMatchObject({ cleared: 2, emailsQueued: 0, sent: 0 });
    const rows = await outbox();
    expect(rows.map((row) => [row.status, row.recipient_address, row.subject, row.body])).toEqual([['sent', '', '', ''], ['sent', '', '', '']]);
    expect(await runtime.database.db.selectFrom('notifications').select('id').execute()).toHaveLength(2);
    expect(transport.sent).toHaveLength(2);
  });
});
