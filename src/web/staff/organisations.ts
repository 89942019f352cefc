import type { FastifyInstance, FastifyReply } from 'fastify';
import { canManageOrganisations } from '../../access/policies/organisations.ts';
import { SIGNED_IN, rolesOnly } from '../../access/policies/routes.ts';
import { JURISDICTIONS, JURISDICTION_LABELS, ORGANISATION_KINDS, ORGANISATION_KIND_LABELS } from '../../domain/organisationKinds.ts';
import type { Services } from '../../services/index.ts';
import type { Organisation } from '../../services/organisations.ts';
import { NO_ERRORS, errorView, formBody, textField, type ErrorView, withFormErrors } from '../forms.ts';
import { staffNavigation } from './navigation.ts';
import { actorOf } from '../routeGuard.ts';

interface OrganisationFormValues { code: string; name: string; kind: string; jurisdiction: string; retired: boolean }

export async function registerOrganisationRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const formPage = (reply: FastifyReply, values: OrganisationFormValues, organisationId: string | null, errors: ErrorView = NO_ERRORS) =>
    reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/organisations/form.njk', {
      ...errors, values, organisationId, navigation: staffNavigation(reply.request.actor, '/organisations'),
      kindItems: [{ value: '', text: 'Select a kind' }, ...ORGANISATION_KINDS.map((kind) => ({ value: kind, text: ORGANISATION_KIND_LABELS[kind], selected: kind === values.kind }))],
      jurisdictionItems: [{ value: '', text: 'Select a jurisdiction' }, ...JURISDICTIONS.map((j) => ({ value: j, text: JURISDICTION_LABELS[j], selected: j === values.jurisdiction }))],
    });

  app.get('/organisations', { config: { access: SIGNED_IN } }, async (request, reply) => {
    const actor = actorOf(request);
    const includeRetired = (request.query as { retired?: string }).retired === '1';
    const organisations = await services.organisations.list(actor, { includeRetired });
    const groups = ORGANISATION_KINDS.map((kind) => ({ label: ORGANISATION_KIND_LABELS[kind], organisations: organisations.filter((o) => o.kind === kind) })).filter((g) => g.organisations.length > 0);
    return reply.page('staff/organisations/list.njk', {
      organisations: organisations.filter((o) => o.retiredAt === null), groups, includeRetired, canManage: canManageOrganisations(actor),
      jurisdictionLabels: JURISDICTION_LABELS, navigation: staffNavigation(actor, '/organisations'),
    });
  });

  app.get('/organisations/new', { config: { access: rolesOnly('system-administrator') } }, async (_request, reply) =>
    formPage(reply, { code: '', name: '', kind: '', jurisdiction: '', retired: false }, null));

  app.post('/organisations', { config: { access: rolesOnly('system-administrator') } }, async (request, reply) => {
    const body = formBody(request.body);
    const values = { code: textField(body, 'code'), name: textField(body, 'name'), kind: textField(body, 'kind'), jurisdiction: textField(body, 'jurisdiction'), retired: false };
    return withFormErrors(async () => {
      const organisation = await services.organisations.add(actorOf(request), values);
      request.session.flash = { kind: 'success', title: `${organisation.name} added` };
      return reply.redirect('/organisations', 303);
    }, (errors) => formPage(reply, values, null, errorView(errors)));
  });

  app.get('/organisations/:organisationId', { config: { access: rolesOnly('system-administrator') } }, async (request, reply) => {
    const organisation = await services.organisations.get(actorOf(request), (request.params as { organisationId: string }).organisationId);
    return formPage(reply, formValues(organisation), organisation.id);
  });

  app.post('/organisations/:organisationId', { config: { access: rolesOnly('system-administrator') } }, async (request, reply) => {
    const actor = actorOf(request);
    const existing = await services.organisations.get(actor, (request.params as { organisationId: string }).organisationId);
    const body = formBody(request.body);
    const values = { code: existing.code, name: textField(body, 'name'), kind: textField(body, 'kind'), jurisdiction: textField(body, 'jurisdiction'), retired: textField(body, 'retired') === 'yes' };
    return withFormErrors(async () => {
      const organisation = await services.organisations.update(actor, existing.id, values);
      request.session.flash = { kind: 'success', title: `${organisation.name} saved` };
      return reply.redirect('/organisations', 303);
    }, (errors) => formPage(reply, values, existing.id, errorView(errors)));
  });
}

function formValues(organisation: Organisation): OrganisationFormValues {
  return { code: organisation.code, name: organisation.name, kind: organisation.kind, jurisdiction: organisation.jurisdiction, retired: organisation.retiredAt !== null };
}
