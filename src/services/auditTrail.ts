import { actorLabel, type Actor } from '../access/actor.ts';
import type { Repositories } from '../store/store.ts';
import type { AuditEventInput } from '../store/repositories/auditEvents.ts';

/** Someone who has typed a password but is not yet an actor (sign-in, second factor, enrolment). */
export interface SigningIn {
  kind: 'signing-in';
  userId: string;
  organisationId: string;
  requestId: string | null;
}

/** Nobody identified: a sign-in attempt for an unknown account, or the public surface. */
export interface Anonymous {
  kind: 'anonymous';
  requestId: string | null;
}

export type AuditedParty = Actor | SigningIn | Anonymous;

export interface AuditRecord {
  action: string;
  outcome?: AuditEventInput['outcome'];
  subjectType: string;
  subjectId: string | null;
  subjectOrganisationId: string | null;
  /** Never personal data about victims: ids, field names and codes only. */
  details?: Record<string, unknown>;
}

export async function recordAudit(repositories: Repositories, party: AuditedParty, at: string, record: AuditRecord): Promise<void> {
  const identified = party.kind === 'user' || party.kind === 'signing-in';
  await repositories.auditEvents.append({
    occurredAt: at,
    actorUserId: identified ? party.userId : null,
    actorOrganisationId: identified ? party.organisationId : null,
    actorLabel: party.kind === 'anonymous' ? 'anonymous' : party.kind === 'signing-in' ? `user:${party.userId}` : actorLabel(party),
    action: record.action,
    outcome: record.outcome ?? 'success',
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    subjectOrganisationId: record.subjectOrganisationId,
    requestId: party.requestId,
    details: record.details ?? {},
  });
}
