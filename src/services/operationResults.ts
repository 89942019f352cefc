// The operation's results with one definition per figure, for a force's supervisors (their own
// force) and the national centre's analysts (every force and the national total).
import type { Actor } from '../access/actor.ts';
import { ForbiddenError } from '../access/errors.ts';
import { readableResults } from '../access/policies/enforcementRecords.ts';
import type { EnforcementScope } from '../store/repositories/enforcementScope.ts';
import type { ForceResultsRow } from '../store/repositories/operationResults.ts';
import type { ServiceContext } from './context.ts';

export const RESULT_DEFINITIONS = {
  visits: 'Premises visits made in the period (each visit counted, including repeat visits to one premises).',
  premisesVisited: 'Distinct premises visited at least once in the period.',
  potentialVictims: 'People recorded as potential victims on visits in the period (records, before cross-force linkage).',
  possibleChildren: 'Of those, people recorded as possibly under 18.',
  arrests: 'Arrests made in the period (a person arrested twice counts twice).',
  peopleArrested: 'Distinct people-found records arrested in the period (a person arrested twice counts once).',
  charges: 'Charges that followed arrests made in the period.',
  cashSeized: 'Cash seized on visits in the period, by currency.',
} as const;

export interface OperationResults {
  forces: Array<ForceResultsRow & { organisationName: string; organisationCode: string }>;
  total: ForceResultsRow;
}

export class OperationResultsService {
  constructor(private readonly context: ServiceContext) {}

  async results(actor: Actor, scope: Omit<EnforcementScope, 'organisationIds'> & { forceId?: string }): Promise<OperationResults> {
    const readable = readableResults(actor);
    if (readable !== undefined && readable.length === 0) throw new ForbiddenError('Your role does not include operation results');
    const wanted = scope.forceId === undefined || scope.forceId === '' ? readable : readable === undefined || readable.includes(scope.forceId) ? [scope.forceId] : [];
    const rows = wanted !== undefined && wanted.length === 0 ? [] : await this.context.store.repositories.operationResults.byForce({ ...scope, organisationIds: wanted });
    const organisations = new Map((await this.context.store.repositories.organisations.list({ includeRetired: true })).map((o) => [o.id, o]));
    const forces = rows
      .map((row) => ({ ...row, organisationName: organisations.get(row.organisationId)?.name ?? row.organisationId, organisationCode: organisations.get(row.organisationId)?.code ?? '' }))
      .sort((a, b) => a.organisationName.localeCompare(b.organisationName));
    return { forces, total: sumResults(rows) };
  }
}

export function sumResults(rows: readonly ForceResultsRow[]): ForceResultsRow {
  const total: ForceResultsRow = { organisationId: 'total', visits: 0, premisesVisited: 0, potentialVictims: 0, possibleChildren: 0, arrests: 0, peopleArrested: 0, charges: 0, cashSeizedMinor: {} };
  for (const row of rows) {
    total.visits += row.visits;
    total.premisesVisited += row.premisesVisited;
    total.potentialVictims += row.potentialVictims;
    total.possibleChildren += row.possibleChildren;
    total.arrests += row.arrests;
    total.peopleArrested += row.peopleArrested;
    total.charges += row.charges;
    for (const [currency, amount] of Object.entries(row.cashSeizedMinor)) total.cashSeizedMinor[currency] = (total.cashSeizedMinor[currency] ?? 0) + amount;
  }
  return total;
}
