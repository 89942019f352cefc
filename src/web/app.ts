// The composition root of the web side: builds Fastify, the shared protections, and the
// surfaces the configuration asks for. Nothing here holds a rule of its own.
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PUBLIC } from '../access/policies/routes.ts';
import type { Config, Surface } from '../config.ts';
import type { Services } from '../services/index.ts';
import type { Database } from '../store/database.ts';
import { newId } from '../store/ids.ts';
import { apiSurface } from './api/index.ts';
import { buildNetworkScripts, buildStylesheet, govukFrontendDist, ownAssetsDir, type Script } from './assets.ts';
import { registerPageErrorHandling } from './errors.ts';
import './fastifyTypes.ts';
import { registerHealthRoutes } from './health.ts';
import { loggerOptions } from './logging.ts';
import { publicStatisticsSurface, publicSurface } from './public/index.ts';
import { requireAccessDecisions } from './routeGuard.ts';
import { staffSurface } from './staff/index.ts';
import { viewsPlugin } from './views.ts';

export interface WebDependencies {
  config: Config;
  services: Services;
  database: Database;
  surface?: Surface;
  /** Tests pass a stream to read what was logged. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(dependencies: WebDependencies): Promise<FastifyInstance> {
  const { config, services, database } = dependencies;
  const surface = dependencies.surface ?? config.surface;
  const logger = dependencies.logStream === undefined ? loggerOptions(config) : { ...loggerOptions(config), stream: dependencies.logStream };
  const app = Fastify({
    logger,
    genReqId: () => newId(),
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    routerOptions: { ignoreTrailingSlash: true },
  });

  await app.register(requireAccessDecisions);
  await registerHealthRoutes(app, database);

  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], fontSrc: ["'self'"],
        connectSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'self'"], objectSrc: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    // GOV.UK Frontend's "Exit this page" leaves for another site; no referrer tells it where from.
    referrerPolicy: { policy: 'no-referrer' },
    hsts: config.secureCookies,
  });
  await app.register(rateLimit, { global: false });
  await app.register(formbody);

  const stylesheet = buildStylesheet();
  const networkScripts = buildNetworkScripts();
  await app.register(viewsPlugin, {
    globals: {
      stylesheetPath: stylesheet.path, demo: config.loadDemo, serviceName: 'Lifeline',
      cytoscapeScriptPath: networkScripts.cytoscape.path, networkScriptPath: networkScripts.drawing.path,
    },
  });
  await app.register(staticAssets, { stylesheet, scripts: [networkScripts.cytoscape, networkScripts.drawing] });
  registerPageErrorHandling(app, config.environment === 'development');

  if (surface === 'staff' || surface === 'all') {
    await app.register(staffSurface, { config, services });
    await app.register(apiSurface, { prefix: '/api/v1', services });
  }
  if (surface === 'public' || surface === 'all') {
    await app.register(publicSurface, { prefix: '/report', config, services });
    await app.register(publicStatisticsSurface, { prefix: '/statistics', config, services });
  }
  if (surface === 'public') {
    app.get('/', { config: { access: PUBLIC } }, async (_request, reply) => reply.redirect('/report', 302));
  }
  return app;
}

/** Static files are public by nature; this scope marks every route it adds as such. */
const staticAssets = fastifyPlugin(async (app: FastifyInstance, options: { stylesheet: { body: string; path: string }; scripts: readonly Script[] }) => {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: PUBLIC };
    });
    await scope.register(fastifyStatic, { root: path.join(govukFrontendDist, 'govuk/assets'), prefix: '/assets/', maxAge: '1d', decorateReply: false });
    await scope.register(fastifyStatic, { root: ownAssetsDir, prefix: '/static/', allowedPath: (pathName) => pathName === '/init.js', decorateReply: false });
    // Read once rather than sendFile: with decorateReply false there is no reply.sendFile, and the file never changes while we run.
    const govukScript = readFileSync(path.join(govukFrontendDist, 'govuk/govuk-frontend.min.js'));
    scope.get('/static/govuk-frontend.min.js', async (_request, reply) =>
      reply.type('text/javascript').header('cache-control', 'public, max-age=86400').send(govukScript));
    scope.get(options.stylesheet.path, async (_request, reply) =>
      reply.type('text/css').header('cache-control', 'public, max-age=31536000, immutable').send(options.stylesheet.body));
    // Versioned addresses: the content behind one never changes, so it is cached for good.
    for (const script of options.scripts) {
      scope.get(script.path, async (_request, reply) =>
        reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(script.body));
    }
  });
});
