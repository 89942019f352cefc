// Editing what a force recorded. The same officers and supervisors who record for a force edit its
// records, under the same rules as when they were made. Every edit names the version it was based
// on (the record's `updated_at` when the form was opened): if the record has moved on since, the
// save is refused and nothing is overwritten. Each edit is audited with the fields it changed, and
// a second post of the same edit form (same submission id) changes nothing more.
import type { Actor } from '../access/actor.ts';
import { ConflictError, NotFoundError, ValidationError } from '../access/errors.ts';
import { canRecordFor } from '../access/policies/enforcementRecords.ts';
import { isJurisdiction, type Jurisdiction } from '../domain/calendar/jurisdiction.ts';
import { nameSearchText } from '../domain/nameSearch.ts';
import { offencesIn } from '../domain/vocabularies/offences.ts';
import type { ArrestRow, ChargeRow, PersonFoundRow, PremisesRow, SeizedAssetRow, VisitRow } from '../store/schema.ts';
import type { Repositories } from '../store/store.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';
import type { ArrestInput, ChargeInput, EnforcementRecordingService, PersonFoundInput, PremisesInput, SeizedAssetInput, VisitInput } from './enforcementRecording.ts';
import { validateArrest, validateCharge, validatePersonFound, validatePremises, validateSeizedAsset, validateVisit } from './enforcementRecordingRules.ts';
import { changedFields, nextUpdatedAt, type FieldChange } from './recordChanges.ts';

export type EditableRecordType = 'premises' | 'visit' | 'person-found' | 'arrest' | 'charge' | 'seized-asset';

/** The version an edit was based on, and the submission id that makes a second post harmless. */
export interface EditBasis {
  version: string;
  submissionId?: string;
}

export class StaleRecordError extends ConflictError {
  constructor() {
    super('This record was changed by someone else after you opened it. Your changes have not been saved: open the record again to see the latest version, then make your changes.');
    this.name = 'StaleRecordError';
  }
}

/** The version of a record as an edit form or the API carries it. */
export function versionOf(row: { updated_at: string | null; created_at: string }): string {
  return row.updated_at ?? row.created_at;
}

const SUBMISSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PERSONAL_FIELDS = new Set(['fullName', 'givenNames', 'familyName', 'aliases', 'dateOfBirth', 'estimatedAge', 'languages', 'identityDocuments', 'phoneNumbers', 'account', 'interpreterLanguage']);

interface Edited<T> {
  row: T;
  organisationId: string;
  changes: FieldChange[];
}

export class EnforcementEditingService {
  constructor(private readonly context: ServiceContext, private readonly recording: EnforcementRecordingService) {}

  private now(): string {
    return isoNow(this.context.clock);
  }

  private async jurisdictionOf(repositories: Repositories, forceId: string): Promise<Jurisdiction> {
    const organisation = await repositories.organisations.findById(forceId);
    return organisation !== undefined && isJurisdiction(organisation.jurisdiction) ? organisation.jurisdiction : 'england-and-wales';
  }

  async seizedAssetForRecording(actor: Actor, assetId: string, repositories = this.context.store.repositories): Promise<SeizedAssetRow> {
    const asset = await repositories.visits.findSeizedAsset(assetId);
    if (asset === undefined || !canRecordFor(actor, asset.organisation_id)) throw new NotFoundError('Seized asset');
    await this.recording.visitForRecording(actor, asset.visit_id, repositories);
    return { ...asset, amount_minor: Number(asset.amount_minor) };
  }

  async editPremises(actor: Actor, premisesId: string, input: Omit<PremisesInput, 'forceId'>, basis: EditBasis): Promise<PremisesRow> {
    return this.edit('premises', premisesId, basis, (r) => this.recording.premisesForRecording(actor, premisesId, r), actor, async (repositories, current, now) => {
      const valid = validatePremises(input);
      const before = { premisesType: current.premises_type, name: current.name, addressLines: current.address_lines, town: current.town, postcode: current.postcode };
      const after = { premisesType: valid.premises_type, name: valid.name, addressLines: valid.address_lines, town: valid.town, postcode: valid.postcode };
      const changes = changedFields(before, after);
      const change = { ...valid, updated_at: nextUpdatedAt(current.updated_at, now) };
      if (changes.length > 0 && !(await repositories.premises.updateIfUnchanged(current.id, basis.version, change))) throw new StaleRecordError();
      return { row: changes.length > 0 ? { ...current, ...change } : current, organisationId: current.organisation_id, changes };
    });
  }

  async editVisit(actor: Actor, visitId: string, input: VisitInput, basis: EditBasis): Promise<VisitRow> {
    return this.edit('visit', visitId, basis, (r) => this.recording.visitForRecording(actor, visitId, r), actor, async (repositories, current, now) => {
      const operation = input.operationId === '' ? undefined : await repositories.operations.findById(input.operationId);
      const taking = operation === undefined ? false : (await repositories.operations.participantIds(operation.id)).includes(current.organisation_id);
      const valid = validateVisit(input, { operation, forceTakesPart: taking }, { now: this.context.clock() });
      const before = { operationId: current.operation_id, visitedAt: current.visited_at, warrant: Number(current.warrant), outcome: current.outcome, notes: current.notes };
      const after = { operationId: valid.operationId, visitedAt: valid.visitedAt, warrant: valid.warrant ? 1 : 0, outcome: valid.outcome, notes: valid.notes };
      const changes = changedFields(before, after, new Set(['notes']));
      const change = { operation_id: after.operationId, visited_at: after.visitedAt, warrant: after.warrant, outcome: after.outcome, notes: after.notes, updated_at: nextUpdatedAt(current.updated_at, now) };
      if (changes.length > 0 && !(await repositories.visits.updateIfUnchanged(current.id, basis.version, change))) throw new StaleRecordError();
      return { row: changes.length > 0 ? { ...current, ...change } : current, organisationId: current.organisation_id, changes };
    });
  }

  async editPersonFound(actor: Actor, personId: string, input: PersonFoundInput, basis: EditBasis): Promise<PersonFoundRow> {
    const find = async (repositories: Repositories) => {
      const person = await repositories.peopleFound.findById(personId);
      if (person === undefined || !canRecordFor(actor, person.organisation_id)) throw new NotFoundError('Person');
      return { ...person, possible_child: Number(person.possible_child), estimated_age: person.estimated_age === null ? null : Number(person.estimated_age) };
    };
    return this.edit('person-found', personId, basis, find, actor, async (repositories, current, now) => {
      const valid = validatePersonFound(input, { now: this.context.clock() });
      const after = {
        role: valid.role, fullName: valid.fullName, givenNames: valid.givenNames, familyName: valid.familyName, aliases: JSON.stringify(valid.aliases),
        dateOfBirth: valid.dateOfBirth, estimatedAge: valid.estimatedAge, sex: valid.sex, nationality: valid.nationality, languages: JSON.stringify(valid.languages),
        identityDocuments: JSON.stringify(valid.identityDocuments), phoneNumbers: JSON.stringify(valid.phoneNumbers), account: valid.account,
        exploitationType: valid.exploitationType, possibleChild: valid.possibleChild ? 1 : 0, consent: valid.consent, interpreterLanguage: valid.interpreterLanguage,
      };
      const before = {
        role: current.role, fullName: current.full_name, givenNames: current.given_names, familyName: current.family_name, aliases: current.aliases,
        dateOfBirth: current.date_of_birth, estimatedAge: current.estimated_age, sex: current.sex, nationality: current.nationality, languages: current.languages,
        identityDocuments: current.identity_documents, phoneNumbers: current.phone_numbers, account: current.account, exploitationType: current.exploitation_type,
        possibleChild: current.possible_child, consent: current.consent, interpreterLanguage: current.interpreter_language,
      };
      const changes = changedFields(before, after, PERSONAL_FIELDS);
      const change = {
        role: after.role, full_name: after.fullName, given_names: after.givenNames, family_name: after.familyName, aliases: after.aliases,
        name_search: nameSearchText([valid.fullName, `${valid.givenNames} ${valid.familyName}`, ...valid.aliases]),
        date_of_birth: after.dateOfBirth, estimated_age: after.estimatedAge, sex: after.sex, nationality: after.nationality, languages: after.languages,
        identity_documents: after.identityDocuments, phone_numbers: after.phoneNumbers, account: after.account, exploitation_type: after.exploitationType,
        possible_child: after.possibleChild, consent: after.consent, interpreter_language: after.interpreterLanguage, updated_at: nextUpdatedAt(current.updated_at, now),
      };
      if (changes.length > 0 && !(await repositories.peopleFound.updateIfUnchanged(current.id, basis.version, change))) throw new StaleRecordError();
      return { row: changes.length > 0 ? { ...current, ...change } : current, organisationId: current.organisation_id, changes };
    });
  }

  async editArrest(actor: Actor, arrestId: string, input: ArrestInput, basis: EditBasis): Promise<ArrestRow> {
    return this.edit('arrest', arrestId, basis, (r) => this.recording.arrestForRecording(actor, arrestId, r), actor, async (repositories, current, now) => {
      const visit = await repositories.visits.findById(current.visit_id);
      if (visit === undefined) throw new NotFoundError('Arrest');
      const offences = offencesIn(await this.jurisdictionOf(repositories, current.organisation_id)).map((o) => o.id);
      const valid = validateArrest(input, { visitedAt: visit.visited_at, offences }, { now: this.context.clock() });
      const changes = changedFields({ offence: current.offence, arrestedAt: current.arrested_at, place: current.place }, { offence: valid.offence, arrestedAt: valid.arrestedAt, place: valid.place });
      const change = { offence: valid.offence, arrested_at: valid.arrestedAt, place: valid.place, updated_at: nextUpdatedAt(current.updated_at, now) };
      if (changes.length > 0 && !(await repositories.arrests.updateIfUnchanged(current.id, basis.version, change))) throw new StaleRecordError();
      return { row: changes.length > 0 ? { ...current, ...change } : current, organisationId: current.organisation_id, changes };
    });
  }

  async editCharge(actor: Actor, chargeId: string, input: ChargeInput, basis: EditBasis): Promise<ChargeRow> {
    const find = async (repositories: Repositories) => {
      const { charge, arrest } = await this.recording.chargeForRecording(actor, chargeId, repositories);
      return { ...charge, sentence_months: charge.sentence_months === null ? null : Number(charge.sentence_months), arrest };
    };
    const edited = await this.edit('charge', chargeId, basis, find, actor, async (repositories, current, now) => {
      const offences = offencesIn(await this.jurisdictionOf(repositories, current.arrest.organisation_id)).map((o) => o.id);
      const valid = validateCharge(input, { arrestedAt: current.arrest.arrested_at, offences }, { now: this.context.clock() });
      const changes = changedFields(
        { offence: current.offence, chargedOn: current.charged_on, courtOutcome: current.court_outcome, sentenceMonths: current.sentence_months },
        { offence: valid.offence, chargedOn: valid.chargedOn, courtOutcome: valid.courtOutcome, sentenceMonths: valid.sentenceMonths },
      );
      const change = { offence: valid.offence, charged_on: valid.chargedOn, court_outcome: valid.courtOutcome, sentence_months: valid.sentenceMonths, updated_at: nextUpdatedAt(current.updated_at, now) };
      if (changes.length > 0 && !(await repositories.arrests.updateChargeIfUnchanged(current.id, basis.version, change))) throw new StaleRecordError();
      return { row: changes.length > 0 ? { ...current, ...change } : current, organisationId: current.arrest.organisation_id, changes };
    });
    const { arrest: _arrest, ...charge } = edited;
    return charge;
  }

  async editSeizedAsset(actor: Actor, assetId: string, input: SeizedAssetInput, basis: EditBasis): Promise<SeizedAssetRow> {
    return this.edit('seized-asset', assetId, basis, (r) => this.seizedAssetForRecording(actor, assetId, r), actor, async (repositories, current, now) => {
      const valid = validateSeizedAsset(input);
      const changes = changedFields(
        { assetType: current.asset_type, amountMinor: current.amount_minor, currency: current.currency, description: current.description },
        { assetType: valid.assetType, amountMinor: valid.amountMinor, currency: valid.currency, description: valid.description },
        new Set(['description']),
      );
      const change = { asset_type: valid.assetType, amount_minor: valid.amountMinor, currency: valid.currency, description: valid.description, updated_at: nextUpdatedAt(versionOf(current), now) };
      if (changes.length > 0 && !(await repositories.visits.updateSeizedAssetIfUnchanged(current.id, basis.version, change))) throw new StaleRecordError();
      return { row: changes.length > 0 ? { ...current, ...change } : current, organisationId: current.organisation_id, changes };
    });
  }

  /**
   * One edit, once. The record is found for the actor (another force's answers as missing), its
   * version compared with the one the edit was based on, and the change written only if the row
   * still has that version, in the same transaction as its audit event. A repeat of a submission id
   * that already saved this record returns the record as it is now and changes nothing.
   */
  private async edit<T extends { id: string; updated_at: string | null; created_at: string }>(
    recordType: EditableRecordType,
    recordId: string,
    basis: EditBasis,
    find: (repositories: Repositories) => Promise<T>,
    actor: Actor,
    apply: (repositories: Repositories, current: T & { updated_at: string }, now: string) => Promise<Edited<T>>,
  ): Promise<T> {
    const key = basis.submissionId === undefined || basis.submissionId === '' ? undefined : basis.submissionId;
    if (key !== undefined && !SUBMISSION_ID.test(key)) throw staleForm();
    const editKind = `${recordType}.edit`;
    const alreadySaved = async (): Promise<boolean> => {
      if (key === undefined) return false;
      const repositories = this.context.store.repositories;
      // The kind first, then the record: a row once written never changes, so a save landing between the two reads cannot mislead.
      const kind = await repositories.formSubmissions.recordTypeOf(key);
      if (kind === undefined) return false;
      if (kind !== editKind || (await repositories.formSubmissions.recordIdFor(key, editKind)) !== recordId) throw staleForm();
      return true;
    };
    if (await alreadySaved()) return find(this.context.store.repositories);
    const now = this.now();
    try {
      return await this.context.store.transaction(async (repositories) => {
        const found = await find(repositories);
        const current = { ...found, updated_at: versionOf(found) };
        if (basis.version !== current.updated_at) throw new StaleRecordError();
        const edited = await apply(repositories, current, now);
        if (edited.changes.length > 0) {
          await recordAudit(repositories, actor, now, {
            action: `${recordType}.edit`, subjectType: recordType, subjectId: recordId, subjectOrganisationId: edited.organisationId, details: { changes: edited.changes },
          });
        }
        if (key !== undefined) await repositories.formSubmissions.remember(key, editKind, recordId, now);
        return edited.row;
      });
    } catch (error) {
      // Two posts of one form racing: the loser finds the winner's save and returns the record.
      if (error instanceof StaleRecordError && (await alreadySaved().catch(() => false))) return find(this.context.store.repositories);
      throw error;
    }
  }
}

function staleForm(): ValidationError {
  return new ValidationError([{ field: 'submissionId', message: 'This form is out of date: reload the page and try again' }]);
}
