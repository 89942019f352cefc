import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dateParts, type DateParts } from '../../../domain/recording/enteredValues.ts';
import { versionOf as recordVersion } from '../../../services/enforcementEditing.ts';
import { courtOutcomeTerms } from '../../../domain/vocabularies/courtOutcomes.ts';
import type { Services } from '../../../services/index.ts';
import type { ArrestRow, ChargeRow } from '../../../store/schema.ts';
import { NO_ERRORS, errorView, formBody, textField, type ErrorView, withFormErrors } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { EMPTY_DATE, RECORDING_ROUTE, choices, dateField, editView, offenceGroups, recordingErrors, refusingStale, renderForm, submissionIdOf, versionOf, type EditView } from './forms.ts';

interface ChargeValues { offence: string; chargedOn: DateParts; courtOutcome: string; sentenceMonths: string; submissionId: string; version?: string }

function storedValues(charge: ChargeRow): ChargeValues {
  return {
    offence: charge.offence, chargedOn: dateParts(charge.charged_on), courtOutcome: charge.court_outcome,
    sentenceMonths: charge.sentence_months === null ? '' : String(charge.sentence_months), submissionId: submissionIdOf(null), version: recordVersion(charge),
  };
}

export function registerChargeRecording(app: FastifyInstance, services: Services): void {
  const page = async (request: FastifyRequest, reply: FastifyReply, arrest: ArrestRow, values: ChargeValues, errors: ErrorView = NO_ERRORS, edit?: EditView) => {
    const force = await services.enforcementRecording.recordingForce(actorOf(request), arrest.organisation_id);
    return renderForm(reply, 'staff/recording/charge.njk', {
      values, arrest, edit, offenceGroups: offenceGroups(force.jurisdiction, values.offence), outcomeItems: choices(courtOutcomeTerms, values.courtOutcome, 'selected'),
    }, errors);
  };
  const arrestOf = (request: FastifyRequest) => services.enforcementRecording.arrestForRecording(actorOf(request), (request.params as { arrestId: string }).arrestId);

  app.get('/arrests/:arrestId/charges/new', RECORDING_ROUTE, async (request, reply) => {
    const arrest = await arrestOf(request);
    // Most charges are recorded before the trial: the usual outcome is chosen already.
    return page(request, reply, arrest, { offence: arrest.offence, chargedOn: EMPTY_DATE, courtOutcome: 'awaiting-trial', sentenceMonths: '', submissionId: submissionIdOf(null) });
  });

  app.post('/arrests/:arrestId/charges/new', RECORDING_ROUTE, async (request, reply) => {
    const arrest = await arrestOf(request);
    const body = formBody(request.body);
    const values: ChargeValues = {
      offence: textField(body, 'offence'), chargedOn: dateField(body, 'chargedOn'), courtOutcome: textField(body, 'courtOutcome'),
      sentenceMonths: textField(body, 'sentenceMonths'), submissionId: submissionIdOf(body),
    };
    return withFormErrors(async () => {
      await services.enforcementRecording.addCharge(actorOf(request), arrest.id, values, values.submissionId);
      request.session.flash = { kind: 'success', title: 'Charge recorded' };
      return reply.redirect(`/arrests/${arrest.id}`, 303);
    }, (errors) => page(request, reply, arrest, values, recordingErrors(errors, ['chargedOn'])));
  });

  // The outcome form sits on the arrest's page; when it is wrong it comes back here on its own, with the errors.
  const outcomePage = (reply: FastifyReply, charge: ChargeRow, values: { courtOutcome: string; sentenceMonths: string }, errors: ErrorView) =>
    renderForm(reply, 'staff/recording/court-outcome.njk', { charge, values, outcomeItems: choices(courtOutcomeTerms, values.courtOutcome, 'selected') }, errors);

  app.post('/charges/:chargeId/outcome', RECORDING_ROUTE, async (request, reply) => {
    const actor = actorOf(request);
    const chargeId = (request.params as { chargeId: string }).chargeId;
    const body = formBody(request.body);
    const values = { courtOutcome: textField(body, 'courtOutcome'), sentenceMonths: textField(body, 'sentenceMonths') };
    return withFormErrors(async () => {
      const charge = await services.enforcementRecording.recordCourtOutcome(actor, chargeId, values);
      request.session.flash = { kind: 'success', title: 'Court outcome recorded' };
      return reply.redirect(`/arrests/${charge.arrest_id}`, 303);
    }, async (errors) => outcomePage(reply, (await services.enforcementRecording.chargeForRecording(actor, chargeId)).charge, values, errorView(errors)));
  });

  const chargeOf = (request: FastifyRequest) => services.enforcementRecording.chargeForRecording(actorOf(request), (request.params as { chargeId: string }).chargeId);
  // A charge has no page of its own: it is shown, and edited from, its arrest's page.
  const edit = (charge: ChargeRow) => ({ ...editView(`/arrests/${charge.arrest_id}`, 'Change the charge'), action: `/charges/${charge.id}/edit` });

  app.get('/charges/:chargeId/edit', RECORDING_ROUTE, async (request, reply) => {
    const { charge, arrest } = await chargeOf(request);
    return page(request, reply, arrest, storedValues(charge), NO_ERRORS, edit(charge));
  });

  app.post('/charges/:chargeId/edit', RECORDING_ROUTE, async (request, reply) => {
    const { charge, arrest } = await chargeOf(request);
    const body = formBody(request.body);
    const values: ChargeValues = {
      offence: textField(body, 'offence'), chargedOn: dateField(body, 'chargedOn'), courtOutcome: textField(body, 'courtOutcome'),
      sentenceMonths: textField(body, 'sentenceMonths'), submissionId: submissionIdOf(body), version: versionOf(body),
    };
    return withFormErrors(async () => {
      await refusingStale(() => services.enforcementEditing.editCharge(actorOf(request), charge.id, values, { version: values.version ?? '', submissionId: values.submissionId }));
      request.session.flash = { kind: 'success', title: 'Charge changed' };
      return reply.redirect(`/arrests/${arrest.id}`, 303);
    }, (errors) => page(request, reply, arrest, values, recordingErrors(errors, ['chargedOn']), edit(charge)));
  });
}
