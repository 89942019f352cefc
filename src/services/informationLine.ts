// The information line: an adviser at the national centre takes a call from front-line staff who
// think they have met a victim, records what was seen, sees the guidance for it, and closes the
// call with an outcome the system then carries out — a potential-victim record (or an anonymous
// notification), a referral to a support charity, or an alert that lands in a force's triage
// queue. Each call and what it made commit together with their audit event.
import type { Actor, UserActor } from '../access/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../access/errors.ts';
import { canCountCalls, canReadCalls, canRecordCalls, canScreenThemselves } from '../access/policies/informationLine.ts';
import { addDays, assertIsoDate } from '../domain/calendar/isoDate.ts';
import { indicatorById, isIndicatorId, screeningProfile, type ScreeningProfile } from '../domain/indicators/index.ts';
import { callerTypes, callOutcomes, outcomeRefusal, type CallerType, type CallOutcome } from '../domain/vocabularies/informationLine.ts';
import { generateReference, generateSecret, hashSecret } from '../public/report/reference.ts';
import { routeToForce } from '../public/routing/routeToForce.ts';
import { newId } from '../store/ids.ts';
import type { InformationLineCallRow, OrganisationRow, PublicReportRow } from '../store/schema.ts';
import type { Repositories } from '../store/store.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';
import type { PotentialVictimService } from './victimCare/potentialVictims.ts';
import { VictimRecords } from './victimCare/records.ts';
import { sendReferral } from './victimCare/referrals.ts';
import type { PotentialVictimInput } from './victimCare/validation.ts';

/** What the adviser typed and chose, as posted. Values are kept as typed for re-display. */
export interface CallInput {
  callerType: string;
  callerOrganisation: string;
  callerContact: string;
  situation: string;
  actionTaken: string;
  indicators: string[];
  possibleChild: boolean;
  immediateDanger: boolean;
  advice: string;
  outcome: string;
  durationMinutes: string;
  /** For a referral or a charity referral: the person, as far as the caller knows. */
  consent: string;
  fullName: string;
  sex: string;
  nationality: string;
  ageBand: string;
  exploitationTypes: string[];
  localAuthorityId: string;
  charityId: string;
  /** For a force alert: the place, routed like a public report; or a force chosen by hand. */
  address: string;
  town: string;
  postcode: string;
  placeDescription: string;
  forceId: string;
  /** With a referral: also put an alert in the local force's triage queue (the place above). */
  alsoAlertForce: boolean;
}

export const EMPTY_CALL: CallInput = {
  callerType: '', callerOrganisation: '', callerContact: '', situation: '', actionTaken: '', indicators: [], possibleChild: false, immediateDanger: false,
  advice: '', outcome: '', durationMinutes: '', consent: '', fullName: '', sex: '', nationality: '', ageBand: '', exploitationTypes: [], localAuthorityId: '',
  charityId: '', address: '', town: '', postcode: '', placeDescription: '', forceId: '', alsoAlertForce: false,
};

export interface CallSummary {
  id: string;
  receivedAt: string;
  adviserId: string;
  adviserName: string;
  callerType: string;
  outcome: string;
  possibleChild: boolean;
  immediateDanger: boolean;
  indicatorCount: number;
  durationMinutes: number | null;
}

export interface CallDetail extends CallSummary {
  callerOrganisation: string;
  callerContact: string;
  situation: string;
  actionTaken: string | null;
  indicators: string[];
  guidance: string[];
  advice: string;
  potentialVictimId: string | null;
  anonymousNotificationId: string | null;
  charityName: string | null;
  alert: { reportId: string; reference: string; forceName: string | null } | null;
}

/** A first responder's own screening and what became of it. */
export interface OwnScreening extends CallSummary {
  victim: { id: string; stage: string | null; referrals: Array<{ kind: string; to: string; status: string; referredOn: string }> } | null;
  anonymousNotificationId: string | null;
  /** The alert in a force's triage queue; forceName null while the national centre triages it. */
  alert: { reference: string; forceName: string | null; status: string } | null;
}

export interface CallQuery {
  /** Calls received on or after this day (YYYY-MM-DD, UTC). */
  from?: string;
  /** Calls received on or before this day (YYYY-MM-DD, UTC). */
  to?: string;
  outcome?: string;
  adviserId?: string;
  limit?: number;
  offset?: number;
}

export interface OperationCallCounts {
  operationId: string;
  code: string;
  name: string;
  startsOn: string;
  endsOn: string;
  total: number;
  byOutcome: Record<CallOutcome, number>;
}

const LIMITS = { callerOrganisation: 200, callerContact: 200, situation: 5000, actionTaken: 5000, advice: 5000, address: 300, town: 100, postcode: 20, placeDescription: 1000 } as const;
const SUBMISSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CALL_RECORD = 'information-line-call';

/** Who is "calling" when a first responder screens a person themselves: their organisation's kind. */
const SCREENER_TYPE: Partial<Record<string, CallerType>> = {
  immigration: 'immigration-officer', 'local-authority': 'social-worker', 'police-force': 'police', 'support-charity': 'other',
};

function staleForm(): ValidationError {
  return new ValidationError([{ field: 'submissionId', message: 'This form is out of date: reload the page and try again' }]);
}

/** The public form's "what did you see" codes nearest to the indicators, so the triage queue reads the same for both. */
function signsFor(indicators: readonly string[]): string[] {
  const signs = new Set<string>();
  for (const id of indicators) {
    const indicator = indicatorById(id);
    if (indicator === undefined) continue;
    if (id === 'sexual-escorted-to-and-from-work') signs.add('escorted');
    else if (id === 'premises-adverts-naming-nationality') signs.add('adverts');
    else if (id === 'premises-several-women-one-address' || id === 'sexual-lives-or-travels-in-group') signs.add('many-people');
    else if (indicator.group === 'control' || indicator.group === 'fear-and-violence') signs.add('controlled');
    else if (indicator.group === 'work' || indicator.group === 'living' || indicator.group === 'ilo-forced-labour') signs.add('conditions');
    else signs.add('something-else');
  }
  return [...signs];
}

const booleanOf = (value: number): boolean => Number(value) === 1;
const list = (json: string): string[] => JSON.parse(json) as string[];

export class InformationLineService {
  private readonly records: VictimRecords;

  constructor(private readonly context: ServiceContext, private readonly potentialVictims: PotentialVictimService) {
    this.records = new VictimRecords(context);
  }

  private now(): string {
    return isoNow(this.context.clock);
  }

  /** The indicator profile and its guidance: what the page shows beside the boxes ticked. Never a score. */
  profile(input: Pick<CallInput, 'indicators' | 'possibleChild' | 'immediateDanger'>): ScreeningProfile {
    return screeningProfile(input.indicators, { possibleChild: input.possibleChild, immediateDanger: input.immediateDanger });
  }

  /** The organisations the call's outcomes can name: forces for an alert, charities, local authorities for a child. */
  async destinations(actor: Actor): Promise<{ forces: OrganisationRow[]; charities: OrganisationRow[]; localAuthorities: OrganisationRow[] }> {
    if (!canRecordCalls(actor) && !canScreenThemselves(actor)) throw new ForbiddenError('Only information-line advisers and first responders screen');
    const organisations = await this.context.store.repositories.organisations.list();
    const of = (kind: string) => organisations.filter((o) => o.kind === kind && o.retired_at === null);
    return { forces: of('police-force'), charities: of('support-charity'), localAuthorities: of('local-authority') };
  }

  /**
   * Records a call and carries out its outcome. A second post of the same form (same submission
   * id) returns the call the first made and makes nothing new.
   */
  async record(actor: Actor, input: CallInput, submissionId?: string): Promise<{ id: string }> {
    if (!canRecordCalls(actor)) throw new ForbiddenError('Only information-line advisers record calls');
    return this.save(actor, input, submissionId, 'information-line-call.create');
  }

  /**
   * A first responder runs the same screening themselves: they are the caller, so who is calling
   * is their own organisation, and the screening is theirs alone to read afterwards.
   */
  async screen(actor: Actor, input: CallInput, submissionId?: string): Promise<{ id: string }> {
    if (!canScreenThemselves(actor)) throw new ForbiddenError('Only first responders screen a person themselves');
    const organisation = await this.context.store.repositories.organisations.findById(actor.organisationId);
    const user = await this.context.store.repositories.users.findById(actor.userId);
    const self: CallInput = {
      ...input, callerType: SCREENER_TYPE[actor.organisationKind] ?? 'other', callerOrganisation: organisation?.name ?? '', callerContact: user?.display_name ?? '',
    };
    return this.save(actor, self, submissionId, 'screening.create');
  }

  private async save(actor: UserActor, input: CallInput, submissionId: string | undefined, action: string): Promise<{ id: string }> {
    const key = submissionId === undefined || submissionId === '' ? undefined : submissionId;
    if (key !== undefined && !SUBMISSION_ID.test(key)) throw staleForm();
    const previous = async (): Promise<string | undefined> => (key === undefined ? undefined : this.context.store.repositories.formSubmissions.recordIdFor(key, CALL_RECORD));
    const first = await previous();
    if (first !== undefined) return { id: first };
    const valid = validateCall(input);
    const now = this.now();
    // Hashed before the transaction: it is slow on purpose, and a transaction should not wait on it.
    const alertSecretHash = valid.alertsForce ? await hashSecret(generateSecret()) : null;
    try {
      return await this.context.store.transaction(async (repositories) => {
        const row: InformationLineCallRow = {
          id: newId(), organisation_id: actor.organisationId, adviser_id: actor.userId, received_at: now, duration_minutes: valid.durationMinutes,
          caller_type: valid.callerType, caller_sealed: this.context.fieldCipher.seal(JSON.stringify({ organisation: input.callerOrganisation, contact: input.callerContact })),
          situation_sealed: this.context.fieldCipher.seal(input.situation), action_taken_sealed: input.actionTaken.trim() === '' ? null : this.context.fieldCipher.seal(input.actionTaken),
          indicators: JSON.stringify(valid.indicators), possible_child: valid.possibleChild ? 1 : 0, immediate_danger: input.immediateDanger ? 1 : 0,
          guidance: JSON.stringify(valid.profile.guidance), advice_sealed: this.context.fieldCipher.seal(input.advice), outcome: valid.outcome,
          potential_victim_id: null, anonymous_notification_id: null, charity_organisation_id: null, public_report_id: null, alert_organisation_id: null, created_at: now,
        };
        await this.carryOut(actor, repositories, row, input, valid, alertSecretHash);
        await repositories.informationLine.insert(row);
        // The audit trail says what happened and what was made; never what the caller said.
        await recordAudit(repositories, actor, now, {
          action, subjectType: 'information-line-call', subjectId: row.id, subjectOrganisationId: row.organisation_id,
          details: {
            callerType: row.caller_type, outcome: row.outcome, possibleChild: valid.possibleChild, immediateDanger: input.immediateDanger, indicators: valid.indicators.length,
            potentialVictimId: row.potential_victim_id, anonymousNotificationId: row.anonymous_notification_id, charityOrganisationId: row.charity_organisation_id,
            publicReportId: row.public_report_id, alertOrganisationId: row.alert_organisation_id, alsoAlertedForce: valid.alertsForce && row.outcome !== 'force-alert',
          },
        });
        if (key !== undefined) await repositories.formSubmissions.remember(key, CALL_RECORD, row.id, now);
        return { id: row.id };
      });
    } catch (error) {
      const winner = await previous().catch(() => undefined);
      if (winner !== undefined) return { id: winner };
      if (key !== undefined && (await this.context.store.repositories.formSubmissions.recordTypeOf(key)) !== undefined) throw staleForm();
      throw error;
    }
  }

  /** Makes what the outcome asks for, inside the call's transaction, and notes it on the call's row. */
  private async carryOut(actor: UserActor, repositories: Repositories, row: InformationLineCallRow, input: CallInput, valid: ValidCall, alertSecretHash: string | null): Promise<void> {
    if (valid.outcome === 'referral' || valid.outcome === 'charity-referral') await this.refer(actor, repositories, row, input, valid.possibleChild);
    // A referral that also alerts the force makes both, in the same transaction.
    if (valid.alertsForce) await this.alertForce(repositories, row, input, alertSecretHash ?? (await hashSecret(generateSecret())));
  }

  /** Makes the potential-victim record (or anonymous notification) and sends the referral the outcome names. */
  private async refer(actor: UserActor, repositories: Repositories, row: InformationLineCallRow, input: CallInput, possibleChild: boolean): Promise<void> {
    const outcome = row.outcome as CallOutcome;
    let charity: OrganisationRow | undefined;
    if (outcome === 'charity-referral') {
      const errors: FieldError[] = [];
      if (input.consent !== 'given') errors.push({ field: 'consent', message: 'A referral to a support charity needs the person’s consent' });
      charity = input.charityId === '' ? undefined : await repositories.organisations.findById(input.charityId);
      if (charity?.kind !== 'support-charity' || charity.retired_at !== null) errors.push({ field: 'charityId', message: 'Select a support charity from the list' });
      if (errors.length > 0) throw new ValidationError(errors);
    }
    const created = await this.potentialVictims.create(actor, this.victimInput(input, possibleChild), repositories);
    if (created.kind === 'anonymous-notification') {
      row.anonymous_notification_id = created.id;
      return;
    }
    row.potential_victim_id = created.id;
    const victim = await repositories.victimCare.findVictim(created.id);
    if (victim === undefined) throw new Error('The record just made is missing');
    const existing = await repositories.victimCare.referralsFor([victim.id]);
    if (charity !== undefined) {
      row.charity_organisation_id = charity.id;
      await sendReferral(this.records, repositories, actor, victim, existing, { kind: 'support-charity', toOrganisationId: charity.id }, row.created_at);
      return;
    }
    // A child was referred to the competent authority as the record was made; an adult who
    // consents is referred now, since a record nobody else can see would help no one.
    if (existing.some((r) => r.kind === 'competent-authority')) return;
    const authority = (await repositories.organisations.list()).find((o) => o.kind === 'competent-authority');
    if (authority === undefined) throw new ConflictError('No competent authority is on the roster to refer the person to');
    await sendReferral(this.records, repositories, actor, victim, existing, { kind: 'competent-authority', toOrganisationId: authority.id }, row.created_at);
  }

  private victimInput(input: CallInput, possibleChild: boolean): PotentialVictimInput {
    return {
      identificationRoute: 'information-line-screening', exploitationTypes: input.exploitationTypes, methodsOfControl: [], childStatus: possibleChild ? 'may-be-child' : 'adult',
      consent: input.consent, localAuthorityId: input.localAuthorityId, supportWanted: [], interpreterLanguage: '', dependants: '', dependantsNote: '', fullName: input.fullName,
      dateOfBirth: { day: '', month: '', year: '' }, sex: input.sex, nationality: input.nationality, ageBand: input.ageBand, address: '', safeToWrite: '', phone: '', email: '',
      // The caller's account of the situation is the person's account as far as anyone has it.
      account: input.situation, jurisdiction: '',
    };
  }

  /**
   * Puts the call in the local force's triage queue as a report from the information line: routed
   * by postcode or town as a public report is, or to the force the adviser chose; unplaceable, to
   * the national centre's own triage. The caller's details are "confidential": held by the centre.
   */
  private async alertForce(repositories: Repositories, row: InformationLineCallRow, input: CallInput, secretHash: string): Promise<void> {
    let force: OrganisationRow | undefined;
    let basis: string | null = null;
    if (input.forceId !== '') {
      force = await repositories.organisations.findById(input.forceId);
      if (force?.kind !== 'police-force' || force.retired_at !== null) throw new ValidationError([{ field: 'forceId', message: 'Select a police force from the list' }]);
      basis = 'information-line';
    } else {
      const route = routeToForce({ postcode: input.postcode, town: input.town, address: input.address });
      const found = route === null ? undefined : await repositories.organisations.findByCode(route.forceCode);
      if (found?.kind === 'police-force' && found.retired_at === null && route !== null) {
        force = found;
        basis = route.basis;
      }
    }
    const labels = row.indicators === '[]' ? [] : list(row.indicators).map((id) => indicatorById(id)?.label ?? id);
    const answers: Record<string, string | string[]> = {
      danger: Number(row.immediate_danger) === 1 ? 'yes' : 'no', signs: signsFor(list(row.indicators)),
      description: [
        `Alert from an information-line call (${callerTypes.has(row.caller_type) ? callerTypes.label(row.caller_type) : row.caller_type} calling).`, input.situation,
        ...(labels.length > 0 ? [`Indicators observed: ${labels.join('; ')}.`] : []), ...(Number(row.possible_child) === 1 ? ['The person may be a child.'] : []),
      ].join('\n\n'),
      address: input.address, town: input.town, postcode: input.postcode, placeDescription: input.placeDescription, when: row.received_at.slice(0, 10),
      howYouKnow: 'work', howYouKnowDetail: 'Reported to the national centre’s information line by front-line staff', contactPreference: 'confidential',
      contactName: input.callerOrganisation, contactPhone: input.callerContact,
    };
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const reference = generateReference();
      if ((await repositories.publicReports.findByReference(reference)) !== undefined) continue;
      const report: PublicReportRow = {
        id: newId(), reference, secret_hash: secretHash, submission_key: `information-line:${row.id}`, language: 'en', danger: String(answers['danger']),
        signs: JSON.stringify(answers['signs']), how_you_know: 'work', contact_preference: 'confidential', answers: this.context.fieldCipher.seal(JSON.stringify(answers)),
        routed_organisation_id: force?.id ?? null, routing_basis: basis, status: 'new', received_at: row.created_at, last_addition_at: null, updated_at: row.created_at,
        source: 'information-line',
      };
      await repositories.publicReports.insert(report);
      row.public_report_id = report.id;
      row.alert_organisation_id = report.routed_organisation_id;
      return;
    }
    throw new Error('Could not find an unused reference');
  }

  async list(actor: Actor, query: CallQuery = {}): Promise<{ total: number; items: CallSummary[] }> {
    if (!canReadCalls(actor)) throw new ForbiddenError('Only the national centre’s information line reads calls');
    const errors: FieldError[] = [];
    const day = (value: string | undefined, field: string): string | undefined => {
      if (value === undefined || value === '') return undefined;
      try {
        return assertIsoDate(value);
      } catch {
        errors.push({ field, message: 'Enter a date like 2026-03-27' });
        return undefined;
      }
    };
    const from = day(query.from, 'from');
    const to = day(query.to, 'to');
    const outcome = query.outcome === undefined || query.outcome === '' ? undefined : query.outcome;
    if (outcome !== undefined && !callOutcomes.has(outcome)) errors.push({ field: 'outcome', message: 'Select an outcome from the list' });
    if (errors.length > 0) throw new ValidationError(errors);
    const listing = await this.context.store.repositories.informationLine.list({
      from: from === undefined ? undefined : `${from}T00:00:00.000Z`, before: to === undefined ? undefined : `${addDays(assertIsoDate(to), 1)}T00:00:00.000Z`,
      outcome, adviserId: query.adviserId === undefined || query.adviserId === '' ? undefined : query.adviserId,
      // The national centre's calls: a first responder's own screenings are theirs, not the line's.
      organisationId: actor.kind === 'user' ? actor.organisationId : undefined,
      limit: Math.min(Math.max(query.limit ?? 50, 1), 200), offset: Math.max(query.offset ?? 0, 0),
    });
    return { total: listing.total, items: listing.rows.map((r) => summary(r, r.adviser_name)) };
  }

  /**
   * A first responder's own screenings, newest first, each with what became of it: the record and
   * where its referrals stand, or the alert and what the force's triage made of it.
   */
  async ownScreenings(actor: Actor, limit = 50): Promise<OwnScreening[]> {
    if (!canScreenThemselves(actor)) throw new ForbiddenError('Only first responders screen a person themselves');
    const repositories = this.context.store.repositories;
    const { rows } = await repositories.informationLine.list({ adviserId: actor.userId, organisationId: actor.organisationId, limit: Math.min(Math.max(limit, 1), 200), offset: 0 });
    const names = new Map<string, string>();
    const nameOf = async (organisationId: string | null): Promise<string | null> => {
      if (organisationId === null) return null;
      if (!names.has(organisationId)) names.set(organisationId, (await repositories.organisations.findById(organisationId))?.name ?? 'Unknown organisation');
      return names.get(organisationId) ?? null;
    };
    const screenings: OwnScreening[] = [];
    for (const row of rows) {
      const victim = row.potential_victim_id === null ? undefined : await repositories.victimCare.findVictim(row.potential_victim_id);
      const referrals = victim === undefined ? [] : await repositories.victimCare.referralsFor([victim.id]);
      const report = row.public_report_id === null ? undefined : await repositories.publicReports.findById(row.public_report_id);
      screenings.push({
        ...summary(row, row.adviser_name),
        victim: victim === undefined ? null : {
          id: victim.id, stage: victim.stage,
          referrals: await Promise.all(referrals.map(async (r) => ({ kind: r.kind, to: (await nameOf(r.to_organisation_id)) ?? '', status: r.status, referredOn: r.referred_on }))),
        },
        anonymousNotificationId: row.anonymous_notification_id,
        // The alert's force is where the report is now, and its status is what triage decided.
        alert: report === undefined ? null : { reference: report.reference, forceName: await nameOf(report.routed_organisation_id), status: report.status },
      });
    }
    return screenings;
  }

  /** The advisers who have taken calls, for the list's filter. */
  async advisers(actor: Actor): Promise<Array<{ id: string; name: string }>> {
    if (!canReadCalls(actor)) throw new ForbiddenError('Only the national centre’s information line reads calls');
    return (await this.context.store.repositories.informationLine.advisers(actor.kind === 'user' ? actor.organisationId : undefined)).map((a) => ({ id: a.id, name: a.display_name }));
  }

  /** One call in full. Opening it is audited: it describes a person and names the caller. */
  async get(actor: Actor, id: string): Promise<CallDetail> {
    if (!canReadCalls(actor)) throw new ForbiddenError('Only the national centre’s information line reads calls');
    const repositories = this.context.store.repositories;
    const row = await repositories.informationLine.findById(id);
    if (row === undefined || (actor.kind === 'user' && row.organisation_id !== actor.organisationId)) throw new NotFoundError('Call');
    const [adviser, charity, report] = await Promise.all([
      repositories.users.findById(row.adviser_id),
      row.charity_organisation_id === null ? undefined : repositories.organisations.findById(row.charity_organisation_id),
      row.public_report_id === null ? undefined : repositories.publicReports.findById(row.public_report_id),
    ]);
    // The alert's force is where the report is now: triage may have sent it on.
    const force = report?.routed_organisation_id === null || report === undefined ? undefined : await repositories.organisations.findById(report.routed_organisation_id);
    await this.context.store.transaction((tx) => recordAudit(tx, actor, this.now(), {
      action: 'information-line-call.read', subjectType: 'information-line-call', subjectId: row.id, subjectOrganisationId: row.organisation_id,
    }));
    const caller = JSON.parse(this.context.fieldCipher.open(row.caller_sealed)) as { organisation?: string; contact?: string };
    return {
      ...summary(row, adviser?.display_name ?? 'Unknown'),
      callerOrganisation: caller.organisation ?? '', callerContact: caller.contact ?? '', situation: this.context.fieldCipher.open(row.situation_sealed),
      actionTaken: row.action_taken_sealed === null ? null : this.context.fieldCipher.open(row.action_taken_sealed), indicators: list(row.indicators), guidance: list(row.guidance),
      advice: this.context.fieldCipher.open(row.advice_sealed), potentialVictimId: row.potential_victim_id, anonymousNotificationId: row.anonymous_notification_id,
      charityName: charity?.name ?? null,
      alert: report === undefined ? null : { reportId: report.id, reference: report.reference, forceName: force?.name ?? null },
    };
  }

  /** Calls per operation period, by outcome: what the operation's dashboard shows. Counts only. */
  async countsPerOperation(actor: Actor): Promise<OperationCallCounts[]> {
    if (!canCountCalls(actor)) throw new ForbiddenError('Only the national centre sees the information line’s figures');
    const repositories = this.context.store.repositories;
    const operations = await repositories.operations.list();
    const counts: OperationCallCounts[] = [];
    for (const operation of operations) {
      const rows = await repositories.informationLine.countByOutcome(`${operation.starts_on}T00:00:00.000Z`, `${addDays(assertIsoDate(operation.ends_on), 1)}T00:00:00.000Z`);
      const byOutcome = Object.fromEntries(callOutcomes.ids.map((o) => [o, 0])) as Record<CallOutcome, number>;
      for (const r of rows) if (callOutcomes.has(r.outcome)) byOutcome[r.outcome] = r.calls;
      counts.push({
        operationId: operation.id, code: operation.code, name: operation.name, startsOn: operation.starts_on, endsOn: operation.ends_on,
        total: rows.reduce((sum, r) => sum + r.calls, 0), byOutcome,
      });
    }
    return counts;
  }
}

function summary(row: InformationLineCallRow, adviserName: string): CallSummary {
  return {
    id: row.id, receivedAt: row.received_at, adviserId: row.adviser_id, adviserName, callerType: row.caller_type, outcome: row.outcome,
    possibleChild: booleanOf(row.possible_child), immediateDanger: booleanOf(row.immediate_danger), indicatorCount: list(row.indicators).length,
    durationMinutes: row.duration_minutes === null ? null : Number(row.duration_minutes),
  };
}

interface ValidCall {
  callerType: string;
  indicators: string[];
  possibleChild: boolean;
  profile: ScreeningProfile;
  outcome: CallOutcome;
  durationMinutes: number | null;
  /** The call puts an alert in a force's triage queue: its outcome, or with a referral. */
  alertsForce: boolean;
}

/** Checks the call itself; what an outcome makes is checked by the service that makes it. */
export function validateCall(input: CallInput): ValidCall {
  const errors: FieldError[] = [];
  if (!callerTypes.has(input.callerType)) errors.push({ field: 'callerType', message: 'Select who is calling' });
  if (input.situation.trim() === '') errors.push({ field: 'situation', message: 'Enter the situation in the caller’s words' });
  if (input.advice.trim() === '') errors.push({ field: 'advice', message: 'Enter the advice you gave' });
  for (const [field, limit] of Object.entries(LIMITS)) {
    if (input[field as keyof typeof LIMITS].length > limit) errors.push({ field, message: `Keep this to ${limit} characters or fewer` });
  }
  const indicators = [...new Set(input.indicators.filter((id) => id !== ''))];
  if (indicators.some((id) => !isIndicatorId(id))) errors.push({ field: 'indicators', message: 'Select indicators from the list' });
  const duration = input.durationMinutes.trim();
  const durationMinutes = duration === '' ? null : Number(duration);
  if (durationMinutes !== null && (!Number.isInteger(durationMinutes) || durationMinutes < 0 || durationMinutes > 600)) {
    errors.push({ field: 'durationMinutes', message: 'Enter the call’s length in whole minutes, like 15' });
  }
  const profile = screeningProfile(indicators, { possibleChild: input.possibleChild, immediateDanger: input.immediateDanger });
  // A child indicator counts as a possible child, whether or not the box was ticked.
  const possibleChild = profile.escalationReasons.includes('possible-child');
  const outcome = input.outcome;
  if (!callOutcomes.has(outcome)) errors.push({ field: 'outcome', message: 'Select the outcome of the call' });
  else {
    const refusal = outcomeRefusal(outcome, { possibleChild, immediateDanger: input.immediateDanger, alertsForce: input.alsoAlertForce });
    if (refusal !== null) errors.push({ field: 'outcome', message: refusal });
    else if (input.alsoAlertForce && outcome === 'advice-only') {
      errors.push({ field: 'alsoAlertForce', message: 'Advice only alerts no one: choose a referral, or the alert to the local police force' });
    }
  }
  if (errors.length > 0 || !callOutcomes.has(outcome)) throw new ValidationError(errors);
  const alertsForce = outcome === 'force-alert' || (input.alsoAlertForce && outcome !== 'advice-only');
  return { callerType: input.callerType, indicators, possibleChild, profile, outcome, durationMinutes, alertsForce };
}
