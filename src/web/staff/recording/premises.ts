import type { FastifyInstance, FastifyReply } from 'fastify';
import { premisesTypeTerms } from '../../../domain/vocabularies/premisesTypes.ts';
import type { Services } from '../../../services/index.ts';
import { NO_ERRORS, errorView, formBody, textField, type ErrorView, withFormErrors } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { RECORDING_ROUTE, choices, renderForm, submissionIdOf } from './forms.ts';

interface PremisesValues { premisesType: string; name: string; addressLine1: string; addressLine2: string; town: string; postcode: string; submissionId: string }

export function registerPremisesRecording(app: FastifyInstance, services: Services): void {
  const page = (reply: FastifyReply, values: PremisesValues, errors: ErrorView = NO_ERRORS) =>
    renderForm(reply, 'staff/recording/premises.njk', { values, typeItems: choices(premisesTypeTerms, values.premisesType, 'selected', 'Select a type') }, errors);

  app.get('/premises/new', RECORDING_ROUTE, async (_request, reply) =>
    page(reply, { premisesType: '', name: '', addressLine1: '', addressLine2: '', town: '', postcode: '', submissionId: submissionIdOf(null) }));

  app.post('/premises/new', RECORDING_ROUTE, async (request, reply) => {
    const body = formBody(request.body);
    const values: PremisesValues = {
      premisesType: textField(body, 'premisesType'), name: textField(body, 'name'), addressLine1: textField(body, 'addressLine1'),
      addressLine2: textField(body, 'addressLine2'), town: textField(body, 'town'), postcode: textField(body, 'postcode'), submissionId: submissionIdOf(body),
    };
    return withFormErrors(async () => {
      const premises = await services.enforcementRecording.createPremises(actorOf(request), { ...values, addressLines: [values.addressLine1, values.addressLine2] }, values.submissionId);
      request.session.flash = { kind: 'success', title: 'Premises recorded' };
      return reply.redirect(`/premises/${premises.id}`, 303);
    }, (errors) => page(reply, values, errorView(errors)));
  });
}
