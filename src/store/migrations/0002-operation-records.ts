import type { Kysely } from 'kysely';

// Enforcement records. Every row names the organisation (force) that owns it, which is what the
// access rules decide on. Multi-valued fields (aliases, phones, documents) are JSON text, kept as
// written; `name_search` holds every name and alias folded for accent- and case-insensitive search.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('operations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('operation_participants')
    .addColumn('operation_id', 'text', (c) => c.notNull().references('operations.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('operation_participants_pk', ['operation_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('premises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('premises_type', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('address_lines', 'text', (c) => c.notNull())
    .addColumn('town', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('postcode_key', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('premises_organisation').on('premises').column('organisation_id').execute();
  await db.schema.createIndex('premises_postcode').on('premises').column('postcode_key').execute();

  await db.schema
    .createTable('visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('operation_id', 'text', (c) => c.notNull().references('operations.id'))
    .addColumn('premises_id', 'text', (c) => c.notNull().references('premises.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('visited_at', 'text', (c) => c.notNull())
    .addColumn('warrant', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visits_organisation_time').on('visits').columns(['organisation_id', 'visited_at']).execute();
  await db.schema.createIndex('visits_time').on('visits').column('visited_at').execute();
  await db.schema.createIndex('visits_operation').on('visits').column('operation_id').execute();
  await db.schema.createIndex('visits_premises').on('visits').column('premises_id').execute();

  await db.schema
    .createTable('people_found')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('given_names', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('name_search', 'text', (c) => c.notNull())
    .addColumn('date_of_birth', 'text')
    .addColumn('estimated_age', 'integer')
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text')
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('identity_documents', 'text', (c) => c.notNull())
    .addColumn('phone_numbers', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('exploitation_type', 'text')
    .addColumn('possible_child', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent', 'text')
    .addColumn('interpreter_language', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_found_visit').on('people_found').column('visit_id').execute();
  await db.schema.createIndex('people_found_organisation').on('people_found').columns(['organisation_id', 'role']).execute();

  await db.schema
    .createTable('arrests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_found_id', 'text', (c) => c.notNull().references('people_found.id'))
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('offence', 'text', (c) => c.notNull())
    .addColumn('arrested_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('arrests_organisation_time').on('arrests').columns(['organisation_id', 'arrested_at']).execute();
  await db.schema.createIndex('arrests_person').on('arrests').column('person_found_id').execute();
  await db.schema.createIndex('arrests_visit').on('arrests').column('visit_id').execute();

  await db.schema
    .createTable('charges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('arrest_id', 'text', (c) => c.notNull().references('arrests.id'))
    .addColumn('offence', 'text', (c) => c.notNull())
    .addColumn('charged_on', 'text', (c) => c.notNull())
    .addColumn('court_outcome', 'text', (c) => c.notNull())
    .addColumn('sentence_months', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('charges_arrest').on('charges').column('arrest_id').execute();

  await db.schema
    .createTable('seized_assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('asset_type', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('seized_assets_visit').on('seized_assets').column('visit_id').execute();

  // A form carries a submission id; a second post of the same form finds the first record here.
  await db.schema
    .createTable('form_submissions')
    .addColumn('submission_id', 'text', (c) => c.primaryKey())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['form_submissions', 'seized_assets', 'charges', 'arrests', 'people_found', 'visits', 'premises', 'operation_participants', 'operations']) {
    await db.schema.dropTable(table).execute();
  }
}
