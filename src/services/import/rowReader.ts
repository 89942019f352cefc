// Reads one CSV row's cells into typed values, collecting every problem with it in plain words
// ("date of birth "31/02/1990" is not a date") for the import report. Cells are trimmed of the
// spaces spreadsheets leave around them and otherwise kept as typed.
import type { Term, Vocabulary } from '../../domain/vocabularies/vocabulary.ts';
import { londonWallTimeToUtc } from './londonTime.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** A cell echoed back in a reason, shortened so a pasted paragraph does not flood the report. */
function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function calendarDate(text: string): { year: number; month: number; day: number } | null {
  const iso = ISO_DATE.exec(text);
  const uk = iso === null ? UK_DATE.exec(text) : null;
  const [year, month, day] = iso !== null ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : uk !== null ? [Number(uk[3]), Number(uk[2]), Number(uk[1])] : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || year < 1900) return null;
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null;
  return { year, month, day };
}

function isoDate(date: { year: number; month: number; day: number }): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export class RowReader {
  readonly problems: string[] = [];

  constructor(private readonly fields: Readonly<Record<string, string>>) {}

  private cell(column: string): string {
    return (this.fields[column] ?? '').trim();
  }

  private label(column: string): string {
    return column.replace(/_/g, ' ');
  }

  text(column: string, options: { required?: boolean; maxLength: number }): string | null {
    const value = this.cell(column);
    if (value === '') {
      if (options.required === true) this.problems.push(`${this.label(column)} is missing`);
      return null;
    }
    if (value.length > options.maxLength) {
      this.problems.push(`${this.label(column)} is longer than ${options.maxLength} characters`);
      return null;
    }
    return value;
  }

  required(column: string, maxLength: number): string {
    return this.text(column, { required: true, maxLength }) ?? '';
  }

  /** Several values in one cell, separated by semicolons. */
  list(column: string, maxLength: number): string[] {
    const value = this.cell(column);
    if (value === '') return [];
    const items = value.split(';').map((item) => item.trim()).filter((item) => item !== '');
    const long = items.find((item) => item.length > maxLength);
    if (long !== undefined) this.problems.push(`${this.label(column)}: ${shown(long)} is longer than ${maxLength} characters`);
    return items;
  }

  /**
   * Identity documents as "kind:country:number", separated by semicolons (the country may be
   * blank: "passport::123456"). Numbers are kept as written; a colon inside one is kept too.
   */
  identityDocuments(column: string, rules: { kinds: Vocabulary<Term>; countries: Vocabulary<Term>; maxNumberLength: number; maxDocuments: number }): { kind: string; number: string; issuingCountry: string | null }[] {
    const documents: { kind: string; number: string; issuingCountry: string | null }[] = [];
    for (const entry of this.list(column, 200)) {
      const [kind = '', country = '', ...numberParts] = entry.split(':').map((part) => part.trim());
      const number = numberParts.join(':').trim();
      const issuingCountry = country === '' ? null : country.toUpperCase();
      if (!rules.kinds.has(kind)) this.problems.push(`${this.label(column)}: ${shown(kind)} is not a kind of identity document (one of: ${rules.kinds.ids.join(', ')}); write each as kind:country:number`);
      else if (issuingCountry !== null && !rules.countries.has(issuingCountry)) this.problems.push(`${this.label(column)}: ${shown(country)} is not a country code (two letters, ISO 3166)`);
      else if (number === '') this.problems.push(`${this.label(column)}: the ${kind} has no number; write each as kind:country:number`);
      else if (number.length > rules.maxNumberLength) this.problems.push(`${this.label(column)}: ${shown(number)} is longer than ${rules.maxNumberLength} characters`);
      else documents.push({ kind, number, issuingCountry });
    }
    if (documents.length > rules.maxDocuments) this.problems.push(`${this.label(column)}: no more than ${rules.maxDocuments} documents`);
    return documents;
  }

  term<T extends Term>(column: string, vocabulary: Vocabulary<T>, what: string, options: { required: boolean; caseInsensitive?: boolean }): T['id'] | null {
    const typed = this.cell(column);
    if (typed === '') {
      if (options.required) this.problems.push(`${this.label(column)} is missing`);
      return null;
    }
    const value = options.caseInsensitive === true ? typed.toUpperCase() : typed;
    if (vocabulary.has(value)) return value;
    const choices = vocabulary.ids.length <= 12 ? ` (one of: ${vocabulary.ids.join(', ')})` : '';
    this.problems.push(`${this.label(column)} ${shown(typed)} is not ${what}${choices}`);
    return null;
  }

  /** A calendar date, as 1990-02-28 or 28/02/1990; stored as 1990-02-28. */
  date(column: string, options: { required: boolean; notAfter?: string }): string | null {
    const typed = this.cell(column);
    if (typed === '') {
      if (options.required) this.problems.push(`${this.label(column)} is missing`);
      return null;
    }
    const date = calendarDate(typed);
    if (date === null) {
      this.problems.push(`${this.label(column)} ${shown(typed)} is not a date (write it as 1990-02-28 or 28/02/1990)`);
      return null;
    }
    const iso = isoDate(date);
    if (options.notAfter !== undefined && iso > options.notAfter) {
      this.problems.push(`${this.label(column)} ${shown(typed)} is in the future`);
      return null;
    }
    return iso;
  }

  /** A date and time; without an offset it is UK local time. Stored as an ISO UTC timestamp. */
  dateTime(column: string, options: { notAfter: string }): string | null {
    const typed = this.cell(column);
    if (typed === '') {
      this.problems.push(`${this.label(column)} is missing`);
      return null;
    }
    const match = DATE_TIME.exec(typed);
    const date = match?.[1] === undefined ? null : calendarDate(match[1]);
    const [hour, minute, second] = [Number(match?.[2]), Number(match?.[3]), Number(match?.[4] ?? 0)];
    if (match === null || date === null || hour > 23 || minute > 59 || second > 59) {
      this.problems.push(`${this.label(column)} ${shown(typed)} is not a date and time (write it as 2007-10-12 22:30 or 12/10/2007 22:30)`);
      return null;
    }
    const wallClock = Date.UTC(date.year, date.month - 1, date.day, hour, minute, second);
    const zone = match[5];
    let at: number;
    if (zone === undefined) at = londonWallTimeToUtc(wallClock);
    else if (zone === 'Z') at = wallClock;
    else {
      const digits = zone.replace(':', '');
      const offset = (digits.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
      at = wallClock - offset * 60_000;
    }
    const iso = new Date(at).toISOString();
    if (iso > options.notAfter) {
      this.problems.push(`${this.label(column)} ${shown(typed)} is in the future`);
      return null;
    }
    return iso;
  }

  yesNo(column: string, options: { required: boolean }): boolean | null {
    const typed = this.cell(column);
    const value = typed.toLowerCase();
    if (value === '') {
      if (options.required) this.problems.push(`${this.label(column)} is missing (write yes or no)`);
      return null;
    }
    if (YES.has(value)) return true;
    if (NO.has(value)) return false;
    this.problems.push(`${this.label(column)} ${shown(typed)} is not yes or no`);
    return null;
  }

  integer(column: string, min: number, max: number): number | null {
    const typed = this.cell(column);
    if (typed === '') return null;
    if (!/^\d+$/.test(typed) || Number(typed) < min || Number(typed) > max) {
      this.problems.push(`${this.label(column)} ${shown(typed)} is not a whole number from ${min} to ${max}`);
      return null;
    }
    return Number(typed);
  }
}
