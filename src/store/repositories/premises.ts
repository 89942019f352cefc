import type { Kysely } from 'kysely';
import type { DatabaseSchema, PremisesRow } from '../schema.ts';
import type { Listing, Page } from './enforcementScope.ts';

export interface PremisesQuery {
  organisationIds?: readonly string[];
  premisesType?: string;
  postcodeKey?: string;
  town?: string;
}

export class PremisesRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insertMany(rows: readonly PremisesRow[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('premises').values([...rows]).execute();
  }

  findById(id: string): Promise<PremisesRow | undefined> {
    return this.db.selectFrom('premises').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Changes the premises only if it is still as it was when read (`updated_at`); false when it has moved on. */
  async updateIfUnchanged(id: string, expectedUpdatedAt: string, change: Partial<Omit<PremisesRow, 'id' | 'organisation_id' | 'created_at' | 'created_by'>>): Promise<boolean> {
    const result = await this.db.updateTable('premises').set(change).where('id', '=', id).where('updated_at', '=', expectedUpdatedAt).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async list(query: PremisesQuery, page: Page): Promise<Listing<PremisesRow>> {
    let select = this.db.selectFrom('premises');
    if (query.organisationIds !== undefined) select = select.where('organisation_id', 'in', [...query.organisationIds]);
    if (query.premisesType !== undefined) select = select.where('premises_type', '=', query.premisesType);
    if (query.postcodeKey !== undefined) select = select.where('postcode_key', 'like', `${query.postcodeKey}%`);
    if (query.town !== undefined) select = select.where('town', '=', query.town);
    const total = await select.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const rows = await select.selectAll().orderBy('town').orderBy('postcode_key').orderBy('id').limit(page.limit).offset(page.offset).execute();
    return { rows, total: Number(total.n) };
  }
}
