// Record linkage through the API: the same services and access rules as the pages.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { rolesOnly } from '../../access/policies/routes.ts';
import type { Services } from '../../services/index.ts';
import type { LinkageDecisionRow, LinkageRunRow, PersonClusterChangeRow } from '../../store/schema.ts';
import { actorOf } from '../routeGuard.ts';
import {
  ChangeParams, ClusterChange, ClusterDetail, ClusterParams, DecisionBody, DecisionOutcome, LinkageRun, LinkageRunDetail, PairDetail, PairParams, ReviewPair, RunParams, SplitBody,
} from './linkageSchemas.ts';
import { Problem } from './schemas.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const security = [{ bearerToken: [] }];
const ANALYSTS = rolesOnly('analyst');

const runView = (r: LinkageRunRow) => ({
  id: r.id, status: r.status as 'queued', trigger: r.trigger, startedBy: r.started_by, startedAt: r.started_at, finishedAt: r.finished_at, stage: r.stage,
  stageFraction: r.stage_fraction, lowerThreshold: r.lower_threshold, upperThreshold: r.upper_threshold, recordCount: r.record_count, pairCount: r.pair_count,
  reviewPairCount: r.review_pair_count, clusterCount: r.cluster_count, labelCount: r.label_count, error: r.error,
});

const decisionView = (d: LinkageDecisionRow) => ({
  id: d.id, pairId: d.pair_id, leftPersonId: d.left_person_id, rightPersonId: d.right_person_id, decision: d.decision, reason: d.reason, decidedBy: d.decided_by, decidedAt: d.decided_at,
});

const changeView = (c: PersonClusterChangeRow) => ({
  id: c.id, kind: c.kind, decisionId: c.decision_id, fromClusterId: c.from_cluster_id, toClusterId: c.to_cluster_id, personFoundIds: JSON.parse(c.person_found_ids) as string[],
  madeBy: c.made_by, madeAt: c.made_at, undoneBy: c.undone_by, undoneAt: c.undone_at,
});

export async function registerLinkageApiRoutes(parent: FastifyInstance, services: Services): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['record linkage'];
  const runs = services.linkageRuns;
  const review = services.linkageReview;

  app.get('/linkage/runs', {
    config: { access: ANALYSTS },
    schema: { summary: 'Linkage runs, newest first', tags, security, response: { 200: Type.Array(LinkageRun), ...problems } },
  }, async (request) => (await runs.list(actorOf(request))).map(runView));

  app.post('/linkage/runs', {
    config: { access: ANALYSTS },
    schema: { summary: 'Start a linkage run in the background over the people found the caller may read; poll the run for progress', tags, security, response: { 202: LinkageRun, ...problems } },
  }, async (request, reply) => reply.code(202).send(runView(await runs.start(actorOf(request), { trigger: 'on-demand' }))));

  app.get('/linkage/runs/:runId', {
    config: { access: ANALYSTS },
    schema: { summary: 'One run: progress, counts and the trained model', tags, security, params: RunParams, response: { 200: LinkageRunDetail, ...problems } },
  }, async (request) => {
    const run = await runs.get(actorOf(request), request.params.runId);
    return { ...runView(run), model: run.model_json === null ? null : (JSON.parse(run.model_json) as unknown) };
  });

  app.get('/linkage/review', {
    config: { access: ANALYSTS },
    schema: { summary: 'Pairs of the latest run awaiting a decision', tags, security, response: { 200: Type.Array(ReviewPair), ...problems } },
  }, async (request) => (await review.queue(actorOf(request))).pairs.map((p) => ({
    id: p.id, runId: p.run_id, leftPersonId: p.left_person_id, rightPersonId: p.right_person_id, leftName: p.left_name, rightName: p.right_name,
    matchProbability: p.match_probability, matchWeight: p.match_weight,
  })));

  app.get('/linkage/pairs/:pairId', {
    config: { access: ANALYSTS },
    schema: { summary: 'One pair: its waterfall (prior and each field’s weight with both raw values) and decisions (each read audited)', tags, security, params: PairParams, response: { 200: PairDetail, ...problems } },
  }, async (request) => {
    const d = await review.pair(actorOf(request), request.params.pairId);
    return {
      pair: {
        id: d.pair.id, runId: d.pair.run_id, leftPersonId: d.left.id, rightPersonId: d.right.id, leftName: d.left.full_name, rightName: d.right.full_name,
        matchProbability: d.pair.match_probability, matchWeight: d.pair.match_weight,
      },
      leftClusterId: d.leftClusterId, rightClusterId: d.rightClusterId, waterfall: [...d.waterfall.steps], decisions: d.decisions.map(decisionView),
    };
  });

  app.post('/linkage/pairs/:pairId/decision', {
    config: { access: ANALYSTS },
    schema: { summary: 'Decide a pair: same (merges their clusters), different or unsure', tags, security, params: PairParams, body: DecisionBody, response: { 201: DecisionOutcome, ...problems } },
  }, async (request, reply) => {
    const outcome = await review.decide(actorOf(request), request.params.pairId, { decision: request.body.decision, reason: request.body.reason ?? '' });
    return reply.code(201).send({ decision: decisionView(outcome.decision), merge: outcome.merge === null ? null : changeView(outcome.merge) });
  });

  app.get('/linkage/clusters/:clusterId', {
    config: { access: ANALYSTS },
    schema: { summary: 'One person cluster: its records and the merges and splits that changed it', tags, security, params: ClusterParams, response: { 200: ClusterDetail, ...problems } },
  }, async (request) => {
    const d = await review.cluster(actorOf(request), request.params.clusterId);
    return {
      id: d.cluster.id, createdByRunId: d.cluster.created_by_run_id, memberCount: d.members.length,
      members: d.members.map((m) => ({ personFoundId: m.id, forceId: m.organisation_id, fullName: m.full_name, dateOfBirth: m.date_of_birth, visitedAt: m.visited_at })),
      changes: d.changes.map(changeView),
    };
  });

  app.post('/linkage/clusters/:clusterId/split', {
    config: { access: ANALYSTS },
    schema: { summary: 'Split one record off into a cluster of its own', tags, security, params: ClusterParams, body: SplitBody, response: { 201: ClusterChange, ...problems } },
  }, async (request, reply) => reply.code(201).send(changeView(await review.split(actorOf(request), request.params.clusterId, request.body.personFoundId))));

  app.post('/linkage/changes/:changeId/undo', {
    config: { access: ANALYSTS },
    schema: { summary: 'Undo a merge or split: exactly the records it moved go back', tags, security, params: ChangeParams, response: { 200: ClusterChange, ...problems } },
  }, async (request) => changeView(await review.undo(actorOf(request), request.params.changeId)));
}
