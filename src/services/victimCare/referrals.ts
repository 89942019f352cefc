// Referrals: to the competent authority for a decision, and — only with the person's consent —
// to a support charity for care. The receiver accepts or declines with a reason; the sender may
// withdraw; each step is a dated event on the person's timeline. A referral to the competent
// authority starts the path's clock, so the clock columns are refreshed with every step.
import type { Actor, UserActor } from '../../access/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../access/errors.ts';
import { canAnswerReferral, canIdentifyVictims, canWithdrawReferral, victimRecordAccess } from '../../access/policies/victimCare.ts';
import { referralKinds, type ReferralKind } from '../../domain/vocabularies/victimCare.ts';
import { newId } from '../../store/ids.ts';
import type { PotentialVictimRow, VictimReferralRow } from '../../store/schema.ts';
import type { Repositories } from '../../store/store.ts';
import { recordAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { PATH_EVENT_TYPES } from './path.ts';
import { competentAuthorityReferral, referralView, relationsOf, VictimRecords, type ReferralView } from './records.ts';
import { requiredReason } from './validation.ts';

export interface ReferralInput {
  kind: string;
  toOrganisationId: string;
}

/** A referral waiting at the actor's organisation, with only what the receiver may see before accepting. */
export interface IncomingReferral extends ReferralView {
  potentialVictimId: string;
  childStatus: string;
  exploitationTypes: string[];
  supportWanted: string[];
}

const RECEIVER_KIND: Record<ReferralKind, string> = { 'competent-authority': 'competent-authority', 'support-charity': 'support-charity' };

/** Sends a referral inside the caller's transaction: used by the referral form and by a child's record, referred at once. */
export async function sendReferral(
  records: VictimRecords, repositories: Repositories, actor: UserActor, victim: PotentialVictimRow, existing: readonly VictimReferralRow[], input: ReferralInput, now: string,
): Promise<VictimReferralRow> {
  if (!referralKinds.has(input.kind)) throw new ValidationError([{ field: 'kind', message: 'Select where to refer the person' }]);
  const kind = input.kind;
  const receiver = input.toOrganisationId === '' ? undefined : await repositories.organisations.findById(input.toOrganisationId);
  if (receiver?.kind !== RECEIVER_KIND[kind] || receiver.retired_at !== null) throw new ValidationError([{ field: 'toOrganisationId', message: 'Select an organisation from the list' }]);
  if (receiver.id === actor.organisationId) throw new ValidationError([{ field: 'toOrganisationId', message: 'Refer the person to another organisation' }]);
  // Care needs consent whatever the age; a decision does not (a child is referred without it).
  if (kind === 'support-charity' && victim.consent !== 'given') throw new ValidationError([{ field: 'kind', message: 'A referral to a support charity needs the person’s consent' }]);
  const live = existing.filter((r) => r.status === 'pending' || r.status === 'accepted');
  if (kind === 'competent-authority' && competentAuthorityReferral(existing) !== undefined) throw new ConflictError('The person has already been referred to the competent authority');
  if (live.some((r) => r.to_organisation_id === receiver.id)) throw new ConflictError('The person has already been referred to this organisation');
  const today = records.today();
  const row: VictimReferralRow = {
    id: newId(), potential_victim_id: victim.id, kind, from_organisation_id: actor.organisationId, to_organisation_id: receiver.id, status: 'pending',
    referred_on: today, answered_on: null, sent_by: actor.userId, closed_on: null, created_at: now, updated_at: now,
  };
  await repositories.victimCare.insertReferral(row);
  await records.appendEvent(repositories, actor, victim.id, { type: 'referral-sent', occurredOn: today, referralId: row.id }, now);
  if (kind === 'competent-authority') await records.refreshClock(repositories, victim.id, now);
  await recordAudit(repositories, actor, now, {
    action: 'victim-referral.send', subjectType: 'potential-victim', subjectId: victim.id, subjectOrganisationId: victim.organisation_id,
    details: { referralId: row.id, kind, toOrganisationId: receiver.id },
  });
  return row;
}

export class VictimReferralService {
  private readonly records: VictimRecords;

  constructor(private readonly context: ServiceContext) {
    this.records = new VictimRecords(context);
  }

  async refer(actor: Actor, potentialVictimId: string, input: ReferralInput): Promise<ReferralView> {
    if (!canIdentifyVictims(actor)) throw new ForbiddenError('Only first responders refer potential victims');
    return this.context.store.transaction(async (repositories) => {
      const { victim, referrals } = await this.records.loadFull(actor, potentialVictimId, repositories);
      return referralView(await sendReferral(this.records, repositories, actor, victim, referrals, input, this.records.now()));
    });
  }

  /** Referrals waiting for the actor's organisation to answer, oldest first. */
  async incoming(actor: Actor): Promise<IncomingReferral[]> {
    if (actor.kind !== 'user') throw new ForbiddenError('A list belongs to an organisation');
    const repositories = this.context.store.repositories;
    const victims = await repositories.victimCare.listVictims(actor.organisationId);
    const referrals = await repositories.victimCare.referralsFor(victims.map((v) => v.id));
    const waiting = referrals.filter((r) => r.status === 'pending' && canAnswerReferral(actor, { fromOrganisationId: r.from_organisation_id, toOrganisationId: r.to_organisation_id, status: r.status }));
    return waiting.flatMap((r) => {
      const victim = victims.find((v) => v.id === r.potential_victim_id);
      if (victim === undefined) return [];
      return [{
        ...referralView(r), potentialVictimId: victim.id, childStatus: victim.child_status,
        exploitationTypes: JSON.parse(victim.exploitation_types) as string[], supportWanted: JSON.parse(victim.support_wanted) as string[],
      }];
    });
  }

  async accept(actor: Actor, referralId: string): Promise<ReferralView> {
    return this.answer(actor, referralId, 'accepted', undefined);
  }

  async decline(actor: Actor, referralId: string, reason: string): Promise<ReferralView> {
    return this.answer(actor, referralId, 'declined', requiredReason(reason));
  }

  async withdraw(actor: Actor, referralId: string, reason: string): Promise<ReferralView> {
    const why = requiredReason(reason);
    return this.context.store.transaction(async (repositories) => {
      const { referral, victim } = await this.findReferral(actor, referralId, repositories);
      if (!canWithdrawReferral(actor, this.parties(referral))) throw new ForbiddenError('Only the organisation that sent a referral withdraws it');
      if (referral.status !== 'pending' && referral.status !== 'accepted') throw new ConflictError(`This referral is already ${referral.status}`);
      if (referral.kind === 'competent-authority' && (await this.hasDecisions(repositories, victim.id))) {
        throw new ConflictError('A referral on which a decision has been made cannot be withdrawn: ask for a reconsideration instead');
      }
      return this.settle(repositories, actor, victim, referral, 'withdrawn', why);
    });
  }

  private async answer(actor: Actor, referralId: string, status: 'accepted' | 'declined', reason: string | undefined): Promise<ReferralView> {
    return this.context.store.transaction(async (repositories) => {
      const { referral, victim } = await this.findReferral(actor, referralId, repositories);
      if (!canAnswerReferral(actor, this.parties(referral))) throw new ForbiddenError('Only the organisation a referral was sent to answers it');
      if (referral.status !== 'pending') throw new ConflictError(`This referral is already ${referral.status}`);
      return this.settle(repositories, actor, victim, referral, status, reason);
    });
  }

  private async settle(
    repositories: Repositories, actor: Actor, victim: PotentialVictimRow, referral: VictimReferralRow,
    status: 'accepted' | 'declined' | 'withdrawn', reason: string | undefined,
  ): Promise<ReferralView> {
    const now = this.records.now();
    const today = this.records.today();
    await repositories.victimCare.answerReferral(referral.id, status, today, now);
    const type = status === 'accepted' ? 'referral-accepted' : status === 'declined' ? 'referral-declined' : 'referral-withdrawn';
    await this.records.appendEvent(repositories, actor, victim.id, { type, occurredOn: today, referralId: referral.id, ...(reason === undefined ? {} : { reason }) }, now);
    if (referral.kind === 'competent-authority') await this.records.refreshClock(repositories, victim.id, now);
    await recordAudit(repositories, actor, now, {
      action: `victim-referral.${status === 'accepted' ? 'accept' : status === 'declined' ? 'decline' : 'withdraw'}`, subjectType: 'potential-victim', subjectId: victim.id,
      subjectOrganisationId: victim.organisation_id, details: { referralId: referral.id, kind: referral.kind, previousStatus: referral.status },
    });
    return referralView({ ...referral, status, answered_on: today, updated_at: now });
  }

  /** A referral is found through its person: one the actor's organisation has no part in is "not found". */
  private async findReferral(actor: Actor, referralId: string, repositories: Repositories): Promise<{ referral: VictimReferralRow; victim: PotentialVictimRow; referrals: VictimReferralRow[] }> {
    const referral = await repositories.victimCare.findReferral(referralId);
    const victim = referral === undefined ? undefined : await repositories.victimCare.findVictim(referral.potential_victim_id);
    if (referral === undefined || victim === undefined) throw new NotFoundError('Referral');
    const referrals = await repositories.victimCare.referralsFor([victim.id]);
    if (victimRecordAccess(actor, relationsOf(victim, referrals)) === 'none') throw new NotFoundError('Referral');
    return { referral, victim, referrals };
  }

  private parties(referral: VictimReferralRow) {
    return { fromOrganisationId: referral.from_organisation_id, toOrganisationId: referral.to_organisation_id, status: referral.status };
  }

  private async hasDecisions(repositories: Repositories, victimId: string): Promise<boolean> {
    const timeline = await repositories.victimCare.timeline(victimId);
    return timeline.some((e) => (PATH_EVENT_TYPES as readonly string[]).includes(e.event_type));
  }
}
