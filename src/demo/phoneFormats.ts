// Phone numbers are allocated from a per-country serial through a bijection, so no two people
// share a number by accident: a shared number in the demo data is always a deliberate link (a
// network's "work phone"), which is what record linkage and network analysis must find.
// UK numbers use the 07700 block, which contains Ofcom's reserved drama range 07700 900xxx.
import type { Random } from './random.ts';

export type PhoneCountry =
  | 'GB' | 'IE' | 'RO' | 'AL' | 'VN' | 'CN' | 'NG' | 'PL' | 'LT' | 'LV' | 'TH' | 'SK' | 'CZ' | 'BG'
  | 'UA' | 'ER' | 'SD' | 'IN' | 'MY' | 'BR' | 'HU';

interface MobilePlan {
  callingCode: string;
  /** Leading digits of a mobile national significant number. */
  prefixes: readonly string[];
  subscriberDigits: number;
  /** How the national significant number is grouped when written with spaces. */
  groups: readonly number[];
}

const MOBILE_PLANS: Readonly<Record<PhoneCountry, MobilePlan>> = {
  GB: { callingCode: '44', prefixes: ['7700'], subscriberDigits: 6, groups: [4, 6] },
  IE: { callingCode: '353', prefixes: ['83', '85', '86', '87'], subscriberDigits: 7, groups: [2, 3, 4] },
  RO: { callingCode: '40', prefixes: ['72', '74', '75', '76'], subscriberDigits: 7, groups: [3, 3, 3] },
  AL: { callingCode: '355', prefixes: ['67', '68', '69'], subscriberDigits: 7, groups: [2, 3, 4] },
  VN: { callingCode: '84', prefixes: ['90', '91', '98'], subscriberDigits: 7, groups: [2, 3, 4] },
  CN: { callingCode: '86', prefixes: ['135', '138', '139'], subscriberDigits: 8, groups: [3, 4, 4] },
  NG: { callingCode: '234', prefixes: ['803', '805', '806'], subscriberDigits: 7, groups: [3, 3, 4] },
  PL: { callingCode: '48', prefixes: ['50', '51', '60', '69'], subscriberDigits: 7, groups: [3, 3, 3] },
  LT: { callingCode: '370', prefixes: ['6'], subscriberDigits: 7, groups: [3, 5] },
  LV: { callingCode: '371', prefixes: ['2'], subscriberDigits: 7, groups: [4, 4] },
  TH: { callingCode: '66', prefixes: ['81', '89'], subscriberDigits: 7, groups: [2, 3, 4] },
  SK: { callingCode: '421', prefixes: ['90', '91', '94'], subscriberDigits: 7, groups: [3, 3, 3] },
  CZ: { callingCode: '420', prefixes: ['60', '72', '73'], subscriberDigits: 7, groups: [3, 3, 3] },
  BG: { callingCode: '359', prefixes: ['87', '88', '89'], subscriberDigits: 7, groups: [2, 3, 4] },
  UA: { callingCode: '380', prefixes: ['63', '67', '97'], subscriberDigits: 7, groups: [2, 3, 4] },
  ER: { callingCode: '291', prefixes: ['7'], subscriberDigits: 6, groups: [1, 3, 3] },
  SD: { callingCode: '249', prefixes: ['91', '92'], subscriberDigits: 7, groups: [2, 3, 4] },
  IN: { callingCode: '91', prefixes: ['98', '99'], subscriberDigits: 8, groups: [5, 5] },
  MY: { callingCode: '60', prefixes: ['12', '13', '16', '19'], subscriberDigits: 7, groups: [2, 3, 4] },
  BR: { callingCode: '55', prefixes: ['119'], subscriberDigits: 8, groups: [2, 5, 4] },
  HU: { callingCode: '36', prefixes: ['20', '30', '70'], subscriberDigits: 7, groups: [2, 3, 4] },
};

/** A number the generator owns: E.164 plus the parts needed to write it in other ways. */
export interface PhoneNumber {
  e164: string;
  country: PhoneCountry;
  /** National significant number (no trunk prefix, no calling code). */
  nationalNumber: string;
}

// 3^13 is coprime with every power of ten, so serial -> serial * M mod 10^k is a bijection.
const SCRAMBLE = 1_594_323;

export class PhoneAllocator {
  private readonly serials = new Map<PhoneCountry, number>();

  allocate(country: PhoneCountry, random: Random): PhoneNumber {
    const plan = MOBILE_PLANS[country];
    const serial = this.serials.get(country) ?? 0;
    this.serials.set(country, serial + 1);
    const space = 10 ** plan.subscriberDigits;
    // A per-country offset, so that the n-th number of two countries does not end in the same digits.
    const offset = Number(plan.callingCode) * 7_919 + 104_729;
    const subscriber = ((serial * SCRAMBLE + offset) % space).toString().padStart(plan.subscriberDigits, '0');
    const nationalNumber = random.choice(plan.prefixes) + subscriber;
    return { e164: `+${plan.callingCode}${nationalNumber}`, country, nationalNumber };
  }
}

function grouped(digits: string, groups: readonly number[]): string {
  const parts: string[] = [];
  let at = 0;
  groups.forEach((size, i) => {
    const end = i === groups.length - 1 ? digits.length : at + size;
    parts.push(digits.slice(at, end));
    at = end;
  });
  return parts.filter((p) => p.length > 0).join(' ');
}

export type PhoneWritingStyle =
  | 'national-spaced' | 'national-compact' | 'national-dashed' | 'international-spaced'
  | 'international-compact' | 'double-zero-spaced' | 'double-zero-compact' | 'international-with-trunk';

/**
 * Writes a number the way an officer in `recordedIn` might. A number of another country is always
 * written with its calling code: without one it would be a different (local) number, and the
 * record would be wrong, not merely formatted differently.
 */
export function writePhoneNumber(
  phone: PhoneNumber,
  recordedIn: 'GB' | 'IE',
  random: Random,
): { written: string; style: PhoneWritingStyle } {
  const plan = MOBILE_PLANS[phone.country];
  const nsn = phone.nationalNumber;
  const styles: PhoneWritingStyle[] =
    phone.country === recordedIn
      ? ['national-spaced', 'national-spaced', 'national-compact', 'national-compact', 'national-dashed',
          'international-spaced', 'international-compact', 'double-zero-spaced', 'international-with-trunk']
      : ['international-spaced', 'international-spaced', 'international-compact', 'double-zero-spaced',
          'double-zero-compact'];
  const style = random.choice(styles);
  const spaced = grouped(nsn, plan.groups);
  switch (style) {
    case 'national-spaced':
      return { style, written: `0${spaced}` };
    case 'national-compact':
      return { style, written: `0${nsn}` };
    case 'national-dashed':
      return { style, written: `0${spaced.replaceAll(' ', '-')}` };
    case 'international-spaced':
      return { style, written: `+${plan.callingCode} ${spaced}` };
    case 'international-compact':
      return { style, written: `+${plan.callingCode}${nsn}` };
    case 'double-zero-spaced':
      return { style, written: `00${plan.callingCode} ${spaced}` };
    case 'double-zero-compact':
      return { style, written: `00${plan.callingCode}${nsn}` };
    case 'international-with-trunk':
      return { style, written: `+${plan.callingCode} (0)${spaced}` };
  }
}

export function isPhoneCountry(code: string): code is PhoneCountry {
  return Object.hasOwn(MOBILE_PLANS, code);
}
