import type { Kysely } from 'kysely';
import type { DatabaseSchema, InformationLineCallRow } from '../schema.ts';

export interface InformationLineCallQuery {
  /** Calls received on or after this instant (ISO-8601). */
  from?: string;
  /** Calls received before this instant (ISO-8601). */
  before?: string;
  outcome?: string;
  adviserId?: string;
  /** The organisation whose calls (or screenings) these are. */
  organisationId?: string;
  limit: number;
  offset: number;
}

export interface InformationLineCallListRow extends InformationLineCallRow {
  adviser_name: string;
}

/** Calls to the information line, and the counts the operation's dashboard shows. */
export class InformationLineRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insert(row: InformationLineCallRow): Promise<void> {
    await this.db.insertInto('information_line_calls').values(row).execute();
  }

  findById(id: string): Promise<InformationLineCallRow | undefined> {
    return this.db.selectFrom('information_line_calls').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(query: InformationLineCallQuery): Promise<{ total: number; rows: InformationLineCallListRow[] }> {
    let select = this.db.selectFrom('information_line_calls').innerJoin('users', 'users.id', 'information_line_calls.adviser_id');
    if (query.from !== undefined) select = select.where('information_line_calls.received_at', '>=', query.from);
    if (query.before !== undefined) select = select.where('information_line_calls.received_at', '<', query.before);
    if (query.outcome !== undefined) select = select.where('information_line_calls.outcome', '=', query.outcome);
    if (query.adviserId !== undefined) select = select.where('information_line_calls.adviser_id', '=', query.adviserId);
    if (query.organisationId !== undefined) select = select.where('information_line_calls.organisation_id', '=', query.organisationId);
    const counted = await select.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirst();
    const rows = await select.selectAll('information_line_calls').select('users.display_name as adviser_name')
      .orderBy('information_line_calls.received_at', 'desc').orderBy('information_line_calls.id', 'desc')
      .limit(query.limit).offset(query.offset).execute();
    return { total: Number(counted?.total ?? 0), rows };
  }

  /** The advisers who have taken calls, for the list's filter. */
  async advisers(organisationId?: string): Promise<Array<{ id: string; display_name: string }>> {
    let select = this.db.selectFrom('information_line_calls').innerJoin('users', 'users.id', 'information_line_calls.adviser_id');
    if (organisationId !== undefined) select = select.where('information_line_calls.organisation_id', '=', organisationId);
    return select.select(['users.id', 'users.display_name']).distinct().orderBy('users.display_name').execute();
  }

  /** Calls per outcome received in [from, before). */
  async countByOutcome(from: string, before: string): Promise<Array<{ outcome: string; calls: number }>> {
    const rows = await this.db.selectFrom('information_line_calls')
      .select(['outcome', (eb) => eb.fn.countAll<string | number>().as('calls')])
      .where('received_at', '>=', from).where('received_at', '<', before)
      .groupBy('outcome').orderBy('outcome').execute();
    return rows.map((r) => ({ outcome: r.outcome, calls: Number(r.calls) }));
  }
}
