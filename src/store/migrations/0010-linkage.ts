import type { Kysely } from 'kysely';

// Record linkage in the platform (issue 7). A run reads people found and writes only its own
// tables: person clusters point at people_found rows and never change them. Cluster ids survive
// runs (a run keeps the id most of a cluster's members had); reviewers' decisions on doubtful pairs
// are kept as training labels; a merge or split is a recorded move of members between clusters,
// so undoing it moves exactly those members back. Waterfalls hold raw personal values: sealed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('linkage_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('started_by', 'text')
    .addColumn('started_by_label', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('stage_fraction', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('lower_threshold', 'double precision', (c) => c.notNull())
    .addColumn('upper_threshold', 'double precision', (c) => c.notNull())
    .addColumn('record_count', 'integer')
    .addColumn('pair_count', 'integer')
    .addColumn('review_pair_count', 'integer')
    .addColumn('cluster_count', 'integer')
    .addColumn('label_count', 'integer')
    .addColumn('model_json', 'text')
    .addColumn('error', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('linkage_runs_started').on('linkage_runs').column('started_at').execute();

  await db.schema
    .createTable('person_clusters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_by_run_id', 'text', (c) => c.references('linkage_runs.id'))
    .addColumn('member_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The current membership: one cluster per person found.
  await db.schema
    .createTable('person_cluster_members')
    .addColumn('person_found_id', 'text', (c) => c.primaryKey().references('people_found.id'))
    .addColumn('cluster_id', 'text', (c) => c.notNull().references('person_clusters.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_cluster_members_cluster').on('person_cluster_members').column('cluster_id').execute();

  // Every change of membership, by a run or by a reviewer: the history of each cluster.
  await db.schema
    .createTable('person_cluster_moves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_found_id', 'text', (c) => c.notNull().references('people_found.id'))
    .addColumn('from_cluster_id', 'text')
    .addColumn('to_cluster_id', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('cause_id', 'text', (c) => c.notNull())
    .addColumn('moved_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_cluster_moves_from').on('person_cluster_moves').column('from_cluster_id').execute();
  await db.schema.createIndex('person_cluster_moves_to').on('person_cluster_moves').column('to_cluster_id').execute();

  await db.schema
    .createTable('linkage_candidate_pairs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull().references('linkage_runs.id'))
    .addColumn('left_person_id', 'text', (c) => c.notNull().references('people_found.id'))
    .addColumn('right_person_id', 'text', (c) => c.notNull().references('people_found.id'))
    .addColumn('match_probability', 'double precision', (c) => c.notNull())
    .addColumn('match_weight', 'double precision', (c) => c.notNull())
    .addColumn('waterfall', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('linkage_candidate_pairs_run').on('linkage_candidate_pairs').columns(['run_id', 'match_probability']).execute();

  await db.schema
    .createTable('linkage_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pair_id', 'text', (c) => c.references('linkage_candidate_pairs.id'))
    .addColumn('left_person_id', 'text', (c) => c.notNull().references('people_found.id'))
    .addColumn('right_person_id', 'text', (c) => c.notNull().references('people_found.id'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_label', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('linkage_decisions_persons').on('linkage_decisions').columns(['left_person_id', 'right_person_id']).execute();
  await db.schema.createIndex('linkage_decisions_pair').on('linkage_decisions').column('pair_id').execute();

  // A reviewer's merge (all of one cluster into another) or split (records out into a new cluster).
  await db.schema
    .createTable('person_cluster_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text', (c) => c.references('linkage_decisions.id'))
    .addColumn('from_cluster_id', 'text', (c) => c.notNull())
    .addColumn('to_cluster_id', 'text', (c) => c.notNull())
    .addColumn('person_found_ids', 'text', (c) => c.notNull())
    .addColumn('made_by', 'text')
    .addColumn('made_by_label', 'text', (c) => c.notNull())
    .addColumn('made_at', 'text', (c) => c.notNull())
    .addColumn('undone_by', 'text')
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema.createIndex('person_cluster_changes_from').on('person_cluster_changes').column('from_cluster_id').execute();
  await db.schema.createIndex('person_cluster_changes_to').on('person_cluster_changes').column('to_cluster_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['person_cluster_changes', 'linkage_decisions', 'linkage_candidate_pairs', 'person_cluster_moves', 'person_cluster_members', 'person_clusters', 'linkage_runs']) {
    await db.schema.dropTable(table).execute();
  }
}
