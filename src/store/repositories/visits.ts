import type { Kysely } from 'kysely';
import type { DatabaseSchema, SeizedAssetRow, VisitRow } from '../schema.ts';
import { endOfPeriod, type EnforcementScope, type Listing, type Page, type SortDirection } from './enforcementScope.ts';

export interface VisitQuery extends EnforcementScope {
  outcome?: string;
  premisesType?: string;
  premisesId?: string;
  sort?: 'visited_at';
  direction?: SortDirection;
}

export interface VisitListRow extends VisitRow {
  premises_type: string;
  town: string;
  postcode: string;
}

const VISIT_COLUMNS = ['visits.id', 'visits.operation_id', 'visits.premises_id', 'visits.organisation_id', 'visits.visited_at', 'visits.warrant', 'visits.outcome', 'visits.notes', 'visits.created_by', 'visits.created_at', 'visits.updated_at'] as const;

/** A visit and what was seized during it: assets are part of the visit aggregate. */
export class VisitRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insertMany(rows: readonly VisitRow[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('visits').values([...rows]).execute();
  }

  async insertSeizedAssets(rows: readonly SeizedAssetRow[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('seized_assets').values([...rows]).execute();
  }

  findById(id: string): Promise<VisitRow | undefined> {
    return this.db.selectFrom('visits').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findSeizedAsset(id: string): Promise<SeizedAssetRow | undefined> {
    return this.db.selectFrom('seized_assets').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Changes the visit only if it is still as it was when read; false when it has moved on. */
  async updateIfUnchanged(id: string, expectedUpdatedAt: string, change: Partial<Omit<VisitRow, 'id' | 'organisation_id' | 'premises_id' | 'created_at' | 'created_by'>>): Promise<boolean> {
    const result = await this.db.updateTable('visits').set(change).where('id', '=', id).where('updated_at', '=', expectedUpdatedAt).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async updateSeizedAssetIfUnchanged(id: string, expectedUpdatedAt: string, change: Partial<Omit<SeizedAssetRow, 'id' | 'organisation_id' | 'visit_id' | 'created_at'>>): Promise<boolean> {
    const result = await this.db.updateTable('seized_assets').set(change).where('id', '=', id)
      .where((eb) => eb.or([eb('updated_at', '=', expectedUpdatedAt), eb.and([eb('updated_at', 'is', null), eb('created_at', '=', expectedUpdatedAt)])]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  seizedAssets(visitId: string): Promise<SeizedAssetRow[]> {
    return this.db.selectFrom('seized_assets').selectAll().where('visit_id', '=', visitId).orderBy('created_at').execute();
  }

  /** Filters and counts visits alone, then joins only the page's rows to their premises. */
  async list(query: VisitQuery, page: Page): Promise<Listing<VisitListRow>> {
    let select = this.db.selectFrom('visits');
    if (query.organisationIds !== undefined) select = select.where('visits.organisation_id', 'in', [...query.organisationIds]);
    if (query.operationId !== undefined) select = select.where('visits.operation_id', '=', query.operationId);
    if (query.from !== undefined) select = select.where('visits.visited_at', '>=', query.from);
    if (query.to !== undefined) select = select.where('visits.visited_at', '<=', endOfPeriod(query.to));
    if (query.outcome !== undefined) select = select.where('visits.outcome', '=', query.outcome);
    // The visit's own copy of its premises' type (migration 0025): the count is one index range.
    if (query.premisesType !== undefined) select = select.where('visits.premises_type', '=', query.premisesType);
    if (query.premisesId !== undefined) select = select.where('visits.premises_id', '=', query.premisesId);
    const direction = query.direction ?? 'desc';
    const total = await select.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const pageOfVisits = select.select(VISIT_COLUMNS).orderBy('visits.visited_at', direction).orderBy('visits.id').limit(page.limit).offset(page.offset);
    const rows = await this.db.selectFrom(pageOfVisits.as('v'))
      .innerJoin('premises', 'premises.id', 'v.premises_id')
      .selectAll('v')
      .select(['premises.premises_type', 'premises.town', 'premises.postcode'])
      .orderBy('v.visited_at', direction)
      .orderBy('v.id')
      .execute();
    return { rows: rows.map((r) => ({ ...r, warrant: Number(r.warrant) })), total: Number(total.n) };
  }
}
