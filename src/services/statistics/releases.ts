// Releases of published statistics (issue 9). An analyst prepares a release of an operation's
// results: the figures are counted from the records and made safe (disclosure control) at once,
// and stored as the draft's content, which the analyst previews. A second analyst approves it:
// the content is frozen with its SHA-256 hash, dated and audited, and from then on it is what the
// public pages show. A mistake is put right by a correction, a new release that supersedes the
// old one once approved; the old one keeps its figures and says it was superseded.
import { createHash } from 'node:crypto';
import type { Actor } from '../../access/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../access/errors.ts';
import { canApproveStatisticsRelease, canManageStatisticsReleases } from '../../access/policies/statisticsReleases.ts';
import { newId } from '../../store/ids.ts';
import type { PublishedStatisticsReleaseRow, StatisticsReleaseRow } from '../../store/schema.ts';
import { recordAudit } from '../auditTrail.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { buildReleaseContent, type ReleaseContent } from './releaseContent.ts';

export type ReleaseStatus = 'draft' | 'approved' | 'superseded';

/** A release as the public sees it: no one's name or id. */
export interface PublishedRelease {
  id: string;
  status: 'approved' | 'superseded';
  title: string;
  content: ReleaseContent;
  contentHash: string;
  publishedOn: string;
  approvedAt: string;
  supersedesId: string | null;
  correctionReason: string | null;
  supersededById: string | null;
}

/** A release as the analysts see it. */
export interface StatisticsRelease extends Omit<PublishedRelease, 'status' | 'contentHash' | 'publishedOn' | 'approvedAt'> {
  status: ReleaseStatus;
  operationId: string;
  contentHash: string | null;
  publishedOn: string | null;
  approvedAt: string | null;
  preparedBy: string;
  preparedByName: string;
  preparedAt: string;
  approvedBy: string | null;
  approvedByName: string | null;
}

export interface PrepareInput {
  operationId: string;
  /** A correction: the approved release it replaces, and why. */
  supersedesId?: string;
  correctionReason?: string;
}

const SUBMISSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_REASON = 1000;

export function contentHashOf(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

function parseContent(text: string): ReleaseContent {
  return JSON.parse(text) as ReleaseContent;
}

/** A published release whose stored content no longer matches its hash is refused, never shown. */
function published(row: PublishedStatisticsReleaseRow): PublishedRelease {
  if (row.content_hash === null || contentHashOf(row.content) !== row.content_hash) throw new Error(`Published release ${row.id} does not match its content hash`);
  return {
    id: row.id, status: row.status === 'superseded' ? 'superseded' : 'approved', title: row.title, content: parseContent(row.content), contentHash: row.content_hash,
    publishedOn: row.published_on ?? '', approvedAt: row.approved_at ?? '', supersedesId: row.supersedes_id, correctionReason: row.correction_reason, supersededById: row.superseded_by_id,
  };
}

export class StatisticsReleaseService {
  constructor(private readonly context: ServiceContext) {}

  private assertAllowed(actor: Actor): void {
    if (!canManageStatisticsReleases(actor)) throw new ForbiddenError('Statistics releases are prepared and approved by the national centre’s analysts');
  }

  private async view(row: StatisticsReleaseRow): Promise<StatisticsRelease> {
    const users = this.context.store.repositories.users;
    const nameOf = async (id: string | null) => (id === null ? null : (await users.findById(id))?.display_name ?? id);
    return {
      id: row.id, status: row.status as ReleaseStatus, operationId: row.operation_id, title: row.title, content: parseContent(row.content), contentHash: row.content_hash,
      publishedOn: row.published_on, approvedAt: row.approved_at, supersedesId: row.supersedes_id, correctionReason: row.correction_reason, supersededById: row.superseded_by_id,
      preparedBy: row.prepared_by, preparedByName: (await nameOf(row.prepared_by)) ?? row.prepared_by, preparedAt: row.prepared_at,
      approvedBy: row.approved_by, approvedByName: await nameOf(row.approved_by),
    };
  }

  async operations(actor: Actor): Promise<Array<{ id: string; name: string; code: string }>> {
    this.assertAllowed(actor);
    return (await this.context.store.repositories.operations.list()).map((o) => ({ id: o.id, name: o.name, code: o.code }));
  }

  async list(actor: Actor, limit = 50): Promise<StatisticsRelease[]> {
    this.assertAllowed(actor);
    return Promise.all((await this.context.store.repositories.statisticsReleases.list(limit)).map((row) => this.view(row)));
  }

  async get(actor: Actor, id: string): Promise<StatisticsRelease> {
    this.assertAllowed(actor);
    const row = await this.context.store.repositories.statisticsReleases.findById(id);
    if (row === undefined) throw new NotFoundError('Release');
    return this.view(row);
  }

  /** Counts the operation's results, applies disclosure control and keeps them as a draft. */
  async prepare(actor: Actor, input: PrepareInput, submissionId?: string): Promise<string> {
    this.assertAllowed(actor);
    if (actor.kind !== 'user') throw new ForbiddenError('A release is prepared by a person, who is named on it');
    const repositories = this.context.store.repositories;
    const key = submissionId === undefined || submissionId === '' ? undefined : submissionId;
    if (key !== undefined && !SUBMISSION_ID.test(key)) throw new ValidationError([{ field: 'submissionId', message: 'This form is out of date: reload the page and try again' }]);
    if (key !== undefined) {
      const earlier = await repositories.formSubmissions.recordIdFor(key, 'statistics-release');
      if (earlier !== undefined) return earlier;
    }
    const operation = input.operationId === '' ? undefined : await repositories.operations.findById(input.operationId);
    if (operation === undefined) throw new ValidationError([{ field: 'operationId', message: 'Choose the operation the release is about' }]);
    let supersedes: StatisticsReleaseRow | undefined;
    const reason = (input.correctionReason ?? '').trim();
    if (input.supersedesId !== undefined && input.supersedesId !== '') {
      supersedes = await repositories.statisticsReleases.findById(input.supersedesId);
      if (supersedes === undefined || supersedes.status !== 'approved' || supersedes.operation_id !== operation.id) {
        throw new ValidationError([{ field: 'supersedesId', message: 'Only the current approved release of this operation can be corrected' }]);
      }
      if (reason === '') throw new ValidationError([{ field: 'correctionReason', message: 'Say what the correction puts right' }]);
      if (reason.length > MAX_REASON) throw new ValidationError([{ field: 'correctionReason', message: `Say what the correction puts right in ${MAX_REASON} characters or fewer` }]);
    }
    const now = isoNow(this.context.clock);
    const [forceRows, months, organisations] = await Promise.all([
      repositories.operationResults.countFromRecords({ operationId: operation.id }),
      repositories.statisticsReleases.monthFigures(operation.id),
      repositories.organisations.list({ includeRetired: true }),
    ]);
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    const content = await buildReleaseContent({
      operation: { id: operation.id, code: operation.code, name: operation.name, startsOn: operation.starts_on, endsOn: operation.ends_on },
      countedAt: now,
      forces: forceRows.map((f) => ({ ...f, organisationName: names.get(f.organisationId) ?? f.organisationId })),
      months,
    });
    const id = newId();
    await this.context.store.transaction(async (tx) => {
      await tx.statisticsReleases.insert({
        id, operation_id: operation.id, status: 'draft', title: `${operation.name}: results${supersedes === undefined ? '' : ' (corrected)'}`,
        content: JSON.stringify(content), content_hash: null, supersedes_id: supersedes?.id ?? null, correction_reason: supersedes === undefined ? null : reason,
        superseded_by_id: null, prepared_by: actor.userId, prepared_at: now, approved_by: null, approved_at: null, published_on: null,
      });
      await recordAudit(tx, actor, now, {
        action: 'statistics-release.prepare', subjectType: 'statistics-release', subjectId: id, subjectOrganisationId: actor.organisationId,
        details: { operationId: operation.id, supersedesId: supersedes?.id ?? null },
      });
      if (key !== undefined) await tx.formSubmissions.remember(key, 'statistics-release', id, now);
    });
    return id;
  }

  /** Freezes a draft and publishes it. Approving an already approved release again changes nothing. */
  async approve(actor: Actor, id: string): Promise<StatisticsRelease> {
    this.assertAllowed(actor);
    const repositories = this.context.store.repositories;
    const row = await repositories.statisticsReleases.findById(id);
    if (row === undefined) throw new NotFoundError('Release');
    if (row.status !== 'draft') {
      if (actor.kind === 'user' && row.approved_by === actor.userId) return this.view(row);
      throw new ConflictError('This release is no longer a draft');
    }
    if (!canApproveStatisticsRelease(actor, row.prepared_by)) throw new ForbiddenError('A release is approved by an analyst other than the one who prepared it');
    if (actor.kind !== 'user') throw new ForbiddenError('A release is approved by a person, who is named on it');
    const now = isoNow(this.context.clock);
    const contentHash = contentHashOf(row.content);
    await this.context.store.transaction(async (tx) => {
      if (!(await tx.statisticsReleases.approve(id, { contentHash, approvedBy: actor.userId, approvedAt: now, publishedOn: now.slice(0, 10) }))) {
        throw new ConflictError('This release is no longer a draft');
      }
      if (row.supersedes_id !== null && !(await tx.statisticsReleases.supersede(row.supersedes_id, id))) {
        throw new ConflictError('The release this corrects has already been corrected');
      }
      await recordAudit(tx, actor, now, {
        action: 'statistics-release.approve', subjectType: 'statistics-release', subjectId: id, subjectOrganisationId: actor.organisationId,
        details: { operationId: row.operation_id, contentHash, supersedesId: row.supersedes_id },
      });
    });
    return this.get(actor, id);
  }

  /** Approved releases, newest first: the public surface's whole view of statistics. */
  async listPublished(): Promise<PublishedRelease[]> {
    return (await this.context.store.repositories.statisticsReleases.listPublished()).map(published);
  }

  async getPublished(id: string): Promise<PublishedRelease> {
    const row = await this.context.store.repositories.statisticsReleases.findPublished(id);
    if (row === undefined) throw new NotFoundError('Release');
    return published(row);
  }
}
