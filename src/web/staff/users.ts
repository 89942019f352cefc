import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { manageableOrganisationIds } from '../../access/policies/users.ts';
import { rolesOnly } from '../../access/policies/routes.ts';
import { ROLES, ROLE_LABELS, type Role } from '../../access/roles.ts';
import type { Services } from '../../services/index.ts';
import type { UserAccount } from '../../services/users.ts';
import { NO_ERRORS, errorView, formBody, listField, textField, type ErrorView, withFormErrors } from '../forms.ts';
import { actorOf } from '../routeGuard.ts';
import { staffNavigation } from './navigation.ts';

const USER_ADMINISTRATORS = rolesOnly('organisation-administrator', 'system-administrator');

function roleItems(selected: readonly string[]): Array<{ value: Role; text: string; checked: boolean }> {
  return ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role], checked: selected.includes(role) }));
}

export async function registerUserRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const organisationChoices = async (request: FastifyRequest, selectedId: string | undefined) => {
    const actor = actorOf(request);
    const allowed = manageableOrganisationIds(actor);
    const organisations = (await services.organisations.list(actor)).filter((o) => allowed === undefined || allowed.includes(o.id));
    return organisations.map((o) => ({ value: o.id, text: o.name, selected: o.id === selectedId }));
  };

  const newUserPage = async (request: FastifyRequest, reply: FastifyReply, values: { organisationId?: string; displayName: string; email: string; roles: string[] }, errors: ErrorView = NO_ERRORS) =>
    reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/users/new.njk', {
      ...errors, values, organisationItems: await organisationChoices(request, values.organisationId), roleItems: roleItems(values.roles),
      navigation: staffNavigation(request.actor, '/users'),
    });

  const userPage = async (request: FastifyRequest, reply: FastifyReply, user: UserAccount, errors: ErrorView = NO_ERRORS, selectedRoles?: string[]) =>
    reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/users/show.njk', {
      ...errors, user, organisation: await services.organisations.get(actorOf(request), user.organisationId),
      locked: user.lockedUntil !== null && user.lockedUntil > services.context.clock().toISOString(),
      roleItems: roleItems(selectedRoles ?? user.roles), navigation: staffNavigation(request.actor, '/users'),
    });

  app.get('/users', { config: { access: USER_ADMINISTRATORS } }, async (request, reply) => {
    const actor = actorOf(request);
    const allowed = manageableOrganisationIds(actor);
    const requested = (request.query as { organisationId?: string }).organisationId;
    const organisationId = requested !== undefined && requested !== '' ? requested : allowed?.[0] ?? (actor.kind === 'user' ? actor.organisationId : undefined);
    const users = await services.users.list(actor, organisationId);
    const organisation = organisationId === undefined ? null : await services.organisations.get(actor, organisationId);
    return reply.page('staff/users/list.njk', {
      users, organisation, roleLabels: ROLE_LABELS, now: services.context.clock().toISOString(),
      organisationItems: allowed === undefined ? await organisationChoices(request, organisationId) : null,
      navigation: staffNavigation(actor, '/users'),
    });
  });

  app.get('/users/new', { config: { access: USER_ADMINISTRATORS } }, async (request, reply) => {
    const organisationId = (request.query as { organisationId?: string }).organisationId ?? (request.actor?.kind === 'user' ? request.actor.organisationId : undefined);
    return newUserPage(request, reply, { organisationId, displayName: '', email: '', roles: [] });
  });

  app.post('/users', { config: { access: USER_ADMINISTRATORS } }, async (request, reply) => {
    const body = formBody(request.body);
    const values = { organisationId: textField(body, 'organisationId'), displayName: textField(body, 'displayName'), email: textField(body, 'email'), roles: listField(body, 'roles') };
    return withFormErrors(async () => {
      const { user, temporaryPassword } = await services.users.add(actorOf(request), values);
      if (temporaryPassword !== null) request.session.reveal = { kind: 'temporary-password', values: [temporaryPassword], subject: user.id };
      return reply.redirect('/account/revealed', 303);
    }, (errors) => newUserPage(request, reply, values, errorView(errors)));
  });

  app.get('/users/:userId', { config: { access: USER_ADMINISTRATORS } }, async (request, reply) => {
    const user = await services.users.get(actorOf(request), (request.params as { userId: string }).userId);
    return userPage(request, reply, user);
  });

  app.post('/users/:userId/roles', { config: { access: USER_ADMINISTRATORS } }, async (request, reply) => {
    const actor = actorOf(request);
    const userId = (request.params as { userId: string }).userId;
    const roles = listField(formBody(request.body), 'roles');
    return withFormErrors(async () => {
      const user = await services.users.setRoles(actor, userId, roles);
      request.session.flash = { kind: 'success', title: `Roles of ${user.displayName} saved` };
      return reply.redirect(`/users/${user.id}`, 303);
    }, async (errors) => userPage(request, reply, await services.users.get(actor, userId), errorView(errors), roles));
  });

  const accountAction = (path: string, act: (userId: string, request: FastifyRequest) => Promise<{ title: string; userId: string }>) => {
    app.post(`/users/:userId/${path}`, { config: { access: USER_ADMINISTRATORS } }, async (request, reply) => {
      const userId = (request.params as { userId: string }).userId;
      return withFormErrors(async () => {
        const outcome = await act(userId, request);
        request.session.flash ??= { kind: 'success', title: outcome.title };
        return reply.redirect(`/users/${outcome.userId}`, 303);
      }, async (errors) => userPage(request, reply, await services.users.get(actorOf(request), userId), errorView(errors)));
    });
  };

  accountAction('disable', async (userId, request) => {
    const user = await services.users.disable(actorOf(request), userId);
    return { title: `${user.displayName}’s account is disabled and signed out everywhere`, userId: user.id };
  });
  accountAction('enable', async (userId, request) => {
    const user = await services.users.enable(actorOf(request), userId);
    return { title: `${user.displayName}’s account is enabled`, userId: user.id };
  });
  accountAction('reset-second-factor', async (userId, request) => {
    const user = await services.users.resetSecondFactor(actorOf(request), userId);
    return { title: `${user.displayName} must set up an authenticator app at next sign-in`, userId: user.id };
  });
  app.post('/users/:userId/reset-password', { config: { access: USER_ADMINISTRATORS } }, async (request, reply) => {
    const { user, temporaryPassword } = await services.users.resetPassword(actorOf(request), (request.params as { userId: string }).userId);
    request.session.reveal = { kind: 'temporary-password', values: [temporaryPassword], subject: user.id };
    return reply.redirect('/account/revealed', 303);
  });
}
