import type { FeatureTable } from '../featureTable.ts';
import type { Comparator, ComparisonKindDefinition } from './comparison.ts';

const DAYS_PER_YEAR = 365.25;

/** Days since year 0, tolerant of impossible months and days so near-misses still measure. */
function approximateDay(year: number, month: number, day: number): number {
  return year * DAYS_PER_YEAR + (Math.max(month, 1) - 1) * 30.44 + Math.max(day, 1);
}

/**
 * Days between two dates, a partial date standing for every day it covers: "1970" and
 * "1971-04-29" are four months apart, not fifteen, as the person may be born in December 1970.
 */
function daysApart(yearL: number, monthL: number, dayL: number, yearR: number, monthR: number, dayR: number): number {
  const span = (month: number, day: number): number => (month === 0 ? DAYS_PER_YEAR : day === 0 ? 30.44 : 0);
  const startL = approximateDay(yearL, monthL, dayL);
  const startR = approximateDay(yearR, monthR, dayR);
  return Math.max(0, startR - (startL + span(monthL, dayL)), startL - (startR + span(monthR, dayR)));
}

function digitDifferences(a: number, b: number, width: number): number {
  let count = 0;
  for (let k = 0; k < width; k++) {
    if (a % 10 !== b % 10) count++;
    a = Math.floor(a / 10);
    b = Math.floor(b / 10);
  }
  return count;
}

/**
 * An officer's estimate of age is often near the truth and sometimes years out; an estimate within
 * two years is much stronger evidence than one at the edge of the band, so they are two levels.
 */
const CLOSE_ESTIMATE_YEARS = 2;
const ELSE = 11;

function levels(table: FeatureTable, left: number, right: number, ageBandYears: number): number {
  const yearL = table.dobYear[left] ?? 0;
  const yearR = table.dobYear[right] ?? 0;
  if (yearL === 0 || yearR === 0) {
    const estimateL = yearL !== 0 ? yearL + 0.5 : (table.birthYearEstimate[left] ?? Number.NaN);
    const estimateR = yearR !== 0 ? yearR + 0.5 : (table.birthYearEstimate[right] ?? Number.NaN);
    if (Number.isNaN(estimateL) || Number.isNaN(estimateR)) return 0;
    const apart = Math.abs(estimateL - estimateR);
    return apart <= Math.min(CLOSE_ESTIMATE_YEARS, ageBandYears) ? 8 : apart <= ageBandYears ? 9 : 10;
  }
  const monthL = table.dobMonth[left] ?? 0;
  const monthR = table.dobMonth[right] ?? 0;
  const dayL = table.dobDay[left] ?? 0;
  const dayR = table.dobDay[right] ?? 0;
  const fullL = monthL !== 0 && dayL !== 0;
  const fullR = monthR !== 0 && dayR !== 0;
  if (fullL && fullR) {
    if (yearL === yearR && monthL === monthR && dayL === dayR) return 1;
    if (yearL === yearR && monthL === dayR && dayL === monthR) return 2;
    const compactL = yearL * 10_000 + monthL * 100 + dayL;
    const compactR = yearR * 10_000 + monthR * 100 + dayR;
    if (digitDifferences(compactL, compactR, 8) === 1) return 3;
    if (Math.abs(yearL - yearR) === 1 && monthL === monthR && dayL === dayR) return 4;
    // Two full dates a few months apart that no single slip explains: most likely two people.
    return daysApart(yearL, monthL, dayL, yearR, monthR, dayR) <= DAYS_PER_YEAR ? 7 : ELSE;
  } else {
    // Partial dates agree if they agree as far as both are known.
    const monthsKnown = monthL !== 0 && monthR !== 0;
    if (yearL === yearR && (!monthsKnown || monthL === monthR)) return 5;
  }
  if (daysApart(yearL, monthL, dayL, yearR, monthR, dayR) <= DAYS_PER_YEAR) return 6;
  return ELSE;
}

export const dateOfBirthComparison: ComparisonKindDefinition = {
  kind: 'dateOfBirth',
  levelLabels(spec) {
    return [
      'exact',
      'day and month swapped',
      'one digit different',
      'year one out, day and month equal',
      'partial date agrees',
      'within a year',
      'two full dates within a year',
      `estimated age within ${Math.min(CLOSE_ESTIMATE_YEARS, spec.ageBandYears ?? 5)} years`,
      `estimated age within ${spec.ageBandYears ?? 5} years`,
      // An officer can misjudge an age by more than the band, which is not the same evidence as
      // two dates written years apart: each is weighed on its own.
      'estimated age further out',
      'else',
    ];
  },
  comparator(spec): Comparator {
    const band = spec.ageBandYears ?? 5;
    return (table, left, right) => levels(table, left, right, band);
  },
  rawValue(record) {
    if (record.dateOfBirth != null && record.dateOfBirth !== '') return record.dateOfBirth;
    if (record.estimatedAge != null) return `age about ${record.estimatedAge.years}${record.estimatedAge.asOf != null ? ` on ${record.estimatedAge.asOf}` : ''}`;
    return null;
  },
};
