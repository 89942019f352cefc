import type { StringPool } from '../featureTable.ts';
import { jaroWinklerIds } from './name.ts';
import { anyShared, countOf, joinValues, type Comparator, type ComparisonKindDefinition } from './comparison.ts';

function localPartLength(pool: StringPool, id: number): number {
  const start = pool.offsets[id] ?? 0;
  const end = pool.offsets[id + 1] ?? 0;
  for (let k = start; k < end; k++) if (pool.codes[k] === 64) return k - start;
  return end - start;
}

/** Same user name at another provider ("lan.nguyen@…" at two domains). */
function sameLocalPart(pool: StringPool, a: number, b: number): boolean {
  const length = localPartLength(pool, a);
  if (length === 0 || length !== localPartLength(pool, b)) return false;
  const aStart = pool.offsets[a] ?? 0;
  const bStart = pool.offsets[b] ?? 0;
  for (let k = 0; k < length; k++) if (pool.codes[aStart + k] !== pool.codes[bStart + k]) return false;
  return true;
}

export const emailComparison: ComparisonKindDefinition = {
  kind: 'email',
  levelLabels: (spec) => ['exact', 'same user name', `Jaro–Winkler ≥ ${spec.thresholds?.[0] ?? 0.88}`, 'else'],
  comparator(spec): Comparator {
    const threshold = spec.thresholds?.[0] ?? 0.88;
    return (table, left, right) => {
      const { offsets, values } = table.emails;
      if (countOf(offsets, left) === 0 || countOf(offsets, right) === 0) return 0;
      if (anyShared(offsets, values, left, offsets, values, right)) return 1;
      let best = 0;
      for (let a = offsets[left] ?? 0; a < (offsets[left + 1] ?? 0); a++)
        for (let b = offsets[right] ?? 0; b < (offsets[right + 1] ?? 0); b++) {
          const x = values[a] ?? 0;
          const y = values[b] ?? 0;
          if (sameLocalPart(table.pool, x, y)) return 2;
          best = Math.max(best, jaroWinklerIds(table.pool, x, y));
        }
      return best >= threshold ? 3 : 4;
    };
  },
  rawValue: (record) => joinValues(record.emails),
};
