import type { FastifyInstance, FastifyReply } from 'fastify';
import { canRecordFor, readableForces } from '../../../access/policies/enforcementRecords.ts';
import { rolesOnly } from '../../../access/policies/routes.ts';
import type { Actor } from '../../../access/actor.ts';
import type { Services } from '../../../services/index.ts';
import { errorView } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { ENFORCEMENT_LABELS, selectItems } from './labels.ts';
import { PAGE_SIZE, pagination, parseListQuery, type ListQuery } from './listQuery.ts';

export const ENFORCEMENT_READERS = rolesOnly('officer', 'supervisor', 'analyst');

/** Filters shared by every list: operation, force (for those who read several), period. */
async function commonFilters(services: Services, actor: Actor, query: ListQuery) {
  const operations = await services.enforcementRecords.operations(actor);
  const forces = readableForces(actor);
  const forceItems = forces === undefined
    ? selectItems(Object.fromEntries((await services.organisations.list(actor, { includeRetired: true })).filter((o) => o.kind === 'police-force').map((o) => [o.id, o.name])), query.values['forceId'], 'All forces')
    : null;
  return {
    operationItems: selectItems(Object.fromEntries(operations.map((o) => [o.id, o.name])), query.values['operationId'], 'All operations'),
    forceItems,
  };
}

function pageOf(query: ListQuery) {
  return { limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE };
}

export async function registerEnforcementLists(app: FastifyInstance, services: Services): Promise<void> {
  const render = async (reply: FastifyReply, template: string, path: string, query: ListQuery, listing: { rows: unknown[]; total: number }, extra: Record<string, unknown>) => {
    const actor = actorOf(reply.request);
    return reply.code(query.errors.length > 0 ? 400 : 200).page(template, {
      ...errorView(query.errors), ...(await commonFilters(services, actor, query)), ...extra,
      rows: listing.rows, total: listing.total, values: query.values, labels: ENFORCEMENT_LABELS,
      pagination: pagination(path, query.values, query.page, listing.total),
      firstRow: listing.total === 0 ? 0 : (query.page - 1) * PAGE_SIZE + 1, lastRow: Math.min(query.page * PAGE_SIZE, listing.total),
      exportQuery: new URLSearchParams(Object.entries(query.values).filter(([, v]) => v !== '')).toString(),
    });
  };

  app.get('/visits', { config: { access: ENFORCEMENT_READERS } }, async (request, reply) => {
    const query = parseListQuery(request.query, ['operationId', 'forceId', 'from', 'to', 'outcome', 'premisesType', 'order']);
    const f = query.filters;
    const listing = await services.enforcementRecords.listVisits(actorOf(request), {
      operationId: f['operationId'], forceId: f['forceId'], from: f['from'], to: f['to'], outcome: f['outcome'], premisesType: f['premisesType'],
      direction: f['order'] === 'oldest' ? 'asc' : 'desc',
    }, pageOf(query));
    return render(reply, 'staff/enforcement/visits.njk', '/visits', query, listing, {
      outcomeItems: selectItems(ENFORCEMENT_LABELS.visitOutcomes, f['outcome'], 'Any outcome'),
      premisesTypeItems: selectItems(ENFORCEMENT_LABELS.premisesTypes, f['premisesType'], 'Any type'),
    });
  });

  app.get('/people', { config: { access: ENFORCEMENT_READERS } }, async (request, reply) => {
    const query = parseListQuery(request.query, ['name', 'role', 'nationality', 'operationId', 'forceId', 'from', 'to', 'order']);
    const f = query.filters;
    const listing = await services.enforcementRecords.listPeople(actorOf(request), {
      name: f['name'], role: f['role'], nationality: f['nationality'], operationId: f['operationId'], forceId: f['forceId'], from: f['from'], to: f['to'],
      sort: f['order'] === 'name' ? 'name' : 'visited_at',
    }, pageOf(query));
    return render(reply, 'staff/enforcement/people.njk', '/people', query, listing, {
      protections: Object.fromEntries(await services.victimProtection.forPeopleFound(actorOf(request), listing.rows)),
      roleItems: selectItems(ENFORCEMENT_LABELS.personRoles, f['role'], 'Any role'),
      nationalityItems: selectItems(ENFORCEMENT_LABELS.nationalities, f['nationality'], 'Any nationality'),
    });
  });

  app.get('/arrests', { config: { access: ENFORCEMENT_READERS } }, async (request, reply) => {
    const query = parseListQuery(request.query, ['offence', 'operationId', 'forceId', 'from', 'to', 'order']);
    const f = query.filters;
    const listing = await services.enforcementRecords.listArrests(actorOf(request), {
      offence: f['offence'], operationId: f['operationId'], forceId: f['forceId'], from: f['from'], to: f['to'], direction: f['order'] === 'oldest' ? 'asc' : 'desc',
    }, pageOf(query));
    return render(reply, 'staff/enforcement/arrests.njk', '/arrests', query, listing, {
      offenceItems: selectItems(ENFORCEMENT_LABELS.offences, f['offence'], 'Any offence'),
    });
  });

  app.get('/premises', { config: { access: ENFORCEMENT_READERS } }, async (request, reply) => {
    const query = parseListQuery(request.query, ['premisesType', 'postcode']);
    const f = query.filters;
    const listing = await services.enforcementRecords.listPremises(actorOf(request), {
      premisesType: f['premisesType'], postcodeKey: f['postcode']?.toUpperCase().replace(/\s+/g, ''),
    }, pageOf(query));
    return render(reply, 'staff/enforcement/premises.njk', '/premises', query, listing, {
      premisesTypeItems: selectItems(ENFORCEMENT_LABELS.premisesTypes, f['premisesType'], 'Any type'),
      canRecordPremises: canRecordOwnForce(actorOf(request)),
    });
  });

}

function canRecordOwnForce(actor: Actor): boolean {
  return actor.kind === 'user' && canRecordFor(actor, actor.organisationId);
}
