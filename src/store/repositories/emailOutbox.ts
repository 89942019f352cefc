import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import type { DatabaseSchema, EmailOutboxRow, EmailStatus, NewEmailOutboxRow } from '../schema.ts';

export interface EmailLease { claimant: string; now: string; until: string; limit: number }

export interface FailedAttempt { attempts: number; status: EmailStatus; nextAttemptAt: string; lastError: string }

/** Pending, due, and not leased to a live claimant (a lease past its time was left by a stopped instance). */
function claimable(now: string) {
  return (eb: ExpressionBuilder<DatabaseSchema, 'email_outbox'>) => eb.and([
    eb('status', '=', 'pending'),
    eb('next_attempt_at', '<=', now),
    eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]),
  ]);
}

export class EmailOutboxRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>, private readonly dialect: Dialect) {}

  /** False when an email with this dedupe key is already queued (or was sent). */
  async insertIfNew(row: NewEmailOutboxRow): Promise<boolean> {
    const inserted = await this.db.insertInto('email_outbox').values(row)
      .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
      .returning('id').execute();
    return inserted.length > 0;
  }

  /**
   * Leases up to `limit` due emails to one claimant in a single statement. On PostgreSQL rows
   * another instance is claiming at this moment are skipped (SKIP LOCKED) and the condition is
   * checked again on the locked row; SQLite has one writer at a time, so the statement is atomic.
   * The candidates are a CTE, evaluated once: PostgreSQL may run an `IN (subquery … LIMIT)` more
   * than once in an UPDATE and so lease more than the limit.
   */
  claimDue(lease: EmailLease): Promise<EmailOutboxRow[]> {
    const leaseColumns = { claimed_by: lease.claimant, claimed_until: lease.until };
    if (this.dialect === 'sqlite') {
      const due = this.db.selectFrom('email_outbox').select('id').where(claimable(lease.now)).orderBy('next_attempt_at').orderBy('id').limit(lease.limit);
      return this.db.updateTable('email_outbox').set(leaseColumns).where('id', 'in', due).returningAll().execute();
    }
    return this.db
      .with('candidates', (db) => db.selectFrom('email_outbox').select('id').where(claimable(lease.now)).orderBy('next_attempt_at').orderBy('id').limit(lease.limit).forUpdate().skipLocked())
      .updateTable('email_outbox')
      .set(leaseColumns)
      .from('candidates')
      .whereRef('email_outbox.id', '=', 'candidates.id')
      .where(claimable(lease.now))
      .returningAll('email_outbox')
      .execute();
  }

  /** Only the holder of the lease records the outcome: a claimant whose lease ran out and was taken over changes nothing. */
  async markSent(id: string, claimant: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('email_outbox')
      .set((eb) => ({ status: 'sent', sent_at: at, attempts: eb('attempts', '+', 1), claimed_by: null, claimed_until: null, last_error: null }))
      .where('id', '=', id).where('claimed_by', '=', claimant).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async markAttemptFailed(id: string, claimant: string, attempt: FailedAttempt): Promise<boolean> {
    const result = await this.db.updateTable('email_outbox')
      .set({ status: attempt.status, attempts: attempt.attempts, next_attempt_at: attempt.nextAttemptAt, last_error: attempt.lastError, claimed_by: null, claimed_until: null })
      .where('id', '=', id).where('claimed_by', '=', claimant).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Sent emails hold addresses and text nobody needs once delivered: they are cleared. The row
   * and its dedupe key stay, so a reminder still due weeks later is not emailed again.
   */
  async clearSentBefore(at: string): Promise<number> {
    const result = await this.db.updateTable('email_outbox').set({ recipient_address: '', subject: '', body: '' })
      .where('status', '=', 'sent').where('sent_at', '<', at).where('recipient_address', '!=', '').executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
