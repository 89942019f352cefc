import { randomBytes } from 'node:crypto';
import type { Actor, UserActor } from '../access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../access/errors.ts';
import { canGrantRole, canManageUsersOf, manageableOrganisationIds } from '../access/policies/users.ts';
import { isRole, rolesAllowedFor, type Role } from '../access/roles.ts';
import { isOrganisationKind } from '../domain/organisationKinds.ts';
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from '../domain/passwordPolicy.ts';
import { hashPassword } from '../security/passwords.ts';
import { newId } from '../store/ids.ts';
import type { UserWithRoles } from '../store/repositories/users.ts';
import type { Repositories } from '../store/store.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';

export interface UserAccount {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  roles: Role[];
  disabledAt: string | null;
  lockedUntil: string | null;
  secondFactorEnabled: boolean;
  isDemo: boolean;
  createdAt: string;
}

export interface NewUserInput {
  organisationId: string;
  email: string;
  displayName: string;
  roles: string[];
  /** Left out, a temporary password is made and returned once. */
  password?: string;
  isDemo?: boolean;
}

export function toUserAccount(row: UserWithRoles): UserAccount {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles.filter(isRole),
    disabledAt: row.disabled_at,
    lockedUntil: row.locked_until,
    secondFactorEnabled: row.totp_enabled_at !== null,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
  };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Four random words' worth of entropy in a form a person can read out: shown once, never stored. */
export function temporaryPassword(): string {
  return randomBytes(15).toString('base64url').replace(/[-_]/g, 'x').match(/.{1,5}/g)?.join('-') ?? randomBytes(16).toString('hex');
}

export class UserService {
  constructor(private readonly context: ServiceContext) {}

  async list(actor: Actor, organisationId?: string): Promise<UserAccount[]> {
    const allowed = manageableOrganisationIds(actor);
    if (allowed !== undefined && allowed.length === 0) throw new ForbiddenError();
    const users = this.context.store.repositories.users;
    if (organisationId !== undefined) {
      if (!canManageUsersOf(actor, organisationId)) throw new NotFoundError('Organisation');
      return (await users.listByOrganisation(organisationId)).map(toUserAccount);
    }
    const rows = allowed === undefined ? await users.listAll() : (await Promise.all(allowed.map((id) => users.listByOrganisation(id)))).flat();
    return rows.map(toUserAccount);
  }

  async get(actor: Actor, userId: string): Promise<UserAccount> {
    return toUserAccount(await this.findManageable(this.context.store.repositories, actor, userId));
  }

  /** Everyone may read their own account, whatever their roles. */
  async getOwn(actor: UserActor): Promise<UserAccount> {
    const user = await this.context.store.repositories.users.findById(actor.userId);
    if (user === undefined) throw new NotFoundError('User');
    return toUserAccount(user);
  }

  async add(actor: Actor, input: NewUserInput): Promise<{ user: UserAccount; temporaryPassword: string | null }> {
    if (!canManageUsersOf(actor, input.organisationId)) throw new NotFoundError('Organisation');
    const email = normaliseEmail(input.email);
    const displayName = input.displayName.trim();
    const now = isoNow(this.context.clock);
    return this.context.store.transaction(async (repositories) => {
      const organisation = await repositories.organisations.findById(input.organisationId);
      if (organisation === undefined) throw new NotFoundError('Organisation');
      const errors: FieldError[] = [];
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) errors.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.org' });
      else if ((await repositories.users.findByEmail(email)) !== undefined) errors.push({ field: 'email', message: 'An account with this email address already exists' });
      if (displayName.length === 0) errors.push({ field: 'displayName', message: 'Enter the person’s name' });
      if (displayName.length > 200) errors.push({ field: 'displayName', message: 'Name must be 200 characters or fewer' });
      const roles = this.validRoles(actor, input.roles, organisation.kind, errors);
      const password = input.password ?? temporaryPassword();
      const problem = input.password === undefined ? null : passwordProblem(password, email);
      if (problem !== null) errors.push({ field: 'password', message: PASSWORD_PROBLEM_MESSAGES[problem] });
      if (errors.length > 0) throw new ValidationError(errors);

      const id = newId();
      await repositories.users.insert({
        id, organisation_id: organisation.id, email, display_name: displayName, password_hash: await hashPassword(password),
        totp_secret: null, totp_enabled_at: null, totp_last_step: null, recovery_code_digests: null, locked_until: null,
        disabled_at: null, is_demo: input.isDemo === true ? 1 : 0, password_changed_at: now, created_at: now, updated_at: now,
      }, roles);
      await recordAudit(repositories, actor, now, { action: 'user.create', subjectType: 'user', subjectId: id, subjectOrganisationId: organisation.id, details: { roles } });
      const created = await repositories.users.findById(id);
      if (created === undefined) throw new Error('User vanished inside its own transaction');
      return { user: toUserAccount(created), temporaryPassword: input.password === undefined ? password : null };
    });
  }

  async setRoles(actor: Actor, userId: string, roles: string[]): Promise<UserAccount> {
    return this.change(actor, userId, 'user.roles-change', async (repositories, user) => {
      const organisation = await repositories.organisations.findById(user.organisation_id);
      const errors: FieldError[] = [];
      const valid = this.validRoles(actor, roles, organisation?.kind ?? '', errors);
      // Removing system administration is as sensitive as granting it.
      if (user.roles.includes('system-administrator') && !valid.includes('system-administrator') && !canGrantRole(actor, 'system-administrator')) {
        errors.push({ field: 'roles', message: 'Only a system administrator can remove the system administrator role' });
      }
      if (errors.length > 0) throw new ValidationError(errors);
      await repositories.users.replaceRoles(user.id, valid);
      return { before: user.roles, after: valid };
    });
  }

  async disable(actor: Actor, userId: string): Promise<UserAccount> {
    return this.change(actor, userId, 'user.disable', async (repositories, user, now) => {
      if (actor.kind === 'user' && actor.userId === user.id) throw new ValidationError([{ field: 'user', message: 'You cannot disable your own account' }]);
      await repositories.users.update(user.id, { disabled_at: user.disabled_at ?? now, updated_at: now });
      const sessionsEnded = await repositories.sessions.destroyForUser(user.id);
      return { sessionsEnded };
    });
  }

  async enable(actor: Actor, userId: string): Promise<UserAccount> {
    return this.change(actor, userId, 'user.enable', async (repositories, user, now) => {
      await repositories.users.update(user.id, { disabled_at: null, failed_sign_ins: 0, locked_until: null, updated_at: now });
      return {};
    });
  }

  async resetPassword(actor: Actor, userId: string): Promise<{ user: UserAccount; temporaryPassword: string }> {
    const password = temporaryPassword();
    const passwordHash = await hashPassword(password);
    const user = await this.change(actor, userId, 'user.password-reset', async (repositories, target, now) => {
      await repositories.users.update(target.id, { password_hash: passwordHash, password_changed_at: now, failed_sign_ins: 0, locked_until: null, updated_at: now });
      await repositories.sessions.destroyForUser(target.id);
      return {};
    });
    return { user, temporaryPassword: password };
  }

  async resetSecondFactor(actor: Actor, userId: string): Promise<UserAccount> {
    return this.change(actor, userId, 'user.second-factor-reset', async (repositories, target, now) => {
      await repositories.users.update(target.id, { totp_secret: null, totp_enabled_at: null, totp_last_step: null, recovery_code_digests: null, updated_at: now });
      await repositories.sessions.destroyForUser(target.id);
      return {};
    });
  }

  private validRoles(actor: Actor, requested: string[], organisationKind: string, errors: FieldError[]): Role[] {
    const roles = [...new Set(requested)];
    if (roles.length === 0) errors.push({ field: 'roles', message: 'Select at least one role' });
    const allowedForKind = isOrganisationKind(organisationKind) ? rolesAllowedFor(organisationKind) : [];
    const valid: Role[] = [];
    for (const role of roles) {
      if (!isRole(role)) errors.push({ field: 'roles', message: `Unknown role ${role}` });
      else if (!allowedForKind.includes(role)) errors.push({ field: 'roles', message: `A ${organisationKind.replaceAll('-', ' ')} cannot have the role ${role.replaceAll('-', ' ')}` });
      else if (!canGrantRole(actor, role)) errors.push({ field: 'roles', message: `You cannot grant the role ${role.replaceAll('-', ' ')}` });
      else valid.push(role);
    }
    return valid.sort();
  }

  private async findManageable(repositories: Repositories, actor: Actor, userId: string): Promise<UserWithRoles> {
    const user = await repositories.users.findById(userId);
    if (user === undefined || !canManageUsersOf(actor, user.organisation_id)) throw new NotFoundError('User');
    return user;
  }

  private async change(
    actor: Actor,
    userId: string,
    action: string,
    apply: (repositories: Repositories, user: UserWithRoles, now: string) => Promise<Record<string, unknown>>,
  ): Promise<UserAccount> {
    const now = isoNow(this.context.clock);
    return this.context.store.transaction(async (repositories) => {
      const user = await this.findManageable(repositories, actor, userId);
      const details = await apply(repositories, user, now);
      await recordAudit(repositories, actor, now, { action, subjectType: 'user', subjectId: user.id, subjectOrganisationId: user.organisation_id, details });
      const updated = await repositories.users.findById(user.id);
      if (updated === undefined) throw new NotFoundError('User');
      return toUserAccount(updated);
    });
  }
}
