import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DateParts } from '../../../domain/recording/enteredValues.ts';
import { visitOutcomeTerms } from '../../../domain/vocabularies/enforcementRecording.ts';
import type { Services } from '../../../services/index.ts';
import type { PremisesRow } from '../../../store/schema.ts';
import { NO_ERRORS, formBody, textField, type ErrorView, withFormErrors } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { EMPTY_DATE, RECORDING_ROUTE, choices, dateField, recordingErrors, renderForm, submissionIdOf } from './forms.ts';

interface VisitValues { operationId: string; visitedOn: DateParts; visitedTime: string; warrant: string; outcome: string; notes: string; submissionId: string }

export function registerVisitRecording(app: FastifyInstance, services: Services): void {
  const page = async (request: FastifyRequest, reply: FastifyReply, premises: PremisesRow, values: VisitValues, errors: ErrorView = NO_ERRORS) => {
    const operations = await services.enforcementRecording.operationsForRecording(actorOf(request), premises.organisation_id);
    const operationItems = operations.map((o) => ({ value: o.id, text: `${o.name} (${o.starts_on} to ${o.ends_on})`, selected: o.id === values.operationId }));
    return renderForm(reply, 'staff/recording/visit.njk', {
      values, premises, addressLines: JSON.parse(premises.address_lines) as string[],
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
    const body = formBody(request.body);
    const values: VisitValues = {
      operationId: textField(body, 'operationId'), visitedOn: dateField(body, 'visitedOn'), visitedTime: textField(body, 'visitedTime'),
      warrant: textField(body, 'warrant'), outcome: textField(body, 'outcome'), notes: textField(body, 'notes'), submissionId: submissionIdOf(body),
    };
    return withFormErrors(async () => {
      const visit = await services.enforcementRecording.recordVisit(actorOf(request), premises.id, values, values.submissionId);
      request.session.flash = { kind: 'success', title: 'Visit recorded' };
      return reply.redirect(`/visits/${visit.id}`, 303);
    }, (errors) => page(request, reply, premises, values, recordingErrors(errors, ['visitedOn'])));
  });
}
