// Published statistics on the public surface: no sign-in, and only approved releases (the
// service reads the published view, which holds no draft). The report of a release prints on A4
// and is also offered as a PDF made on the server.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { NotFoundError } from '../../access/errors.ts';
import { PUBLIC } from '../../access/policies/routes.ts';
import { languageOf } from '../../public/i18n/languages.ts';
import { translator } from '../../public/i18n/translate.ts';
import type { Services } from '../../services/index.ts';
import { releasePdf } from '../../services/statistics/reportPdf.ts';
import type { PublishedRelease } from '../../services/statistics/releases.ts';
import { longDate, releaseView } from '../statisticsView.ts';

const ROUTE = { config: { access: PUBLIC } };
const ID = /^[0-9a-f-]{36}$/i;

export function publishedSummary(release: PublishedRelease) {
  return {
    id: release.id, title: release.title, publishedOn: longDate(release.publishedOn), superseded: release.status === 'superseded',
    href: `/statistics/${release.id}`, supersededByHref: release.supersededById === null ? null : `/statistics/${release.supersededById}`,
  };
}

/** Registered under /statistics (see publicStatisticsSurface in public/index.ts). */
export function registerStatisticsRoutes(app: FastifyInstance, services: Services): void {
  const releases = services.statisticsReleases;
  const english = { t: translator('en'), language: languageOf('en'), languageItems: [] };
  const page = (reply: FastifyReply, template: string, values: Record<string, unknown>) => reply.page(template, { ...english, ...values });

  const findRelease = async (releaseId: string): Promise<PublishedRelease> => {
    if (!ID.test(releaseId)) throw new NotFoundError('Release');
    return releases.getPublished(releaseId);
  };

  const releasePage = (release: PublishedRelease) => ({
    release: publishedSummary(release), view: releaseView(release.content), contentHash: release.contentHash,
    correctionReason: release.correctionReason, supersedesHref: release.supersedesId === null ? null : `/statistics/${release.supersedesId}`,
  });

  app.get('', ROUTE, async (_request, reply) => {
    const published = await releases.listPublished();
    return page(reply, 'statistics/list.njk', { releases: published.map(publishedSummary) });
  });

  app.get('/:releaseId', ROUTE, async (request, reply) => {
    const release = await findRelease((request.params as { releaseId: string }).releaseId);
    return page(reply, 'statistics/release.njk', releasePage(release));
  });

  app.get('/:releaseId/report', ROUTE, async (request, reply) => {
    const release = await findRelease((request.params as { releaseId: string }).releaseId);
    return page(reply, 'statistics/report.njk', releasePage(release));
  });

  app.get('/:releaseId/report.pdf', ROUTE, async (request, reply) => {
    const release = await findRelease((request.params as { releaseId: string }).releaseId);
    const pdf = await releasePdf(release);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="lifeline-results-${release.publishedOn}.pdf"`).send(pdf);
  });
}
