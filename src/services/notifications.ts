import type { UserActor } from '../access/actor.ts';
import { NotFoundError } from '../access/errors.ts';
import type { NotificationRow } from '../store/schema.ts';
import { isoNow, type ServiceContext } from './context.ts';

export interface Notification {
  id: string;
  kind: string;
  title: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

function toNotification(row: NotificationRow): Notification {
  return { id: row.id, kind: row.kind, title: row.title, link: row.link, createdAt: row.created_at, readAt: row.read_at };
}

/** The list shows the latest; older reminders have long been acted on. */
export const NOTIFICATION_LIST_LIMIT = 100;

/**
 * Each person's own reminders. Nobody, whatever their role, reads or marks another person's:
 * someone else's notification answers as not found.
 */
export class NotificationService {
  constructor(private readonly context: ServiceContext) {}

  async listOwn(actor: UserActor, options: { unreadOnly?: boolean } = {}): Promise<Notification[]> {
    const rows = await this.context.store.repositories.notifications.listForRecipient(actor.userId, NOTIFICATION_LIST_LIMIT);
    return rows.filter((row) => options.unreadOnly !== true || row.read_at === null).map(toNotification);
  }

  unreadCount(actor: UserActor): Promise<number> {
    return this.context.store.repositories.notifications.countUnread(actor.userId);
  }

  async markRead(actor: UserActor, notificationId: string): Promise<Notification> {
    const repository = this.context.store.repositories.notifications;
    const row = await repository.findForRecipient(actor.userId, notificationId);
    if (row === undefined) throw new NotFoundError('Notification');
    if (row.read_at !== null) return toNotification(row);
    const at = isoNow(this.context.clock);
    await repository.markRead(actor.userId, row.id, at);
    return toNotification({ ...row, read_at: at });
  }

  /** How many were marked. */
  markAllRead(actor: UserActor): Promise<number> {
    return this.context.store.repositories.notifications.markAllRead(actor.userId, isoNow(this.context.clock));
  }
}
