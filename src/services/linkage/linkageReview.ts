// Reviewing doubtful pairs and changing clusters by hand. A decision is kept for good (it is a
// training label for the next run) and audited; "same" merges the two records' clusters. A merge
// or split records exactly which records it moved, so undoing it moves exactly those back.
import { actorLabel, type Actor } from '../../access/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../access/errors.ts';
import { canReadForceRecords } from '../../access/policies/enforcementRecords.ts';
import { canUseLinkage, linkageScope } from '../../access/policies/linkage.ts';
import type { Waterfall } from '../../analysis/linkage/waterfall.ts';
import { newId } from '../../store/ids.ts';
import type { ClusterMemberRow, ReviewPairListRow } from '../../store/repositories/linkage.ts';
import type {
  LinkageCandidatePairRow, LinkageDecisionRow, LinkageRunRow, PersonClusterChangeRow, PersonClusterMoveRow, PersonClusterRow, PersonFoundRow,
} from '../../store/schema.ts';
import type { Repositories } from '../../store/store.ts';
import { recordAudit } from '../auditTrail.ts';
import { isoNow, type ServiceContext } from '../context.ts';

export const LINKAGE_DECISIONS = ['same', 'different', 'unsure'] as const;
export type LinkageDecision = (typeof LINKAGE_DECISIONS)[number];
const REASON_MAX = 1000;

export interface ReviewQueue {
  run: LinkageRunRow | null;
  pairs: ReviewPairListRow[];
}

export interface PairDetail {
  pair: LinkageCandidatePairRow;
  waterfall: Waterfall;
  left: PersonFoundRow;
  right: PersonFoundRow;
  leftClusterId: string | null;
  rightClusterId: string | null;
  decisions: LinkageDecisionRow[];
}

export interface ClusterDetail {
  cluster: PersonClusterRow;
  members: ClusterMemberRow[];
  changes: PersonClusterChangeRow[];
  moves: PersonClusterMoveRow[];
}

export interface DecisionOutcome {
  decision: LinkageDecisionRow;
  /** The merge the decision made, if it joined two clusters. */
  merge: PersonClusterChangeRow | null;
}

const isDecision = (value: string): value is LinkageDecision => (LINKAGE_DECISIONS as readonly string[]).includes(value);

function idsOf(change: PersonClusterChangeRow): string[] {
  const value: unknown = JSON.parse(change.person_found_ids);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export class LinkageReviewService {
  constructor(private readonly context: ServiceContext) {}

  private authorise(actor: Actor): readonly string[] | undefined {
    if (!canUseLinkage(actor)) throw new ForbiddenError('Record linkage is for analysts of the national centre');
    return linkageScope(actor);
  }

  /** Open pairs of the latest finished run. */
  async queue(actor: Actor, limit = 100): Promise<ReviewQueue> {
    const scope = this.authorise(actor);
    const linkage = this.context.store.repositories.linkage;
    const run = await linkage.latestFinishedRun();
    if (run === undefined) return { run: null, pairs: [] };
    return { run, pairs: await linkage.openPairs(run.id, scope, Math.min(Math.max(limit, 1), 500)) };
  }

  /** Both records and the waterfall: personal data, so every read is audited. */
  async pair(actor: Actor, pairId: string): Promise<PairDetail> {
    this.authorise(actor);
    const repositories = this.context.store.repositories;
    const pair = await repositories.linkage.findPair(pairId);
    if (pair === undefined) throw new NotFoundError('Pair');
    const left = await repositories.peopleFound.findById(pair.left_person_id);
    const right = await repositories.peopleFound.findById(pair.right_person_id);
    if (left === undefined || right === undefined || !canReadForceRecords(actor, left.organisation_id) || !canReadForceRecords(actor, right.organisation_id)) throw new NotFoundError('Pair');
    const clusters = await repositories.linkage.membership([left.id, right.id]);
    await this.context.store.transaction((tx) => recordAudit(tx, actor, isoNow(this.context.clock), {
      action: 'linkage.pair.read', subjectType: 'linkage-pair', subjectId: pair.id, subjectOrganisationId: null, details: { left: left.id, right: right.id },
    }));
    return {
      pair, waterfall: JSON.parse(this.context.fieldCipher.open(pair.waterfall)) as Waterfall, left, right,
      leftClusterId: clusters.get(left.id) ?? null, rightClusterId: clusters.get(right.id) ?? null,
      decisions: await repositories.linkage.decisionsOnPair(pair.left_person_id, pair.right_person_id),
    };
  }

  async decide(actor: Actor, pairId: string, input: { decision: string; reason: string }): Promise<DecisionOutcome> {
    this.authorise(actor);
    const errors: FieldError[] = [];
    if (!isDecision(input.decision)) errors.push({ field: 'decision', message: 'Select whether the two records are the same person, different people, or you are unsure' });
    const reason = input.reason.trim();
    if (reason.length > REASON_MAX) errors.push({ field: 'reason', message: `Reason must be ${REASON_MAX} characters or fewer` });
    if (input.decision === 'different' && reason === '') errors.push({ field: 'reason', message: 'Enter why the records are different people' });
    const repositories = this.context.store.repositories;
    const pair = await repositories.linkage.findPair(pairId);
    if (pair === undefined) throw new NotFoundError('Pair');
    const people = [await repositories.peopleFound.findById(pair.left_person_id), await repositories.peopleFound.findById(pair.right_person_id)];
    if (people.some((p) => p === undefined || !canReadForceRecords(actor, p.organisation_id))) throw new NotFoundError('Pair');
    if (errors.length > 0) throw new ValidationError(errors);
    const decisionValue = input.decision as LinkageDecision;
    const now = isoNow(this.context.clock);
    const decision: LinkageDecisionRow = {
      id: newId(), pair_id: pair.id, left_person_id: pair.left_person_id, right_person_id: pair.right_person_id, decision: decisionValue, reason,
      decided_by: actor.kind === 'user' ? actor.userId : null, decided_by_label: actorLabel(actor), decided_at: now,
    };
    return this.context.store.transaction(async (tx) => {
      await tx.linkage.insertDecision(decision);
      // The reason is free text about people: it stays in the decision, not in the audit trail.
      await recordAudit(tx, actor, now, {
        action: 'linkage.decision', subjectType: 'linkage-pair', subjectId: pair.id, subjectOrganisationId: null,
        details: { decision: decisionValue, decisionId: decision.id, left: pair.left_person_id, right: pair.right_person_id },
      });
      const merge = decisionValue === 'same' ? await this.merge(tx, actor, decision, now) : null;
      return { decision, merge };
    });
  }

  /** Joins the clusters of a pair decided "same": the smaller cluster's members move to the larger. */
  private async merge(tx: Repositories, actor: Actor, decision: LinkageDecisionRow, now: string): Promise<PersonClusterChangeRow | null> {
    const clusters = await tx.linkage.membership([decision.left_person_id, decision.right_person_id]);
    const leftCluster = clusters.get(decision.left_person_id);
    const rightCluster = clusters.get(decision.right_person_id);
    if (leftCluster === undefined || rightCluster === undefined || leftCluster === rightCluster) return null;
    const leftSize = (await tx.linkage.findCluster(leftCluster))?.member_count ?? 0;
    const rightSize = (await tx.linkage.findCluster(rightCluster))?.member_count ?? 0;
    const [into, from] = rightSize > leftSize ? [rightCluster, leftCluster] : [leftCluster, rightCluster];
    const moved = (await tx.linkage.clusterMembers(from, undefined)).map((m) => m.id);
    const change: PersonClusterChangeRow = {
      id: newId(), kind: 'merge', decision_id: decision.id, from_cluster_id: from, to_cluster_id: into, person_found_ids: JSON.stringify(moved),
      made_by: actor.kind === 'user' ? actor.userId : null, made_by_label: actorLabel(actor), made_at: now, undone_by: null, undone_at: null,
    };
    await tx.linkage.insertChange(change);
    await this.move(tx, moved, from, into, 'merge', change.id, now);
    await recordAudit(tx, actor, now, {
      action: 'linkage.merge', subjectType: 'person-cluster', subjectId: into, subjectOrganisationId: null,
      details: { changeId: change.id, fromCluster: from, intoCluster: into, moved: moved.length, decisionId: decision.id },
    });
    return change;
  }

  /** Moves one record out of its cluster into a new cluster of its own; the next run keeps them apart. */
  async split(actor: Actor, clusterId: string, personId: string): Promise<PersonClusterChangeRow> {
    const scope = this.authorise(actor);
    const repositories = this.context.store.repositories;
    const members = await repositories.linkage.clusterMembers(clusterId, scope);
    if (!members.some((m) => m.id === personId)) throw new NotFoundError('Cluster member');
    if (members.length < 2) throw new ConflictError('A record alone in its cluster cannot be split off');
    const now = isoNow(this.context.clock);
    const into = newId();
    const change: PersonClusterChangeRow = {
      id: newId(), kind: 'split', decision_id: null, from_cluster_id: clusterId, to_cluster_id: into, person_found_ids: JSON.stringify([personId]),
      made_by: actor.kind === 'user' ? actor.userId : null, made_by_label: actorLabel(actor), made_at: now, undone_by: null, undone_at: null,
    };
    await this.context.store.transaction(async (tx) => {
      await tx.linkage.insertClusters([{ id: into, created_by_run_id: null, member_count: 0, created_at: now, updated_at: now }]);
      await tx.linkage.insertChange(change);
      await this.move(tx, [personId], clusterId, into, 'split', change.id, now);
      await recordAudit(tx, actor, now, {
        action: 'linkage.split', subjectType: 'person-cluster', subjectId: clusterId, subjectOrganisationId: null, details: { changeId: change.id, newCluster: into, person: personId },
      });
    });
    return change;
  }

  /** Moves back exactly the records the change moved (those still where it put them). */
  async undo(actor: Actor, changeId: string): Promise<PersonClusterChangeRow> {
    this.authorise(actor);
    const repositories = this.context.store.repositories;
    const change = await repositories.linkage.findChange(changeId);
    if (change === undefined) throw new NotFoundError('Cluster change');
    const now = isoNow(this.context.clock);
    await this.context.store.transaction(async (tx) => {
      if (!(await tx.linkage.markChangeUndone(change.id, actor.kind === 'user' ? actor.userId : null, now))) throw new ConflictError('This change has already been undone');
      const ids = idsOf(change);
      const current = await tx.linkage.membership(ids);
      const back = ids.filter((id) => current.get(id) === change.to_cluster_id);
      await this.move(tx, back, change.to_cluster_id, change.from_cluster_id, `undo-${change.kind}`, change.id, now);
      await recordAudit(tx, actor, now, {
        action: `linkage.${change.kind}.undo`, subjectType: 'person-cluster', subjectId: change.from_cluster_id, subjectOrganisationId: null,
        details: { changeId: change.id, movedBack: back.length, notMovedBack: ids.length - back.length },
      });
    });
    return { ...change, undone_at: now, undone_by: actor.kind === 'user' ? actor.userId : null };
  }

  async cluster(actor: Actor, clusterId: string): Promise<ClusterDetail> {
    const scope = this.authorise(actor);
    const linkage = this.context.store.repositories.linkage;
    const cluster = await linkage.findCluster(clusterId);
    if (cluster === undefined) throw new NotFoundError('Cluster');
    const members = await linkage.clusterMembers(clusterId, scope);
    await this.context.store.transaction((tx) => recordAudit(tx, actor, isoNow(this.context.clock), {
      action: 'linkage.cluster.read', subjectType: 'person-cluster', subjectId: clusterId, subjectOrganisationId: null, details: { members: members.length },
    }));
    return { cluster, members, changes: await linkage.changesOfCluster(clusterId), moves: await linkage.movesOfCluster(clusterId, 100) };
  }

  private async move(tx: Repositories, personIds: readonly string[], from: string, to: string, cause: string, causeId: string, now: string): Promise<void> {
    await tx.linkage.setMembership(personIds.map((id) => ({ person_found_id: id, cluster_id: to, updated_at: now })));
    await tx.linkage.insertMoves(personIds.map((id) => ({ id: newId(), person_found_id: id, from_cluster_id: from, to_cluster_id: to, cause, cause_id: causeId, moved_at: now })));
    await tx.linkage.refreshMemberCounts([from, to], now);
  }
}
