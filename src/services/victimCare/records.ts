// What every victim-care service shares: finding a record for an actor (a record the actor may
// not see answers exactly like a missing one), today's date, sealing, the timeline, and keeping
// the clock columns in step with the path.
import type { Actor } from '../../access/actor.ts';
import { NotFoundError } from '../../access/errors.ts';
import { victimRecordAccess, type VictimRecordAccess, type VictimRelations } from '../../access/policies/victimCare.ts';
import type { IsoDate } from '../../domain/calendar/isoDate.ts';
import { localDate } from '../../domain/recording/enteredValues.ts';
import type { VictimPath } from '../../domain/victimPath/path.ts';
import { newId } from '../../store/ids.ts';
import type { PotentialVictimRow, VictimReferralRow, VictimTimelineRow } from '../../store/schema.ts';
import type { Repositories } from '../../store/store.ts';
import { isoNow, type ServiceContext } from '../context.ts';
import { clockColumns, jurisdictionOf, rebuildPath } from './path.ts';

export interface LoadedVictim {
  victim: PotentialVictimRow;
  referrals: VictimReferralRow[];
  relations: VictimRelations;
  access: Exclude<VictimRecordAccess, 'none'>;
}

export type TimelineEventType =
  | 'record-created' | 'referral-sent' | 'referral-accepted' | 'referral-declined' | 'referral-withdrawn'
  | 'reasonable-grounds-decided' | 'conclusive-grounds-decided' | 'reflection-period-extended' | 'reconsideration-requested'
  | 'support-given' | 'consent-changed' | 'case-closed';

export interface TimelineEventInput {
  type: TimelineEventType;
  occurredOn: IsoDate;
  referralId?: string;
  outcome?: string;
  days?: number;
  requestedBy?: string;
  reason?: string;
}

export interface ReferralView {
  id: string;
  potentialVictimId: string;
  kind: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  status: string;
  referredOn: IsoDate;
  answeredOn: IsoDate | null;
  /** A charity's case closed on this day (with a move-on plan on the timeline). */
  closedOn: IsoDate | null;
}

export const referralView = (r: VictimReferralRow): ReferralView => ({
  id: r.id, potentialVictimId: r.potential_victim_id, kind: r.kind, fromOrganisationId: r.from_organisation_id, toOrganisationId: r.to_organisation_id, status: r.status, referredOn: r.referred_on, answeredOn: r.answered_on, closedOn: r.closed_on,
});

export function relationsOf(victim: PotentialVictimRow, referrals: readonly VictimReferralRow[]): VictimRelations {
  return {
    organisationId: victim.organisation_id,
    localAuthorityId: victim.local_authority_id,
    referrals: referrals.map((r) => ({ fromOrganisationId: r.from_organisation_id, toOrganisationId: r.to_organisation_id, status: r.status })),
  };
}

/** The live referral to the competent authority: the one whose decisions make the path. */
export function competentAuthorityReferral(referrals: readonly VictimReferralRow[]): VictimReferralRow | undefined {
  return referrals.find((r) => r.kind === 'competent-authority' && (r.status === 'pending' || r.status === 'accepted'));
}

export class VictimRecords {
  constructor(readonly context: ServiceContext) {}

  now(): string {
    return isoNow(this.context.clock);
  }

  /** Today in the UK: a decision made at 00:30 on a summer morning is dated that day, not the day before. */
  today(): IsoDate {
    return localDate(this.context.clock());
  }

  seal(value: string | null): string | null {
    return value === null ? null : this.context.fieldCipher.seal(value);
  }

  open(value: string | null): string | null {
    return value === null ? null : this.context.fieldCipher.open(value);
  }

  async load(actor: Actor, id: string, repositories: Repositories = this.context.store.repositories): Promise<LoadedVictim> {
    const victim = await repositories.victimCare.findVictim(id);
    if (victim === undefined) throw new NotFoundError('Potential victim');
    const referrals = await repositories.victimCare.referralsFor([id]);
    const relations = relationsOf(victim, referrals);
    const access = victimRecordAccess(actor, relations);
    if (access === 'none') throw new NotFoundError('Potential victim');
    return { victim, referrals, relations, access };
  }

  /** Loads for someone who must see the whole record to act on it. */
  async loadFull(actor: Actor, id: string, repositories: Repositories): Promise<LoadedVictim> {
    const loaded = await this.load(actor, id, repositories);
    if (loaded.access !== 'full') throw new NotFoundError('Potential victim');
    return loaded;
  }

  async appendEvent(repositories: Repositories, actor: Actor, victimId: string, event: TimelineEventInput, at: string): Promise<VictimTimelineRow> {
    const row: VictimTimelineRow = {
      id: newId(), potential_victim_id: victimId, event_type: event.type, occurred_on: event.occurredOn,
      organisation_id: actor.kind === 'user' ? actor.organisationId : null, recorded_by: actor.kind === 'user' ? actor.userId : null,
      referral_id: event.referralId ?? null, outcome: event.outcome ?? null, days: event.days ?? null, requested_by: event.requestedBy ?? null,
      reason_sealed: this.seal(event.reason === undefined || event.reason === '' ? null : event.reason), recorded_at: at,
    };
    await repositories.victimCare.appendTimeline(row);
    return row;
  }

  /** The path today, or null while no referral to the competent authority is live. */
  async path(repositories: Repositories, victim: PotentialVictimRow, referrals: readonly VictimReferralRow[]): Promise<VictimPath | null> {
    const live = competentAuthorityReferral(referrals);
    if (live === undefined) return null;
    const timeline = await repositories.victimCare.timeline(victim.id);
    return rebuildPath(live.referred_on, timeline, this.context.fieldCipher, this.context.victimPath);
  }

  async refreshClock(repositories: Repositories, victimId: string, at: string): Promise<VictimPath | null> {
    const victim = await repositories.victimCare.findVictim(victimId);
    if (victim === undefined) throw new NotFoundError('Potential victim');
    const path = await this.path(repositories, victim, await repositories.victimCare.referralsFor([victimId]));
    await repositories.victimCare.updateClock(victimId, clockColumns(path, jurisdictionOf(victim), this.context.victimPath, victim), at);
    return path;
  }
}
