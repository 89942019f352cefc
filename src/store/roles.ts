// The public surface's own PostgreSQL role: it may insert public reports and read published
// aggregates, and nothing else, so a flaw in the public side cannot read case data.
import { sql } from 'kysely';
import type { Database } from './database.ts';

/** Tables the public surface may write to, and those it may read. Empty until those features exist. */
export const PUBLIC_INSERT_TABLES: readonly string[] = [];
// The published statistics view holds approved releases only: the table with drafts is not granted.
export const PUBLIC_READ_TABLES: readonly string[] = ['published_statistics_releases'];

export async function createPublicSurfaceRole(database: Database): Promise<number> {
  if (database.dialect !== 'postgres') throw new Error('Database roles exist only in PostgreSQL');
  const statements = [
    sql`do $$ begin if not exists (select from pg_roles where rolname = 'lifeline_public') then create role lifeline_public nologin; end if; end $$`,
    sql`revoke all on all tables in schema public from lifeline_public`,
    sql`grant usage on schema public to lifeline_public`,
    ...PUBLIC_INSERT_TABLES.map((table) => sql`grant insert on ${sql.table(table)} to lifeline_public`),
    ...PUBLIC_READ_TABLES.map((table) => sql`grant select on ${sql.table(table)} to lifeline_public`),
  ];
  for (const statement of statements) await statement.execute(database.db);
  return statements.length;
}
