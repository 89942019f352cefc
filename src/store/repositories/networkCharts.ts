import type { Kysely } from 'kysely';
import type { DatabaseSchema, NetworkChartRow, NetworkChartShareRow } from '../schema.ts';

/** A chart as listed: who owns it, and whether the lister owns it or was given it. */
export interface NetworkChartListing { id: string; name: string; owner_id: string; owner_name: string; updated_at: string }

export class NetworkChartRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insert(row: NetworkChartRow): Promise<void> {
    await this.db.insertInto('network_charts').values(row).execute();
  }

  async update(id: string, changes: { name: string; content_sealed: string; updated_at: string }): Promise<void> {
    await this.db.updateTable('network_charts').set(changes).where('id', '=', id).execute();
  }

  find(id: string): Promise<NetworkChartRow | undefined> {
    return this.db.selectFrom('network_charts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The charts a user owns or was given, most recently changed first. */
  listFor(userId: string): Promise<NetworkChartListing[]> {
    return this.db.selectFrom('network_charts as c')
      .innerJoin('users as u', 'u.id', 'c.owner_id')
      .select(['c.id', 'c.name', 'c.owner_id', 'u.display_name as owner_name', 'c.updated_at'])
      .where((eb) => eb.or([eb('c.owner_id', '=', userId), eb('c.id', 'in', eb.selectFrom('network_chart_shares').select('chart_id').where('user_id', '=', userId))]))
      .orderBy('c.updated_at', 'desc').orderBy('c.id')
      .execute();
  }

  shares(chartId: string): Promise<Array<NetworkChartShareRow & { display_name: string }>> {
    return this.db.selectFrom('network_chart_shares as s').innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.chart_id', 's.user_id', 's.shared_by', 's.shared_at', 'u.display_name'])
      .where('s.chart_id', '=', chartId).orderBy('u.display_name').execute();
  }

  async isSharedWith(chartId: string, userId: string): Promise<boolean> {
    const row = await this.db.selectFrom('network_chart_shares').select('user_id').where('chart_id', '=', chartId).where('user_id', '=', userId).executeTakeFirst();
    return row !== undefined;
  }

  /** Sharing twice is one share: the first one stands. */
  async share(row: NetworkChartShareRow): Promise<void> {
    await this.db.insertInto('network_chart_shares').values(row).onConflict((oc) => oc.columns(['chart_id', 'user_id']).doNothing()).execute();
  }
}
