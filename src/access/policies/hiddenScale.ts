import { hasRole, type Actor } from '../actor.ts';
import { readableForces } from './enforcementRecords.ts';

// Estimating the hidden scale links every force's potential victims, so it is for those who may
// read every force's records: the national centre's analysts. The centre's supervisors and
// information-line advisers do not read enforcement records, so they neither run nor read
// estimates (the tables count people recorded by the forces); a force's officers and
// supervisors see their own force only, which cannot give a national estimate.
export function canEstimateHiddenScale(actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  return actor.organisationKind === 'national-centre' && hasRole(actor, 'analyst') && readableForces(actor) === undefined;
}
