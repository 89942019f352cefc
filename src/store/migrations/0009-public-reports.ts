import type { Kysely } from 'kysely';

// Public reports and their triage. Nothing here can hold who sent a report: no address, no user
// agent, no cookie value (a draft is keyed by a digest of its random id). What the reporter typed
// is sealed with the field cipher as one JSON document; only codes (the signs chosen, the danger
// answer, the contact choice) and the routing stay readable, because the queue sorts on them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('public_report_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('report_id', 'text')
    .addColumn('confirmation', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('public_report_drafts_expiry').on('public_report_drafts').column('expires_at').execute();

  await db.schema
    .createTable('public_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('submission_key', 'text', (c) => c.notNull().unique())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('danger', 'text', (c) => c.notNull())
    .addColumn('signs', 'text', (c) => c.notNull())
    .addColumn('how_you_know', 'text', (c) => c.notNull())
    .addColumn('contact_preference', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('routed_organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('routing_basis', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('last_addition_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('public_reports_queue').on('public_reports').columns(['routed_organisation_id', 'status', 'received_at']).execute();
  await db.schema.createIndex('public_reports_received').on('public_reports').column('received_at').execute();

  await db.schema
    .createTable('public_report_additions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('public_reports.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('information', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('public_report_additions_report').on('public_report_additions').column('report_id').execute();

  await db.schema
    .createTable('public_report_outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('public_reports.id').onDelete('cascade'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('from_organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('to_organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('decided_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('public_report_outcomes_report').on('public_report_outcomes').column('report_id').execute();

  await db.schema
    .createTable('public_report_links')
    .addColumn('report_id', 'text', (c) => c.notNull().references('public_reports.id').onDelete('cascade'))
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('linked_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('public_report_links_pk', ['report_id', 'record_type', 'record_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('public_report_links').execute();
  await db.schema.dropTable('public_report_outcomes').execute();
  await db.schema.dropTable('public_report_additions').execute();
  await db.schema.dropTable('public_reports').execute();
  await db.schema.dropTable('public_report_drafts').execute();
}
