// Enforcement records, operation results and CSV imports through the API: thin handlers over the
// services the pages use, so the same forces are visible and the same records hidden.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { rolesOnly } from '../../access/policies/routes.ts';
import { importRecords } from '../../services/enforcementImport.ts';
import type { Services } from '../../services/index.ts';
import { RESULT_DEFINITIONS } from '../../services/operationResults.ts';
import { actorOf } from '../routeGuard.ts';
import {
  ArrestDetail, ArrestListItem, ArrestQuery, ImportBody, ImportParams, ImportQuery, ImportReport, listOf, Operation, OperationResults, PeopleQuery,
  PersonDetail, PersonListItem, Premises, PremisesDetail, PremisesQuery, ResultsQuery, VisitDetail, VisitQuery, VisitSummary,
} from './enforcementSchemas.ts';
import {
  arrestListView, arrestView, chargeView, operationView, personListView, personSummaryView, personView, premisesView, seizedAssetView, visitSummaryView, visitView,
} from './enforcementViews.ts';
import { IdParams, Problem } from './schemas.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const security = [{ bearerToken: [] }];
const READERS = rolesOnly('officer', 'supervisor', 'analyst');
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

export async function registerEnforcementApiRoutes(parent: FastifyInstance, services: Services): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const records = services.enforcementRecords;
  const tags = ['enforcement records'];

  app.get('/operations', {
    config: { access: READERS },
    schema: { summary: 'Operations', tags, security, response: { 200: Type.Array(Operation), ...problems } },
  }, async (request) => (await records.operations(actorOf(request))).map(operationView));

  app.get('/premises', {
    config: { access: READERS },
    schema: { summary: 'Premises of the forces the caller may read', tags, security, querystring: PremisesQuery, response: { 200: listOf(Premises), ...problems } },
  }, async (request) => {
    const { limit, offset, ...query } = request.query;
    const listing = await records.listPremises(actorOf(request), query, { limit, offset });
    return { total: listing.total, items: listing.rows.map(premisesView) };
  });

  app.get('/premises/:id', {
    config: { access: READERS },
    schema: { summary: 'One premises and its visits', tags, security, params: IdParams, response: { 200: PremisesDetail, ...problems } },
  }, async (request) => {
    const detail = await records.getPremises(actorOf(request), request.params.id);
    return { premises: premisesView(detail.premises), visits: detail.visits.map(visitSummaryView) };
  });

  app.get('/visits', {
    config: { access: READERS },
    schema: { summary: 'Visits, newest first', tags, security, querystring: VisitQuery, response: { 200: listOf(VisitSummary), ...problems } },
  }, async (request) => {
    const { limit, offset, ...query } = request.query;
    const listing = await records.listVisits(actorOf(request), query, { limit, offset });
    return { total: listing.total, items: listing.rows.map(visitSummaryView) };
  });

  app.get('/visits/:id', {
    config: { access: READERS },
    schema: { summary: 'One visit: its premises, the people found and what was seized', tags, security, params: IdParams, response: { 200: VisitDetail, ...problems } },
  }, async (request) => {
    const detail = await records.getVisit(actorOf(request), request.params.id);
    return { visit: visitView(detail.visit), premises: premisesView(detail.premises), people: detail.people.map(personSummaryView), seizedAssets: detail.seizedAssets.map(seizedAssetView) };
  });

  app.get('/people', {
    config: { access: READERS },
    schema: { summary: 'People found, newest visit first; name matches any spelling, accents and aliases', tags, security, querystring: PeopleQuery, response: { 200: listOf(PersonListItem), ...problems } },
  }, async (request) => {
    const { limit, offset, ...query } = request.query;
    const listing = await records.listPeople(actorOf(request), query, { limit, offset });
    return { total: listing.total, items: listing.rows.map(personListView) };
  });

  app.get('/people/:id', {
    config: { access: READERS },
    schema: { summary: 'One person’s full record (each read is audited)', tags, security, params: IdParams, response: { 200: PersonDetail, ...problems } },
  }, async (request) => {
    const detail = await records.getPerson(actorOf(request), request.params.id);
    const protection = await services.victimProtection.forPersonFound(actorOf(request), detail.person);
    return { person: personView(detail.person), visit: visitView(detail.visit), premises: premisesView(detail.premises), arrests: detail.arrests.map(arrestView), protection };
  });

  app.get('/arrests', {
    config: { access: READERS },
    schema: { summary: 'Arrests, newest first', tags, security, querystring: ArrestQuery, response: { 200: listOf(ArrestListItem), ...problems } },
  }, async (request) => {
    const { limit, offset, ...query } = request.query;
    const listing = await records.listArrests(actorOf(request), query, { limit, offset });
    return { total: listing.total, items: listing.rows.map(arrestListView) };
  });

  app.get('/arrests/:id', {
    config: { access: READERS },
    schema: { summary: 'One arrest, the person arrested and the charges that followed', tags, security, params: IdParams, response: { 200: ArrestDetail, ...problems } },
  }, async (request) => {
    const detail = await records.getArrest(actorOf(request), request.params.id);
    const protection = await services.victimProtection.forPersonFound(actorOf(request), detail.person);
    return { arrest: arrestView(detail.arrest), person: personSummaryView(detail.person), charges: detail.charges.map(chargeView), protection };
  });

  app.get('/results', {
    config: { access: rolesOnly('supervisor', 'analyst') },
    schema: { summary: 'The operation’s results by force, each figure defined', tags, security, querystring: ResultsQuery, response: { 200: OperationResults, ...problems } },
  }, async (request) => ({ ...(await services.operationResults.results(actorOf(request), request.query)), definitions: RESULT_DEFINITIONS }));

  // A CSV body arrives as text; only this route has a schema that accepts it.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post('/imports/:kind', {
    config: { access: rolesOnly('officer', 'supervisor') },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      summary: 'Import a CSV file of your force’s premises, visits, people or arrests; returns every rejected row with its line',
      tags, security, consumes: ['text/csv'], params: ImportParams, querystring: ImportQuery, body: ImportBody, response: { 200: ImportReport, ...problems },
    },
  }, async (request) => importRecords(services.context, actorOf(request), request.params.kind, request.body, { allOrNothing: request.query.allOrNothing === true }));
}
