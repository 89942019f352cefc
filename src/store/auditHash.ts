// The audit chain: each row's hash covers the previous row's hash and every column of the row,
// so altering, inserting or deleting a row breaks the chain from that row on.
import { createHash } from 'node:crypto';
import type { AuditEventRow } from './schema.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type HashedFields = Omit<AuditEventRow, 'hash'>;

export function auditRowHash(row: HashedFields): string {
  // A fixed field order (not object key order) so the hash does not depend on how a driver builds rows.
  const canonical = JSON.stringify([
    row.seq, row.id, row.occurred_at, row.actor_user_id, row.actor_organisation_id, row.actor_label,
    row.action, row.outcome, row.subject_type, row.subject_id, row.subject_organisation_id,
    row.request_id, row.details, row.previous_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
