import type { FastifyInstance } from 'fastify';
import { SIGNED_IN } from '../../access/policies/routes.ts';
import type { Services } from '../../services/index.ts';
import { NOTIFICATION_LIST_LIMIT } from '../../services/notifications.ts';
import { userActorOf } from '../routeGuard.ts';
import { staffNavigation } from './navigation.ts';

/** Each person's reminders: every signed-in user has the page, and sees only their own. */
export async function registerNotificationRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/notifications', { config: { access: SIGNED_IN } }, async (request, reply) => {
    const actor = userActorOf(request);
    const notifications = await services.notifications.listOwn(actor);
    return reply.page('staff/notifications.njk', {
      notifications, unread: await services.notifications.unreadCount(actor), limit: NOTIFICATION_LIST_LIMIT,
      navigation: staffNavigation(actor, '/notifications'),
    });
  });

  app.post('/notifications/:notificationId/read', { config: { access: SIGNED_IN } }, async (request, reply) => {
    await services.notifications.markRead(userActorOf(request), (request.params as { notificationId: string }).notificationId);
    return reply.redirect('/notifications', 303);
  });

  app.post('/notifications/read-all', { config: { access: SIGNED_IN } }, async (request, reply) => {
    const marked = await services.notifications.markAllRead(userActorOf(request));
    request.session.flash = { kind: 'success', title: marked === 1 ? '1 notification marked as read' : `${marked} notifications marked as read` };
    return reply.redirect('/notifications', 303);
  });
}
