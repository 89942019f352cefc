import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DateParts } from '../../../domain/recording/enteredValues.ts';
import type { Services } from '../../../services/index.ts';
import type { PersonFoundRow } from '../../../store/schema.ts';
import { NO_ERRORS, formBody, textField, type ErrorView, withFormErrors } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { EMPTY_DATE, RECORDING_ROUTE, dateField, offenceGroups, recordingErrors, renderForm, submissionIdOf } from './forms.ts';

interface ArrestValues { offence: string; arrestedOn: DateParts; arrestedTime: string; place: string; submissionId: string }

export function registerArrestRecording(app: FastifyInstance, services: Services): void {
  const page = async (request: FastifyRequest, reply: FastifyReply, person: PersonFoundRow, values: ArrestValues, errors: ErrorView = NO_ERRORS) => {
    const force = await services.enforcementRecording.recordingForce(actorOf(request), person.organisation_id);
    return renderForm(reply, 'staff/recording/arrest.njk', { values, person, offenceGroups: offenceGroups(force.jurisdiction, values.offence) }, errors);
  };

  app.get('/people/:personId/arrests/new', RECORDING_ROUTE, async (request, reply) => {
    const person = await services.enforcementRecording.personForRecording(actorOf(request), (request.params as { personId: string }).personId);
    return page(request, reply, person, { offence: '', arrestedOn: EMPTY_DATE, arrestedTime: '', place: '', submissionId: submissionIdOf(null) });
  });

  app.post('/people/:personId/arrests/new', RECORDING_ROUTE, async (request, reply) => {
    const actor = actorOf(request);
    const personId = (request.params as { personId: string }).personId;
    const body = formBody(request.body);
    const values: ArrestValues = {
      offence: textField(body, 'offence'), arrestedOn: dateField(body, 'arrestedOn'), arrestedTime: textField(body, 'arrestedTime'),
      place: textField(body, 'place'), submissionId: submissionIdOf(body),
    };
    return withFormErrors(async () => {
      const arrest = await services.enforcementRecording.recordArrest(actor, personId, values, values.submissionId);
      request.session.flash = { kind: 'success', title: 'Arrest recorded' };
      return reply.redirect(`/arrests/${arrest.id}`, 303);
    }, async (errors) => page(request, reply, await services.enforcementRecording.personForRecording(actor, personId), values, recordingErrors(errors, ['arrestedOn'])));
  });
}
