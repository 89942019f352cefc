import type { Kysely } from 'kysely';

// Victim care (issue 4). Columns ending in `_sealed` hold AES-256-GCM text from the field cipher:
// a copy of the database does not name the person. The path's clock (stage, due date, last day
// of the reflection period) is kept beside the record so that the lists of decisions due and
// periods ending are plain indexed queries; the timeline is the history it was derived from.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('potential_victims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_found_id', 'text', (c) => c.references('people_found.id'))
    .addColumn('identification_route', 'text', (c) => c.notNull())
    .addColumn('identified_on', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text', (c) => c.notNull())
    .addColumn('exploitation_types', 'text', (c) => c.notNull())
    .addColumn('methods_of_control', 'text', (c) => c.notNull())
    .addColumn('child_status', 'text', (c) => c.notNull())
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('local_authority_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('support_wanted', 'text', (c) => c.notNull())
    .addColumn('interpreter_language', 'text')
    .addColumn('dependants', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('safe_to_write', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text')
    .addColumn('name_sealed', 'text', (c) => c.notNull())
    .addColumn('date_of_birth_sealed', 'text')
    .addColumn('address_sealed', 'text')
    .addColumn('phone_sealed', 'text')
    .addColumn('email_sealed', 'text')
    .addColumn('account_sealed', 'text')
    .addColumn('dependants_note_sealed', 'text')
    .addColumn('stage', 'text')
    .addColumn('referred_on', 'text')
    .addColumn('reasonable_grounds_due_on', 'text')
    .addColumn('period_last_day', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('potential_victims_organisation').on('potential_victims').column('organisation_id').execute();
  await db.schema.createIndex('potential_victims_stage').on('potential_victims').columns(['stage', 'reasonable_grounds_due_on']).execute();

  await db.schema
    .createTable('victim_referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('potential_victim_id', 'text', (c) => c.notNull().references('potential_victims.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('to_organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('referred_on', 'text', (c) => c.notNull())
    .addColumn('answered_on', 'text')
    .addColumn('sent_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('victim_referrals_person').on('victim_referrals').column('potential_victim_id').execute();
  await db.schema.createIndex('victim_referrals_to').on('victim_referrals').columns(['to_organisation_id', 'status']).execute();
  await db.schema.createIndex('victim_referrals_from').on('victim_referrals').column('from_organisation_id').execute();

  await db.schema
    .createTable('victim_timeline')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('potential_victim_id', 'text', (c) => c.notNull().references('potential_victims.id'))
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('recorded_by', 'text')
    .addColumn('referral_id', 'text', (c) => c.references('victim_referrals.id'))
    .addColumn('outcome', 'text')
    .addColumn('days', 'integer')
    .addColumn('requested_by', 'text')
    .addColumn('reason_sealed', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('victim_timeline_person').on('victim_timeline').columns(['potential_victim_id', 'recorded_at']).execute();

  // A duty-to-notify record of an adult who did not consent. Deliberately no name, contact,
  // free text, date of birth, creating user or link to a person found: only these four facts.
  await db.schema
    .createTable('anonymous_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('notified_on', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text')
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('exploitation_types', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('anonymous_notifications_organisation').on('anonymous_notifications').column('organisation_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['anonymous_notifications', 'victim_timeline', 'victim_referrals', 'potential_victims']) await db.schema.dropTable(table).execute();
}
