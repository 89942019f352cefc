// Phone numbers as written and as E.164. The written text is always kept: it is evidence, and
// a number that cannot be normalised today (a typo, a partial number) may still link records.
// The "max" metadata is used so that validity and the number type (mobile, landline) are exact.
import { findPhoneNumbersInText, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneNumberType = 'mobile' | 'fixed-line' | 'fixed-line-or-mobile' | 'toll-free' | 'premium-rate' | 'voip' | 'other';

export interface NormalisedPhone {
  /** Exactly what was written. */
  readonly written: string;
  /** E.164 (e.g. +447700900123) when the digits could form a number; otherwise null. */
  readonly e164: string | null;
  /** ISO 3166-1 alpha-2 region of the number, when it can be told. */
  readonly region: string | null;
  /** True only when the number is in a range that is allocated; fictional and unallocated ranges are false. */
  readonly valid: boolean;
  readonly type: PhoneNumberType | null;
  readonly extension: string | null;
}

/** Longer text is not a phone number, and parsing it would only cost time. */
const MAX_WRITTEN_LENGTH = 64;

function typeOf(type: string | undefined): PhoneNumberType | null {
  switch (type) {
    case undefined:
      return null;
    case 'MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
      return 'fixed-line';
    case 'FIXED_LINE_OR_MOBILE':
      return 'fixed-line-or-mobile';
    case 'TOLL_FREE':
      return 'toll-free';
    case 'PREMIUM_RATE':
      return 'premium-rate';
    case 'VOIP':
      return 'voip';
    default:
      return 'other';
  }
}

function unparsed(written: string): NormalisedPhone {
  return { written, e164: null, region: null, valid: false, type: null, extension: null };
}

/**
 * Normalises a written phone number. National numbers are read in `defaultRegion` (GB unless
 * told otherwise: "087 123 4567" is an Irish mobile only with region IE). Never throws.
 */
export function normalisePhone(written: string, defaultRegion: string = 'GB'): NormalisedPhone {
  if (typeof written !== 'string' || written.trim() === '' || written.length > MAX_WRITTEN_LENGTH) return unparsed(String(written));
  try {
    const region: CountryCode | undefined = isSupportedCountry(defaultRegion) ? defaultRegion : undefined;
    const parsed = parsePhoneNumberFromString(written, region === undefined ? undefined : { defaultCountry: region, extract: false });
    if (parsed === undefined || !parsed.isPossible()) return unparsed(written);
    const valid = parsed.isValid();
    return {
      written,
      e164: parsed.number,
      region: parsed.country ?? null,
      valid,
      type: valid ? typeOf(parsed.getType()) : null,
      extension: parsed.ext ?? null,
    };
  } catch {
    return unparsed(written);
  }
}

/**
 * Every phone number in free text (an intelligence report, an advert), each as written there.
 * `extended` makes it find possible numbers as well as valid ones, since a number in a
 * fictional or newly allocated range still links records.
 */
export function findPhoneNumbers(text: string, defaultRegion: string = 'GB'): readonly NormalisedPhone[] {
  try {
    const region: CountryCode | undefined = isSupportedCountry(defaultRegion) ? defaultRegion : undefined;
    return findPhoneNumbersInText(text, { defaultCountry: region, extended: true }).map((found) =>
      normalisePhone(text.slice(found.startsAt, found.endsAt), defaultRegion),
    );
  } catch {
    return [];
  }
}
