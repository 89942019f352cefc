// Editing records and follow-ups through the API: the same services as the pages, so the same
// forces may edit, a stale version is refused (409 problem+json) and every change is audited.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { rolesOnly } from '../../access/policies/routes.ts';
import { amountText, dateParts } from '../../domain/recording/enteredValues.ts';
import type { FollowUpView } from '../../services/followUps.ts';
import type { Services } from '../../services/index.ts';
import { actorOf } from '../routeGuard.ts';
import { ArrestEdit, ChargeEdit, FollowUp, FollowUpCompletion, NewFollowUp, PersonEdit, PremisesEdit, SeizedAssetEdit, VisitEdit } from './enforcementEditSchemas.ts';
import { Arrest, Charge, Person, Premises, SeizedAsset, Visit } from './enforcementSchemas.ts';
import { arrestView, chargeView, personView, premisesView, seizedAssetView, visitView } from './enforcementViews.ts';
import { IdParams, Problem } from './schemas.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const security = [{ bearerToken: [] }];
const RECORDERS = rolesOnly('officer', 'supervisor');
const SUPERVISORS = rolesOnly('supervisor');

const followUpView = (f: FollowUpView) => ({
  id: f.id, forceId: f.organisation_id, subjectType: f.subject_type, subjectId: f.subject_id, assigneeId: f.assigned_to, assigneeName: f.assignee_name,
  assignedBy: f.assigned_by, dueOn: f.due_on, note: f.note, status: f.status === 'done' ? 'done' as const : 'open' as const, overdue: f.overdue,
  outcome: f.outcome, completedBy: f.completed_by, completedAt: f.completed_at, createdAt: f.created_at,
});

export async function registerEnforcementEditApiRoutes(parent: FastifyInstance, services: Services): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const editing = services.enforcementEditing;
  const tags = ['enforcement records'];
  const edit = (summary: string) => `${summary}: send the version you read; a record changed since answers 409 and is left as it is`;

  app.put('/premises/:id', {
    config: { access: RECORDERS },
    schema: { summary: edit('Change premises'), tags, security, params: IdParams, body: PremisesEdit, response: { 200: Premises, ...problems } },
  }, async (request) => {
    const { version, submissionId, name, ...premises } = request.body;
    return premisesView(await editing.editPremises(actorOf(request), request.params.id, { ...premises, name: name ?? '' }, { version, submissionId }));
  });

  app.put('/visits/:id', {
    config: { access: RECORDERS },
    schema: { summary: edit('Change a visit'), tags, security, params: IdParams, body: VisitEdit, response: { 200: Visit, ...problems } },
  }, async (request) => {
    const { version, submissionId, visitedOn, warrant, notes, ...visit } = request.body;
    const input = { ...visit, visitedOn: dateParts(visitedOn), warrant: warrant ? 'yes' : 'no', notes: notes ?? '' };
    return visitView(await editing.editVisit(actorOf(request), request.params.id, input, { version, submissionId }));
  });

  app.put('/people/:id', {
    config: { access: RECORDERS },
    schema: { summary: edit('Change a person’s record'), tags, security, params: IdParams, body: PersonEdit, response: { 200: Person, ...problems } },
  }, async (request) => {
    const { version, submissionId, ...p } = request.body;
    const input = {
      role: p.role, fullName: p.fullName, givenNames: p.givenNames ?? '', familyName: p.familyName ?? '', aliases: p.aliases ?? [],
      dateOfBirth: dateParts(p.dateOfBirth ?? null), estimatedAge: p.estimatedAge === undefined || p.estimatedAge === null ? '' : String(p.estimatedAge),
      sex: p.sex, nationality: p.nationality ?? '', languages: p.languages ?? [],
      identityDocuments: (p.identityDocuments ?? []).map((d) => ({ kind: d.kind, number: d.number, issuingCountry: d.issuingCountry ?? '' })),
      phoneNumbers: p.phoneNumbers ?? [], account: p.account ?? '', exploitationType: p.exploitationType ?? '', possibleChild: p.possibleChild === true ? 'yes' : '',
      consent: p.consent ?? '', interpreterLanguage: p.interpreterLanguage ?? '',
    };
    return personView(await editing.editPersonFound(actorOf(request), request.params.id, input, { version, submissionId }));
  });

  app.put('/arrests/:id', {
    config: { access: RECORDERS },
    schema: { summary: edit('Change an arrest'), tags, security, params: IdParams, body: ArrestEdit, response: { 200: Arrest, ...problems } },
  }, async (request) => {
    const { version, submissionId, arrestedOn, place, ...arrest } = request.body;
    return arrestView(await editing.editArrest(actorOf(request), request.params.id, { ...arrest, arrestedOn: dateParts(arrestedOn), place: place ?? '' }, { version, submissionId }));
  });

  app.put('/charges/:id', {
    config: { access: RECORDERS },
    schema: { summary: edit('Change a charge and its court outcome'), tags, security, params: IdParams, body: ChargeEdit, response: { 200: Charge, ...problems } },
  }, async (request) => {
    const { version, submissionId, chargedOn, sentenceMonths, ...charge } = request.body;
    const input = { ...charge, chargedOn: dateParts(chargedOn), sentenceMonths: sentenceMonths === undefined || sentenceMonths === null ? '' : String(sentenceMonths) };
    return chargeView(await editing.editCharge(actorOf(request), request.params.id, input, { version, submissionId }));
  });

  app.put('/seized-assets/:id', {
    config: { access: RECORDERS },
    schema: { summary: edit('Change what was seized'), tags, security, params: IdParams, body: SeizedAssetEdit, response: { 200: SeizedAsset, ...problems } },
  }, async (request) => {
    const { version, submissionId, amountMinor, description, ...asset } = request.body;
    return seizedAssetView(await editing.editSeizedAsset(actorOf(request), request.params.id, { ...asset, amount: amountText(amountMinor), description: description ?? '' }, { version, submissionId }));
  });

  const followUpTags = ['follow-ups'];

  app.get('/follow-ups/mine', {
    config: { access: RECORDERS },
    schema: { summary: 'Follow-ups given to the caller: open by due date, and those done recently', tags: followUpTags, security, response: { 200: Type.Object({ open: Type.Array(FollowUp), done: Type.Array(FollowUp) }), ...problems } },
  }, async (request) => {
    const mine = await services.followUps.mine(actorOf(request));
    return { open: mine.open.map(followUpView), done: mine.done.map(followUpView) };
  });

  app.get('/follow-ups', {
    config: { access: SUPERVISORS },
    schema: { summary: 'The caller’s force’s open follow-ups, and which are overdue (supervisors)', tags: followUpTags, security, response: { 200: Type.Object({ open: Type.Array(FollowUp), overdue: Type.Array(FollowUp) }), ...problems } },
  }, async (request) => {
    const force = await services.followUps.forForce(actorOf(request));
    return { open: force.open.map(followUpView), overdue: force.overdue.map(followUpView) };
  });

  app.post('/follow-ups', {
    config: { access: SUPERVISORS },
    schema: { summary: 'Give an officer of the force a follow-up on a record (supervisors)', tags: followUpTags, security, body: NewFollowUp, response: { 201: FollowUp, ...problems } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { submissionId, dueOn, ...followUp } = request.body;
    const made = await services.followUps.assign(actor, { ...followUp, dueOn: dateParts(dueOn) }, submissionId);
    return reply.code(201).send(followUpView(await services.followUps.get(actor, made.id)));
  });

  app.get('/follow-ups/:id', {
    config: { access: RECORDERS },
    schema: { summary: 'One follow-up of the caller’s force', tags: followUpTags, security, params: IdParams, response: { 200: FollowUp, ...problems } },
  }, async (request) => followUpView(await services.followUps.get(actorOf(request), request.params.id)));

  app.post('/follow-ups/:id/complete', {
    config: { access: RECORDERS },
    schema: { summary: 'Mark a follow-up done with what was done (its officer, or a supervisor of the force)', tags: followUpTags, security, params: IdParams, body: FollowUpCompletion, response: { 200: FollowUp, ...problems } },
  }, async (request) => {
    const actor = actorOf(request);
    await services.followUps.complete(actor, request.params.id, request.body);
    return followUpView(await services.followUps.get(actor, request.params.id));
  });
}
