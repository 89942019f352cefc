// Sign-in, lockout and the second factor. Every outcome is audited; no outcome tells a caller
// whether an email address has an account.
import type { UserActor } from '../access/actor.ts';
import { ValidationError } from '../access/errors.ts';
import { isRole } from '../access/roles.ts';
import { isOrganisationKind } from '../domain/organisationKinds.ts';
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from '../domain/passwordPolicy.ts';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../security/passwords.ts';
import { digest, newRecoveryCodes, normaliseRecoveryCode, sameDigest } from '../security/secrets.ts';
import { matchTotpStep, newTotpSecret, totpUri } from '../security/totp.ts';
import type { UserWithRoles } from '../store/repositories/users.ts';
import { recordAudit, type AuditedParty, type AuditRecord, type SigningIn } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { normaliseEmail } from './users.ts';

export type SecondFactorStep = 'none' | 'verify' | 'enrol';

export type SignInOutcome =
  | { kind: 'accepted'; userId: string; secondFactor: SecondFactorStep }
  | { kind: 'rejected' };

export type SecondFactorOutcome = { kind: 'accepted'; usedRecoveryCode: boolean; recoveryCodesLeft: number } | { kind: 'rejected' };

export interface Enrolment { secret: string; uri: string }

export class AuthenticationService {
  constructor(private readonly context: ServiceContext) {}

  async signIn(emailTyped: string, password: string, requestId: string | null): Promise<SignInOutcome> {
    const email = normaliseEmail(emailTyped);
    const now = this.context.clock();
    const at = now.toISOString();
    const user = email.length === 0 ? undefined : await this.context.store.repositories.users.findByEmail(email);
    if (user === undefined) {
      await verifyAgainstDecoy(password);
      // The typed address is not kept: people type passwords into the email field.
      await this.audit({ kind: 'anonymous', requestId }, null, at, { action: 'sign-in', outcome: 'failure', details: { reason: 'unknown-account' } });
      return { kind: 'rejected' };
    }
    const party = signingIn(user, requestId);
    if (isLocked(user, at)) {
      await verifyAgainstDecoy(password);
      await this.audit(party, user, at, { action: 'sign-in', outcome: 'denied', details: { reason: 'locked' } });
      return { kind: 'rejected' };
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      await this.recordFailure(user, party, now, 'wrong-password');
      return { kind: 'rejected' };
    }
    if (user.disabled_at !== null) {
      await this.audit(party, user, at, { action: 'sign-in', outcome: 'denied', details: { reason: 'disabled' } });
      return { kind: 'rejected' };
    }
    const secondFactor: SecondFactorStep = user.totp_enabled_at !== null ? 'verify' : this.context.security.requireSecondFactor ? 'enrol' : 'none';
    await this.context.store.transaction(async (repositories) => {
      await repositories.users.update(user.id, { failed_sign_ins: 0, locked_until: null });
      await recordAudit(repositories, party, at, {
        action: secondFactor === 'none' ? 'sign-in' : 'sign-in.password-accepted', ...userSubject(user), details: { secondFactor },
      });
    });
    return { kind: 'accepted', userId: user.id, secondFactor };
  }

  async verifySecondFactor(userId: string, code: string, requestId: string | null): Promise<SecondFactorOutcome> {
    const now = this.context.clock();
    const at = now.toISOString();
    const user = await this.context.store.repositories.users.findById(userId);
    if (user === undefined || user.totp_secret === null || user.disabled_at !== null) return { kind: 'rejected' };
    const party = signingIn(user, requestId);
    if (isLocked(user, at)) {
      await this.audit(party, user, at, { action: 'sign-in.second-factor', outcome: 'denied', details: { reason: 'locked' } });
      return { kind: 'rejected' };
    }
    const digests = parseDigests(user.recovery_code_digests);
    const step = matchTotpStep(this.context.fieldCipher.open(user.totp_secret), code, now);
    if (step !== null && (user.totp_last_step === null || step > user.totp_last_step)) {
      await this.context.store.transaction(async (repositories) => {
        await repositories.users.update(user.id, { totp_last_step: step, failed_sign_ins: 0, locked_until: null });
        await recordAudit(repositories, party, at, { action: 'sign-in', ...userSubject(user), details: { secondFactor: 'totp' } });
      });
      return { kind: 'accepted', usedRecoveryCode: false, recoveryCodesLeft: digests.length };
    }
    const recoveryDigest = digest(normaliseRecoveryCode(code));
    if (digests.some((d) => sameDigest(d, recoveryDigest))) {
      const remaining = digests.filter((d) => !sameDigest(d, recoveryDigest));
      await this.context.store.transaction(async (repositories) => {
        await repositories.users.update(user.id, { recovery_code_digests: JSON.stringify(remaining), failed_sign_ins: 0, locked_until: null });
        await recordAudit(repositories, party, at, { action: 'sign-in', ...userSubject(user), details: { secondFactor: 'recovery-code', recoveryCodesLeft: remaining.length } });
      });
      return { kind: 'accepted', usedRecoveryCode: true, recoveryCodesLeft: remaining.length };
    }
    await this.recordFailure(user, party, now, 'wrong-second-factor');
    return { kind: 'rejected' };
  }

  beginEnrolment(email: string): Enrolment {
    const secret = newTotpSecret();
    return { secret, uri: totpUri(secret, email) };
  }

  enrolmentUri(secret: string, email: string): string {
    return totpUri(secret, email);
  }

  /** Confirms enrolment with a first code, and returns recovery codes to be shown once. */
  async confirmEnrolment(userId: string, secret: string, code: string, requestId: string | null): Promise<string[]> {
    const now = this.context.clock();
    const step = matchTotpStep(secret, code, now);
    if (step === null) throw new ValidationError([{ field: 'code', message: 'Enter the 6-digit code shown in your authenticator app now' }]);
    const recoveryCodes = newRecoveryCodes();
    await this.context.store.transaction(async (repositories) => {
      const user = await repositories.users.findById(userId);
      if (user === undefined) throw new ValidationError([{ field: 'code', message: 'Your account could not be found' }]);
      await repositories.users.update(userId, {
        totp_secret: this.context.fieldCipher.seal(secret), totp_enabled_at: now.toISOString(), totp_last_step: step,
        recovery_code_digests: JSON.stringify(recoveryCodes.map((c) => digest(normaliseRecoveryCode(c)))), updated_at: now.toISOString(),
      });
      await recordAudit(repositories, signingIn(user, requestId), now.toISOString(), { action: 'user.second-factor-enrol', ...userSubject(user) });
    });
    return recoveryCodes;
  }

  async changePassword(actor: UserActor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.context.store.repositories.users.findById(actor.userId);
    if (user === undefined) throw new ValidationError([{ field: 'currentPassword', message: 'Your account could not be found' }]);
    const errors = [];
    if (!(await verifyPassword(user.password_hash, currentPassword))) errors.push({ field: 'currentPassword', message: 'Your current password is not right' });
    const problem = passwordProblem(newPassword, user.email);
    if (problem !== null) errors.push({ field: 'newPassword', message: PASSWORD_PROBLEM_MESSAGES[problem] });
    if (errors.length > 0) throw new ValidationError(errors);
    const at = isoNow(this.context.clock);
    const passwordHash = await hashPassword(newPassword);
    await this.context.store.transaction(async (repositories) => {
      await repositories.users.update(user.id, { password_hash: passwordHash, password_changed_at: at, updated_at: at });
      await recordAudit(repositories, actor, at, { action: 'user.password-change', ...userSubject(user) });
    });
  }

  /** The acting user, rebuilt from the database on each request so that disabling an account takes effect at once. */
  async loadActor(userId: string, via: UserActor['via'], requestId: string | null): Promise<UserActor | null> {
    const user = await this.context.store.repositories.users.findById(userId);
    if (user === undefined || user.disabled_at !== null) return null;
    const organisation = await this.context.store.repositories.organisations.findById(user.organisation_id);
    if (organisation === undefined || organisation.retired_at !== null || !isOrganisationKind(organisation.kind)) return null;
    return {
      kind: 'user', userId: user.id, organisationId: organisation.id, organisationKind: organisation.kind,
      roles: new Set(user.roles.filter(isRole)), isDemo: user.is_demo === 1, via, requestId,
    };
  }

  private async recordFailure(user: UserWithRoles, party: SigningIn, now: Date, reason: string): Promise<void> {
    const at = now.toISOString();
    const failures = user.failed_sign_ins + 1;
    const locking = failures >= this.context.security.lockoutThreshold;
    const lockedUntil = locking ? new Date(now.getTime() + this.context.security.lockoutMinutes * 60_000).toISOString() : user.locked_until;
    await this.context.store.transaction(async (repositories) => {
      await repositories.users.update(user.id, { failed_sign_ins: locking ? 0 : failures, locked_until: lockedUntil });
      await recordAudit(repositories, party, at, { action: 'sign-in', outcome: 'failure', ...userSubject(user), details: { reason, failures } });
      if (locking) await recordAudit(repositories, party, at, { action: 'sign-in.lockout', outcome: 'denied', ...userSubject(user), details: { lockedUntil } });
    });
  }

  private async audit(party: AuditedParty, user: UserWithRoles | null, at: string, record: Omit<AuditRecord, 'subjectType' | 'subjectId' | 'subjectOrganisationId'>): Promise<void> {
    const subject = user === null ? { subjectType: 'user', subjectId: null, subjectOrganisationId: null } : userSubject(user);
    await this.context.store.transaction((repositories) => recordAudit(repositories, party, at, { ...record, ...subject }));
  }
}

function signingIn(user: UserWithRoles, requestId: string | null): SigningIn {
  return { kind: 'signing-in', userId: user.id, organisationId: user.organisation_id, requestId };
}

function userSubject(user: UserWithRoles): { subjectType: string; subjectId: string; subjectOrganisationId: string } {
  return { subjectType: 'user', subjectId: user.id, subjectOrganisationId: user.organisation_id };
}

function isLocked(user: UserWithRoles, at: string): boolean {
  return user.locked_until !== null && user.locked_until > at;
}

function parseDigests(json: string | null): string[] {
  if (json === null) return [];
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((d): d is string => typeof d === 'string') : [];
}
