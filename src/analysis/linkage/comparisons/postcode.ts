import type { Comparator, ComparisonKindDefinition } from './comparison.ts';

export const postcodeComparison: ComparisonKindDefinition = {
  kind: 'postcode',
  levelLabels: () => ['full', 'sector', 'district', 'area', 'else'],
  comparator(): Comparator {
    return (table, left, right) => {
      const a = table.postcodeFull[left] ?? -1;
      const b = table.postcodeFull[right] ?? -1;
      if (a < 0 || b < 0) return 0;
      if (a === b) return 1;
      if (table.postcodeSector[left] === table.postcodeSector[right]) return 2;
      if (table.postcodeDistrict[left] === table.postcodeDistrict[right]) return 3;
      if (table.postcodeArea[left] === table.postcodeArea[right]) return 4;
      return 5;
    };
  },
  rawValue: (record) => record.postcode ?? null,
};
