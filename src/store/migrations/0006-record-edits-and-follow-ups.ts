import { sql, type Kysely } from 'kysely';

// Editing records and supervisors' follow-ups. A seized asset gains the `updated_at` every other
// record has: an edit form carries the `updated_at` it was based on, and a save is refused when the
// record has moved on since. A follow-up is a piece of work a supervisor gives an officer of the
// same force about one record (a premises, visit, person found or arrest), due by a date.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('seized_assets').addColumn('updated_at', 'text').execute();
  await sql`update seized_assets set updated_at = created_at`.execute(db);

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_by', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('completed_by', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('follow_ups_force').on('follow_ups').columns(['organisation_id', 'status', 'due_on']).execute();
  await db.schema.createIndex('follow_ups_assignee').on('follow_ups').columns(['assigned_to', 'status', 'due_on']).execute();
  await db.schema.createIndex('follow_ups_subject').on('follow_ups').column('subject_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('follow_ups').execute();
  await db.schema.alterTable('seized_assets').dropColumn('updated_at').execute();
}
