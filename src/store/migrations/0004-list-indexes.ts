import type { Kysely } from 'kysely';

// Indexes the list pages sort by: newest arrests first across every force, people by name.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('arrests_time').on('arrests').column('arrested_at').execute();
  await db.schema.createIndex('people_found_name').on('people_found').columns(['family_name', 'given_names']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('people_found_name').execute();
  await db.schema.dropIndex('arrests_time').execute();
}
