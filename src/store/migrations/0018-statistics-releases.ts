import { sql, type Kysely } from 'kysely';

// Published statistics (issue 9). A release holds its figures and tables already made safe
// (disclosure control applied, the values of withheld cells never stored) as one JSON document.
// A draft is prepared and previewed; approval freezes it: its content hash, approver and date are
// set once and the content is never written again. A correction is a new release that names the
// one it supersedes; approving it marks the old one superseded (its figures stay as published).
//
// The public surface reads only the view published_statistics_releases, which holds approved
// releases and none of the people's ids, so a draft cannot be read by the public surface, and on
// PostgreSQL its database role is granted the view alone (store/roles.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('statistics_releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('operation_id', 'text', (c) => c.notNull().references('operations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text')
    .addColumn('supersedes_id', 'text', (c) => c.references('statistics_releases.id'))
    .addColumn('correction_reason', 'text')
    .addColumn('superseded_by_id', 'text', (c) => c.references('statistics_releases.id'))
    .addColumn('prepared_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('prepared_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.references('users.id'))
    .addColumn('approved_at', 'text')
    .addColumn('published_on', 'text')
    .execute();
  await db.schema.createIndex('statistics_releases_operation').on('statistics_releases').columns(['operation_id', 'status', 'approved_at']).execute();
  // At most one correction of a release is ever approved.
  await sql`create unique index statistics_releases_one_correction on statistics_releases (supersedes_id) where status <> 'draft'`.execute(db);
  await sql`create view published_statistics_releases as
    select id, operation_id, status, title, content, content_hash, supersedes_id, correction_reason, superseded_by_id, approved_at, published_on
    from statistics_releases where status in ('approved', 'superseded')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop view published_statistics_releases`.execute(db);
  await db.schema.dropTable('statistics_releases').execute();
}
