import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dateParts, localDate, localTimeOfDay, type DateParts } from '../../../domain/recording/enteredValues.ts';
import { visitOutcomeTerms } from '../../../domain/vocabularies/enforcementRecording.ts';
import { versionOf as recordVersion } from '../../../services/enforcementEditing.ts';
import type { Services } from '../../../services/index.ts';
import type { PremisesRow, VisitRow } from '../../../store/schema.ts';
import { NO_ERRORS, formBody, textField, type ErrorView, type FormBody, withFormErrors } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { EMPTY_DATE, RECORDING_ROUTE, choices, dateField, editView, recordingErrors, refusingStale, renderForm, submissionIdOf, versionOf, type EditView } from './forms.ts';

interface VisitValues { operationId: string; visitedOn: DateParts; visitedTime: string; warrant: string; outcome: string; notes: string; submissionId: string; version?: string }

function valuesOf(body: FormBody): VisitValues {
  return {
    operationId: textField(body, 'operationId'), visitedOn: dateField(body, 'visitedOn'), visitedTime: textField(body, 'visitedTime'),
    warrant: textField(body, 'warrant'), outcome: textField(body, 'outcome'), notes: textField(body, 'notes'), submissionId: submissionIdOf(body),
  };
}

function storedValues(visit: VisitRow): VisitValues {
  const at = new Date(visit.visited_at);
  return {
    operationId: visit.operation_id, visitedOn: dateParts(localDate(at)), visitedTime: localTimeOfDay(at), warrant: Number(visit.warrant) === 1 ? 'yes' : 'no',
    outcome: visit.outcome, notes: visit.notes, submissionId: submissionIdOf(null), version: recordVersion(visit),
  };
}

export function registerVisitRecording(app: FastifyInstance, services: Services): void {
  const page = async (request: FastifyRequest, reply: FastifyReply, premises: PremisesRow, values: VisitValues, errors: ErrorView = NO_ERRORS, edit?: EditView) => {
    const operations = await services.enforcementRecording.operationsForRecording(actorOf(request), premises.organisation_id);
    const operationItems = operations.map((o) => ({ value: o.id, text: `${o.name} (${o.starts_on} to ${o.ends_on})`, selected: o.id === values.operationId }));
    return renderForm(reply, 'staff/recording/visit.njk', {
      values, premises, edit, addressLines: JSON.parse(premises.address_lines) as string[],
      operationItems: operationItems.length === 1 ? operationItems : [{ value: '', text: 'Select an operation' }, ...operationItems],
      outcomeItems: choices(visitOutcomeTerms, values.outcome, 'checked'),
    }, errors);
  };
  const premisesOf = (request: FastifyRequest) =>
    services.enforcementRecording.premisesForRecording(actorOf(request), (request.params as { premisesId: string }).premisesId);

  app.get('/premises/:premisesId/visits/new', RECORDING_ROUTE, async (request, reply) =>
    page(request, reply, await premisesOf(request), { operationId: '', visitedOn: EMPTY_DATE, visitedTime: '', warrant: '', outcome: '', notes: '', submissionId: submissionIdOf(null) }));

  app.post('/premises/:premisesId/visits/new', RECORDING_ROUTE, async (request, reply) => {
    const premises = await premisesOf(request);
    const values = valuesOf(formBody(request.body));
    return withFormErrors(async () => {
      const visit = await services.enforcementRecording.recordVisit(actorOf(request), premises.id, values, values.submissionId);
      request.session.flash = { kind: 'success', title: 'Visit recorded' };
      return reply.redirect(`/visits/${visit.id}`, 303);
    }, (errors) => page(request, reply, premises, values, recordingErrors(errors, ['visitedOn'])));
  });

  const visitAndPremises = async (request: FastifyRequest) => {
    const actor = actorOf(request);
    const visit = await services.enforcementRecording.visitForRecording(actor, (request.params as { visitId: string }).visitId);
    return { visit, premises: await services.enforcementRecording.premisesForRecording(actor, visit.premises_id) };
  };
  const edit = (visitId: string) => editView(`/visits/${visitId}`, 'Change the visit');

  app.get('/visits/:visitId/edit', RECORDING_ROUTE, async (request, reply) => {
    const { visit, premises } = await visitAndPremises(request);
    return page(request, reply, premises, storedValues(visit), NO_ERRORS, edit(visit.id));
  });

  app.post('/visits/:visitId/edit', RECORDING_ROUTE, async (request, reply) => {
    const { visit, premises } = await visitAndPremises(request);
    const body = formBody(request.body);
    const values = { ...valuesOf(body), version: versionOf(body) };
    return withFormErrors(async () => {
      await refusingStale(() => services.enforcementEditing.editVisit(actorOf(request), visit.id, values, values));
      request.session.flash = { kind: 'success', title: 'Visit changed' };
      return reply.redirect(`/visits/${visit.id}`, 303);
    }, (errors) => page(request, reply, premises, values, recordingErrors(errors, ['visitedOn']), edit(visit.id)));
  });
}
