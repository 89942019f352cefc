import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

// The columns of the enforcement records that the network is built from, for the forces the
// caller may read (undefined: every force). Only what the network shows is selected.

export interface NetworkPremises { id: string; organisation_id: string; premises_type: string; name: string | null; town: string; postcode: string }
export interface NetworkVisit { id: string; organisation_id: string; premises_id: string; visited_at: string }
export interface NetworkPerson { id: string; organisation_id: string; visit_id: string; role: string; full_name: string; phone_numbers: string }
export interface NetworkArrest { id: string; organisation_id: string; person_found_id: string; visit_id: string; arrested_at: string }

export class NetworkRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  premises(organisationIds: readonly string[] | undefined): Promise<NetworkPremises[]> {
    let select = this.db.selectFrom('premises').select(['id', 'organisation_id', 'premises_type', 'name', 'town', 'postcode']);
    if (organisationIds !== undefined) select = select.where('organisation_id', 'in', [...organisationIds]);
    return select.orderBy('id').execute();
  }

  visits(organisationIds: readonly string[] | undefined): Promise<NetworkVisit[]> {
    let select = this.db.selectFrom('visits').select(['id', 'organisation_id', 'premises_id', 'visited_at']);
    if (organisationIds !== undefined) select = select.where('organisation_id', 'in', [...organisationIds]);
    return select.orderBy('id').execute();
  }

  people(organisationIds: readonly string[] | undefined): Promise<NetworkPerson[]> {
    let select = this.db.selectFrom('people_found').select(['id', 'organisation_id', 'visit_id', 'role', 'full_name', 'phone_numbers']);
    if (organisationIds !== undefined) select = select.where('organisation_id', 'in', [...organisationIds]);
    return select.orderBy('id').execute();
  }

  arrests(organisationIds: readonly string[] | undefined): Promise<NetworkArrest[]> {
    let select = this.db.selectFrom('arrests').select(['id', 'organisation_id', 'person_found_id', 'visit_id', 'arrested_at']);
    if (organisationIds !== undefined) select = select.where('organisation_id', 'in', [...organisationIds]);
    return select.orderBy('id').execute();
  }

  /**
   * A cheap fingerprint of every table the network is built from: row counts, and the latest
   * updated_at where rows are edited (indexed by migration 0017, so one look-up each). Reports are
   * re-graded and sanitised by adding a version, and shared by adding a dissemination, so those
   * counts notice an access change even when it carries the same timestamp as the last one.
   * Entities and links are written only with a new report, so the report count covers them.
   */
  async signature(): Promise<string> {
    const parts = [
      ...EDITED_TABLES.map((table) => sql`select ${table} as t, (select count(*) from ${sql.table(table)}) as n, (select max(updated_at) from ${sql.table(table)}) as m`),
      ...APPENDED_TABLES.map((table) => sql`select ${table} as t, (select count(*) from ${sql.table(table)}) as n, null as m`),
    ];
    const result = await sql<{ t: string; n: number | string; m: string | null }>`${sql.join(parts, sql` union all `)}`.execute(this.db);
    return result.rows.map((r) => `${r.t}:${Number(r.n)}:${r.m ?? ''}`).join('|');
  }
}

const EDITED_TABLES = ['premises', 'visits', 'people_found', 'arrests', 'intelligence_reports'] as const;
const APPENDED_TABLES = ['intelligence_report_versions', 'intelligence_disseminations'] as const;
