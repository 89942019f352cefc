// Running linkage over the people found an analyst may read, as a background job in this process.
// The run's row carries its stage and progress, so a page can show it while it runs; the job
// writes clusters, review pairs and the model only when it has finished, in one transaction.
import type { Actor } from '../../access/actor.ts';
import { actorLabel } from '../../access/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../access/errors.ts';
import { canUseLinkage, linkageScope } from '../../access/policies/linkage.ts';
import { personRecordFromPersonFound, type PersonFoundFields } from '../../analysis/linkage/fromPeopleFound.ts';
import { linkRecords, weightFromProbability, type LabelledPair, type LinkageProgress } from '../../analysis/linkage/linkage.ts';
import { probabilityFromWeight } from '../../analysis/linkage/model.ts';
import type { PersonRecord } from '../../analysis/linkage/record.ts';
import { explainPair } from '../../analysis/linkage/waterfall.ts';
import type { Jurisdiction } from '../../domain/organisationKinds.ts';
import { newId } from '../../store/ids.ts';
import type { LinkagePersonRow } from '../../store/repositories/linkage.ts';
import type { LinkageCandidatePairRow, LinkageDecisionRow, LinkageRunRow, PersonClusterChangeRow } from '../../store/schema.ts';
import { recordAudit } from '../auditTrail.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { assignClusters, pairKey, type RecordPair } from './clusterAssignment.ts';

export type RunStage = LinkageProgress['stage'] | 'load' | 'store';
export type RunTrigger = 'on-demand' | 'command';

export interface LinkagePlatformSettings {
  /** Pairs from here up to the upper threshold go to review. */
  readonly lowerThreshold: number;
  /** Pairs at or above it join clusters. */
  readonly upperThreshold: number;
  /**
   * Reviewers' "same" decisions replace EM for m only from this many on: m from one or two
   * labelled pairs would put all the weight on whatever those pairs happened to share.
   */
  readonly minimumLabelledMatches: number;
  /** A run still marked running after this long is taken as lost (its process stopped). */
  readonly staleRunHours: number;
}

export const DEFAULT_LINKAGE_SETTINGS: LinkagePlatformSettings = { lowerThreshold: 0.2, upperThreshold: 0.9, minimumLabelledMatches: 5, staleRunHours: 6 };

export interface RunProgress {
  readonly stage: RunStage;
  readonly fraction: number;
}

export interface StartOptions {
  readonly trigger: RunTrigger;
  /** Called on every stage change and progress step (the command line's progress bar). */
  readonly onProgress?: (progress: RunProgress) => void;
}

const PROGRESS_WRITE_INTERVAL_MS = 250;

/** The latest decision on each pair, by pair key. */
export function latestDecisions(decisions: readonly LinkageDecisionRow[]): Map<string, LinkageDecisionRow> {
  const latest = new Map<string, LinkageDecisionRow>();
  for (const d of decisions) latest.set(pairKey(d.left_person_id, d.right_person_id), d);
  return latest;
}

function parseList(json: string): unknown[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value : [];
}

export function personRecordOf(row: LinkagePersonRow): PersonRecord {
  const documents = parseList(row.identity_documents).map((d) => ({ number: typeof d === 'object' && d !== null && 'number' in d && typeof d.number === 'string' ? d.number : '' }));
  return personRecordFromPersonFound({
    id: row.id, visitId: row.visit_id, forceCode: row.force_code, givenNames: row.given_names, familyName: row.family_name, fullNameAsWritten: row.full_name,
    aliases: parseList(row.aliases).filter((a): a is string => typeof a === 'string'), dateOfBirth: row.date_of_birth, estimatedAge: row.estimated_age,
    sex: row.sex as PersonFoundFields['sex'], nationality: row.nationality as PersonFoundFields['nationality'], phoneNumbers: parseList(row.phone_numbers).filter((p): p is string => typeof p === 'string'),
    identityDocuments: documents as unknown as PersonFoundFields['identityDocuments'],
  }, { visitedAt: row.visited_at, jurisdiction: row.jurisdiction as Jurisdiction });
}

export class LinkageRunService {
  private readonly jobs = new Set<Promise<void>>();

  constructor(private readonly context: ServiceContext, readonly settings: LinkagePlatformSettings = DEFAULT_LINKAGE_SETTINGS) {}

  private authorise(actor: Actor): readonly string[] | undefined {
    if (!canUseLinkage(actor)) throw new ForbiddenError('Record linkage is for analysts of the national centre');
    return linkageScope(actor);
  }

  /** Starts a run in the background and returns its row at once (status queued). */
  async start(actor: Actor, options: StartOptions): Promise<LinkageRunRow> {
    const { run, job } = await this.begin(actor, options);
    void job;
    return run;
  }

  /** Runs to the end (the command line): the finished or failed run. */
  async runToEnd(actor: Actor, options: StartOptions): Promise<LinkageRunRow> {
    const { run, job } = await this.begin(actor, options);
    await job;
    return (await this.context.store.repositories.linkage.findRun(run.id)) ?? run;
  }

  /** Resolves when no job of this process is running (tests, and before the database closes). */
  async idle(): Promise<void> {
    while (this.jobs.size > 0) await Promise.allSettled([...this.jobs]);
  }

  async list(actor: Actor, limit = 50): Promise<LinkageRunRow[]> {
    this.authorise(actor);
    return this.context.store.repositories.linkage.listRuns(limit);
  }

  async get(actor: Actor, runId: string): Promise<LinkageRunRow> {
    this.authorise(actor);
    const run = await this.context.store.repositories.linkage.findRun(runId);
    if (run === undefined) throw new NotFoundError('Linkage run');
    return run;
  }

  private async begin(actor: Actor, options: StartOptions): Promise<{ run: LinkageRunRow; job: Promise<void> }> {
    const scope = this.authorise(actor);
    const repositories = this.context.store.repositories;
    const now = isoNow(this.context.clock);
    const staleBefore = new Date(this.context.clock().getTime() - this.settings.staleRunHours * 3_600_000).toISOString();
    if ((await repositories.linkage.activeRunsSince(staleBefore)).length > 0 || this.jobs.size > 0) throw new ConflictError('A linkage run is already in progress: wait for it to finish');
    const run: LinkageRunRow = {
      id: newId(), started_by: actor.kind === 'user' ? actor.userId : null, started_by_label: actorLabel(actor), trigger: options.trigger, status: 'queued',
      stage: null, stage_fraction: 0, scope: JSON.stringify(scope ?? null), lower_threshold: this.settings.lowerThreshold, upper_threshold: this.settings.upperThreshold,
      record_count: null, pair_count: null, review_pair_count: null, cluster_count: null, label_count: null, model_json: null, error: null, started_at: now, finished_at: null,
    };
    await this.context.store.transaction(async (tx) => {
      await tx.linkage.insertRun(run);
      await recordAudit(tx, actor, now, { action: 'linkage.run.start', subjectType: 'linkage-run', subjectId: run.id, subjectOrganisationId: null, details: { trigger: options.trigger, scope: scope ?? 'all forces' } });
    });
    const job: Promise<void> = this.execute(actor, run, scope, options).finally(() => this.jobs.delete(job));
    this.jobs.add(job);
    return { run, job };
  }

  /** Never rejects: a failure is written to the run (and the audit trail) instead. */
  private async execute(actor: Actor, run: LinkageRunRow, scope: readonly string[] | undefined, options: StartOptions): Promise<void> {
    const linkage = this.context.store.repositories.linkage;
    let written = Promise.resolve();
    let lastStage: RunStage | null = null;
    let lastWrite = 0;
    let closed = false;
    const report = (stage: RunStage, fraction: number): void => {
      options.onProgress?.({ stage, fraction });
      if (closed) return;
      const now = Date.now();
      if (stage === lastStage && now - lastWrite < PROGRESS_WRITE_INTERVAL_MS && fraction < 1) return;
      lastStage = stage;
      lastWrite = now;
      written = written.then(() => linkage.updateRun(run.id, { status: 'running', stage, stage_fraction: Math.min(Math.max(fraction, 0), 1) })).catch(() => undefined);
    };
    try {
      report('load', 0);
      const people = await linkage.peopleForLinkage(scope);
      const records = people.map(personRecordOf);
      const recordIds = new Set(records.map((r) => r.recordId));
      const allChanges = await linkage.changes();
      // A merge undone takes its "same" back: neither a label nor a join any more.
      const withdrawn = new Set(allChanges.filter((c) => c.undone_at !== null && c.decision_id !== null).map((c) => c.decision_id));
      const decisions = [...latestDecisions(await linkage.decisions()).values()]
        .filter((d) => recordIds.has(d.left_person_id) && recordIds.has(d.right_person_id) && !withdrawn.has(d.id));
      const changes = allChanges.filter((c) => c.undone_at === null);
      const previous = await linkage.membership(records.map((r) => r.recordId));
      report('load', 1);

      const { mustLink, cannotLink } = constraints(decisions, changes, previous);
      const labels: LabelledPair[] = decisions
        .filter((d) => d.decision === 'same' || d.decision === 'different')
        .map((d) => ({ recordIdLeft: d.left_person_id, recordIdRight: d.right_person_id, isMatch: d.decision === 'same' }));
      const labelledMatches = labels.filter((l) => l.isMatch).length;
      const useLabels = labelledMatches > 0 && labelledMatches >= this.settings.minimumLabelledMatches;
      const decided = new Set(labels.map((l) => pairKey(l.recordIdLeft, l.recordIdRight)));

      const result = records.length < 2 ? null : await linkRecords(records, {
        threshold: this.settings.lowerThreshold,
        ...(useLabels ? { labels } : {}),
        onProgress: (p) => report(p.stage, p.total === 0 ? 1 : p.done / p.total),
      });
      report('store', 0);
      const upperWeight = weightFromProbability(this.settings.upperThreshold);
      const rowIds = result?.prepared.recordIds ?? records.map((r) => r.recordId);
      const assignment = assignClusters({
        recordIds: rowIds, pairs: result?.pairs ?? { left: new Int32Array(0), right: new Int32Array(0), weights: new Float32Array(0) },
        minWeight: upperWeight, mustLink, cannotLink, previous, newClusterId: newId,
      });
      const now = isoNow(this.context.clock);
      const reviewPairs: LinkageCandidatePairRow[] = [];
      let linkedPairs = 0;
      if (result !== null) {
        for (let p = 0; p < result.pairs.left.length; p++) {
          const weight = result.pairs.weights[p] ?? -Infinity;
          if (weight >= upperWeight) {
            linkedPairs++;
            continue;
          }
          const a = rowIds[result.pairs.left[p] ?? 0] ?? '';
          const b = rowIds[result.pairs.right[p] ?? 0] ?? '';
          const [leftId, rightId] = a < b ? [a, b] : [b, a];
          if (decided.has(pairKey(leftId, rightId))) continue;
          const waterfall = explainPair(result.prepared, result.model, leftId, rightId);
          reviewPairs.push({
            id: newId(), run_id: run.id, left_person_id: leftId, right_person_id: rightId, match_probability: probabilityFromWeight(weight), match_weight: weight,
            waterfall: this.context.fieldCipher.seal(JSON.stringify(waterfall)), created_at: now,
          });
        }
      }
      const moved: Array<{ person: string; from: string | null; to: string }> = [];
      rowIds.forEach((id, row) => {
        const to = assignment.clusterOf[row] ?? '';
        const from = previous.get(id) ?? null;
        if (from !== to) moved.push({ person: id, from, to });
      });
      // The last progress write must land before the result, or it would mark the run running again.
      closed = true;
      await written;
      await this.context.store.transaction(async (tx) => {
        await tx.linkage.insertClusters([...assignment.newClusterIds].map((id) => ({ id, created_by_run_id: run.id, member_count: 0, created_at: now, updated_at: now })));
        await tx.linkage.setMembership(moved.map((m) => ({ person_found_id: m.person, cluster_id: m.to, updated_at: now })));
        await tx.linkage.insertMoves(moved.map((m) => ({ id: newId(), person_found_id: m.person, from_cluster_id: m.from, to_cluster_id: m.to, cause: 'run', cause_id: run.id, moved_at: now })));
        await tx.linkage.refreshMemberCounts(moved.flatMap((m) => (m.from === null ? [m.to] : [m.from, m.to])), now);
        await tx.linkage.insertPairs(reviewPairs);
        const counts = {
          record_count: records.length, pair_count: linkedPairs, review_pair_count: reviewPairs.length,
          cluster_count: new Set(assignment.clusterOf).size, label_count: useLabels ? labels.length : 0,
        };
        await tx.linkage.updateRun(run.id, {
          ...counts, status: 'finished', stage: 'store', stage_fraction: 1, finished_at: now, model_json: result === null ? null : JSON.stringify(result.model),
        });
        await recordAudit(tx, actor, now, {
          action: 'linkage.run.finish', subjectType: 'linkage-run', subjectId: run.id, subjectOrganisationId: null,
          details: { ...counts, moved: moved.length, newClusters: assignment.newClusterIds.size },
        });
      });
      options.onProgress?.({ stage: 'store', fraction: 1 });
    } catch (error) {
      closed = true;
      await written;
      const message = error instanceof Error ? error.message : String(error);
      const now = isoNow(this.context.clock);
      await this.context.store.transaction(async (tx) => {
        await tx.linkage.updateRun(run.id, { status: 'failed', error: message.slice(0, 500), finished_at: now });
        await recordAudit(tx, actor, now, { action: 'linkage.run.finish', outcome: 'failure', subjectType: 'linkage-run', subjectId: run.id, subjectOrganisationId: null, details: { error: message.slice(0, 200) } });
      }).catch(() => undefined);
    }
  }
}

/**
 * What reviewers decided, as constraints on the next clustering: "same" joins (unless the merge
 * it made was undone); "different" and splits keep records apart where the model would join them
 * directly. A split keeps each record moved out apart from the cluster it left.
 */
function constraints(decisions: readonly LinkageDecisionRow[], changes: readonly PersonClusterChangeRow[], membership: ReadonlyMap<string, string>): { mustLink: RecordPair[]; cannotLink: RecordPair[] } {
  const mustLink: RecordPair[] = [];
  const cannotLink: RecordPair[] = [];
  for (const d of decisions) {
    if (d.decision === 'same') mustLink.push([d.left_person_id, d.right_person_id]);
    else if (d.decision === 'different') cannotLink.push([d.left_person_id, d.right_person_id]);
  }
  const membersOf = new Map<string, string[]>();
  for (const [person, cluster] of membership) {
    let list = membersOf.get(cluster);
    if (list === undefined) membersOf.set(cluster, (list = []));
    list.push(person);
  }
  for (const change of changes) {
    if (change.kind !== 'split') continue;
    const moved = parseList(change.person_found_ids).filter((p): p is string => typeof p === 'string');
    for (const person of moved) for (const other of membersOf.get(change.from_cluster_id) ?? []) cannotLink.push([person, other]);
  }
  return { mustLink, cannotLink };
}
