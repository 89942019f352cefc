import type { Kysely } from 'kysely';

// Intelligence reports and the entities they mention. The report text is sealed (fieldCipher);
// the grade is stored with its scheme ("5x5x5:B35"), because the codes swap meaning between
// schemes. Every re-grade and sanitisation is a new version row, so the history is kept.
// Entities are keyed by a normalised key (E.164 phone, registration without spaces, folded
// e-mail) so that the same phone written two ways by two forces is one node of the network.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisation_grading_schemes')
    .addColumn('organisation_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('intelligence_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('text_sealed', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('refers_to_on', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('sanitised', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intelligence_reports_organisation').on('intelligence_reports').columns(['organisation_id', 'created_at']).execute();

  await db.schema
    .createTable('intelligence_report_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('intelligence_reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('text_sealed', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intelligence_report_versions_report').on('intelligence_report_versions').columns(['report_id', 'version']).unique().execute();

  await db.schema
    .createTable('intelligence_disseminations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('intelligence_reports.id'))
    .addColumn('recipient_organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('authorised_by', 'text')
    .addColumn('authorised_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intelligence_disseminations_report').on('intelligence_disseminations').columns(['report_id', 'recipient_organisation_id']).execute();

  await db.schema
    .createTable('intelligence_entities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('intelligence_reports.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('written', 'text', (c) => c.notNull())
    .addColumn('properties', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intelligence_entities_report').on('intelligence_entities').columns(['report_id', 'position']).execute();
  await db.schema.createIndex('intelligence_entities_key').on('intelligence_entities').column('entity_key').execute();

  await db.schema
    .createTable('intelligence_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('intelligence_reports.id'))
    .addColumn('from_key', 'text', (c) => c.notNull())
    .addColumn('to_key', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('observed_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intelligence_links_report').on('intelligence_links').column('report_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['intelligence_links', 'intelligence_entities', 'intelligence_disseminations', 'intelligence_report_versions', 'intelligence_reports', 'organisation_grading_schemes']) {
    await db.schema.dropTable(table).execute();
  }
}
