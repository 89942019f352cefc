import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TotpEnrolmentPages } from './totpEnrolment.ts';
import { PUBLIC } from '../../access/policies/routes.ts';
import { ROLE_LABELS } from '../../access/roles.ts';
import type { Config } from '../../config.ts';
import { DEMO_ACCOUNTS } from '../../demo/signInAccounts.ts';
import type { Services } from '../../services/index.ts';
import { NO_ERRORS, errorView, formBody, safeNextPath, textField } from '../forms.ts';

const GENERIC_FAILURE = 'Enter a correct email address and password. After several wrong attempts an account is locked for a while.';

export async function registerSignInRoutes(app: FastifyInstance, services: Services, config: Config): Promise<void> {
  const demoAccounts = config.loadDemo ? DEMO_ACCOUNTS.map((a) => ({ ...a, roleLabel: ROLE_LABELS[a.role] })) : [];
  const signInPage = (reply: FastifyReply, values: { email?: string; next?: string }, errors = NO_ERRORS, status = 200) =>
    reply.code(status).page('staff/sign-in.njk', { ...errors, email: values.email ?? '', next: values.next ?? '/', demoAccounts });

  app.get('/sign-in', { config: { access: PUBLIC } }, async (request, reply) => {
    if (request.actor !== null) return reply.redirect('/', 303);
    const query = request.query as { next?: string };
    return signInPage(reply, { next: safeNextPath(query.next ?? '/') });
  });

  app.post('/sign-in', { config: { access: PUBLIC, rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = formBody(request.body);
    const email = textField(body, 'email');
    const password = textField(body, 'password');
    const next = safeNextPath(textField(body, 'next') || '/');
    const missing = [
      ...(email.trim() === '' ? [{ field: 'email', message: 'Enter your email address' }] : []),
      ...(password === '' ? [{ field: 'password', message: 'Enter your password' }] : []),
    ];
    if (missing.length > 0) return signInPage(reply, { email, next }, errorView(missing), 400);
    const outcome = await services.authentication.signIn(email, password, request.id);
    if (outcome.kind === 'rejected') return signInPage(reply, { email, next }, errorView([{ field: 'email', message: GENERIC_FAILURE }]), 401);
    // A new session id at every change of privilege defeats session fixation.
    await request.session.regenerate();
    if (outcome.secondFactor === 'none') {
      request.session.signIn = { stage: 'signed-in', userId: outcome.userId, signedInAt: services.context.clock().toISOString() };
      return reply.redirect(next, 303);
    }
    request.session.signIn = { stage: 'second-factor', userId: outcome.userId, step: outcome.secondFactor, passwordAt: services.context.clock().toISOString(), next };
    return reply.redirect(outcome.secondFactor === 'verify' ? '/sign-in/second-factor' : '/sign-in/enrol', 303);
  });

  const pendingUser = (request: FastifyRequest, step: 'verify' | 'enrol'): string | null => {
    const signIn = request.session.signIn;
    if (signIn?.stage !== 'second-factor' || signIn.step !== step) return null;
    // The password step is good for ten minutes; after that the person starts again.
    return services.context.clock().getTime() - new Date(signIn.passwordAt).getTime() > 10 * 60_000 ? null : signIn.userId;
  };

  app.get('/sign-in/second-factor', { config: { access: PUBLIC } }, async (request, reply) => {
    if (pendingUser(request, 'verify') === null) return reply.redirect('/sign-in', 303);
    return reply.page('staff/second-factor.njk', NO_ERRORS);
  });

  app.post('/sign-in/second-factor', { config: { access: PUBLIC, rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: '1 minute' } } }, async (request, reply) => {
    const userId = pendingUser(request, 'verify');
    if (userId === null) return reply.redirect('/sign-in', 303);
    const code = textField(formBody(request.body), 'code');
    const outcome = await services.authentication.verifySecondFactor(userId, code, request.id);
    if (outcome.kind === 'rejected') {
      return reply.code(401).page('staff/second-factor.njk', errorView([{ field: 'code', message: 'Enter the current code from your authenticator app, or an unused recovery code' }]));
    }
    // The page the person first asked for, kept through the second factor.
    const next = request.session.signIn?.stage === 'second-factor' ? safeNextPath(request.session.signIn.next ?? '/') : '/';
    await request.session.regenerate();
    request.session.signIn = { stage: 'signed-in', userId, signedInAt: services.context.clock().toISOString() };
    if (outcome.usedRecoveryCode) {
      request.session.flash = { kind: 'important', title: `You used a recovery code. ${outcome.recoveryCodesLeft} left.`, text: 'If you have lost your phone, set up your authenticator app again from your account page.' };
    }
    return reply.redirect(next, 303);
  });

  const enrolment = new TotpEnrolmentPages(services);

  app.get('/sign-in/enrol', { config: { access: PUBLIC } }, async (request, reply) => {
    const userId = pendingUser(request, 'enrol');
    if (userId === null) return reply.redirect('/sign-in', 303);
    return enrolment.show(request, reply, userId, '/sign-in/enrol', true);
  });

  app.post('/sign-in/enrol', { config: { access: PUBLIC, rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: '1 minute' } } }, async (request, reply) => {
    const userId = pendingUser(request, 'enrol');
    if (userId === null) return reply.redirect('/sign-in', 303);
    const result = await enrolment.confirm(request, reply, userId, '/sign-in/enrol', true);
    if (!Array.isArray(result)) return result;
    await request.session.regenerate();
    request.session.signIn = { stage: 'signed-in', userId, signedInAt: services.context.clock().toISOString() };
    request.session.reveal = { kind: 'recovery-codes', values: result };
    return reply.redirect('/account/revealed', 303);
  });

  app.post('/sign-out', { config: { access: PUBLIC } }, async (request, reply) => {
    await request.session.destroy();
    return reply.redirect('/sign-in', 303);
  });

}
