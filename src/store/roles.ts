// The public surface's own PostgreSQL role: it may run the public reporting journey (drafts,
// reports, what a reporter adds later, the audit events those write, the roster to route a
// report) and nothing else, so a flaw in the public side cannot read case data.
import { sql } from 'kysely';
import type { Database } from './database.ts';

type Privilege = 'select' | 'insert' | 'update' | 'delete';

/**
 * What the public surface may do to each table, and nothing on any other. It reads reports only
 * to find one by its reference or draft (to add to it, or to answer a double post); it reads
 * only the last sequence number and hash of the audit trail, to chain the events it appends.
 */
export const PUBLIC_GRANTS: Readonly<Record<string, readonly Privilege[]>> = {
  public_report_drafts: ['select', 'insert', 'update', 'delete'],
  public_reports: ['select', 'insert', 'update'],
  public_report_additions: ['insert'],
  audit_events: ['insert'],
  organisations: ['select'],
  // The published statistics view holds approved releases only: the table with drafts is not granted.
  published_statistics_releases: ['select'],
};

/** Columns the public surface may read in a table it may not otherwise read. */
export const PUBLIC_COLUMN_READS: Readonly<Record<string, readonly string[]>> = {
  audit_events: ['seq', 'hash'],
};

export async function createPublicSurfaceRole(database: Database): Promise<number> {
  if (database.dialect !== 'postgres') throw new Error('Database roles exist only in PostgreSQL');
  const schema = sql.id(database.schema ?? 'public');
  const statements = [
    sql`do $$ begin if not exists (select from pg_roles where rolname = 'lifeline_public') then create role lifeline_public nologin; end if; end $$`,
    sql`revoke all on all tables in schema ${schema} from lifeline_public`,
    sql`grant usage on schema ${schema} to lifeline_public`,
    ...Object.entries(PUBLIC_GRANTS).map(([table, privileges]) => sql`grant ${sql.raw(privileges.join(', '))} on ${sql.table(table)} to lifeline_public`),
    ...Object.entries(PUBLIC_COLUMN_READS).map(([table, columns]) => sql`grant select (${sql.join(columns.map((c) => sql.id(c)))}) on ${sql.table(table)} to lifeline_public`),
  ];
  for (const statement of statements) await statement.execute(database.db);
  return statements.length;
}
