import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { SIGNED_IN, rolesOnly } from '../../access/policies/routes.ts';
import type { Services } from '../../services/index.ts';
import { actorOf, userActorOf } from '../routeGuard.ts';
import { AuditEvent, AuditQuery, CreatedUser, IdParams, Me, NewOrganisation, NewUser, Organisation, OrganisationChanges, Problem, RoleChange, UserAccount } from './schemas.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const security = [{ bearerToken: [] }];
const USER_ADMINISTRATORS = rolesOnly('organisation-administrator', 'system-administrator');

/** Thin handlers: each calls the same service the pages call, so the API has no rules of its own. */
export async function registerApiRoutes(parent: FastifyInstance, services: Services): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/me', {
    config: { access: SIGNED_IN },
    schema: { summary: 'The account the token belongs to', tags: ['account'], security, response: { 200: Me, ...problems } },
  }, async (request) => {
    const actor = userActorOf(request);
    return { user: await services.users.getOwn(actor), organisation: await services.organisations.get(actor, actor.organisationId), via: actor.via };
  });

  app.get('/organisations', {
    config: { access: SIGNED_IN },
    schema: { summary: 'The roster of organisations', tags: ['organisations'], security, querystring: Type.Object({ includeRetired: Type.Optional(Type.Boolean()) }), response: { 200: Type.Array(Organisation), ...problems } },
  }, async (request) => services.organisations.list(actorOf(request), { includeRetired: request.query.includeRetired === true }));

  app.get('/organisations/:id', {
    config: { access: SIGNED_IN },
    schema: { summary: 'One organisation', tags: ['organisations'], security, params: IdParams, response: { 200: Organisation, ...problems } },
  }, async (request) => services.organisations.get(actorOf(request), request.params.id));

  app.post('/organisations', {
    config: { access: rolesOnly('system-administrator') },
    schema: { summary: 'Add an organisation', tags: ['organisations'], security, body: NewOrganisation, response: { 201: Organisation, ...problems } },
  }, async (request, reply) => reply.code(201).send(await services.organisations.add(actorOf(request), request.body)));

  app.put('/organisations/:id', {
    config: { access: rolesOnly('system-administrator') },
    schema: { summary: 'Change an organisation', tags: ['organisations'], security, params: IdParams, body: OrganisationChanges, response: { 200: Organisation, ...problems } },
  }, async (request) => services.organisations.update(actorOf(request), request.params.id, request.body));

  app.get('/users', {
    config: { access: USER_ADMINISTRATORS },
    schema: { summary: 'Users an administrator may manage', tags: ['users'], security, querystring: Type.Object({ organisationId: Type.Optional(Type.String({ maxLength: 64 })) }), response: { 200: Type.Array(UserAccount), ...problems } },
  }, async (request) => services.users.list(actorOf(request), request.query.organisationId));

  app.get('/users/:id', {
    config: { access: USER_ADMINISTRATORS },
    schema: { summary: 'One user', tags: ['users'], security, params: IdParams, response: { 200: UserAccount, ...problems } },
  }, async (request) => services.users.get(actorOf(request), request.params.id));

  app.post('/users', {
    config: { access: USER_ADMINISTRATORS },
    schema: { summary: 'Add a user; a temporary password is returned once', tags: ['users'], security, body: NewUser, response: { 201: CreatedUser, ...problems } },
  }, async (request, reply) => {
    const { user, temporaryPassword } = await services.users.add(actorOf(request), { ...request.body, password: undefined });
    return reply.code(201).send({ user, temporaryPassword: temporaryPassword ?? '' });
  });

  app.put('/users/:id/roles', {
    config: { access: USER_ADMINISTRATORS },
    schema: { summary: 'Replace a user’s roles', tags: ['users'], security, params: IdParams, body: RoleChange, response: { 200: UserAccount, ...problems } },
  }, async (request) => services.users.setRoles(actorOf(request), request.params.id, request.body.roles));

  app.post('/users/:id/disable', {
    config: { access: USER_ADMINISTRATORS },
    schema: { summary: 'Disable a user and end their sessions', tags: ['users'], security, params: IdParams, response: { 200: UserAccount, ...problems } },
  }, async (request) => services.users.disable(actorOf(request), request.params.id));

  app.post('/users/:id/enable', {
    config: { access: USER_ADMINISTRATORS },
    schema: { summary: 'Enable a user', tags: ['users'], security, params: IdParams, response: { 200: UserAccount, ...problems } },
  }, async (request) => services.users.enable(actorOf(request), request.params.id));

  app.get('/audit-events', {
    config: { access: rolesOnly('supervisor', 'system-administrator') },
    schema: { summary: 'Audit events the caller may read, newest first', tags: ['audit'], security, querystring: AuditQuery, response: { 200: Type.Array(AuditEvent), ...problems } },
  }, async (request) => {
    const { before, ...query } = request.query;
    return services.audit.list(actorOf(request), { ...query, beforeSeq: before });
  });
}
