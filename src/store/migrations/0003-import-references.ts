import type { Kysely } from 'kysely';

// A force's spreadsheets name their rows with their own references ("P-0012") and refer to each
// other by them across files: a visit names its premises, a person their visit, an arrest its
// person. This table remembers which record each reference became, per force and kind.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_references')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_references_pk', ['organisation_id', 'kind', 'reference'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_references').execute();
}
