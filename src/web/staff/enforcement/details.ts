import type { FastifyInstance } from 'fastify';
import { canRecordFor } from '../../../access/policies/enforcementRecords.ts';
import { canAssignFollowUps } from '../../../access/policies/followUps.ts';
import type { Services } from '../../../services/index.ts';
import { courtOutcomes } from '../../../domain/vocabularies/courtOutcomes.ts';
import type { FollowUpSubject } from '../../../services/followUps.ts';
import { actorOf } from '../../routeGuard.ts';
import { describeHistoryEvent } from './historyDescriptions.ts';
import { ENFORCEMENT_LABELS, formatMoney } from './labels.ts';
import { ENFORCEMENT_READERS } from './lists.ts';

function parsedList(json: string): unknown[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value : [];
}

type Actor = ReturnType<typeof actorOf>;

export async function registerEnforcementDetails(app: FastifyInstance, services: Services): Promise<void> {
  const records = services.enforcementRecords;
  const displayName = async (names: Map<string, string>, userId: string, fallback: string) => {
    if (!names.has(userId)) names.set(userId, (await services.context.store.repositories.users.findById(userId))?.display_name ?? fallback);
  };
  /** Who changed what, newest first: the record's own events and those of the parts shown on its page (charges, seizures). */
  const history = async (actor: Actor, organisationId: string, ...ids: string[]) => {
    const events = (await Promise.all(ids.map((id) => records.history(actor, organisationId, id)))).flat().sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    const names = new Map<string, string>();
    for (const event of events) {
      if (event.actorUserId !== null) await displayName(names, event.actorUserId, event.actorLabel);
      const assignee = (JSON.parse(event.details) as { assigneeId?: unknown }).assigneeId;
      if (typeof assignee === 'string') await displayName(names, assignee, 'an officer');
    }
    return events.map((e) => ({ ...e, ...describeHistoryEvent(e.action, e.details, names), who: e.actorUserId === null ? e.actorLabel : names.get(e.actorUserId) ?? e.actorLabel }));
  };
  /** The follow-ups on a record, for the force's own officers and supervisors only. */
  const followUps = async (actor: Actor, organisationId: string, subjectType: FollowUpSubject, subjectId: string) => ({
    followUps: await services.followUps.forRecord(actor, organisationId, subjectId),
    assignFollowUpHref: canAssignFollowUps(actor, organisationId) ? `/follow-ups/${subjectType}/${subjectId}/new` : undefined,
  });
  const organisationName = async (id: string) => (await services.context.store.repositories.organisations.findById(id))?.name ?? '';

  app.get('/premises/:premisesId', { config: { access: ENFORCEMENT_READERS } }, async (request, reply) => {
    const actor = actorOf(request);
    const { premises, visits } = await records.getPremises(actor, (request.params as { premisesId: string }).premisesId);
    return reply.page('staff/enforcement/premises-detail.njk', {
      premises, addressLines: parsedList(premises.address_lines), visits, force: await organisationName(premises.organisation_id),
      history: await history(actor, premises.organisation_id, premises.id), labels: ENFORCEMENT_LABELS, canRecord: canRecordFor(actor, premises.organisation_id),
      ...(await followUps(actor, premises.organisation_id, 'premises', premises.id)),
    });
  });

  app.get('/visits/:visitId', { config: { access: ENFORCEMENT_READERS } }, async (request, reply) => {
    const actor = actorOf(request);
    const detail = await records.getVisit(actor, (request.params as { visitId: string }).visitId);
    const operation = await services.context.store.repositories.operations.findById(detail.visit.operation_id);
    return reply.page('staff/enforcement/visit-detail.njk', {
      ...detail, operation, force: await organisationName(detail.visit.organisation_id),
      protections: Object.fromEntries(await services.victimProtection.forPeopleFound(actor, detail.people)),
      seized: detail.seizedAssets.map((a) => ({ ...a, amount: formatMoney(Number(a.amount_minor), a.currency) })),
      history: await history(actor, detail.visit.organisation_id, detail.visit.id, ...detail.seizedAssets.map((a) => a.id)),
      labels: ENFORCEMENT_LABELS, canRecord: canRecordFor(actor, detail.visit.organisation_id),
      ...(await followUps(actor, detail.visit.organisation_id, 'visit', detail.visit.id)),
    });
  });

  app.get('/people/:personId', { config: { access: ENFORCEMENT_READERS } }, async (request, reply) => {
    const actor = actorOf(request);
    const detail = await records.getPerson(actor, (request.params as { personId: string }).personId);
    return reply.page('staff/enforcement/person-detail.njk', {
      ...detail, protection: await services.victimProtection.forPersonFound(actor, detail.person), aliases: parsedList(detail.person.aliases), phones: parsedList(detail.person.phone_numbers), languages: parsedList(detail.person.languages),
      documents: parsedList(detail.person.identity_documents), force: await organisationName(detail.person.organisation_id),
      history: await history(actor, detail.person.organisation_id, detail.person.id), labels: ENFORCEMENT_LABELS, canRecord: canRecordFor(actor, detail.person.organisation_id),
      ...(await followUps(actor, detail.person.organisation_id, 'person-found', detail.person.id)),
    });
  });

  app.get('/arrests/:arrestId', { config: { access: ENFORCEMENT_READERS } }, async (request, reply) => {
    const actor = actorOf(request);
    const detail = await records.getArrest(actor, (request.params as { arrestId: string }).arrestId);
    return reply.page('staff/enforcement/arrest-detail.njk', {
      ...detail, protection: await services.victimProtection.forPersonFound(actor, detail.person), force: await organisationName(detail.arrest.organisation_id),
      history: await history(actor, detail.arrest.organisation_id, detail.arrest.id, ...detail.charges.map((c) => c.id)),
      labels: ENFORCEMENT_LABELS, canRecord: canRecordFor(actor, detail.arrest.organisation_id),
      outcomeItems: courtOutcomes.terms.map((t) => ({ value: t.id, text: t.label })),
      ...(await followUps(actor, detail.arrest.organisation_id, 'arrest', detail.arrest.id)),
    });
  });
}
