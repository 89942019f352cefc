import type { Kysely } from 'kysely';
import type { DatabaseSchema, OperationRow } from '../schema.ts';

export class OperationRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insert(row: OperationRow, participantIds: readonly string[]): Promise<void> {
    await this.db.insertInto('operations').values(row).execute();
    if (participantIds.length > 0) {
      await this.db.insertInto('operation_participants').values(participantIds.map((organisation_id) => ({ operation_id: row.id, organisation_id }))).execute();
    }
  }

  list(): Promise<OperationRow[]> {
    return this.db.selectFrom('operations').selectAll().orderBy('starts_on', 'desc').execute();
  }

  findById(id: string): Promise<OperationRow | undefined> {
    return this.db.selectFrom('operations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async participantIds(operationId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('operation_participants').select('organisation_id').where('operation_id', '=', operationId).execute();
    return rows.map((r) => r.organisation_id);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('operations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
