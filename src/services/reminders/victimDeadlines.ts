import { systemActor } from '../../access/actor.ts';
import { RECEIVER_ROLES } from '../../access/policies/victimCare.ts';
import { localDate } from '../../domain/recording/enteredValues.ts';
import type { ServiceContext } from '../context.ts';
import type { VictimDeadline, VictimDeadlineService } from '../victimCare/deadlines.ts';
import type { DueReminder, ReminderSource } from './reminderSource.ts';

const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const REMINDER_ACTOR = systemActor('reminders');

function titleOf(deadline: VictimDeadline): string {
  const on = DATE.format(new Date(`${deadline.dueOn}T00:00:00Z`));
  switch (deadline.kind) {
    case 'reasonable-grounds-due':
      return `A reasonable-grounds decision is due by ${on}`;
    case 'reasonable-grounds-overdue':
      return `A reasonable-grounds decision is overdue: it was due by ${on}`;
    case 'conclusive-grounds-awaited':
      return `A conclusive-grounds decision can be made from ${on}`;
    case 'reconsideration-requested':
      return `A reconsideration of a negative decision was asked for on ${on}`;
    case 'reflection-period-ending':
      return `A recovery and reflection period ends on ${on}`;
  }
}

/**
 * Decisions due or overdue and reflection periods ending soon, told once per person, kind and
 * date to the people who act on them: in every organisation dealing with the person, those who
 * answer referrals (decision makers, charity case workers, supervisors), and whoever made the
 * record. Titles carry dates only; the link opens the record, where access is checked again.
 */
export class VictimDeadlineSource implements ReminderSource {
  readonly name = 'victim-deadlines';

  constructor(
    private readonly context: ServiceContext,
    private readonly deadlines: VictimDeadlineService,
  ) {}

  async dueReminders(now: Date): Promise<DueReminder[]> {
    // The UK date, as the pages and the dashboards read it: the UTC date is a day behind between midnight and 01:00 in summer.
    const today = localDate(now);
    const found = await this.deadlines.deadlines(REMINDER_ACTOR, { today });
    const all = [...found.overdue, ...found.decisionsDue, ...found.periodsEndingSoon];
    if (all.length === 0) return [];
    const recipientsByOrganisation = new Map<string, string[]>();
    const recipientsOf = async (organisationId: string): Promise<string[]> => {
      const known = recipientsByOrganisation.get(organisationId);
      if (known !== undefined) return known;
      const users = await this.context.store.repositories.users.listByOrganisation(organisationId);
      const ids = users.filter((user) => user.disabled_at === null && user.roles.some((role) => (RECEIVER_ROLES as readonly string[]).includes(role))).map((user) => user.id);
      recipientsByOrganisation.set(organisationId, ids);
      return ids;
    };
    const reminders: DueReminder[] = [];
    for (const deadline of all) {
      const recipients = new Set<string>();
      for (const organisationId of deadline.organisationIds) for (const id of await recipientsOf(organisationId)) recipients.add(id);
      const creator = (await this.context.store.repositories.victimCare.findVictim(deadline.potentialVictimId))?.created_by ?? null;
      if (creator !== null) recipients.add(creator);
      if (recipients.size === 0) continue;
      reminders.push({
        recipientUserIds: [...recipients],
        kind: deadline.kind,
        title: titleOf(deadline),
        link: `/victims/${deadline.potentialVictimId}`,
        dedupeKey: `${deadline.kind}:${deadline.potentialVictimId}:${deadline.dueOn}`,
      });
    }
    return reminders;
  }
}
