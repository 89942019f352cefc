import type { Kysely } from 'kysely';

// Saved network charts: an analyst's named piece of work (chosen entities, where each sits on the
// chart, notes), reopened later and shared with named colleagues of the same organisation. The
// content names phones, people and vehicles, so it is sealed (fieldCipher); the name is not, so
// lists need no decryption. A chart stores entity keys only: every viewer's chart is rebuilt from
// the network that viewer may see, so a share never carries records across an access boundary.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('network_charts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_charts_owner').on('network_charts').columns(['owner_id', 'updated_at']).execute();

  await db.schema
    .createTable('network_chart_shares')
    .addColumn('chart_id', 'text', (c) => c.notNull().references('network_charts.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('shared_by', 'text', (c) => c.notNull())
    .addColumn('shared_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_chart_shares_pk', ['chart_id', 'user_id'])
    .execute();
  await db.schema.createIndex('network_chart_shares_user').on('network_chart_shares').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('network_chart_shares').execute();
  await db.schema.dropTable('network_charts').execute();
}
