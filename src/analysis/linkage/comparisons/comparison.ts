import type { FeatureTable } from '../featureTable.ts';
import type { PersonRecord } from '../record.ts';

export type ComparisonKind =
  | 'givenName'
  | 'familyName'
  | 'dateOfBirth'
  | 'sex'
  | 'nationality'
  | 'phone'
  | 'postcode'
  | 'address'
  | 'alias'
  | 'documentNumber'
  | 'email'
  | 'area';

/** One field comparison as configured in the model (plain JSON). */
export interface ComparisonSpec {
  readonly kind: ComparisonKind;
  /** Similarity thresholds, strictest first: Jaro–Winkler for names, Jaccard for address tokens. */
  readonly thresholds?: readonly number[];
  /** Estimated-age tolerance, in years, for the age-band level of dates of birth. */
  readonly ageBandYears?: number;
  /** Whether the exact-match level is adjusted by how common the value is. */
  readonly termFrequencyAdjustment?: boolean;
}

/**
 * Returns the comparison level of a pair: 0 is the null level (a value missing on either side,
 * contributing nothing), 1.. are the levels in order, first match wins, the last is "else".
 */
export type Comparator = (table: FeatureTable, left: number, right: number) => number;

export interface ComparisonKindDefinition {
  readonly kind: ComparisonKind;
  /** Labels of levels 1..L (the null level is implicit). */
  levelLabels(spec: ComparisonSpec): string[];
  comparator(spec: ComparisonSpec): Comparator;
  /**
   * Levels whose weight is adjusted for how common the value is, when the spec asks for it;
   * default the exact level alone.
   */
  termFrequencyLevels?(spec: ComparisonSpec): readonly number[];
  /** The record's value as written, for explanations. */
  rawValue(record: PersonRecord): string | null;
}

export function sameStringId(a: number, b: number): boolean {
  return a >= 0 && a === b;
}

export function anyShared(
  offsetsA: Int32Array,
  valuesA: Int32Array | Float64Array,
  left: number,
  offsetsB: Int32Array,
  valuesB: Int32Array | Float64Array,
  right: number,
): boolean {
  const endA = offsetsA[left + 1] ?? 0;
  const endB = offsetsB[right + 1] ?? 0;
  for (let a = offsetsA[left] ?? 0; a < endA; a++) {
    const value = valuesA[a];
    for (let b = offsetsB[right] ?? 0; b < endB; b++) if (valuesB[b] === value) return true;
  }
  return false;
}

export function countOf(offsets: Int32Array, row: number): number {
  return (offsets[row + 1] ?? 0) - (offsets[row] ?? 0);
}

export function joinValues(values: readonly string[] | null | undefined): string | null {
  return values == null || values.length === 0 ? null : values.join('; ');
}
