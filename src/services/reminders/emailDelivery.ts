// Sends queued reminder emails. Each instance leases a batch with one atomic statement, so two
// instances never hold the same email; a lease left by a stopped instance runs out and is taken over.
import { afterFailedAttempt } from '../../domain/emailRetry.ts';
import type { ServiceContext } from '../context.ts';
import type { MailTransport } from './mailTransport.ts';
import { errorCode, type ReminderLogger } from './reminderLogger.ts';

export interface DeliverySettings {
  /** Names this instance in claimed_by. */
  claimant: string;
  from: string;
  batchSize: number;
  /** Longer than any one send can take (the SMTP transport's own timeouts are shorter). */
  leaseMs: number;
}

export interface DeliverySummary { sent: number; retrying: number; failed: number }

/** Enough rounds for a backlog after an outage, without one run going on for ever. */
const MAX_ROUNDS = 20;

export async function deliverDueEmails(context: ServiceContext, transport: MailTransport, settings: DeliverySettings, logger: ReminderLogger): Promise<DeliverySummary> {
  const summary: DeliverySummary = { sent: 0, retrying: 0, failed: 0 };
  const outbox = context.store.repositories.emailOutbox;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const now = context.clock();
    const claimed = await outbox.claimDue({ claimant: settings.claimant, now: now.toISOString(), until: new Date(now.getTime() + settings.leaseMs).toISOString(), limit: settings.batchSize });
    for (const email of claimed) {
      try {
        await transport.send({ id: email.id, from: settings.from, to: email.recipient_address, subject: email.subject, text: email.body });
      } catch (error) {
        const attempts = email.attempts + 1;
        const outcome = afterFailedAttempt(attempts);
        const at = context.clock();
        await outbox.markAttemptFailed(email.id, settings.claimant, {
          attempts, status: outcome.status, lastError: errorCode(error),
          nextAttemptAt: outcome.status === 'pending' ? new Date(at.getTime() + outcome.retryAfterMs).toISOString() : at.toISOString(),
        });
        if (outcome.status === 'failed') {
          summary.failed += 1;
          logger.error({ outboxId: email.id, attempts, error: errorCode(error) }, 'A reminder email failed for good');
        } else {
          summary.retrying += 1;
          logger.warn({ outboxId: email.id, attempts, error: errorCode(error) }, 'A reminder email could not be sent; it will be tried again');
        }
        continue;
      }
      if (await outbox.markSent(email.id, settings.claimant, context.clock().toISOString())) summary.sent += 1;
      else logger.warn({ outboxId: email.id }, 'A reminder email was sent after its lease ran out');
    }
    if (claimed.length < settings.batchSize) break;
  }
  return summary;
}
