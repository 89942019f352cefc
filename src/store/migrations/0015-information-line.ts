import type { Kysely } from 'kysely';

// The information line: calls from front-line staff to the national centre's advisers. What the
// caller said about a person, who the caller is and the advice given are sealed with the field
// cipher; the codes (caller type, indicators, outcome) stay readable because the list filters
// and the operation's counts use them. A force alert from a call is a row in public_reports, so
// it lands in the force's triage queue like any report; `source` says where it came from.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('information_line_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('adviser_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer')
    .addColumn('caller_type', 'text', (c) => c.notNull())
    .addColumn('caller_sealed', 'text', (c) => c.notNull())
    .addColumn('situation_sealed', 'text', (c) => c.notNull())
    .addColumn('action_taken_sealed', 'text')
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('possible_child', 'integer', (c) => c.notNull())
    .addColumn('immediate_danger', 'integer', (c) => c.notNull())
    .addColumn('guidance', 'text', (c) => c.notNull())
    .addColumn('advice_sealed', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('potential_victim_id', 'text')
    .addColumn('anonymous_notification_id', 'text')
    .addColumn('charity_organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('public_report_id', 'text', (c) => c.references('public_reports.id'))
    .addColumn('alert_organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('information_line_calls_received').on('information_line_calls').columns(['received_at', 'id']).execute();
  await db.schema.createIndex('information_line_calls_adviser').on('information_line_calls').columns(['adviser_id', 'received_at']).execute();

  await db.schema.alterTable('public_reports').addColumn('source', 'text', (c) => c.notNull().defaultTo('public')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('public_reports').dropColumn('source').execute();
  await db.schema.dropTable('information_line_calls').execute();
}
