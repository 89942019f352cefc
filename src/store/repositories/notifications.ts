import type { Kysely } from 'kysely';
import type { DatabaseSchema, NotificationRow } from '../schema.ts';

export interface ReminderRecipient { id: string; email: string; disabled: boolean }

export class NotificationRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** False when the recipient already has a notification with this dedupe key (found earlier, or by another instance). */
  async insertIfNew(row: NotificationRow): Promise<boolean> {
    const inserted = await this.db.insertInto('notifications').values(row)
      .onConflict((conflict) => conflict.columns(['recipient_user_id', 'dedupe_key']).doNothing())
      .returning('id').execute();
    return inserted.length > 0;
  }

  listForRecipient(userId: string, limit: number): Promise<NotificationRow[]> {
    return this.db.selectFrom('notifications').selectAll().where('recipient_user_id', '=', userId)
      .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  findForRecipient(userId: string, id: string): Promise<NotificationRow | undefined> {
    return this.db.selectFrom('notifications').selectAll().where('id', '=', id).where('recipient_user_id', '=', userId).executeTakeFirst();
  }

  async countUnread(userId: string): Promise<number> {
    const row = await this.db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n'))
      .where('recipient_user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async markRead(userId: string, id: string, at: string): Promise<void> {
    await this.db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('recipient_user_id', '=', userId).where('read_at', 'is', null).execute();
  }

  async markAllRead(userId: string, at: string): Promise<number> {
    const result = await this.db.updateTable('notifications').set({ read_at: at }).where('recipient_user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** The accounts reminders are addressed to: a disabled account gets none. */
  async recipients(userIds: readonly string[]): Promise<ReminderRecipient[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db.selectFrom('users').select(['id', 'email', 'disabled_at']).where('id', 'in', userIds).execute();
    return rows.map((row) => ({ id: row.id, email: row.email, disabled: row.disabled_at !== null }));
  }
}
