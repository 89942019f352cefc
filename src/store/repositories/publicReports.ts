import type { Kysely } from 'kysely';
import type {
  DatabaseSchema, PublicReportAdditionRow, PublicReportDraftRow, PublicReportLinkRow, PublicReportOutcomeRow, PublicReportRow,
} from '../schema.ts';

export interface PublicReportQueueFilter {
  /** Forces whose reports to list; undefined means every force and the national centre's own. */
  organisationIds?: readonly string[] | undefined;
  /** Only reports nobody could place (the national centre's triage). */
  unplacedOnly?: boolean;
  statuses?: readonly string[];
  limit: number;
  offset: number;
}

/** Drafts of public reports, the reports, what reporters add later, and their triage. */
export class PublicReportRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  // Drafts.

  async findDraft(idDigest: string, now: string): Promise<PublicReportDraftRow | undefined> {
    return this.db.selectFrom('public_report_drafts').selectAll().where('id', '=', idDigest).where('expires_at', '>', now).executeTakeFirst();
  }

  async saveDraft(row: PublicReportDraftRow): Promise<void> {
    const { id: _id, ...rest } = row;
    await this.db.insertInto('public_report_drafts').values(row).onConflict((oc) => oc.column('id').doUpdateSet(rest)).execute();
  }

  async deleteDraft(idDigest: string): Promise<void> {
    await this.db.deleteFrom('public_report_drafts').where('id', '=', idDigest).execute();
  }

  async purgeExpiredDrafts(now: string): Promise<number> {
    const result = await this.db.deleteFrom('public_report_drafts').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  // Reports.

  async insert(row: PublicReportRow): Promise<void> {
    await this.db.insertInto('public_reports').values(row).execute();
  }

  async findById(id: string): Promise<PublicReportRow | undefined> {
    return this.db.selectFrom('public_reports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByReference(reference: string): Promise<PublicReportRow | undefined> {
    return this.db.selectFrom('public_reports').selectAll().where('reference', '=', reference).executeTakeFirst();
  }

  async findBySubmissionKey(key: string): Promise<PublicReportRow | undefined> {
    return this.db.selectFrom('public_reports').selectAll().where('submission_key', '=', key).executeTakeFirst();
  }

  async queue(filter: PublicReportQueueFilter): Promise<{ total: number; rows: PublicReportRow[] }> {
    let query = this.db.selectFrom('public_reports');
    if (filter.unplacedOnly === true) query = query.where('routed_organisation_id', 'is', null);
    else if (filter.organisationIds !== undefined) {
      if (filter.organisationIds.length === 0) return { total: 0, rows: [] };
      query = query.where('routed_organisation_id', 'in', [...filter.organisationIds]);
    }
    if (filter.statuses !== undefined && filter.statuses.length > 0) query = query.where('status', 'in', [...filter.statuses]);
    const counted = await query.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirst();
    const rows = await query.selectAll().orderBy('received_at', 'desc').orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute();
    return { total: Number(counted?.total ?? 0), rows };
  }

  async update(id: string, changes: Partial<Pick<PublicReportRow, 'status' | 'routed_organisation_id' | 'routing_basis' | 'last_addition_at' | 'updated_at'>>): Promise<void> {
    await this.db.updateTable('public_reports').set(changes).where('id', '=', id).execute();
  }

  // What the reporter adds later.

  async insertAddition(row: PublicReportAdditionRow): Promise<void> {
    await this.db.insertInto('public_report_additions').values(row).execute();
  }

  async additions(reportId: string): Promise<PublicReportAdditionRow[]> {
    return this.db.selectFrom('public_report_additions').selectAll().where('report_id', '=', reportId).orderBy('received_at').orderBy('id').execute();
  }

  // Triage.

  async insertOutcome(row: PublicReportOutcomeRow): Promise<void> {
    await this.db.insertInto('public_report_outcomes').values(row).execute();
  }

  async outcomes(reportId: string): Promise<PublicReportOutcomeRow[]> {
    return this.db.selectFrom('public_report_outcomes').selectAll().where('report_id', '=', reportId).orderBy('decided_at').orderBy('id').execute();
  }

  async insertLink(row: PublicReportLinkRow): Promise<boolean> {
    const result = await this.db.insertInto('public_report_links').values(row).onConflict((oc) => oc.columns(['report_id', 'record_type', 'record_id']).doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async links(reportId: string): Promise<PublicReportLinkRow[]> {
    return this.db.selectFrom('public_report_links').selectAll().where('report_id', '=', reportId).orderBy('linked_at').execute();
  }
}
