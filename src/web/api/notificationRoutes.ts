import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { SIGNED_IN } from '../../access/policies/routes.ts';
import type { Services } from '../../services/index.ts';
import { userActorOf } from '../routeGuard.ts';
import { IdParams, Problem } from './schemas.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const security = [{ bearerToken: [] }];

export const Notification = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String({ description: 'Like api-token-expiring or rg-decision-due' }),
  title: Type.String(),
  link: Type.String({ description: 'A path in the staff pages' }),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const NotificationList = Type.Object({
  unreadCount: Type.Integer(),
  notifications: Type.Array(Notification, { description: 'The latest 100, newest first' }),
});

/** The caller's own reminders; nobody reads or marks another person's. */
export async function registerNotificationApiRoutes(parent: FastifyInstance, services: Services): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/notifications', {
    config: { access: SIGNED_IN },
    schema: { summary: 'Your notifications (reminders), newest first', tags: ['notifications'], security, querystring: Type.Object({ unread: Type.Optional(Type.Boolean({ description: 'Only the unread ones' })) }), response: { 200: NotificationList, ...problems } },
  }, async (request) => {
    const actor = userActorOf(request);
    return { unreadCount: await services.notifications.unreadCount(actor), notifications: await services.notifications.listOwn(actor, { unreadOnly: request.query.unread === true }) };
  });

  app.post('/notifications/:id/read', {
    config: { access: SIGNED_IN },
    schema: { summary: 'Mark one of your notifications as read', tags: ['notifications'], security, params: IdParams, response: { 200: Notification, ...problems } },
  }, async (request) => services.notifications.markRead(userActorOf(request), request.params.id));

  app.post('/notifications/read-all', {
    config: { access: SIGNED_IN },
    schema: { summary: 'Mark all your notifications as read', tags: ['notifications'], security, response: { 200: Type.Object({ marked: Type.Integer() }), ...problems } },
  }, async (request) => ({ marked: await services.notifications.markAllRead(userActorOf(request)) }));
}
