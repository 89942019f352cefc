// The public surface: no sign-in, no staff session, nothing read back. It can grow to take
// reports (issue 5) and show published statistics, and nothing else.
import { createHash, randomBytes } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import { PUBLIC } from '../../access/policies/routes.ts';
import { guardRoutes } from '../routeGuard.ts';

export async function publicSurface(app: FastifyInstance, options: { config: Config }): Promise<void> {
  // Limits per client without keeping who the client is: the address is hashed with a salt that
  // lives only in this process's memory and is never written anywhere.
  const salt = randomBytes(32);
  await app.register(rateLimit, {
    global: true,
    max: options.config.publicRateLimitPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (request) => createHash('sha256').update(salt).update(request.ip).digest('base64url'),
  });
  guardRoutes(app, async (_request, reply) => reply.code(404).page('errors/not-found.njk'));

  app.get('/', { config: { access: PUBLIC } }, async (_request, reply) => reply.page('public/report-landing.njk'));
}
