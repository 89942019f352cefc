import type { Kysely } from 'kysely';
import type { DatabaseSchema, PersonFoundRow, PopulationEstimateRow } from '../schema.ts';
import { endOfPeriod, type EnforcementScope } from './enforcementScope.ts';

export type PopulationEstimateSummaryRow = Omit<PopulationEstimateRow, 'outcome'>;

export interface PotentialVictimRow extends PersonFoundRow {
  visited_at: string;
}

export class PopulationEstimateRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insert(row: PopulationEstimateRow): Promise<void> {
    await this.db.insertInto('population_estimates').values(row).execute();
  }

  async progress(id: string, stage: string, done: number, total: number, at: string): Promise<void> {
    await this.db.updateTable('population_estimates').set({ stage, progress_done: done, progress_total: total, updated_at: at }).where('id', '=', id).where('status', '=', 'running').execute();
  }

  async finish(id: string, result: { outcome: string; observed: number | null; estimate: number | null; at: string }): Promise<void> {
    await this.db.updateTable('population_estimates').set({
      status: 'done', stage: 'done', outcome: result.outcome, observed: result.observed, estimate: result.estimate, updated_at: result.at, finished_at: result.at,
    }).where('id', '=', id).execute();
  }

  async fail(id: string, error: string, at: string): Promise<void> {
    await this.db.updateTable('population_estimates').set({ status: 'failed', stage: 'failed', error, updated_at: at, finished_at: at }).where('id', '=', id).execute();
  }

  async findById(id: string): Promise<PopulationEstimateRow | undefined> {
    const row = await this.db.selectFrom('population_estimates').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : numeric(row);
  }

  async list(limit: number): Promise<PopulationEstimateSummaryRow[]> {
    const rows = await this.db.selectFrom('population_estimates')
      .select(['id', 'status', 'stage', 'progress_done', 'progress_total', 'method', 'linkage_threshold', 'request', 'observed', 'estimate', 'error', 'created_by', 'created_by_organisation_id', 'created_at', 'updated_at', 'finished_at'])
      .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(numeric);
  }

  /** Potential victims per organisation in the scope: which organisations the lists can draw on. */
  async potentialVictimCounts(scope: EnforcementScope): Promise<Map<string, number>> {
    let select = this.db.selectFrom('people_found').innerJoin('visits', 'visits.id', 'people_found.visit_id')
      .select(['people_found.organisation_id', (eb) => eb.fn.countAll().as('n')]).where('people_found.role', '=', 'potential-victim');
    if (scope.organisationIds !== undefined) select = select.where('people_found.organisation_id', 'in', [...scope.organisationIds]);
    if (scope.from !== undefined) select = select.where('visits.visited_at', '>=', scope.from);
    if (scope.to !== undefined) select = select.where('visits.visited_at', '<=', endOfPeriod(scope.to));
    const rows = await select.groupBy('people_found.organisation_id').execute();
    return new Map(rows.map((r) => [r.organisation_id, Number(r.n)]));
  }

  /** Every potential victim recorded on a visit in the scope, with the visit's time (for estimated ages). */
  async potentialVictims(scope: EnforcementScope): Promise<PotentialVictimRow[]> {
    let select = this.db.selectFrom('people_found').innerJoin('visits', 'visits.id', 'people_found.visit_id')
      .selectAll('people_found').select('visits.visited_at').where('people_found.role', '=', 'potential-victim');
    if (scope.organisationIds !== undefined) select = select.where('people_found.organisation_id', 'in', [...scope.organisationIds]);
    if (scope.operationId !== undefined) select = select.where('visits.operation_id', '=', scope.operationId);
    if (scope.from !== undefined) select = select.where('visits.visited_at', '>=', scope.from);
    if (scope.to !== undefined) select = select.where('visits.visited_at', '<=', endOfPeriod(scope.to));
    // A fixed order: the linkage engine's row order, and so its result, never depends on the database.
    const rows = await select.orderBy('people_found.id').execute();
    return rows.map((r) => ({ ...r, possible_child: Number(r.possible_child), estimated_age: r.estimated_age === null ? null : Number(r.estimated_age) }));
  }
}

function numeric<T extends PopulationEstimateSummaryRow>(row: T): T {
  return {
    ...row, progress_done: Number(row.progress_done), progress_total: Number(row.progress_total), linkage_threshold: Number(row.linkage_threshold),
    observed: row.observed === null ? null : Number(row.observed), estimate: row.estimate === null ? null : Number(row.estimate),
  };
}
