import { shareLandBorder } from '../landBorders.ts';
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

/**
 * Nationality: a neighbouring country is a level of its own. Officers write down the nationality
 * of a person's papers, language or own account, and those confuse neighbours most (a Romanian
 * from the Bulgarian border, a Moldovan with a Romanian passport, Czech for Slovak), so two
 * records of one person differ there far more often than between distant countries, while
 * strangers rarely differ that way.
 */
export const nationalityComparison: ComparisonKindDefinition = {
  kind: 'nationality',
  levelLabels: () => ['exact', 'neighbouring countries', 'else'],
  comparator(): Comparator {
    return (table, left, right) => {
      const a = table.nationality[left] ?? -1;
      const b = table.nationality[right] ?? -1;
      if (a < 0 || b < 0) return 0;
      if (a === b) return 1;
      return shareLandBorder(table.nationalityBorderCountry[left] ?? -1, table.nationalityBorderCountry[right] ?? -1) ? 2 : 3;
    };
  },
  rawValue: (record) => record.nationality ?? null,
};

/** Where found: the same area or not (a person moves; the level's weight says how much it tells). */
export const areaComparison: ComparisonKindDefinition = {
  kind: 'area',
  levelLabels: () => ['same area', 'else'],
  comparator(): Comparator {
    return (table, left, right) => {
      const a = table.area[left] ?? -1;
      const b = table.area[right] ?? -1;
      if (a < 0 || b < 0) return 0;
      return a === b ? 1 : 2;
    };
  },
  rawValue: (record) => record.area ?? null,
};
