// The public surface: no sign-in, no staff session, nothing read back. It takes reports (issue 5)
// and can show published statistics, and nothing else.
import fastifyCookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Services } from '../../services/index.ts';
import { guardRoutes } from '../routeGuard.ts';
import { registerReportRoutes } from './reportRoutes.ts';
import { registerStatisticsRoutes } from './statisticsRoutes.ts';

// Limits per client without keeping who the client is: the address is hashed with a salt that
// lives only in this process's memory and is never written anywhere.
const salt = randomBytes(32);

async function limitRequests(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: config.publicRateLimitPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request) => createHash('sha256').update(salt).update(request.ip).digest('base64url'),
  });
}

export async function publicSurface(app: FastifyInstance, options: { config: Config; services: Services }): Promise<void> {
  await limitRequests(app, options.config);
  // Only the draft cookie the form needs; nothing is signed into it because it is a random id.
  await app.register(fastifyCookie);
  guardRoutes(app, async (_request, reply) => reply.code(404).page('errors/not-found.njk'));
  registerReportRoutes(app, options.services, options.config);
}

/** Published statistics (issue 9), under /statistics: read-only, approved releases only. */
export async function publicStatisticsSurface(app: FastifyInstance, options: { config: Config; services: Services }): Promise<void> {
  await limitRequests(app, options.config);
  guardRoutes(app, async (_request, reply) => reply.code(404).page('errors/not-found.njk'));
  registerStatisticsRoutes(app, options.services);
}
