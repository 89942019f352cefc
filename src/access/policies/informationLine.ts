import { hasRole, type Actor, type UserActor } from '../actor.ts';
import { canIdentifyVictims } from './victimCare.ts';

// The information line is the national centre's. Its advisers take, record and search calls.
// Calls hold what a caller said about a person, so no one else reads them: not forces, not
// charities, and not the centre's analysts, who get the counts per operation and nothing that
// describes anyone.

/** Who takes a call and records it: an information-line adviser of the national centre. */
export function canRecordCalls(actor: Actor): actor is UserActor {
  return actor.kind === 'user' && actor.organisationKind === 'national-centre' && hasRole(actor, 'information-line-adviser');
}

/**
 * Who runs the same screening themselves, signed in: a first responder of a first-responder
 * organisation. What they screen is theirs: they read their own screenings, nobody else's.
 */
export function canScreenThemselves(actor: Actor): actor is UserActor {
  return canIdentifyVictims(actor) && hasRole(actor, 'first-responder');
}

/** Who reads recorded calls and searches them. */
export function canReadCalls(actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  return canRecordCalls(actor);
}

/** Who sees how many calls there were and how they ended: counts only, nothing about anyone. */
export function canCountCalls(actor: Actor): boolean {
  return canReadCalls(actor) || (actor.kind === 'user' && actor.organisationKind === 'national-centre' && hasRole(actor, 'analyst'));
}
