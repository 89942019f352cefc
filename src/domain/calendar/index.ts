export type { BankHoliday } from './bankHoliday.ts';
export { bankHolidayOn, bankHolidaysIn, CalendarNotCoveredError, FIRST_COVERED_YEAR, isBankHoliday, LAST_COVERED_YEAR } from './bankHolidays.ts';
export { easterSunday } from './easter.ts';
export { addDays, assertIsoDate, compareDates, daysBetween, isIsoDate, isoDate, isWeekend, weekday, type IsoDate, type Weekday } from './isoDate.ts';
export { isJurisdiction, jurisdictionIds, jurisdictionLabel, jurisdictions, type Jurisdiction } from './jurisdiction.ts';
export { addWorkingDays, isWorkingDay, workingDaysBetween } from './workingDays.ts';
