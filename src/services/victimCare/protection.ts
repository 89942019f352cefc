// What enforcement pages and the API say about a person found who has a potential-victim record:
// whether they are protected from removal (from the positive reasonable-grounds decision until the
// conclusive-grounds decision) and until when — and nothing else. No name from the victim record,
// no care, no referrals: an officer learns to treat the person as a potential victim, while the
// record itself stays with the organisations that deal with the person.
import type { Actor } from '../../access/actor.ts';
import { canReadForceRecords } from '../../access/policies/enforcementRecords.ts';
import { compareDates, daysBetween, type IsoDate } from '../../domain/calendar/isoDate.ts';
import { localDate } from '../../domain/recording/enteredValues.ts';
import type { ServiceContext } from '../context.ts';

export type ProtectionStatus = 'protected' | 'potential-victim' | 'none';

export interface Protection {
  status: ProtectionStatus;
  /** Last day of the recovery and reflection period while protected; null otherwise. */
  protectedUntil: IsoDate | null;
  /** Days of the period still to come, counting today (1 on its last day, 0 once ended); null when not protected. */
  daysLeft: number | null;
  /** Protected although the period has ended: the conclusive-grounds decision is awaited. */
  awaitingConclusiveDecision: boolean;
}

export const NO_PROTECTION: Protection = { status: 'none', protectedUntil: null, daysLeft: null, awaitingConclusiveDecision: false };

const RANK: Record<ProtectionStatus, number> = { protected: 2, 'potential-victim': 1, none: 0 };

export interface PersonFoundRef {
  id: string;
  organisation_id: string;
}

export class VictimProtectionService {
  constructor(private readonly context: ServiceContext) {}

  /**
   * The protection of each person found the actor may read (others are left out: the caller has
   * already loaded them with its own access check, this checks again so it can never be a side door).
   */
  async forPeopleFound(actor: Actor, people: readonly PersonFoundRef[]): Promise<Map<string, Protection>> {
    const readable = people.filter((p) => canReadForceRecords(actor, p.organisation_id)).map((p) => p.id);
    const result = new Map<string, Protection>(readable.map((id) => [id, NO_PROTECTION]));
    const today = localDate(this.context.clock());
    for (const row of await this.context.store.repositories.victimCare.clocksOfPeopleFound(readable)) {
      const protection: Protection = row.stage === 'recovery-period'
        ? {
          status: 'protected', protectedUntil: row.period_last_day,
          daysLeft: row.period_last_day === null ? null : Math.max(0, daysBetween(today, row.period_last_day) + 1),
          awaitingConclusiveDecision: row.period_last_day !== null && compareDates(row.period_last_day, today) < 0,
        }
        : { status: 'potential-victim', protectedUntil: null, daysLeft: null, awaitingConclusiveDecision: false };
      const current = result.get(row.person_found_id) ?? NO_PROTECTION;
      if (RANK[protection.status] > RANK[current.status]) result.set(row.person_found_id, protection);
    }
    return result;
  }

  async forPersonFound(actor: Actor, person: PersonFoundRef): Promise<Protection> {
    return (await this.forPeopleFound(actor, [person])).get(person.id) ?? NO_PROTECTION;
  }
}
