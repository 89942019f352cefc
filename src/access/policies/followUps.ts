import { hasRole, type Actor } from '../actor.ts';
import { canRecordFor } from './enforcementRecords.ts';

// Follow-ups are a force's own work: its supervisors hand them out to its officers, and nobody
// outside the force sees them, not even the national centre's analysts who read the records.

/** A force's follow-ups are seen by its officers and supervisors. */
export function canSeeFollowUps(actor: Actor, forceId: string): boolean {
  return canRecordFor(actor, forceId);
}

/** Only a supervisor of the force assigns a follow-up on its records. */
export function canAssignFollowUps(actor: Actor, forceId: string): boolean {
  if (actor.kind === 'system') return true;
  return actor.organisationKind === 'police-force' && actor.organisationId === forceId && hasRole(actor, 'supervisor');
}

/** The officer it was given to marks it done, or a supervisor of the force does. */
export function canCompleteFollowUp(actor: Actor, followUp: { organisation_id: string; assigned_to: string }): boolean {
  if (canAssignFollowUps(actor, followUp.organisation_id)) return true;
  return actor.kind === 'user' && actor.userId === followUp.assigned_to && canSeeFollowUps(actor, followUp.organisation_id);
}
