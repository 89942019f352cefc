// The triage queue of public reports on the staff side: who sees which reports, the outcomes a
// supervisor records (with a reason), links to enforcement records, all audited. What the
// reporter wrote is sealed in the store and opened only for someone who may triage the report;
// each opening is audited like any other read of a record about people.
import type { Actor } from '../access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../access/errors.ts';
import { canReadForceRecords } from '../access/policies/enforcementRecords.ts';
import { canReadConfidentialContact, canTriageReport, canUseTriage, triageableForces } from '../access/policies/publicReports.ts';
import type { AnswerValue } from '../public/report/validation.ts';
import { newId } from '../store/ids.ts';
import type { OrganisationRow, PublicReportRow } from '../store/schema.ts';
import type { Repositories } from '../store/store.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';

export const TRIAGE_OUTCOMES = ['passed-to-intelligence', 'visit-planned', 'no-further-action', 're-routed'] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];
export const TRIAGE_STATUSES = ['new', 'passed-to-intelligence', 'visit-planned', 'no-further-action'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];
export const LINKABLE_RECORDS = ['premises', 'visit'] as const;
export type LinkableRecord = (typeof LINKABLE_RECORDS)[number];

const REASON_MAX = 2000;
const CONTACT_FIELDS = ['contactName', 'contactPhone', 'contactEmail', 'safeTimes'];

export interface QueueQuery {
  /** 'open' (new, the default) or 'all'. */
  show?: 'open' | 'all';
  /** Only the reports nobody could place. */
  unplaced?: boolean;
  limit?: number;
  offset?: number;
}

export interface QueueItem {
  id: string;
  reference: string;
  receivedAt: string;
  status: string;
  danger: string;
  signs: string[];
  language: string;
  contactPreference: string;
  routedOrganisationId: string | null;
  routedOrganisationName: string | null;
  routingBasis: string | null;
  /** The reporter added information after the last triage decision. */
  newInformation: boolean;
  /** 'public' (the public form) or 'information-line' (an adviser's alert from a call). */
  source: string;
}

export interface ReportDetail extends QueueItem {
  answers: Record<string, AnswerValue>;
  /** A "confidential" reporter's details are held by the national centre, not shown to a force. */
  contactWithheld: boolean;
  additions: Array<{ id: string; receivedAt: string; language: string; information: string }>;
  outcomes: Array<{ id: string; outcome: string; reason: string; decidedAt: string; decidedBy: string; fromOrganisationName: string | null; toOrganisationName: string | null }>;
  links: Array<{ recordType: string; recordId: string; linkedAt: string }>;
}

export interface OutcomeInput { outcome: string; reason: string; toForceId?: string }
export interface LinkInput { recordType: string; recordId: string }

export class PublicReportTriageService {
  constructor(private readonly context: ServiceContext) {}

  private now(): string {
    return isoNow(this.context.clock);
  }

  private requireTriage(actor: Actor): void {
    if (!canUseTriage(actor)) throw new ForbiddenError('Only supervisors of a force and the national centre triage public reports');
  }

  private async organisationNames(): Promise<Map<string, OrganisationRow>> {
    const organisations = await this.context.store.repositories.organisations.list({ includeRetired: true });
    return new Map(organisations.map((o) => [o.id, o]));
  }

  /** A report the actor may not triage answers exactly like a missing one. */
  private async report(actor: Actor, reportId: string, repositories: Repositories = this.context.store.repositories): Promise<PublicReportRow> {
    this.requireTriage(actor);
    const report = await repositories.publicReports.findById(reportId);
    if (report === undefined || !canTriageReport(actor, report.routed_organisation_id)) throw new NotFoundError('Report');
    return report;
  }

  private item(row: PublicReportRow, organisations: Map<string, OrganisationRow>, lastDecisionAt: string | null): QueueItem {
    const signs: unknown = JSON.parse(row.signs);
    return {
      id: row.id, reference: row.reference, receivedAt: row.received_at, status: row.status, danger: row.danger,
      signs: Array.isArray(signs) ? signs.filter((s): s is string => typeof s === 'string') : [], language: row.language, contactPreference: row.contact_preference,
      routedOrganisationId: row.routed_organisation_id,
      routedOrganisationName: row.routed_organisation_id === null ? null : (organisations.get(row.routed_organisation_id)?.name ?? null),
      routingBasis: row.routing_basis,
      newInformation: row.last_addition_at !== null && (lastDecisionAt === null || row.last_addition_at > lastDecisionAt),
      source: row.source,
    };
  }

  async queue(actor: Actor, query: QueueQuery = {}): Promise<{ total: number; items: QueueItem[] }> {
    this.requireTriage(actor);
    const forces = triageableForces(actor);
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
    const listing = await this.context.store.repositories.publicReports.queue({
      organisationIds: forces, unplacedOnly: query.unplaced === true && forces === undefined,
      statuses: query.show === 'all' ? [] : ['new'], limit, offset: Math.max(query.offset ?? 0, 0),
    });
    const organisations = await this.organisationNames();
    return { total: listing.total, items: listing.rows.map((row) => this.item(row, organisations, null)) };
  }

  /** One report in full. Opening it is audited: it may describe people and where they live. */
  async get(actor: Actor, reportId: string): Promise<ReportDetail> {
    const report = await this.report(actor, reportId);
    const repositories = this.context.store.repositories.publicReports;
    const [additions, outcomes, links, organisations] = await Promise.all([
      repositories.additions(report.id), repositories.outcomes(report.id), repositories.links(report.id), this.organisationNames(),
    ]);
    const answers = JSON.parse(this.context.fieldCipher.open(report.answers)) as Record<string, AnswerValue>;
    const contactWithheld = report.contact_preference === 'confidential' && !canReadConfidentialContact(actor);
    if (contactWithheld) for (const field of CONTACT_FIELDS) delete answers[field];
    await this.context.store.transaction((tx) => recordAudit(tx, actor, this.now(), {
      action: 'public-report.read', subjectType: 'public-report', subjectId: report.id, subjectOrganisationId: report.routed_organisation_id, details: { contactWithheld },
    }));
    const names = new Map<string, string>();
    for (const outcome of outcomes) {
      if (!names.has(outcome.decided_by)) names.set(outcome.decided_by, (await this.context.store.repositories.users.findById(outcome.decided_by))?.display_name ?? 'Unknown');
    }
    const lastDecisionAt = outcomes.at(-1)?.decided_at ?? null;
    return {
      ...this.item(report, organisations, lastDecisionAt),
      answers, contactWithheld,
      additions: additions.map((a) => ({ id: a.id, receivedAt: a.received_at, language: a.language, information: this.context.fieldCipher.open(a.information) })),
      outcomes: outcomes.map((o) => ({
        id: o.id, outcome: o.outcome, reason: this.context.fieldCipher.open(o.reason), decidedAt: o.decided_at, decidedBy: names.get(o.decided_by) ?? 'Unknown',
        fromOrganisationName: o.from_organisation_id === null ? null : (organisations.get(o.from_organisation_id)?.name ?? null),
        toOrganisationName: o.to_organisation_id === null ? null : (organisations.get(o.to_organisation_id)?.name ?? null),
      })),
      links: links.map((l) => ({ recordType: l.record_type, recordId: l.record_id, linkedAt: l.linked_at })),
    };
  }

  /** The forces a report can be re-routed to. */
  async forces(actor: Actor): Promise<Array<{ id: string; name: string }>> {
    this.requireTriage(actor);
    const organisations = await this.context.store.repositories.organisations.list();
    return organisations.filter((o) => o.kind === 'police-force').map((o) => ({ id: o.id, name: o.name }));
  }

  /**
   * Records a triage decision with its reason. Re-routing moves the report to another force's
   * queue as new (the force that passed it on no longer sees it); any other outcome becomes the
   * report's status.
   */
  async recordOutcome(actor: Actor, reportId: string, input: OutcomeInput): Promise<void> {
    const now = this.now();
    await this.context.store.transaction(async (tx) => {
      const report = await this.report(actor, reportId, tx);
      const errors: FieldError[] = [];
      const outcome = (TRIAGE_OUTCOMES as readonly string[]).includes(input.outcome) ? (input.outcome as TriageOutcome) : undefined;
      if (outcome === undefined) errors.push({ field: 'outcome', message: 'Select an outcome' });
      if (input.reason.trim() === '') errors.push({ field: 'reason', message: 'Enter the reason for this outcome' });
      else if (input.reason.length > REASON_MAX) errors.push({ field: 'reason', message: `The reason must be ${REASON_MAX} characters or fewer` });
      let toForce: OrganisationRow | undefined;
      if (outcome === 're-routed') {
        toForce = input.toForceId === undefined || input.toForceId === '' ? undefined : await tx.organisations.findById(input.toForceId);
        if (toForce?.kind !== 'police-force' || toForce.retired_at !== null) errors.push({ field: 'toForceId', message: 'Select the force to send this report to' });
        else if (toForce.id === report.routed_organisation_id) errors.push({ field: 'toForceId', message: 'Select a force other than the one that has the report now' });
      }
      if (errors.length > 0 || outcome === undefined) throw new ValidationError(errors);
      await tx.publicReports.insertOutcome({
        id: newId(), report_id: report.id, outcome, reason: this.context.fieldCipher.seal(input.reason), from_organisation_id: report.routed_organisation_id,
        to_organisation_id: toForce?.id ?? null, decided_by: userIdOf(actor), decided_at: now,
      });
      const rerouted = outcome === 're-routed' && toForce !== undefined;
      await tx.publicReports.update(report.id, rerouted
        ? { status: 'new', routed_organisation_id: toForce?.id ?? null, routing_basis: 'triage', updated_at: now }
        : { status: outcome, updated_at: now });
      await recordAudit(tx, actor, now, {
        action: 'public-report.outcome', subjectType: 'public-report', subjectId: report.id, subjectOrganisationId: report.routed_organisation_id,
        details: { before: report.status, outcome, ...(rerouted ? { fromOrganisationId: report.routed_organisation_id, toOrganisationId: toForce?.id } : {}) },
      });
    });
  }

  /** Links a report to a premises or visit record the actor may read. */
  async link(actor: Actor, reportId: string, input: LinkInput): Promise<void> {
    const now = this.now();
    await this.context.store.transaction(async (tx) => {
      const report = await this.report(actor, reportId, tx);
      const recordType = (LINKABLE_RECORDS as readonly string[]).includes(input.recordType) ? (input.recordType as LinkableRecord) : undefined;
      if (recordType === undefined) throw new ValidationError([{ field: 'recordType', message: 'Select premises or visit' }]);
      const recordId = input.recordId.trim();
      const record = recordId === '' ? undefined : recordType === 'premises' ? await tx.premises.findById(recordId) : await tx.visits.findById(recordId);
      if (record === undefined || !canReadForceRecords(actor, record.organisation_id)) {
        throw new ValidationError([{ field: 'recordId', message: `Enter the ID of a ${recordType === 'premises' ? 'premises' : 'visit'} record you can see` }]);
      }
      const added = await tx.publicReports.insertLink({
        report_id: report.id, record_type: recordType, record_id: record.id, organisation_id: record.organisation_id,
        linked_by: userIdOf(actor), linked_at: now,
      });
      if (!added) return;
      await tx.publicReports.update(report.id, { updated_at: now });
      await recordAudit(tx, actor, now, {
        action: 'public-report.link', subjectType: 'public-report', subjectId: report.id, subjectOrganisationId: report.routed_organisation_id,
        details: { recordType, recordId: record.id, recordOrganisationId: record.organisation_id },
      });
    });
  }
}

/** Triage is a person's decision: the command line does not make one. */
function userIdOf(actor: Actor): string {
  if (actor.kind !== 'user') throw new ForbiddenError('Triage decisions are made by a signed-in person');
  return actor.userId;
}
