// The JSON API: personal API tokens (no cookies, so no CSRF), problem+json errors, OpenAPI from the route schemas.
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { PUBLIC } from '../../access/policies/routes.ts';
import type { Services } from '../../services/index.ts';
import { problemFor, sendProblem } from '../errors.ts';
import { guardRoutes } from '../routeGuard.ts';
import { registerEnforcementEditApiRoutes } from './enforcementEditRoutes.ts';
import { registerEnforcementApiRoutes } from './enforcementRoutes.ts';
import { registerLinkageApiRoutes } from './linkageRoutes.ts';
import { registerNotificationApiRoutes } from './notificationRoutes.ts';
import { registerIntelligenceApiRoutes } from './intelligenceRoutes.ts';
import { registerHiddenScaleApiRoutes } from './hiddenScaleRoutes.ts';
import { registerPublicReportApiRoutes } from './publicReportRoutes.ts';
import { registerInformationLineApiRoutes } from './informationLineRoutes.ts';
import { registerApiRoutes } from './routes.ts';
import { registerStatisticsApiRoutes } from './statisticsRoutes.ts';
import { registerVictimCareApiRoutes } from './victimCareRoutes.ts';
import { Problem } from './schemas.ts';

export async function apiSurface(app: FastifyInstance, options: { services: Services }): Promise<void> {
  const { services } = options;
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Lifeline API', version: '1', description: 'The same services as the Lifeline pages, with the same access rules. Authenticate with a personal API token made on your account page: `Authorization: Bearer llt_…`.' },
      servers: [{ url: '/' }],
      components: { securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal API token' } } },
    },
    hideUntagged: true,
  });
  app.addSchema(Problem);

  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
    request.actor = match?.[1] === undefined ? null : await services.apiTokens.authenticate(match[1], request.id);
  });

  guardRoutes(app, async (request, reply, decision) => {
    if (decision === 'sign-in-required') {
      reply.header('www-authenticate', 'Bearer realm="lifeline"');
      return sendProblem(reply, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Send a valid personal API token as "Authorization: Bearer <token>"', instance: request.url.split('?')[0] });
    }
    return sendProblem(reply, { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Your roles do not include this operation', instance: request.url.split('?')[0] });
  });

  app.setErrorHandler(async (error, request, reply) => {
    const problem = problemFor(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'API request failed');
    return sendProblem(reply, problem);
  });

  await registerApiRoutes(app, services);
  await registerEnforcementApiRoutes(app, services);
  await registerLinkageApiRoutes(app, services);
  await registerNotificationApiRoutes(app, services);
  await registerVictimCareApiRoutes(app, services);
  await registerIntelligenceApiRoutes(app, services);
  await registerHiddenScaleApiRoutes(app, services);
  await registerPublicReportApiRoutes(app, services);
  await registerInformationLineApiRoutes(app, services);
  await registerEnforcementEditApiRoutes(app, services);
  await registerStatisticsApiRoutes(app, services);

  app.get('/openapi.json', { config: { access: PUBLIC } }, async () => app.swagger());
  app.get('/docs', { config: { access: PUBLIC } }, async (_request, reply) => reply.page('api/docs.njk', { operations: operationsOf(app.swagger() as OpenApiDocument) }));
}

interface OpenApiDocument { paths?: Record<string, Record<string, { summary?: string; tags?: string[]; security?: unknown[] }>> }

function operationsOf(document: OpenApiDocument): Array<{ method: string; path: string; summary: string; tag: string }> {
  const operations = [];
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(methods)) {
      operations.push({ method: method.toUpperCase(), path, summary: operation.summary ?? '', tag: operation.tags?.[0] ?? '' });
    }
  }
  return operations.sort((a, b) => a.tag.localeCompare(b.tag) || a.path.localeCompare(b.path));
}
