import { hasRole, type Actor, type UserActor } from '../actor.ts';
import type { Role } from '../roles.ts';

// Victim care is need-to-know. An organisation sees a potential victim only when it made the
// record, sent a referral about them, is the local authority recorded for a child, or received
// a referral it has not declined (and not had withdrawn). The national centre — analysts
// included — never sees a victim-care record (issue 3), nor do administrators: none of them
// deals with the person. Analysts see pseudonymised records instead (canAnalyseVictimCare), and
// one person's identity only under a supervisor's grant (canGrantVictimAccess). A receiver that has not yet accepted sees the referral without the person's
// identity: enough to decide whether to take it on, nothing more.

/** Roles that deal with potential victims, in organisations that do. */
export const VICTIM_CARE_ROLES = ['officer', 'supervisor', 'first-responder', 'charity-case-worker', 'decision-maker'] as const satisfies readonly Role[];
/** Who identifies a potential victim and refers them: first responders and police officers. */
export const IDENTIFIER_ROLES = ['officer', 'supervisor', 'first-responder'] as const satisfies readonly Role[];
/** Who answers a referral made to their organisation. */
export const RECEIVER_ROLES = ['charity-case-worker', 'decision-maker', 'supervisor'] as const satisfies readonly Role[];
/** Who may ask for a negative decision to be looked at again: the first responder or the support provider. */
export const RECONSIDERATION_ROLES = ['officer', 'supervisor', 'first-responder', 'charity-case-worker'] as const satisfies readonly Role[];

const FIRST_RESPONDER_KINDS = new Set(['police-force', 'immigration', 'local-authority', 'support-charity']);
const VICTIM_CARE_KINDS = new Set([...FIRST_RESPONDER_KINDS, 'competent-authority']);

function anyRole(actor: UserActor, roles: readonly Role[]): boolean {
  return roles.some((role) => actor.roles.has(role));
}

/** Whether the actor works with potential victims at all; everyone else is refused outright. */
export function canWorkOnVictimCare(actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  return VICTIM_CARE_KINDS.has(actor.organisationKind) && anyRole(actor, VICTIM_CARE_ROLES);
}

export function canIdentifyVictims(actor: Actor): actor is UserActor {
  return actor.kind === 'user' && FIRST_RESPONDER_KINDS.has(actor.organisationKind) && anyRole(actor, IDENTIFIER_ROLES);
}

export function canDecide(actor: Actor): actor is UserActor {
  return actor.kind === 'user' && actor.organisationKind === 'competent-authority' && hasRole(actor, 'decision-maker');
}

export interface ReferralParties {
  fromOrganisationId: string;
  toOrganisationId: string;
  status: string;
}

/** Who is connected to a potential victim, as the access rules need it. */
export interface VictimRelations {
  organisationId: string;
  localAuthorityId: string | null;
  referrals: readonly ReferralParties[];
}

export type VictimRecordAccess = 'full' | 'referral-summary' | 'none';

export function victimRecordAccess(actor: Actor, relations: VictimRelations): VictimRecordAccess {
  if (actor.kind === 'system') return 'full';
  if (!canWorkOnVictimCare(actor)) return 'none';
  const own = actor.organisationId;
  if (relations.organisationId === own || relations.localAuthorityId === own) return 'full';
  if (relations.referrals.some((r) => r.fromOrganisationId === own)) return 'full';
  if (relations.referrals.some((r) => r.toOrganisationId === own && r.status === 'accepted')) return 'full';
  if (relations.referrals.some((r) => r.toOrganisationId === own && r.status === 'pending')) return 'referral-summary';
  return 'none';
}

/** Only the receiving organisation answers a referral, and only with a receiver's role. */
export function canAnswerReferral(actor: Actor, referral: ReferralParties): boolean {
  return actor.kind === 'user' && actor.organisationId === referral.toOrganisationId && anyRole(actor, RECEIVER_ROLES);
}

/** Only the sending organisation withdraws what it sent. */
export function canWithdrawReferral(actor: Actor, referral: ReferralParties): boolean {
  return actor.kind === 'user' && actor.organisationId === referral.fromOrganisationId && anyRole(actor, IDENTIFIER_ROLES);
}

export function canRequestReconsiderationAs(actor: Actor, relations: VictimRelations): 'first-responder' | 'support-provider' | undefined {
  if (actor.kind !== 'user' || !anyRole(actor, RECONSIDERATION_ROLES)) return undefined;
  const own = actor.organisationId;
  if (actor.organisationKind === 'support-charity' && relations.referrals.some((r) => r.toOrganisationId === own && r.status === 'accepted')) return 'support-provider';
  if (canIdentifyVictims(actor) && (relations.organisationId === own || relations.referrals.some((r) => r.fromOrganisationId === own && r.toOrganisationId !== own))) return 'first-responder';
  return undefined;
}

/** Who records care given and closes a case: the charity's own staff. */
export const CARE_ROLES = ['charity-case-worker', 'supervisor'] as const satisfies readonly Role[];
/** Who records a change of consent: whoever may identify, or the charity caring for the person. */
export const CONSENT_ROLES = [...IDENTIFIER_ROLES, 'charity-case-worker'] as const satisfies readonly Role[];

export interface CareReferral extends ReferralParties {
  kind: string;
  closedOn: string | null;
}

/** The charity's open case: its accepted referral, not yet closed. Only its case workers add to it. */
export function canRecordCare(actor: Actor, referral: CareReferral): boolean {
  return actor.kind === 'user' && actor.organisationKind === 'support-charity' && anyRole(actor, CARE_ROLES)
    && referral.kind === 'support-charity' && referral.toOrganisationId === actor.organisationId && referral.status === 'accepted' && referral.closedOn === null;
}

/**
 * A change of consent is recorded by a first responder with the whole record, or by the charity
 * caring for the person (it is often the charity the person tells). A charity that has the record
 * only as a past sender does not.
 */
export function canChangeConsent(actor: Actor, relations: VictimRelations, careReferrals: readonly CareReferral[]): boolean {
  if (actor.kind !== 'user' || victimRecordAccess(actor, relations) !== 'full') return false;
  if (careReferrals.some((r) => canRecordCare(actor, r))) return true;
  return canIdentifyVictims(actor);
}

/**
 * The national centre's analysts study victim care as a whole: pseudonymised records, never a
 * name, contact or account — unless a supervisor of the organisation that made a record grants
 * one analyst access to it for a stated purpose, until a set day.
 */
export function canAnalyseVictimCare(actor: Actor): actor is UserActor {
  return actor.kind === 'user' && actor.organisationKind === 'national-centre' && hasRole(actor, 'analyst');
}

/** Only a supervisor of the organisation that made the record grants (or revokes) an analyst's access to it. */
export function canGrantVictimAccess(actor: Actor, recordOrganisationId: string): actor is UserActor {
  return actor.kind === 'user' && actor.organisationId === recordOrganisationId && hasRole(actor, 'supervisor') && FIRST_RESPONDER_KINDS.has(actor.organisationKind);
}
