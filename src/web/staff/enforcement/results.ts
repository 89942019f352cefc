import type { FastifyInstance } from 'fastify';
import { readableResults } from '../../../access/policies/enforcementRecords.ts';
import { rolesOnly } from '../../../access/policies/routes.ts';
import type { Services } from '../../../services/index.ts';
import { RESULT_DEFINITIONS } from '../../../services/operationResults.ts';
import type { ForceResultsRow } from '../../../store/repositories/operationResults.ts';
import { errorView } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { formatMoney, selectItems } from './labels.ts';
import { parseListQuery } from './listQuery.ts';

function cash(row: ForceResultsRow): string {
  const entries = Object.entries(row.cashSeizedMinor);
  return entries.length === 0 ? formatMoney(0, 'GBP') : entries.map(([currency, minor]) => formatMoney(minor, currency)).join(' + ');
}

export async function registerResultsPage(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/results', { config: { access: rolesOnly('supervisor', 'analyst') } }, async (request, reply) => {
    const actor = actorOf(request);
    const query = parseListQuery(request.query, ['operationId', 'forceId', 'from', 'to']);
    const f = query.filters;
    const results = await services.operationResults.results(actor, { operationId: f['operationId'], forceId: f['forceId'], from: f['from'], to: f['to'] });
    const operations = await services.enforcementRecords.operations(actor);
    const national = readableResults(actor) === undefined;
    const forces = national ? (await services.organisations.list(actor, { includeRetired: true })).filter((o) => o.kind === 'police-force') : [];
    return reply.code(query.errors.length > 0 ? 400 : 200).page('staff/enforcement/results.njk', {
      ...errorView(query.errors), values: query.values, national, definitions: RESULT_DEFINITIONS,
      operationItems: selectItems(Object.fromEntries(operations.map((o) => [o.id, o.name])), f['operationId'], 'All operations'),
      forceItems: national ? selectItems(Object.fromEntries(forces.map((o) => [o.id, o.name])), f['forceId'], 'All forces') : null,
      forces: results.forces.map((row) => ({ ...row, cash: cash(row) })), total: { ...results.total, cash: cash(results.total) },
    });
  });
}
