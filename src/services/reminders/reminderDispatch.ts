// Turns the due reminders of every source into notifications and queued emails, each once.
import { newId } from '../../store/ids.ts';
import type { ServiceContext } from '../context.ts';
import { errorCode, type ReminderLogger } from './reminderLogger.ts';
import type { DueReminder, ReminderSource } from './reminderSource.ts';

export interface ReminderEmailSettings {
  /** The From header. */
  from: string;
  /** Where staff open Lifeline, without a trailing slash: links in emails are made absolute with it. */
  staffBaseUrl: string;
}

export interface DispatchSummary {
  /** Reminders the sources returned, new or not. */
  found: number;
  notificationsCreated: number;
  emailsQueued: number;
  /** Reminders refused as malformed (see the log for which source). */
  refused: number;
  /** Sources that failed this run; the others went ahead. */
  failedSources: string[];
}

const MAX_DEDUPE_KEY = 200;
const MAX_TITLE = 300;

/** A path inside Lifeline, never another site: "//host" and "/\host" would leave it. */
function isLocalPath(link: string): boolean {
  return link.startsWith('/') && !link.startsWith('//') && !link.includes('\\') && !/\s/.test(link);
}

function problemWith(reminder: DueReminder): string | null {
  if (reminder.recipientUserIds.length === 0) return 'no recipients';
  if (reminder.dedupeKey.length === 0 || reminder.dedupeKey.length > MAX_DEDUPE_KEY) return 'dedupe key empty or too long';
  if (reminder.title.trim().length === 0 || reminder.title.length > MAX_TITLE || /[\r\n]/.test(reminder.title)) return 'title empty, too long or on several lines';
  if (reminder.kind.length === 0) return 'no kind';
  if (!isLocalPath(reminder.link)) return 'link is not a path inside Lifeline';
  return null;
}

export function reminderEmailText(reminder: DueReminder, settings: ReminderEmailSettings): string {
  return [
    'A reminder from Lifeline:',
    '',
    reminder.title,
    '',
    `Open it: ${settings.staffBaseUrl}${reminder.link}`,
    '',
    `All your reminders: ${settings.staffBaseUrl}/notifications`,
    '',
    'You receive this email because you have a Lifeline account. Sign in to see the details.',
    '',
  ].join('\n');
}

export async function dispatchDueReminders(
  context: ServiceContext,
  sources: readonly ReminderSource[],
  settings: ReminderEmailSettings,
  logger: ReminderLogger,
): Promise<DispatchSummary> {
  const summary: DispatchSummary = { found: 0, notificationsCreated: 0, emailsQueued: 0, refused: 0, failedSources: [] };
  const now = context.clock();
  for (const source of sources) {
    let reminders: DueReminder[];
    try {
      reminders = await source.dueReminders(now);
    } catch (error) {
      // One broken source must not stop the reminders of the others.
      summary.failedSources.push(source.name);
      logger.error({ source: source.name, error: errorCode(error) }, 'A reminder source failed');
      continue;
    }
    summary.found += reminders.length;
    for (const reminder of reminders) {
      const problem = problemWith(reminder);
      if (problem !== null) {
        summary.refused += 1;
        logger.warn({ source: source.name, kind: reminder.kind, problem }, 'A reminder was refused');
        continue;
      }
      const stored = await storeReminder(context, reminder, settings);
      summary.notificationsCreated += stored.notifications;
      summary.emailsQueued += stored.emails;
    }
  }
  return summary;
}

/**
 * No transaction: each insert is one statement, atomic on its own and idempotent by its dedupe
 * key, so an instance that stops between the two leaves the email to the next run, and no
 * instance holds the database while another waits for it.
 */
async function storeReminder(context: ServiceContext, reminder: DueReminder, settings: ReminderEmailSettings): Promise<{ notifications: number; emails: number }> {
  const repositories = context.store.repositories;
  const recipients = await repositories.notifications.recipients([...new Set(reminder.recipientUserIds)]);
  let notifications = 0;
  let emails = 0;
  for (const recipient of recipients) {
    if (recipient.disabled) continue;
    const at = context.clock().toISOString();
    const created = await repositories.notifications.insertIfNew({
      id: newId(), recipient_user_id: recipient.id, kind: reminder.kind, title: reminder.title, link: reminder.link,
      dedupe_key: reminder.dedupeKey, created_at: at, read_at: null,
    });
    if (created) notifications += 1;
    const queued = await repositories.emailOutbox.insertIfNew({
      id: newId(), recipient_address: recipient.email, subject: reminder.title,
      body: reminderEmailText(reminder, settings), dedupe_key: `${reminder.dedupeKey}|${recipient.id}`, status: 'pending',
      next_attempt_at: at, claimed_by: null, claimed_until: null, last_error: null, sent_at: null, created_at: at,
    });
    if (queued) emails += 1;
  }
  return { notifications, emails };
}
