import { hasRole, type Actor } from '../actor.ts';

/**
 * Which organisations' audit events the actor may read: supervisors their own organisation's,
 * system administrators all. `undefined` means all; an empty list means none.
 */
export function readableAuditOrganisations(actor: Actor): string[] | undefined {
  if (actor.kind === 'system' || hasRole(actor, 'system-administrator')) return undefined;
  if (hasRole(actor, 'supervisor')) return [actor.organisationId];
  return [];
}

export function canReadAudit(actor: Actor): boolean {
  const organisations = readableAuditOrganisations(actor);
  return organisations === undefined || organisations.length > 0;
}

export function canVerifyAuditChain(actor: Actor): boolean {
  return actor.kind === 'system' || hasRole(actor, 'system-administrator');
}
