// Bank holidays as data, looked up by jurisdiction. A date outside the covered years is an
// error, not a guess: a clock that silently ignored a missing year would give a wrong due date.
import type { BankHoliday } from './bankHoliday.ts';
import { FIRST_COVERED_YEAR, LAST_COVERED_YEAR } from './bankHolidayRules.ts';
import { englandAndWales } from './data/england-and-wales.ts';
import { ireland } from './data/ireland.ts';
import { northernIreland } from './data/northern-ireland.ts';
import { scotland } from './data/scotland.ts';
import { yearOf, type IsoDate } from './isoDate.ts';
import type { Jurisdiction } from './jurisdiction.ts';

export { FIRST_COVERED_YEAR, LAST_COVERED_YEAR };

const byJurisdiction: Readonly<Record<Jurisdiction, readonly BankHoliday[]>> = {
  'england-and-wales': englandAndWales,
  scotland,
  'northern-ireland': northernIreland,
  ireland,
};

const lookup: ReadonlyMap<Jurisdiction, ReadonlyMap<IsoDate, BankHoliday>> = new Map(
  Object.entries(byJurisdiction).map(([jurisdiction, days]) => [jurisdiction as Jurisdiction, new Map(days.map((d) => [d.date, d]))]),
);

export class CalendarNotCoveredError extends RangeError {
  constructor(readonly date: IsoDate) {
    super(`Bank holidays are held for ${FIRST_COVERED_YEAR}–${LAST_COVERED_YEAR} only; ${date} is outside`);
    this.name = 'CalendarNotCoveredError';
  }
}

function assertCovered(date: IsoDate): void {
  const year = yearOf(date);
  if (year < FIRST_COVERED_YEAR || year > LAST_COVERED_YEAR) throw new CalendarNotCoveredError(date);
}

function holidaysOf(jurisdiction: Jurisdiction): ReadonlyMap<IsoDate, BankHoliday> {
  const found = lookup.get(jurisdiction);
  if (found === undefined) throw new RangeError(`Unknown jurisdiction: ${String(jurisdiction)}`);
  return found;
}

/** The bank holiday on `date`, or undefined. Throws `CalendarNotCoveredError` outside the data. */
export function bankHolidayOn(date: IsoDate, jurisdiction: Jurisdiction): BankHoliday | undefined {
  assertCovered(date);
  return holidaysOf(jurisdiction).get(date);
}

export function isBankHoliday(date: IsoDate, jurisdiction: Jurisdiction): boolean {
  return bankHolidayOn(date, jurisdiction) !== undefined;
}

/** Every bank holiday of `year` in `jurisdiction`, in date order. */
export function bankHolidaysIn(year: number, jurisdiction: Jurisdiction): readonly BankHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_COVERED_YEAR || year > LAST_COVERED_YEAR) {
    throw new CalendarNotCoveredError(`${year}-01-01`);
  }
  return byJurisdiction[jurisdiction].filter((d) => d.date.startsWith(`${year}-`));
}
