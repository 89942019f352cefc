// Access to routes is decided here and only here: each route declares who may use it, a route
// without a declaration fails to register, and each surface runs the guard after it knows the actor.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Actor, UserActor } from '../access/actor.ts';
import { ForbiddenError } from '../access/errors.ts';
import { decideRoute, type RouteAccess } from '../access/policies/routes.ts';

export class MissingAccessDecisionError extends Error {
  constructor(method: string, url: string) {
    super(`Route ${method} ${url} declares no access rule: add config.access (PUBLIC, SIGNED_IN or rolesOnly(...))`);
    this.name = 'MissingAccessDecisionError';
  }
}

export interface DeclaredRoute { method: string; url: string; access: RouteAccess | undefined }

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route and its access rule, for the access matrix test and for review. */
    declaredRoutes(): DeclaredRoute[];
  }
}

/** Registered once at the root: every route in every surface passes through this check. */
export const requireAccessDecisions = fastifyPlugin(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null);
  // Checked when the app is ready, not as each route is added, because a scope may still set a
  // route's access in its own onRoute hook (static files are public by nature).
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.decorate('declaredRoutes', () =>
    routes.flatMap((route) => (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({ method: String(method), url: route.url, access: route.config?.access }))));
  app.addHook('onReady', async () => {
    const undecided = routes.find((route) => route.config?.access === undefined);
    if (undecided !== undefined) {
      throw new MissingAccessDecisionError(Array.isArray(undecided.method) ? undecided.method.join(',') : undecided.method, undecided.url);
    }
  });
});

export type DenialResponder = (request: FastifyRequest, reply: FastifyReply, decision: 'sign-in-required' | 'forbidden') => Promise<FastifyReply>;

export function guardRoutes(app: FastifyInstance, respond: DenialResponder): void {
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    // Not-found handling has no route config: it reveals nothing, so it needs no decision.
    if (access === undefined) return;
    const decision = decideRoute(access, request.actor);
    if (decision !== 'allow') return respond(request, reply, decision);
  });
}

/** The actor of a route whose access rule requires one; the guard has already refused anyone else. */
export function actorOf(request: FastifyRequest): Actor {
  if (request.actor === null) throw new ForbiddenError('Sign in to use this page');
  return request.actor;
}

export function userActorOf(request: FastifyRequest): UserActor {
  const actor = actorOf(request);
  if (actor.kind !== 'user') throw new ForbiddenError('Only a signed-in person can use this page');
  return actor;
}
