// CSV downloads of the enforcement lists: the same filters as the list pages, through the same
// list services, so a download holds what the page would show and nothing more.
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../access/errors.ts';
import { rolesOnly } from '../../access/policies/routes.ts';
import { EXPORT_KINDS, type ExportFilter } from '../../services/enforcementExport.ts';
import type { Services } from '../../services/index.ts';
import { actorOf } from '../routeGuard.ts';

const EXPORTERS = rolesOnly('officer', 'supervisor', 'analyst');
const FILTERS = ['operationId', 'forceId', 'from', 'to', 'role', 'nationality', 'name', 'outcome', 'premisesType', 'offence'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function exportFilterFrom(query: unknown): ExportFilter {
  const given = (query ?? {}) as Record<string, unknown>;
  const filter: ExportFilter = {};
  for (const key of FILTERS) {
    const value = given[key];
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (value.length > 200) throw new ValidationError([{ field: key, message: `${key} is too long` }]);
    if ((key === 'from' || key === 'to') && !DATE.test(value.trim())) throw new ValidationError([{ field: key, message: `${key} must be a date like 2007-10-12` }]);
    filter[key] = value.trim();
  }
  return filter;
}

export async function registerEnforcementExportRoutes(app: FastifyInstance, services: Services): Promise<void> {
  for (const kind of EXPORT_KINDS) {
    app.get(`/${kind}.csv`, { config: { access: EXPORTERS } }, async (request, reply) => {
      const result = await services.enforcementExport.exportCsv(actorOf(request), kind, exportFilterFrom(request.query));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${result.fileName}"`)
        // Personal data: never kept by a browser or a proxy cache.
        .header('cache-control', 'no-store')
        .send(result.csv);
    });
  }
}
