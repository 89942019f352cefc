import { hasRole, type Actor } from '../actor.ts';
import type { Role } from '../roles.ts';

/** Whose user accounts the actor may see and manage: an organisation administrator only their own organisation's. */
export function canManageUsersOf(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  if (hasRole(actor, 'system-administrator')) return true;
  return hasRole(actor, 'organisation-administrator') && actor.organisationId === organisationId;
}

/** Organisation ids whose users the actor may list; undefined means every organisation. */
export function manageableOrganisationIds(actor: Actor): string[] | undefined {
  if (actor.kind === 'system' || hasRole(actor, 'system-administrator')) return undefined;
  return hasRole(actor, 'organisation-administrator') ? [actor.organisationId] : [];
}

/** Granting system administration is itself a system administrator's act, never an organisation's. */
export function canGrantRole(actor: Actor, role: Role): boolean {
  if (actor.kind === 'system') return true;
  if (role === 'system-administrator') return hasRole(actor, 'system-administrator');
  return hasRole(actor, 'system-administrator') || hasRole(actor, 'organisation-administrator');
}
