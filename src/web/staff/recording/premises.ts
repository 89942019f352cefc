import type { FastifyInstance, FastifyReply } from 'fastify';
import { premisesTypeTerms } from '../../../domain/vocabularies/premisesTypes.ts';
import { versionOf as recordVersion } from '../../../services/enforcementEditing.ts';
import type { Services } from '../../../services/index.ts';
import type { PremisesRow } from '../../../store/schema.ts';
import { NO_ERRORS, errorView, formBody, textField, type ErrorView, type FormBody, withFormErrors } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { RECORDING_ROUTE, choices, editView, refusingStale, renderForm, submissionIdOf, versionOf, type EditView } from './forms.ts';

interface PremisesValues { premisesType: string; name: string; addressLine1: string; addressLine2: string; town: string; postcode: string; submissionId: string; version?: string }

function valuesOf(body: FormBody): PremisesValues {
  return {
    premisesType: textField(body, 'premisesType'), name: textField(body, 'name'), addressLine1: textField(body, 'addressLine1'),
    addressLine2: textField(body, 'addressLine2'), town: textField(body, 'town'), postcode: textField(body, 'postcode'), submissionId: submissionIdOf(body),
  };
}

function storedValues(premises: PremisesRow): PremisesValues {
  const [addressLine1 = '', ...rest] = JSON.parse(premises.address_lines) as string[];
  return {
    premisesType: premises.premises_type, name: premises.name ?? '', addressLine1, addressLine2: rest.join(', '), town: premises.town, postcode: premises.postcode,
    submissionId: submissionIdOf(null), version: recordVersion(premises),
  };
}

export function registerPremisesRecording(app: FastifyInstance, services: Services): void {
  const page = (reply: FastifyReply, values: PremisesValues, errors: ErrorView = NO_ERRORS, edit?: EditView) =>
    renderForm(reply, 'staff/recording/premises.njk', { values, edit, typeItems: choices(premisesTypeTerms, values.premisesType, 'selected', 'Select a type') }, errors);

  app.get('/premises/new', RECORDING_ROUTE, async (_request, reply) =>
    page(reply, { premisesType: '', name: '', addressLine1: '', addressLine2: '', town: '', postcode: '', submissionId: submissionIdOf(null) }));

  app.post('/premises/new', RECORDING_ROUTE, async (request, reply) => {
    const values = valuesOf(formBody(request.body));
    return withFormErrors(async () => {
      const premises = await services.enforcementRecording.createPremises(actorOf(request), { ...values, addressLines: [values.addressLine1, values.addressLine2] }, values.submissionId);
      request.session.flash = { kind: 'success', title: 'Premises recorded' };
      return reply.redirect(`/premises/${premises.id}`, 303);
    }, (errors) => page(reply, values, errorView(errors)));
  });

  const edit = (premisesId: string) => editView(`/premises/${premisesId}`, 'Change premises');

  app.get('/premises/:premisesId/edit', RECORDING_ROUTE, async (request, reply) => {
    const premises = await services.enforcementRecording.premisesForRecording(actorOf(request), (request.params as { premisesId: string }).premisesId);
    return page(reply, storedValues(premises), NO_ERRORS, edit(premises.id));
  });

  app.post('/premises/:premisesId/edit', RECORDING_ROUTE, async (request, reply) => {
    const premises = await services.enforcementRecording.premisesForRecording(actorOf(request), (request.params as { premisesId: string }).premisesId);
    const body = formBody(request.body);
    const values = { ...valuesOf(body), version: versionOf(body) };
    return withFormErrors(async () => {
      await refusingStale(() => services.enforcementEditing.editPremises(actorOf(request), premises.id, { ...values, addressLines: [values.addressLine1, values.addressLine2] }, values));
      request.session.flash = { kind: 'success', title: 'Premises changed' };
      return reply.redirect(`/premises/${premises.id}`, 303);
    }, (errors) => page(reply, values, errorView(errors), edit(premises.id)));
  });
}
