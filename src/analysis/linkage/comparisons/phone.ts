import { anyShared, countOf, joinValues, type Comparator, type ComparisonKindDefinition } from './comparison.ts';

/** Multi-valued: any number of one record against any number of the other. */
export const phoneComparison: ComparisonKindDefinition = {
  kind: 'phone',
  levelLabels: () => ['E.164 equal', 'last 9 digits equal', 'else'],
  comparator(): Comparator {
    return (table, left, right) => {
      const e = table.phoneE164;
      const l9 = table.phoneLastNine;
      const hasLeft = countOf(e.offsets, left) + countOf(l9.offsets, left) > 0;
      const hasRight = countOf(e.offsets, right) + countOf(l9.offsets, right) > 0;
      if (!hasLeft || !hasRight) return 0;
      if (anyShared(e.offsets, e.values, left, e.offsets, e.values, right)) return 1;
      if (anyShared(l9.offsets, l9.values, left, l9.offsets, l9.values, right)) return 2;
      return 3;
    };
  },
  rawValue: (record) => joinValues(record.phones),
};
