import type { Kysely } from 'kysely';

// The dashboards notice a change by each counted table's row count and latest updated_at
// (repositories/dashboard.ts signature), read every few seconds by every instance. An index on
// updated_at makes the latest change one index look-up instead of a scan of the whole table.
export const SIGNATURE_INDEXES = [
  ['premises', 'premises_updated'], ['visits', 'visits_updated'], ['people_found', 'people_found_updated'], ['arrests', 'arrests_updated'],
  ['charges', 'charges_updated'], ['seized_assets', 'seized_assets_updated'], ['intelligence_reports', 'intelligence_reports_updated'],
  ['public_reports', 'public_reports_updated'], ['potential_victims', 'potential_victims_updated'], ['population_estimates', 'population_estimates_updated'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, index] of SIGNATURE_INDEXES) await db.schema.createIndex(index).ifNotExists().on(table).column('updated_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [, index] of SIGNATURE_INDEXES) await db.schema.dropIndex(index).ifExists().execute();
}
