// Working days: Monday to Friday, less the bank holidays of the jurisdiction.
import { bankHolidayOn } from './bankHolidays.ts';
import { addDays, assertIsoDate, compareDates, isWeekend, type IsoDate } from './isoDate.ts';
import type { Jurisdiction } from './jurisdiction.ts';

export function isWorkingDay(date: IsoDate, jurisdiction: Jurisdiction): boolean {
  assertIsoDate(date);
  return !isWeekend(date) && bankHolidayOn(date, jurisdiction) === undefined;
}

/**
 * The `n`th working day after `date` (before it when `n` is negative). The start date itself is
 * never counted, so a referral made on a Saturday and one made on the Friday before it get
 * the same 1st working day (Monday). `n = 0` returns `date` unchanged, working day or not.
 */
export function addWorkingDays(date: IsoDate, n: number, jurisdiction: Jurisdiction): IsoDate {
  assertIsoDate(date);
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number: ${n}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current, jurisdiction)) remaining -= 1;
  }
  return current;
}

/**
 * Working days from `a` to `b`, counted the way `addWorkingDays` steps, so that
 * `workingDaysBetween(a, addWorkingDays(a, n, j), j) === n` for every whole `n`:
 * forwards it counts the working days after `a` up to and including `b`; backwards (when `b` is
 * before `a`) it counts, negated, the working days from `b` up to but not including `a`.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, jurisdiction: Jurisdiction): number {
  const order = compareDates(a, b);
  if (order === 0) return 0;
  // The closed range [first, last] of calendar days to inspect.
  const [first, last, sign] = order < 0 ? [addDays(a, 1), b, 1] : [b, addDays(a, -1), -1];
  let count = 0;
  for (let current = first; compareDates(current, last) <= 0; current = addDays(current, 1)) {
    if (isWorkingDay(current, jurisdiction)) count += 1;
  }
  return sign * count;
}
