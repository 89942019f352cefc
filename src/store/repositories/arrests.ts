import type { Kysely } from 'kysely';
import type { ArrestRow, ChargeRow, DatabaseSchema } from '../schema.ts';
import { endOfPeriod, type EnforcementScope, type Listing, type Page, type SortDirection } from './enforcementScope.ts';

export interface ArrestQuery extends EnforcementScope {
  offence?: string;
  personFoundId?: string;
  direction?: SortDirection;
}

export interface ArrestListRow extends ArrestRow {
  full_name: string;
  operation_id: string;
}

/** An arrest and the charges that followed it. */
export class ArrestRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insertMany(rows: readonly ArrestRow[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('arrests').values([...rows]).execute();
  }

  async insertCharges(rows: readonly ChargeRow[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('charges').values([...rows]).execute();
  }

  findById(id: string): Promise<ArrestRow | undefined> {
    return this.db.selectFrom('arrests').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findCharge(id: string): Promise<ChargeRow | undefined> {
    return this.db.selectFrom('charges').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async updateCharge(id: string, change: Pick<ChargeRow, 'court_outcome' | 'sentence_months' | 'updated_at'>): Promise<void> {
    await this.db.updateTable('charges').set(change).where('id', '=', id).execute();
  }

  /** Changes the arrest only if it is still as it was when read; false when it has moved on. */
  async updateIfUnchanged(id: string, expectedUpdatedAt: string, change: Partial<Omit<ArrestRow, 'id' | 'organisation_id' | 'visit_id' | 'person_found_id' | 'created_at' | 'created_by'>>): Promise<boolean> {
    const result = await this.db.updateTable('arrests').set(change).where('id', '=', id).where('updated_at', '=', expectedUpdatedAt).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async updateChargeIfUnchanged(id: string, expectedUpdatedAt: string, change: Partial<Omit<ChargeRow, 'id' | 'arrest_id' | 'created_at'>>): Promise<boolean> {
    const result = await this.db.updateTable('charges').set(change).where('id', '=', id).where('updated_at', '=', expectedUpdatedAt).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  charges(arrestId: string): Promise<ChargeRow[]> {
    return this.db.selectFrom('charges').selectAll().where('arrest_id', '=', arrestId).orderBy('charged_on').execute();
  }

  /**
   * Filters and counts arrests alone (an operation is a subquery on visits), cuts the page, and
   * only then joins that page's rows to the person's name and the visit's operation: counting
   * through both joins made this list eleven times the people list's time on SQLite.
   */
  async list(query: ArrestQuery, page: Page): Promise<Listing<ArrestListRow>> {
    let select = this.db.selectFrom('arrests');
    if (query.organisationIds !== undefined) select = select.where('arrests.organisation_id', 'in', [...query.organisationIds]);
    if (query.operationId !== undefined) select = select.where('arrests.visit_id', 'in', this.db.selectFrom('visits').select('visits.id').where('visits.operation_id', '=', query.operationId));
    if (query.from !== undefined) select = select.where('arrests.arrested_at', '>=', query.from);
    if (query.to !== undefined) select = select.where('arrests.arrested_at', '<=', endOfPeriod(query.to));
    if (query.offence !== undefined) select = select.where('arrests.offence', '=', query.offence);
    if (query.personFoundId !== undefined) select = select.where('arrests.person_found_id', '=', query.personFoundId);
    const direction = query.direction ?? 'desc';
    const total = await select.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const pageOfArrests = select.selectAll('arrests').orderBy('arrests.arrested_at', direction).orderBy('arrests.id').limit(page.limit).offset(page.offset);
    const rows = await this.db.selectFrom(pageOfArrests.as('a'))
      .innerJoin('people_found', 'people_found.id', 'a.person_found_id')
      .innerJoin('visits', 'visits.id', 'a.visit_id')
      .selectAll('a').select(['people_found.full_name', 'visits.operation_id'])
      .orderBy('a.arrested_at', direction).orderBy('a.id')
      .execute();
    return { rows, total: Number(total.n) };
  }
}
