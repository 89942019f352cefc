import { hasRole, type Actor } from '../actor.ts';

// Enforcement records (premises, visits, people found, arrests, seizures) belong to the force that
// made them. Officers and supervisors work within their own force; analysts of the national centre
// read every force's. Nobody else reads them: not charities, not the system administrator.

/** The forces whose enforcement records the actor may read; undefined means all. Empty means none. */
export function readableForces(actor: Actor): string[] | undefined {
  if (actor.kind === 'system') return undefined;
  if (actor.organisationKind === 'national-centre' && hasRole(actor, 'analyst')) return undefined;
  if (actor.organisationKind === 'police-force' && (hasRole(actor, 'officer') || hasRole(actor, 'supervisor'))) return [actor.organisationId];
  return [];
}

export function canReadForceRecords(actor: Actor, forceId: string): boolean {
  const forces = readableForces(actor);
  return forces === undefined || forces.includes(forceId);
}

/** Only a force's own officers and supervisors record what that force did. */
export function canRecordFor(actor: Actor, forceId: string): boolean {
  if (actor.kind === 'system') return true;
  return actor.organisationKind === 'police-force' && actor.organisationId === forceId && (hasRole(actor, 'officer') || hasRole(actor, 'supervisor'));
}

/** A force's results: its supervisors; every force's: analysts of the national centre. */
export function readableResults(actor: Actor): string[] | undefined {
  if (actor.kind === 'system') return undefined;
  if (actor.organisationKind === 'national-centre' && hasRole(actor, 'analyst')) return undefined;
  if (actor.organisationKind === 'police-force' && hasRole(actor, 'supervisor')) return [actor.organisationId];
  return [];
}
