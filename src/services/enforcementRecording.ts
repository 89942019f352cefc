// Recording what a force did: premises, visits, the people found, arrests, charges and seizures.
// Only the force's own officers and supervisors record for it; a parent record of another force
// answers exactly like a missing one. Everything typed is kept as typed. A form carries a
// submission id, so a second post of the same form returns the record the first one made.
import type { Actor } from '../access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../access/errors.ts';
import { canRecordFor } from '../access/policies/enforcementRecords.ts';
import { isJurisdiction as isCalendarJurisdiction, type Jurisdiction } from '../domain/calendar/jurisdiction.ts';
import type { DateParts } from '../domain/recording/enteredValues.ts';
import { nameSearchText } from '../domain/nameSearch.ts';
import { offencesIn } from '../domain/vocabularies/offences.ts';
import { newId } from '../store/ids.ts';
import type { ArrestRow, ChargeRow, OperationRow, PersonFoundRow, PremisesRow, SeizedAssetRow, VisitRow } from '../store/schema.ts';
import type { Repositories } from '../store/store.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';
import {
  validateArrest, validateCharge, validateCourtOutcome, validatePersonFound, validatePremises, validateSeizedAsset, validateVisit,
  type RecordingLimits,
} from './enforcementRecordingRules.ts';

export interface PremisesInput {
  /** The force the premises belongs to; left out, the actor's own. */
  forceId?: string;
  premisesType: string;
  name: string;
  addressLines: string[];
  town: string;
  postcode: string;
}

export interface VisitInput {
  operationId: string;
  visitedOn: DateParts;
  visitedTime: string;
  /** 'yes' or 'no', as the radios post it. */
  warrant: string;
  outcome: string;
  notes: string;
}

export interface IdentityDocumentInput {
  kind: string;
  number: string;
  issuingCountry: string;
}

export interface PersonFoundInput {
  role: string;
  fullName: string;
  givenNames: string;
  familyName: string;
  aliases: string[];
  dateOfBirth: DateParts;
  estimatedAge: string;
  sex: string;
  nationality: string;
  languages: string[];
  identityDocuments: IdentityDocumentInput[];
  phoneNumbers: string[];
  account: string;
  exploitationType: string;
  /** 'yes' when the officer thinks the person may be under 18. */
  possibleChild: string;
  consent: string;
  interpreterLanguage: string;
}

export interface ArrestInput {
  offence: string;
  arrestedOn: DateParts;
  arrestedTime: string;
  place: string;
}

export interface ChargeInput {
  offence: string;
  chargedOn: DateParts;
  courtOutcome: string;
  sentenceMonths: string;
}

export interface CourtOutcomeInput {
  courtOutcome: string;
  sentenceMonths: string;
}

export interface SeizedAssetInput {
  assetType: string;
  amount: string;
  currency: string;
  description: string;
}

/** Where a recording form stands: the force it records for, and what the officer picks from. */
export interface RecordingForce {
  forceId: string;
  jurisdiction: Jurisdiction;
}

type RecordType = 'premises' | 'visit' | 'person-found' | 'arrest' | 'charge' | 'seized-asset';

const SUBMISSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class EnforcementRecordingService {
  constructor(private readonly context: ServiceContext) {}

  private now(): string {
    return isoNow(this.context.clock);
  }

  private limits(): RecordingLimits {
    return { now: this.context.clock() };
  }

  /** Anyone who is not an officer or supervisor of a force is refused outright. */
  private requireRecorder(actor: Actor): void {
    if (actor.kind === 'user' && !canRecordFor(actor, actor.organisationId)) throw new ForbiddenError('Only officers and supervisors of a police force record enforcement records');
  }

  private async force(repositories: Repositories, forceId: string): Promise<RecordingForce> {
    const organisation = await repositories.organisations.findById(forceId);
    if (organisation?.kind !== 'police-force') throw new NotFoundError('Force');
    // A UK-wide force (British Transport Police) charges under the law of England and Wales by default.
    return { forceId, jurisdiction: isCalendarJurisdiction(organisation.jurisdiction) ? organisation.jurisdiction : 'england-and-wales' };
  }

  // Parents of a new record, found for an actor who may record for their force, or not at all.

  async premisesForRecording(actor: Actor, premisesId: string, repositories = this.context.store.repositories): Promise<PremisesRow> {
    this.requireRecorder(actor);
    const premises = await repositories.premises.findById(premisesId);
    if (premises === undefined || !canRecordFor(actor, premises.organisation_id)) throw new NotFoundError('Premises');
    return premises;
  }

  async visitForRecording(actor: Actor, visitId: string, repositories = this.context.store.repositories): Promise<VisitRow> {
    this.requireRecorder(actor);
    const visit = await repositories.visits.findById(visitId);
    if (visit === undefined || !canRecordFor(actor, visit.organisation_id)) throw new NotFoundError('Visit');
    return { ...visit, warrant: Number(visit.warrant) };
  }

  /** The arrest and edit forms show the person: that is a read of a person's record, so it is audited. */
  async personForRecording(actor: Actor, personId: string, purpose: 'record-arrest' | 'edit' = 'record-arrest'): Promise<PersonFoundRow> {
    const person = await this.findPerson(actor, personId, this.context.store.repositories);
    await this.context.store.transaction((tx) => recordAudit(tx, actor, this.now(), {
      action: 'person-found.read', subjectType: 'person-found', subjectId: person.id, subjectOrganisationId: person.organisation_id, details: { purpose },
    }));
    return person;
  }

  private async findPerson(actor: Actor, personId: string, repositories: Repositories): Promise<PersonFoundRow> {
    this.requireRecorder(actor);
    const person = await repositories.peopleFound.findById(personId);
    if (person === undefined || !canRecordFor(actor, person.organisation_id)) throw new NotFoundError('Person');
    return { ...person, possible_child: Number(person.possible_child) };
  }

  async arrestForRecording(actor: Actor, arrestId: string, repositories = this.context.store.repositories): Promise<ArrestRow> {
    this.requireRecorder(actor);
    const arrest = await repositories.arrests.findById(arrestId);
    if (arrest === undefined || !canRecordFor(actor, arrest.organisation_id)) throw new NotFoundError('Arrest');
    return arrest;
  }

  async chargeForRecording(actor: Actor, chargeId: string, repositories = this.context.store.repositories): Promise<{ charge: ChargeRow; arrest: ArrestRow }> {
    this.requireRecorder(actor);
    const charge = await repositories.arrests.findCharge(chargeId);
    const arrest = charge === undefined ? undefined : await repositories.arrests.findById(charge.arrest_id);
    if (charge === undefined || arrest === undefined || !canRecordFor(actor, arrest.organisation_id)) throw new NotFoundError('Charge');
    return { charge, arrest };
  }

  /** The operations the actor's force takes part in, newest first: a visit belongs to one of them. */
  async operationsForRecording(actor: Actor, forceId?: string): Promise<OperationRow[]> {
    this.requireRecorder(actor);
    const force = this.forceOf(actor, forceId);
    const repositories = this.context.store.repositories;
    const operations = await repositories.operations.list();
    const taking = await Promise.all(operations.map(async (o) => (await repositories.operations.participantIds(o.id)).includes(force)));
    return operations.filter((_o, index) => taking[index] === true);
  }

  /** The force an arrest or charge is recorded for, with the jurisdiction whose offences apply. */
  async recordingForce(actor: Actor, forceId?: string): Promise<RecordingForce> {
    this.requireRecorder(actor);
    return this.force(this.context.store.repositories, this.forceOf(actor, forceId));
  }

  /** The force to record for: the one named, if the actor records for it, else the actor's own. */
  private forceOf(actor: Actor, forceId: string | undefined): string {
    if (forceId !== undefined && forceId !== '') {
      if (!canRecordFor(actor, forceId)) throw new NotFoundError('Force');
      return forceId;
    }
    if (actor.kind === 'user') return actor.organisationId;
    throw new ValidationError([{ field: 'forceId', message: 'Name the force the record belongs to' }]);
  }

  // Creating records.

  async createPremises(actor: Actor, input: PremisesInput, submissionId?: string): Promise<PremisesRow> {
    this.requireRecorder(actor);
    const forceId = this.forceOf(actor, input.forceId);
    return this.once(submissionId, 'premises', (r, id) => r.premises.findById(id), async (repositories, now) => {
      await this.force(repositories, forceId);
      const valid = validatePremises(input);
      const row: PremisesRow = { id: newId(), organisation_id: forceId, ...valid, created_by: userIdOf(actor), created_at: now, updated_at: now };
      await repositories.premises.insertMany([row]);
      await recordAudit(repositories, actor, now, { action: 'premises.create', subjectType: 'premises', subjectId: row.id, subjectOrganisationId: forceId, details: { premisesType: row.premises_type } });
      return row;
    }, (row) => this.premisesForRecording(actor, row.id));
  }

  async recordVisit(actor: Actor, premisesId: string, input: VisitInput, submissionId?: string): Promise<VisitRow> {
    this.requireRecorder(actor);
    return this.once(submissionId, 'visit', (r, id) => r.visits.findById(id), async (repositories, now) => {
      const premises = await this.premisesForRecording(actor, premisesId, repositories);
      const operation = input.operationId === '' ? undefined : await repositories.operations.findById(input.operationId);
      const taking = operation === undefined ? false : (await repositories.operations.participantIds(operation.id)).includes(premises.organisation_id);
      const valid = validateVisit(input, { operation, forceTakesPart: taking }, this.limits());
      const row: VisitRow = {
        id: newId(), operation_id: valid.operationId, premises_id: premises.id, organisation_id: premises.organisation_id, visited_at: valid.visitedAt,
        warrant: valid.warrant ? 1 : 0, outcome: valid.outcome, notes: valid.notes, created_by: userIdOf(actor), created_at: now, updated_at: now,
      };
      await repositories.visits.insertMany([row]);
      await recordAudit(repositories, actor, now, {
        action: 'visit.create', subjectType: 'visit', subjectId: row.id, subjectOrganisationId: row.organisation_id,
        details: { premisesId: premises.id, operationId: row.operation_id, outcome: row.outcome },
      });
      return row;
    }, (row) => this.visitForRecording(actor, row.id));
  }

  async addPersonFound(actor: Actor, visitId: string, input: PersonFoundInput, submissionId?: string): Promise<PersonFoundRow> {
    this.requireRecorder(actor);
    return this.once(submissionId, 'person-found', (r, id) => r.peopleFound.findById(id), async (repositories, now) => {
      const visit = await this.visitForRecording(actor, visitId, repositories);
      const valid = validatePersonFound(input, this.limits());
      const row: PersonFoundRow = {
        id: newId(), visit_id: visit.id, organisation_id: visit.organisation_id, role: valid.role,
        given_names: valid.givenNames, family_name: valid.familyName, full_name: valid.fullName, aliases: JSON.stringify(valid.aliases),
        name_search: nameSearchText([valid.fullName, `${valid.givenNames} ${valid.familyName}`, ...valid.aliases]),
        date_of_birth: valid.dateOfBirth, estimated_age: valid.estimatedAge, sex: valid.sex, nationality: valid.nationality,
        languages: JSON.stringify(valid.languages), identity_documents: JSON.stringify(valid.identityDocuments), phone_numbers: JSON.stringify(valid.phoneNumbers),
        account: valid.account, exploitation_type: valid.exploitationType, possible_child: valid.possibleChild ? 1 : 0, consent: valid.consent,
        interpreter_language: valid.interpreterLanguage, created_by: userIdOf(actor), created_at: now, updated_at: now,
      };
      await repositories.peopleFound.insertMany([row]);
      // The role is a code; nothing that names or describes the person goes into the audit trail.
      await recordAudit(repositories, actor, now, { action: 'person-found.create', subjectType: 'person-found', subjectId: row.id, subjectOrganisationId: row.organisation_id, details: { visitId: visit.id, role: row.role } });
      return row;
    }, (row) => this.findPerson(actor, row.id, this.context.store.repositories));
  }

  async recordArrest(actor: Actor, personId: string, input: ArrestInput, submissionId?: string): Promise<ArrestRow> {
    this.requireRecorder(actor);
    return this.once(submissionId, 'arrest', (r, id) => r.arrests.findById(id), async (repositories, now) => {
      const person = await this.findPerson(actor, personId, repositories);
      const visit = await repositories.visits.findById(person.visit_id);
      if (visit === undefined || visit.organisation_id !== person.organisation_id) throw new NotFoundError('Person');
      const force = await this.force(repositories, visit.organisation_id);
      const valid = validateArrest(input, { visitedAt: visit.visited_at, offences: offencesIn(force.jurisdiction).map((o) => o.id) }, this.limits());
      const row: ArrestRow = {
        id: newId(), person_found_id: person.id, visit_id: visit.id, organisation_id: visit.organisation_id, offence: valid.offence,
        arrested_at: valid.arrestedAt, place: valid.place, created_by: userIdOf(actor), created_at: now, updated_at: now,
      };
      await repositories.arrests.insertMany([row]);
      await recordAudit(repositories, actor, now, { action: 'arrest.create', subjectType: 'arrest', subjectId: row.id, subjectOrganisationId: row.organisation_id, details: { personFoundId: person.id, offence: row.offence } });
      return row;
    }, (row) => this.arrestForRecording(actor, row.id));
  }

  async addCharge(actor: Actor, arrestId: string, input: ChargeInput, submissionId?: string): Promise<ChargeRow> {
    this.requireRecorder(actor);
    return this.once(submissionId, 'charge', (r, id) => r.arrests.findCharge(id), async (repositories, now) => {
      const arrest = await this.arrestForRecording(actor, arrestId, repositories);
      const force = await this.force(repositories, arrest.organisation_id);
      const valid = validateCharge(input, { arrestedAt: arrest.arrested_at, offences: offencesIn(force.jurisdiction).map((o) => o.id) }, this.limits());
      const row: ChargeRow = {
        id: newId(), arrest_id: arrest.id, offence: valid.offence, charged_on: valid.chargedOn, court_outcome: valid.courtOutcome,
        sentence_months: valid.sentenceMonths, created_at: now, updated_at: now,
      };
      await repositories.arrests.insertCharges([row]);
      await recordAudit(repositories, actor, now, { action: 'charge.create', subjectType: 'charge', subjectId: row.id, subjectOrganisationId: arrest.organisation_id, details: { arrestId: arrest.id, offence: row.offence, courtOutcome: row.court_outcome } });
      return row;
    }, async (row) => (await this.chargeForRecording(actor, row.id, this.context.store.repositories)).charge);
  }

  /** A court outcome changes as a case goes on (awaiting trial, then a verdict): the charge is updated, the change audited. */
  async recordCourtOutcome(actor: Actor, chargeId: string, input: CourtOutcomeInput): Promise<ChargeRow> {
    const now = this.now();
    return this.context.store.transaction(async (repositories) => {
      const { charge, arrest } = await this.chargeForRecording(actor, chargeId, repositories);
      const valid = validateCourtOutcome(input);
      await repositories.arrests.updateCharge(charge.id, { court_outcome: valid.courtOutcome, sentence_months: valid.sentenceMonths, updated_at: now });
      await recordAudit(repositories, actor, now, {
        action: 'charge.court-outcome', subjectType: 'charge', subjectId: charge.id, subjectOrganisationId: arrest.organisation_id,
        details: { arrestId: arrest.id, before: charge.court_outcome, after: valid.courtOutcome },
      });
      return { ...charge, court_outcome: valid.courtOutcome, sentence_months: valid.sentenceMonths, updated_at: now };
    });
  }

  async recordSeizedAsset(actor: Actor, visitId: string, input: SeizedAssetInput, submissionId?: string): Promise<SeizedAssetRow> {
    this.requireRecorder(actor);
    return this.once(submissionId, 'seized-asset', (r, id) => r.visits.findSeizedAsset(id), async (repositories, now) => {
      const visit = await this.visitForRecording(actor, visitId, repositories);
      const valid = validateSeizedAsset(input);
      const row: SeizedAssetRow = {
        id: newId(), visit_id: visit.id, organisation_id: visit.organisation_id, asset_type: valid.assetType, amount_minor: valid.amountMinor,
        currency: valid.currency, description: valid.description, created_at: now, updated_at: now,
      };
      await repositories.visits.insertSeizedAssets([row]);
      await recordAudit(repositories, actor, now, {
        action: 'seized-asset.create', subjectType: 'seized-asset', subjectId: row.id, subjectOrganisationId: row.organisation_id,
        details: { visitId: visit.id, assetType: row.asset_type, currency: row.currency, amountMinor: row.amount_minor },
      });
      return row;
    }, async (row) => {
      await this.visitForRecording(actor, row.visit_id);
      return row;
    });
  }

  /**
   * Runs `create` once per submission id. A repeat finds the first record (checked again for this
   * actor, so a submission id cannot be used to read someone else's record). Two posts racing
   * each other both pass the first look; the primary key on the submission id lets only one
   * commit, and the loser then finds the winner's record.
   */
  private async once<T extends { id: string }>(
    submissionId: string | undefined,
    recordType: RecordType,
    find: (repositories: Repositories, id: string) => Promise<T | undefined>,
    create: (repositories: Repositories, now: string) => Promise<T>,
    recheck: (row: T) => Promise<unknown>,
  ): Promise<T> {
    const key = submissionId === undefined || submissionId === '' ? undefined : submissionId;
    if (key !== undefined && !SUBMISSION_ID.test(key)) throw staleForm();
    const previous = async (): Promise<T | undefined> => {
      if (key === undefined) return undefined;
      const repositories = this.context.store.repositories;
      const recordId = await repositories.formSubmissions.recordIdFor(key, recordType);
      const row = recordId === undefined ? undefined : await find(repositories, recordId);
      if (row !== undefined) await recheck(row);
      return row;
    };
    const first = await previous();
    if (first !== undefined) return first;
    const now = this.now();
    try {
      return await this.context.store.transaction(async (repositories) => {
        const row = await create(repositories, now);
        if (key !== undefined) await repositories.formSubmissions.remember(key, recordType, row.id, now);
        return row;
      });
    } catch (error) {
      const winner = await previous().catch(() => undefined);
      if (winner !== undefined) return winner;
      // The id made a record of another kind: a form whose hidden field was copied or tampered with.
      if (key !== undefined && (await this.context.store.repositories.formSubmissions.recordTypeOf(key)) !== undefined) throw staleForm();
      throw error;
    }
  }
}

function staleForm(): ValidationError {
  return new ValidationError([{ field: 'submissionId', message: 'This form is out of date: reload the page and try again' }]);
}

function userIdOf(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}
