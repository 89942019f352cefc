import { hasRole, type Actor } from '../actor.ts';

// The dashboards show counts, never records. The national dashboard is for the national centre's
// analysts and its supervisors (the centre's leadership), who steer the operation by its numbers;
// a force's supervisors see their own force's figures and where their force ranks, not other
// forces' figures. Nobody else sees either.

export function canReadNationalDashboard(actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  return actor.organisationKind === 'national-centre' && (hasRole(actor, 'analyst') || hasRole(actor, 'supervisor'));
}

/** The forces whose dashboard the actor may open; undefined means every force, empty none. */
export function dashboardForces(actor: Actor): string[] | undefined {
  if (canReadNationalDashboard(actor)) return undefined;
  if (actor.kind === 'user' && actor.organisationKind === 'police-force' && hasRole(actor, 'supervisor')) return [actor.organisationId];
  return [];
}
