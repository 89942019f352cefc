import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import { newId } from '../ids.ts';
import { GENESIS_HASH, auditRowHash, type HashedFields } from '../auditHash.ts';
import type { AuditEventRow, DatabaseSchema } from '../schema.ts';

export interface AuditEventInput {
  occurredAt: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  actorLabel: string;
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  subjectType: string;
  subjectId: string | null;
  subjectOrganisationId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export interface AuditQuery {
  /** Only events whose actor or subject belongs to one of these organisations; undefined means all. */
  organisationIds?: string[];
  subjectType?: string;
  subjectId?: string;
  action?: string;
  beforeSeq?: number;
  limit: number;
}

// A fixed key so every application instance serialises on the same PostgreSQL advisory lock.
const AUDIT_CHAIN_LOCK = 7_310_042_001;

export class AuditEventRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>, private readonly dialect: Dialect) {}

  /** Must run inside the transaction of the change it records. */
  async append(event: AuditEventInput): Promise<AuditEventRow> {
    if (this.dialect === 'postgres') {
      // Two instances appending at once would both link to the same previous row; the lock makes the chain linear.
      await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(this.db);
    }
    const last = await this.db.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const fields: HashedFields = {
      seq: (last === undefined ? 0 : Number(last.seq)) + 1,
      id: newId(),
      occurred_at: event.occurredAt,
      actor_user_id: event.actorUserId,
      actor_organisation_id: event.actorOrganisationId,
      actor_label: event.actorLabel,
      action: event.action,
      outcome: event.outcome,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      subject_organisation_id: event.subjectOrganisationId,
      request_id: event.requestId,
      details: JSON.stringify(event.details),
      previous_hash: last?.hash ?? GENESIS_HASH,
    };
    const row: AuditEventRow = { ...fields, hash: auditRowHash(fields) };
    await this.db.insertInto('audit_events').values(row).execute();
    return row;
  }

  async list(query: AuditQuery): Promise<AuditEventRow[]> {
    let select = this.db.selectFrom('audit_events').selectAll();
    if (query.organisationIds !== undefined) {
      const ids = query.organisationIds;
      if (ids.length === 0) return [];
      select = select.where((eb) => eb.or([eb('subject_organisation_id', 'in', ids), eb('actor_organisation_id', 'in', ids)]));
    }
    if (query.subjectType !== undefined) select = select.where('subject_type', '=', query.subjectType);
    if (query.subjectId !== undefined) select = select.where('subject_id', '=', query.subjectId);
    if (query.action !== undefined) select = select.where('action', '=', query.action);
    if (query.beforeSeq !== undefined) select = select.where('seq', '<', query.beforeSeq);
    const rows = await select.orderBy('seq', 'desc').limit(query.limit).execute();
    return rows.map(normaliseRow);
  }

  /** Walks the whole chain in order, a page at a time, so verification runs in bounded memory. */
  async *inOrder(pageSize = 1000): AsyncGenerator<AuditEventRow> {
    let after = 0;
    for (;;) {
      const page = await this.db.selectFrom('audit_events').selectAll().where('seq', '>', after).orderBy('seq', 'asc').limit(pageSize).execute();
      for (const row of page) yield normaliseRow(row);
      const lastRow = page.at(-1);
      if (lastRow === undefined || page.length < pageSize) return;
      after = Number(lastRow.seq);
    }
  }
}

/** PostgreSQL returns integer columns as numbers but a driver may hand back strings for big values. */
function normaliseRow(row: AuditEventRow): AuditEventRow {
  return { ...row, seq: Number(row.seq) };
}
