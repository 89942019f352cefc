import type { IsoDate } from '../calendar/isoDate.ts';
import type { Jurisdiction } from '../calendar/jurisdiction.ts';
import { addWorkingDays } from '../calendar/workingDays.ts';
import { deadlineStatus, type DeadlineStatus } from './deadline.ts';
import type { VictimPathPolicy } from './policy.ts';

/**
 * The target date of the reasonable-grounds decision: the policy's number of working days after
 * the referral, in the jurisdiction of the competent authority that decides.
 */
export function reasonableGroundsDueDate(referredOn: IsoDate, jurisdiction: Jurisdiction, policy: VictimPathPolicy): IsoDate {
  return addWorkingDays(referredOn, policy.reasonableGroundsTargetWorkingDays, jurisdiction);
}

/** Where a referral still waiting for its reasonable-grounds decision stands today. */
export function reasonableGroundsStatus(referredOn: IsoDate, today: IsoDate, jurisdiction: Jurisdiction, policy: VictimPathPolicy): DeadlineStatus {
  return deadlineStatus(reasonableGroundsDueDate(referredOn, jurisdiction, policy), today, jurisdiction);
}
