import { hasRole, type Actor } from '../actor.ts';
import { readableForces } from './enforcementRecords.ts';

// Record linkage joins people found across forces, so it is the national centre's work: its
// analysts run it, review doubtful pairs and merge clusters. A run reads only the people the
// analyst may read (readableForces), so a narrower analyst would link a narrower set.

export function canUseLinkage(actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  if (actor.organisationKind !== 'national-centre' || !hasRole(actor, 'analyst')) return false;
  const forces = readableForces(actor);
  return forces === undefined || forces.length > 0;
}

/** The forces whose people found a run by this actor reads; undefined means every force. */
export function linkageScope(actor: Actor): readonly string[] | undefined {
  return readableForces(actor);
}
