// Linkage runs, person clusters, review pairs and decisions. People found are only ever read here:
// a cluster points at its records through person_cluster_members and never changes them.
import type { Kysely, Updateable } from 'kysely';
import type {
  DatabaseSchema, LinkageCandidatePairRow, LinkageDecisionRow, LinkageRunRow, LinkageRunTable, PersonClusterChangeRow, PersonClusterMoveRow, PersonClusterRow,
} from '../schema.ts';

const CHUNK = 400;

async function inChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

/** What linkage reads of a person found, with the visit's date and the force's code and jurisdiction. */
export interface LinkagePersonRow {
  id: string;
  visit_id: string;
  organisation_id: string;
  force_code: string;
  jurisdiction: string;
  visited_at: string;
  given_names: string;
  family_name: string;
  full_name: string;
  aliases: string;
  date_of_birth: string | null;
  estimated_age: number | null;
  sex: string;
  nationality: string | null;
  phone_numbers: string;
  identity_documents: string;
}

export interface ClusterMemberRow extends LinkagePersonRow {
  cluster_id: string;
  role: string;
}

export interface ReviewPairListRow extends LinkageCandidatePairRow {
  left_name: string;
  right_name: string;
}

const numeric = <T extends { stage_fraction: number; lower_threshold: number; upper_threshold: number }>(row: T): T => ({
  ...row, stage_fraction: Number(row.stage_fraction), lower_threshold: Number(row.lower_threshold), upper_threshold: Number(row.upper_threshold),
});

export class LinkageRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  // Runs

  async insertRun(row: LinkageRunRow): Promise<void> {
    await this.db.insertInto('linkage_runs').values(row).execute();
  }

  async updateRun(id: string, patch: Updateable<LinkageRunTable>): Promise<void> {
    await this.db.updateTable('linkage_runs').set(patch).where('id', '=', id).execute();
  }

  async findRun(id: string): Promise<LinkageRunRow | undefined> {
    const row = await this.db.selectFrom('linkage_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : numeric(row);
  }

  async listRuns(limit: number): Promise<LinkageRunRow[]> {
    const rows = await this.db.selectFrom('linkage_runs').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(numeric);
  }

  async latestFinishedRun(): Promise<LinkageRunRow | undefined> {
    const row = await this.db.selectFrom('linkage_runs').selectAll().where('status', '=', 'finished').orderBy('finished_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row === undefined ? undefined : numeric(row);
  }

  async activeRunsSince(since: string): Promise<LinkageRunRow[]> {
    const rows = await this.db.selectFrom('linkage_runs').selectAll().where('status', 'in', ['queued', 'running']).where('started_at', '>=', since).execute();
    return rows.map(numeric);
  }

  // What a run reads

  async peopleForLinkage(organisationIds: readonly string[] | undefined): Promise<LinkagePersonRow[]> {
    let query = this.db.selectFrom('people_found')
      .innerJoin('visits', 'visits.id', 'people_found.visit_id')
      .innerJoin('organisations', 'organisations.id', 'people_found.organisation_id')
      .select([
        'people_found.id', 'people_found.visit_id', 'people_found.organisation_id', 'organisations.code as force_code', 'organisations.jurisdiction', 'visits.visited_at',
        'people_found.given_names', 'people_found.family_name', 'people_found.full_name', 'people_found.aliases', 'people_found.date_of_birth', 'people_found.estimated_age',
        'people_found.sex', 'people_found.nationality', 'people_found.phone_numbers', 'people_found.identity_documents',
      ]);
    if (organisationIds !== undefined) query = query.where('people_found.organisation_id', 'in', [...organisationIds]);
    const rows = await query.orderBy('people_found.id').execute();
    return rows.map((r) => ({ ...r, estimated_age: r.estimated_age === null ? null : Number(r.estimated_age) }));
  }

  // Clusters

  async membership(personIds?: readonly string[]): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    if (personIds === undefined) {
      for (const row of await this.db.selectFrom('person_cluster_members').select(['person_found_id', 'cluster_id']).execute()) map.set(row.person_found_id, row.cluster_id);
      return map;
    }
    await inChunks(personIds, async (chunk) => {
      const rows = await this.db.selectFrom('person_cluster_members').select(['person_found_id', 'cluster_id']).where('person_found_id', 'in', chunk).execute();
      for (const row of rows) map.set(row.person_found_id, row.cluster_id);
    });
    return map;
  }

  async insertClusters(rows: readonly PersonClusterRow[]): Promise<void> {
    await inChunks(rows, (chunk) => this.db.insertInto('person_clusters').values(chunk).execute());
  }

  /** Puts each record in its cluster, whether or not it had one before. */
  async setMembership(rows: ReadonlyArray<{ person_found_id: string; cluster_id: string; updated_at: string }>): Promise<void> {
    await inChunks(rows, (chunk) => this.db.insertInto('person_cluster_members').values(chunk)
      .onConflict((oc) => oc.column('person_found_id').doUpdateSet((eb) => ({ cluster_id: eb.ref('excluded.cluster_id'), updated_at: eb.ref('excluded.updated_at') })))
      .execute());
  }

  async insertMoves(rows: readonly PersonClusterMoveRow[]): Promise<void> {
    await inChunks(rows, (chunk) => this.db.insertInto('person_cluster_moves').values(chunk).execute());
  }

  /** Recounts the members of these clusters (after moves), in one statement per chunk. */
  async refreshMemberCounts(clusterIds: readonly string[], at: string): Promise<void> {
    await inChunks([...new Set(clusterIds)], (chunk) => this.db.updateTable('person_clusters')
      .set((eb) => ({
        member_count: eb.selectFrom('person_cluster_members').select((inner) => inner.fn.countAll<number>().as('n')).whereRef('person_cluster_members.cluster_id', '=', 'person_clusters.id'),
        updated_at: at,
      }))
      .where('id', 'in', chunk)
      .execute());
  }

  async findCluster(id: string): Promise<PersonClusterRow | undefined> {
    const row = await this.db.selectFrom('person_clusters').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : { ...row, member_count: Number(row.member_count) };
  }

  async clusterMembers(clusterId: string, organisationIds: readonly string[] | undefined): Promise<ClusterMemberRow[]> {
    let query = this.db.selectFrom('person_cluster_members')
      .innerJoin('people_found', 'people_found.id', 'person_cluster_members.person_found_id')
      .innerJoin('visits', 'visits.id', 'people_found.visit_id')
      .innerJoin('organisations', 'organisations.id', 'people_found.organisation_id')
      .select([
        'person_cluster_members.cluster_id', 'people_found.role',
        'people_found.id', 'people_found.visit_id', 'people_found.organisation_id', 'organisations.code as force_code', 'organisations.jurisdiction', 'visits.visited_at',
        'people_found.given_names', 'people_found.family_name', 'people_found.full_name', 'people_found.aliases', 'people_found.date_of_birth', 'people_found.estimated_age',
        'people_found.sex', 'people_found.nationality', 'people_found.phone_numbers', 'people_found.identity_documents',
      ])
      .where('person_cluster_members.cluster_id', '=', clusterId);
    if (organisationIds !== undefined) query = query.where('people_found.organisation_id', 'in', [...organisationIds]);
    const rows = await query.orderBy('visits.visited_at').orderBy('people_found.id').execute();
    return rows.map((r) => ({ ...r, estimated_age: r.estimated_age === null ? null : Number(r.estimated_age) }));
  }

  async movesOfCluster(clusterId: string, limit: number): Promise<PersonClusterMoveRow[]> {
    return this.db.selectFrom('person_cluster_moves').selectAll()
      .where((eb) => eb.or([eb('from_cluster_id', '=', clusterId), eb('to_cluster_id', '=', clusterId)]))
      .orderBy('moved_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }

  // Review pairs

  async insertPairs(rows: readonly LinkageCandidatePairRow[]): Promise<void> {
    await inChunks(rows, (chunk) => this.db.insertInto('linkage_candidate_pairs').values(chunk).execute());
  }

  async findPair(id: string): Promise<LinkageCandidatePairRow | undefined> {
    const row = await this.db.selectFrom('linkage_candidate_pairs').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : { ...row, match_probability: Number(row.match_probability), match_weight: Number(row.match_weight) };
  }

  /** Every pair a run sent to review, with its match probability (the hidden scale thresholds them). */
  async runPairs(runId: string): Promise<Array<{ left_person_id: string; right_person_id: string; match_probability: number; created_at: string }>> {
    const rows = await this.db.selectFrom('linkage_candidate_pairs').select(['left_person_id', 'right_person_id', 'match_probability', 'created_at'])
      .where('run_id', '=', runId).orderBy('left_person_id').orderBy('right_person_id').execute();
    return rows.map((row) => ({ ...row, match_probability: Number(row.match_probability) }));
  }

  /** A run's pairs nobody has decided since the run, most likely matches first. */
  async openPairs(runId: string, organisationIds: readonly string[] | undefined, limit: number): Promise<ReviewPairListRow[]> {
    let query = this.db.selectFrom('linkage_candidate_pairs as p')
      .innerJoin('people_found as l', 'l.id', 'p.left_person_id')
      .innerJoin('people_found as r', 'r.id', 'p.right_person_id')
      .selectAll('p')
      .select(['l.full_name as left_name', 'r.full_name as right_name'])
      .where('p.run_id', '=', runId)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('linkage_decisions as d').select('d.id')
        .whereRef('d.left_person_id', '=', 'p.left_person_id').whereRef('d.right_person_id', '=', 'p.right_person_id')
        // A decision made before this run (e.g. "unsure", or one undone) leaves its pair open again.
        .whereRef('d.decided_at', '>=', 'p.created_at'))));
    if (organisationIds !== undefined) query = query.where('l.organisation_id', 'in', [...organisationIds]).where('r.organisation_id', 'in', [...organisationIds]);
    const rows = await query.orderBy('p.match_probability', 'desc').orderBy('p.id').limit(limit).execute();
    return rows.map((row) => ({ ...row, match_probability: Number(row.match_probability), match_weight: Number(row.match_weight) }));
  }

  // Decisions

  async insertDecision(row: LinkageDecisionRow): Promise<void> {
    await this.db.insertInto('linkage_decisions').values(row).execute();
  }

  /** Every decision, oldest first: the latest on a pair is the one that counts. */
  async decisions(): Promise<LinkageDecisionRow[]> {
    return this.db.selectFrom('linkage_decisions').selectAll().orderBy('decided_at').orderBy('id').execute();
  }

  async decisionsOnPair(leftPersonId: string, rightPersonId: string): Promise<LinkageDecisionRow[]> {
    return this.db.selectFrom('linkage_decisions').selectAll().where('left_person_id', '=', leftPersonId).where('right_person_id', '=', rightPersonId)
      .orderBy('decided_at', 'desc').orderBy('id', 'desc').execute();
  }

  // Merges and splits

  async insertChange(row: PersonClusterChangeRow): Promise<void> {
    await this.db.insertInto('person_cluster_changes').values(row).execute();
  }

  async findChange(id: string): Promise<PersonClusterChangeRow | undefined> {
    return this.db.selectFrom('person_cluster_changes').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async markChangeUndone(id: string, undoneBy: string | null, at: string): Promise<boolean> {
    const result = await this.db.updateTable('person_cluster_changes').set({ undone_by: undoneBy, undone_at: at }).where('id', '=', id).where('undone_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async changesOfCluster(clusterId: string): Promise<PersonClusterChangeRow[]> {
    return this.db.selectFrom('person_cluster_changes').selectAll()
      .where((eb) => eb.or([eb('from_cluster_id', '=', clusterId), eb('to_cluster_id', '=', clusterId)]))
      .orderBy('made_at', 'desc').orderBy('id', 'desc').execute();
  }

  /** Every reviewer's change, oldest first: the next run keeps those in force and forgets those undone. */
  async changes(): Promise<PersonClusterChangeRow[]> {
    return this.db.selectFrom('person_cluster_changes').selectAll().orderBy('made_at').orderBy('id').execute();
  }
}
