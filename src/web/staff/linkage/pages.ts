// Record linkage pages: runs and their progress (refreshing without JavaScript), the review
// queue, one pair side by side with its waterfall and the decision form, and a cluster's records.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError } from '../../../access/errors.ts';
import { rolesOnly } from '../../../access/policies/routes.ts';
import type { Services } from '../../../services/index.ts';
import { LINKAGE_DECISIONS } from '../../../services/linkage/linkageReview.ts';
import { NO_ERRORS, errorView, formBody, textField, withFormErrors, type ErrorView } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { DECISION_LABELS, formatProbability, runView, sideBySide, waterfallRows } from './labels.ts';

export const LINKAGE_USERS = rolesOnly('analyst');
/** Seconds between refreshes of a run's page while it runs. */
const REFRESH_SECONDS = 3;

export async function registerLinkagePages(app: FastifyInstance, services: Services): Promise<void> {
  const runs = services.linkageRuns;
  const review = services.linkageReview;
  const forceNames = async (): Promise<(id: string) => string> => {
    const names = new Map((await services.context.store.repositories.organisations.list()).map((o) => [o.id, o.name]));
    return (id) => names.get(id) ?? '';
  };
  const userNames = async (ids: ReadonlyArray<string | null>): Promise<Map<string, string>> => {
    const names = new Map<string, string>();
    for (const id of new Set(ids)) if (id !== null) names.set(id, (await services.context.store.repositories.users.findById(id))?.display_name ?? id);
    return names;
  };

  app.get('/linkage', { config: { access: LINKAGE_USERS } }, async (request, reply) => {
    const list = await runs.list(actorOf(request));
    return reply.page('staff/linkage/runs.njk', { runs: list.map(runView), anyInProgress: list.some((r) => r.status === 'queued' || r.status === 'running') });
  });

  app.post('/linkage/runs', { config: { access: LINKAGE_USERS } }, async (request, reply) => {
    try {
      const run = await runs.start(actorOf(request), { trigger: 'on-demand' });
      return await reply.redirect(`/linkage/runs/${run.id}`, 303);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      request.session.flash = { kind: 'important', title: error.message };
      return reply.redirect('/linkage', 303);
    }
  });

  app.get('/linkage/runs/:runId', { config: { access: LINKAGE_USERS } }, async (request, reply) => {
    const run = runView(await runs.get(actorOf(request), (request.params as { runId: string }).runId));
    const starter = run.started_by === null ? run.started_by_label : ((await userNames([run.started_by])).get(run.started_by) ?? run.started_by_label);
    const model = run.model_json === null ? null : (JSON.parse(run.model_json) as { training?: Array<{ stage: string; detail: string }>; probabilityTwoRandomRecordsMatch?: number });
    return reply.page('staff/linkage/run.njk', { run, starter, refreshSeconds: run.inProgress ? REFRESH_SECONDS : null, training: model?.training ?? [], prior: model?.probabilityTwoRandomRecordsMatch ?? null });
  });

  app.get('/linkage/review', { config: { access: LINKAGE_USERS } }, async (request, reply) => {
    const queue = await review.queue(actorOf(request));
    return reply.page('staff/linkage/review.njk', {
      run: queue.run === null ? null : runView(queue.run),
      pairs: queue.pairs.map((p) => ({ ...p, probability: formatProbability(p.match_probability) })),
    });
  });

  const pairPage = async (request: FastifyRequest, reply: FastifyReply, pairId: string, values: { decision: string; reason: string }, errors: ErrorView = NO_ERRORS) => {
    const detail = await review.pair(actorOf(request), pairId);
    const names = await userNames(detail.decisions.map((d) => d.decided_by));
    return reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/linkage/pair.njk', {
      ...errors, values, pair: detail.pair, left: detail.left, right: detail.right, leftClusterId: detail.leftClusterId, rightClusterId: detail.rightClusterId,
      probability: formatProbability(detail.pair.match_probability), weight: detail.pair.match_weight.toFixed(2),
      comparison: sideBySide(detail.left, detail.right, await forceNames()), waterfall: waterfallRows(detail.waterfall),
      decisions: detail.decisions.map((d) => ({ ...d, label: DECISION_LABELS[d.decision] ?? d.decision, who: d.decided_by === null ? d.decided_by_label : (names.get(d.decided_by) ?? d.decided_by_label) })),
      decisionItems: LINKAGE_DECISIONS.map((value) => ({ value, text: DECISION_LABELS[value], checked: values.decision === value })),
    });
  };

  app.get('/linkage/pairs/:pairId', { config: { access: LINKAGE_USERS } }, async (request, reply) =>
    pairPage(request, reply, (request.params as { pairId: string }).pairId, { decision: '', reason: '' }));

  app.post('/linkage/pairs/:pairId', { config: { access: LINKAGE_USERS } }, async (request, reply) => {
    const pairId = (request.params as { pairId: string }).pairId;
    const body = formBody(request.body);
    const values = { decision: textField(body, 'decision'), reason: textField(body, 'reason') };
    return withFormErrors(async () => {
      const outcome = await review.decide(actorOf(request), pairId, values);
      request.session.flash = outcome.merge === null
        ? { kind: 'success', title: `Decision saved: ${DECISION_LABELS[outcome.decision.decision] ?? outcome.decision.decision}` }
        : { kind: 'success', title: 'Decision saved: same person. Their clusters are merged', text: 'The merge can be undone from the cluster page.' };
      return reply.redirect(outcome.merge === null ? '/linkage/review' : `/linkage/clusters/${outcome.merge.to_cluster_id}`, 303);
    }, (errors) => pairPage(request, reply, pairId, values, errorView(errors)));
  });

  app.get('/linkage/clusters/:clusterId', { config: { access: LINKAGE_USERS } }, async (request, reply) => {
    const detail = await review.cluster(actorOf(request), (request.params as { clusterId: string }).clusterId);
    const names = await userNames(detail.changes.flatMap((c) => [c.made_by, c.undone_by]));
    const forceName = await forceNames();
    return reply.page('staff/linkage/cluster.njk', {
      cluster: detail.cluster,
      members: detail.members.map((m) => ({ ...m, force: forceName(m.organisation_id) })),
      changes: detail.changes.map((c) => ({
        ...c, count: (JSON.parse(c.person_found_ids) as unknown[]).length, who: c.made_by === null ? c.made_by_label : (names.get(c.made_by) ?? c.made_by_label),
        undoneWho: c.undone_by === null ? null : (names.get(c.undone_by) ?? c.undone_by), otherCluster: c.from_cluster_id === detail.cluster.id ? c.to_cluster_id : c.from_cluster_id,
      })),
      moves: detail.moves.map((m) => ({ ...m, direction: m.to_cluster_id === detail.cluster.id ? 'in' : 'out', otherCluster: m.to_cluster_id === detail.cluster.id ? m.from_cluster_id : m.to_cluster_id })),
    });
  });

  // A refused change (already undone, a record alone) comes back to the cluster as a message, not an error page.
  const refusedChange = async (request: FastifyRequest, reply: FastifyReply, error: unknown, clusterId: string) => {
    if (!(error instanceof ConflictError)) throw error;
    request.session.flash = { kind: 'important', title: error.message };
    return reply.redirect(`/linkage/clusters/${clusterId}`, 303);
  };

  app.post('/linkage/clusters/:clusterId/split', { config: { access: LINKAGE_USERS } }, async (request, reply) => {
    const clusterId = (request.params as { clusterId: string }).clusterId;
    try {
      const change = await review.split(actorOf(request), clusterId, textField(formBody(request.body), 'personId'));
      request.session.flash = { kind: 'success', title: 'Record split off into a cluster of its own', text: 'The split can be undone from this page.' };
      return await reply.redirect(`/linkage/clusters/${change.from_cluster_id}`, 303);
    } catch (error) {
      return refusedChange(request, reply, error, clusterId);
    }
  });

  app.post('/linkage/changes/:changeId/undo', { config: { access: LINKAGE_USERS } }, async (request, reply) => {
    const changeId = (request.params as { changeId: string }).changeId;
    try {
      const change = await review.undo(actorOf(request), changeId);
      request.session.flash = { kind: 'success', title: change.kind === 'merge' ? 'Merge undone: the records are back in their clusters' : 'Split undone: the record is back in its cluster' };
      return await reply.redirect(`/linkage/clusters/${change.from_cluster_id}`, 303);
    } catch (error) {
      const change = await services.context.store.repositories.linkage.findChange(changeId);
      return refusedChange(request, reply, error, change?.from_cluster_id ?? '');
    }
  });
}
