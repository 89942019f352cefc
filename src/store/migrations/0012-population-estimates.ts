import type { Kysely } from 'kysely';

// Estimates of the hidden scale (issue 8). One row per estimate an analyst asks for: first the
// background job's state and progress, then everything needed to reproduce the figure (the
// request: period, lists, method, parameters, seed, linkage threshold; the outcome: the overlap
// table, the linkage settings, the estimate and the comparison across thresholds), as JSON.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('population_estimates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('linkage_threshold', 'double precision', (c) => c.notNull())
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('observed', 'integer')
    .addColumn('estimate', 'double precision')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_by_organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('population_estimates_time').on('population_estimates').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('population_estimates').execute();
}
