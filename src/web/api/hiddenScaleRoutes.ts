// The hidden scale through the API: the same service as the pages, for the same analysts. Starting
// an estimate answers 202 at once; the estimate's resource shows its progress, then its result.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { rolesOnly } from '../../access/policies/routes.ts';
import type { PopulationInterval } from '../../analysis/estimate/index.ts';
import type { HiddenScaleForm, HiddenScaleRequest, SavedEstimate, SavedEstimateSummary } from '../../services/hiddenScale.ts';
import type { Services } from '../../services/index.ts';
import { actorOf } from '../routeGuard.ts';
import { EstimateDetail, EstimateSummary, ListChoice, ListChoicesQuery, NewEstimate, StartedEstimate } from './hiddenScaleSchemas.ts';
import { IdParams, Problem } from './schemas.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const security = [{ bearerToken: [] }];
const ANALYSTS = rolesOnly('analyst');

const finite = (value: number | null | undefined): number | null => (value === null || value === undefined || !Number.isFinite(value) ? null : value);
const interval = (i: PopulationInterval) => ({ lower: finite(i.lower), upper: finite(i.upper), level: i.level, kind: i.kind });

function requestView(r: HiddenScaleRequest) {
  return {
    ...r, lists: r.lists.map((l) => ({ name: l.name, organisationIds: [...l.organisationIds] })),
    comparison: { thresholds: [...r.comparison.thresholds], methods: [...r.comparison.methods] },
  };
}

function summaryView(e: SavedEstimateSummary) {
  return { id: e.id, status: e.status, stage: e.stage, progress: e.progress, request: requestView(e.request), observed: e.observed, estimate: finite(e.estimate), error: e.error, createdBy: e.createdBy, createdAt: e.createdAt, finishedAt: e.finishedAt };
}

function detailView(e: SavedEstimate) {
  const outcome = e.outcome;
  const result = outcome?.estimate ?? null;
  return {
    ...summaryView({ ...e, observed: result?.observed ?? null, estimate: result?.estimate ?? null }),
    createdByName: e.createdByName,
    table: outcome?.table === null || outcome?.table === undefined ? null : { listNames: [...outcome.table.listNames], counts: [...outcome.table.counts] },
    result: result === null ? null : {
      observed: result.observed, estimate: finite(result.estimate), darkFigure: finite(result.darkFigure), interval: interval(result.interval),
      otherIntervals: result.otherIntervals.map(interval), model: { terms: [...result.model.terms], emptyTerms: [...result.model.emptyTerms], hierarchy: result.model.hierarchy },
      method: result.method, warnings: [...result.warnings],
    },
    refusal: outcome?.refusal ?? null,
    comparison: (outcome?.comparison ?? []).map((c) => ({ ...c, estimate: finite(c.estimate), lower: finite(c.lower), upper: finite(c.upper) })),
    linkage: outcome === null ? null : outcome.linkage,
    methodNote: outcome === null ? null : outcome.methodNote,
  };
}

export async function registerHiddenScaleApiRoutes(parent: FastifyInstance, services: Services): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const hiddenScale = services.hiddenScale;
  const tags = ['hidden scale'];

  app.get('/hidden-scale/lists', {
    config: { access: ANALYSTS },
    schema: { summary: 'Organisations with potential victims in the period, each with its default list', tags, security, querystring: ListChoicesQuery, response: { 200: Type.Array(ListChoice), ...problems } },
  }, async (request) => hiddenScale.listChoices(actorOf(request), request.query));

  app.post('/hidden-scale/estimates', {
    config: { access: ANALYSTS },
    schema: { summary: 'Start an estimate of the hidden scale (runs in the background)', tags, security, body: NewEstimate, response: { 202: StartedEstimate, ...problems } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const body = request.body;
    const form: HiddenScaleForm = {
      from: body.from ?? '', to: body.to ?? '', method: body.method, threshold: String(body.threshold),
      seed: body.seed === undefined ? '' : String(body.seed), bootstrapReplicates: String(body.bootstrapReplicates ?? 0),
      listOf: Object.fromEntries(body.lists.flatMap((list) => list.organisationIds.map((id) => [id, list.name]))),
    };
    const id = await hiddenScale.start(actor, await hiddenScale.parseForm(actor, form));
    return reply.code(202).send({ id, status: 'running' as const, href: `/api/v1/hidden-scale/estimates/${id}` });
  });

  app.get('/hidden-scale/estimates', {
    config: { access: ANALYSTS },
    schema: { summary: 'Saved estimates, newest first', tags, security, response: { 200: Type.Array(EstimateSummary), ...problems } },
  }, async (request) => (await hiddenScale.list(actorOf(request))).map(summaryView));

  app.get('/hidden-scale/estimates/:id', {
    config: { access: ANALYSTS },
    schema: { summary: 'One estimate: its progress, or its table, result, comparison and linkage settings', tags, security, params: IdParams, response: { 200: EstimateDetail, ...problems } },
  }, async (request) => detailView(await hiddenScale.get(actorOf(request), request.params.id)));
}
