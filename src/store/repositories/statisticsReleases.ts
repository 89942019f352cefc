import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema, PublishedStatisticsReleaseRow, StatisticsReleaseRow } from '../schema.ts';

/** The additive figures of one month, nationally (records dated in that month, UTC). */
export interface MonthFiguresRow {
  month: string;
  visits: number;
  potentialVictims: number;
  possibleChildren: number;
  arrests: number;
  charges: number;
}

export class StatisticsReleaseRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async insert(row: StatisticsReleaseRow): Promise<void> {
    await this.db.insertInto('statistics_releases').values(row).execute();
  }

  findById(id: string): Promise<StatisticsReleaseRow | undefined> {
    return this.db.selectFrom('statistics_releases').selectAll().where('id', '=', id).executeTakeFirst();
  }

  list(limit: number): Promise<StatisticsReleaseRow[]> {
    return this.db.selectFrom('statistics_releases').selectAll().orderBy('prepared_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  /** Freezes a draft: true when this call approved it, false when it was no longer a draft. */
  async approve(id: string, approval: { contentHash: string; approvedBy: string; approvedAt: string; publishedOn: string }): Promise<boolean> {
    const result = await this.db.updateTable('statistics_releases')
      .set({ status: 'approved', content_hash: approval.contentHash, approved_by: approval.approvedBy, approved_at: approval.approvedAt, published_on: approval.publishedOn })
      .where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Marks an approved release as superseded by its approved correction; its content is untouched. */
  async supersede(id: string, byId: string): Promise<boolean> {
    const result = await this.db.updateTable('statistics_releases').set({ status: 'superseded', superseded_by_id: byId })
      .where('id', '=', id).where('status', '=', 'approved').executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** What the public surface reads: only the published view, never the table itself. */
  listPublished(): Promise<PublishedStatisticsReleaseRow[]> {
    return this.db.selectFrom('published_statistics_releases').selectAll().orderBy('approved_at', 'desc').orderBy('id', 'desc').execute();
  }

  findPublished(id: string): Promise<PublishedStatisticsReleaseRow | undefined> {
    return this.db.selectFrom('published_statistics_releases').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * The operation's additive figures month by month (UTC month of the visit, or of the arrest for
   * arrests and charges): every record falls in one month, so the months add up to the operation's totals.
   */
  async monthFigures(operationId: string): Promise<MonthFiguresRow[]> {
    const months = new Map<string, MonthFiguresRow>();
    const row = (month: string): MonthFiguresRow => {
      let entry = months.get(month);
      if (entry === undefined) {
        entry = { month, visits: 0, potentialVictims: 0, possibleChildren: 0, arrests: 0, charges: 0 };
        months.set(month, entry);
      }
      return entry;
    };
    const visitMonth = sql<string>`substr(visits.visited_at, 1, 7)`;
    const arrestMonth = sql<string>`substr(arrests.arrested_at, 1, 7)`;
    const visits = await this.db.selectFrom('visits').where('visits.operation_id', '=', operationId)
      .select([visitMonth.as('month'), (eb) => eb.fn.countAll().as('n')]).groupBy(visitMonth).execute();
    for (const v of visits) row(v.month).visits = Number(v.n);
    const victims = await this.db.selectFrom('visits').innerJoin('people_found', 'people_found.visit_id', 'visits.id')
      .where('visits.operation_id', '=', operationId).where('people_found.role', '=', 'potential-victim')
      .select([visitMonth.as('month'), (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.sum<number>('people_found.possible_child').as('children')])
      .groupBy(visitMonth).execute();
    for (const v of victims) Object.assign(row(v.month), { potentialVictims: Number(v.n), possibleChildren: Number(v.children) });
    const arrests = this.db.selectFrom('arrests').innerJoin('visits', 'visits.id', 'arrests.visit_id').where('visits.operation_id', '=', operationId);
    for (const a of await arrests.select([arrestMonth.as('month'), (eb) => eb.fn.countAll().as('n')]).groupBy(arrestMonth).execute()) row(a.month).arrests = Number(a.n);
    const charges = await arrests.innerJoin('charges', 'charges.arrest_id', 'arrests.id').select([arrestMonth.as('month'), (eb) => eb.fn.countAll().as('n')]).groupBy(arrestMonth).execute();
    for (const c of charges) row(c.month).charges = Number(c.n);
    return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  }
}
