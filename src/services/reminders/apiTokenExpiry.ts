import type { ServiceContext } from '../context.ts';
import type { DueReminder, ReminderSource } from './reminderSource.ts';

const WARNING_DAYS = 7;
const DAY_MS = 86_400_000;

/** Made once: building an Intl.DateTimeFormat costs far more than formatting with one. */
const LONDON_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });

/**
 * Tells the owner of a personal API token, a week ahead, that it will expire, so a reporting
 * script does not stop without warning. One reminder per token and expiry date.
 */
export class ApiTokenExpirySource implements ReminderSource {
  readonly name = 'api-token-expiry';

  constructor(private readonly context: ServiceContext) {}

  async dueReminders(now: Date): Promise<DueReminder[]> {
    const tokens = await this.context.store.repositories.apiTokens.listExpiringBetween(now.toISOString(), new Date(now.getTime() + WARNING_DAYS * DAY_MS).toISOString());
    return tokens.flatMap((token) => token.expires_at === null ? [] : [{
      recipientUserIds: [token.user_id],
      kind: 'api-token-expiring',
      title: `Your API token “${token.name}” expires on ${LONDON_DATE.format(new Date(token.expires_at))}`,
      link: '/account#api-tokens',
      dedupeKey: `api-token-expiring:${token.id}:${token.expires_at.slice(0, 10)}`,
    }]);
  }
}
