import { countOf, type Comparator, type ComparisonKindDefinition } from './comparison.ts';

export const DEFAULT_ADDRESS_THRESHOLDS = [0.6, 0.3] as const;

/** Jaccard similarity of the address word sets; word order and punctuation do not matter. */
export const addressComparison: ComparisonKindDefinition = {
  kind: 'address',
  levelLabels: (spec) => ['same words', ...(spec.thresholds ?? DEFAULT_ADDRESS_THRESHOLDS).map((t) => `Jaccard ≥ ${t}`), 'else'],
  comparator(spec): Comparator {
    const thresholds = spec.thresholds ?? DEFAULT_ADDRESS_THRESHOLDS;
    return (table, left, right) => {
      const { offsets, values } = table.addressTokens;
      const countL = countOf(offsets, left);
      const countR = countOf(offsets, right);
      if (countL === 0 || countR === 0) return 0;
      let shared = 0;
      const endL = offsets[left + 1] ?? 0;
      const startR = offsets[right] ?? 0;
      const endR = offsets[right + 1] ?? 0;
      for (let a = offsets[left] ?? 0; a < endL; a++) {
        const v = values[a];
        for (let b = startR; b < endR; b++)
          if (values[b] === v) {
            shared++;
            break;
          }
      }
      if (shared === countL && shared === countR) return 1;
      const jaccard = shared / (countL + countR - shared);
      let level = 2;
      for (const t of thresholds) {
        if (jaccard >= t) return level;
        level++;
      }
      return level;
    };
  },
  rawValue: (record) => record.address ?? null,
};
