import type { IsoDate } from '../calendar/isoDate.ts';
import { periodOfDays, type Period } from './period.ts';
import type { VictimPathPolicy } from './policy.ts';

/** Move-on support after a positive conclusive-grounds decision, beginning with the decision day. */
export function moveOnSupportPeriod(positiveConclusiveGroundsOn: IsoDate, policy: VictimPathPolicy): Period {
  return periodOfDays(positiveConclusiveGroundsOn, policy.moveOnSupportDays);
}
