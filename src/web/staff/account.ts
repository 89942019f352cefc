import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SIGNED_IN } from '../../access/policies/routes.ts';
import { ROLE_LABELS } from '../../access/roles.ts';
import type { Services } from '../../services/index.ts';
import { NO_ERRORS, errorView, formBody, textField, type ErrorView, withFormErrors } from '../forms.ts';
import { userActorOf } from '../routeGuard.ts';
import { staffNavigation } from './navigation.ts';
import { TotpEnrolmentPages } from './totpEnrolment.ts';

const REVEAL_TEXT = {
  'api-token': { title: 'Your new API token', explanation: 'Send it in the Authorization header as “Bearer <token>”. Keep it as safe as a password.', continueUrl: '/account#api-tokens' },
  'recovery-codes': { title: 'Your recovery codes', explanation: 'If you lose your phone, each code signs you in once instead of a code from the app. Print them or keep them somewhere safe, away from your phone.', continueUrl: '/' },
  'temporary-password': { title: 'Temporary password', explanation: 'Give this password to the person by a secure route (not in the same email as their address). They should change it on their account page.', continueUrl: '/users' },
} as const;

export async function registerAccountRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const enrolment = new TotpEnrolmentPages(services);

  const accountPage = async (request: FastifyRequest, reply: FastifyReply, errors: ErrorView = NO_ERRORS, values: Record<string, string> = {}) => {
    const actor = userActorOf(request);
    const user = await services.users.getOwn(actor);
    return reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/account.njk', {
      ...errors, values, user, organisation: await services.organisations.get(actor, actor.organisationId),
      roleLabels: user.roles.map((role) => ROLE_LABELS[role]), tokens: await services.apiTokens.listOwn(actor),
      now: services.context.clock().toISOString(), navigation: staffNavigation(actor, '/account'),
    });
  };

  app.get('/account', { config: { access: SIGNED_IN } }, async (request, reply) => accountPage(request, reply));

  app.post('/account/password', { config: { access: SIGNED_IN } }, async (request, reply) => {
    const body = formBody(request.body);
    return withFormErrors(async () => {
      await services.authentication.changePassword(userActorOf(request), textField(body, 'currentPassword'), textField(body, 'newPassword'));
      request.session.flash = { kind: 'success', title: 'Your password has been changed' };
      return reply.redirect('/account', 303);
    }, (errors) => accountPage(request, reply, errorView(errors)));
  });

  app.get('/account/second-factor', { config: { access: SIGNED_IN } }, async (request, reply) =>
    enrolment.show(request, reply, userActorOf(request).userId, '/account/second-factor', false));

  app.post('/account/second-factor', { config: { access: SIGNED_IN } }, async (request, reply) => {
    const result = await enrolment.confirm(request, reply, userActorOf(request).userId, '/account/second-factor', false);
    if (!Array.isArray(result)) return result;
    request.session.reveal = { kind: 'recovery-codes', values: result };
    return reply.redirect('/account/revealed', 303);
  });

  app.post('/account/tokens', { config: { access: SIGNED_IN } }, async (request, reply) => {
    const body = formBody(request.body);
    const name = textField(body, 'name');
    const expiresText = textField(body, 'expiresInDays').trim();
    return withFormErrors(async () => {
      const expiresInDays = expiresText === '' ? null : Number(expiresText);
      const { secret } = await services.apiTokens.create(userActorOf(request), name, expiresInDays);
      request.session.reveal = { kind: 'api-token', values: [secret] };
      return reply.redirect('/account/revealed', 303);
    }, (errors) => accountPage(request, reply, errorView(errors), { name, expiresInDays: expiresText }));
  });

  app.post('/account/tokens/:tokenId/revoke', { config: { access: SIGNED_IN } }, async (request, reply) => {
    await services.apiTokens.revoke(userActorOf(request), (request.params as { tokenId: string }).tokenId);
    request.session.flash = { kind: 'success', title: 'The token has been revoked' };
    return reply.redirect('/account#api-tokens', 303);
  });

  // Secrets are shown on their own page after a redirect, once: the session forgets them as it renders.
  app.get('/account/revealed', { config: { access: SIGNED_IN } }, async (request, reply) => {
    const reveal = request.session.reveal;
    if (reveal === undefined) return reply.redirect('/account', 303);
    request.session.reveal = undefined;
    const text = REVEAL_TEXT[reveal.kind];
    const continueUrl = reveal.kind === 'temporary-password' && reveal.subject !== undefined ? `/users/${reveal.subject}` : text.continueUrl;
    reply.header('cache-control', 'no-store');
    return reply.page('staff/reveal.njk', { ...text, continueUrl, values: reveal.values, navigation: staffNavigation(request.actor, '/account') });
  });
}
