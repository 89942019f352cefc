import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { demoAccount, seedDemo } from '../support/fixtures.ts';

describeEachDatabase('session repository', (dialect) => {
  let runtime: TestRuntime;
  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
  });
  afterEach(async () => runtime.dispose());

  it('saves, replaces, expires and purges sessions, and ends all of one person’s at once', async () => {
    const sessions = runtime.store.repositories.sessions;
    const user = await runtime.store.repositories.users.findByEmail(demoAccount('analyst').email);
    const userId = user?.id ?? '';
    await sessions.save('a', userId, '{"n":1}', '2026-03-02T10:00:00.000Z', '2026-03-02T09:00:00.000Z');
    await sessions.save('a', userId, '{"n":2}', '2026-03-02T11:00:00.000Z', '2026-03-02T09:30:00.000Z');
    await sessions.save('b', userId, '{}', '2026-03-02T11:00:00.000Z', '2026-03-02T09:30:00.000Z');
    await sessions.save('c', null, '{}', '2026-03-02T09:10:00.000Z', '2026-03-02T09:00:00.000Z');
    expect(await sessions.find('a', '2026-03-02T10:30:00.000Z')).toEqual({ data: '{"n":2}', expiresAt: '2026-03-02T11:00:00.000Z' });
    expect(await sessions.find('c', '2026-03-02T09:20:00.000Z')).toBeUndefined();
    expect(await sessions.purgeExpired('2026-03-02T09:20:00.000Z')).toBe(1);
    expect(await sessions.destroyForUser(userId)).toBe(2);
    expect(await sessions.find('a', '2026-03-02T09:00:00.000Z')).toBeUndefined();
  });

  it('keeps users’ roles as a set and finds users by organisation', async () => {
    const users = runtime.store.repositories.users;
    const user = await users.findByEmail(demoAccount('supervisor').email);
    await users.replaceRoles(user?.id ?? '', ['supervisor', 'first-responder']);
    expect((await users.findById(user?.id ?? ''))?.roles).toEqual(['first-responder', 'supervisor']);
    const colleagues = await users.listByOrganisation(user?.organisation_id ?? '');
    expect(colleagues.map((u) => u.email)).toContain(demoAccount('officer', 'metropolitan').email);
    expect(colleagues.every((u) => u.organisation_id === user?.organisation_id)).toBe(true);
  });
});
