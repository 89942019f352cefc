import type { StringPool } from '../featureTable.ts';
import { anyShared, countOf, joinValues, type Comparator, type ComparisonKindDefinition } from './comparison.ts';

/** One substitution or one adjacent transposition: the usual keying errors in a number. */
function oneKeyingError(pool: StringPool, a: number, b: number): boolean {
  const aStart = pool.offsets[a] ?? 0;
  const bStart = pool.offsets[b] ?? 0;
  const length = (pool.offsets[a + 1] ?? 0) - aStart;
  if (length !== (pool.offsets[b + 1] ?? 0) - bStart) return false;
  const codes = pool.codes;
  let first = -1;
  let differences = 0;
  for (let k = 0; k < length; k++) {
    if (codes[aStart + k] !== codes[bStart + k]) {
      if (differences === 0) first = k;
      differences++;
      if (differences > 2) return false;
    }
  }
  if (differences === 1) return true;
  return (
    differences === 2 &&
    codes[aStart + first] === codes[bStart + first + 1] &&
    codes[aStart + first + 1] === codes[bStart + first]
  );
}

export const documentNumberComparison: ComparisonKindDefinition = {
  kind: 'documentNumber',
  levelLabels: () => ['a number equal', 'one keying error', 'else'],
  comparator(): Comparator {
    return (table, left, right) => {
      const { offsets, values } = table.documents;
      if (countOf(offsets, left) === 0 || countOf(offsets, right) === 0) return 0;
      if (anyShared(offsets, values, left, offsets, values, right)) return 1;
      for (let a = offsets[left] ?? 0; a < (offsets[left + 1] ?? 0); a++)
        for (let b = offsets[right] ?? 0; b < (offsets[right + 1] ?? 0); b++)
          if (oneKeyingError(table.pool, values[a] ?? 0, values[b] ?? 0)) return 2;
      return 3;
    };
  },
  rawValue: (record) => joinValues(record.documentNumbers),
};
