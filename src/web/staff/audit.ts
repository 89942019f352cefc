import type { FastifyInstance, FastifyRequest } from 'fastify';
import { canVerifyAuditChain, readableAuditOrganisations } from '../../access/policies/audit.ts';
import { rolesOnly } from '../../access/policies/routes.ts';
import type { AuditEvent, ChainVerdict } from '../../services/audit.ts';
import type { Services } from '../../services/index.ts';
import { actorOf } from '../routeGuard.ts';
import { staffNavigation } from './navigation.ts';

const AUDIT_READERS = rolesOnly('supervisor', 'system-administrator');
const PAGE_SIZE = 50;

export async function registerAuditRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const render = async (request: FastifyRequest, verdict: ChainVerdict | null) => {
    const actor = actorOf(request);
    const query = request.query as { action?: string; before?: string };
    const action = query.action?.trim() === '' ? undefined : query.action?.trim();
    const before = query.before === undefined ? undefined : Number(query.before);
    const events = await services.audit.list(actor, { action, beforeSeq: Number.isInteger(before) ? before : undefined, limit: PAGE_SIZE });
    const names = await userNames(services, events);
    const scope = readableAuditOrganisations(actor);
    return {
      events: events.map((event) => ({
        ...event,
        actorName: event.actorUserId === null ? event.actorLabel : (names.get(event.actorUserId) ?? event.actorLabel),
        subjectName: event.subjectType === 'user' && event.subjectId !== null ? names.get(event.subjectId) : event.subjectId,
      })),
      filter: { action: action ?? '' },
      nextBefore: events.length === PAGE_SIZE ? events.at(-1)?.seq : null,
      canVerify: canVerifyAuditChain(actor),
      scopeDescription: scope === undefined ? 'Every event in Lifeline.' : 'Events by or about people and records of your organisation.',
      verdict,
      navigation: staffNavigation(actor, '/audit'),
    };
  };

  app.get('/audit', { config: { access: AUDIT_READERS } }, async (request, reply) => reply.page('staff/audit.njk', await render(request, null)));

  app.post('/audit/verify', { config: { access: rolesOnly('system-administrator') } }, async (request, reply) => {
    const verdict = await services.audit.verifyChain(actorOf(request));
    return reply.page('staff/audit.njk', await render(request, verdict));
  });
}

async function userNames(services: Services, events: AuditEvent[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.actorUserId !== null) ids.add(event.actorUserId);
    if (event.subjectType === 'user' && event.subjectId !== null) ids.add(event.subjectId);
  }
  const names = new Map<string, string>();
  for (const id of ids) {
    const user = await services.context.store.repositories.users.findById(id);
    if (user !== undefined) names.set(id, user.display_name);
  }
  return names;
}
