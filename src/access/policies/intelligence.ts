import type { Grade } from '../../domain/intelligence/grade.ts';
import { disseminationOf } from '../../domain/intelligence/handling.ts';
import { hasRole, type Actor } from '../actor.ts';

// Intelligence reports. The handling code decides who outside the originating organisation may
// read one, and a report an actor may not read answers exactly like one that does not exist
// (404, never 403), so that its existence is not disclosed:
// - open (5x5x5 1, 3x5x2 P): law enforcement readers of any organisation;
// - with authorisation (5x5x5 2 and 3, 3x5x2 C) and refer to the originator (5x5x5 5): only an
//   organisation named in a recorded authorisation of the originating organisation;
// - originating agency only (5x5x5 4): nobody outside the originating organisation, ever.

/** Officers and supervisors of police forces, analysts and supervisors of the national centre. */
export function canUseIntelligence(actor: Actor): boolean {
  if (actor.kind === 'system') return true;
  if (actor.organisationKind === 'police-force') return hasRole(actor, 'officer') || hasRole(actor, 'supervisor');
  if (actor.organisationKind === 'national-centre') return hasRole(actor, 'analyst') || hasRole(actor, 'supervisor');
  return false;
}

export interface ReportAccessFacts {
  organisationId: string;
  grade: Grade;
  /** Organisations named in the report's recorded dissemination authorisations. */
  authorisedOrganisationIds: readonly string[];
}

export function canReadReport(actor: Actor, report: ReportAccessFacts): boolean {
  if (actor.kind === 'system') return true;
  if (!canUseIntelligence(actor)) return false;
  if (actor.organisationId === report.organisationId) return true;
  const dissemination = disseminationOf(report.grade);
  switch (dissemination) {
    case 'open':
      return true;
    case 'originating-agency-only':
      return false;
    case 'with-authorisation':
    case 'refer-to-originator':
      return report.authorisedOrganisationIds.includes(actor.organisationId);
  }
}

/** Re-grading, sanitising and authorising dissemination: a supervisor of the originating organisation. */
export function canReviewReport(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  return actor.organisationId === organisationId && hasRole(actor, 'supervisor') && canUseIntelligence(actor);
}

/** Which grading scheme an organisation uses: its own administrators, or a system administrator. */
export function canSetGradingScheme(actor: Actor, organisationId: string): boolean {
  if (actor.kind === 'system') return true;
  return hasRole(actor, 'system-administrator') || (hasRole(actor, 'organisation-administrator') && actor.organisationId === organisationId);
}
