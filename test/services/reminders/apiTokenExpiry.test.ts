// The reminder source built from data Lifeline holds today: a personal API token about to expire.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { UserActor } from '../../../src/access/actor.ts';
import { ApiTokenExpirySource } from '../../../src/services/reminders/apiTokenExpiry.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../../support/fixtures.ts';

describeEachDatabase('API token expiry reminders', (dialect) => {
  let runtime: TestRuntime;
  let officer: UserActor;
  let analyst: UserActor;
  let source: ApiTokenExpirySource;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    analyst = await actorFor(runtime, demoAccount('analyst'));
    source = new ApiTokenExpirySource(runtime.services.context);
  });
  afterEach(async () => runtime.dispose());

  it('reminds the owner a week before a token expires, once per token and expiry date', async () => {
    const { token } = await runtime.services.apiTokens.create(officer, 'weekly figures', 10);
    await runtime.services.apiTokens.create(officer, 'never expires', null);
    expect(await source.dueReminders(runtime.testClock.clock())).toEqual([]);
    runtime.testClock.advanceMinutes(3 * 24 * 60 + 1);
    const due = await source.dueReminders(runtime.testClock.clock());
    expect(due).toEqual([{
      recipientUserIds: [officer.userId], kind: 'api-token-expiring', title: 'Your API token “weekly figures” expires on 12 March 2026',
      link: '/account#api-tokens', dedupeKey: `api-token-expiring:${token.id}:2026-03-12`,
    }]);
    // Found again a day later: the same key, so the scheduler makes nothing new.
    runtime.testClock.advanceMinutes(24 * 60);
    expect((await source.dueReminders(runtime.testClock.clock())).map((r) => r.dedupeKey)).toEqual(due.map((r) => r.dedupeKey));
    // Once expired it is no longer due.
    runtime.testClock.advanceMinutes(7 * 24 * 60);
    expect(await source.dueReminders(runtime.testClock.clock())).toEqual([]);
  });

  it('says nothing about revoked tokens or tokens of disabled accounts', async () => {
    const revoked = await runtime.services.apiTokens.create(officer, 'revoked', 3);
    await runtime.services.apiTokens.revoke(officer, revoked.token.id);
    await runtime.services.apiTokens.create(analyst, 'of a disabled account', 3);
    await runtime.store.repositories.users.update(analyst.userId, { disabled_at: '2026-03-01T00:00:00.000Z' });
    expect(await source.dueReminders(runtime.testClock.clock())).toEqual([]);
  });

  it('is registered, so the scheduler turns it into a notification and an email', async () => {
    await runtime.services.apiTokens.create(officer, 'reporting script', 2);
    const summary = await runtime.reminders.runOnce();
    expect(summary).toMatchObject({ notificationsCreated: 1, emailsQueued: 1, sent: 1 });
    expect((await runtime.services.notifications.listOwn(officer)).map((n) => n.title)).toEqual(['Your API token “reporting script” expires on 4 March 2026']);
    // Outside development the default transport files each email in the data folder.
    expect(runtime.config.mailTransport).toEqual({ kind: 'file', directory: path.join(runtime.config.dataDir, 'mail') });
    const files = readdirSync(path.join(runtime.config.dataDir, 'mail'));
    expect(files).toHaveLength(1);
    const message = readFileSync(path.join(runtime.config.dataDir, 'mail', files[0] ?? ''), 'utf8');
    expect(message).toContain(`To: ${demoAccount('officer', 'metropolitan').email}`);
    // Quoted-printable: soft line breaks joined again.
    expect(message.replace(/=\n/g, '')).toContain('Open it: http://localhost:3000/account#api-tokens');
  });
});
