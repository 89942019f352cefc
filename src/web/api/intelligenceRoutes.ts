// Intelligence reports and the network through the API: thin handlers over the services the
// pages use, so a report hidden by its handling code is 404 here too.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { rolesOnly } from '../../access/policies/routes.ts';
import { formatGrade } from '../../domain/intelligence/grade.ts';
import type { NetworkEntity, Relationship } from '../../domain/network/graph.ts';
import type { Services } from '../../services/index.ts';
import { networkFilterOf } from '../staff/networkQuery.ts';
import { actorOf } from '../routeGuard.ts';
import { IdParams, Problem } from './schemas.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const security = [{ bearerToken: [] }];
const USERS = rolesOnly('officer', 'supervisor', 'analyst');

const GradeSchema = Type.Object({ scheme: Type.String(), source: Type.String(), intelligence: Type.String(), handling: Type.String(), written: Type.String() });
const ReportSummary = Type.Object({
  id: Type.String(), organisationId: Type.String(), grade: GradeSchema, refersToOn: Type.String(), createdAt: Type.String(), sanitised: Type.Boolean(), version: Type.Integer(),
});
const Entity = Type.Object({ key: Type.String(), type: Type.String(), label: Type.String() });
const Provenance = Type.Object({ recordType: Type.String(), recordId: Type.String(), organisationId: Type.String(), date: Type.String(), grade: Type.Union([GradeSchema, Type.Null()]) });
const RelationshipSchema = Type.Object({ id: Type.String(), from: Type.String(), to: Type.String(), type: Type.String(), provenance: Provenance });
const ReportDetail = Type.Intersect([ReportSummary, Type.Object({
  text: Type.String(),
  description: Type.Object({ scheme: Type.String(), source: Type.String(), intelligence: Type.String(), handling: Type.String() }),
  entities: Type.Array(Type.Object({ type: Type.String(), key: Type.String(), label: Type.String(), written: Type.String() })),
  links: Type.Array(Type.Object({ from: Type.String(), relationship: Type.String(), to: Type.String(), observedOn: Type.String() })),
})]);
const DateParts = Type.Object({ day: Type.String(), month: Type.String(), year: Type.String() });
const NewReport = Type.Object({
  text: Type.String({ maxLength: 20_000 }), source: Type.String({ maxLength: 4 }), intelligence: Type.String({ maxLength: 4 }), handling: Type.String({ maxLength: 4 }),
  refersTo: DateParts,
  entities: Type.Optional(Type.Array(Type.Object({ type: Type.String(), value: Type.String(), detail: Type.Optional(Type.String()), recordId: Type.Optional(Type.String()) }), { maxItems: 50 })),
  links: Type.Optional(Type.Array(Type.Object({ from: Type.Integer({ minimum: 1 }), relationship: Type.String(), to: Type.Integer({ minimum: 1 }) }), { maxItems: 100 })),
}, { additionalProperties: false });
const FilterQuery = {
  from: Type.Optional(Type.String()), to: Type.Optional(Type.String()), forceId: Type.Optional(Type.Array(Type.String())),
  relationship: Type.Optional(Type.Array(Type.String())), minimumGrade: Type.Optional(Type.String()),
};

type GradeLike = { scheme: string; source: string; intelligence: string; handling: string };
function gradeView(grade: GradeLike) {
  return { ...grade, written: formatGrade(grade as Parameters<typeof formatGrade>[0]) };
}
function relationshipView(r: Relationship) {
  return { ...r, provenance: { ...r.provenance, grade: r.provenance.grade === null ? null : gradeView(r.provenance.grade) } };
}
const entityView = (e: NetworkEntity) => ({ key: e.key, type: e.type, label: e.label });

export async function registerIntelligenceApiRoutes(parent: FastifyInstance, services: Services): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['intelligence and network'];

  app.get('/intelligence', {
    config: { access: USERS },
    schema: { summary: 'Intelligence reports the caller may read under their handling codes', tags, security, response: { 200: Type.Array(ReportSummary), ...problems } },
  }, async (request) => (await services.intelligence.list(actorOf(request))).map((r) => ({ ...r, grade: gradeView(r.grade) })));

  app.get('/intelligence/:id', {
    config: { access: USERS },
    schema: { summary: 'One intelligence report (each read is audited; 404 when its handling code withholds it)', tags, security, params: IdParams, response: { 200: ReportDetail, ...problems } },
  }, async (request) => {
    const report = await services.intelligence.get(actorOf(request), request.params.id);
    return {
      id: report.id, organisationId: report.organisationId, grade: gradeView(report.grade), refersToOn: report.refersToOn, createdAt: report.createdAt,
      sanitised: report.sanitised, version: report.version, text: report.text, description: report.description,
      entities: report.entities.map((e) => ({ type: e.entity_type, key: e.entity_key, label: e.label, written: e.written })),
      links: report.links.map((l) => ({ from: l.from_key, relationship: l.relationship, to: l.to_key, observedOn: l.observed_on })),
    };
  });

  app.post('/intelligence', {
    config: { access: USERS },
    schema: { summary: 'Submit an intelligence report graded under your organisation’s scheme', tags, security, body: NewReport, response: { 201: ReportSummary, ...problems } },
  }, async (request, reply) => {
    const body = request.body;
    const report = await services.intelligence.submit(actorOf(request), {
      text: body.text, source: body.source, intelligence: body.intelligence, handling: body.handling, refersTo: body.refersTo,
      entities: (body.entities ?? []).map((e) => ({ type: e.type, value: e.value, detail: e.detail ?? '', recordId: e.recordId ?? '' })),
      links: (body.links ?? []).map((l) => ({ from: String(l.from), relationship: l.relationship, to: String(l.to) })),
    });
    return reply.code(201).send({ ...report, grade: gradeView(report.grade) });
  });

  app.get('/network/search', {
    config: { access: USERS },
    schema: { summary: 'Entities of the caller’s network matching a phone, registration, name or address', tags, security, querystring: Type.Object({ q: Type.String({ maxLength: 200 }) }), response: { 200: Type.Array(Entity), ...problems } },
  }, async (request) => (await services.network.search(actorOf(request), request.query.q)).map(entityView));

  app.get('/network/entity', {
    config: { access: USERS },
    schema: {
      summary: 'An entity’s neighbours, each with the relationships and records joining them, and its timeline', tags, security,
      querystring: Type.Object({ id: Type.String({ maxLength: 400 }), ...FilterQuery }),
      response: { 200: Type.Object({ entity: Entity, neighbours: Type.Array(Type.Object({ entity: Entity, relationships: Type.Array(RelationshipSchema) })), timeline: Type.Array(Type.Object({ date: Type.String(), description: Type.String(), provenance: Provenance })) }), ...problems },
    },
  }, async (request) => {
    const view = await services.network.entity(actorOf(request), request.query.id, networkFilterOf(request.query));
    return {
      entity: entityView(view.entity),
      neighbours: view.neighbours.map((n) => ({ entity: entityView(n.entity), relationships: n.relationships.map(relationshipView) })),
      timeline: view.timeline.map((t) => ({ date: t.date, description: t.description, provenance: relationshipView({ id: '', from: '', to: '', type: 'seen-at', provenance: t.provenance }).provenance })),
    };
  });

  app.get('/network/path', {
    config: { access: USERS },
    schema: {
      summary: 'The shortest path between two entities, with the relationships that justify each step (steps null when unconnected)', tags, security,
      querystring: Type.Object({ from: Type.String({ maxLength: 400 }), to: Type.String({ maxLength: 400 }), forceId: FilterQuery.forceId, relationship: FilterQuery.relationship, minimumGrade: FilterQuery.minimumGrade }),
      response: { 200: Type.Object({ steps: Type.Union([Type.Array(Type.Object({ from: Entity, to: Entity, relationships: Type.Array(RelationshipSchema) })), Type.Null()]) }), ...problems },
    },
  }, async (request) => {
    const { from, to, ...filters } = request.query;
    const result = await services.network.path(actorOf(request), from, to, networkFilterOf(filters));
    return { steps: result.steps?.map((s) => ({ from: entityView(s.from), to: entityView(s.to), relationships: s.relationships.map(relationshipView) })) ?? null };
  });

  app.get('/network/metrics', {
    config: { access: USERS },
    schema: {
      summary: 'Connected groups and degree, betweenness (normalised) and PageRank of every entity of the caller’s network', tags, security, querystring: Type.Object(FilterQuery),
      response: { 200: Type.Object({ entities: Type.Integer(), relationships: Type.Integer(), groups: Type.Array(Type.Array(Type.String())), centrality: Type.Array(Type.Object({ key: Type.String(), degree: Type.Integer(), betweenness: Type.Number(), pageRank: Type.Number() })) }), ...problems },
    },
  }, async (request) => {
    const metrics = await services.network.metrics(actorOf(request), networkFilterOf(request.query));
    return {
      entities: metrics.entities, relationships: metrics.relationships, groups: metrics.groups.map((g) => g.map((e) => e.key)),
      centrality: metrics.centrality.map((c) => ({ key: c.entity.key, degree: c.degree, betweenness: c.betweenness, pageRank: c.pageRank })),
    };
  });
}
