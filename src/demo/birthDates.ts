// How a date of birth reaches a record: in full, as a year only, with day and month swapped (a
// European "03/04" read as an American date, or the other way), one year out, or not at all —
// an officer's estimate of age instead, typical for a young person with no documents.
import type { Random } from './random.ts';

export type BirthDateVariantKind =
  | 'exact' | 'year-only' | 'year-month' | 'day-month-swapped' | 'year-off-by-one' | 'estimated-age' | 'not-recorded';

export interface RecordedBirthDate {
  dateOfBirth: string | null;
  estimatedAge: number | null;
  variant: BirthDateVariantKind;
}

export function ageOn(dateOfBirth: string, on: string): number {
  const [by = 0, bm = 0, bd = 0] = dateOfBirth.split('-').map(Number);
  const [y = 0, m = 0, d = 0] = on.slice(0, 10).split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function recordBirthDate(
  dateOfBirth: string,
  recordedOn: string,
  options: { exactness: number },
  random: Random,
): RecordedBirthDate {
  const [year = '', month = '', day = ''] = dateOfBirth.split('-');
  // `exactness` is the chance of the document-backed full date; the rest spreads over the errors.
  if (random.chance(options.exactness)) return { dateOfBirth, estimatedAge: null, variant: 'exact' };
  const canSwap = Number(day) <= 12 && day !== month;
  const kind = random.weightedChoice<BirthDateVariantKind>([
    { value: 'year-only', weight: 4 },
    { value: 'year-month', weight: 1 },
    { value: 'day-month-swapped', weight: canSwap ? 3 : 0 },
    { value: 'year-off-by-one', weight: 2 },
    { value: 'estimated-age', weight: 4 },
    { value: 'not-recorded', weight: 2 },
  ]);
  switch (kind) {
    case 'exact':
      return { dateOfBirth, estimatedAge: null, variant: kind };
    case 'year-only':
      return { dateOfBirth: year, estimatedAge: null, variant: kind };
    case 'year-month':
      return { dateOfBirth: `${year}-${month}`, estimatedAge: null, variant: kind };
    case 'day-month-swapped':
      return { dateOfBirth: `${year}-${day}-${month}`, estimatedAge: null, variant: kind };
    case 'year-off-by-one': {
      const shifted = String(Number(year) + random.choice([-1, 1]));
      // 29 February shifted to a non-leap year would be a date that does not exist.
      const safeDay = month === '02' && day === '29' ? '28' : day;
      return { dateOfBirth: `${shifted}-${month}-${safeDay}`, estimatedAge: null, variant: kind };
    }
    case 'estimated-age': {
      const age = ageOn(dateOfBirth, recordedOn);
      // Estimates cluster on round numbers and err by a few years either way.
      const estimate = Math.max(12, age + random.integer(-3, 3));
      return { dateOfBirth: null, estimatedAge: estimate >= 20 && random.chance(0.4) ? Math.round(estimate / 5) * 5 : estimate, variant: kind };
    }
    case 'not-recorded':
      return { dateOfBirth: null, estimatedAge: null, variant: kind };
  }
}
