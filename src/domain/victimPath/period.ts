import { addDays, compareDates, daysBetween, type IsoDate } from '../calendar/isoDate.ts';

/**
 * A run of calendar days, both ends included. Periods begin with the day of the decision that
 * starts them (UK drafting: "a period of 30 days beginning with the day on which…"), so a
 * 30-day period starting on 10 January has 8 February as its last day.
 */
export interface Period {
  readonly firstDay: IsoDate;
  readonly lastDay: IsoDate;
}

export function periodOfDays(firstDay: IsoDate, days: number): Period {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`A period needs a whole number of days, at least 1 (got ${days})`);
  return { firstDay, lastDay: addDays(firstDay, days - 1) };
}

export function periodLength(period: Period): number {
  return daysBetween(period.firstDay, period.lastDay) + 1;
}

export function isWithin(period: Period, date: IsoDate): boolean {
  return compareDates(period.firstDay, date) <= 0 && compareDates(date, period.lastDay) <= 0;
}

/**
 * Days of the period still to come, counting today: 1 on the last day, 0 once it has ended,
 * and the whole length before it begins.
 */
export function daysLeft(period: Period, today: IsoDate): number {
  if (compareDates(today, period.firstDay) < 0) return periodLength(period);
  return Math.max(0, daysBetween(today, period.lastDay) + 1);
}
