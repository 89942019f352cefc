import type { Kysely } from 'kysely';
import type {
  DatabaseSchema, IntelligenceDisseminationRow, IntelligenceEntityRow, IntelligenceLinkRow, IntelligenceReportRow, IntelligenceReportVersionRow,
} from '../schema.ts';

/** Ids are listed in chunks: both databases cap the number of bound parameters. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** An intelligence report with its versions, dissemination authorisations, entities and links. */
export class IntelligenceRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async gradingScheme(organisationId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('organisation_grading_schemes').select('scheme').where('organisation_id', '=', organisationId).executeTakeFirst();
    return row?.scheme;
  }

  async setGradingScheme(organisationId: string, scheme: string, at: string): Promise<void> {
    await this.db.deleteFrom('organisation_grading_schemes').where('organisation_id', '=', organisationId).execute();
    await this.db.insertInto('organisation_grading_schemes').values({ organisation_id: organisationId, scheme, updated_at: at }).execute();
  }

  async insertReport(report: IntelligenceReportRow, version: IntelligenceReportVersionRow, entities: readonly IntelligenceEntityRow[], links: readonly IntelligenceLinkRow[]): Promise<void> {
    await this.db.insertInto('intelligence_reports').values(report).execute();
    await this.db.insertInto('intelligence_report_versions').values(version).execute();
    if (entities.length > 0) await this.db.insertInto('intelligence_entities').values([...entities]).execute();
    if (links.length > 0) await this.db.insertInto('intelligence_links').values([...links]).execute();
  }

  async updateReport(id: string, change: { grade: string; text_sealed: string; version: number; sanitised: number; updated_at: string }, version: IntelligenceReportVersionRow): Promise<void> {
    await this.db.updateTable('intelligence_reports').set(change).where('id', '=', id).execute();
    await this.db.insertInto('intelligence_report_versions').values(version).execute();
  }

  async insertDissemination(row: IntelligenceDisseminationRow): Promise<void> {
    await this.db.insertInto('intelligence_disseminations').values(row).execute();
  }

  async findById(id: string): Promise<IntelligenceReportRow | undefined> {
    const row = await this.db.selectFrom('intelligence_reports').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : { ...row, version: Number(row.version), sanitised: Number(row.sanitised) };
  }

  /** Every report, newest first: the service decides which the actor may read. */
  async all(): Promise<IntelligenceReportRow[]> {
    const rows = await this.db.selectFrom('intelligence_reports').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map((row) => ({ ...row, version: Number(row.version), sanitised: Number(row.sanitised) }));
  }

  async versions(reportId: string): Promise<IntelligenceReportVersionRow[]> {
    const rows = await this.db.selectFrom('intelligence_report_versions').selectAll().where('report_id', '=', reportId).orderBy('version').execute();
    return rows.map((row) => ({ ...row, version: Number(row.version) }));
  }

  disseminations(reportId: string): Promise<IntelligenceDisseminationRow[]> {
    return this.db.selectFrom('intelligence_disseminations').selectAll().where('report_id', '=', reportId).orderBy('authorised_at').execute();
  }

  /** Report id → the organisations authorised to receive it. */
  async authorisedOrganisations(): Promise<Map<string, string[]>> {
    const rows = await this.db.selectFrom('intelligence_disseminations').select(['report_id', 'recipient_organisation_id']).execute();
    const map = new Map<string, string[]>();
    for (const row of rows) map.set(row.report_id, [...(map.get(row.report_id) ?? []), row.recipient_organisation_id]);
    return map;
  }

  async entities(reportIds: readonly string[]): Promise<IntelligenceEntityRow[]> {
    const out: IntelligenceEntityRow[] = [];
    for (const chunk of chunks(reportIds)) {
      const rows = await this.db.selectFrom('intelligence_entities').selectAll().where('report_id', 'in', chunk).orderBy('report_id').orderBy('position').execute();
      out.push(...rows.map((row) => ({ ...row, position: Number(row.position) })));
    }
    return out;
  }

  async links(reportIds: readonly string[]): Promise<IntelligenceLinkRow[]> {
    const out: IntelligenceLinkRow[] = [];
    for (const chunk of chunks(reportIds)) out.push(...(await this.db.selectFrom('intelligence_links').selectAll().where('report_id', 'in', chunk).orderBy('id').execute()));
    return out;
  }
}
