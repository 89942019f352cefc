// Where a working-day deadline stands today: the shape shared by every overdue list.
import { compareDates, daysBetween, type IsoDate } from '../calendar/isoDate.ts';
import type { Jurisdiction } from '../calendar/jurisdiction.ts';
import { workingDaysBetween } from '../calendar/workingDays.ts';

export type DeadlineStatus =
  | { readonly kind: 'due'; readonly dueOn: IsoDate; readonly workingDaysLeft: number }
  | { readonly kind: 'due-today'; readonly dueOn: IsoDate }
  | { readonly kind: 'overdue'; readonly dueOn: IsoDate; readonly workingDaysOverdue: number; readonly calendarDaysOverdue: number };

export function deadlineStatus(dueOn: IsoDate, today: IsoDate, jurisdiction: Jurisdiction): DeadlineStatus {
  const order = compareDates(today, dueOn);
  if (order === 0) return { kind: 'due-today', dueOn };
  if (order < 0) return { kind: 'due', dueOn, workingDaysLeft: workingDaysBetween(today, dueOn, jurisdiction) };
  return {
    kind: 'overdue',
    dueOn,
    // A deadline missed on Friday is still overdue on Saturday although no working day has passed.
    workingDaysOverdue: workingDaysBetween(dueOn, today, jurisdiction),
    calendarDaysOverdue: daysBetween(dueOn, today),
  };
}
