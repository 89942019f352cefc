// Follow-up pages: a supervisor assigns one from a record's page, the officer finds it under "My
// follow-ups" and marks it done, and the supervisor watches the force's open and overdue ones.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rolesOnly } from '../../access/policies/routes.ts';
import type { DateParts } from '../../domain/recording/enteredValues.ts';
import type { FollowUpView } from '../../services/followUps.ts';
import type { Services } from '../../services/index.ts';
import { NO_ERRORS, errorView, formBody, textField, type ErrorView, withFormErrors } from '../forms.ts';
import { actorOf } from '../routeGuard.ts';
import { EMPTY_DATE, RECORDING_ROUTE, dateField, recordingErrors, renderForm, submissionIdOf } from './recording/forms.ts';

const SUPERVISORS = { config: { access: rolesOnly('supervisor') } };

const SUBJECTS: Record<string, { label: string; path: string }> = {
  premises: { label: 'Premises', path: '/premises' },
  visit: { label: 'Visit', path: '/visits' },
  'person-found': { label: 'Person found', path: '/people' },
  arrest: { label: 'Arrest', path: '/arrests' },
};

/** A follow-up with the words and link for the record it is about. */
function shown(followUp: FollowUpView) {
  const subject = SUBJECTS[followUp.subject_type];
  return { ...followUp, subjectLabel: subject?.label ?? followUp.subject_type, subjectHref: `${subject?.path ?? ''}/${followUp.subject_id}` };
}

interface AssignValues { assigneeId: string; dueOn: DateParts; note: string; submissionId: string }

export async function registerFollowUpRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/follow-ups', RECORDING_ROUTE, async (request, reply) => {
    const actor = actorOf(request);
    const mine = await services.followUps.mine(actor);
    return reply.page('staff/follow-ups/mine.njk', { open: mine.open.map(shown), done: mine.done.map(shown), isSupervisor: actor.kind === 'user' && actor.roles.has('supervisor') });
  });

  app.get('/follow-ups/force', SUPERVISORS, async (request, reply) => {
    const force = await services.followUps.forForce(actorOf(request));
    return reply.page('staff/follow-ups/force.njk', { open: force.open.map(shown), overdue: force.overdue.map(shown) });
  });

  const assignPage = async (request: FastifyRequest, reply: FastifyReply, values: AssignValues, errors: ErrorView = NO_ERRORS) => {
    const actor = actorOf(request);
    const { subjectType, subjectId } = request.params as { subjectType: string; subjectId: string };
    const forceId = await services.followUps.subjectForce(actor, subjectType, subjectId);
    const assignees = await services.followUps.assignees(actor, forceId);
    const subject = SUBJECTS[subjectType];
    return renderForm(reply, 'staff/follow-ups/new.njk', {
      values, action: `/follow-ups/${subjectType}/${subjectId}/new`, subjectLabel: subject?.label ?? subjectType, subjectHref: `${subject?.path ?? ''}/${subjectId}`,
      assigneeItems: [{ value: '', text: 'Select an officer' }, ...assignees.map((a) => ({ value: a.id, text: a.displayName, selected: a.id === values.assigneeId }))],
    }, errors);
  };

  app.get('/follow-ups/:subjectType/:subjectId/new', SUPERVISORS, async (request, reply) =>
    assignPage(request, reply, { assigneeId: '', dueOn: EMPTY_DATE, note: '', submissionId: submissionIdOf(null) }));

  app.post('/follow-ups/:subjectType/:subjectId/new', SUPERVISORS, async (request, reply) => {
    const { subjectType, subjectId } = request.params as { subjectType: string; subjectId: string };
    const body = formBody(request.body);
    const values: AssignValues = { assigneeId: textField(body, 'assigneeId'), dueOn: dateField(body, 'dueOn'), note: textField(body, 'note'), submissionId: submissionIdOf(body) };
    return withFormErrors(async () => {
      const followUp = await services.followUps.assign(actorOf(request), { ...values, subjectType, subjectId }, values.submissionId);
      request.session.flash = { kind: 'success', title: 'Follow-up assigned' };
      return reply.redirect(`/follow-ups/${followUp.id}`, 303);
    }, (errors) => assignPage(request, reply, values, recordingErrors(errors, ['dueOn'])));
  });

  const detailPage = async (request: FastifyRequest, reply: FastifyReply, values: { outcome: string }, errors: ErrorView = NO_ERRORS) => {
    const followUp = await services.followUps.get(actorOf(request), (request.params as { followUpId: string }).followUpId);
    const assigner = followUp.assigned_by === null ? undefined : await services.context.store.repositories.users.findById(followUp.assigned_by);
    const completer = followUp.completed_by === null ? undefined : await services.context.store.repositories.users.findById(followUp.completed_by);
    return renderForm(reply, 'staff/follow-ups/show.njk', { followUp: shown(followUp), assignedBy: assigner?.display_name, completedBy: completer?.display_name, values }, errors);
  };

  app.get('/follow-ups/:followUpId', RECORDING_ROUTE, async (request, reply) => detailPage(request, reply, { outcome: '' }));

  app.post('/follow-ups/:followUpId/complete', RECORDING_ROUTE, async (request, reply) => {
    const followUpId = (request.params as { followUpId: string }).followUpId;
    const values = { outcome: textField(formBody(request.body), 'outcome') };
    return withFormErrors(async () => {
      await services.followUps.complete(actorOf(request), followUpId, values);
      request.session.flash = { kind: 'success', title: 'Follow-up marked done' };
      return reply.redirect(`/follow-ups/${followUpId}`, 303);
    }, (errors) => detailPage(request, reply, values, errorView(errors)));
  });
}
