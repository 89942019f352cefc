import type { Comparator, ComparisonKindDefinition } from './comparison.ts';

/** Sex: unknown on either side is the null level. */
export const sexComparison: ComparisonKindDefinition = {
  kind: 'sex',
  levelLabels: () => ['exact', 'else'],
  comparator(): Comparator {
    return (table, left, right) => {
      const a = table.sex[left] ?? 0;
      const b = table.sex[right] ?? 0;
      if (a === 0 || b === 0) return 0;
      return a === b ? 1 : 2;
    };
  },
  rawValue: (record) => record.sex ?? null,
};

export const nationalityComparison: ComparisonKindDefinition = {
  kind: 'nationality',
  levelLabels: () => ['exact', 'else'],
  comparator(): Comparator {
    return (table, left, right) => {
      const a = table.nationality[left] ?? -1;
      const b = table.nationality[right] ?? -1;
      if (a < 0 || b < 0) return 0;
      return a === b ? 1 : 2;
    };
  },
  rawValue: (record) => record.nationality ?? null,
};
