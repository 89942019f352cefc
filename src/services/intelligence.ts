// Intelligence reports: submitted graded under the organisation's scheme, read according to the
// handling code, re-graded or sanitised by a supervisor with every version kept, shared under
// conditions only with a recorded authorisation. The text is sealed at rest. A report the actor
// may not read is "not found", exactly like a report that does not exist.
import type { Actor } from '../access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../access/errors.ts';
import { canReadForceRecords } from '../access/policies/enforcementRecords.ts';
import { canReadReport, canReviewReport, canSetGradingScheme, canUseIntelligence } from '../access/policies/intelligence.ts';
import { describeGrade, formatGrade, gradeFromStorage, gradeToStorage, parseGrade, type Grade } from '../domain/intelligence/grade.ts';
import { disseminationOf, requiresRecordedAuthorisation } from '../domain/intelligence/handling.ts';
import { gradingSchemeIds, type GradingScheme } from '../domain/intelligence/schemes.ts';
import { fullDate, type DateParts } from '../domain/recording/enteredValues.ts';
import { isEntityType, isRelationshipType, nameEntity, type NamedEntity } from '../domain/network/entities.ts';
import { newId } from '../store/ids.ts';
import type { IntelligenceDisseminationRow, IntelligenceEntityRow, IntelligenceLinkRow, IntelligenceReportRow } from '../store/schema.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';

/** Organisations that have not chosen use the College of Policing scheme, current since about 2016. */
export const DEFAULT_GRADING_SCHEME: GradingScheme = '3x5x2';
export const MAX_REPORT_LENGTH = 20_000;

export interface EntityMentionInput {
  /** An entity type, or empty for an unused row. */
  type: string;
  /** What the report names: the number, registration, name, address, account, identifier. */
  value: string;
  /** The second box: an advert's site, an account's bank, an address's postcode. */
  detail: string;
  /** Picked from the records instead: a premises or person-found id the officer may read. */
  recordId: string;
}

export interface LinkInput {
  /** 1-based positions in the entity list. */
  from: string;
  relationship: string;
  to: string;
}

export interface ReportInput {
  text: string;
  source: string;
  intelligence: string;
  handling: string;
  refersTo: DateParts;
  entities: EntityMentionInput[];
  links: LinkInput[];
}

export interface ReportSummary {
  id: string;
  organisationId: string;
  grade: Grade;
  gradeText: string;
  refersToOn: string;
  createdAt: string;
  sanitised: boolean;
  version: number;
}

export interface ReportDetail extends ReportSummary {
  text: string;
  description: ReturnType<typeof describeGrade>;
  entities: IntelligenceEntityRow[];
  links: IntelligenceLinkRow[];
  /** Earlier texts are only shown to the originating organisation: a sanitised report is shared to hide them. */
  versions: Array<{ version: number; change: string; gradeText: string; reason: string; changedBy: string | null; changedAt: string; text: string | null }>;
  disseminations: IntelligenceDisseminationRow[];
  canReview: boolean;
  needsAuthorisationToShare: boolean;
  staysInOriginatingAgency: boolean;
}

/** A report the actor may read, for the network: its grade and what it names. */
export interface ReadableReport {
  row: IntelligenceReportRow;
  grade: Grade;
}

function storedGrade(stored: string): Grade {
  const parsed = gradeFromStorage(stored);
  if (!parsed.ok) throw new Error(`Stored grade is unreadable: ${parsed.problem}`);
  return parsed.grade;
}

function summaryOf(row: IntelligenceReportRow): ReportSummary {
  const grade = storedGrade(row.grade);
  return {
    id: row.id, organisationId: row.organisation_id, grade, gradeText: formatGrade(grade), refersToOn: row.refers_to_on, createdAt: row.created_at,
    sanitised: row.sanitised === 1, version: row.version,
  };
}

export class IntelligenceService {
  constructor(private readonly context: ServiceContext) {}

  private get repository() {
    return this.context.store.repositories.intelligence;
  }

  async gradingSchemeOf(organisationId: string): Promise<GradingScheme> {
    const stored = await this.repository.gradingScheme(organisationId);
    return stored === '5x5x5' || stored === '3x5x2' ? stored : DEFAULT_GRADING_SCHEME;
  }

  async setGradingScheme(actor: Actor, organisationId: string, scheme: string): Promise<void> {
    if (!canSetGradingScheme(actor, organisationId)) throw new ForbiddenError();
    if (!(gradingSchemeIds as readonly string[]).includes(scheme)) throw new ValidationError([{ field: 'scheme', message: 'Choose 5x5x5 or 3x5x2' }]);
    const at = isoNow(this.context.clock);
    await this.context.store.transaction(async (tx) => {
      await tx.intelligence.setGradingScheme(organisationId, scheme, at);
      await recordAudit(tx, actor, at, { action: 'intelligence.grading-scheme.set', subjectType: 'organisation', subjectId: organisationId, subjectOrganisationId: organisationId, details: { scheme } });
    });
  }

  private requireUse(actor: Actor): void {
    if (!canUseIntelligence(actor)) throw new ForbiddenError('Your role does not include intelligence reports');
  }

  private organisationOf(actor: Actor): string {
    if (actor.kind !== 'user') throw new ForbiddenError('Intelligence is submitted by a person of an organisation');
    return actor.organisationId;
  }

  async submit(actor: Actor, input: ReportInput): Promise<ReportSummary> {
    this.requireUse(actor);
    const organisationId = this.organisationOf(actor);
    const scheme = await this.gradingSchemeOf(organisationId);
    const errors: FieldError[] = [];
    const text = input.text.trim();
    if (text === '') errors.push({ field: 'text', message: 'Enter the intelligence' });
    else if (text.length > MAX_REPORT_LENGTH) errors.push({ field: 'text', message: `The intelligence must be ${MAX_REPORT_LENGTH} characters or fewer` });
    const grade = this.gradeFrom(scheme, input, errors);
    const refersTo = fullDate(input.refersTo);
    if (refersTo === null) errors.push({ field: 'refersTo', message: 'Enter the date the intelligence refers to, for example 27 3 2007' });
    const named = await this.entitiesFrom(actor, organisationId, input.entities, errors);
    const links = this.linksFrom(input.links, named, errors);
    if (errors.length > 0 || grade === null || refersTo === null) throw new ValidationError(errors);

    const at = isoNow(this.context.clock);
    const id = newId();
    const sealed = this.context.fieldCipher.seal(text);
    const stored = gradeToStorage(grade);
    const row: IntelligenceReportRow = {
      id, organisation_id: organisationId, text_sealed: sealed, grade: stored, refers_to_on: refersTo, version: 1, sanitised: 0,
      created_by: actor.kind === 'user' ? actor.userId : null, created_at: at, updated_at: at,
    };
    const entityRows: IntelligenceEntityRow[] = named.map((entity, position) => ({
      id: newId(), report_id: id, position, entity_type: entity.type, entity_key: entity.key, label: entity.label, written: entity.written, properties: JSON.stringify(entity.properties),
    }));
    const linkRows: IntelligenceLinkRow[] = links.map((link) => ({ id: newId(), report_id: id, from_key: link.from, to_key: link.to, relationship: link.relationship, observed_on: refersTo }));
    await this.context.store.transaction(async (tx) => {
      await tx.intelligence.insertReport(row, {
        id: newId(), report_id: id, version: 1, change: 'submitted', grade: stored, text_sealed: sealed, reason: '', changed_by: row.created_by, changed_at: at,
      }, entityRows, linkRows);
      await recordAudit(tx, actor, at, {
        action: 'intelligence-report.submit', subjectType: 'intelligence-report', subjectId: id, subjectOrganisationId: organisationId,
        details: { grade: stored, entities: entityRows.length, links: linkRows.length },
      });
    });
    return summaryOf(row);
  }

  private gradeFrom(scheme: GradingScheme, codes: { source: string; intelligence: string; handling: string }, errors: FieldError[]): Grade | null {
    const missing = (['source', 'intelligence', 'handling'] as const).filter((part) => codes[part].trim() === '');
    const words = { source: 'source evaluation', intelligence: 'intelligence assessment', handling: 'handling code' };
    for (const part of missing) errors.push({ field: part, message: `Choose the ${words[part]}` });
    if (missing.length > 0) return null;
    const parsed = parseGrade(`${codes.source}${codes.intelligence}${codes.handling}`, scheme);
    if (!parsed.ok) {
      errors.push({ field: 'source', message: parsed.problem });
      return null;
    }
    return parsed.grade;
  }

  private async entitiesFrom(actor: Actor, organisationId: string, inputs: readonly EntityMentionInput[], errors: FieldError[]): Promise<NamedEntity[]> {
    const named: NamedEntity[] = [];
    const repositories = this.context.store.repositories;
    for (const [index, input] of inputs.entries()) {
      const field = `entity-${index + 1}`;
      if (input.type === '' && input.value.trim() === '' && input.recordId.trim() === '') continue;
      if (!isEntityType(input.type)) {
        errors.push({ field, message: `Choose what kind of thing entity ${index + 1} is` });
        continue;
      }
      const recordId = input.recordId.trim();
      if (recordId !== '') {
        // Picked from the records: a record the actor may not read is refused like a missing one.
        if (input.type === 'premises') {
          const premises = await repositories.premises.findById(recordId);
          if (premises === undefined || !canReadForceRecords(actor, premises.organisation_id)) errors.push({ field, message: `Premises record ${recordId} was not found` });
          else named.push({ type: 'premises', key: `premises:${premises.id}`, label: `${premises.town} ${premises.postcode}`, written: recordId, properties: { postalCode: premises.postcode, city: premises.town } });
        } else if (input.type === 'person') {
          const person = await repositories.peopleFound.findById(recordId);
          if (person === undefined || !canReadForceRecords(actor, person.organisation_id)) errors.push({ field, message: `Person record ${recordId} was not found` });
          else named.push({ type: 'person', key: `person:${person.id}`, label: person.full_name, written: recordId, properties: { name: person.full_name } });
        } else {
          errors.push({ field, message: 'Only premises and people can be picked from the records; type the others' });
        }
        continue;
      }
      const result = nameEntity(input.type, input.value, input.detail, organisationId);
      if (!result.ok) errors.push({ field, message: `Entity ${index + 1}: ${result.problem}` });
      else named.push(result.entity);
    }
    return named;
  }

  private linksFrom(inputs: readonly LinkInput[], named: readonly NamedEntity[], errors: FieldError[]): Array<{ from: string; to: string; relationship: string }> {
    const links: Array<{ from: string; to: string; relationship: string }> = [];
    for (const [index, input] of inputs.entries()) {
      if (input.from === '' && input.to === '' && input.relationship === '') continue;
      const field = `link-${index + 1}`;
      const from = named[Number(input.from) - 1];
      const to = named[Number(input.to) - 1];
      if (!isRelationshipType(input.relationship)) errors.push({ field, message: `Choose the relationship of link ${index + 1}` });
      else if (from === undefined || to === undefined || from.key === to.key) errors.push({ field, message: `Link ${index + 1} must join two different entities of this report, by their numbers` });
      else links.push({ from: from.key, to: to.key, relationship: input.relationship });
    }
    return links;
  }

  /** Every report the actor may read, newest first. */
  async readable(actor: Actor): Promise<ReadableReport[]> {
    this.requireUse(actor);
    const authorised = await this.repository.authorisedOrganisations();
    const rows = await this.repository.all();
    return rows
      .map((row) => ({ row, grade: storedGrade(row.grade) }))
      .filter(({ row, grade }) => canReadReport(actor, { organisationId: row.organisation_id, grade, authorisedOrganisationIds: authorised.get(row.id) ?? [] }));
  }

  async list(actor: Actor): Promise<ReportSummary[]> {
    return (await this.readable(actor)).map(({ row }) => summaryOf(row));
  }

  private async readableRow(actor: Actor, id: string): Promise<IntelligenceReportRow> {
    this.requireUse(actor);
    const row = await this.repository.findById(id);
    if (row === undefined) throw new NotFoundError('Intelligence report');
    const disseminations = await this.repository.disseminations(id);
    const facts = { organisationId: row.organisation_id, grade: storedGrade(row.grade), authorisedOrganisationIds: disseminations.map((d) => d.recipient_organisation_id) };
    if (!canReadReport(actor, facts)) throw new NotFoundError('Intelligence report');
    return row;
  }

  /** The report in full. Every read is audited: it is intelligence about people. */
  async get(actor: Actor, id: string): Promise<ReportDetail> {
    const row = await this.readableRow(actor, id);
    const originating = actor.kind === 'system' || actor.organisationId === row.organisation_id;
    const [entities, links, versions, disseminations] = await Promise.all([
      this.repository.entities([id]), this.repository.links([id]), this.repository.versions(id), this.repository.disseminations(id),
    ]);
    await this.context.store.transaction((tx) => recordAudit(tx, actor, isoNow(this.context.clock), {
      action: 'intelligence-report.read', subjectType: 'intelligence-report', subjectId: id, subjectOrganisationId: row.organisation_id,
    }));
    const summary = summaryOf(row);
    return {
      ...summary,
      text: this.context.fieldCipher.open(row.text_sealed),
      description: describeGrade(summary.grade),
      entities, links,
      versions: versions.map((v) => ({
        version: v.version, change: v.change, gradeText: formatGrade(storedGrade(v.grade)), reason: v.reason, changedBy: v.changed_by, changedAt: v.changed_at,
        text: originating ? this.context.fieldCipher.open(v.text_sealed) : null,
      })),
      disseminations: originating ? disseminations : disseminations.filter((d) => actor.kind === 'user' && d.recipient_organisation_id === actor.organisationId),
      canReview: canReviewReport(actor, row.organisation_id),
      needsAuthorisationToShare: requiresRecordedAuthorisation(summary.grade),
      staysInOriginatingAgency: disseminationOf(summary.grade) === 'originating-agency-only',
    };
  }

  /** A supervisor changes the grade (in the report's own scheme); the earlier grade stays in the history. */
  async regrade(actor: Actor, id: string, input: { source: string; intelligence: string; handling: string; reason: string }): Promise<ReportSummary> {
    const row = await this.readableRow(actor, id);
    if (!canReviewReport(actor, row.organisation_id)) throw new ForbiddenError('Only a supervisor of the originating organisation can re-grade a report');
    const errors: FieldError[] = [];
    const grade = this.gradeFrom(storedGrade(row.grade).scheme, input, errors);
    if (input.reason.trim() === '') errors.push({ field: 'reason', message: 'Enter why the grade changes' });
    if (errors.length > 0 || grade === null) throw new ValidationError(errors);
    return this.newVersion(actor, row, 'regraded', gradeToStorage(grade), row.text_sealed, row.sanitised, input.reason.trim());
  }

  /** A supervisor replaces the text with a sanitised one before sharing; the original is kept in the history. */
  async sanitise(actor: Actor, id: string, input: { text: string; reason: string }): Promise<ReportSummary> {
    const row = await this.readableRow(actor, id);
    if (!canReviewReport(actor, row.organisation_id)) throw new ForbiddenError('Only a supervisor of the originating organisation can sanitise a report');
    const errors: FieldError[] = [];
    const text = input.text.trim();
    if (text === '') errors.push({ field: 'sanitisedText', message: 'Enter the sanitised text' });
    else if (text.length > MAX_REPORT_LENGTH) errors.push({ field: 'sanitisedText', message: `The text must be ${MAX_REPORT_LENGTH} characters or fewer` });
    if (input.reason.trim() === '') errors.push({ field: 'sanitiseReason', message: 'Enter why the report is sanitised' });
    if (errors.length > 0) throw new ValidationError(errors);
    return this.newVersion(actor, row, 'sanitised', row.grade, this.context.fieldCipher.seal(text), 1, input.reason.trim());
  }

  private async newVersion(actor: Actor, row: IntelligenceReportRow, change: 'regraded' | 'sanitised', grade: string, sealed: string, sanitised: number, reason: string): Promise<ReportSummary> {
    const at = isoNow(this.context.clock);
    const version = row.version + 1;
    const changedBy = actor.kind === 'user' ? actor.userId : null;
    await this.context.store.transaction(async (tx) => {
      await tx.intelligence.updateReport(row.id, { grade, text_sealed: sealed, version, sanitised, updated_at: at }, {
        id: newId(), report_id: row.id, version, change, grade, text_sealed: sealed, reason, changed_by: changedBy, changed_at: at,
      });
      await recordAudit(tx, actor, at, {
        action: `intelligence-report.${change === 'regraded' ? 'regrade' : 'sanitise'}`, subjectType: 'intelligence-report', subjectId: row.id,
        subjectOrganisationId: row.organisation_id, details: { version, previousGrade: row.grade, grade },
      });
    });
    return summaryOf({ ...row, grade, text_sealed: sealed, version, sanitised, updated_at: at });
  }

  /**
   * Records the authorisation to share a report with one organisation, with its conditions.
   * Only for handling codes that allow sharing under conditions; "originating agency only" never leaves.
   */
  async authoriseDissemination(actor: Actor, id: string, input: { recipientOrganisationId: string; conditions: string }): Promise<IntelligenceDisseminationRow> {
    const row = await this.readableRow(actor, id);
    if (!canReviewReport(actor, row.organisation_id)) throw new ForbiddenError('Only a supervisor of the originating organisation can authorise sharing');
    const grade = storedGrade(row.grade);
    const errors: FieldError[] = [];
    if (disseminationOf(grade) === 'originating-agency-only') errors.push({ field: 'recipientOrganisationId', message: `Handling code ${grade.handling} keeps this report within the originating agency: re-grade it first if it must be shared` });
    else if (!requiresRecordedAuthorisation(grade)) errors.push({ field: 'recipientOrganisationId', message: `Handling code ${grade.handling} already allows sharing with law enforcement; no authorisation is needed` });
    const recipient = input.recipientOrganisationId.trim() === '' ? undefined : await this.context.store.repositories.organisations.findById(input.recipientOrganisationId.trim());
    if (recipient === undefined) errors.push({ field: 'recipientOrganisationId', message: 'Choose the organisation to share with' });
    if (input.conditions.trim() === '') errors.push({ field: 'conditions', message: 'Enter the conditions of sharing (or "none")' });
    if (errors.length > 0 || recipient === undefined) throw new ValidationError(errors);
    const at = isoNow(this.context.clock);
    const dissemination: IntelligenceDisseminationRow = {
      id: newId(), report_id: row.id, recipient_organisation_id: recipient.id, conditions: input.conditions.trim(),
      authorised_by: actor.kind === 'user' ? actor.userId : null, authorised_at: at,
    };
    await this.context.store.transaction(async (tx) => {
      await tx.intelligence.insertDissemination(dissemination);
      await recordAudit(tx, actor, at, {
        action: 'intelligence-report.authorise-dissemination', subjectType: 'intelligence-report', subjectId: row.id, subjectOrganisationId: row.organisation_id,
        details: { recipientOrganisationId: recipient.id, grade: row.grade },
      });
    });
    return dissemination;
  }
}
