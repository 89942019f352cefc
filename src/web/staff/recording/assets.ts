import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { currencyTerms } from '../../../domain/vocabularies/enforcementRecording.ts';
import { seizedAssetTypeTerms } from '../../../domain/vocabularies/seizedAssetTypes.ts';
import type { Services } from '../../../services/index.ts';
import type { VisitRow } from '../../../store/schema.ts';
import { NO_ERRORS, errorView, formBody, textField, type ErrorView, withFormErrors } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { RECORDING_ROUTE, choices, renderForm, submissionIdOf } from './forms.ts';

interface AssetValues { assetType: string; amount: string; currency: string; description: string; submissionId: string }

export function registerSeizedAssetRecording(app: FastifyInstance, services: Services): void {
  const page = (reply: FastifyReply, visit: VisitRow, values: AssetValues, errors: ErrorView = NO_ERRORS) =>
    renderForm(reply, 'staff/recording/asset.njk', {
      values, visit, typeItems: choices(seizedAssetTypeTerms, values.assetType, 'checked'), currencyItems: choices(currencyTerms, values.currency, 'checked'),
    }, errors);
  const visitOf = (request: FastifyRequest) => services.enforcementRecording.visitForRecording(actorOf(request), (request.params as { visitId: string }).visitId);

  app.get('/visits/:visitId/assets/new', RECORDING_ROUTE, async (request, reply) =>
    page(reply, await visitOf(request), { assetType: '', amount: '', currency: 'GBP', description: '', submissionId: submissionIdOf(null) }));

  app.post('/visits/:visitId/assets/new', RECORDING_ROUTE, async (request, reply) => {
    const visit = await visitOf(request);
    const body = formBody(request.body);
    const values: AssetValues = {
      assetType: textField(body, 'assetType'), amount: textField(body, 'amount'), currency: textField(body, 'currency'),
      description: textField(body, 'description'), submissionId: submissionIdOf(body),
    };
    return withFormErrors(async () => {
      await services.enforcementRecording.recordSeizedAsset(actorOf(request), visit.id, values, values.submissionId);
      request.session.flash = { kind: 'success', title: 'Seizure recorded' };
      return reply.redirect(`/visits/${visit.id}`, 303);
    }, (errors) => page(reply, visit, values, errorView(errors)));
  });
}
