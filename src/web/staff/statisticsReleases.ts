// The analysts' side of published statistics: prepare a release of an operation's results,
// preview it exactly as the public will see it, have a second analyst approve it, and correct
// an approved release with a new one that supersedes it.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../access/actor.ts';
import { canApproveStatisticsRelease } from '../../access/policies/statisticsReleases.ts';
import { rolesOnly } from '../../access/policies/routes.ts';
import type { Services } from '../../services/index.ts';
import type { StatisticsRelease } from '../../services/statistics/releases.ts';
import { NO_ERRORS, errorView, formBody, textField, withFormErrors, type ErrorView } from '../forms.ts';
import { actorOf } from '../routeGuard.ts';
import { longDate, releaseView } from '../statisticsView.ts';
import { submissionIdOf } from './recording/forms.ts';

const ANALYSTS = { config: { access: rolesOnly('analyst') } };
const STATUS_LABELS = { draft: 'Draft', approved: 'Published', superseded: 'Replaced by a correction' } as const;

function summary(release: StatisticsRelease) {
  return {
    id: release.id, title: release.title, status: STATUS_LABELS[release.status], href: `/statistics-releases/${release.id}`,
    preparedBy: release.preparedByName, preparedOn: longDate(release.preparedAt), publishedOn: release.publishedOn === null ? null : longDate(release.publishedOn),
  };
}

export async function registerStatisticsReleaseRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const releases = services.statisticsReleases;

  const listPage = async (reply: FastifyReply, actor: Actor, values: { operationId: string; submissionId: string }, errors: ErrorView = NO_ERRORS) => {
    const operations = await releases.operations(actor);
    return reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/statistics-releases/list.njk', {
      ...errors, values,
      operationItems: [{ value: '', text: 'Choose an operation' }, ...operations.map((o) => ({ value: o.id, text: o.name, selected: o.id === values.operationId }))],
      releases: (await releases.list(actor)).map(summary),
    });
  };

  const releasePage = async (reply: FastifyReply, actor: Actor, release: StatisticsRelease, values: { correctionReason: string; submissionId: string }, errors: ErrorView = NO_ERRORS) =>
    reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/statistics-releases/release.njk', {
      ...errors, values, release: summary(release), view: releaseView(release.content), contentHash: release.contentHash,
      isDraft: release.status === 'draft', isApproved: release.status === 'approved',
      canApprove: release.status === 'draft' && canApproveStatisticsRelease(actor, release.preparedBy),
      approvedBy: release.approvedByName, correctionReason: release.correctionReason,
      supersedesHref: release.supersedesId === null ? null : `/statistics-releases/${release.supersedesId}`,
      supersededByHref: release.supersededById === null ? null : `/statistics-releases/${release.supersededById}`,
      publicHref: release.status === 'draft' ? null : `/statistics/${release.id}`,
    });

  app.get('/statistics-releases', ANALYSTS, async (request, reply) =>
    listPage(reply, actorOf(request), { operationId: '', submissionId: submissionIdOf(null) }));

  app.post('/statistics-releases', ANALYSTS, async (request, reply) => {
    const actor = actorOf(request);
    const body = formBody(request.body);
    const values = { operationId: textField(body, 'operationId'), submissionId: submissionIdOf(body) };
    return withFormErrors(async () => {
      const id = await releases.prepare(actor, { operationId: values.operationId }, values.submissionId);
      return reply.redirect(`/statistics-releases/${id}`, 303);
    }, (errors) => listPage(reply, actor, values, errorView(errors)));
  });

  app.get('/statistics-releases/:releaseId', ANALYSTS, async (request, reply) => {
    const actor = actorOf(request);
    const release = await releases.get(actor, (request.params as { releaseId: string }).releaseId);
    return releasePage(reply, actor, release, { correctionReason: '', submissionId: submissionIdOf(null) });
  });

  app.post('/statistics-releases/:releaseId/approve', ANALYSTS, async (request, reply) => {
    const id = (request.params as { releaseId: string }).releaseId;
    await releases.approve(actorOf(request), id);
    request.session.flash = { kind: 'success', title: 'Release published', text: 'Its figures are frozen and on the public statistics pages.' };
    return reply.redirect(`/statistics-releases/${id}`, 303);
  });

  app.post('/statistics-releases/:releaseId/corrections', ANALYSTS, async (request, reply) => {
    const actor = actorOf(request);
    const id = (request.params as { releaseId: string }).releaseId;
    const body = formBody(request.body);
    const values = { correctionReason: textField(body, 'correctionReason'), submissionId: submissionIdOf(body) };
    const release = await releases.get(actor, id);
    return withFormErrors(async () => {
      const correction = await releases.prepare(actor, { operationId: release.operationId, supersedesId: id, correctionReason: values.correctionReason }, values.submissionId);
      return reply.redirect(`/statistics-releases/${correction}`, 303);
    }, (errors) => releasePage(reply, actor, release, values, errorView(errors)));
  });
}
