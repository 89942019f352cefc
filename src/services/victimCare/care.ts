// The charity's side of a person's care: support given (dated, with a sealed note), changes of
// consent (given later, or withdrawn — which ends the care referral, since care needs consent),
// and closing the case with a move-on plan. Each is an event on the person's timeline, written
// with its audit event in one transaction; the audit never carries the note or the plan.
import type { Actor } from '../../access/actor.ts';
import { ConflictError, ForbiddenError, ValidationError, type FieldError } from '../../access/errors.ts';
import { canChangeConsent, canRecordCare, type CareReferral } from '../../access/policies/victimCare.ts';
import { compareDates } from '../../domain/calendar/isoDate.ts';
import type { DateParts } from '../../domain/recording/enteredValues.ts';
import { caseClosureReasons, consentChanges, supportKinds } from '../../domain/vocabularies/victimCare.ts';
import type { VictimReferralRow, VictimTimelineRow } from '../../store/schema.ts';
import type { Repositories } from '../../store/store.ts';
import { recordAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { VictimRecords, type LoadedVictim } from './records.ts';
import { decisionDate } from './validation.ts';

export interface SupportInput {
  kind: string;
  givenOn: DateParts;
  note: string;
}

export interface ConsentChangeInput {
  change: string;
  reason: string;
}

export interface CaseClosureInput {
  reason: string;
  moveOnPlan: string;
}

export interface SupportRecorded {
  timelineEventId: string;
  /** False when this was a repeat of a submission already saved. */
  created: boolean;
}

const NOTE_LIMIT = 5000;
const SUBMISSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SUPPORT_RECORD = 'victim-support';

export const careReferral = (r: VictimReferralRow): CareReferral => ({
  kind: r.kind, fromOrganisationId: r.from_organisation_id, toOrganisationId: r.to_organisation_id, status: r.status, closedOn: r.closed_on,
});

function staleForm(): ValidationError {
  return new ValidationError([{ field: 'submissionId', message: 'This form is out of date: reload the page and try again' }]);
}

function limited(errors: FieldError[], field: string, value: string, what: string): void {
  if (value.length > NOTE_LIMIT) errors.push({ field, message: `Keep the ${what} to ${NOTE_LIMIT} characters or fewer` });
}

export class VictimCareService {
  private readonly records: VictimRecords;

  constructor(private readonly context: ServiceContext) {
    this.records = new VictimRecords(context);
  }

  /** The actor's open case on this person, or a refusal that says why. */
  private openCase(actor: Actor, loaded: LoadedVictim): VictimReferralRow {
    const mine = loaded.referrals.find((r) => canRecordCare(actor, careReferral(r)));
    if (mine !== undefined) return mine;
    const closed = loaded.referrals.some((r) => actor.kind === 'user' && r.kind === 'support-charity' && r.to_organisation_id === actor.organisationId && r.status === 'accepted');
    if (closed) throw new ConflictError('Your organisation’s case for this person is closed');
    throw new ForbiddenError('Only the support charity caring for the person records their care');
  }

  /**
   * Records one piece of support given. The form's submission id makes a double submit (or a
   * retry after a lost response) save it once.
   */
  async recordSupport(actor: Actor, potentialVictimId: string, input: SupportInput, submissionId?: string): Promise<SupportRecorded> {
    const key = submissionId === undefined || submissionId === '' ? undefined : submissionId;
    if (key !== undefined && !SUBMISSION_ID.test(key)) throw staleForm();
    const earlier = async (): Promise<string | undefined> => (key === undefined ? undefined : this.context.store.repositories.formSubmissions.recordIdFor(key, SUPPORT_RECORD));
    const first = await earlier();
    if (first !== undefined) {
      await this.records.loadFull(actor, potentialVictimId, this.context.store.repositories);
      return { timelineEventId: first, created: false };
    }
    const today = this.records.today();
    const errors: FieldError[] = [];
    if (!supportKinds.has(input.kind)) errors.push({ field: 'kind', message: 'Select the kind of support given' });
    let givenOn = today;
    try {
      givenOn = decisionDate(input.givenOn, today, 'givenOn');
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors.push(...error.fieldErrors);
    }
    limited(errors, 'note', input.note, 'note');
    if (errors.length > 0) throw new ValidationError(errors);
    const now = this.records.now();
    try {
      return await this.context.store.transaction(async (repositories) => {
        const loaded = await this.records.loadFull(actor, potentialVictimId, repositories);
        const referral = this.openCase(actor, loaded);
        if (compareDates(givenOn, referral.referred_on) < 0) throw new ValidationError([{ field: 'givenOn', message: `The date cannot be before the referral on ${referral.referred_on}` }]);
        const event = await this.records.appendEvent(repositories, actor, potentialVictimId, {
          type: 'support-given', occurredOn: givenOn, referralId: referral.id, outcome: input.kind, reason: input.note.trim(),
        }, now);
        if (key !== undefined) await repositories.formSubmissions.remember(key, SUPPORT_RECORD, event.id, now);
        await recordAudit(repositories, actor, now, {
          action: 'victim-support.record', subjectType: 'potential-victim', subjectId: potentialVictimId, subjectOrganisationId: loaded.victim.organisation_id,
          details: { timelineEventId: event.id, kind: input.kind, givenOn },
        });
        return { timelineEventId: event.id, created: true };
      });
    } catch (error) {
      // Two submits racing: the loser's unique key fails; answer with the winner's entry.
      const winner = await earlier().catch(() => undefined);
      if (winner !== undefined) return { timelineEventId: winner, created: false };
      throw error;
    }
  }

  /**
   * Consent given later lets the person be referred for care; consent withdrawn ends every live
   * referral to a support charity (care needs consent). The decision on whether the person is a
   * victim does not: for a child consent was never the gate, and for an adult the competent
   * authority's referral is the first responder's to withdraw, with its own reason.
   */
  async changeConsent(actor: Actor, potentialVictimId: string, input: ConsentChangeInput): Promise<{ endedReferralIds: string[] }> {
    const errors: FieldError[] = [];
    if (!consentChanges.has(input.change)) errors.push({ field: 'change', message: 'Select whether consent was given or withdrawn' });
    if (input.reason.trim() === '') errors.push({ field: 'reason', message: 'Say how and when the person told you' });
    limited(errors, 'reason', input.reason, 'reason');
    if (errors.length > 0) throw new ValidationError(errors);
    const now = this.records.now();
    const today = this.records.today();
    return this.context.store.transaction(async (repositories) => {
      const loaded = await this.records.loadFull(actor, potentialVictimId, repositories);
      if (!canChangeConsent(actor, loaded.relations, loaded.referrals.map(careReferral))) throw new ForbiddenError('Your role does not record changes of consent');
      const consent = input.change === 'given' ? 'given' : 'refused';
      if (loaded.victim.consent === consent) {
        throw new ValidationError([{ field: 'change', message: consent === 'given' ? 'Consent is already recorded as given' : 'Consent is already recorded as not given' }]);
      }
      await repositories.victimCare.updateConsent(potentialVictimId, consent, now);
      await this.records.appendEvent(repositories, actor, potentialVictimId, { type: 'consent-changed', occurredOn: today, outcome: input.change, reason: input.reason }, now);
      const ended = consent === 'refused' ? await this.endCareReferrals(repositories, actor, loaded, today, now) : [];
      await recordAudit(repositories, actor, now, {
        action: 'potential-victim.consent-change', subjectType: 'potential-victim', subjectId: potentialVictimId, subjectOrganisationId: loaded.victim.organisation_id,
        details: { change: input.change, previous: loaded.victim.consent, endedReferralIds: ended },
      });
      return { endedReferralIds: ended };
    });
  }

  private async endCareReferrals(repositories: Repositories, actor: Actor, loaded: LoadedVictim, today: string, now: string): Promise<string[]> {
    const live = loaded.referrals.filter((r) => r.kind === 'support-charity' && (r.status === 'pending' || r.status === 'accepted'));
    for (const referral of live) {
      await repositories.victimCare.answerReferral(referral.id, 'withdrawn', today, now);
      await this.records.appendEvent(repositories, actor, loaded.victim.id, { type: 'referral-withdrawn', occurredOn: today, referralId: referral.id, reason: 'Consent withdrawn' }, now);
    }
    return live.map((r) => r.id);
  }

  /** Closes the charity's case with the move-on plan; once closed, no more support is recorded on it. */
  async closeCase(actor: Actor, potentialVictimId: string, input: CaseClosureInput): Promise<void> {
    const errors: FieldError[] = [];
    if (!caseClosureReasons.has(input.reason)) errors.push({ field: 'reason', message: 'Select why the case is closing' });
    if (input.moveOnPlan.trim() === '') errors.push({ field: 'moveOnPlan', message: 'Enter the move-on plan: where the person goes and who supports them next' });
    limited(errors, 'moveOnPlan', input.moveOnPlan, 'move-on plan');
    if (errors.length > 0) throw new ValidationError(errors);
    const now = this.records.now();
    const today = this.records.today();
    await this.context.store.transaction(async (repositories) => {
      const loaded = await this.records.loadFull(actor, potentialVictimId, repositories);
      const referral = this.openCase(actor, loaded);
      if (!(await repositories.victimCare.closeReferral(referral.id, today, now))) throw new ConflictError('Your organisation’s case for this person is closed');
      await this.records.appendEvent(repositories, actor, potentialVictimId, { type: 'case-closed', occurredOn: today, referralId: referral.id, outcome: input.reason, reason: input.moveOnPlan }, now);
      await recordAudit(repositories, actor, now, {
        action: 'victim-case.close', subjectType: 'potential-victim', subjectId: potentialVictimId, subjectOrganisationId: loaded.victim.organisation_id,
        details: { referralId: referral.id, reason: input.reason },
      });
    });
  }
}

/** Support notes are the charity's: other organisations see that support was given, not what was said. */
export function hidesNote(event: Pick<VictimTimelineRow, 'event_type' | 'organisation_id'>, viewer: Actor): boolean {
  return event.event_type === 'support-given' && viewer.kind === 'user' && viewer.organisationId !== event.organisation_id;
}
