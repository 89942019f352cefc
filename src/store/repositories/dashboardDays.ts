import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';
import { CONVICTION_OUTCOMES } from './dashboard.ts';

/**
 * The dashboards' records grouped by day (and by what a distinct count needs: the premises, the
 * person arrested), read once per operation (or once for every operation together) so that any
 * period's figures are a sum over days, made in memory (services/dashboard/dayLedger.ts), not a
 * new scan of the records. Each row keeps the force (organisation) and the date the figure's
 * definition uses (repositories/dashboard.ts): the visit's date for what was found or seized on
 * it, the arrest's date for arrests and what followed, the date referred to for intelligence and
 * the date received for public reports and calls. Days are the first ten characters of the
 * stored ISO timestamp, which is what the direct counts' comparisons with a period's dates
 * amount to.
 */
export interface VisitDayRow {
  organisationId: string;
  premisesId: string;
  /** Null when the premises record is missing (such a visit counts in no premises type). */
  premisesType: string | null;
  day: string;
  visits: number;
  /** Visits with at least one potential victim found. */
  rescues: number;
}

export interface VictimDayRow {
  organisationId: string;
  day: string;
  nationality: string | null;
  exploitationType: string | null;
  premisesType: string | null;
  potentialVictims: number;
  possibleChildren: number;
}

export interface ArrestDayRow {
  organisationId: string;
  personFoundId: string;
  day: string;
  arrests: number;
}

export interface ChargeDayRow {
  organisationId: string;
  day: string;
  charges: number;
  convictions: number;
}

export interface SeizureDayRow {
  organisationId: string;
  day: string;
  cash: boolean;
  currency: string;
  seized: number;
  amountMinor: number;
}

export interface ReportDayRow {
  /** '' for a public report still with the national centre's triage; '' for every call. */
  organisationId: string;
  day: string;
  count: number;
}

const n = (value: unknown): number => Number(value ?? 0);
const dayOf = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 10)`;

export class DashboardDaysRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** Visits per force, premises and day (every operation when `operationId` is undefined). */
  async visitDays(operationId: string | undefined): Promise<VisitDayRow[]> {
    const day = dayOf('visits.visited_at');
    let query = this.db.selectFrom('visits').leftJoin('premises', 'premises.id', 'visits.premises_id');
    if (operationId !== undefined) query = query.where('visits.operation_id', '=', operationId);
    const rows = await query
      .select((eb) => [
        'visits.organisation_id', 'visits.premises_id', 'premises.premises_type', day.as('day'), eb.fn.countAll().as('visits'),
        eb.fn.sum<number>(eb.case().when(eb.exists(eb.selectFrom('people_found').select('people_found.id')
          .whereRef('people_found.visit_id', '=', 'visits.id').where('people_found.role', '=', 'potential-victim'))).then(1).else(0).end()).as('rescues'),
      ])
      .groupBy(['visits.organisation_id', 'visits.premises_id', 'premises.premises_type', day]).execute();
    return rows.map((r) => ({ organisationId: r.organisation_id, premisesId: r.premises_id, premisesType: r.premises_type, day: r.day, visits: n(r.visits), rescues: n(r.rescues) }));
  }

  /** Potential victims found, per force that recorded them, day of the visit and recorded facts. */
  async victimDays(operationId: string | undefined): Promise<VictimDayRow[]> {
    const day = dayOf('visits.visited_at');
    let query = this.db.selectFrom('people_found').innerJoin('visits', 'visits.id', 'people_found.visit_id')
      .leftJoin('premises', 'premises.id', 'visits.premises_id').where('people_found.role', '=', 'potential-victim');
    if (operationId !== undefined) query = query.where('visits.operation_id', '=', operationId);
    const rows = await query
      .select((eb) => [
        'people_found.organisation_id', day.as('day'), 'people_found.nationality', 'people_found.exploitation_type', 'premises.premises_type',
        eb.fn.countAll().as('found'), eb.fn.sum<number>('people_found.possible_child').as('children'),
      ])
      .groupBy(['people_found.organisation_id', day, 'people_found.nationality', 'people_found.exploitation_type', 'premises.premises_type']).execute();
    return rows.map((r) => ({
      organisationId: r.organisation_id, day: r.day, nationality: r.nationality, exploitationType: r.exploitation_type, premisesType: r.premises_type,
      potentialVictims: n(r.found), possibleChildren: n(r.children),
    }));
  }

  /** Arrests per force, person arrested and day of the arrest (the operation is the arrest's visit's). */
  async arrestDays(operationId: string | undefined): Promise<ArrestDayRow[]> {
    const day = dayOf('arrests.arrested_at');
    let query = this.db.selectFrom('arrests').innerJoin('visits', 'visits.id', 'arrests.visit_id');
    if (operationId !== undefined) query = query.where('visits.operation_id', '=', operationId);
    const rows = await query.select((eb) => ['arrests.organisation_id', 'arrests.person_found_id', day.as('day'), eb.fn.countAll().as('arrests')])
      .groupBy(['arrests.organisation_id', 'arrests.person_found_id', day]).execute();
    return rows.map((r) => ({ organisationId: r.organisation_id, personFoundId: r.person_found_id, day: r.day, arrests: n(r.arrests) }));
  }

  /** Charges and convictions per force that made the arrest and day of the arrest. */
  async chargeDays(operationId: string | undefined): Promise<ChargeDayRow[]> {
    const day = dayOf('arrests.arrested_at');
    let query = this.db.selectFrom('charges').innerJoin('arrests', 'arrests.id', 'charges.arrest_id').innerJoin('visits', 'visits.id', 'arrests.visit_id');
    if (operationId !== undefined) query = query.where('visits.operation_id', '=', operationId);
    const rows = await query
      .select((eb) => [
        'arrests.organisation_id', day.as('day'), eb.fn.countAll().as('charges'),
        eb.fn.sum<number>(eb.case().when('charges.court_outcome', 'in', [...CONVICTION_OUTCOMES]).then(1).else(0).end()).as('convictions'),
      ])
      .groupBy(['arrests.organisation_id', day]).execute();
    return rows.map((r) => ({ organisationId: r.organisation_id, day: r.day, charges: n(r.charges), convictions: n(r.convictions) }));
  }

  /** Cash and other assets seized, per force that seized them, day of the visit and currency. */
  async seizureDays(operationId: string | undefined): Promise<SeizureDayRow[]> {
    const day = dayOf('visits.visited_at');
    const cash = sql<number>`case when ${sql.ref('seized_assets.asset_type')} = 'cash' then 1 else 0 end`;
    let query = this.db.selectFrom('seized_assets').innerJoin('visits', 'visits.id', 'seized_assets.visit_id');
    if (operationId !== undefined) query = query.where('visits.operation_id', '=', operationId);
    const rows = await query
      .select((eb) => ['seized_assets.organisation_id', day.as('day'), cash.as('cash'), 'seized_assets.currency', eb.fn.countAll().as('seized'), eb.fn.sum<number>('seized_assets.amount_minor').as('amount')])
      .groupBy(['seized_assets.organisation_id', day, cash, 'seized_assets.currency']).execute();
    return rows.map((r) => ({ organisationId: r.organisation_id, day: r.day, cash: n(r.cash) === 1, currency: r.currency, seized: n(r.seized), amountMinor: n(r.amount) }));
  }

  /** Intelligence reports per submitting organisation and the date they refer to (no operation). */
  async intelligenceDays(): Promise<ReportDayRow[]> {
    const rows = await this.db.selectFrom('intelligence_reports').select((eb) => ['organisation_id', 'refers_to_on', eb.fn.countAll().as('n')])
      .groupBy(['organisation_id', 'refers_to_on']).execute();
    return rows.map((r) => ({ organisationId: r.organisation_id, day: r.refers_to_on, count: n(r.n) }));
  }

  /** Public reports per force they were routed to and day received (no operation). */
  async publicReportDays(): Promise<ReportDayRow[]> {
    const day = dayOf('received_at');
    const rows = await this.db.selectFrom('public_reports').select((eb) => ['routed_organisation_id', day.as('day'), eb.fn.countAll().as('n')])
      .groupBy(['routed_organisation_id', day]).execute();
    return rows.map((r) => ({ organisationId: r.routed_organisation_id ?? '', day: r.day, count: n(r.n) }));
  }

  /** Calls to the information line per day received (they belong to no force or operation). */
  async informationLineCallDays(): Promise<ReportDayRow[]> {
    const day = dayOf('received_at');
    const rows = await this.db.selectFrom('information_line_calls').select((eb) => [day.as('day'), eb.fn.countAll().as('n')]).groupBy(day).execute();
    return rows.map((r) => ({ organisationId: '', day: r.day, count: n(r.n) }));
  }
}
