// Turning what an officer typed into stored values: dates from the three boxes of a GOV.UK date
// input (a date of birth may be only a year, or a month and year), times of day, money in major
// units with pence or cents, postcodes. Each returns null when the text cannot be read, so the
// caller can say which field is wrong.

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthNumber(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(trimmed)) return Number(trimmed);
  // GOV.UK asks services to accept month names and abbreviations as well as numbers.
  const index = MONTH_NAMES.findIndex((name) => trimmed.startsWith(name) && trimmed.length >= 3);
  return index === -1 ? null : index + 1;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isBlankDate(parts: DateParts): boolean {
  return parts.day.trim() === '' && parts.month.trim() === '' && parts.year.trim() === '';
}

/** A full date, `YYYY-MM-DD`, or null. */
export function fullDate(parts: DateParts): string | null {
  const year = parts.year.trim();
  const month = monthNumber(parts.month);
  const day = parts.day.trim();
  if (!/^\d{4}$/.test(year) || month === null || !/^\d{1,2}$/.test(day)) return null;
  if (!isRealDate(Number(year), month, Number(day))) return null;
  return `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** A date as precise as was known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null when unreadable (a day without a month, say). */
export function partialDate(parts: DateParts): string | null {
  const year = parts.year.trim();
  if (!/^\d{4}$/.test(year)) return null;
  const dayGiven = parts.day.trim() !== '';
  const monthGiven = parts.month.trim() !== '';
  if (!monthGiven) return dayGiven ? null : year;
  const month = monthNumber(parts.month);
  if (month === null || month < 1 || month > 12) return null;
  if (!dayGiven) return `${year}-${String(month).padStart(2, '0')}`;
  return fullDate(parts);
}

/** `HH:MM` from "22:30", "2230", "9.15" or "9:15"; null otherwise. */
export function timeOfDay(text: string): string | null {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const asUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The UTC instant of a wall-clock time where the officer was. UK and Irish clocks change on the
 * same days, so one zone serves every force; an hour that does not exist (the spring change) is
 * read one hour later, as a clock on the wall would show it.
 */
export function localTimeToUtc(date: string, time: string, timeZone = 'Europe/London'): string {
  const wall = Date.parse(`${date}T${time}:00.000Z`);
  const first = wall - offsetMinutes(wall, timeZone) * 60_000;
  const second = wall - offsetMinutes(first, timeZone) * 60_000;
  return new Date(second).toISOString();
}

/** The local calendar date of an instant, `YYYY-MM-DD`. */
export function localDate(instant: Date, timeZone = 'Europe/London'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Minor units (pence, cents) from "1,250.50", "£40" or "40.5"; null when it is not an amount. */
export function amountInMinorUnits(text: string): number | null {
  const cleaned = text.trim().replace(/^[£€]/, '').replace(/,(?=\d{3}(\D|$))/g, '').trim();
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (match === null) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

const UK_POSTCODE = /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/i;
// An Eircode: a routing key (a letter and two digits, or D6W) and a four-character identifier.
const EIRCODE = /^([AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$/i;

export function isPostcode(text: string): boolean {
  const trimmed = text.trim();
  return UK_POSTCODE.test(trimmed) || EIRCODE.test(trimmed);
}

/** Upper case without spaces, the key that finds a postcode however it was spaced. */
export function postcodeKey(text: string): string {
  return text.toUpperCase().replace(/\s+/g, '');
}

/** One entry per non-empty line, each trimmed: aliases and phone numbers are typed this way. */
export function lines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

/** The wall-clock time of an instant where the officer was, `HH:MM`: what an edit form shows again. */
export function localTimeOfDay(instant: Date, timeZone = 'Europe/London'): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(instant);
}

/** A stored date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) back into the three boxes of a date input. */
export function dateParts(stored: string | null): DateParts {
  if (stored === null || stored === '') return { day: '', month: '', year: '' };
  const [year = '', month, day] = stored.split('-');
  return { day: day === undefined ? '' : String(Number(day)), month: month === undefined ? '' : String(Number(month)), year };
}

/** Minor units back into the amount an officer types, `1250.50` or `1250`. */
export function amountText(minor: number): string {
  const pence = minor % 100;
  return pence === 0 ? String(Math.floor(minor / 100)) : `${Math.floor(minor / 100)}.${String(pence).padStart(2, '0')}`;
}
