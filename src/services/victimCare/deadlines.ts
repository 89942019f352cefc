// Decisions due, decisions overdue and reflection periods ending soon, per organisation. A plain
// service function on purpose: the reminders (another module's `ReminderSource`) call it with a
// system actor for every organisation, the pages call it for the signed-in user's own. Items
// carry ids and dates only, never a name, so they are safe to put in a notification.
import type { Actor } from '../../access/actor.ts';
import { ForbiddenError } from '../../access/errors.ts';
import { canWorkOnVictimCare } from '../../access/policies/victimCare.ts';
import { assertIsoDate, type IsoDate } from '../../domain/calendar/isoDate.ts';
import { pathClock } from '../../domain/victimPath/path.ts';
import type { ServiceContext } from '../context.ts';
import { jurisdictionOf } from './path.ts';
import { VictimRecords } from './records.ts';

export type VictimDeadlineKind = 'reasonable-grounds-due' | 'reasonable-grounds-overdue' | 'conclusive-grounds-awaited' | 'reconsideration-requested' | 'reflection-period-ending';

export interface VictimDeadline {
  potentialVictimId: string;
  kind: VictimDeadlineKind;
  /** The decision's target date, the period's last day, the first day a conclusive decision may be made, or the day a reconsideration was asked for. */
  dueOn: IsoDate;
  /** Working days to the target (decisions due) or calendar days of the period left, counting today. */
  daysLeft: number | null;
  workingDaysOverdue: number | null;
  /** The organisations that deal with the person: each should hear about it. */
  organisationIds: string[];
}

export interface VictimDeadlines {
  today: IsoDate;
  decisionsDue: VictimDeadline[];
  overdue: VictimDeadline[];
  periodsEndingSoon: VictimDeadline[];
}

const OPEN_STAGES = ['awaiting-reasonable-grounds', 'recovery-period', 'reconsideration'] as const;

export class VictimDeadlineService {
  private readonly records: VictimRecords;

  constructor(private readonly context: ServiceContext) {
    this.records = new VictimRecords(context);
  }

  /**
   * For a user: their own organisation's (naming another is refused). For the system (reminders):
   * one organisation's, or every organisation's when none is named. `today` defaults to the UK date.
   */
  async deadlines(actor: Actor, options: { organisationId?: string; today?: IsoDate } = {}): Promise<VictimDeadlines> {
    if (!canWorkOnVictimCare(actor)) throw new ForbiddenError('Your role does not include victim care');
    if (actor.kind === 'user' && options.organisationId !== undefined && options.organisationId !== actor.organisationId) {
      throw new ForbiddenError('You see your own organisation’s deadlines');
    }
    const organisationId = actor.kind === 'user' ? actor.organisationId : options.organisationId;
    const today = options.today === undefined ? this.records.today() : assertIsoDate(options.today);
    const repositories = this.context.store.repositories;
    const victims = await repositories.victimCare.listVictims(organisationId, { stages: OPEN_STAGES });
    const referrals = await repositories.victimCare.referralsFor(victims.map((v) => v.id));
    const result: VictimDeadlines = { today, decisionsDue: [], overdue: [], periodsEndingSoon: [] };
    for (const victim of victims) {
      const own = referrals.filter((r) => r.potential_victim_id === victim.id);
      const path = await this.records.path(repositories, victim, own);
      if (path === null) continue;
      const live = own.filter((r) => r.status === 'pending' || r.status === 'accepted');
      const organisationIds = [...new Set([victim.organisation_id, ...(victim.local_authority_id === null ? [] : [victim.local_authority_id]), ...live.flatMap((r) => [r.from_organisation_id, r.to_organisation_id])])];
      const base = { potentialVictimId: victim.id, organisationIds };
      const clock = pathClock(path, today, jurisdictionOf(victim), this.context.victimPath, victim.reasonable_grounds_due_on);
      switch (clock.kind) {
        case 'reasonable-grounds-decision': {
          const status = clock.status;
          if (status.kind === 'overdue') result.overdue.push({ ...base, kind: 'reasonable-grounds-overdue', dueOn: status.dueOn, daysLeft: null, workingDaysOverdue: status.workingDaysOverdue });
          else result.decisionsDue.push({ ...base, kind: 'reasonable-grounds-due', dueOn: status.dueOn, daysLeft: status.kind === 'due' ? status.workingDaysLeft : 0, workingDaysOverdue: null });
          break;
        }
        case 'reflection-period':
          if (clock.status.kind === 'ending-soon') {
            result.periodsEndingSoon.push({ ...base, kind: 'reflection-period-ending', dueOn: clock.status.lastDay, daysLeft: clock.status.daysLeft, workingDaysOverdue: null });
          }
          break;
        case 'conclusive-grounds-decision-awaited':
          result.decisionsDue.push({ ...base, kind: 'conclusive-grounds-awaited', dueOn: clock.possibleSince, daysLeft: null, workingDaysOverdue: null });
          break;
        case 'reconsideration':
          // No target in law, but the decision maker must not lose it: it waits among the decisions due.
          result.decisionsDue.push({ ...base, kind: 'reconsideration-requested', dueOn: clock.requestedOn, daysLeft: null, workingDaysOverdue: null });
          break;
        case 'move-on-support':
        case 'none':
          break;
      }
    }
    const byDate = (a: VictimDeadline, b: VictimDeadline) => a.dueOn.localeCompare(b.dueOn) || a.potentialVictimId.localeCompare(b.potentialVictimId);
    result.decisionsDue.sort(byDate);
    result.overdue.sort(byDate);
    result.periodsEndingSoon.sort(byDate);
    return result;
  }
}
