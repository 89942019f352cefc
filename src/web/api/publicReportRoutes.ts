// The triage queue of public reports through the API: the same service as the pages, so the same
// reports are visible, the same contact details withheld, and every read and decision audited.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { rolesOnly } from '../../access/policies/routes.ts';
import type { Services } from '../../services/index.ts';
import { TRIAGE_OUTCOMES } from '../../services/publicReportTriage.ts';
import { actorOf } from '../routeGuard.ts';
import { Problem } from './schemas.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const security = [{ bearerToken: [] }];
const TRIAGE = rolesOnly('supervisor', 'analyst');
const tags = ['public reports'];

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const QueueItem = Type.Object({
  id: Type.String(), reference: Type.String(), receivedAt: Type.String({ format: 'date-time' }), status: Type.String(), danger: Type.String(),
  signs: Type.Array(Type.String()), language: Type.String(), contactPreference: Type.String(),
  routedOrganisationId: Nullable(Type.String()), routedOrganisationName: Nullable(Type.String()), routingBasis: Nullable(Type.String()),
  newInformation: Type.Boolean(),
  source: Type.String({ description: 'public (the public form) or information-line (an alert from an adviser’s call)' }),
});

const ReportDetail = Type.Intersect([QueueItem, Type.Object({
  answers: Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())])),
  contactWithheld: Type.Boolean(),
  additions: Type.Array(Type.Object({ id: Type.String(), receivedAt: Type.String(), language: Type.String(), information: Type.String() })),
  outcomes: Type.Array(Type.Object({
    id: Type.String(), outcome: Type.String(), reason: Type.String(), decidedAt: Type.String(), decidedBy: Type.String(),
    fromOrganisationName: Nullable(Type.String()), toOrganisationName: Nullable(Type.String()),
  })),
  links: Type.Array(Type.Object({ recordType: Type.String(), recordId: Type.String(), linkedAt: Type.String() })),
})]);

const QueueQuery = Type.Object({
  show: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all')], { description: 'open (new reports, the default) or all' })),
  unplaced: Type.Optional(Type.Boolean({ description: 'Only reports nobody could place (national centre)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

const ReportParams = Type.Object({ reportId: Type.String({ maxLength: 64 }) });

const OutcomeBody = Type.Object({
  outcome: Type.Union(TRIAGE_OUTCOMES.map((value) => Type.Literal(value))),
  reason: Type.String({ maxLength: 2000 }),
  toForceId: Type.Optional(Type.String({ maxLength: 64, description: 'The force to send the report to, with outcome re-routed' })),
}, { additionalProperties: false });

const LinkBody = Type.Object({
  recordType: Type.Union([Type.Literal('premises'), Type.Literal('visit')]),
  recordId: Type.String({ maxLength: 64 }),
}, { additionalProperties: false });

export async function registerPublicReportApiRoutes(parent: FastifyInstance, services: Services): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const triage = services.publicReportTriage;

  app.get('/public-reports', {
    config: { access: TRIAGE },
    schema: { summary: 'The triage queue of public reports the caller may triage, newest first', tags, security, querystring: QueueQuery, response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(QueueItem) }), ...problems } },
  }, async (request) => triage.queue(actorOf(request), request.query));

  app.get('/public-reports/:reportId', {
    config: { access: TRIAGE },
    schema: { summary: 'One public report in full (each read is audited)', tags, security, params: ReportParams, response: { 200: ReportDetail, ...problems } },
  }, async (request) => {
    const detail = await triage.get(actorOf(request), request.params.reportId);
    const answers = Object.fromEntries(Object.entries(detail.answers).map(([name, value]) => [name, typeof value === 'string' ? value : [...value]]));
    return { ...detail, answers };
  });

  app.post('/public-reports/:reportId/outcomes', {
    config: { access: TRIAGE },
    schema: { summary: 'Record a triage outcome with its reason', tags, security, params: ReportParams, body: OutcomeBody, response: { 204: Type.Null(), ...problems } },
  }, async (request, reply) => {
    await triage.recordOutcome(actorOf(request), request.params.reportId, request.body);
    return reply.code(204).send(null);
  });

  app.post('/public-reports/:reportId/links', {
    config: { access: TRIAGE },
    schema: { summary: 'Link a public report to a premises or visit record', tags, security, params: ReportParams, body: LinkBody, response: { 204: Type.Null(), ...problems } },
  }, async (request, reply) => {
    await triage.link(actorOf(request), request.params.reportId, request.body);
    return reply.code(204).send(null);
  });
}
