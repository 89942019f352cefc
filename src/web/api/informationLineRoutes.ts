// The information line through the API: the same service as the pages, so the same rules (a
// possible child is never advice only, immediate danger alerts a force), the same audit, and
// the same idempotency (a repeated submissionId returns the call the first request made).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { rolesOnly } from '../../access/policies/routes.ts';
import { callerTypeTerms, callOutcomeTerms } from '../../domain/vocabularies/informationLine.ts';
import { EMPTY_CALL } from '../../services/informationLine.ts';
import type { Services } from '../../services/index.ts';
import { actorOf } from '../routeGuard.ts';
import { Problem } from './schemas.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const security = [{ bearerToken: [] }];
const ADVISERS = rolesOnly('information-line-adviser');
// Counts describe no one: the national centre's analysts see them for the operation's dashboard.
const COUNTERS = rolesOnly('information-line-adviser', 'analyst');
const tags = ['information line'];

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = (maxLength: number, description?: string) => Type.Optional(Type.String({ maxLength, ...(description === undefined ? {} : { description }) }));

const CallSummary = Type.Object({
  id: Type.String(), receivedAt: Type.String({ format: 'date-time' }), adviserId: Type.String(), adviserName: Type.String(),
  callerType: Type.String(), outcome: Type.String(), possibleChild: Type.Boolean(), immediateDanger: Type.Boolean(), indicatorCount: Type.Integer(),
  durationMinutes: Type.Union([Type.Integer(), Type.Null()]),
});

const CallDetail = Type.Intersect([CallSummary, Type.Object({
  callerOrganisation: Type.String(), callerContact: Type.String(), situation: Type.String(), actionTaken: Nullable(Type.String()),
  indicators: Type.Array(Type.String()), guidance: Type.Array(Type.String()), advice: Type.String(),
  potentialVictimId: Nullable(Type.String()), anonymousNotificationId: Nullable(Type.String()), charityName: Nullable(Type.String()),
  alert: Type.Union([Type.Object({ reportId: Type.String(), reference: Type.String(), forceName: Nullable(Type.String()) }), Type.Null()]),
})]);

const CallQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date', description: 'Calls received on or after this day (UTC)' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Calls received on or before this day (UTC)' })),
  outcome: Type.Optional(Type.Union(callOutcomeTerms.map((t) => Type.Literal(t.id)))),
  adviserId: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

const CallBody = Type.Object({
  submissionId: Type.Optional(Type.String({ maxLength: 64, description: 'A UUID chosen by the client: a repeat returns the first call' })),
  callerType: Type.Union(callerTypeTerms.map((t) => Type.Literal(t.id))),
  callerOrganisation: Text(200), callerContact: Text(200),
  situation: Type.String({ maxLength: 5000 }), actionTaken: Text(5000),
  indicators: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 100, description: 'Indicator ids from the screening catalogue' })),
  possibleChild: Type.Optional(Type.Boolean()), immediateDanger: Type.Optional(Type.Boolean()),
  advice: Type.String({ maxLength: 5000 }),
  outcome: Type.Union(callOutcomeTerms.map((t) => Type.Literal(t.id))),
  durationMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 600 })),
  consent: Text(40, 'For a referral: given, refused or not-possible'), fullName: Text(200), sex: Text(20), nationality: Text(2), ageBand: Text(20),
  exploitationTypes: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 })),
  localAuthorityId: Text(64), charityId: Text(64),
  address: Text(300), town: Text(100), postcode: Text(20), placeDescription: Text(1000), forceId: Text(64, 'For a force alert: a force chosen instead of routing by place'),
  alsoAlertForce: Type.Optional(Type.Boolean({ description: 'With a referral: also alert the local police force (routed by the place above), in the same transaction' })),
}, { additionalProperties: false });

const OperationCounts = Type.Object({
  operationId: Type.String(), code: Type.String(), name: Type.String(), startsOn: Type.String({ format: 'date' }), endsOn: Type.String({ format: 'date' }),
  total: Type.Integer(), byOutcome: Type.Record(Type.String(), Type.Integer()),
});

export async function registerInformationLineApiRoutes(parent: FastifyInstance, services: Services): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const line = services.informationLine;

  app.get('/information-line/calls', {
    config: { access: ADVISERS },
    schema: { summary: 'Calls to the information line, newest first, filtered by day, outcome and adviser', tags, security, querystring: CallQuery, response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(CallSummary) }), ...problems } },
  }, async (request) => line.list(actorOf(request), request.query));

  app.get('/information-line/calls/:callId', {
    config: { access: ADVISERS },
    schema: { summary: 'One call in full (each read is audited)', tags, security, params: Type.Object({ callId: Type.String({ maxLength: 64 }) }), response: { 200: CallDetail, ...problems } },
  }, async (request) => line.get(actorOf(request), request.params.callId));

  app.post('/information-line/calls', {
    config: { access: ADVISERS },
    schema: { summary: 'Record a call and carry out its outcome', tags, security, body: CallBody, response: { 201: Type.Object({ id: Type.String() }), ...problems } },
  }, async (request, reply) => {
    const { submissionId, durationMinutes, possibleChild, immediateDanger, alsoAlertForce, ...rest } = request.body;
    const input = {
      ...EMPTY_CALL, ...rest, durationMinutes: durationMinutes === undefined ? '' : String(durationMinutes),
      possibleChild: possibleChild === true, immediateDanger: immediateDanger === true, alsoAlertForce: alsoAlertForce === true,
    };
    const created = await line.record(actorOf(request), input, submissionId);
    return reply.code(201).send(created);
  });

  app.get('/information-line/counts', {
    config: { access: COUNTERS },
    schema: { summary: 'Calls per operation period, by outcome (counts only)', tags, security, response: { 200: Type.Array(OperationCounts), ...problems } },
  }, async (request) => line.countsPerOperation(actorOf(request)));
}
