import { hasRole, type Actor } from '../actor.ts';

// The roster is not secret to staff: every referral and alert needs to name another organisation.
export function canListOrganisations(actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  return actor.roles.size > 0;
}

export function canManageOrganisations(actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  return hasRole(actor, 'system-administrator');
}
