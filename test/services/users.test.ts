import { afterEach, beforeEach, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/access/errors.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, organisationId, seedDemo } from '../support/fixtures.ts';

describeEachDatabase('user management', (dialect) => {
  let runtime: TestRuntime;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
  });
  afterEach(async () => runtime.dispose());

  const metAdmin = () => actorFor(runtime, demoAccount('organisation-administrator', 'metropolitan'));
  const newOfficer = async (email = 'new.officer@met.example') => ({
    organisationId: await organisationId(runtime, 'metropolitan'), email, displayName: 'New Officer', roles: ['officer'],
  });

  it('lets an organisation administrator add a user to their own organisation, with a temporary password, audited', async () => {
    const { user, temporaryPassword } = await runtime.services.users.add(await metAdmin(), await newOfficer());
    expect(user).toMatchObject({ email: 'new.officer@met.example', roles: ['officer'], disabledAt: null, secondFactorEnabled: false });
    expect(temporaryPassword?.length).toBeGreaterThanOrEqual(12);
    expect(await runtime.services.authentication.signIn(user.email, temporaryPassword ?? '', null)).toMatchObject({ kind: 'accepted' });
    const events = await runtime.store.repositories.auditEvents.list({ limit: 5, action: 'user.create', subjectId: user.id });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(temporaryPassword);
  });

  it('hides other organisations’ users from an organisation administrator as if they did not exist', async () => {
    const admin = await metAdmin();
    const westMidlandsOfficer = await runtime.store.repositories.users.findByEmail(demoAccount('officer', 'west-midlands').email);
    await expect(runtime.services.users.get(admin, westMidlandsOfficer?.id ?? '')).rejects.toBeInstanceOf(NotFoundError);
    await expect(runtime.services.users.get(admin, 'no-such-user')).rejects.toBeInstanceOf(NotFoundError);
    await expect(runtime.services.users.disable(admin, westMidlandsOfficer?.id ?? '')).rejects.toBeInstanceOf(NotFoundError);
    await expect(runtime.services.users.add(admin, { ...(await newOfficer()), organisationId: await organisationId(runtime, 'west-midlands') })).rejects.toBeInstanceOf(NotFoundError);
    const listed = await runtime.services.users.list(admin);
    expect(new Set(listed.map((u) => u.organisationId))).toEqual(new Set([admin.organisationId]));
  });

  it('refuses roles that do not fit the organisation, and system administration from an organisation administrator', async () => {
    const admin = await metAdmin();
    const attempt = (roles: string[]) => runtime.services.users.add(admin, { organisationId: admin.organisationId, email: 'x.y@met.example', displayName: 'X Y', roles });
    await expect(attempt(['charity-case-worker'])).rejects.toThrow(/cannot have the role charity case worker/);
    await expect(attempt(['made-up-role'])).rejects.toThrow(/Unknown role/);
    await expect(attempt([])).rejects.toThrow(/Select at least one role/);
    const nationalCentreAdmin = await runtime.services.users.add(await actorFor(runtime, demoAccount('system-administrator')), {
      organisationId: await organisationId(runtime, 'national-centre'), email: 'nc.admin@centre.example', displayName: 'NC Admin', roles: ['organisation-administrator'],
    });
    const ncAdmin = await runtime.services.authentication.loadActor(nationalCentreAdmin.user.id, 'session', null);
    if (ncAdmin === null) throw new Error('no actor');
    await expect(runtime.services.users.add(ncAdmin, { organisationId: ncAdmin.organisationId, email: 'sneaky@centre.example', displayName: 'Sneaky', roles: ['system-administrator'] }))
      .rejects.toThrow(/cannot grant the role system administrator/);
  });

  it('reports every problem with a new user at once, by field', async () => {
    const error = await runtime.services.users.add(await metAdmin(), { organisationId: (await metAdmin()).organisationId, email: 'not an email', displayName: '  ', roles: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.map((e) => e.field).sort()).toEqual(['displayName', 'email', 'roles']);
  });

  it('refuses a second account with the same email in any case', async () => {
    const admin = await metAdmin();
    await runtime.services.users.add(admin, await newOfficer());
    await expect(runtime.services.users.add(admin, await newOfficer('NEW.Officer@MET.example'))).rejects.toThrow(/already exists/);
  });

  it('disabling a user ends their sessions and is audited; enabling lets them back', async () => {
    const admin = await metAdmin();
    const { user, temporaryPassword } = await runtime.services.users.add(admin, await newOfficer());
    const now = runtime.testClock.clock().toISOString();
    await runtime.store.repositories.sessions.save('session-digest', user.id, '{}', '2099-01-01T00:00:00.000Z', now);
    await runtime.services.users.disable(admin, user.id);
    expect(await runtime.store.repositories.sessions.find('session-digest', now)).toBeUndefined();
    expect(await runtime.services.authentication.loadActor(user.id, 'session', null)).toBeNull();
    expect(await runtime.services.authentication.signIn(user.email, temporaryPassword ?? '', null)).toEqual({ kind: 'rejected' });
    await runtime.services.users.enable(admin, user.id);
    expect(await runtime.services.authentication.signIn(user.email, temporaryPassword ?? '', null)).toMatchObject({ kind: 'accepted' });
    const actions = (await runtime.store.repositories.auditEvents.list({ limit: 20, subjectId: user.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'user.disable', 'user.enable']));
  });

  it('will not let an administrator disable their own account', async () => {
    const admin = await metAdmin();
    await expect(runtime.services.users.disable(admin, admin.userId)).rejects.toThrow(/your own account/);
  });

  it('resets a password (old one stops working) and a second factor', async () => {
    const admin = await metAdmin();
    const officer = demoAccount('officer', 'metropolitan');
    const target = await runtime.store.repositories.users.findByEmail(officer.email);
    const { temporaryPassword } = await runtime.services.users.resetPassword(admin, target?.id ?? '');
    expect(await runtime.services.authentication.signIn(officer.email, officer.password, null)).toEqual({ kind: 'rejected' });
    expect(await runtime.services.authentication.signIn(officer.email, temporaryPassword, null)).toMatchObject({ kind: 'accepted' });
    const reset = await runtime.services.users.resetSecondFactor(admin, target?.id ?? '');
    expect(reset.secondFactorEnabled).toBe(false);
  });

  it('lets only a system administrator manage organisations', async () => {
    const systemAdmin = await actorFor(runtime, demoAccount('system-administrator'));
    const created = await runtime.services.organisations.add(systemAdmin, { code: 'charity-new-dawn', name: 'New Dawn', kind: 'support-charity', jurisdiction: 'england-and-wales' });
    expect(created.code).toBe('charity-new-dawn');
    await expect(runtime.services.organisations.add(systemAdmin, { code: 'charity-new-dawn', name: 'Again', kind: 'support-charity', jurisdiction: 'england-and-wales' })).rejects.toThrow(/already exists/);
    await expect(runtime.services.organisations.add(systemAdmin, { code: 'Bad Code', name: '', kind: 'bakery', jurisdiction: 'mars' }))
      .rejects.toSatisfy((e: unknown) => e instanceof ValidationError && e.fieldErrors.length === 4);
    await expect(runtime.services.organisations.add(await metAdmin(), { code: 'x-y', name: 'X', kind: 'support-charity', jurisdiction: 'scotland' })).rejects.toThrow(/permission/);
    const retired = await runtime.services.organisations.update(systemAdmin, created.id, { name: 'New Dawn Trust', kind: 'support-charity', jurisdiction: 'england-and-wales', retired: true });
    expect(retired.retiredAt).not.toBeNull();
    expect((await runtime.services.organisations.list(systemAdmin)).some((o) => o.id === created.id)).toBe(false);
  });

  it('seeds the whole roster: every force of England and Wales and the other jurisdictions', async () => {
    const organisations = await runtime.store.repositories.organisations.list();
    const forces = organisations.filter((o) => o.kind === 'police-force');
    expect(forces.filter((o) => o.jurisdiction === 'england-and-wales')).toHaveLength(43);
    expect(forces.map((o) => o.code)).toEqual(expect.arrayContaining(['police-scotland', 'psni', 'garda', 'british-transport-police', 'metropolitan', 'dyfed-powys']));
    expect(organisations.map((o) => o.kind)).toEqual(expect.arrayContaining(['national-centre', 'competent-authority', 'support-charity', 'immigration', 'local-authority']));
  });
});

describeEachDatabase('API tokens', (dialect) => {
  let runtime: TestRuntime;
  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
  });
  afterEach(async () => runtime.dispose());

  it('are shown once, stored as a digest, act as their owner, and stop working when revoked, expired or the owner is disabled', async () => {
    const owner = await actorFor(runtime, demoAccount('analyst'));
    const { token, secret } = await runtime.services.apiTokens.create(owner, 'weekly figures', 30);
    const stored = await runtime.store.repositories.apiTokens.findById(token.id);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(await runtime.services.apiTokens.authenticate(secret, null)).toMatchObject({ userId: owner.userId, via: 'api-token' });
    expect(await runtime.services.apiTokens.authenticate(`${secret}x`, null)).toBeNull();

    runtime.testClock.advanceMinutes(31 * 24 * 60);
    expect(await runtime.services.apiTokens.authenticate(secret, null)).toBeNull();

    const second = await runtime.services.apiTokens.create(owner, 'no expiry', null);
    await runtime.services.apiTokens.revoke(owner, second.token.id);
    expect(await runtime.services.apiTokens.authenticate(second.secret, null)).toBeNull();

    const third = await runtime.services.apiTokens.create(owner, 'third', null);
    await runtime.store.repositories.users.update(owner.userId, { disabled_at: runtime.testClock.clock().toISOString() });
    expect(await runtime.services.apiTokens.authenticate(third.secret, null)).toBeNull();
  });

  it('cannot be revoked by someone else', async () => {
    const owner = await actorFor(runtime, demoAccount('analyst'));
    const other = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    const { token } = await runtime.services.apiTokens.create(owner, 'mine', null);
    await expect(runtime.services.apiTokens.revoke(other, token.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
