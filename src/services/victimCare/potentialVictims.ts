// Potential-victim records: made by a first responder (from a person found on a visit, or
// directly), read only by the organisations that deal with the person, every read audited.
// An adult who does not consent becomes an anonymous notification and nothing else: no name,
// no contact, no link to the person found, nothing in the audit trail that describes them.
import type { Actor } from '../../access/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../access/errors.ts';
import { canReadForceRecords } from '../../access/policies/enforcementRecords.ts';
import { canRecordCalls } from '../../access/policies/informationLine.ts';
import { canIdentifyVictims, canWorkOnVictimCare, victimRecordAccess, type VictimRecordAccess } from '../../access/policies/victimCare.ts';
import type { IsoDate } from '../../domain/calendar/isoDate.ts';
import { isJurisdiction, type Jurisdiction } from '../../domain/calendar/jurisdiction.ts';
import type { DateParts } from '../../domain/recording/enteredValues.ts';
import { isProtectedFromRemoval, pathClock, type PathClock } from '../../domain/victimPath/path.ts';
import { newId } from '../../store/ids.ts';
import type { AnonymousNotificationRow, PotentialVictimRow, VictimReferralRow, VictimTimelineRow } from '../../store/schema.ts';
import type { Repositories } from '../../store/store.ts';
import { recordAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { jurisdictionOf } from './path.ts';
import { referralView, relationsOf, VictimRecords, type ReferralView } from './records.ts';
import { sendReferral } from './referrals.ts';
import { hidesNote } from './care.ts';
import { treatedAsChild } from '../../domain/vocabularies/victimCare.ts';
import { validatePotentialVictim, type PotentialVictimInput } from './validation.ts';

export interface PotentialVictimIdentity {
  fullName: string;
  dateOfBirth: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  account: string | null;
  dependantsNote: string | null;
}

export interface TimelineEntry {
  id: string;
  type: string;
  occurredOn: IsoDate;
  recordedAt: string;
  organisationId: string | null;
  referralId: string | null;
  outcome: string | null;
  days: number | null;
  requestedBy: string | null;
  reason: string | null;
}

/** Where the person's clock stands today: what every page that shows them carries. */
export interface VictimClock {
  stage: string | null;
  referredOn: IsoDate | null;
  reasonableGroundsDueOn: IsoDate | null;
  periodLastDay: IsoDate | null;
  today: IsoDate;
  clock: PathClock | null;
  protectedFromRemoval: boolean;
  /** Days of the reflection period left, counting today; null outside it. */
  reflectionDaysLeft: number | null;
}

export interface PotentialVictimDetail extends VictimClock {
  id: string;
  access: Exclude<VictimRecordAccess, 'none'>;
  organisationId: string;
  personFoundId: string | null;
  identificationRoute: string;
  identifiedOn: IsoDate;
  jurisdiction: Jurisdiction;
  exploitationTypes: string[];
  methodsOfControl: string[];
  childStatus: string;
  consent: string;
  localAuthorityId: string | null;
  supportWanted: string[];
  interpreterLanguage: string | null;
  dependants: number;
  safeToWrite: string;
  sex: string;
  nationality: string | null;
  /** Null when the actor's organisation has a referral waiting for its answer: it decides without the identity. */
  identity: PotentialVictimIdentity | null;
  referrals: ReferralView[];
  /** Null with the referral summary, since reasons may describe the person. */
  timeline: TimelineEntry[] | null;
}

export interface PotentialVictimSummary extends VictimClock {
  id: string;
  access: Exclude<VictimRecordAccess, 'none'>;
  organisationId: string;
  fullName: string | null;
  childStatus: string;
  exploitationTypes: string[];
  createdAt: string;
}

export type CreatedRecord =
  | { kind: 'potential-victim'; id: string }
  | { kind: 'anonymous-notification'; id: string };

export interface AnonymousNotificationView {
  id: string;
  organisationId: string;
  notifiedOn: IsoDate;
  sex: string;
  nationality: string | null;
  ageBand: string;
  exploitationTypes: string[];
}

const list = (json: string): string[] => JSON.parse(json) as string[];

export const anonymousNotificationView = (n: AnonymousNotificationRow): AnonymousNotificationView => ({
  id: n.id, organisationId: n.organisation_id, notifiedOn: n.notified_on, sex: n.sex, nationality: n.nationality, ageBand: n.age_band, exploitationTypes: list(n.exploitation_types),
});

/** The start of a record from a person found on a visit: what the officer already wrote. */
export interface PersonFoundStart {
  personFoundId: string;
  visitId: string;
  fullName: string;
  dateOfBirth: DateParts;
  sex: string;
  nationality: string;
  exploitationTypes: string[];
  childStatus: string;
  consent: string;
  interpreterLanguage: string;
  account: string;
}

export class PotentialVictimService {
  private readonly records: VictimRecords;

  constructor(private readonly context: ServiceContext) {
    this.records = new VictimRecords(context);
  }

  private requireVictimCare(actor: Actor): void {
    if (!canWorkOnVictimCare(actor)) throw new ForbiddenError('Your role does not include victim care');
  }

  /** Prefills a new record from a person found on a visit the actor's force recorded (the read is audited). */
  async startFromPersonFound(actor: Actor, personFoundId: string): Promise<PersonFoundStart> {
    if (!canIdentifyVictims(actor)) throw new ForbiddenError('Only first responders make potential-victim records');
    const person = await this.context.store.repositories.peopleFound.findById(personFoundId);
    if (person === undefined || !canReadForceRecords(actor, person.organisation_id)) throw new NotFoundError('Person');
    await this.context.store.transaction((tx) => recordAudit(tx, actor, this.records.now(), {
      action: 'person-found.read', subjectType: 'person-found', subjectId: person.id, subjectOrganisationId: person.organisation_id, details: { purpose: 'potential-victim-record' },
    }));
    const [year = '', month = '', day = ''] = (person.date_of_birth ?? '').split('-');
    return {
      personFoundId: person.id, visitId: person.visit_id, fullName: person.full_name, dateOfBirth: { day, month, year }, sex: person.sex, nationality: person.nationality ?? '',
      exploitationTypes: person.exploitation_type === null ? [] : [person.exploitation_type],
      childStatus: Number(person.possible_child) === 1 ? 'may-be-child' : '', consent: person.consent ?? '', interpreterLanguage: person.interpreter_language ?? '', account: person.account,
    };
  }

  /**
   * Makes a record (or, for an adult who does not consent, an anonymous notification). An
   * information-line adviser makes one from a call, inside the call's own transaction (`within`),
   * so the call and what it made commit together.
   */
  async create(actor: Actor, input: PotentialVictimInput, within?: Repositories): Promise<CreatedRecord> {
    if (!canIdentifyVictims(actor) && !canRecordCalls(actor)) throw new ForbiddenError('Only first responders make potential-victim records');
    const valid = validatePotentialVictim(input);
    const now = this.records.now();
    const today = this.records.today();
    const transaction = <T>(work: (repositories: Repositories) => Promise<T>): Promise<T> => (within === undefined ? this.context.store.transaction(work) : work(within));
    if (valid.form === 'anonymous-duty-to-notify') {
      return transaction(async (repositories) => {
        const row: AnonymousNotificationRow = {
          id: newId(), organisation_id: actor.organisationId, notified_on: today, sex: valid.sex, nationality: valid.nationality, age_band: valid.ageBand,
          exploitation_types: JSON.stringify(valid.exploitationTypes), created_at: now,
        };
        await repositories.victimCare.insertAnonymousNotification(row);
        await recordAudit(repositories, actor, now, { action: 'anonymous-notification.create', subjectType: 'anonymous-notification', subjectId: row.id, subjectOrganisationId: row.organisation_id });
        return { kind: 'anonymous-notification', id: row.id };
      });
    }
    return transaction(async (repositories) => {
      const organisation = await repositories.organisations.findById(actor.organisationId);
      if (valid.localAuthorityId !== null) {
        const authority = await repositories.organisations.findById(valid.localAuthorityId);
        if (authority?.kind !== 'local-authority' || authority.retired_at !== null) throw new ValidationError([{ field: 'localAuthorityId', message: 'Select a local authority from the list' }]);
      }
      const personFoundId = await this.linkedPersonFound(actor, input.personFoundId, repositories);
      const fallback: Jurisdiction = organisation !== undefined && isJurisdiction(organisation.jurisdiction) ? organisation.jurisdiction : 'england-and-wales';
      const row: PotentialVictimRow = {
        id: newId(), organisation_id: actor.organisationId, person_found_id: personFoundId, identification_route: valid.identificationRoute, identified_on: today,
        jurisdiction: valid.jurisdiction ?? fallback, exploitation_types: JSON.stringify(valid.exploitationTypes), methods_of_control: JSON.stringify(valid.methodsOfControl),
        child_status: valid.childStatus, consent: valid.consent, local_authority_id: valid.localAuthorityId, support_wanted: JSON.stringify(valid.supportWanted),
        interpreter_language: valid.interpreterLanguage, dependants: valid.dependants, safe_to_write: valid.safeToWrite, sex: valid.sex, nationality: valid.nationality,
        name_sealed: this.context.fieldCipher.seal(valid.fullName), date_of_birth_sealed: this.records.seal(valid.dateOfBirth), address_sealed: this.records.seal(valid.address),
        phone_sealed: this.records.seal(valid.phone), email_sealed: this.records.seal(valid.email), account_sealed: this.records.seal(valid.account),
        dependants_note_sealed: this.records.seal(valid.dependantsNote), stage: null, referred_on: null, reasonable_grounds_due_on: null, period_last_day: null,
        created_by: actor.userId, pseudonym: null, created_at: now, updated_at: now,
      };
      await repositories.victimCare.insertVictim(row);
      await this.records.appendEvent(repositories, actor, row.id, { type: 'record-created', occurredOn: today }, now);
      if (treatedAsChild(valid.childStatus)) {
        // A child is referred for a decision at once, consent or not.
        const authority = (await repositories.organisations.list()).find((o) => o.kind === 'competent-authority');
        if (authority === undefined) throw new ConflictError('No competent authority is on the roster to refer the child to');
        await sendReferral(this.records, repositories, actor, row, [], { kind: 'competent-authority', toOrganisationId: authority.id }, now);
      }
      await recordAudit(repositories, actor, now, {
        action: 'potential-victim.create', subjectType: 'potential-victim', subjectId: row.id, subjectOrganisationId: row.organisation_id,
        details: { childStatus: row.child_status, consent: row.consent, personFoundId },
      });
      return { kind: 'potential-victim', id: row.id };
    });
  }

  private async linkedPersonFound(actor: Actor, personFoundId: string | undefined, repositories: Repositories): Promise<string | null> {
    if (personFoundId === undefined || personFoundId === '') return null;
    const person = await repositories.peopleFound.findById(personFoundId);
    if (person === undefined || !canReadForceRecords(actor, person.organisation_id)) throw new NotFoundError('Person');
    return person.id;
  }

  /** One record, as much of it as the actor's organisation may see; every read is audited. */
  async get(actor: Actor, id: string): Promise<PotentialVictimDetail> {
    this.requireVictimCare(actor);
    const repositories = this.context.store.repositories;
    const { victim, referrals, access } = await this.records.load(actor, id);
    const clock = await this.clockOf(repositories, victim, referrals);
    const timeline = access === 'full' ? (await repositories.victimCare.timeline(id)).map((e) => this.timelineEntry(e, actor)) : null;
    await this.context.store.transaction((tx) => recordAudit(tx, actor, this.records.now(), {
      action: 'potential-victim.read', subjectType: 'potential-victim', subjectId: id, subjectOrganisationId: victim.organisation_id, details: { access },
    }));
    const full = access === 'full';
    return {
      ...clock, id, access, organisationId: victim.organisation_id, personFoundId: full ? victim.person_found_id : null, identificationRoute: victim.identification_route,
      identifiedOn: victim.identified_on, jurisdiction: jurisdictionOf(victim), exploitationTypes: list(victim.exploitation_types), methodsOfControl: list(victim.methods_of_control),
      childStatus: victim.child_status, consent: victim.consent, localAuthorityId: victim.local_authority_id, supportWanted: list(victim.support_wanted),
      interpreterLanguage: victim.interpreter_language, dependants: victim.dependants, safeToWrite: victim.safe_to_write, sex: victim.sex, nationality: victim.nationality,
      identity: full ? this.identity(victim) : null, referrals: referrals.map(referralView), timeline,
    };
  }

  /** The people the actor's organisation deals with, newest first, each with days left on their clock. */
  async list(actor: Actor): Promise<PotentialVictimSummary[]> {
    this.requireVictimCare(actor);
    if (actor.kind !== 'user') throw new ForbiddenError('A list belongs to an organisation');
    const repositories = this.context.store.repositories;
    const victims = await repositories.victimCare.listVictims(actor.organisationId);
    const referrals = await repositories.victimCare.referralsFor(victims.map((v) => v.id));
    const summaries: PotentialVictimSummary[] = [];
    for (const victim of victims) {
      const own = referrals.filter((r) => r.potential_victim_id === victim.id);
      const access = victimRecordAccess(actor, relationsOf(victim, own));
      if (access === 'none') continue;
      summaries.push({
        ...(await this.clockOf(repositories, victim, own)), id: victim.id, access, organisationId: victim.organisation_id,
        fullName: access === 'full' ? this.context.fieldCipher.open(victim.name_sealed) : null, childStatus: victim.child_status,
        exploitationTypes: list(victim.exploitation_types), createdAt: victim.created_at,
      });
    }
    // Names were shown: the list is a read of each record, recorded once with the ids it showed.
    if (summaries.length > 0) {
      await this.context.store.transaction((tx) => recordAudit(tx, actor, this.records.now(), {
        action: 'potential-victim.list', subjectType: 'potential-victim', subjectId: null, subjectOrganisationId: actor.organisationId, details: { ids: summaries.map((s) => s.id) },
      }));
    }
    return summaries;
  }

  async listAnonymousNotifications(actor: Actor): Promise<AnonymousNotificationView[]> {
    if (!canIdentifyVictims(actor)) throw new ForbiddenError('Only first responders see their organisation’s notifications');
    return (await this.context.store.repositories.victimCare.listAnonymousNotifications(actor.organisationId)).map(anonymousNotificationView);
  }

  async getAnonymousNotification(actor: Actor, id: string): Promise<AnonymousNotificationView> {
    if (!canIdentifyVictims(actor)) throw new ForbiddenError('Only first responders see their organisation’s notifications');
    const row = await this.context.store.repositories.victimCare.findAnonymousNotification(id);
    if (row === undefined || row.organisation_id !== actor.organisationId) throw new NotFoundError('Notification');
    return anonymousNotificationView(row);
  }

  private identity(victim: PotentialVictimRow): PotentialVictimIdentity {
    return {
      fullName: this.context.fieldCipher.open(victim.name_sealed), dateOfBirth: this.records.open(victim.date_of_birth_sealed), address: this.records.open(victim.address_sealed),
      phone: this.records.open(victim.phone_sealed), email: this.records.open(victim.email_sealed), account: this.records.open(victim.account_sealed),
      dependantsNote: this.records.open(victim.dependants_note_sealed),
    };
  }

  private timelineEntry(e: VictimTimelineRow, viewer: Actor): TimelineEntry {
    return {
      id: e.id, type: e.event_type, occurredOn: e.occurred_on, recordedAt: e.recorded_at, organisationId: e.organisation_id, referralId: e.referral_id,
      outcome: e.outcome, days: e.days, requestedBy: e.requested_by, reason: hidesNote(e, viewer) ? null : this.records.open(e.reason_sealed),
    };
  }

  private async clockOf(repositories: Repositories, victim: PotentialVictimRow, referrals: readonly VictimReferralRow[]): Promise<VictimClock> {
    const today = this.records.today();
    const path = await this.records.path(repositories, victim, referrals);
    const clock = path === null ? null : pathClock(path, today, jurisdictionOf(victim), this.context.victimPath, victim.reasonable_grounds_due_on);
    const reflectionDaysLeft = clock?.kind === 'reflection-period' && (clock.status.kind === 'running' || clock.status.kind === 'ending-soon') ? clock.status.daysLeft : null;
    return {
      stage: victim.stage, referredOn: victim.referred_on, reasonableGroundsDueOn: victim.reasonable_grounds_due_on, periodLastDay: victim.period_last_day, today, clock,
      protectedFromRemoval: path !== null && isProtectedFromRemoval(path, today), reflectionDaysLeft,
    };
  }
}
