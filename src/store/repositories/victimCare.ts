import type { ExpressionBuilder, Kysely } from 'kysely';
import type {
  AnonymousNotificationRow, DatabaseSchema, PotentialVictimRow, VictimAccessGrantRow, VictimReferralRow, VictimTimelineRow,
} from '../schema.ts';

/** The statuses under which a receiver still deals with the person. */
const LIVE_REFERRAL_STATUSES = ['pending', 'accepted'];

export type VictimClockColumns = Pick<PotentialVictimRow, 'stage' | 'referred_on' | 'reasonable_grounds_due_on' | 'period_last_day'>;

function normaliseVictim(row: PotentialVictimRow): PotentialVictimRow {
  return { ...row, dependants: Number(row.dependants) };
}

function normaliseEvent(row: VictimTimelineRow): VictimTimelineRow {
  return { ...row, days: row.days === null ? null : Number(row.days) };
}

export class VictimCareRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** Potential victims an organisation deals with: made, sent, recorded as the child's local authority, or received and not declined. */
  private connectedTo(organisationId: string) {
    return (eb: ExpressionBuilder<DatabaseSchema, 'potential_victims'>) => eb.or([
      eb('potential_victims.organisation_id', '=', organisationId),
      eb('potential_victims.local_authority_id', '=', organisationId),
      eb('potential_victims.id', 'in', this.db.selectFrom('victim_referrals').select('victim_referrals.potential_victim_id').where((r) => r.or([
        r('victim_referrals.from_organisation_id', '=', organisationId),
        r.and([r('victim_referrals.to_organisation_id', '=', organisationId), r('victim_referrals.status', 'in', LIVE_REFERRAL_STATUSES)]),
      ]))),
    ]);
  }

  async insertVictim(row: PotentialVictimRow): Promise<void> {
    await this.db.insertInto('potential_victims').values(row).execute();
  }

  async findVictim(id: string): Promise<PotentialVictimRow | undefined> {
    const row = await this.db.selectFrom('potential_victims').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : normaliseVictim(row);
  }

  /** Newest first; `organisationId` undefined means every record (system use only). */
  async listVictims(organisationId: string | undefined, options: { stages?: readonly string[] } = {}): Promise<PotentialVictimRow[]> {
    let query = this.db.selectFrom('potential_victims').selectAll();
    if (organisationId !== undefined) query = query.where(this.connectedTo(organisationId));
    if (options.stages !== undefined) query = query.where('stage', 'in', [...options.stages]);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return rows.map(normaliseVictim);
  }

  async updateClock(id: string, clock: VictimClockColumns, at: string): Promise<void> {
    await this.db.updateTable('potential_victims').set({ ...clock, updated_at: at }).where('id', '=', id).execute();
  }

  async insertReferral(row: VictimReferralRow): Promise<void> {
    await this.db.insertInto('victim_referrals').values(row).execute();
  }

  findReferral(id: string): Promise<VictimReferralRow | undefined> {
    return this.db.selectFrom('victim_referrals').selectAll().where('id', '=', id).executeTakeFirst();
  }

  referralsFor(potentialVictimIds: readonly string[]): Promise<VictimReferralRow[]> {
    if (potentialVictimIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('victim_referrals').selectAll().where('potential_victim_id', 'in', [...potentialVictimIds]).orderBy('created_at').orderBy('id').execute();
  }

  async answerReferral(id: string, status: string, answeredOn: string, at: string): Promise<void> {
    await this.db.updateTable('victim_referrals').set({ status, answered_on: answeredOn, updated_at: at }).where('id', '=', id).execute();
  }

  /** The clock of every potential-victim record made from these people found: no names, no care details. */
  async clocksOfPeopleFound(personFoundIds: readonly string[]): Promise<Array<{ person_found_id: string; stage: string | null; period_last_day: string | null }>> {
    if (personFoundIds.length === 0) return [];
    const rows = await this.db.selectFrom('potential_victims').select(['person_found_id', 'stage', 'period_last_day'])
      .where('person_found_id', 'in', [...personFoundIds]).execute();
    return rows.flatMap((r) => (r.person_found_id === null ? [] : [{ person_found_id: r.person_found_id, stage: r.stage, period_last_day: r.period_last_day }]));
  }

  /** Gives a record its pseudonym unless it already has one; answers the pseudonym it has. */
  async assignPseudonym(id: string, pseudonym: string): Promise<string> {
    await this.db.updateTable('potential_victims').set({ pseudonym }).where('id', '=', id).where('pseudonym', 'is', null).execute();
    const row = await this.db.selectFrom('potential_victims').select('pseudonym').where('id', '=', id).executeTakeFirst();
    return row?.pseudonym ?? pseudonym;
  }

  async insertAccessGrant(row: VictimAccessGrantRow): Promise<void> {
    await this.db.insertInto('victim_access_grants').values(row).execute();
  }

  findAccessGrant(id: string): Promise<VictimAccessGrantRow | undefined> {
    return this.db.selectFrom('victim_access_grants').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Grants not revoked and not yet expired at `at`, for one analyst or one record. */
  liveAccessGrants(filter: { grantedTo?: string; potentialVictimId?: string }, at: string): Promise<VictimAccessGrantRow[]> {
    let query = this.db.selectFrom('victim_access_grants').selectAll().where('revoked_at', 'is', null).where('expires_at', '>', at);
    if (filter.grantedTo !== undefined) query = query.where('granted_to', '=', filter.grantedTo);
    if (filter.potentialVictimId !== undefined) query = query.where('potential_victim_id', '=', filter.potentialVictimId);
    return query.orderBy('granted_at').orderBy('id').execute();
  }

  async revokeAccessGrant(id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('victim_access_grants').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async updateConsent(id: string, consent: string, at: string): Promise<void> {
    await this.db.updateTable('potential_victims').set({ consent, updated_at: at }).where('id', '=', id).execute();
  }

  /** Closes a charity's case once: a second close of the same referral changes nothing and says so. */
  async closeReferral(id: string, closedOn: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('victim_referrals').set({ closed_on: closedOn, updated_at: at }).where('id', '=', id).where('closed_on', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async appendTimeline(row: VictimTimelineRow): Promise<void> {
    await this.db.insertInto('victim_timeline').values(row).execute();
  }

  async timeline(potentialVictimId: string): Promise<VictimTimelineRow[]> {
    const rows = await this.db.selectFrom('victim_timeline').selectAll().where('potential_victim_id', '=', potentialVictimId).orderBy('recorded_at').orderBy('id').execute();
    return rows.map(normaliseEvent);
  }

  async insertAnonymousNotification(row: AnonymousNotificationRow): Promise<void> {
    await this.db.insertInto('anonymous_notifications').values(row).execute();
  }

  findAnonymousNotification(id: string): Promise<AnonymousNotificationRow | undefined> {
    return this.db.selectFrom('anonymous_notifications').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listAnonymousNotifications(organisationId: string): Promise<AnonymousNotificationRow[]> {
    return this.db.selectFrom('anonymous_notifications').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  }
}
