import type { Actor } from '../access/actor.ts';
import type { RouteAccess } from '../access/policies/routes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may use the route. Required: the route guard refuses to register a route without it. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export {};
