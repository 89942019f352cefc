// The hidden scale (issue 8): an analyst chooses the period, how organisations group into lists,
// the method and the linkage threshold; Lifeline de-duplicates the potential victims the analyst
// may see into people with the latest finished linkage run's stored clusters (pairs still awaiting
// review taken as one person at or above the threshold), counts them by the lists they are on and
// estimates how many no list met. The work
// runs as a background job in a worker thread; its row shows progress, then keeps everything
// needed to reproduce the figure, and who asked for it.
import type { Actor } from '../access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../access/errors.ts';
import { readableForces } from '../access/policies/enforcementRecords.ts';
import { canEstimateHiddenScale } from '../access/policies/hiddenScale.ts';
import { estimatePopulation, type CaptureTable, type EstimateMethod, type PopulationEstimate } from '../analysis/estimate/index.ts';
import { defaultForceList } from '../analysis/hiddenScale/forceRegions.ts';
import {
  COMPARISON_THRESHOLDS, ESTIMATE_METHODS, estimateOptions, type HiddenScaleInput, type HiddenScaleOutcome, type HiddenScaleStage, type ReviewPair,
} from '../analysis/hiddenScale/hiddenScale.ts';
import { runHiddenScaleInWorker } from '../analysis/hiddenScale/inWorker.ts';
import { ORGANISATION_KIND_LABELS, isOrganisationKind } from '../domain/organisationKinds.ts';
import { newId } from '../store/ids.ts';
import type { EnforcementScope } from '../store/repositories/enforcementScope.ts';
import type { PopulationEstimateSummaryRow } from '../store/repositories/populationEstimates.ts';
import type { LinkageRunRow } from '../store/schema.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { pairKey } from './linkage/clusterAssignment.ts';
import { latestDecisions } from './linkage/linkageRuns.ts';

export interface EstimateList {
  readonly name: string;
  readonly organisationIds: readonly string[];
}

/** Everything an estimate is asked with: stored as given, so it can be run again. */
export interface HiddenScaleRequest {
  /** Inclusive dates (YYYY-MM-DD) of the visits; null for no bound. */
  readonly from: string | null;
  readonly to: string | null;
  readonly lists: readonly EstimateList[];
  readonly method: EstimateMethod;
  /** The finished linkage run whose stored clusters de-duplicate the people. */
  readonly linkageRunId: string;
  /** Pairs of that run awaiting review at or above this match probability count as one person. */
  readonly threshold: number;
  readonly level: number;
  readonly seed: number;
  readonly bootstrapReplicates: number;
  readonly comparison: { readonly thresholds: readonly number[]; readonly methods: readonly EstimateMethod[] };
}

/** The form's input, as typed: one list name per organisation (blank leaves it out). */
export interface HiddenScaleForm {
  from?: string;
  to?: string;
  method?: string;
  threshold?: string;
  seed?: string;
  bootstrapReplicates?: string;
  /** List name by organisation id. */
  listOf?: Record<string, string>;
}

export interface ListChoice {
  organisationId: string;
  name: string;
  kind: string;
  /** Potential victims the organisation recorded in the period. */
  records: number;
  defaultList: string;
}

export interface SavedEstimate {
  id: string;
  status: 'running' | 'done' | 'failed';
  stage: string;
  progress: { done: number; total: number };
  request: HiddenScaleRequest;
  outcome: HiddenScaleOutcome | null;
  error: string | null;
  createdBy: string;
  /** Who made it, as their account names them. */
  createdByName: string;
  createdAt: string;
  finishedAt: string | null;
}

export type SavedEstimateSummary = Omit<SavedEstimate, 'outcome' | 'createdByName'> & { observed: number | null; estimate: number | null };

export const DEFAULT_THRESHOLD = 0.9;
export const DEFAULT_SEED = 20_240_101;
export const MAX_BOOTSTRAP_REPLICATES = 2000;
const MAX_LIST_NAME = 60;
/** Progress is written to the row at most this often (and at each change of stage). */
const PROGRESS_INTERVAL_MS = 300;

// JSON has no Infinity (an interval can be unbounded above): such numbers are written as tagged objects.
function encode(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { $number: String(v) } : v));
}

function decode<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === 'object' && v !== null && Object.keys(v).length === 1 && typeof (v as { $number?: unknown }).$number === 'string') return Number((v as { $number: string }).$number);
    return v;
  }) as T;
}

function isMethod(value: string): value is EstimateMethod {
  return (ESTIMATE_METHODS as readonly string[]).includes(value);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function validDate(text: string): boolean {
  return DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

/** The period's dates: each blank or a real date, the end not before the start. */
export function periodErrors(from: string, to: string): FieldError[] {
  const errors: FieldError[] = [];
  if (from !== '' && !validDate(from)) errors.push({ field: 'from', message: 'Enter the start of the period as a date, like 2006-02-01' });
  if (to !== '' && !validDate(to)) errors.push({ field: 'to', message: 'Enter the end of the period as a date, like 2008-04-30' });
  if (from !== '' && to !== '' && validDate(from) && validDate(to) && from > to) errors.push({ field: 'to', message: 'The end of the period must be on or after its start' });
  return errors;
}

/** The linkage an estimate made now would use: the latest finished run, or null when there is none. */
export interface LinkageBasis {
  runId: string;
  finishedAt: string;
  lowerThreshold: number;
  upperThreshold: number;
  records: number | null;
  clusters: number | null;
}

function basisOf(run: LinkageRunRow): LinkageBasis {
  return {
    runId: run.id, finishedAt: run.finished_at ?? run.started_at, lowerThreshold: run.lower_threshold, upperThreshold: run.upper_threshold,
    records: run.record_count, clusters: run.cluster_count,
  };
}

export interface HiddenScaleOptions {
  /** Thresholds and methods every estimate is compared across (stored with each estimate). */
  comparison?: HiddenScaleRequest['comparison'];
}

export class HiddenScaleService {
  /** Jobs run one at a time, in the order asked: each is seconds of CPU in its own worker. */
  private queue: Promise<void> = Promise.resolve();
  private readonly running = new Map<string, Promise<void>>();
  private readonly comparison: HiddenScaleRequest['comparison'];

  constructor(private readonly context: ServiceContext, options: HiddenScaleOptions = {}) {
    this.comparison = options.comparison ?? { thresholds: COMPARISON_THRESHOLDS, methods: ESTIMATE_METHODS };
  }

  private assertAllowed(actor: Actor): void {
    if (!canEstimateHiddenScale(actor)) throw new ForbiddenError('Estimating the hidden scale is for the national centre’s analysts');
  }

  /** The organisations whose potential victims the period holds, each with its default list. */
  async listChoices(actor: Actor, period: { from?: string; to?: string } = {}): Promise<ListChoice[]> {
    this.assertAllowed(actor);
    const scope: EnforcementScope = { organisationIds: readableForces(actor) };
    if (period.from !== undefined && validDate(period.from)) scope.from = period.from;
    if (period.to !== undefined && validDate(period.to)) scope.to = period.to;
    const counts = await this.context.store.repositories.populationEstimates.potentialVictimCounts(scope);
    const organisations = await this.context.store.repositories.organisations.list({ includeRetired: true });
    return organisations
      .filter((o) => (counts.get(o.id) ?? 0) > 0)
      .map((o) => ({
        organisationId: o.id, name: o.name, kind: o.kind, records: counts.get(o.id) ?? 0,
        // Police forces by region; other kinds of organisation (when they record people) one list per kind.
        defaultList: o.kind === 'police-force' ? defaultForceList(o.code, o.jurisdiction) : isOrganisationKind(o.kind) ? ORGANISATION_KIND_LABELS[o.kind] : o.kind,
      }))
      .sort((a, b) => a.defaultList.localeCompare(b.defaultList) || a.name.localeCompare(b.name));
  }

  /** The linkage run an estimate started now would de-duplicate people with. */
  async linkageBasis(actor: Actor): Promise<LinkageBasis | null> {
    this.assertAllowed(actor);
    const run = await this.context.store.repositories.linkage.latestFinishedRun();
    return run === undefined ? null : basisOf(run);
  }

  /** Checks the form and turns it into a request, or refuses it with a message per field. */
  async parseForm(actor: Actor, form: HiddenScaleForm): Promise<HiddenScaleRequest> {
    this.assertAllowed(actor);
    const from = (form.from ?? '').trim();
    const to = (form.to ?? '').trim();
    const errors: FieldError[] = periodErrors(from, to);
    const method = (form.method ?? '').trim();
    if (!isMethod(method)) errors.push({ field: 'method', message: 'Select how the model is chosen' });
    const basis = await this.linkageBasis(actor);
    const thresholdText = (form.threshold ?? '').trim();
    const threshold = Number(thresholdText);
    if (basis === null) {
      errors.push({ field: 'threshold', message: 'Run record linkage first: the estimate counts people by a finished linkage run’s clusters' });
    } else if (thresholdText === '' || !(threshold >= basis.lowerThreshold && threshold <= basis.upperThreshold)) {
      // Above the run's upper threshold its clusters would have to be split, and their pairs' weights are not kept.
      errors.push({ field: 'threshold', message: `Enter a linkage threshold from ${basis.lowerThreshold} to ${basis.upperThreshold}, the linkage run’s review range, like ${basis.upperThreshold}` });
    }
    const seedText = (form.seed ?? '').trim();
    const seed = seedText === '' ? DEFAULT_SEED : Number(seedText);
    if (!Number.isSafeInteger(seed) || seed < 0) errors.push({ field: 'seed', message: 'Enter the seed as a whole number of 0 or more' });
    const bootstrapText = (form.bootstrapReplicates ?? '').trim();
    const bootstrapReplicates = bootstrapText === '' ? 0 : Number(bootstrapText);
    if (!Number.isInteger(bootstrapReplicates) || bootstrapReplicates < 0 || bootstrapReplicates > MAX_BOOTSTRAP_REPLICATES) {
      errors.push({ field: 'bootstrapReplicates', message: `Enter the bootstrap replicates as a whole number from 0 to ${MAX_BOOTSTRAP_REPLICATES}` });
    } else if (bootstrapReplicates > 0 && method === 'lcmcr') {
      errors.push({ field: 'bootstrapReplicates', message: 'The Bayesian latent-class method gives its own credible interval: set the bootstrap replicates to 0' });
    }
    const lists = this.parseLists(form.listOf ?? {}, errors);
    const known = new Set((await this.context.store.repositories.organisations.list({ includeRetired: true })).map((o) => o.id));
    if (lists.some((l) => l.organisationIds.some((id) => !known.has(id)))) errors.push({ field: 'lists', message: 'The lists name an organisation that does not exist' });
    if (errors.length > 0 || !isMethod(method) || basis === null) throw new ValidationError(errors);
    const thresholds = this.comparison.thresholds.filter((t) => t >= basis.lowerThreshold && t <= basis.upperThreshold);
    return {
      from: from === '' ? null : from, to: to === '' ? null : to, lists, method, linkageRunId: basis.runId, threshold, level: 0.95, seed, bootstrapReplicates,
      comparison: { thresholds, methods: [...this.comparison.methods] },
    };
  }

  private parseLists(listOf: Record<string, string>, errors: FieldError[]): EstimateList[] {
    const byName = new Map<string, string[]>();
    let badName: string | undefined;
    for (const [organisationId, written] of Object.entries(listOf)) {
      const name = written.trim().replace(/\s+/g, ' ');
      if (name === '') continue;
      if (name.includes(':') || name.includes(',') || name.length > MAX_LIST_NAME) badName ??= name;
      byName.set(name, [...(byName.get(name) ?? []), organisationId]);
    }
    if (badName !== undefined) errors.push({ field: 'lists', message: `List names may not contain ":" or "," and have at most ${MAX_LIST_NAME} characters ("${badName.slice(0, MAX_LIST_NAME)}")` });
    else if (byName.size < 2) errors.push({ field: 'lists', message: 'Put the organisations into at least 2 lists: overlaps between lists are what the estimate rests on' });
    else if (byName.size > 12) errors.push({ field: 'lists', message: `Put the organisations into at most 12 lists (there are ${byName.size})` });
    return [...byName.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, organisationIds]) => ({ name, organisationIds: organisationIds.sort() }));
  }

  /** Starts an estimate in the background and returns its id; its page shows the progress. */
  async start(actor: Actor, request: HiddenScaleRequest): Promise<string> {
    this.assertAllowed(actor);
    if (actor.kind !== 'user') throw new ForbiddenError('An estimate is made by a person, who is named on it');
    const id = newId();
    const now = isoNow(this.context.clock);
    await this.context.store.transaction(async (repositories) => {
      await repositories.populationEstimates.insert({
        id, status: 'running', stage: 'queued', progress_done: 0, progress_total: 0, method: request.method, linkage_threshold: request.threshold,
        request: encode(request), outcome: null, observed: null, estimate: null, error: null,
        created_by: actor.userId, created_by_organisation_id: actor.organisationId, created_at: now, updated_at: now, finished_at: null,
      });
      await recordAudit(repositories, actor, now, {
        action: 'population-estimate.start', subjectType: 'population-estimate', subjectId: id, subjectOrganisationId: actor.organisationId,
        details: { method: request.method, linkageRunId: request.linkageRunId, threshold: request.threshold, lists: request.lists.length, from: request.from, to: request.to, seed: request.seed, bootstrapReplicates: request.bootstrapReplicates },
      });
    });
    const job = this.queue.then(() => this.run(actor, id, request));
    this.queue = job;
    this.running.set(id, job);
    void job.finally(() => this.running.delete(id));
    return id;
  }

  /** Resolves when the estimate's job has ended (at once when it is not running here). */
  async settled(id: string): Promise<void> {
    await this.running.get(id);
  }

  /** Waits for every job: the server waits for them before closing the database. */
  async drain(): Promise<void> {
    await Promise.all([...this.running.values()]);
  }

  private async run(actor: Actor, id: string, request: HiddenScaleRequest): Promise<void> {
    const repositories = this.context.store.repositories;
    let writes: Promise<void> = Promise.resolve();
    let lastStage = '';
    let lastWrite = 0;
    const progress = (stage: HiddenScaleStage | 'reading', done: number, total: number): void => {
      const now = Date.now();
      if (stage === lastStage && now - lastWrite < PROGRESS_INTERVAL_MS && done < total) return;
      lastStage = stage;
      lastWrite = now;
      writes = writes.then(() => repositories.populationEstimates.progress(id, stage, done, total, isoNow(this.context.clock)));
    };
    try {
      progress('reading', 0, 1);
      const input = await this.input(actor, request);
      progress('reading', 1, 1);
      const outcome = await runHiddenScaleInWorker(input, progress);
      await writes;
      const at = isoNow(this.context.clock);
      await this.context.store.transaction(async (tx) => {
        await tx.populationEstimates.finish(id, { outcome: encode(outcome), observed: outcome.estimate?.observed ?? null, estimate: outcome.estimate?.estimate ?? null, at });
        await recordAudit(tx, actor, at, {
          action: 'population-estimate.finish', subjectType: 'population-estimate', subjectId: id, subjectOrganisationId: actor.kind === 'user' ? actor.organisationId : null,
          details: { records: outcome.linkage.records, people: outcome.linkage.people, refused: outcome.refusal !== null },
        });
      });
    } catch (error) {
      await writes.catch(() => undefined);
      const at = isoNow(this.context.clock);
      // The message is the engine's or the database's, never personal data.
      const message = error instanceof Error ? error.message : String(error);
      await this.context.store.transaction(async (tx) => {
        await tx.populationEstimates.fail(id, message, at);
        await recordAudit(tx, actor, at, {
          action: 'population-estimate.finish', outcome: 'failure', subjectType: 'population-estimate', subjectId: id,
          subjectOrganisationId: actor.kind === 'user' ? actor.organisationId : null, details: { error: message.slice(0, 200) },
        });
      }).catch(() => undefined);
    }
  }

  /**
   * The potential victims of the organisations on the lists, in the period, that the actor may
   * read, with the saved linkage run's clusters and its pairs still awaiting review.
   */
  private async input(actor: Actor, request: HiddenScaleRequest): Promise<HiddenScaleInput> {
    const repositories = this.context.store.repositories;
    const run = await repositories.linkage.findRun(request.linkageRunId);
    if (run?.status !== 'finished') throw new ValidationError([{ field: 'threshold', message: 'The linkage run this estimate was asked with has not finished' }]);
    const listOfOrganisation = new Map<string, number>();
    request.lists.forEach((list, index) => list.organisationIds.forEach((id) => listOfOrganisation.set(id, index)));
    const readable = readableForces(actor);
    const onLists = [...listOfOrganisation.keys()].filter((id) => readable === undefined || readable.includes(id));
    const rows = onLists.length === 0 ? [] : await repositories.populationEstimates.potentialVictims({
      organisationIds: onLists, ...(request.from === null ? {} : { from: request.from }), ...(request.to === null ? {} : { to: request.to }),
    });
    const listOfRecord: Record<string, number> = {};
    for (const row of rows) listOfRecord[row.id] = listOfOrganisation.get(row.organisation_id) ?? -1;
    const awaitingReview = await this.awaitingReview(run.id);
    // The pairs' records outside the estimate still join the clusters either side of them.
    const clusterOf = await repositories.linkage.membership([...new Set([...rows.map((r) => r.id), ...awaitingReview.flatMap((p) => [p.left, p.right])])]);
    return {
      recordIds: rows.map((r) => r.id), listOfRecord, listNames: request.lists.map((l) => l.name), threshold: request.threshold, method: request.method,
      linkage: {
        runId: run.id, finishedAt: run.finished_at ?? run.started_at, lowerThreshold: run.lower_threshold, upperThreshold: run.upper_threshold,
        clusterOfRecord: Object.fromEntries(clusterOf), awaitingReview,
      },
      level: request.level, seed: request.seed, bootstrapReplicates: request.bootstrapReplicates, comparison: request.comparison,
    };
  }

  /**
   * The run's review pairs with no decision in force: a "same" already merged the clusters (unless
   * the merge was undone) and a "different" keeps them apart; "unsure" leaves the pair awaiting.
   */
  private async awaitingReview(runId: string): Promise<ReviewPair[]> {
    const linkage = this.context.store.repositories.linkage;
    const withdrawn = new Set((await linkage.changes()).filter((c) => c.undone_at !== null && c.decision_id !== null).map((c) => c.decision_id));
    const decided = latestDecisions(await linkage.decisions());
    return (await linkage.runPairs(runId))
      .filter((pair) => {
        const decision = decided.get(pairKey(pair.left_person_id, pair.right_person_id));
        return decision === undefined || decision.decision === 'unsure' || withdrawn.has(decision.id);
      })
      .map((pair) => ({ left: pair.left_person_id, right: pair.right_person_id, probability: pair.match_probability }));
  }

  async get(actor: Actor, id: string): Promise<SavedEstimate> {
    this.assertAllowed(actor);
    const row = await this.context.store.repositories.populationEstimates.findById(id);
    if (row === undefined) throw new NotFoundError('Estimate');
    const maker = await this.context.store.repositories.users.findById(row.created_by);
    const summary = summaryOf(row);
    return { ...summary, createdByName: maker?.display_name ?? row.created_by, outcome: row.outcome === null ? null : upgradeOutcome(decode<HiddenScaleOutcome>(row.outcome), summary.request) };
  }

  async list(actor: Actor, limit = 100): Promise<SavedEstimateSummary[]> {
    this.assertAllowed(actor);
    return (await this.context.store.repositories.populationEstimates.list(Math.min(Math.max(limit, 1), 500))).map(summaryOf);
  }

  /** Runs the engine again on the saved table with the saved method, parameters and seed. */
  async reproduce(actor: Actor, id: string): Promise<{ saved: PopulationEstimate; reproduced: PopulationEstimate; identical: boolean }> {
    const saved = await this.get(actor, id);
    const table: CaptureTable | null = saved.outcome?.table ?? null;
    const estimate = saved.outcome?.estimate ?? null;
    if (table === null || estimate === null) throw new NotFoundError('Estimate');
    const reproduced = await estimatePopulation(table, estimateOptions(saved.request));
    // Compared through the stored form, as the saved figure was stored.
    return { saved: estimate, reproduced: decode<PopulationEstimate>(encode(reproduced)), identical: encode(reproduced) === encode(estimate) };
  }
}

/**
 * Estimates saved before they used the stored linkage clusters linked their records afresh: they
 * keep their figures, and say so, in the shape estimates have now.
 */
function upgradeOutcome(outcome: HiddenScaleOutcome, request: HiddenScaleRequest): HiddenScaleOutcome {
  const linkage: Partial<HiddenScaleOutcome['linkage']> = outcome.linkage;
  if (typeof linkage.runId === 'string' && typeof outcome.methodNote === 'string') return outcome;
  return {
    ...outcome,
    methodNote: 'Made before estimates used the stored linkage clusters: its records were linked afresh for this estimate, at the threshold shown.',
    linkage: {
      runId: '', runFinishedAt: '', lowerThreshold: request.threshold, upperThreshold: request.threshold, threshold: request.threshold,
      records: linkage.records ?? 0, people: linkage.people ?? 0, unclusteredRecords: 0, awaitingReview: 0, linkedPairs: linkage.linkedPairs ?? 0,
    },
  };
}

function summaryOf(row: PopulationEstimateSummaryRow): SavedEstimateSummary {
  const request = decode<HiddenScaleRequest>(row.request);
  return {
    id: row.id, status: row.status === 'done' || row.status === 'failed' ? row.status : 'running', stage: row.stage,
    progress: { done: row.progress_done, total: row.progress_total }, request: { ...request, linkageRunId: typeof request.linkageRunId === 'string' ? request.linkageRunId : '' }, error: row.error,
    createdBy: row.created_by, createdAt: row.created_at, finishedAt: row.finished_at, observed: row.observed, estimate: row.estimate,
  };
}
