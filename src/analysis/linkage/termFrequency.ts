import type { ComparisonKind } from './comparisons/comparison.ts';
import type { FeatureTable } from './featureTable.ts';

/** Columns whose exact-match level can be adjusted for how common the value is. */
export function termFrequencyColumn(table: FeatureTable, kind: ComparisonKind): Int32Array | null {
  if (kind === 'givenName') return table.given;
  if (kind === 'familyName') return table.family;
  return null;
}

/**
 * Each record's value frequency among records with a value: "Nguyen" may be 3 % of family
 * names and "Edokpolo" 0.01 %, so agreeing on the second is far stronger evidence.
 */
export function termFrequencies(column: Int32Array, stringCount: number): Float32Array {
  const counts = new Uint32Array(stringCount);
  let present = 0;
  for (const id of column)
    if (id >= 0) {
      counts[id] = (counts[id] ?? 0) + 1;
      present++;
    }
  const frequencies = new Float32Array(new SharedArrayBuffer(Math.max(column.length, 1) * 4));
  if (present === 0) return frequencies;
  for (let row = 0; row < column.length; row++) {
    const id = column[row] ?? -1;
    frequencies[row] = id >= 0 ? (counts[id] ?? 0) / present : 0;
  }
  return frequencies;
}

/** The term-frequency part of an exact match's weight: log2(u of the exact level / value frequency). */
export function termFrequencyAdjustment(uExact: number, frequency: number): number {
  return frequency > 0 ? Math.log2(uExact / frequency) : 0;
}
