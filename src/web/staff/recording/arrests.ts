import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dateParts, localDate, localTimeOfDay, type DateParts } from '../../../domain/recording/enteredValues.ts';
import { versionOf as recordVersion } from '../../../services/enforcementEditing.ts';
import type { Services } from '../../../services/index.ts';
import type { ArrestRow, PersonFoundRow } from '../../../store/schema.ts';
import { NO_ERRORS, formBody, textField, type ErrorView, withFormErrors } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { EMPTY_DATE, RECORDING_ROUTE, dateField, editView, offenceGroups, recordingErrors, refusingStale, renderForm, submissionIdOf, versionOf, type EditView } from './forms.ts';

interface ArrestValues { offence: string; arrestedOn: DateParts; arrestedTime: string; place: string; submissionId: string; version?: string }

function storedValues(arrest: ArrestRow): ArrestValues {
  const at = new Date(arrest.arrested_at);
  return { offence: arrest.offence, arrestedOn: dateParts(localDate(at)), arrestedTime: localTimeOfDay(at), place: arrest.place, submissionId: submissionIdOf(null), version: recordVersion(arrest) };
}

export function registerArrestRecording(app: FastifyInstance, services: Services): void {
  const page = async (request: FastifyRequest, reply: FastifyReply, person: PersonFoundRow, values: ArrestValues, errors: ErrorView = NO_ERRORS, edit?: EditView) => {
    const force = await services.enforcementRecording.recordingForce(actorOf(request), person.organisation_id);
    return renderForm(reply, 'staff/recording/arrest.njk', { values, person, edit, offenceGroups: offenceGroups(force.jurisdiction, values.offence) }, errors);
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

  // The arrest form names the person arrested, so opening it to edit is an audited read of their record.
  const arrestAndPerson = async (request: FastifyRequest) => {
    const actor = actorOf(request);
    const arrest = await services.enforcementRecording.arrestForRecording(actor, (request.params as { arrestId: string }).arrestId);
    return { arrest, person: await services.enforcementRecording.personForRecording(actor, arrest.person_found_id, 'edit') };
  };
  const edit = (arrestId: string) => editView(`/arrests/${arrestId}`, 'Change the arrest');

  app.get('/arrests/:arrestId/edit', RECORDING_ROUTE, async (request, reply) => {
    const { arrest, person } = await arrestAndPerson(request);
    return page(request, reply, person, storedValues(arrest), NO_ERRORS, edit(arrest.id));
  });

  app.post('/arrests/:arrestId/edit', RECORDING_ROUTE, async (request, reply) => {
    const { arrest, person } = await arrestAndPerson(request);
    const body = formBody(request.body);
    const values: ArrestValues = {
      offence: textField(body, 'offence'), arrestedOn: dateField(body, 'arrestedOn'), arrestedTime: textField(body, 'arrestedTime'),
      place: textField(body, 'place'), submissionId: submissionIdOf(body), version: versionOf(body),
    };
    return withFormErrors(async () => {
      await refusingStale(() => services.enforcementEditing.editArrest(actorOf(request), arrest.id, values, { version: values.version ?? '', submissionId: values.submissionId }));
      request.session.flash = { kind: 'success', title: 'Arrest changed' };
      return reply.redirect(`/arrests/${arrest.id}`, 303);
    }, (errors) => page(request, reply, person, values, recordingErrors(errors, ['arrestedOn']), edit(arrest.id)));
  });
}
