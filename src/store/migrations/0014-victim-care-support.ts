import type { Kysely } from 'kysely';

// Victim care, second part (issue 4). A charity's case is its accepted referral: closing the
// case dates it here (the move-on plan is a sealed timeline event), so a closed case stays
// readable to the charity and takes no more support entries. Support given, consent changes
// and closures are timeline events. An access grant lets one analyst see one person's identity
// for a stated purpose until it expires; the purpose is sealed since it may describe the person.
// Analysts know a person by a pseudonym: random, given the first time analysts see the record and
// kept for good, so it is stable across key rotation and cannot be worked back to the record's id.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('victim_referrals').addColumn('closed_on', 'text').execute();
  await db.schema.alterTable('potential_victims').addColumn('pseudonym', 'text').execute();
  await db.schema.createIndex('potential_victims_pseudonym').on('potential_victims').column('pseudonym').unique().execute();

  await db.schema
    .createTable('victim_access_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('potential_victim_id', 'text', (c) => c.notNull().references('potential_victims.id'))
    .addColumn('granted_to', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('granted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('purpose_sealed', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('victim_access_grants_user').on('victim_access_grants').columns(['granted_to', 'expires_at']).execute();
  await db.schema.createIndex('victim_access_grants_person').on('victim_access_grants').column('potential_victim_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('victim_access_grants').execute();
  await db.schema.dropIndex('potential_victims_pseudonym').execute();
  await db.schema.alterTable('potential_victims').dropColumn('pseudonym').execute();
  await db.schema.alterTable('victim_referrals').dropColumn('closed_on').execute();
}
