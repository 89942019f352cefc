import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import { endOfPeriod } from './enforcementScope.ts';

/**
 * The counts behind the dashboards that the operation results (repositories/operationResults.ts)
 * do not already give, every one grouped by the force (organisation) that made the record. Each
 * figure's definition is in services/dashboard/definitions.ts; the dates used are the same as
 * there: visits and what was found on them by the visit's date, arrests and what followed by the
 * arrest's date, intelligence by the date it refers to, public reports by the date received.
 */
export interface DashboardScope {
  operationId?: string;
  /** Inclusive dates (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

export interface ForceExtrasRow {
  organisationId: string;
  rescues: number;
  convictions: number;
  assetsSeized: number;
  assetsValueMinor: Record<string, number>;
  intelligenceReports: number;
  publicReports: number;
}

export interface DayCountRow {
  organisationId: string;
  /** YYYY-MM-DD */
  day: string;
  visits: number;
  potentialVictims: number;
  arrests: number;
}

export interface BreakdownRow {
  organisationId: string;
  key: string;
  count: number;
}

export interface PremisesTypeRow {
  organisationId: string;
  premisesType: string;
  visits: number;
  potentialVictims: number;
}

export interface VictimCareCountRow {
  organisationId: string;
  decisionsDue: number;
  decisionsOverdue: number;
  periodsRunning: number;
  conclusiveAwaited: number;
}

export interface LatestEstimateRow {
  id: string;
  observed: number | null;
  estimate: number | null;
  /** JSON, as the hidden-scale service stored it. */
  request: string;
  outcome: string | null;
  finishedAt: string | null;
}

/** The court outcomes that are convictions (domain/vocabularies/courtOutcomes.ts isConviction). */
export const CONVICTION_OUTCOMES = ['convicted-guilty-plea', 'convicted-after-trial', 'convicted-of-other-offence'] as const;

/** The tables whose changes the dashboards' figures follow. */
const WATCHED_TABLES = [
  'organisations', 'operations', 'premises', 'visits', 'people_found', 'arrests', 'charges', 'seized_assets',
  'intelligence_reports', 'public_reports', 'potential_victims', 'population_estimates',
] as const;

type VisitQuery = SelectQueryBuilder<DatabaseSchema, 'visits', object>;

function visitScoped<T extends VisitQuery>(query: T, scope: DashboardScope): T {
  let q = query;
  if (scope.operationId !== undefined) q = q.where('visits.operation_id', '=', scope.operationId) as T;
  if (scope.from !== undefined) q = q.where('visits.visited_at', '>=', scope.from) as T;
  if (scope.to !== undefined) q = q.where('visits.visited_at', '<=', endOfPeriod(scope.to)) as T;
  return q;
}

const n = (value: unknown): number => Number(value ?? 0);

export class DashboardRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /**
   * A cheap fingerprint of everything the dashboards count: each watched table's row count and
   * latest change. A new, changed or deleted row changes it (a delete changes the count; an edit
   * the latest updated_at, which the application sets on every write).
   */
  async signature(): Promise<string> {
    // Two subqueries, so each is answered from an index (migration 0017): the latest change by one look-up.
    const parts = WATCHED_TABLES.map((table) => sql`select ${table} as t, (select count(*) from ${sql.table(table)}) as n, (select max(updated_at) from ${sql.table(table)}) as m`);
    const result = await sql<{ t: string; n: number | string; m: string | null }>`${sql.join(parts, sql` union all `)}`.execute(this.db);
    // Information-line calls are never edited or deleted: their count is their signature.
    const calls = await this.db.selectFrom('information_line_calls').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    return [...result.rows.map((r) => `${r.t}:${n(r.n)}:${r.m ?? ''}`), `information_line_calls:${n(calls?.n ?? 0)}`].join('|');
  }

  /** Calls to the national centre's information line received in the period (they belong to no force or operation). */
  async informationLineCalls(reportPeriod: Pick<DashboardScope, 'from' | 'to'>): Promise<number> {
    let calls = this.db.selectFrom('information_line_calls').select((eb) => eb.fn.countAll().as('n'));
    if (reportPeriod.from !== undefined) calls = calls.where('received_at', '>=', reportPeriod.from);
    if (reportPeriod.to !== undefined) calls = calls.where('received_at', '<=', endOfPeriod(reportPeriod.to));
    return n((await calls.executeTakeFirst())?.n ?? 0);
  }

  /** `reportPeriod` bounds intelligence and public reports, which belong to no operation. */
  async forceExtras(scope: DashboardScope, reportPeriod: Pick<DashboardScope, 'from' | 'to'>): Promise<ForceExtrasRow[]> {
    const rows = new Map<string, ForceExtrasRow>();
    const row = (organisationId: string): ForceExtrasRow => {
      let entry = rows.get(organisationId);
      if (entry === undefined) {
        entry = { organisationId, rescues: 0, convictions: 0, assetsSeized: 0, assetsValueMinor: {}, intelligenceReports: 0, publicReports: 0 };
        rows.set(organisationId, entry);
      }
      return entry;
    };

    const rescues = await visitScoped(this.db.selectFrom('visits'), scope)
      .where((eb) => eb.exists(eb.selectFrom('people_found').select('people_found.id').whereRef('people_found.visit_id', '=', 'visits.id').where('people_found.role', '=', 'potential-victim')))
      .select(['visits.organisation_id', (eb) => eb.fn.countAll().as('n')])
      .groupBy('visits.organisation_id').execute();
    for (const r of rescues) row(r.organisation_id).rescues = n(r.n);

    let convictions = this.db.selectFrom('charges').innerJoin('arrests', 'arrests.id', 'charges.arrest_id').innerJoin('visits', 'visits.id', 'arrests.visit_id')
      .where('charges.court_outcome', 'in', [...CONVICTION_OUTCOMES]);
    if (scope.operationId !== undefined) convictions = convictions.where('visits.operation_id', '=', scope.operationId);
    if (scope.from !== undefined) convictions = convictions.where('arrests.arrested_at', '>=', scope.from);
    if (scope.to !== undefined) convictions = convictions.where('arrests.arrested_at', '<=', endOfPeriod(scope.to));
    for (const r of await convictions.select(['arrests.organisation_id', (eb) => eb.fn.countAll().as('n')]).groupBy('arrests.organisation_id').execute()) {
      row(r.organisation_id).convictions = n(r.n);
    }

    const assets = await visitScoped(this.db.selectFrom('visits'), scope)
      .innerJoin('seized_assets', 'seized_assets.visit_id', 'visits.id')
      .where('seized_assets.asset_type', '<>', 'cash')
      .select(['seized_assets.organisation_id', 'seized_assets.currency', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.sum<number>('seized_assets.amount_minor').as('value')])
      .groupBy(['seized_assets.organisation_id', 'seized_assets.currency']).execute();
    for (const a of assets) {
      const entry = row(a.organisation_id);
      entry.assetsSeized += n(a.n);
      entry.assetsValueMinor[a.currency] = (entry.assetsValueMinor[a.currency] ?? 0) + n(a.value);
    }

    let intelligence = this.db.selectFrom('intelligence_reports').select(['organisation_id', (eb) => eb.fn.countAll().as('n')]);
    if (reportPeriod.from !== undefined) intelligence = intelligence.where('refers_to_on', '>=', reportPeriod.from);
    if (reportPeriod.to !== undefined) intelligence = intelligence.where('refers_to_on', '<=', reportPeriod.to);
    for (const r of await intelligence.groupBy('organisation_id').execute()) row(r.organisation_id).intelligenceReports = n(r.n);

    // A report still with the national centre's triage counts under the empty id.
    let reports = this.db.selectFrom('public_reports').select(['routed_organisation_id', (eb) => eb.fn.countAll().as('n')]);
    if (reportPeriod.from !== undefined) reports = reports.where('received_at', '>=', reportPeriod.from);
    if (reportPeriod.to !== undefined) reports = reports.where('received_at', '<=', endOfPeriod(reportPeriod.to));
    for (const r of await reports.groupBy('routed_organisation_id').execute()) row(r.routed_organisation_id ?? '').publicReports = n(r.n);

    return [...rows.values()];
  }

  /** Visits, potential victims and arrests per force and day: weeks and months are made from these. */
  async dayCounts(scope: DashboardScope): Promise<DayCountRow[]> {
    const rows = new Map<string, DayCountRow>();
    const row = (organisationId: string, day: string): DayCountRow => {
      const key = `${organisationId} ${day}`;
      let entry = rows.get(key);
      if (entry === undefined) {
        entry = { organisationId, day, visits: 0, potentialVictims: 0, arrests: 0 };
        rows.set(key, entry);
      }
      return entry;
    };
    const visitDay = sql<string>`substr(${sql.ref('visits.visited_at')}, 1, 10)`;
    const visits = await visitScoped(this.db.selectFrom('visits'), scope)
      .select(['visits.organisation_id', visitDay.as('day'), (eb) => eb.fn.countAll().as('n')])
      .groupBy(['visits.organisation_id', visitDay]).execute();
    for (const v of visits) row(v.organisation_id, v.day).visits = n(v.n);
    const victims = await visitScoped(this.db.selectFrom('visits'), scope)
      .innerJoin('people_found', 'people_found.visit_id', 'visits.id').where('people_found.role', '=', 'potential-victim')
      .select(['people_found.organisation_id', visitDay.as('day'), (eb) => eb.fn.countAll().as('n')])
      .groupBy(['people_found.organisation_id', visitDay]).execute();
    for (const v of victims) row(v.organisation_id, v.day).potentialVictims = n(v.n);

    const arrestDay = sql<string>`substr(${sql.ref('arrests.arrested_at')}, 1, 10)`;
    let arrests = this.db.selectFrom('arrests').innerJoin('visits', 'visits.id', 'arrests.visit_id');
    if (scope.operationId !== undefined) arrests = arrests.where('visits.operation_id', '=', scope.operationId);
    if (scope.from !== undefined) arrests = arrests.where('arrests.arrested_at', '>=', scope.from);
    if (scope.to !== undefined) arrests = arrests.where('arrests.arrested_at', '<=', endOfPeriod(scope.to));
    for (const a of await arrests.select(['arrests.organisation_id', arrestDay.as('day'), (eb) => eb.fn.countAll().as('n')]).groupBy(['arrests.organisation_id', arrestDay]).execute()) {
      row(a.organisation_id, a.day).arrests = n(a.n);
    }
    return [...rows.values()];
  }

  /** Potential victims found on visits, per force and by one of their recorded facts ('' when not recorded). */
  async victimsBy(scope: DashboardScope, column: 'nationality' | 'exploitation_type'): Promise<BreakdownRow[]> {
    const ref = sql.ref(`people_found.${column}`);
    const rows = await visitScoped(this.db.selectFrom('visits'), scope)
      .innerJoin('people_found', 'people_found.visit_id', 'visits.id').where('people_found.role', '=', 'potential-victim')
      .select(['people_found.organisation_id', sql<string | null>`${ref}`.as('key'), (eb) => eb.fn.countAll().as('n')])
      .groupBy(['people_found.organisation_id', ref]).execute();
    return rows.map((r) => ({ organisationId: r.organisation_id, key: r.key ?? '', count: n(r.n) }));
  }

  async byPremisesType(scope: DashboardScope): Promise<PremisesTypeRow[]> {
    const visits = await visitScoped(this.db.selectFrom('visits'), scope).innerJoin('premises', 'premises.id', 'visits.premises_id')
      .select(['visits.organisation_id', 'premises.premises_type', (eb) => eb.fn.countAll().as('n')])
      .groupBy(['visits.organisation_id', 'premises.premises_type']).execute();
    const victims = await visitScoped(this.db.selectFrom('visits'), scope).innerJoin('premises', 'premises.id', 'visits.premises_id')
      .innerJoin('people_found', 'people_found.visit_id', 'visits.id').where('people_found.role', '=', 'potential-victim')
      .select(['people_found.organisation_id', 'premises.premises_type', (eb) => eb.fn.countAll().as('n')])
      .groupBy(['people_found.organisation_id', 'premises.premises_type']).execute();
    const rows = new Map<string, PremisesTypeRow>();
    const row = (organisationId: string, premisesType: string): PremisesTypeRow => {
      const key = `${organisationId} ${premisesType}`;
      let entry = rows.get(key);
      if (entry === undefined) {
        entry = { organisationId, premisesType, visits: 0, potentialVictims: 0 };
        rows.set(key, entry);
      }
      return entry;
    };
    for (const v of visits) row(v.organisation_id, v.premises_type).visits = n(v.n);
    for (const v of victims) row(v.organisation_id, v.premises_type).potentialVictims = n(v.n);
    return [...rows.values()];
  }

  /**
   * The victim path's clocks today, per organisation that made the record, from the columns the
   * victim-care service keeps on each record (stage, decision target, period's last day).
   */
  async victimCareCounts(today: string): Promise<VictimCareCountRow[]> {
    const rows = await this.db.selectFrom('potential_victims')
      .where('stage', 'in', ['awaiting-reasonable-grounds', 'recovery-period'])
      .select((eb) => [
        'organisation_id',
        eb.fn.sum<number>(eb.case().when(eb.and([eb('stage', '=', 'awaiting-reasonable-grounds'), eb('reasonable_grounds_due_on', '>=', today)])).then(1).else(0).end()).as('due'),
        eb.fn.sum<number>(eb.case().when(eb.and([eb('stage', '=', 'awaiting-reasonable-grounds'), eb('reasonable_grounds_due_on', '<', today)])).then(1).else(0).end()).as('overdue'),
        eb.fn.sum<number>(eb.case().when(eb.and([eb('stage', '=', 'recovery-period'), eb('period_last_day', '>=', today)])).then(1).else(0).end()).as('running'),
        eb.fn.sum<number>(eb.case().when(eb.and([eb('stage', '=', 'recovery-period'), eb('period_last_day', '<', today)])).then(1).else(0).end()).as('awaited'),
      ])
      .groupBy('organisation_id').execute();
    return rows.map((r) => ({ organisationId: r.organisation_id, decisionsDue: n(r.due), decisionsOverdue: n(r.overdue), periodsRunning: n(r.running), conclusiveAwaited: n(r.awaited) }));
  }

  async latestEstimate(): Promise<LatestEstimateRow | undefined> {
    const row = await this.db.selectFrom('population_estimates')
      .select(['id', 'observed', 'estimate', 'request', 'outcome', 'finished_at'])
      .where('status', '=', 'done').where('estimate', 'is not', null)
      .orderBy('finished_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      id: row.id, observed: row.observed === null ? null : n(row.observed), estimate: row.estimate === null ? null : n(row.estimate),
      request: row.request, outcome: row.outcome, finishedAt: row.finished_at,
    };
  }
}
