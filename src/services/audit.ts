import type { Actor } from '../access/actor.ts';
import { ForbiddenError } from '../access/errors.ts';
import { canVerifyAuditChain, readableAuditOrganisations } from '../access/policies/audit.ts';
import { GENESIS_HASH, auditRowHash } from '../store/auditHash.ts';
import type { AuditEventRow } from '../store/schema.ts';
import type { ServiceContext } from './context.ts';

export interface AuditEvent {
  seq: number;
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  actorLabel: string;
  action: string;
  outcome: string;
  subjectType: string;
  subjectId: string | null;
  subjectOrganisationId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export type ChainVerdict =
  | { intact: true; rows: number; lastHash: string }
  | { intact: false; rows: number; firstBadSeq: number; problem: 'altered' | 'missing-or-inserted' | 'out-of-order' };

function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    seq: row.seq, id: row.id, occurredAt: row.occurred_at, actorUserId: row.actor_user_id, actorOrganisationId: row.actor_organisation_id,
    actorLabel: row.actor_label, action: row.action, outcome: row.outcome, subjectType: row.subject_type, subjectId: row.subject_id,
    subjectOrganisationId: row.subject_organisation_id, requestId: row.request_id, details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

export class AuditService {
  constructor(private readonly context: ServiceContext) {}

  async list(actor: Actor, query: { subjectType?: string; subjectId?: string; action?: string; beforeSeq?: number; limit?: number }): Promise<AuditEvent[]> {
    const organisationIds = readableAuditOrganisations(actor);
    if (organisationIds !== undefined && organisationIds.length === 0) throw new ForbiddenError();
    const rows = await this.context.store.repositories.auditEvents.list({ ...query, organisationIds, limit: Math.min(query.limit ?? 50, 500) });
    return rows.map(toAuditEvent);
  }

  /**
   * Recomputes the chain from the first row. An edited row fails its own hash; a deleted or
   * inserted row breaks the sequence or the link to its predecessor. Truncating the newest rows
   * leaves a shorter valid chain, which is why the verdict reports the last hash to be kept elsewhere.
   */
  async verifyChain(actor: Actor): Promise<ChainVerdict> {
    if (!canVerifyAuditChain(actor)) throw new ForbiddenError();
    let previousHash = GENESIS_HASH;
    let expectedSeq = 1;
    let rows = 0;
    for await (const row of this.context.store.repositories.auditEvents.inOrder()) {
      rows += 1;
      if (row.seq !== expectedSeq) return { intact: false, rows, firstBadSeq: Math.min(row.seq, expectedSeq), problem: 'missing-or-inserted' };
      if (row.previous_hash !== previousHash) return { intact: false, rows, firstBadSeq: row.seq, problem: 'missing-or-inserted' };
      const { hash, ...fields } = row;
      if (auditRowHash(fields) !== hash) return { intact: false, rows, firstBadSeq: row.seq, problem: 'altered' };
      previousHash = hash;
      expectedSeq += 1;
    }
    return { intact: true, rows, lastHash: previousHash };
  }
}
