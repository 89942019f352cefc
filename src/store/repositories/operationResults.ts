import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import { endOfPeriod, type EnforcementScope } from './enforcementScope.ts';

/**
 * The operation's results per force, each figure with one definition (see services/operationResults.ts
 * for the words shown beside each): visits and premises by visit date, people found by the date of the
 * visit they were found on, arrests and their charges by arrest date, cash by the date of the visit.
 */
export interface ForceResultsRow {
  organisationId: string;
  visits: number;
  premisesVisited: number;
  potentialVictims: number;
  possibleChildren: number;
  arrests: number;
  peopleArrested: number;
  charges: number;
  cashSeizedMinor: Record<string, number>;
}

type WithVisits = SelectQueryBuilder<DatabaseSchema, 'visits', object>;

function scoped<T extends WithVisits>(query: T, scope: EnforcementScope, dateColumn: 'visits.visited_at'): T {
  let q = query;
  if (scope.organisationIds !== undefined) q = q.where('visits.organisation_id', 'in', [...scope.organisationIds]) as T;
  if (scope.operationId !== undefined) q = q.where('visits.operation_id', '=', scope.operationId) as T;
  if (scope.from !== undefined) q = q.where(dateColumn, '>=', scope.from) as T;
  if (scope.to !== undefined) q = q.where(dateColumn, '<=', endOfPeriod(scope.to)) as T;
  return q;
}

export class OperationResultsRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /**
   * Over the whole operation period the figures come from the tables the database keeps up to
   * date as records are written (migration 0005); for a date range they are counted from the
   * records. Both give the same figures: test/services/operationResultsKept.test.ts.
   */
  byForce(scope: EnforcementScope): Promise<ForceResultsRow[]> {
    return scope.from === undefined && scope.to === undefined ? this.keptFigures(scope) : this.countFromRecords(scope);
  }

  async keptFigures(scope: Omit<EnforcementScope, 'from' | 'to'>): Promise<ForceResultsRow[]> {
    const operationId = scope.operationId ?? '';
    let totals = this.db.selectFrom('operation_result_totals').selectAll().where('operation_id', '=', operationId);
    let cash = this.db.selectFrom('operation_result_cash').selectAll().where('operation_id', '=', operationId);
    if (scope.organisationIds !== undefined) {
      totals = totals.where('organisation_id', 'in', [...scope.organisationIds]);
      cash = cash.where('organisation_id', 'in', [...scope.organisationIds]);
    }
    const results = new Map<string, ForceResultsRow>();
    for (const t of await totals.execute()) {
      results.set(t.organisation_id, {
        organisationId: t.organisation_id, visits: Number(t.visits), premisesVisited: Number(t.premises_visited), potentialVictims: Number(t.potential_victims),
        possibleChildren: Number(t.possible_children), arrests: Number(t.arrests), peopleArrested: Number(t.people_arrested), charges: Number(t.charges), cashSeizedMinor: {},
      });
    }
    for (const c of await cash.orderBy('currency').execute()) {
      let entry = results.get(c.organisation_id);
      if (entry === undefined) {
        entry = { organisationId: c.organisation_id, visits: 0, premisesVisited: 0, potentialVictims: 0, possibleChildren: 0, arrests: 0, peopleArrested: 0, charges: 0, cashSeizedMinor: {} };
        results.set(c.organisation_id, entry);
      }
      entry.cashSeizedMinor[c.currency] = Number(c.amount_minor);
    }
    return [...results.values()];
  }

  /** Counts every figure from the records themselves. */
  async countFromRecords(scope: EnforcementScope): Promise<ForceResultsRow[]> {
    const results = new Map<string, ForceResultsRow>();
    const row = (organisationId: string): ForceResultsRow => {
      let entry = results.get(organisationId);
      if (entry === undefined) {
        entry = { organisationId, visits: 0, premisesVisited: 0, potentialVictims: 0, possibleChildren: 0, arrests: 0, peopleArrested: 0, charges: 0, cashSeizedMinor: {} };
        results.set(organisationId, entry);
      }
      return entry;
    };

    const visits = await scoped(this.db.selectFrom('visits'), scope, 'visits.visited_at')
      .select(['visits.organisation_id', (eb) => eb.fn.countAll().as('visits'), (eb) => eb.fn.count('visits.premises_id').distinct().as('premises')])
      .groupBy('visits.organisation_id').execute();
    for (const v of visits) Object.assign(row(v.organisation_id), { visits: Number(v.visits), premisesVisited: Number(v.premises) });

    const victims = await scoped(this.db.selectFrom('visits'), scope, 'visits.visited_at')
      .innerJoin('people_found', 'people_found.visit_id', 'visits.id')
      .where('people_found.role', '=', 'potential-victim')
      .select(['people_found.organisation_id', (eb) => eb.fn.countAll().as('found'), (eb) => eb.fn.sum<number>('people_found.possible_child').as('children')])
      .groupBy('people_found.organisation_id').execute();
    for (const v of victims) Object.assign(row(v.organisation_id), { potentialVictims: Number(v.found), possibleChildren: Number(v.children) });

    let arrestQuery = this.db.selectFrom('arrests').innerJoin('visits', 'visits.id', 'arrests.visit_id');
    if (scope.organisationIds !== undefined) arrestQuery = arrestQuery.where('arrests.organisation_id', 'in', [...scope.organisationIds]);
    if (scope.operationId !== undefined) arrestQuery = arrestQuery.where('visits.operation_id', '=', scope.operationId);
    if (scope.from !== undefined) arrestQuery = arrestQuery.where('arrests.arrested_at', '>=', scope.from);
    if (scope.to !== undefined) arrestQuery = arrestQuery.where('arrests.arrested_at', '<=', endOfPeriod(scope.to));
    const arrests = await arrestQuery
      .select(['arrests.organisation_id', (eb) => eb.fn.countAll().as('arrests'), (eb) => eb.fn.count('arrests.person_found_id').distinct().as('people')])
      .groupBy('arrests.organisation_id').execute();
    for (const a of arrests) Object.assign(row(a.organisation_id), { arrests: Number(a.arrests), peopleArrested: Number(a.people) });
    const charges = await arrestQuery.innerJoin('charges', 'charges.arrest_id', 'arrests.id')
      .select(['arrests.organisation_id', (eb) => eb.fn.countAll().as('charges')])
      .groupBy('arrests.organisation_id').execute();
    for (const c of charges) row(c.organisation_id).charges = Number(c.charges);

    const cash = await scoped(this.db.selectFrom('visits'), scope, 'visits.visited_at')
      .innerJoin('seized_assets', 'seized_assets.visit_id', 'visits.id')
      .where('seized_assets.asset_type', '=', 'cash')
      .select(['seized_assets.organisation_id', 'seized_assets.currency', (eb) => eb.fn.sum<number>('seized_assets.amount_minor').as('amount')])
      .groupBy(['seized_assets.organisation_id', 'seized_assets.currency']).execute();
    for (const c of cash) row(c.organisation_id).cashSeizedMinor[c.currency] = Number(c.amount);

    return [...results.values()];
  }
}
