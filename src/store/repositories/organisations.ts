import type { Kysely } from 'kysely';
import type { DatabaseSchema, NewOrganisationRow, OrganisationRow } from '../schema.ts';

export class OrganisationRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  list(options: { includeRetired?: boolean } = {}): Promise<OrganisationRow[]> {
    let query = this.db.selectFrom('organisations').selectAll();
    if (options.includeRetired !== true) query = query.where('retired_at', 'is', null);
    return query.orderBy('kind').orderBy('name').execute();
  }

  findById(id: string): Promise<OrganisationRow | undefined> {
    return this.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByCode(code: string): Promise<OrganisationRow | undefined> {
    return this.db.selectFrom('organisations').selectAll().where('code', '=', code).executeTakeFirst();
  }

  async insert(row: NewOrganisationRow): Promise<void> {
    await this.db.insertInto('organisations').values(row).execute();
  }

  async update(id: string, changes: Partial<Pick<OrganisationRow, 'name' | 'kind' | 'jurisdiction' | 'retired_at' | 'updated_at'>>): Promise<void> {
    await this.db.updateTable('organisations').set(changes).where('id', '=', id).execute();
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('organisations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
