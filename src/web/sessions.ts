// Server-side sessions kept in the database (so several instances share them), with an idle
// timeout (the cookie and row expiry, renewed on use) and an absolute one (from sign-in).
import fastifyCookie from '@fastify/cookie';
import fastifySession, { type SessionStore } from '@fastify/session';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Config } from '../config.ts';
import { digest } from '../security/secrets.ts';
import type { SecondFactorStep } from '../services/authentication.ts';
import type { Services } from '../services/index.ts';

export const SESSION_COOKIE = 'lifeline_session';

/** Where a person is in signing in. Only `signed-in` makes them an actor. */
export type SignInStage =
  | { stage: 'signed-in'; userId: string; signedInAt: string }
  | { stage: 'second-factor'; userId: string; step: Exclude<SecondFactorStep, 'none'>; passwordAt: string; next: string };

declare module 'fastify' {
  interface Session {
    signIn?: SignInStage;
    /** A TOTP secret being enrolled: kept in the session until a first code confirms it. */
    pendingTotpSecret?: string;
    /** Messages shown once after a redirect (post/redirect/get). */
    flash?: { kind: 'success' | 'important'; title: string; html?: string; text?: string };
    /** Secrets shown once after a redirect: a new API token, recovery codes, a temporary password. */
    reveal?: { kind: 'api-token' | 'recovery-codes' | 'temporary-password'; values: string[]; subject?: string };
  }
}

type Callback = (error?: unknown) => void;

/** Implements @fastify/session's store contract on the sessions table, keyed by a digest of the session id. */
export class DatabaseSessionStore implements SessionStore {
  constructor(private readonly services: Services, private readonly idleMinutes: number) {}

  set(sessionId: string, session: { signIn?: SignInStage }, callback: Callback): void {
    const now = this.services.context.clock();
    const expiresAt = new Date(now.getTime() + this.idleMinutes * 60_000).toISOString();
    const userId = session.signIn?.userId ?? null;
    this.services.context.store.repositories.sessions
      .save(digest(sessionId), userId, JSON.stringify(session), expiresAt, now.toISOString())
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: Parameters<SessionStore['get']>[1]): void {
    this.services.context.store.repositories.sessions
      .find(digest(sessionId), this.services.context.clock().toISOString())
      .then((stored) => callback(null, stored === undefined ? null : (JSON.parse(stored.data) as Parameters<typeof callback>[1])), (error: unknown) => callback(error));
  }

  destroy(sessionId: string, callback: Callback): void {
    this.services.context.store.repositories.sessions.destroy(digest(sessionId)).then(() => callback(), callback);
  }
}

export const sessionPlugin = fastifyPlugin(async (app: FastifyInstance, options: { config: Config; services: Services }) => {
  const { config, services } = options;
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: config.sessionSecret,
    cookieName: SESSION_COOKIE,
    store: new DatabaseSessionStore(services, config.sessionIdleMinutes),
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, secure: config.secureCookies, sameSite: 'lax', path: '/', maxAge: config.sessionIdleMinutes * 60_000 },
  });

  // Who is acting is settled at onRequest, before the body is parsed or validated, so the route
  // guard can refuse a stranger before any of their input is looked at.
  app.addHook('onRequest', async (request) => {
    request.actor = await actorFromSession(request, services, config);
  });
});

async function actorFromSession(request: FastifyRequest, services: Services, config: Config): Promise<FastifyRequest['actor']> {
  const signIn = request.session.signIn;
  if (signIn?.stage !== 'signed-in') return null;
  const absoluteLimit = new Date(signIn.signedInAt).getTime() + config.sessionAbsoluteHours * 3_600_000;
  if (services.context.clock().getTime() > absoluteLimit) {
    await request.session.destroy();
    return null;
  }
  const actor = await services.authentication.loadActor(signIn.userId, 'session', request.id);
  if (actor === null) await request.session.destroy();
  return actor;
}
