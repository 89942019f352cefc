import { hasRole, type Actor } from '../actor.ts';

// Public reports land in a triage queue. A force's supervisors triage the reports routed to their
// force. The national centre's supervisors and analysts see every report: they triage the ones
// nobody could place, and watch what the forces do with the rest. Officers do not see the queue
// (a supervisor decides what becomes work for them); charities, first responders and
// administrators never see it.

/** The forces whose reports the actor may triage; undefined means all, empty means none. */
export function triageableForces(actor: Actor): string[] | undefined {
  if (actor.kind === 'system') return undefined;
  if (actor.organisationKind === 'national-centre' && (hasRole(actor, 'supervisor') || hasRole(actor, 'analyst'))) return undefined;
  if (actor.organisationKind === 'police-force' && hasRole(actor, 'supervisor')) return [actor.organisationId];
  return [];
}

export function canUseTriage(actor: Actor): boolean {
  const forces = triageableForces(actor);
  return forces === undefined || forces.length > 0;
}

/** A report routed to no force sits with the national centre, which sees everything. */
export function canTriageReport(actor: Actor, routedOrganisationId: string | null): boolean {
  const forces = triageableForces(actor);
  if (forces === undefined) return true;
  return routedOrganisationId !== null && forces.includes(routedOrganisationId);
}

/**
 * A reporter who chose "confidential" was promised that the police would not get their details
 * without being asked first. The national centre holds them; a force sees that they exist.
 */
export function canReadConfidentialContact(actor: Actor): boolean {
  return actor.kind === 'system' || actor.organisationKind === 'national-centre';
}
