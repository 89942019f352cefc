import anyAscii from 'any-ascii';
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** Han ideographs are transliterated one by one so each syllable becomes its own name token. */
const HAN = /\p{Script=Han}/u;

/**
 * Accent stripping and transliteration to lower-case ASCII tokens. Apostrophes vanish
 * (O'Brien = OBrien), other punctuation separates tokens (Smith-Jones = smith jones).
 */
export function normaliseNameText(text: string): string {
  let ascii = '';
  for (const ch of text) ascii += HAN.test(ch) ? ` ${anyAscii(ch)} ` : ch;
  ascii = anyAscii(ascii).toLowerCase();
  return ascii
    .replace(/['’`]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/**
 * "Son of" and "daughter of" in Malay and Arabic names ("Nurul Huda binti Hassan"): a connector,
 * not a name. Officers write it with the father's name, with the given names, or not at all, so
 * kept as a token it makes "binti Hassan" and "Hassan" different family names and hides swaps.
 */
const PATRONYMIC_CONNECTORS: ReadonlySet<string> = new Set(['bin', 'binti', 'binte', 'bte', 'ibn', 'bint']);

export function nameTokens(text: string | null | undefined): string[] {
  if (text == null) return [];
  const normalised = normaliseNameText(text);
  if (normalised === '') return [];
  const tokens = normalised.split(' ');
  const names = tokens.filter((t) => !PATRONYMIC_CONNECTORS.has(t));
  // A name that is only a connector (an officer's "Bin") is left as written.
  return names.length > 0 ? names : tokens;
}

export interface SplitName {
  readonly given: string[];
  readonly family: string[];
  /** A date of birth written inside the name ("b. 1990"), if any. */
  readonly dateOfBirthHint: string | null;
}

const BIRTH_HINT = /[,;(]?\s*\b(?:b\.?|born|dob|d\.o\.b\.?)\s*:?\s*(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?|\d{1,2}[./-]\d{1,2}[./-]\d{4})\)?/i;

/**
 * Splits a name written in one piece. "FAMILY, Given" puts the family name first; a token written
 * all in capitals among mixed-case tokens is taken as the family name (a common police
 * convention); otherwise the last token is the family name. Wrong guesses for family-name-first
 * cultures are caught by the swapped-names comparison level.
 */
export function splitFullName(fullName: string): SplitName {
  let text = fullName;
  let dateOfBirthHint: string | null = null;
  const hint = BIRTH_HINT.exec(text);
  if (hint?.[1] !== undefined) {
    dateOfBirthHint = hint[1];
    text = text.slice(0, hint.index) + text.slice(hint.index + hint[0].length);
  }
  const comma = text.indexOf(',');
  if (comma >= 0) {
    const family = nameTokens(text.slice(0, comma));
    const given = nameTokens(text.slice(comma + 1));
    if (family.length > 0 && given.length > 0) return { given, family, dateOfBirthHint };
    text = text.replace(',', ' ');
  }
  const rawTokens = text.split(/\s+/).filter((t) => /\p{L}/u.test(t));
  const isUpper = (t: string): boolean => t.length > 1 && t === t.toUpperCase() && t !== t.toLowerCase();
  const upper = rawTokens.filter(isUpper);
  if (upper.length > 0 && upper.length < rawTokens.length) {
    return {
      family: upper.flatMap((t) => nameTokens(t)),
      given: rawTokens.filter((t) => !isUpper(t)).flatMap((t) => nameTokens(t)),
      dateOfBirthHint,
    };
  }
  const tokens = nameTokens(text);
  if (tokens.length <= 1) return { given: [], family: tokens, dateOfBirthHint };
  return { given: tokens.slice(0, -1), family: tokens.slice(-1), dateOfBirthHint };
}

/** A date of birth with unknown parts as 0. */
export interface PartialDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * Accepts ISO (full or partial), compact YYYYMMDD and day-first D/M/YYYY (UK convention).
 * Keeps impossible months and days (e.g. month 13): they are often a swapped day and month,
 * which a comparison level is built to recognise.
 */
export function parseDateOfBirth(text: string | null | undefined): PartialDate | null {
  if (text == null) return null;
  const t = text.trim();
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ].*)?$/.exec(t);
  if (m) return checked(Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) return checked(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/**
 * Impossible months and days (e.g. "19551634") are kept rather than dropped: such a date is
 * usually one or two keying errors away from the true one, which the one-digit level catches.
 */
function checked(year: number, month: number, day: number): PartialDate | null {
  if (year < 1800 || year > 2200) return null;
  if (month > 99 || day > 99) return null;
  return { year, month, day };
}

/** Fractional-year birth estimate from an estimated age; the middle of the possible interval. */
export function birthYearFromAge(years: number, asOf: string | null | undefined, runDate: Date): number {
  const asOfDate = asOf != null ? parseDateOfBirth(asOf) : null;
  const referenceYear = asOfDate ? asOfDate.year + Math.max(asOfDate.month - 1, 0) / 12 : runDate.getUTCFullYear() + runDate.getUTCMonth() / 12;
  return referenceYear - years - 0.5;
}

export type Sex = 0 | 1 | 2 | 3;
/** 0 unknown, 1 male, 2 female, 3 other. */
export function normaliseSex(text: string | null | undefined): Sex {
  if (text == null) return 0;
  const t = text.trim().toLowerCase();
  if (t === '') return 0;
  if (['m', 'male', 'man', 'boy', 'mr'].includes(t)) return 1;
  if (['f', 'female', 'woman', 'girl', 'w', 'mrs', 'ms', 'miss'].includes(t)) return 2;
  if (['u', 'unknown', 'not known', 'n/k', 'nk', '?'].includes(t)) return 0;
  return 3;
}

export function normaliseNationality(text: string | null | undefined): string | null {
  if (text == null) return null;
  const t = anyAscii(text).toUpperCase().replace(/[^A-Z]+/g, ' ').trim();
  return t === '' || t === 'UNKNOWN' ? null : t;
}

export interface NormalisedPhone {
  /** E.164 when the number parses, otherwise null. */
  readonly e164: string | null;
  /** The last nine digits, which survive differing country and trunk prefixes. */
  readonly lastNine: string | null;
}

const callingCodes = new Map<CountryCode, string>();

/**
 * Common shapes ("+44 7700 900123", "0044…", "07700 900123") are converted directly, which is
 * many times faster than a full parse over a million records; anything else goes to
 * libphonenumber.
 */
export function normalisePhone(text: string, defaultCountry: CountryCode): NormalisedPhone | null {
  const cleaned = text.replace(/\(0\)/g, '');
  const digits = cleaned.replace(/\D/g, '');
  if (digits.length < 6) return null;
  const lastNine = digits.length >= 9 ? digits.slice(-9) : null;
  const trimmed = cleaned.trimStart();
  if (digits.length >= 8 && digits.length <= 15 && /^[+\d][\d\s().-]*$/.test(trimmed)) {
    if (trimmed.startsWith('+')) return { e164: `+${digits}`, lastNine };
    if (digits.startsWith('00')) return { e164: `+${digits.slice(2)}`, lastNine };
    if (digits.startsWith('0') && !digits.startsWith('00')) {
      let code = callingCodes.get(defaultCountry);
      if (code === undefined) {
        code = getCountryCallingCode(defaultCountry);
        callingCodes.set(defaultCountry, code);
      }
      // Countries without a trunk prefix (e.g. Italy keeps the 0) need the full parse.
      if (!['IT', 'SM', 'VA'].includes(defaultCountry)) return { e164: `+${code}${digits.slice(1)}`, lastNine };
    }
  }
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  const e164 = parsed?.isPossible() ? parsed.number : null;
  return { e164, lastNine };
}

export interface NormalisedPostcode {
  readonly full: string;
  readonly sector: string;
  readonly district: string;
  readonly area: string;
}

const UK_POSTCODE = /^([A-Z]{1,2})(\d[A-Z\d]?)(\d)([A-Z]{2})$/;

/**
 * UK postcodes split into area (SW), district (SW1A), sector (SW1A 1) and full. Other postcodes
 * (e.g. numeric ones) use successively shorter prefixes so the same graded comparison applies.
 */
export function normalisePostcode(text: string | null | undefined): NormalisedPostcode | null {
  if (text == null) return null;
  const t = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (t === '') return null;
  const uk = UK_POSTCODE.exec(t);
  if (uk) {
    const district = `${uk[1]}${uk[2]}`;
    return { full: t, sector: `${district}${uk[3]}`, district, area: uk[1] ?? district };
  }
  return { full: t, sector: t.slice(0, -1) || t, district: t.slice(0, -2) || t, area: t.slice(0, 1) };
}

/** Address words, lower-cased ASCII, de-duplicated; numbers are kept (house numbers matter). */
export function addressTokens(text: string | null | undefined): string[] {
  if (text == null) return [];
  const words = anyAscii(text).toLowerCase().replace(/['’]/g, '').split(/[^a-z0-9]+/).filter((w) => w !== '');
  return [...new Set(words)].sort();
}

export function normaliseEmail(text: string): string | null {
  const t = text.trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+$/.test(t) ? t : null;
}

export function normaliseDocumentNumber(text: string): string | null {
  const t = anyAscii(text).toUpperCase().replace(/[^A-Z0-9]/g, '');
  return t.length >= 4 ? t : null;
}
