import { afterEach, beforeEach, expect, it } from 'vitest';
import { currentTotpCode } from '../../src/security/totp.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { demoAccount, seedDemo } from '../support/fixtures.ts';

describeEachDatabase('signing in', (dialect) => {
  let runtime: TestRuntime;
  const officer = demoAccount('officer', 'metropolitan');

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
  });
  afterEach(async () => runtime.dispose());

  const signIn = (email: string, password: string) => runtime.services.authentication.signIn(email, password, 'req-1');
  const auditActions = async () => (await runtime.store.repositories.auditEvents.list({ limit: 100 })).map((e) => `${e.action}:${e.outcome}`);

  it('accepts the right password, whatever the email’s case, and audits it', async () => {
    const outcome = await signIn(`  ${officer.email.toUpperCase()} `, officer.password);
    expect(outcome).toMatchObject({ kind: 'accepted', secondFactor: 'none' });
    expect(await auditActions()).toContain('sign-in:success');
  });

  it('answers a wrong password and an unknown account in the same way, and audits both', async () => {
    expect(await signIn(officer.email, 'not the password at all')).toEqual({ kind: 'rejected' });
    expect(await signIn('nobody@nowhere.example', 'not the password at all')).toEqual({ kind: 'rejected' });
    const failures = (await runtime.store.repositories.auditEvents.list({ limit: 100, action: 'sign-in' })).filter((e) => e.outcome === 'failure');
    expect(failures.map((e) => JSON.parse(e.details) as { reason: string }).map((d) => d.reason).sort()).toEqual(['unknown-account', 'wrong-password']);
    // The typed address of an unknown account is not kept: people type passwords into that field.
    expect(JSON.stringify(failures)).not.toContain('nobody@nowhere.example');
  });

  it('locks the account after repeated failures, refuses even the right password, and unlocks after the lockout', async () => {
    const threshold = runtime.config.lockoutThreshold;
    for (let attempt = 0; attempt < threshold; attempt += 1) await signIn(officer.email, `wrong password ${attempt}`);
    expect(await auditActions()).toContain('sign-in.lockout:denied');
    expect(await signIn(officer.email, officer.password)).toEqual({ kind: 'rejected' });
    runtime.testClock.advanceMinutes(runtime.config.lockoutMinutes + 1);
    expect(await signIn(officer.email, officer.password)).toMatchObject({ kind: 'accepted' });
  });

  it('refuses a disabled account even with the right password', async () => {
    const user = await runtime.store.repositories.users.findByEmail(officer.email);
    await runtime.store.repositories.users.update(user?.id ?? '', { disabled_at: new Date().toISOString() });
    expect(await signIn(officer.email, officer.password)).toEqual({ kind: 'rejected' });
  });

  it('asks for enrolment when a second factor is required and none is set up', async () => {
    const strict = await openTestRuntime(dialect, { requireSecondFactor: true });
    try {
      await seedDemo(strict);
      expect(await strict.services.authentication.signIn(officer.email, officer.password, null)).toMatchObject({ kind: 'accepted', secondFactor: 'enrol' });
    } finally {
      await strict.dispose();
    }
  });

  it('enrols a TOTP app, then asks for a code that cannot be replayed, and takes each recovery code once', async () => {
    const auth = runtime.services.authentication;
    const user = await runtime.store.repositories.users.findByEmail(officer.email);
    const userId = user?.id ?? '';
    const { secret } = auth.beginEnrolment(officer.email);
    await expect(auth.confirmEnrolment(userId, secret, '000000', null)).rejects.toThrow(/6-digit code/);
    const recoveryCodes = await auth.confirmEnrolment(userId, secret, currentTotpCode(secret, runtime.testClock.clock()), null);
    expect(recoveryCodes).toHaveLength(10);

    const stored = await runtime.store.repositories.users.findById(userId);
    expect(stored?.totp_secret).not.toContain(secret);

    expect(await signIn(officer.email, officer.password)).toMatchObject({ kind: 'accepted', secondFactor: 'verify' });
    // The code used to confirm enrolment is spent: the same time step is refused.
    expect(await auth.verifySecondFactor(userId, currentTotpCode(secret, runtime.testClock.clock()), null)).toEqual({ kind: 'rejected' });
    runtime.testClock.advanceMinutes(1);
    const code = currentTotpCode(secret, runtime.testClock.clock());
    expect(await auth.verifySecondFactor(userId, code, null)).toMatchObject({ kind: 'accepted', usedRecoveryCode: false });
    expect(await auth.verifySecondFactor(userId, code, null)).toEqual({ kind: 'rejected' });

    const recovery = recoveryCodes[0] ?? '';
    expect(await auth.verifySecondFactor(userId, ` ${recovery.toUpperCase()} `, null)).toMatchObject({ kind: 'accepted', usedRecoveryCode: true, recoveryCodesLeft: 9 });
    expect(await auth.verifySecondFactor(userId, recovery, null)).toEqual({ kind: 'rejected' });
  });

  it('changes a password only with the current one and a good new one', async () => {
    const user = await runtime.store.repositories.users.findByEmail(officer.email);
    const actor = await runtime.services.authentication.loadActor(user?.id ?? '', 'session', null);
    if (actor === null) throw new Error('no actor');
    await expect(runtime.services.authentication.changePassword(actor, 'wrong current', 'a much better passphrase')).rejects.toThrow(/current password/);
    await expect(runtime.services.authentication.changePassword(actor, officer.password, 'password1234')).rejects.toThrow(/common/);
    await runtime.services.authentication.changePassword(actor, officer.password, 'lantern harbour violet');
    expect(await signIn(officer.email, officer.password)).toEqual({ kind: 'rejected' });
    expect(await signIn(officer.email, 'lantern harbour violet')).toMatchObject({ kind: 'accepted' });
  });
});
