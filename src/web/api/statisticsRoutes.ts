// Published statistics through the API: read-only, and public like the pages (approved releases only).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { PUBLIC } from '../../access/policies/routes.ts';
import type { Services } from '../../services/index.ts';
import type { PublishedRelease as Release } from '../../services/statistics/releases.ts';
import { Problem } from './schemas.ts';
import { PublishedRelease, PublishedReleaseSummary, ReleaseParams } from './statisticsSchemas.ts';

function summaryView(r: Release) {
  return {
    id: r.id, status: r.status, title: r.title, operation: r.content.operation, publishedOn: r.publishedOn, approvedAt: r.approvedAt,
    contentHash: r.contentHash, supersedesId: r.supersedesId, correctionReason: r.correctionReason, supersededById: r.supersededById,
  };
}

export async function registerStatisticsApiRoutes(parent: FastifyInstance, services: Services): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['published statistics'];

  app.get('/statistics-releases', {
    config: { access: PUBLIC },
    schema: { summary: 'Published statistics releases, newest first (no token needed)', tags, response: { 200: Type.Array(PublishedReleaseSummary) } },
  }, async () => (await services.statisticsReleases.listPublished()).map(summaryView));

  app.get('/statistics-releases/:id', {
    config: { access: PUBLIC },
    schema: { summary: 'One published release: its headline figures and tables after disclosure control', tags, params: ReleaseParams, response: { 200: PublishedRelease, 404: Problem } },
  }, async (request) => {
    const r = await services.statisticsReleases.getPublished(request.params.id);
    const c = r.content;
    return { ...summaryView(r), countedAt: c.countedAt, headline: c.headline, definitions: c.definitions, cashSeized: c.cashSeized, byForce: c.byForce, byMonth: c.byMonth, notes: c.notes };
  });
}
