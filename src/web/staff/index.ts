// The staff surface: sessions, CSRF, the route guard and every signed-in page.
import csrfProtection from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Services } from '../../services/index.ts';
import { guardRoutes } from '../routeGuard.ts';
import { sessionPlugin } from '../sessions.ts';
import { registerAccountRoutes } from './account.ts';
import { registerAuditRoutes } from './audit.ts';
import { registerDashboardPages } from './dashboard/pages.ts';
import { registerEnforcementDetails } from './enforcement/details.ts';
import { registerEnforcementLists } from './enforcement/lists.ts';
import { registerResultsPage } from './enforcement/results.ts';
import { registerEnforcementExportRoutes } from './enforcementExports.ts';
import { registerHiddenScaleRoutes } from './hiddenScale.ts';
import { registerFollowUpRoutes } from './followUps.ts';
import { registerHomeRoutes } from './home.ts';
import { registerInformationLineRoutes } from './informationLine.ts';
import { registerScreeningRoutes } from './screenings.ts';
import { registerLinkagePages } from './linkage/pages.ts';
import { registerNotificationRoutes } from './notifications.ts';
import { registerIntelligenceRoutes } from './intelligence.ts';
import { registerNetworkRoutes } from './network.ts';
import { staffNavigation } from './navigation.ts';
import { registerOrganisationRoutes } from './organisations.ts';
import { registerRecordingRoutes } from './recording/index.ts';
import { registerSignInRoutes } from './signIn.ts';
import { registerStatisticsReleaseRoutes } from './statisticsReleases.ts';
import { registerTriageRoutes } from './triage.ts';
import { registerUserRoutes } from './users.ts';
import { registerVictimCareRoutes } from './victims/index.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function staffSurface(app: FastifyInstance, options: { config: Config; services: Services }): Promise<void> {
  const { config, services } = options;
  await app.register(sessionPlugin, { config, services });
  await app.register(csrfProtection, { sessionPlugin: '@fastify/session', getToken: (request: FastifyRequest) => formToken(request) });

  app.addHook('preValidation', (request, reply, done) => {
    if (UNSAFE_METHODS.has(request.method)) app.csrfProtection(request, reply, done);
    else done();
  });

  app.addHook('onRequest', async (request) => {
    request.pageLocals = async (reply: FastifyReply) => {
      const flash = request.session.flash;
      if (flash !== undefined) request.session.flash = undefined;
      const actor = request.actor;
      return {
        csrfToken: reply.generateCsrf(),
        flash,
        navigation: staffNavigation(actor, request.url.split('?')[0] ?? '/'),
        // Looked up only when a page renders, for the count beside Notifications in the menu.
        unreadNotifications: actor?.kind === 'user' ? await services.notifications.unreadCount(actor) : 0,
      };
    };
  });

  guardRoutes(app, async (request, reply, decision) => {
    if (decision === 'sign-in-required') {
      const next = request.method === 'GET' ? request.url : '/';
      return reply.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
    }
    return reply.code(403).page('errors/forbidden.njk');
  });

  await registerSignInRoutes(app, services, config);
  await registerHomeRoutes(app, services);
  await registerOrganisationRoutes(app, services);
  await registerUserRoutes(app, services);
  await registerAuditRoutes(app, services);
  await registerAccountRoutes(app, services);
  await registerNotificationRoutes(app, services);
  await registerEnforcementLists(app, services);
  await registerEnforcementDetails(app, services);
  await registerResultsPage(app, services);
  await registerDashboardPages(app, services);
  await registerHiddenScaleRoutes(app, services);
  registerRecordingRoutes(app, services);
  await registerFollowUpRoutes(app, services);
  await registerEnforcementExportRoutes(app, services);
  await registerLinkagePages(app, services);
  await registerVictimCareRoutes(app, services);
  await registerIntelligenceRoutes(app, services);
  await registerNetworkRoutes(app, services);
  await registerTriageRoutes(app, services);
  await registerInformationLineRoutes(app, services);
  await registerScreeningRoutes(app, services);
  await registerStatisticsReleaseRoutes(app, services);
}

function formToken(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const token = body?.['_csrf'];
  return typeof token === 'string' ? token : undefined;
}
