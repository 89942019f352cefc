import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { amountText } from '../../../domain/recording/enteredValues.ts';
import { currencyTerms } from '../../../domain/vocabularies/enforcementRecording.ts';
import { versionOf as recordVersion } from '../../../services/enforcementEditing.ts';
import { seizedAssetTypeTerms } from '../../../domain/vocabularies/seizedAssetTypes.ts';
import type { Services } from '../../../services/index.ts';
import type { SeizedAssetRow, VisitRow } from '../../../store/schema.ts';
import { NO_ERRORS, errorView, formBody, textField, type ErrorView, withFormErrors } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { RECORDING_ROUTE, choices, editView, refusingStale, renderForm, submissionIdOf, versionOf, type EditView } from './forms.ts';

interface AssetValues { assetType: string; amount: string; currency: string; description: string; submissionId: string; version?: string }

function storedValues(asset: SeizedAssetRow): AssetValues {
  return {
    assetType: asset.asset_type, amount: amountText(Number(asset.amount_minor)), currency: asset.currency, description: asset.description,
    submissionId: submissionIdOf(null), version: recordVersion(asset),
  };
}

export function registerSeizedAssetRecording(app: FastifyInstance, services: Services): void {
  const page = (reply: FastifyReply, visit: VisitRow, values: AssetValues, errors: ErrorView = NO_ERRORS, edit?: EditView) =>
    renderForm(reply, 'staff/recording/asset.njk', {
      values, visit, edit, typeItems: choices(seizedAssetTypeTerms, values.assetType, 'checked'), currencyItems: choices(currencyTerms, values.currency, 'checked'),
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

  const assetAndVisit = async (request: FastifyRequest) => {
    const actor = actorOf(request);
    const asset = await services.enforcementEditing.seizedAssetForRecording(actor, (request.params as { assetId: string }).assetId);
    return { asset, visit: await services.enforcementRecording.visitForRecording(actor, asset.visit_id) };
  };
  // A seizure is shown, and edited from, its visit's page.
  const edit = (asset: SeizedAssetRow) => ({ ...editView(`/visits/${asset.visit_id}`, 'Change what was seized'), action: `/seized-assets/${asset.id}/edit` });

  app.get('/seized-assets/:assetId/edit', RECORDING_ROUTE, async (request, reply) => {
    const { asset, visit } = await assetAndVisit(request);
    return page(reply, visit, storedValues(asset), NO_ERRORS, edit(asset));
  });

  app.post('/seized-assets/:assetId/edit', RECORDING_ROUTE, async (request, reply) => {
    const { asset, visit } = await assetAndVisit(request);
    const body = formBody(request.body);
    const values: AssetValues = {
      assetType: textField(body, 'assetType'), amount: textField(body, 'amount'), currency: textField(body, 'currency'),
      description: textField(body, 'description'), submissionId: submissionIdOf(body), version: versionOf(body),
    };
    return withFormErrors(async () => {
      await refusingStale(() => services.enforcementEditing.editSeizedAsset(actorOf(request), asset.id, values, { version: values.version ?? '', submissionId: values.submissionId }));
      request.session.flash = { kind: 'success', title: 'Seizure changed' };
      return reply.redirect(`/visits/${visit.id}`, 303);
    }, (errors) => page(reply, visit, values, errorView(errors), edit(asset)));
  });
}
